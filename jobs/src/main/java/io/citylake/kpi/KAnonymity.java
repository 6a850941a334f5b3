package io.citylake.kpi;

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
    Dataset<Row> flagged = cells.withColumn(SUPPRESSED,
        functions.coalesce(functions.col(personsColumn), functions.lit(0L)).lt(k));
    for (String value : valueColumns) {
      flagged = flagged.withColumn(value, functions.when(
          functions.not(functions.col(SUPPRESSED)), functions.col(value)));
    }
    return flagged;
  }

  /** Marks record-based cells as never suppressed. */
  public static Dataset<Row> notApplicable(Dataset<Row> cells) {
    return cells.withColumn(SUPPRESSED, functions.lit(false));
  }
}
