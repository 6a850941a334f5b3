package io.citylake.gold;

import java.util.List;
import java.util.function.BiFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One gold table a periodic KPI job fills: the table, its grain, and how the job's base rows of
 * the recomputed periods aggregate into cells (given the period column to group by, aliased to
 * the grain's column). {@code countColumn} and {@code valueColumns} drive suppression.
 */
public record GoldOutput(
    GoldTable table, Grain grain, CountBasis basis, String countColumn,
    List<String> valueColumns, BiFunction<Dataset<Row>, Column, Dataset<Row>> aggregate) {
  public GoldOutput {
    valueColumns = List.copyOf(valueColumns);
  }
}
