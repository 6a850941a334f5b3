package io.citylake.privacy;

import java.util.ArrayList;
import java.util.Arrays;
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
  /** Cell ids by index; the arrays below are indexed by cell. */
  private final String[] cellIds;
  private final boolean[] suppressed;
  private final boolean[] fixed;
  /**
   * Cells whose value fixed published cells determine on their own (the only open member of an
   * equation: a town's one ward beside its published municipal hour). Suppressing one hides
   * nothing, so none is ever chosen as a complement.
   */
  private final boolean[] pinned;
  /** Free cells suppressed on entry: the primary, sensitive cells. */
  private final boolean[] primary;
  /** Items (one measure of one cell) by index: key, cell, value, current bounds. */
  private final String[] itemKeys;
  private final int[] itemCell;
  private final double[] value;
  private final double[] lo;
  private final double[] hi;
  /** The equations each item appears in (ascending, as often as it appears). */
  private final int[][] equationsOf;
  /** Item indices in the order of their keys: the order disclosed items are visited in. */
  private final int[] itemsByKey;
  /** The equations, sorted by name: their members' item indices and the members' values. */
  private final String[] equationNames;
  private final Side[] totals;
  private final Side[] parts;

  /** One side of an equation: its members' items and the values given with them. */
  private record Side(int[] items, double[] values) {
    boolean contains(int item) {
      for (int i : items) {
        if (i == item) {
          return true;
        }
      }
      return false;
    }
  }

  private ComplementarySuppression(Collection<Cell> cells, Collection<Equation> equations,
      double protection) {
    this.protection = protection;
    Map<String, Integer> cellIndex = new HashMap<>();
    List<Cell> distinct = new ArrayList<>();
    for (Cell c : cells) {
      if (cellIndex.putIfAbsent(c.id(), distinct.size()) == null) {
        distinct.add(c);
      }
    }
    int cellCount = distinct.size();
    cellIds = new String[cellCount];
    suppressed = new boolean[cellCount];
    fixed = new boolean[cellCount];
    pinned = new boolean[cellCount];
    primary = new boolean[cellCount];
    for (Cell c : cells) {
      int index = cellIndex.get(c.id());
      cellIds[index] = c.id();
      suppressed[index] = c.suppressed();
      if (c.fixed()) {
        fixed[index] = true;
      } else if (c.suppressed()) {
        primary[index] = true;
      }
    }
    List<Equation> sorted = equations.stream().sorted(Comparator.comparing(Equation::name))
        .toList();
    Map<String, Integer> itemIndex = new HashMap<>();
    List<String> keys = new ArrayList<>();
    List<Integer> cellOfItem = new ArrayList<>();
    Map<Integer, Double> lastValue = new HashMap<>();
    Map<Integer, List<Integer>> memberOf = new HashMap<>();
    equationNames = new String[sorted.size()];
    totals = new Side[sorted.size()];
    parts = new Side[sorted.size()];
    for (int e = 0; e < sorted.size(); e++) {
      Equation equation = sorted.get(e);
      equationNames[e] = equation.name();
      for (Item item : members(equation)) {
        Integer cell = cellIndex.get(item.cell());
        if (cell == null) {
          throw new IllegalArgumentException("equation " + equation.name()
              + " names unknown cell " + item.cell());
        }
        int index = itemIndex.computeIfAbsent(item.key(), k -> {
          keys.add(k);
          cellOfItem.add(cell);
          return keys.size() - 1;
        });
        lastValue.put(index, item.value());
        memberOf.computeIfAbsent(index, k -> new ArrayList<>()).add(e);
      }
      totals[e] = side(equation.totals(), itemIndex);
      parts[e] = side(equation.parts(), itemIndex);
    }
    int itemCount = keys.size();
    itemKeys = keys.toArray(String[]::new);
    itemCell = cellOfItem.stream().mapToInt(Integer::intValue).toArray();
    value = new double[itemCount];
    equationsOf = new int[itemCount][];
    for (int i = 0; i < itemCount; i++) {
      value[i] = lastValue.get(i);
      equationsOf[i] = memberOf.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    lo = new double[itemCount];
    hi = new double[itemCount];
    itemsByKey = new TreeMap<>(itemIndex).values().stream().mapToInt(Integer::intValue)
        .toArray();
    for (int e = 0; e < equationNames.length; e++) {
      int open = -1;
      boolean single = true;
      for (int item : members(e)) {
        int cell = itemCell[item];
        if (fixed[cell] && !suppressed[cell] || cell == open) {
          continue;
        }
        single = open < 0;
        open = cell;
        if (!single) {
          break;
        }
      }
      if (single && open >= 0 && !fixed[open]) {
        pinned[open] = true;
      }
    }
  }

  private static Side side(List<Item> items, Map<String, Integer> itemIndex) {
    return new Side(items.stream().mapToInt(i -> itemIndex.get(i.key())).toArray(),
        items.stream().mapToDouble(Item::value).toArray());
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
    audit.disclosedItems().forEach(i -> cellsDisclosed.add(audit.cellIds[audit.itemCell[i]]));
    return cellsDisclosed;
  }

  private Result run() {
    SortedSet<String> secondary = new TreeSet<>();
    while (true) {
      propagate();
      List<Integer> disclosed = disclosedItems();
      if (disclosed.isEmpty()) {
        return new Result(secondary, new TreeSet<>());
      }
      Set<Integer> touched = new HashSet<>();
      boolean progress = false;
      for (int item : disclosed) {
        if (!isDisclosed(item)) {
          continue;
        }
        int equation = bindingEquation(item);
        if (equation < 0 || touched.contains(equation)) {
          progress |= equation >= 0;
          continue;
        }
        int chosen = choose(item, equation);
        if (chosen < 0) {
          continue;
        }
        suppressed[chosen] = true;
        secondary.add(cellIds[chosen]);
        touched.add(equation);
        progress = true;
      }
      if (!progress) {
        SortedSet<String> unprotected = new TreeSet<>();
        disclosed.forEach(i -> unprotected.add(cellIds[itemCell[i]]));
        return new Result(secondary, unprotected);
      }
    }
  }

  private static List<Item> members(Equation e) {
    List<Item> all = new ArrayList<>(e.totals());
    all.addAll(e.parts());
    return all;
  }

  private int[] members(int e) {
    int[] all = Arrays.copyOf(totals[e].items(), totals[e].items().length
        + parts[e].items().length);
    System.arraycopy(parts[e].items(), 0, all, totals[e].items().length,
        parts[e].items().length);
    return all;
  }

  private boolean isSuppressed(int item) {
    return suppressed[itemCell[item]];
  }

  /**
   * Interval propagation over every equation until no bound moves. A pass visits the equations
   * in order and skips those none of whose members moved since the equation was last tightened
   * without effect: tightening is a function of the members' bounds, so it would change nothing.
   */
  private void propagate() {
    for (int i = 0; i < value.length; i++) {
      setInitial(i);
    }
    boolean[] dirty = new boolean[equationNames.length];
    Arrays.fill(dirty, true);
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      boolean changed = false;
      for (int e = 0; e < equationNames.length; e++) {
        if (dirty[e]) {
          dirty[e] = false;
          changed |= tighten(e, dirty);
        }
      }
      if (!changed) {
        return;
      }
    }
  }

  /** A published item's value, or [0, ∞) for a suppressed one. */
  private void setInitial(int item) {
    double v = value[item];
    lo[item] = isSuppressed(item) ? 0 : Double.isNaN(v) ? 0 : v;
    hi[item] = isSuppressed(item) ? Double.POSITIVE_INFINITY : Double.isNaN(v) ? 0 : v;
  }

  /** Lower sum and upper sum (finite part, count of infinite members) of a side. */
  private static final class Sums {
    double lo;
    double hiFinite;
    int hiInfinite;

    void add(double low, double high, int sign) {
      lo += sign * low;
      if (Double.isInfinite(high)) {
        hiInfinite += sign;
      } else {
        hiFinite += sign * high;
      }
    }

    /** Upper sum without a member whose upper bound is {@code high}. */
    double hiWithout(double high) {
      int infinite = hiInfinite - (Double.isInfinite(high) ? 1 : 0);
      return infinite > 0 ? Double.POSITIVE_INFINITY
          : hiFinite - (Double.isInfinite(high) ? 0 : high);
    }

    double hi() {
      return hiInfinite > 0 ? Double.POSITIVE_INFINITY : hiFinite;
    }
  }

  private boolean tighten(int e, boolean[] dirty) {
    Sums totalSums = sums(totals[e], false);
    Sums partSums = sums(parts[e], false);
    boolean changed = false;
    changed |= tightenSide(totals[e], totalSums, partSums, dirty);
    changed |= tightenSide(parts[e], partSums, totalSums, dirty);
    return changed;
  }

  /** The sums of a side's current bounds, or ({@code direct}) of its initial ones. */
  private Sums sums(Side side, boolean direct) {
    Sums s = new Sums();
    for (int i : side.items()) {
      if (direct) {
        double v = Double.isNaN(value[i]) ? 0 : value[i];
        s.add(isSuppressed(i) ? 0 : v, isSuppressed(i) ? Double.POSITIVE_INFINITY : v, 1);
      } else {
        s.add(lo[i], hi[i], 1);
      }
    }
    return s;
  }

  /** u = Σ other side − Σ own side without u; marks the equations of a moved item dirty. */
  private boolean tightenSide(Side own, Sums ownSums, Sums other, boolean[] dirty) {
    boolean changed = false;
    for (int i : own.items()) {
      if (!isSuppressed(i)) {
        continue;
      }
      double upper = other.hi() - (ownSums.lo - lo[i]);
      double lower = other.lo - ownSums.hiWithout(hi[i]);
      double nextLo = Math.max(lo[i], lower);
      double nextHi = Math.min(hi[i], upper);
      if (moved(hi[i], nextHi) || moved(lo[i], nextLo)) {
        ownSums.add(lo[i], hi[i], -1);
        ownSums.add(nextLo, nextHi, 1);
        lo[i] = nextLo;
        hi[i] = nextHi;
        for (int e : equationsOf[i]) {
          dirty[e] = true;
        }
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

  private List<Integer> disclosedItems() {
    List<Integer> disclosed = new ArrayList<>();
    for (int item : itemsByKey) {
      if (isDisclosed(item)) {
        disclosed.add(item);
      }
    }
    return disclosed;
  }

  private boolean isDisclosed(int item) {
    if (!isSuppressed(item)) {
      return false;
    }
    return Disclosure.disclosed(value[item], lo[item], hi[item], protection,
        primary[itemCell[item]]);
  }

  /**
   * The equation to open up for a disclosed item, or -1 when none can help. An equation that
   * discloses it from published cells alone must be opened there: the tightest such with a
   * free cell, or none when no such equation has one (cells added elsewhere cannot help). When
   * only the combination of equations discloses it, the tightest equation with a free cell.
   */
  private int bindingEquation(int item) {
    double v = value[item];
    boolean sensitive = primary[itemCell[item]];
    List<Integer> direct = new ArrayList<>();
    for (int index : equationsOf[item]) {
      double[] own = boundFrom(index, item, true);
      if (Disclosure.disclosed(v, Math.max(0, own[0]), own[1], protection, sensitive)) {
        direct.add(index);
      }
    }
    int[] considered = direct.isEmpty() ? equationsOf[item]
        : direct.stream().mapToInt(Integer::intValue).toArray();
    int best = -1;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int index : considered) {
      if (!hasCandidate(index, item)) {
        continue;
      }
      double[] own = boundFrom(index, item, false);
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
  private double[] boundFrom(int e, int item, boolean direct) {
    boolean inTotals = totals[e].contains(item);
    Sums own = sums(inTotals ? totals[e] : parts[e], direct);
    Sums other = sums(inTotals ? parts[e] : totals[e], direct);
    double low = direct ? 0 : lo[item];
    double high = direct ? Double.POSITIVE_INFINITY : hi[item];
    return new double[] {other.lo - own.hiWithout(high), other.hi() - (own.lo - low)};
  }

  private boolean hasCandidate(int e, int item) {
    for (int member : members(e)) {
      if (member != item && free(itemCell[member])) {
        return true;
      }
    }
    return false;
  }

  private boolean free(int cell) {
    return !suppressed[cell] && !fixed[cell] && !pinned[cell];
  }

  /** The published cell to suppress in equation {@code e} for the disclosed item, or -1. */
  private int choose(int item, int e) {
    boolean inTotals = totals[e].contains(item);
    List<int[]> siblings = candidates(inTotals ? totals[e] : parts[e], item);
    List<int[]> others = candidates(inTotals ? parts[e] : totals[e], item);
    Side siblingSide = inTotals ? totals[e] : parts[e];
    double v = value[item];
    double needed = Double.isNaN(v) || Double.isInfinite(hi[item]) ? 0
        : Math.max(0, (1 + protection) * v - hi[item]);
    for (int[] member : siblings) {
      if (siblingSide.values()[member[0]] > needed) {
        return member[1];
      }
    }
    if (!siblings.isEmpty()) {
      return siblings.get(siblings.size() - 1)[1];
    }
    return others.isEmpty() ? -1 : others.get(0)[1];
  }

  /**
   * Free published cells of a side as (position in the side, cell), smallest value first, then
   * by cell id.
   */
  private List<int[]> candidates(Side side, int item) {
    List<int[]> free = new ArrayList<>();
    for (int position = 0; position < side.items().length; position++) {
      int member = side.items()[position];
      if (member != item && free(itemCell[member])) {
        free.add(new int[] {position, itemCell[member]});
      }
    }
    free.sort(Comparator.comparingDouble((int[] m) -> Double.isNaN(side.values()[m[0]]) ? 0
            : side.values()[m[0]])
        .thenComparing(m -> cellIds[m[1]]));
    return free;
  }
}
