package io.citylake.conform.gtfs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.citylake.ingest.BronzeColumns;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Which feeds are complete enough to load: every feed needs agency, stops, routes, trips and
 * stop_times, and calendar or calendar_dates (or both), each with at least one parsed line. An
 * incomplete feed is left out of silver entirely, with one quarantine row per missing file,
 * instead of loading half a network and quarantining every line that points into the missing part.
 */
final class RequiredGtfsFiles {
  static final List<String> REQUIRED =
      List.of("agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt");
  static final String CALENDAR = "calendar.txt or calendar_dates.txt";

  private final Dataset<Row> feeds;

  /** One row per feed with its parsed files, newest lineage and missing required files. */
  RequiredGtfsFiles(Dataset<Row> latestLines) {
    this.feeds = latestLines
        .groupBy(col("feed_id"))
        .agg(
            expr("collect_set(CASE WHEN " + BronzeColumns.PARSE_ERROR
                + " IS NULL THEN file_name END)").as("files"),
            expr("max(" + BronzeColumns.DT + ")").as("dt"),
            expr("max(regexp_extract(" + BronzeColumns.SOURCE_FILE + ", '^(.*)/[^/]*$', 1))")
                .as("folder"),
            expr("max(" + BronzeColumns.INGESTED_AT + ")").as("ingested_at"),
            expr("max_by(" + BronzeColumns.RUN_ID + ", " + BronzeColumns.INGESTED_AT + ")")
                .as("ingest_run_id"))
        .withColumn("missing", expr(missingFiles()));
  }

  /** Ids of the feeds with every required file; one row per feed, so a short list. */
  List<String> completeFeeds() {
    return feeds.filter("size(missing) = 0").select("feed_id").as(Encoders.STRING())
        .collectAsList();
  }

  /** Quarantine rows {@code missing required file <name>}, one per file a feed lacks. */
  Dataset<Row> missingFileRows() {
    return feeds.selectExpr("dt", "folder AS source_file",
            "concat('feed files: ', array_join(array_sort(files), ', ')) AS raw",
            "explode(missing) AS file", "ingest_run_id", "ingested_at")
        .selectExpr("dt", "source_file", "raw", "concat('missing required file ', file) AS rule",
            "ingest_run_id", "ingested_at");
  }

  /** {@code filter(array(<name if absent>, ...), f -> f IS NOT NULL)}. */
  private static String missingFiles() {
    String eachRequired = REQUIRED.stream()
        .map(file -> "CASE WHEN NOT array_contains(files, '" + file + "') THEN '" + file + "' END")
        .collect(Collectors.joining(", "));
    String calendar = "CASE WHEN NOT array_contains(files, 'calendar.txt')"
        + " AND NOT array_contains(files, 'calendar_dates.txt') THEN '" + CALENDAR + "' END";
    return "filter(array(" + eachRequired + ", " + calendar + "), f -> f IS NOT NULL)";
  }
}
