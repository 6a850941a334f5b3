package io.citylake.conform;

import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.CityLakeException;
import io.citylake.lake.DeltaRetry;
import io.citylake.lake.LakePaths;
import io.citylake.publish.MetastoreTables;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The quarantine: every row that broke the contract, with the rule it broke, its raw text and
 * where it came from, so that nothing is dropped silently. It holds raw text with personal
 * identifiers, so it lives in a restricted zone of its own ({@code quarantine.rejected_rows},
 * {@code <lake>/quarantine/}), never in silver or gold; and since conform jobs rewrite it day by
 * day, not in bronze, which only grows. One slice per dataset, partitioned by {@code dataset} and
 * {@code dt}; a job replaces exactly the days it recomputed, so re-runs never double-count.
 */
public final class Quarantine {
  public static final String TABLE = "rejected_rows";
  /** Where lakes written before the zone existed kept it: {@code bronze.quarantine}. */
  static final String BRONZE_TABLE = "quarantine";
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
    return TableRef.quarantine(TABLE).slice(dataset);
  }

  /**
   * Replaces the quarantined rows of {@code dataset} for {@code days} with {@code rows}, which
   * must have {@link #COLUMNS} ({@code dt} a date).
   */
  public static void replace(JobContext context, String dataset, List<java.time.LocalDate> days,
      Dataset<Row> rows) {
    replace(context, dataset, days, rows, Long.MAX_VALUE);
  }

  /**
   * Quarantined rows of one job up to this many are held by the run with its other bookkeeping
   * and committed with the stage's (one commit instead of one per conform job); more are written
   * at once, so the driver never holds a large bad delivery.
   */
  static final long HELD_AT_MOST = 20_000;

  /**
   * As {@link #replace(JobContext, String, List, Dataset)}, for {@code expectedRows} rows: few
   * enough, and they wait for the run's bookkeeping commit ({@link io.citylake.job.Bookkeeping}).
   */
  public static void replace(JobContext context, String dataset, List<java.time.LocalDate> days,
      Dataset<Row> rows, long expectedRows) {
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
    String slice = "dataset = '" + dataset + "' AND "
        + io.citylake.lake.DayPartitions.inDays(days);
    String path = context.tables().pathToWrite(slice(dataset));
    if (context.bookkeeping().deferring() && expectedRows <= HELD_AT_MOST) {
      org.apache.spark.sql.types.StructType schema = out.schema();
      context.record(new io.citylake.job.BookkeepingWrite(path, out.collectAsList(), slice,
          (ctx, held, where) -> write(ctx, path, ctx.spark().createDataFrame(held, schema),
              where)));
    } else {
      write(context, path, out, slice);
    }
  }

  /** Replaces the slices {@code replaceWhere} names with {@code out}. */
  private static void write(JobContext context, String path, Dataset<Row> out,
      String replaceWhere) {
    // conform jobs write their own slices side by side, in this JVM or in other processes
    // (Airflow tasks): disjoint partitions do not conflict in Delta; a first creation or an added
    // column does, and the losing writer tries again on the new version
    DeltaRetry.onConflict("replace the quarantine", () -> {
      if (io.citylake.lake.DeltaTables.exists(context.spark(), path)) {
        io.citylake.lake.DeltaTables.addMissingColumns(context.spark(), path, ADDED);
      }
      out.write().format("delta").mode("overwrite")
          .partitionBy("dataset", "dt")
          .option("replaceWhere", replaceWhere)
          .option("userMetadata", context.runId())
          .save(path);
      return null;
    });
  }

  /** The table's folder in {@code paths}' lake. */
  public static String path(LakePaths paths) {
    return paths.quarantine(TABLE);
  }

  /**
   * Moves the quarantine of a lake written before the zone existed ({@code bronze/quarantine})
   * to its zone, once, with its history, and drops its old metastore entry; true when it moved.
   * A Delta table's log names its files relative to its folder, so the folder moves whole. Runs
   * before a night's jobs; a second process doing the same finds the zone there and does nothing.
   */
  public static boolean moveOutOfBronze(SparkSession spark, LakePaths paths) {
    org.apache.hadoop.fs.Path old = new org.apache.hadoop.fs.Path(paths.bronze(BRONZE_TABLE));
    org.apache.hadoop.fs.Path zone = new org.apache.hadoop.fs.Path(path(paths));
    try {
      FileSystem fs = old.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(new org.apache.hadoop.fs.Path(old, "_delta_log")) || fs.exists(zone)) {
        return false;
      }
      fs.mkdirs(zone.getParent());
      boolean moved = fs.rename(old, zone);
      if (moved) {
        new MetastoreTables(spark).drop(TableRef.bronze(BRONZE_TABLE));
      }
      return moved;
    } catch (java.io.IOException e) {
      throw CityLakeException.failed("move the quarantine out of bronze", e.getMessage(), e);
    }
  }

  private static org.apache.spark.sql.Column optional(Dataset<Row> rows, String column) {
    return (java.util.Arrays.asList(rows.columns()).contains(column) ? functions.col(column)
        : functions.lit(null)).cast("string").as(column);
  }


}
