package io.citylake.sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the resident panel: split over the municipalities roughly by population weight (Sapporo
 * most, Susami a few hundred), Sapporo over its wards by ward population, age bands by local
 * age structure, and per-person habits that make the KPIs land near the city's seed targets.
 */
final class PersonPanel {
  /** Panel shares; Susami is over-sampled (it has 3 600 inhabitants) so its KPIs are computable. */
  private static final Map<String, Double> SHARE = Map.of("sapporo", 0.72, "susami", 0.05);
  /** Ward populations (thousands), 01101..01110. */
  private static final double[] WARD_POPULATION = {250, 285, 265, 212, 225, 135, 217, 125, 141, 110};
  /** Sapporo's ward codes in the order of {@link #WARD_POPULATION}: one string each, shared. */
  private static final String[] WARD_CODES = java.util.stream.IntStream
      .rangeClosed(1, WARD_POPULATION.length)
      .mapToObj(k -> String.format(Locale.ROOT, "011%02d", k)).toArray(String[]::new);
  private static final Map<String, double[]> AGE_SHARES = Map.of(
      "sapporo", new double[] {0.15, 0.22, 0.33, 0.14, 0.16},
      "tsukuba", new double[] {0.20, 0.28, 0.30, 0.11, 0.11},
      "susami", new double[] {0.10, 0.12, 0.29, 0.22, 0.27});
  private static final Map<String, Double> WALK_MEAN =
      Map.of("sapporo", 66.0, "tsukuba", 50.0, "susami", 56.0);
  private static final Map<String, Double> CAR_SHARE =
      Map.of("sapporo", 0.48, "tsukuba", 0.855, "susami", 0.80);

  private final List<Person> persons;
  private final Map<String, Double> populations =
      Map.of("sapporo", 1_973_000.0, "tsukuba", 256_000.0, "susami", 3_600.0);

  PersonPanel(SampleSpec spec) {
    this.persons = build(spec);
  }

  List<Person> all() {
    return persons;
  }

  List<Person> of(String municipality) {
    return persons.stream().filter(p -> p.municipality().equals(municipality)).toList();
  }

  /** Expansion factor of one panel resident to the municipality's population. */
  double residentWeight(String municipality) {
    return populations.get(municipality) / of(municipality).size();
  }

  private static List<Person> build(SampleSpec spec) {
    SplittableRandom rng = spec.random("persons", 0);
    int sapporo = (int) Math.round(spec.persons() * SHARE.get("sapporo"));
    int susami = (int) Math.round(spec.persons() * SHARE.get("susami"));
    int tsukuba = spec.persons() - sapporo - susami;
    Set<Long> cards = new HashSet<>();
    List<Person> out = new ArrayList<>();
    addPersons(out, "sapporo", sapporo, rng, cards);
    addPersons(out, "tsukuba", tsukuba, rng, cards);
    addPersons(out, "susami", susami, rng, cards);
    return List.copyOf(out);
  }

  private static void addPersons(List<Person> out, String muni, int n, SplittableRandom rng,
      Set<Long> cards) {
    for (int i = 1; i <= n; i++) {
      String ward = muni.equals("sapporo") ? WARD_CODES[pick(WARD_POPULATION, rng)] : "";
      String age = Person.AGE_BANDS[pick(AGE_SHARES.get(muni), rng)];
      double walk = WALK_MEAN.get(muni) + ageWalkOffset(age) + rng.nextGaussian() * 12;
      double car = Math.min(0.99, Math.max(0.0, CAR_SHARE.get(muni) + rng.nextGaussian() * 0.08));
      long card;
      do {
        card = cardNumber(rng);
      } while (!cards.add(card));
      out.add(new Person(i, muni, ward, age, card, Math.max(10, walk), car,
          rng.nextDouble() < 0.35, rng.nextDouble() < 0.80));
    }
  }

  private static double ageWalkOffset(String age) {
    return switch (age) {
      case "0-19" -> 8;
      case "65-74" -> -4;
      case "75+" -> -14;
      default -> 0;
    };
  }

  /** An IC card number as the card issuer prints it: {@code IC-} and 12 hex digits. */
  static String cardId(SplittableRandom rng) {
    return Person.cardId(cardNumber(rng));
  }

  /** The 48 bits of a new IC card number. */
  static long cardNumber(SplittableRandom rng) {
    return rng.nextLong() & 0xFFFF_FFFF_FFFFL;
  }

  /** Index drawn with probability proportional to the weights. */
  static int pick(double[] weights, SplittableRandom rng) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
