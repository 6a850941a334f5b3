package io.citylake.conform.gtfs;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The silver GTFS tables' schemas, written out so no schema is ever inferred; the comments end up
 * in the Delta schema and the catalog. Every table is keyed by {@code feed_id} first, since ids are
 * only unique inside one operator's feed.
 */
public final class GtfsSchemas {
  public static final String AGENCIES = "gtfs_agencies";
  public static final String STOPS = "gtfs_stops";
  public static final String ROUTES = "gtfs_routes";
  public static final String TRIPS = "gtfs_trips";
  public static final String STOP_TIMES = "gtfs_stop_times";
  public static final String SERVICE_DATES = "gtfs_service_dates";

  private static final DataType TEXT = DataTypes.StringType;
  private static final DataType INT = DataTypes.IntegerType;
  private static final DataType DOUBLE = DataTypes.DoubleType;

  private GtfsSchemas() {}

  public static StructType agencies() {
    return new StructType(new StructField[] {
      feedId(),
      field("agency_id", TEXT, "agency id; empty in single-agency feeds"),
      field("agency_name", TEXT, "operator name as published"),
      field("agency_timezone", TEXT, "IANA time zone the feed's times are in"),
      field("agency_url", TEXT, "operator web site"),
      field("agency_lang", TEXT, "primary language (ja, en, ...), when given"),
      field("agency_phone", TEXT, "phone number, when given")});
  }

  public static StructType stops() {
    return new StructType(new StructField[] {
      feedId(),
      field("stop_id", TEXT, "stop, station or entrance id, unique in the feed"),
      field("stop_name", TEXT, "stop name as published"),
      field("stop_lat", DOUBLE, "WGS84 latitude, degrees"),
      field("stop_lon", DOUBLE, "WGS84 longitude, degrees"),
      field("geometry_wkb", DataTypes.BinaryType,
          "point (lon, lat) as WKB; ST_GeomFromWKB rebuilds it; null without coordinates"),
      field("location_type", INT, "0 stop, 1 station, 2 entrance, 3 node, 4 boarding area"),
      field("parent_station", TEXT, "stop_id of the station this stop belongs to, when given")});
  }

  public static StructType routes() {
    return new StructType(new StructField[] {
      feedId(),
      field("route_id", TEXT, "route id, unique in the feed"),
      field("agency_id", TEXT, "operating agency; empty in single-agency feeds"),
      field("route_short_name", TEXT, "short name or number shown to riders"),
      field("route_long_name", TEXT, "full route name"),
      field("route_type", INT, "GTFS route type: 3 bus, 0 tram, 1 subway, 2 rail, ...")});
  }

  public static StructType trips() {
    return new StructType(new StructField[] {
      feedId(),
      field("trip_id", TEXT, "trip id, unique in the feed"),
      field("route_id", TEXT, "route of the trip (a gtfs_routes row of the feed)"),
      field("service_id", TEXT, "service calendar (see gtfs_service_dates)"),
      field("trip_headsign", TEXT, "destination shown on the vehicle"),
      field("direction_id", INT, "0 or 1, the direction of travel; null when not given")});
  }

  public static StructType stopTimes() {
    return new StructType(new StructField[] {
      feedId(),
      field("trip_id", TEXT, "trip (a gtfs_trips row of the feed)"),
      field("stop_sequence", INT, "order of the stop in the trip; increasing, not contiguous"),
      field("stop_id", TEXT, "stop served (a gtfs_stops row of the feed)"),
      field("arrival_time", TEXT, "arrival time as published (may exceed 24:00:00)"),
      field("departure_time", TEXT, "departure time as published (may exceed 24:00:00)"),
      field("arrival_seconds", INT,
          "seconds since the service day's midnight; 25:10:00 is 90600 (previous service day)"),
      field("departure_seconds", INT, "seconds since the service day's midnight")});
  }

  public static StructType serviceDates() {
    return new StructType(new StructField[] {
      feedId(),
      field("service_id", TEXT, "service calendar id of trips"),
      field("service_date", DataTypes.DateType,
          "a service day the calendar runs on: calendar weekdays plus added, minus removed dates")});
  }

  /** The dictionary entry of a silver GTFS table: what a row is, its grain, column comments. */
  public static io.citylake.lake.TableDoc doc(String table) {
    return switch (table) {
      case AGENCIES -> doc("Transit agencies of each GTFS feed", agencies(), "agency_id");
      case STOPS -> doc("Stops, stations and entrances of each GTFS feed, with WKB points",
          stops(), "stop_id");
      case ROUTES -> doc("Routes of each GTFS feed", routes(), "route_id");
      case TRIPS -> doc("Trips of each GTFS feed with their route and service calendar", trips(),
          "trip_id");
      case STOP_TIMES -> doc("Scheduled arrival and departure of each trip at each of its stops",
          stopTimes(), "trip_id", "stop_sequence");
      case SERVICE_DATES -> doc("Every service day each service calendar of a feed runs on"
          + " (calendar weekdays plus added, minus removed dates)", serviceDates(), "service_id",
          "service_date");
      default -> throw new IllegalArgumentException("not a silver GTFS table: " + table);
    };
  }

  private static io.citylake.lake.TableDoc doc(String comment, StructType schema,
      String... key) {
    java.util.List<String> grain = new java.util.ArrayList<>(java.util.List.of("feed_id"));
    grain.addAll(java.util.List.of(key));
    return new io.citylake.lake.TableDoc(comment, grain,
        io.citylake.lake.TableDoc.commentsOf(schema));
  }

  private static StructField feedId() {
    return field("feed_id", TEXT, "feed folder under raw/transit/gtfs: the operator's feed id");
  }

  private static StructField field(String name, DataType type, String comment) {
    Metadata metadata = new MetadataBuilder().putString("comment", comment).build();
    return new StructField(name, type, true, metadata);
  }
}
