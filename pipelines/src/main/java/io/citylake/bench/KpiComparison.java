package io.citylake.bench;

import io.citylake.lake.LakeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares gold's KPI cells with the DuckDB baseline's, cell by cell and column by column: a race
 * is only fair between engines that give the same answers. Ratios and averages may differ by
 * {@link ComparedKpi#RELATIVE_TOLERANCE} (summation order), counts and flags not at all, and a
 * cell one side lacks is a mismatch too; only the values gold nulled in a cell it suppressed as
 * a complement (k persons or more) are not compared. Pure Java, no Spark.
 */
public final class KpiComparison {
  private KpiComparison() {}

  /** Every disagreement, by table, municipality, period and column. */
  public static List<KpiMismatch> compare(List<ComparedKpi> kpis, List<KpiCell> gold,
      List<KpiCell> duckdb) {
    Map<String, KpiCell> goldByKey = byKey(gold);
    Map<String, KpiCell> duckdbByKey = byKey(duckdb);
    List<KpiMismatch> mismatches = new ArrayList<>();
    for (ComparedKpi kpi : kpis) {
      TreeSet<String> keys = new TreeSet<>();
      goldByKey.keySet().stream().filter(k -> k.startsWith(kpi.table() + "/")).forEach(keys::add);
      duckdbByKey.keySet().stream().filter(k -> k.startsWith(kpi.table() + "/"))
          .forEach(keys::add);
      for (String key : keys) {
        compareCell(kpi, goldByKey.get(key), duckdbByKey.get(key), mismatches);
      }
    }
    return mismatches;
  }

  /** Whether two values of {@code column} agree under the column's rule. */
  static boolean agree(ComparedKpi kpi, String column, Object gold, Object duckdb) {
    if (gold == null || duckdb == null) {
      return gold == null && duckdb == null;
    }
    if (kpi.isRatio(column)) {
      double a = ((Number) gold).doubleValue();
      double b = ((Number) duckdb).doubleValue();
      return a == b || Math.abs(a - b)
          <= ComparedKpi.RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }
    if (gold instanceof Number a && duckdb instanceof Number b) {
      return a.longValue() == b.longValue() && a.doubleValue() == b.doubleValue();
    }
    return Objects.equals(gold, duckdb);
  }

  private static void compareCell(ComparedKpi kpi, KpiCell gold, KpiCell duckdb,
      List<KpiMismatch> out) {
    KpiCell any = gold != null ? gold : duckdb;
    if (gold == null || duckdb == null) {
      out.add(new KpiMismatch(any.table(), any.municipality(), any.period(),
          KpiMismatch.WHOLE_CELL, gold == null ? "missing" : "present",
          duckdb == null ? "missing" : "present"));
      return;
    }
    boolean complement = complement(gold, duckdb);
    for (String column : kpi.columns()) {
      Object a = gold.values().get(column);
      Object b = duckdb.values().get(column);
      if (complement && (a == null || column.equals(ComparedKpi.SUPPRESSED))) {
        continue;
      }
      if (!agree(kpi, column, a, b)) {
        out.add(new KpiMismatch(any.table(), any.municipality(), any.period(), column, a, b));
      }
    }
  }

  /**
   * A cell gold suppressed as a complement (complementary suppression, which the baseline does
   * not do): from k persons or more by both engines' count, suppressed in gold only. Its nulled
   * values are not compared; everything gold still publishes is.
   */
  private static boolean complement(KpiCell gold, KpiCell duckdb) {
    Object persons = gold.values().get("persons");
    return Boolean.TRUE.equals(gold.values().get(ComparedKpi.SUPPRESSED))
        && Boolean.FALSE.equals(duckdb.values().get(ComparedKpi.SUPPRESSED))
        && persons instanceof Number n && n.longValue() >= LakeConfig.DEFAULT_MIN_PERSONS
        && persons.equals(duckdb.values().get("persons"));
  }

  private static Map<String, KpiCell> byKey(List<KpiCell> cells) {
    Map<String, KpiCell> map = new TreeMap<>();
    cells.forEach(cell -> map.put(cell.key(), cell));
    return map;
  }
}
