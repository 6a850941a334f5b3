package io.citylake.conform.gtfs;

import static org.assertj.core.api.Assertions.tuple;

import io.citylake.testing.RawFiles;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;

/**
 * Two small hand-made feeds: {@link #FEED} with one problem per line that should be quarantined
 * (and its expected quarantine), {@link #NO_STOPS} without stops.txt.
 */
final class BrokenFeeds {
  static final String FEED = "broken-bus";
  static final String NO_STOPS = "no-stops-bus";

  /** (file, rule, raw line) of every quarantined line of {@link #FEED}, sorted. */
  static final List<Tuple> EXPECTED_QUARANTINE = List.of(
      tuple("calendar.txt", "unparsable start_date", "BADCAL,1,1,1,1,1,0,0,20261302,20261108"),
      tuple("calendar_dates.txt", "unparsable date", "WD,2026-11-08,1"),
      tuple("routes.txt", "unparsable route_type", "R2,B,2,Two,bus"),
      tuple("stop_times.txt", "unknown stop_id", "T1,25:20:00,25:20:00,NOPE,3"),
      tuple("stop_times.txt", "unknown trip_id", "T9,08:00:00,08:00:00,S1,1"),
      tuple("stop_times.txt", "unparsable arrival_time", "T1,24:60:00,24:60:00,S2,4"),
      tuple("stops.txt", "duplicate stop_id", "S1,First,35.0,135.0"),
      tuple("stops.txt", "invalid stop coordinates", "BAD,Nowhere,95.0,135.0"),
      tuple("stops.txt", "invalid stop coordinates", "NOCOORD,Missing,,"),
      tuple("trips.txt", "unknown route_id", "R9,WD,T9,Ghost,0"),
      tuple("trips.txt", "unparsable line: expected 5 fields, got 4", "R1,WD,T2,Down"));

  private BrokenFeeds() {}

  static void write(Path gtfs) {
    Path feed = gtfs.resolve(FEED);
    RawFiles.write(feed.resolve("agency.txt"), List.of(
        "agency_id,agency_name,agency_url,agency_timezone",
        "B,Broken Bus,https://example.org/broken,Asia/Tokyo"));
    RawFiles.write(feed.resolve("routes.txt"), List.of(
        "route_id,agency_id,route_short_name,route_long_name,route_type",
        "R1,B,1,One,3",
        "R2,B,2,Two,bus"));
    RawFiles.write(feed.resolve("stops.txt"), List.of(
        "stop_id,stop_name,stop_lat,stop_lon",
        "S1,First,35.0,135.0",
        "S2,Second,35.1,135.1",
        "BAD,Nowhere,95.0,135.0",
        "S1,First,35.0,135.0",
        "NOCOORD,Missing,,"));
    RawFiles.write(feed.resolve("trips.txt"), List.of(
        "route_id,service_id,trip_id,trip_headsign,direction_id",
        "R1,WD,T1,Up,0",
        "R9,WD,T9,Ghost,0",
        "R1,WD,T2,Down"));
    RawFiles.write(feed.resolve("stop_times.txt"), List.of(
        "trip_id,arrival_time,departure_time,stop_id,stop_sequence",
        "T1,23:50:00,23:50:00,S1,1",
        "T1,25:10:00,25:10:00,S2,2",
        "T1,25:20:00,25:20:00,NOPE,3",
        "T1,24:60:00,24:60:00,S2,4",
        "T9,08:00:00,08:00:00,S1,1"));
    RawFiles.write(feed.resolve("calendar.txt"), List.of(
        "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
        "WD,1,1,1,1,1,0,0,20261102,20261108",
        "BADCAL,1,1,1,1,1,0,0,20261302,20261108"));
    RawFiles.write(feed.resolve("calendar_dates.txt"), List.of(
        "service_id,date,exception_type",
        "WD,20261103,2",
        "WD,20261107,1",
        "WD,2026-11-08,1"));
    writeFeedWithoutStops(gtfs.resolve(NO_STOPS));
  }

  /** A corrected stops.txt: BAD gets real coordinates, S3 is new, the bad lines are gone. */
  static void redeliverStops(Path gtfs) {
    RawFiles.write(gtfs.resolve(FEED).resolve("stops.txt"), List.of(
        "stop_id,stop_name,stop_lat,stop_lon",
        "S1,First,35.0,135.0",
        "S2,Second,35.1,135.1",
        "BAD,Somewhere after all,35.2,135.2",
        "S3,Third,35.3,135.3"));
  }

  private static void writeFeedWithoutStops(Path feed) {
    RawFiles.write(feed.resolve("agency.txt"), List.of(
        "agency_id,agency_name,agency_url,agency_timezone",
        "N,No Stops Bus,https://example.org/nostops,Asia/Tokyo"));
    RawFiles.write(feed.resolve("routes.txt"), List.of(
        "route_id,agency_id,route_short_name,route_long_name,route_type", "N1,N,1,One,3"));
    RawFiles.write(feed.resolve("trips.txt"), List.of(
        "route_id,service_id,trip_id,trip_headsign,direction_id", "N1,ALL,NT1,Up,0"));
    RawFiles.write(feed.resolve("stop_times.txt"), List.of(
        "trip_id,arrival_time,departure_time,stop_id,stop_sequence", "NT1,08:00:00,08:00:00,X,1"));
    RawFiles.write(feed.resolve("calendar.txt"), List.of(
        "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
        "ALL,1,1,1,1,1,1,1,20261101,20261130"));
  }
}
