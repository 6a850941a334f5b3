package io.citylake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.privacy.ComplementarySuppression.Cell;
import io.citylake.privacy.ComplementarySuppression.Equation;
import io.citylake.privacy.ComplementarySuppression.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The suppression algorithm on hand-made groups (no Spark): what it discloses, which cell it
 * adds and why, determinism, and random hierarchies that the independent
 * {@link SubtractionAttacker} then cannot break.
 */
class ComplementarySuppressionTest {
  private static final double P = ComplementarySuppression.PROTECTION;

  /** Cells by id with their value; suppressed ids given separately. */
  private record Table(Map<String, Double> values, Set<String> suppressed, Set<String> fixed,
      List<Equation> equations) {
    List<Cell> cells() {
      List<Cell> cells = new ArrayList<>();
      values.keySet().forEach(id -> cells.add(new Cell(id, suppressed.contains(id),
          fixed.contains(id))));
      return cells;
    }
  }

  private static Item item(Map<String, Double> values, String id) {
    return new Item(id, "v", values.get(id));
  }

  private static Equation sum(Map<String, Double> values, String total, String... parts) {
    List<Item> items = new ArrayList<>();
    for (String part : parts) {
      items.add(item(values, part));
    }
    return new Equation(total, List.of(item(values, total)), items);
  }

  /** A 1 km square of 100 and its four 500 m squares 10, 20, 30, 40. */
  private static Map<String, Double> square() {
    Map<String, Double> v = new TreeMap<>();
    v.put("km", 100.0);
    v.put("m1", 10.0);
    v.put("m2", 20.0);
    v.put("m3", 30.0);
    v.put("m4", 40.0);
    return v;
  }

  @Test
  void aTotalAndAllButOnePartPublishedDiscloseTheSuppressedPart() {
    Map<String, Double> v = square();
    List<Equation> equations = List.of(sum(v, "km", "m1", "m2", "m3", "m4"));
    Table table = new Table(v, Set.of("m2"), Set.of(), equations);

    assertThat(ComplementarySuppression.disclosed(table.cells(), equations, P))
        .containsExactly("m2");
    assertThat(SubtractionAttacker.recovered(v, table.suppressed(), table.suppressed(), equations, P))
        .containsOnlyKeys("m2").containsEntry("m2", 20.0);
  }

  @Test
  void theSmallestSiblingThatLeavesMoreThanThePercentIsAdded() {
    Map<String, Double> v = square();
    v.put("m1", 3.0);   // 3 <= 20% of 40: too small to protect m4
    v.put("km", 93.0);
    List<Equation> equations = List.of(sum(v, "km", "m1", "m2", "m3", "m4"));
    Table table = new Table(v, Set.of("m4"), Set.of(), equations);

    ComplementarySuppression.Result result = ComplementarySuppression.protect(table.cells(),
        equations, P);

    assertThat(result.secondary()).containsExactly("m2");
    assertThat(result.unprotected()).isEmpty();
    Set<String> all = union(table.suppressed(), result.secondary());
    assertThat(SubtractionAttacker.recovered(v, all, table.suppressed(), equations, P)).isEmpty();
    // with m1 as the complement, m4 would be known to within 3 / 40 = 7.5 %
    assertThat(SubtractionAttacker.recovered(v, Set.of("m4", "m1"), Set.of("m4"), equations, P))
        .containsKey("m4");
  }

  @Test
  void tiesGoToTheSmallerIdAndRerunsChooseTheSame() {
    Map<String, Double> v = square();
    v.put("m2", 30.0);
    v.put("km", 110.0);
    List<Equation> equations = List.of(sum(v, "km", "m1", "m2", "m3", "m4"));
    Table table = new Table(v, Set.of("m1"), Set.of(), equations);

    SortedSet<String> first = ComplementarySuppression.protect(table.cells(), equations, P)
        .secondary();
    List<Cell> shuffled = new ArrayList<>(table.cells());
    Collections.shuffle(shuffled, new Random(7));
    List<Equation> reversed = new ArrayList<>(equations);
    Collections.reverse(reversed);

    assertThat(first).containsExactly("m2");
    assertThat(ComplementarySuppression.protect(shuffled, reversed, P).secondary())
        .isEqualTo(first);
  }

  @Test
  void aSuppressedParentDerivableFromTheLevelAboveStillProtectsItsChildren() {
    // municipality 300 = km 100 + kmB 200; km = m1..m4; km is suppressed (primary) and
    // kmB published, so km = 300 - 200 is known and its children need their own complement
    Map<String, Double> v = square();
    v.put("muni", 300.0);
    v.put("kmB", 200.0);
    List<Equation> equations = List.of(sum(v, "km", "m1", "m2", "m3", "m4"),
        sum(v, "muni", "km", "kmB"));
    Table table = new Table(v, Set.of("km", "m3"), Set.of("muni", "kmB"), equations);

    assertThat(ComplementarySuppression.disclosed(table.cells(), equations, P))
        .contains("km", "m3");
    ComplementarySuppression.Result result = ComplementarySuppression.protect(table.cells(),
        equations, P);

    // m3 = km - m1 - m2 - m4 once km is known: its smallest sibling above 20 % of 30 joins it
    assertThat(result.secondary()).containsExactly("m1");
    assertThat(result.unprotected()).containsExactly("km");
    assertThat(SubtractionAttacker.recovered(v, union(table.suppressed(), result.secondary()),
        table.suppressed(), equations, P)).containsOnlyKeys("km");
  }

