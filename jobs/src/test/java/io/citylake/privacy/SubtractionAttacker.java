package io.citylake.privacy;

import io.citylake.privacy.ComplementarySuppression.Equation;
import io.citylake.privacy.ComplementarySuppression.Item;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The analyst of the audits, written apart from {@link ComplementarySuppression} so the two
 * check each other: knows the published values only, subtracts along the equations (a total
 * minus its published parts, a part's total minus its published siblings), treats what it
 * recovers as published and repeats until it learns nothing new; then bounds each remaining
 * suppressed value from above (known total minus known parts) and, where it is the total,
 * from below (its known parts). A suppressed cell is recovered when it is found exactly, or,
 * for a primary cell, when a bound lies within the protection interval of its true value
 * ({@link Disclosure}).
 */
public final class SubtractionAttacker {
  private SubtractionAttacker() {}

  /**
   * The suppressed cells recovered, with the value the analyst found.
   *
   * @param truth every item's true value by cell id (an item per cell: one measure)
   * @param primary the sensitive cells (fewer than k persons), held to the protection interval;
   *     the other suppressed cells only must not be recovered exactly
   */
  public static Map<String, Double> recovered(Map<String, Double> truth, Set<String> suppressed,
      Set<String> primary, Collection<Equation> equations, double p) {
    Map<String, Double> itemTruth = new HashMap<>();
    for (Equation e : equations) {
      for (Item i : items(e)) {
        itemTruth.put(key(i), truth.getOrDefault(i.cell(), i.value()));
      }
    }
    Map<String, Double> found = recoveredItems(itemTruth, suppressed, primary, equations, p);
    Map<String, Double> byCell = new TreeMap<>();
    found.forEach((k, v) -> byCell.put(k.substring(0, k.lastIndexOf('#')), v));
    return byCell;
  }

  /**
   * Recovered items ({@code cell#measure}): the analyst knows the values the equations' items
   * carry for published cells; {@code truth} (every suppressed item's true value) only judges.
   */
  public static Map<String, Double> recoveredItems(Map<String, Double> truth,
      Set<String> suppressed, Set<String> primary, Collection<Equation> equations, double p) {
    Map<String, Double> known = new HashMap<>();
    for (Equation e : equations) {
      for (Item i : items(e)) {
        if (!suppressed.contains(i.cell())) {
          known.put(key(i), Double.isNaN(i.value()) ? 0 : i.value());
        }
      }
    }
    Map<String, Double> learned = new HashMap<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Equation e : equations) {
        List<Item> unknown = items(e).stream().filter(i -> !known.containsKey(key(i))).toList();
        if (unknown.size() != 1) {
          continue;
        }
        Item u = unknown.get(0);
        boolean total = e.totals().contains(u);
        double value = sum(total ? e.parts() : e.totals(), known)
            - sum(total ? e.totals() : e.parts(), known);
        known.put(key(u), value);
        learned.put(key(u), value);
        progress = true;
      }
    }
    Map<String, Double> recovered = new TreeMap<>();
    for (Equation e : equations) {
      for (Item u : items(e)) {
        String k = key(u);
        if (!suppressed.contains(u.cell())) {
          continue;
        }
        Double v = truth.get(k);
        if (v == null) {
          throw new IllegalStateException("no true value for suppressed " + k);
        }
        boolean sensitive = primary.contains(u.cell());
        if (learned.containsKey(k)) {
          if (Disclosure.disclosed(v, learned.get(k), learned.get(k), p, true)) {
            recovered.put(k, learned.get(k));
          }
          continue;
        }
        boolean total = e.totals().contains(u);
        List<Item> own = total ? e.totals() : e.parts();
        List<Item> other = total ? e.parts() : e.totals();
        boolean otherKnown = other.stream().allMatch(i -> known.containsKey(key(i)));
        boolean ownKnown = own.stream().allMatch(i -> i == u || known.containsKey(key(i)));
        double estimate = sum(other, known) - sum(own, known);
        // everything unknown is >= 0: a known other side bounds u from above ...
        if (otherKnown && Disclosure.disclosed(v, 0, estimate, p, sensitive)) {
          recovered.put(k, estimate);
        }
        // ... and known siblings bound it from below
        if (ownKnown && !otherKnown && Disclosure.disclosed(v, estimate,
            Double.POSITIVE_INFINITY, p, sensitive)) {
          recovered.put(k, estimate);
        }
      }
    }
    return recovered;
  }

  private static List<Item> items(Equation e) {
    List<Item> all = new ArrayList<>(e.totals());
    all.addAll(e.parts());
    return all;
  }

  private static String key(Item i) {
    return i.cell() + "#" + i.measure();
  }

  private static double sum(List<Item> items, Map<String, Double> known) {
    return items.stream().mapToDouble(i -> known.getOrDefault(key(i), 0.0)).sum();
  }
}
