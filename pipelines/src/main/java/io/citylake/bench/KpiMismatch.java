package io.citylake.bench;

import java.time.LocalDate;

/**
 * A KPI value on which DuckDB and gold disagree, or a cell only one of them has ({@code column}
 * is then {@code (cell)} and the missing side {@code "missing"}).
 */
public record KpiMismatch(String table, String municipality, LocalDate period, String column,
    Object gold, Object duckdb) {
  public static final String WHOLE_CELL = "(cell)";

  @Override
  public String toString() {
    return table + " " + municipality + " " + period + " " + column + ": gold " + gold
        + ", duckdb " + duckdb;
  }
}