  @Test
  void whenOnlyFixedSiblingsRemainTheTotalIsSuppressed() {
    // a new day (d2, primary) in a month whose other day was published by an earlier night
    Map<String, Double> v = new TreeMap<>(Map.of("month", 50.0, "d1", 45.0, "d2", 5.0));
    List<Equation> equations = List.of(sum(v, "month", "d1", "d2"));
    Table table = new Table(v, Set.of("d2"), Set.of("d1"), equations);

    ComplementarySuppression.Result result = ComplementarySuppression.protect(table.cells(),
        equations, P);

    assertThat(result.secondary()).containsExactly("month");
    assertThat(SubtractionAttacker.recovered(v, Set.of("d2", "month"), Set.of("d2"), equations, P))
        .isEmpty();
  }

  @Test
  void aCellThatFixedPublishedCellsDetermineIsNeverTheComplement() {
    // a town that is one ward: each ward hour equals the municipal hour an earlier job
    // published (fixed); the ward's day is the sum of its hours. h2 is primary: suppressing h3
    // would hide nothing (h3 = m3), so the ward's day must be suppressed instead
    Map<String, Double> v = new TreeMap<>(Map.of("day", 60.0, "h1", 30.0, "h2", 5.0,
        "h3", 25.0, "m1", 30.0, "m2", 5.0, "m3", 25.0));
    List<Equation> equations = List.of(sum(v, "day", "h1", "h2", "h3"), sum(v, "m1", "h1"),
        sum(v, "m2", "h2"), sum(v, "m3", "h3"));
    Table table = new Table(v, Set.of("h2", "m2"), Set.of("m1", "m2", "m3"), equations);

    ComplementarySuppression.Result result = ComplementarySuppression.protect(table.cells(),
        equations, P);

    assertThat(result.secondary()).containsExactly("day");
    assertThat(result.unprotected()).isEmpty();
    assertThat(SubtractionAttacker.recovered(v, Set.of("h2", "m2", "day"), Set.of("h2", "m2"),
        equations, P)).isEmpty();
  }

  @Test
  void randomHierarchiesAreProtectedAgainstTheIndependentAttacker() {
    for (long seed = 1; seed <= 25; seed++) {
      Random random = new Random(seed);
      Map<String, Double> v = new TreeMap<>();
      List<Equation> equations = new ArrayList<>();
      Set<String> primary = new TreeSet<>();
      // municipality-hours: wards and 1 km squares, each 1 km square of four 500 m squares
      for (int hour = 0; hour < 3; hour++) {
        String muni = "h" + hour;
        List<String> wards = new ArrayList<>();
        List<String> kms = new ArrayList<>();
        double total = 0;
        for (int k = 0; k < 2 + random.nextInt(4); k++) {
          String km = muni + "-km" + k;
          List<String> halves = new ArrayList<>();
          double kmTotal = 0;
          for (int m = 0; m < 1 + random.nextInt(4); m++) {
            String half = km + "-m" + m;
            double value = random.nextInt(4) == 0 ? random.nextInt(10) : 10 + random.nextInt(90);
            v.put(half, value);
            halves.add(half);
            kmTotal += value;
            if (value < 10) {
              primary.add(half);
            }
          }
          v.put(km, kmTotal);
          kms.add(km);
          if (kmTotal < 10) {
            primary.add(km);
          }
          equations.add(sum(v, km, halves.toArray(String[]::new)));
          total += kmTotal;
        }
        // wards split the same total differently
        double left = total;
        for (int w = 0; w < 3; w++) {
          String ward = muni + "-w" + w;
          double value = w == 2 ? left : Math.floor(left * random.nextDouble() / 2);
          left -= value;
          v.put(ward, value);
          wards.add(ward);
          if (value < 10) {
            primary.add(ward);
          }
        }
        v.put(muni, total);
        equations.add(sum(v, muni, kms.toArray(String[]::new)));
        equations.add(new Equation(muni + "/wards", List.of(item(v, muni)),
            wards.stream().map(w -> item(v, w)).toList()));
      }
      Table table = new Table(v, primary, Set.of(), equations);

      ComplementarySuppression.Result result = ComplementarySuppression.protect(table.cells(),
          equations, P);
      Set<String> all = union(primary, result.secondary());

      assertThat(result.unprotected()).as("seed " + seed).isEmpty();
      assertThat(SubtractionAttacker.recovered(v, all, primary, equations, P)).as("seed " + seed)
          .isEmpty();
      assertThat(ComplementarySuppression.protect(table.cells(), equations, P).secondary())
          .as("seed " + seed).isEqualTo(result.secondary());
      if (!primary.isEmpty() && seed == 1) {
        assertThat(SubtractionAttacker.recovered(v, primary, primary, equations, P)).as("primary only")
            .isNotEmpty();
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}
