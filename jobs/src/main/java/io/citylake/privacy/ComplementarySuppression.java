package io.citylake.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Complementary (secondary) suppression over the equations of the declared additive relations,
 * as an audit-and-fix loop (the approach of τ-ARGUS's hypercube and of sdcMicro's audits, kept
 * small): audit what an analyst can derive from the published cells, and while some suppressed
 * cell is disclosed, suppress one more published cell of the equation that discloses it; repeat
 * until nothing is disclosed.
 *
 * <p><b>Audit.</b> Every published cell is known; every suppressed cell lies in [0, ∞). For each
 * equation Σ totals = Σ parts the bounds of each unknown are tightened from the others
 * (interval propagation), over all equations, until nothing changes: exact subtraction (parent
 * minus published siblings), its iteration across levels and tables, and the bounds two or more
 * suppressed cells leave are all covered.
 *
 * <p><b>Disclosure (the protection interval, {@link Disclosure}).</b> Any suppressed cell is
 * disclosed when its bounds meet (exact recovery); a primary cell (fewer than k persons) of true
 * value v also when the analyst's upper bound, or a derived (non-zero) lower bound, is within
 * ±p·v of v.
 * With p = {@link #PROTECTION}, the cells suppressed with v in a group whose total is known must
 * add up to more than p·v: the analyst's best estimate (total minus published parts) is then
 * more than p·v away.
 *
 * <p><b>Choice.</b> The cell added is a sibling (same side of the equation) of the disclosed
 * cell: the smallest published one that gives enough room, or the largest when none does; only
 * when there is no free sibling, a cell of the other side (the total). Ties go to the smaller
 * cell id, and cells, equations and candidates are always visited in sorted order, so a rerun
 * on the same cells suppresses the same cells. Fixed cells (rows this run does not rewrite) are
 * never chosen, nor are cells that fixed published cells determine on their own.
 */
public final class ComplementarySuppression {
  /** p of the protection interval: a suppressed value must stay uncertain by more than ±20 %. */
  public static final double PROTECTION = 0.20;
  private static final int MAX_PASSES = 200;

  /** A published or suppressed row; {@code fixed} rows belong to tables or periods not rewritten. */
  public record Cell(String id, boolean suppressed, boolean fixed) {}

  /** One measure of one row; {@code value} is NaN when unknown (a fixed suppressed row). */
  public record Item(String cell, String measure, double value) {
    String key() {
      return cell + "#" + measure;
    }
  }

  /** Σ totals = Σ parts, for one group and one measure of a relation. */
  public record Equation(String name, List<Item> totals, List<Item> parts) {
    public Equation {
      totals = List.copyOf(totals);
      parts = List.copyOf(parts);
    }
  }

  /**
   * What the protection did.
   *
   * @param secondary the cells suppressed to protect others
   * @param unprotected suppressed cells still disclosed because only fixed cells could protect
   *     them
   */
  public record Result(SortedSet<String> secondary, SortedSet<String> unprotected) {}

  private final double protection;
  private final Map<String, Boolean> suppressed = new TreeMap<>();
  private final Set<String> fixed = new HashSet<>();
  /**
   * Cells whose value fixed published cells determine on their own (the only open member of an
   * equation: a town's one ward beside its published municipal hour). Suppressing one hides
   * nothing, so none is ever chosen as a complement.
   */
  private final Set<String> pinned = new HashSet<>();
  /** Free cells suppressed on entry: the primary, sensitive cells. */
  private final Set<String> primary = new HashSet<>();
  private final List<Equation> equations;
  private final Map<String, Double> value = new HashMap<>();
  private final Map<String, double[]> bounds = new HashMap<>();
  private final Map<String, List<Integer>> equationsOf = new TreeMap<>();

  private ComplementarySuppression(Collection<Cell> cells, Collection<Equation> equations,
      double protection) {
    this.protection = protection;
    for (Cell c : cells) {
      suppressed.put(c.id(), c.suppressed());
      if (c.fixed()) {
        fixed.add(c.id());
      } else if (c.suppressed()) {
        primary.add(c.id());
      }
    }
    this.equations = equations.stream().sorted(Comparator.comparing(Equation::name)).toList();
    for (int i = 0; i < this.equations.size(); i++) {
      Equation e = this.equations.get(i);
      for (Item item : members(e)) {
        if (!suppressed.containsKey(item.cell())) {
          throw new IllegalArgumentException("equation " + e.name() + " names unknown cell "
              + item.cell());
        }
        value.put(item.key(), item.value());
        equationsOf.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(i);
      }
    }
    for (Equation e : this.equations) {
      List<String> open = members(e).stream().map(Item::cell)
          .filter(cell -> !fixed.contains(cell) || suppressed.get(cell)).distinct().toList();
      if (open.size() == 1 && !fixed.contains(open.get(0))) {
        pinned.add(open.get(0));
      }
    }
  }

  /** Suppresses further cells until no suppressed cell is disclosed; returns what it added. */
  public static Result protect(Collection<Cell> cells, Collection<Equation> equations,
      double protection) {
    return new ComplementarySuppression(cells, equations, protection).run();
  }

  /** The suppressed cells an analyst can disclose from the published ones (an audit only). */
  public static SortedSet<String> disclosed(Collection<Cell> cells,
      Collection<Equation> equations, double protection) {
    ComplementarySuppression audit = new ComplementarySuppression(cells, equations, protection);
    audit.propagate();
    SortedSet<String> cellsDisclosed = new TreeSet<>();
    audit.disclosedItems().forEach(k -> cellsDisclosed.add(cellOf(k)));
    return cellsDisclosed;
  }

  private Result run() {
    SortedSet<String> secondary = new TreeSet<>();
    while (true) {
      propagate();
      List<String> disclosed = disclosedItems();
      if (disclosed.isEmpty()) {
        return new Result(secondary, new TreeSet<>());
      }
      Set<Integer> touched = new HashSet<>();
      boolean progress = false;
      for (String item : disclosed) {
        if (!isDisclosed(item)) {
          continue;
        }
        int equation = bindingEquation(item);
        if (equation < 0 || touched.contains(equation)) {
          progress |= equation >= 0;
          continue;
        }
        String chosen = choose(item, equations.get(equation));
        if (chosen == null) {
          continue;
        }
        suppressed.put(chosen, true);
        secondary.add(chosen);
        touched.add(equation);
        progress = true;
      }
      if (!progress) {
        SortedSet<String> unprotected = new TreeSet<>();
        disclosed.forEach(k -> unprotected.add(cellOf(k)));
        return new Result(secondary, unprotected);
      }
    }
  }

  private static List<Item> members(Equation e) {
    List<Item> all = new ArrayList<>(e.totals());
    all.addAll(e.parts());
    return all;
  }

  private static String cellOf(String itemKey) {
    return itemKey.substring(0, itemKey.lastIndexOf('#'));
  }

  private boolean isSuppressed(String itemKey) {
    return suppressed.get(cellOf(itemKey));
  }

  /** Interval propagation over every equation until no bound moves. */
  private void propagate() {
    bounds.clear();
    for (String key : value.keySet()) {
      bounds.put(key, initial(key));
    }
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      boolean changed = false;
      for (Equation e : equations) {
        changed |= tighten(e);
      }
      if (!changed) {
        return;
      }
    }
  }

  /** Lower sum and upper sum (finite part, count of infinite members) of a side. */
  private static final class Sums {
    double lo;
    double hiFinite;
    int hiInfinite;

    void add(double[] b, int sign) {
      lo += sign * b[0];
      if (Double.isInfinite(b[1])) {
        hiInfinite += sign;
      } else {
        hiFinite += sign * b[1];
      }
    }

    /** Upper sum without member {@code b}. */
    double hiWithout(double[] b) {
      int infinite = hiInfinite - (Double.isInfinite(b[1]) ? 1 : 0);
      return infinite > 0 ? Double.POSITIVE_INFINITY
          : hiFinite - (Double.isInfinite(b[1]) ? 0 : b[1]);
    }

    double hi() {
      return hiInfinite > 0 ? Double.POSITIVE_INFINITY : hiFinite;
    }
  }

  private boolean tighten(Equation e) {
    Sums totals = sums(e.totals());
    Sums parts = sums(e.parts());
    boolean changed = false;
    changed |= tightenSide(e.totals(), totals, parts);
    changed |= tightenSide(e.parts(), parts, totals);
    return changed;
  }

  private Sums sums(List<Item> items) {
    return sums(items, false);
  }

  private Sums sums(List<Item> items, boolean direct) {
    Sums s = new Sums();
    for (Item i : items) {
      s.add(direct ? initial(i.key()) : bounds.get(i.key()), 1);
    }
    return s;
  }

  /** A published item's value, or [0, ∞) for a suppressed one. */
  private double[] initial(String key) {
    double v = value.get(key);
    return isSuppressed(key) ? new double[] {0, Double.POSITIVE_INFINITY}
        : new double[] {Double.isNaN(v) ? 0 : v, Double.isNaN(v) ? 0 : v};
  }

  /** u = Σ other side − Σ own side without u. */
  private boolean tightenSide(List<Item> own, Sums ownSums, Sums other) {
    boolean changed = false;
    for (Item i : own) {
      if (!suppressed.get(i.cell())) {
        continue;
      }
      double[] b = bounds.get(i.key());
      double upper = other.hi() - (ownSums.lo - b[0]);
      double lower = other.lo - ownSums.hiWithout(b);
      double[] next = {Math.max(b[0], lower), Math.min(b[1], upper)};
      if (moved(b[1], next[1]) || moved(b[0], next[0])) {
        ownSums.add(b, -1);
        ownSums.add(next, 1);
        bounds.put(i.key(), next);
        changed = true;
      }
    }
    return changed;
  }

  private static boolean moved(double before, double after) {
    if (before == after || Double.isInfinite(after) && Double.isInfinite(before)) {
      return false;
    }
    return Double.isInfinite(before) || Math.abs(before - after) > 1e-9 * Math.max(1,
        Math.abs(before));
  }

  private List<String> disclosedItems() {
    List<String> disclosed = new ArrayList<>();
    for (String key : new TreeSet<>(value.keySet())) {
      if (isDisclosed(key)) {
        disclosed.add(key);
      }
    }
    return disclosed;
  }

  private boolean isDisclosed(String key) {
    if (!isSuppressed(key)) {
      return false;
    }
    double[] b = bounds.get(key);
    return Disclosure.disclosed(value.get(key), b[0], b[1], protection,
        primary.contains(cellOf(key)));
  }

  /**
   * The equation to open up for a disclosed item, or -1 when none can help. An equation that
   * discloses it from published cells alone must be opened there: the tightest such with a
   * free cell, or none when no such equation has one (cells added elsewhere cannot help). When
   * only the combination of equations discloses it, the tightest equation with a free cell.
   */
  private int bindingEquation(String key) {
    double v = value.get(key);
    boolean sensitive = primary.contains(cellOf(key));
    List<Integer> direct = new ArrayList<>();
    for (int index : equationsOf.getOrDefault(key, List.of())) {
      double[] own = boundFrom(equations.get(index), key, true);
      if (Disclosure.disclosed(v, Math.max(0, own[0]), own[1], protection, sensitive)) {
        direct.add(index);
      }
    }
    List<Integer> considered = direct.isEmpty() ? equationsOf.getOrDefault(key, List.of())
        : direct;
    int best = -1;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int index : considered) {
      if (!hasCandidate(equations.get(index), key)) {
        continue;
      }
      double[] own = boundFrom(equations.get(index), key, false);
      double score = Double.isNaN(v) ? own[1] - Math.max(0, own[0])
          : Math.min(Math.abs(own[1] - v), own[0] > 0 ? Math.abs(own[0] - v)
              : Double.POSITIVE_INFINITY);
      if (best < 0 || score < bestScore) {
        bestScore = score;
        best = index;
      }
    }
    return best;
  }

  /**
   * The bounds equation {@code e} alone gives the item: from the others' current bounds, or
   * ({@code direct}) from the published cells only, every suppressed one in [0, ∞).
   */
  private double[] boundFrom(Equation e, String key, boolean direct) {
    boolean inTotals = e.totals().stream().anyMatch(i -> i.key().equals(key));
    Sums own = sums(inTotals ? e.totals() : e.parts(), direct);
    Sums other = sums(inTotals ? e.parts() : e.totals(), direct);
    double[] b = direct ? new double[] {0, Double.POSITIVE_INFINITY} : bounds.get(key);
    return new double[] {other.lo - own.hiWithout(b), other.hi() - (own.lo - b[0])};
  }

  private boolean hasCandidate(Equation e, String key) {
    return members(e).stream().anyMatch(i -> !i.key().equals(key) && free(i.cell()));
  }

  private boolean free(String cell) {
    return !suppressed.get(cell) && !fixed.contains(cell) && !pinned.contains(cell);
  }

  /** The published cell to suppress in {@code e} for the disclosed item {@code key}. */
  private String choose(String key, Equation e) {
    boolean inTotals = e.totals().stream().anyMatch(i -> i.key().equals(key));
    List<Item> siblings = candidates(inTotals ? e.totals() : e.parts(), key);
    List<Item> others = candidates(inTotals ? e.parts() : e.totals(), key);
    double v = value.get(key);
    double[] b = bounds.get(key);
    double needed = Double.isNaN(v) || Double.isInfinite(b[1]) ? 0
        : Math.max(0, (1 + protection) * v - b[1]);
    for (Item i : siblings) {
      if (i.value() > needed) {
        return i.cell();
      }
    }
    if (!siblings.isEmpty()) {
      return siblings.get(siblings.size() - 1).cell();
    }
    return others.isEmpty() ? null : others.get(0).cell();
  }

  /** Free published cells of a side, smallest value first, then by id. */
  private List<Item> candidates(List<Item> side, String key) {
    return side.stream().filter(i -> !i.key().equals(key) && free(i.cell()))
        .sorted(Comparator.comparingDouble((Item i) -> Double.isNaN(i.value()) ? 0 : i.value())
            .thenComparing(Item::cell))
        .toList();
  }
}
