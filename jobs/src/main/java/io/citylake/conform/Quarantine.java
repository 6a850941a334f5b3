package io.citylake.conform;

import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The quarantine: every row that broke the contract, with the rule it broke, its raw text and
 * where it came from, so that nothing is dropped silently. It holds raw text with personal
 * identifiers, so it lives in the restricted bronze zone ({@code bronze.quarantine}), never in
 * silver or gold. One slice per dataset, partitioned by {@code dataset} and {@code dt}; a job
 * replaces exactly the days it recomputed, so re-runs never double-count.
 */
public final class Quarantine {
  public static final String TABLE = "quarantine";
  /**
   * Columns a caller supplies, in order; {@link #replace} adds dataset and the conform run id.
   * {@code field} and {@code value} (the raw field(s) that broke the rule and their delivered
   * text) may be left out, as for rules no field is to blame for.
   */
  public static final List<String> COLUMNS =
      List.of("dt", "source_file", "raw", "rule", "ingest_run_id", "ingested_at", "field", "value");
  /** Columns added after the first lakes were written: older quarantines gain them on write. */
  private static final List<org.apache.spark.sql.types.StructField> ADDED = List.of(
      org.apache.spark.sql.types.DataTypes.createStructField("field",
          org.apache.spark.sql.types.DataTypes.StringType, true),
      org.apache.spark.sql.types.DataTypes.createStructField("value",
          org.apache.spark.sql.types.DataTypes.StringType, true));

  private Quarantine() {}

  /** The slice of the quarantine a conform job for {@code dataset} owns. */
  public static TableRef slice(String dataset) {
    return TableRef.bronze(TABLE).slice(dataset);
  }

  /**
   * Replaces the quarantined rows of {@code dataset} for {@code days} with {@code rows}, which
   * must have {@link #COLUMNS} ({@code dt} a date).
   */
  public static void replace(JobContext context, String dataset, List<java.time.LocalDate> days,
      Dataset<Row> rows) {
    Dataset<Row> out = rows.select(
        functions.lit(dataset).as("dataset"),
        functions.col("dt").cast("date").as("dt"),
        functions.col("source_file").cast("string").as("source_file"),
        functions.col("raw").cast("string").as("raw"),
        functions.col("rule").cast("string").as("rule"),
        functions.col("ingest_run_id").cast("string").as("ingest_run_id"),
        functions.col("ingested_at").cast("timestamp").as("ingested_at"),
        functions.lit(context.runId()).as("conform_run_id"),
        optional(rows, "field"), optional(rows, "value"));
    synchronized (Quarantine.class) {
      String path = context.paths().bronze(TABLE);
      if (io.citylake.lake.DeltaTables.exists(context.spark(), path)) {
        io.citylake.lake.DeltaTables.addMissingColumns(context.spark(), path, ADDED);
      }
      // jobs run side by side; one writer at a time keeps Delta from conflicting on this table
      out.write().format("delta").mode("overwrite")
          .partitionBy("dataset", "dt")
          .option("replaceWhere", "dataset = '" + dataset + "' AND "
              + io.citylake.lake.DayPartitions.inDays(days))
          .option("userMetadata", context.runId())
          .save(context.paths().bronze(TABLE));
    }
  }

  private static org.apache.spark.sql.Column optional(Dataset<Row> rows, String column) {
    return (java.util.Arrays.asList(rows.columns()).contains(column) ? functions.col(column)
        : functions.lit(null)).cast("string").as(column);
  }


}
