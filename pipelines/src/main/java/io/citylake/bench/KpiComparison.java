package io.citylake.bench;

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
 * cell one side lacks is a mismatch too. Pure Java, no Spark.
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
    for (String column : kpi.columns()) {
      Object a = gold.values().get(column);
      Object b = duckdb.values().get(column);
      if (!agree(kpi, column, a, b)) {
        out.add(new KpiMismatch(any.table(), any.municipality(), any.period(), column, a, b));
      }
    }
  }

  private static Map<String, KpiCell> byKey(List<KpiCell> cells) {
    Map<String, KpiCell> map = new TreeMap<>();
    cells.forEach(cell -> map.put(cell.key(), cell));
    return map;
  }
}
