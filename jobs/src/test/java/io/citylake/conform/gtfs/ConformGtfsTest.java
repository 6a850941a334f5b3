package io.citylake.conform.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.citylake.conform.Quarantine;
import io.citylake.ingest.IngestGtfsFeeds;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.lake.DeltaTables;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Silver GTFS from two real operators' feeds (BOMs, GTFS-JP extras, frequencies, calendar_dates)
 * and two hand-made broken ones, in one lake: expected values are computed from the .txt files in
 * plain Java. The last tests re-run the job and re-deliver a file, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConformGtfsTest extends SparkTestBase {
  private static final String KURAYOSHI = "nihonkotsu-kurayoshi";
  private static final String GOOGLE = "google-sample-feed-1";
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private static JobResult firstBuild;

  @BeforeAll
  static void ingestAndConform() throws IOException {
    for (String feed : List.of(KURAYOSHI, GOOGLE)) {
      copyFeed(realFeed(feed), gtfs().resolve(feed));
    }
    BrokenFeeds.write(gtfs());
    new IngestGtfsFeeds().run(context(DAY));
    firstBuild = new ConformGtfs().run(context(DAY));
  }

  @Test
  @Order(1)
  void realFeedsLoadEveryRowOfTheirFiles() {
    Map<String, Long> expected = new LinkedHashMap<>();
    for (String feed : List.of(KURAYOSHI, GOOGLE)) {
      expected.put(feed + " stops", lines(feed, "stops.txt"));
      expected.put(feed + " routes", lines(feed, "routes.txt"));
      expected.put(feed + " trips", lines(feed, "trips.txt"));
      expected.put(feed + " stop_times", lines(feed, "stop_times.txt"));
      expected.put(feed + " agencies", lines(feed, "agency.txt"));
    }
    Map<String, Long> actual = new LinkedHashMap<>();
    for (String feed : List.of(KURAYOSHI, GOOGLE)) {
      for (String table : List.of("stops", "routes", "trips", "stop_times", "agencies")) {
        actual.put(feed + " " + table, count("gtfs_" + table, "feed_id = '" + feed + "'"));
      }
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(List.of(actual.get(KURAYOSHI + " stops"), actual.get(KURAYOSHI + " trips"),
        actual.get(KURAYOSHI + " stop_times"), actual.get(KURAYOSHI + " routes")))
        .containsExactly(502L, 139L, 5600L, 34L);
    assertThat(List.of(actual.get(GOOGLE + " stops"), actual.get(GOOGLE + " trips"),
        actual.get(GOOGLE + " stop_times"), actual.get(GOOGLE + " routes")))
        .containsExactly(9L, 11L, 28L, 5L);
  }

  @Test
  @Order(2)
  void realFeedsQuarantineNothing() {
    assertThat(rows("SELECT source_file, rule FROM " + quarantine()
        + " WHERE source_file LIKE '%" + KURAYOSHI + "%' OR source_file LIKE '%" + GOOGLE + "%'"))
        .isEmpty();
  }

  @Test
  @Order(3)
  void stopsKeepTheirPublishedCoordinatesAsPointGeometry() {
    Row stop = rows("SELECT stop_name, stop_lat, stop_lon, location_type,"
        + " ST_X(ST_GeomFromWKB(geometry_wkb)), ST_Y(ST_GeomFromWKB(geometry_wkb)) FROM "
        + silver("gtfs_stops") + " WHERE feed_id = '" + GOOGLE + "' AND stop_id = 'FUR_CREEK_RES'")
        .get(0);
    assertThat(stop.getString(0)).isEqualTo("Furnace Creek Resort (Demo)");
    assertThat(List.of(stop.getDouble(1), stop.getDouble(2))).containsExactly(36.425288, -117.133162);
    assertThat(stop.getInt(3)).isZero();
    assertThat(List.of(stop.getDouble(4), stop.getDouble(5))).containsExactly(-117.133162, 36.425288);
    Row kurayoshi = rows("SELECT stop_name, stop_lat, stop_lon FROM " + silver("gtfs_stops")
        + " WHERE feed_id = '" + KURAYOSHI + "' AND stop_id = '1_1'").get(0);
    assertThat(kurayoshi.getString(0)).isEqualTo("倉吉バスセンター");
    assertThat(List.of(kurayoshi.getDouble(1), kurayoshi.getDouble(2)))
        .containsExactly(35.462317, 133.849332);
  }

  @Test
  @Order(4)
  void serviceDatesFollowCalendarAndItsExceptions() {
    for (String feed : List.of(KURAYOSHI, GOOGLE)) {
      List<String> actual = rows("SELECT concat(service_id, '|', service_date) FROM "
          + silver("gtfs_service_dates") + " WHERE feed_id = '" + feed + "' ORDER BY 1").stream()
          .map(r -> r.getString(0)).toList();
      assertThat(actual).as(feed).containsExactlyElementsOf(FeedText.serviceDays(realFeed(feed)));
    }
    // calendar.txt: FULLW every day 2007-01-01..2010-12-31; calendar_dates.txt removes 2007-06-04
    assertThat(count("gtfs_service_dates", "feed_id = '" + GOOGLE + "' AND service_id = 'FULLW'"))
        .isEqualTo(1461 - 1);
    assertThat(serviceIdsOn(GOOGLE, "2007-06-04")).containsExactly();
    assertThat(serviceIdsOn(GOOGLE, "2007-06-05")).containsExactly("FULLW");
    assertThat(serviceIdsOn(GOOGLE, "2007-06-09")).containsExactly("FULLW", "WE");
    // 毎日 runs every day and adds 2022-10-10; ▲ (not Sundays) loses the holiday 2022-10-10
    assertThat(serviceIdsOn(KURAYOSHI, "2022-10-10")).containsExactly("毎日");
    assertThat(serviceIdsOn(KURAYOSHI, "2022-10-11")).containsExactlyInAnyOrder("毎日", "▲", "●");
    assertThat(serviceIdsOn(BrokenFeeds.FEED, "2026-11-01")).containsExactly();
    assertThat(rows("SELECT collect_list(day(service_date)) FROM (SELECT service_date FROM "
        + silver("gtfs_service_dates") + " WHERE feed_id = '" + BrokenFeeds.FEED
        + "' ORDER BY 1)").get(0).<Integer>getList(0)).containsExactly(2, 4, 5, 6, 7);
  }

  @Test
  @Order(5)
  void stopTimesCountSecondsFromTheServiceDaysMidnight() {
    Row first = rows("SELECT arrival_time, arrival_seconds, departure_seconds FROM "
        + silver("gtfs_stop_times") + " WHERE feed_id = '" + GOOGLE + "' AND trip_id = 'STBA'"
        + " AND stop_sequence = 2").get(0);
    assertThat(first.getString(0)).isEqualTo("6:20:00");
    assertThat(List.of(first.getInt(1), first.getInt(2))).containsExactly(22800, 22800);
    Row late = rows("SELECT arrival_time, arrival_seconds FROM " + silver("gtfs_stop_times")
        + " WHERE feed_id = '" + BrokenFeeds.FEED + "' AND trip_id = 'T1' AND stop_sequence = 2")
        .get(0);
    assertThat(late.getString(0)).isEqualTo("25:10:00");
    assertThat(late.getInt(1)).isEqualTo(90600);
    for (String feed : List.of(KURAYOSHI, GOOGLE)) {
      long expected = FeedText.records(realFeed(feed).resolve("stop_times.txt")).stream()
          .mapToLong(r -> secondsOf(r.get("arrival_time"))).sum();
      assertThat(rows("SELECT sum(arrival_seconds) FROM " + silver("gtfs_stop_times")
          + " WHERE feed_id = '" + feed + "'").get(0).getLong(0)).as(feed).isEqualTo(expected);
    }
  }

  @Test
  @Order(6)
  void brokenRowsAreQuarantinedUnderTheirFirstRule() {
    List<Row> quarantined = rows("SELECT regexp_extract(source_file, '[^/]+$', 0), rule, raw FROM "
        + quarantine() + " WHERE source_file LIKE '%/" + BrokenFeeds.FEED + "/%'"
        + " ORDER BY 1, 2, 3");
    assertThat(quarantined).extracting(r -> tuple(r.getString(0), r.getString(1), r.getString(2)))
        .containsExactlyElementsOf(BrokenFeeds.EXPECTED_QUARANTINE);
    assertThat(rows("SELECT stop_id FROM " + silver("gtfs_stops") + " WHERE feed_id = '"
        + BrokenFeeds.FEED + "' ORDER BY 1")).extracting(r -> r.getString(0))
        .containsExactly("S1", "S2");
    assertThat(firstBuild.rowsQuarantined()).isEqualTo(BrokenFeeds.EXPECTED_QUARANTINE.size() + 1);
  }

  @Test
  @Order(7)
  void feedWithoutStopsIsQuarantinedAndLeftOutWhileOthersLoad() {
    List<Row> quarantined = rows("SELECT rule, raw FROM " + quarantine()
        + " WHERE source_file LIKE '%/" + BrokenFeeds.NO_STOPS + "'");
    assertThat(quarantined).extracting(r -> tuple(r.getString(0), r.getString(1)))
        .containsExactly(tuple("missing required file stops.txt", "feed files: agency.txt,"
            + " calendar.txt, routes.txt, stop_times.txt, trips.txt"));
    for (String table : List.of("gtfs_agencies", "gtfs_routes", "gtfs_trips", "gtfs_stop_times",
        "gtfs_service_dates")) {
      assertThat(count(table, "feed_id = '" + BrokenFeeds.NO_STOPS + "'")).as(table).isZero();
    }
    assertThat(count("gtfs_trips", "feed_id = '" + GOOGLE + "'")).isEqualTo(11);
  }

  @Test
  @Order(8)
  void silverColumnsCarryTheirComments() {
    StructType schema = spark().read().format("delta").load(lake().paths().silver("gtfs_stops"))
        .schema();
    assertThat(schema.fieldNames()).containsExactly("feed_id", "stop_id", "stop_name", "stop_lat",
        "stop_lon", "geometry_wkb", "location_type", "parent_station");
    assertThat(schema.apply("stop_lat").getComment().get()).isEqualTo("WGS84 latitude, degrees");
  }

  @Test
  @Order(9)
  void rerunWithoutBronzeChangesLeavesSilverAlone() {
    Map<String, Long> before = versions();
    new IngestGtfsFeeds().run(context(DAY.plusDays(1)));
    JobResult again = new ConformGtfs().run(context(DAY.plusDays(1)));
    assertThat(versions()).isEqualTo(before);
    assertThat(again.details()).containsEntry("skipped", "bronze unchanged since the last build");
    assertThat(again.rowsOut()).isZero();
  }

  @Test
  @Order(10)
  void redeliveredStopsFileReplacesTheOldVersion() {
    BrokenFeeds.redeliverStops(gtfs());
    Instant later = Instant.parse("2026-11-21T00:00:00Z");
    LocalDate day = DAY.plusDays(2);
    new IngestGtfsFeeds().run(new JobContext(spark(), lake(), day, "test-redelivery", later));
    new ConformGtfs().run(new JobContext(spark(), lake(), day, "test-rebuild", later));

    assertThat(rows("SELECT stop_id, stop_lat FROM " + silver("gtfs_stops") + " WHERE feed_id = '"
        + BrokenFeeds.FEED + "' ORDER BY 1")).extracting(r -> tuple(r.getString(0), r.getDouble(1)))
        .containsExactly(tuple("BAD", 35.2), tuple("S1", 35.0), tuple("S2", 35.1),
            tuple("S3", 35.3));
    assertThat(rows("SELECT rule FROM " + quarantine() + " WHERE source_file LIKE '%/"
        + BrokenFeeds.FEED + "/stops.txt'")).isEmpty();
    assertThat(count("gtfs_stops", "feed_id = '" + GOOGLE + "'")).isEqualTo(9);
  }

  private static Map<String, Long> versions() {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String table : List.of("gtfs_agencies", "gtfs_stops", "gtfs_routes", "gtfs_trips",
        "gtfs_stop_times", "gtfs_service_dates")) {
      versions.put(table, DeltaTables.lastCommit(spark(), lake().paths().silver(table)).version());
    }
    versions.put("quarantine",
        DeltaTables.lastCommit(spark(), Quarantine.path(lake().paths())).version());
    return versions;
  }

  private static List<String> serviceIdsOn(String feed, String day) {
    return rows("SELECT service_id FROM " + silver("gtfs_service_dates") + " WHERE feed_id = '"
        + feed + "' AND service_date = DATE'" + day + "' ORDER BY 1").stream()
        .map(r -> r.getString(0)).toList();
  }

  private static long secondsOf(String time) {
    String[] parts = time.split(":");
    return Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60
        + Long.parseLong(parts[2]);
  }

  private static long count(String table, String where) {
    return rows("SELECT count(*) FROM " + silver(table) + " WHERE " + where).get(0).getLong(0);
  }

  private static long lines(String feed, String file) {
    return FeedText.records(realFeed(feed).resolve(file)).size();
  }

  private static String silver(String table) {
    return delta(lake().paths().silver(table));
  }

  private static String quarantine() {
    return "(SELECT * FROM " + delta(Quarantine.path(lake().paths()))
        + " WHERE dataset = 'transit_gtfs') q";
  }

  private static Path gtfs() {
    return lakeDir().resolve("raw/transit/gtfs");
  }

  private static Path realFeed(String feed) {
    return RawFiles.sharedReferenceData().resolve("gtfs").resolve(feed);
  }

  /** The feed's GTFS files; SOURCE.txt is the reference data's provenance note, not GTFS. */
  private static void copyFeed(Path source, Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")
          && !f.getFileName().toString().equals("SOURCE.txt")).toList()) {
        Files.copy(file, target.resolve(file.getFileName().toString()));
      }
    }
  }
}
