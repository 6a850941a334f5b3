package io.citylake.conform.gtfs;

import static io.citylake.conform.gtfs.GtfsChecks.missing;
import static io.citylake.conform.gtfs.GtfsChecks.unparsable;
import static org.apache.spark.sql.functions.expr;

import io.citylake.conform.Rule;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Staging of the network files (agency, stops, routes, trips): bronze lines typed into silver
 * columns and flagged with the first rule they break; see {@link GtfsChecks} for the shape.
 */
final class GtfsNetwork {
  /** Valid WGS84 degrees; a coordinate outside them or unreadable makes the stop unusable. */
  static final String INVALID_COORDINATES = "invalid stop coordinates";

  private GtfsNetwork() {}

  static Dataset<Row> agencies(Dataset<Row> lines) {
    Dataset<Row> staged = GtfsChecks.stage(lines,
        expr(GtfsSql.text("agency_id")).as("agency_id"),
        expr(GtfsSql.text("agency_name")).as("agency_name"),
        expr(GtfsSql.text("agency_timezone")).as("agency_timezone"),
        expr(GtfsSql.text("agency_url")).as("agency_url"),
        expr(GtfsSql.text("agency_lang")).as("agency_lang"),
        expr(GtfsSql.text("agency_phone")).as("agency_phone"));
    staged = GtfsChecks.flag(staged, List.of(
        missing("agency_name"), missing("agency_timezone"), missing("agency_url")));
    return GtfsChecks.flagDuplicates(staged, "agency_id");
  }

  /**
   * Stops with coordinates in range; stations, entrances and plain stops (location_type 0–2) must
   * have them, generic nodes and boarding areas (3, 4) may leave them empty.
   */
  static Dataset<Row> stops(Dataset<Row> lines) {
    Dataset<Row> staged = GtfsChecks.stage(lines,
        expr(GtfsSql.text("stop_id")).as("stop_id"),
        expr(GtfsSql.text("stop_name")).as("stop_name"),
        expr(GtfsSql.decimal("stop_lat")).as("stop_lat"),
        expr(GtfsSql.decimal("stop_lon")).as("stop_lon"),
        expr("coalesce(" + GtfsSql.integer("location_type") + ", 0)").as("location_type"),
        expr(GtfsSql.text("parent_station")).as("parent_station"));
    staged = GtfsChecks.flag(staged, List.of(
        missing("stop_id"),
        unparsable("location_type", GtfsSql.integer("location_type")),
        new Rule("unknown location_type", "location_type NOT BETWEEN 0 AND 4"),
        new Rule(INVALID_COORDINATES, badCoordinates())));
    staged = GtfsChecks.flagDuplicates(staged, "stop_id");
    return staged.withColumn("geometry_wkb", expr("CASE WHEN rule IS NULL AND stop_lat IS NOT NULL"
        + " AND stop_lon IS NOT NULL THEN ST_AsBinary(ST_Point(stop_lon, stop_lat)) END"));
  }

  static Dataset<Row> routes(Dataset<Row> lines) {
    Dataset<Row> staged = GtfsChecks.stage(lines,
        expr(GtfsSql.text("route_id")).as("route_id"),
        expr(GtfsSql.text("agency_id")).as("agency_id"),
        expr(GtfsSql.text("route_short_name")).as("route_short_name"),
        expr(GtfsSql.text("route_long_name")).as("route_long_name"),
        expr(GtfsSql.integer("route_type")).as("route_type"));
    staged = GtfsChecks.flag(staged, List.of(
        missing("route_id"),
        unparsable("route_type", "route_type"),
        missing("route_type")));
    return GtfsChecks.flagDuplicates(staged, "route_id");
  }

  /** Trips of known routes; {@code routes} are the silver routes just written. */
  static Dataset<Row> trips(Dataset<Row> lines, Dataset<Row> routes) {
    Dataset<Row> staged = GtfsChecks.stage(lines,
        expr(GtfsSql.text("trip_id")).as("trip_id"),
        expr(GtfsSql.text("route_id")).as("route_id"),
        expr(GtfsSql.text("service_id")).as("service_id"),
        expr(GtfsSql.text("trip_headsign")).as("trip_headsign"),
        expr(GtfsSql.integer("direction_id")).as("direction_id"));
    staged = GtfsChecks.flag(staged, List.of(
        missing("trip_id"),
        missing("route_id"),
        missing("service_id"),
        new Rule("invalid direction_id", GtfsSql.text("direction_id")
            + " IS NOT NULL AND (direction_id IS NULL OR direction_id NOT IN (0, 1))")));
    staged = GtfsChecks.requireKnown(staged, routes, "route_id");
    return GtfsChecks.flagDuplicates(staged, "trip_id");
  }

  private static String badCoordinates() {
    String lat = GtfsSql.text("stop_lat");
    String lon = GtfsSql.text("stop_lon");
    return "(" + lat + " IS NOT NULL AND (stop_lat IS NULL OR NOT stop_lat BETWEEN -90 AND 90))"
        + " OR (" + lon + " IS NOT NULL AND (stop_lon IS NULL OR NOT stop_lon BETWEEN -180 AND 180))"
        + " OR (location_type IN (0, 1, 2) AND (stop_lat IS NULL OR stop_lon IS NULL))";
  }
}
