package io.citylake.conform.gtfs;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import io.citylake.ingest.BronzeColumns;
import io.citylake.job.JobTables;
import io.citylake.job.TableRef;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The bronze GTFS lines silver is built from: of every feed file, only its latest ingested
 * version. A corrected file is appended to bronze as a new version with a later ingest time (ties
 * broken by the file's modification time), so the older versions' lines are left out here; a file
 * that disappeared from raw keeps its last version.
 *
 * <p>Reads bronze at one Delta version, so the rebuild matches the version it records. Finding
 * the latest versions aggregates per file (one small shuffle) and broadcasts the result back; the
 * lines are cached for the rebuild's many reads until {@link #release}.
 */
final class LatestGtfsFiles {
  private final Dataset<Row> bronze;
  private final Dataset<Row> latest;

  private LatestGtfsFiles(Dataset<Row> bronze, Dataset<Row> latest) {
    this.bronze = bronze;
    this.latest = latest;
  }

  static LatestGtfsFiles read(JobTables tables, TableRef table, long version) {
    Dataset<Row> bronze = tables.readAsOf(table, version);
    Dataset<Row> versions = bronze.groupBy(col(BronzeColumns.SOURCE_FILE).as("_file"))
        .agg(max(struct(col(BronzeColumns.INGESTED_AT), col(BronzeColumns.SOURCE_MODIFIED_AT),
            col(BronzeColumns.SOURCE_SHA256))).as("_latest"))
        .select(col("_file"), col("_latest." + BronzeColumns.SOURCE_SHA256).as("_sha"));
    Dataset<Row> latest = bronze
        .join(broadcast(versions), col(BronzeColumns.SOURCE_FILE).equalTo(col("_file"))
            .and(col(BronzeColumns.SOURCE_SHA256).equalTo(col("_sha"))))
        .drop("_file", "_sha")
        .cache();
    return new LatestGtfsFiles(bronze, latest);
  }

  /** Every line of the latest file versions, parsed or not. */
  Dataset<Row> lines() {
    return latest;
  }

  /** The parsed lines of {@code fileName} in the given feeds. */
  Dataset<Row> parsed(String fileName, List<String> feedIds) {
    return latest.filter(col("file_name").equalTo(fileName)
        .and(col(BronzeColumns.PARSE_ERROR).isNull())
        .and(col("feed_id").isin(feedIds.toArray())));
  }

  /** Lines bronze could not split into the file's columns, as quarantine rows. */
  Dataset<Row> unparsableLines() {
    return latest.filter(col(BronzeColumns.PARSE_ERROR).isNotNull()).select(
        col(BronzeColumns.DT).as("dt"),
        col(BronzeColumns.SOURCE_FILE).as("source_file"),
        col(BronzeColumns.RAW).as("raw"),
        concat(lit("unparsable line: "), col(BronzeColumns.PARSE_ERROR)).as("rule"),
        col(BronzeColumns.RUN_ID).as("ingest_run_id"),
        col(BronzeColumns.INGESTED_AT).as("ingested_at"));
  }

  /**
   * Every {@code dt} bronze holds, older versions' included: the quarantine days this rebuild
   * replaces, so rows quarantined from a superseded version disappear with it.
   */
  List<LocalDate> days() {
    Row row = bronze.agg(collect_set(col(BronzeColumns.DT))).first();
    return row.<java.sql.Date>getList(0).stream().map(java.sql.Date::toLocalDate).sorted().toList();
  }

  /** Lines of the latest versions, from one aggregate. */
  long lineCount() {
    return latest.agg(count(lit(1))).first().getLong(0);
  }

  void release() {
    latest.unpersist();
  }
}
