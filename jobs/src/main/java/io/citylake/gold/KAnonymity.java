package io.citylake.gold;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The contract's privacy rule for published aggregates: a cell built from fewer than k distinct
 * persons keeps its count of persons but loses its values (null) and is flagged {@code
 * suppressed}. Applied before anything reaches gold; record-based KPIs get {@code
 * suppressed = false}.
 */
public final class KAnonymity {
  public static final String SUPPRESSED = "suppressed";

  private KAnonymity() {}

  /** Nulls {@code valueColumns} of cells whose {@code persons} is below {@code k}. */
  public static Dataset<Row> suppress(Dataset<Row> cells, int k, String personsColumn,
      List<String> valueColumns) {
    return nullSuppressed(flag(cells, k, personsColumn), valueColumns);
  }

  /**
   * Flags cells whose {@code persons} is below {@code k} (primary suppression) and keeps their
   * values, for complementary suppression to weigh before {@link #nullSuppressed}.
   */
  public static Dataset<Row> flag(Dataset<Row> cells, int k, String personsColumn) {
    return cells.withColumn(SUPPRESSED,
        functions.coalesce(functions.col(personsColumn), functions.lit(0L)).lt(k));
  }

  /** Nulls {@code valueColumns} of every cell flagged {@code suppressed}. */
  public static Dataset<Row> nullSuppressed(Dataset<Row> flagged, List<String> valueColumns) {
    Dataset<Row> result = flagged;
    for (String value : valueColumns) {
      result = result.withColumn(value, functions.when(
          functions.not(functions.col(SUPPRESSED)), functions.col(value)));
    }
    return result;
  }

  /** Marks record-based cells as never suppressed. */
  public static Dataset<Row> notApplicable(Dataset<Row> cells) {
    return cells.withColumn(SUPPRESSED, functions.lit(false));
  }
}
