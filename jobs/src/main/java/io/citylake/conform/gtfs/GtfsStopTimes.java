package io.citylake.conform.gtfs;

import static io.citylake.conform.gtfs.GtfsChecks.missing;
import static io.citylake.conform.gtfs.GtfsChecks.unparsable;
import static org.apache.spark.sql.functions.expr;

import io.citylake.conform.Rule;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Staging of stop_times.txt: times kept as published plus seconds since the service day's
 * midnight, and every row tied to a known trip and stop of its feed. Empty arrival and departure
 * times are allowed (GTFS lets non-timepoint stops leave them out); malformed ones are not.
 */
final class GtfsStopTimes {
  private GtfsStopTimes() {}

  /** {@code trips} and {@code stops} are the silver tables just written. */
  static Dataset<Row> stage(Dataset<Row> lines, Dataset<Row> trips, Dataset<Row> stops) {
    Dataset<Row> staged = GtfsChecks.stage(lines,
        expr(GtfsSql.text("trip_id")).as("trip_id"),
        expr(GtfsSql.integer("stop_sequence")).as("stop_sequence"),
        expr(GtfsSql.text("stop_id")).as("stop_id"),
        expr(GtfsSql.text("arrival_time")).as("arrival_time"),
        expr(GtfsSql.text("departure_time")).as("departure_time"),
        expr(GtfsSql.seconds("arrival_time")).as("arrival_seconds"),
        expr(GtfsSql.seconds("departure_time")).as("departure_seconds"));
    staged = GtfsChecks.flag(staged, List.of(
        missing("trip_id"),
        missing("stop_id"),
        new Rule("unparsable stop_sequence", "stop_sequence IS NULL OR stop_sequence < 0"),
        unparsable("arrival_time", "arrival_seconds"),
        unparsable("departure_time", "departure_seconds")));
    staged = GtfsChecks.requireKnown(staged, trips, "trip_id");
    staged = GtfsChecks.requireKnown(staged, stops, "stop_id");
    return GtfsChecks.flagDuplicates(staged, "trip_id", "stop_sequence");
  }
}
