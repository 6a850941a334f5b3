package io.citylake.conform;

import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.DeltaTables;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Per dataset and service day, where every bronze row went: silver, quarantine, or removed as a
 * duplicate or superseded version ({@code bronze = silver + quarantined + duplicates +
 * superseded}). It also remembers the newest bronze ingest each day was built from, which is how
 * a night finds the days that new or late files touched.
 */
public final class ConformAccounting {
  public static final String TABLE = "conform_accounting";
  public static final String LATEST_INGEST = "bronze_latest_ingest";

  private ConformAccounting() {}

  public static TableRef slice(String dataset) {
    return TableRef.silver(TABLE).slice(dataset);
  }

  /**
   * Days of {@code bronzePath} up to the run date whose newest ingest is newer than what the
   * accounting last saw for {@code dataset}: new days, late files and corrections.
   */
  public static List<LocalDate> touchedDays(JobContext context, String dataset, String bronzePath) {
    Dataset<Row> bronzeDays = context.spark().read().format("delta").load(bronzePath)
        .where(functions.col("dt").leq(functions.lit(java.sql.Date.valueOf(context.runDate()))))
        .groupBy("dt").agg(functions.max("_ingested_at").as("latest"));
    String accountingPath = context.paths().silver(TABLE);
    Dataset<Row> pending = bronzeDays;
    if (DeltaTables.exists(context.spark(), accountingPath)) {
      Dataset<Row> seen = context.spark().read().format("delta").load(accountingPath)
          .where(functions.col("dataset").equalTo(dataset))
          .select(functions.col("dt"), functions.col(LATEST_INGEST));
      pending = bronzeDays.join(seen, bronzeDays.col("dt").equalTo(seen.col("dt")), "left")
          .where(seen.col(LATEST_INGEST).isNull()
              .or(bronzeDays.col("latest").gt(seen.col(LATEST_INGEST))))
          .select(bronzeDays.col("dt"));
    }
    return pending.select("dt").collectAsList().stream()
        .map(r -> r.getDate(0).toLocalDate()).sorted().toList();
  }

  /** Replaces the accounting rows of {@code dataset} for {@code days}. */
  public static synchronized void replace(JobContext context, String dataset,
      List<LocalDate> days, Dataset<Row> counts) {
    counts.withColumn("dataset", functions.lit(dataset))
        .withColumn("conform_run_id", functions.lit(context.runId()))
        .select("dataset", "dt", "bronze_rows", "silver_rows", "quarantined_rows",
            "duplicate_rows", "superseded_rows", LATEST_INGEST, "conform_run_id")
        .write().format("delta").mode("overwrite").partitionBy("dataset")
        .option("replaceWhere", "dataset = '" + dataset + "' AND " + Quarantine.inDays(days))
        .option("userMetadata", context.runId())
        .save(context.paths().silver(TABLE));
  }
}
