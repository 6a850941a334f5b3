package io.citylake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB baseline script on a hand-made raw lake whose KPIs are worked out by hand below:
 * quarantine rules, duplicates, a late re-report, an incomplete GTFS feed, the 3-hour bus-wait
 * bound and k-suppression (k = 2 here) must all come out as gold defines them. No Spark.
 */
class DuckDbBaselineTest {
  private static final LocalDate NOV1 = LocalDate.of(2026, 11, 1);
  @TempDir static Path lake;
  private static Map<String, KpiCell> cells;

  @BeforeAll
  static void runTheScript() {
    gtfs();
    steps();
    tripDiary();
    transactions();
    taps();
    arrivals();
    DuckDbBaseline.Result result = new DuckDbBaseline(lake, 2, 2).run(ComparedKpi.all());
    cells = new TreeMap<>();
    result.cells().forEach(cell -> cells.put(cell.key(), cell));
  }

  private static Map<String, Object> cell(String table, String municipality, LocalDate period) {
    KpiCell cell = cells.get(table + "/" + municipality + "/" + period);
    assertThat(cell).as(table + " " + municipality + " " + period).isNotNull();
    return cell.values();
  }

  @Test
  void walkingMinutesKeepTheNewestReportAndDropQuarantinedLines() {
    Map<String, Object> sapporo = cell("walking_minutes_daily", "sapporo", NOV1);
    assertThat((Double) sapporo.get("walking_minutes_avg")).isEqualTo((60 + 80) / 2.0);
    assertThat(sapporo).containsEntry("person_days", 2L).containsEntry("persons", 2L)
        .containsEntry("suppressed", false);
    assertThat(cell("walking_minutes_daily", "tsukuba", NOV1))
        .containsEntry("walking_minutes_avg", null).containsEntry("persons", 1L)
        .containsEntry("suppressed", true);
    assertThat(cell("walking_minutes_monthly", "sapporo", NOV1))
        .containsEntry("walking_minutes_avg", 70.0);
  }

  @Test
  void carDailyShareCountsPersonDaysWithACarTrip() {
    assertThat(cell("car_daily_share_daily", "sapporo", NOV1))
        .containsEntry("car_daily_share", 0.5).containsEntry("car_person_days", 1L)
        .containsEntry("travel_person_days", 2L).containsEntry("persons", 2L);
  }

  /** A truncated JSON line loses only itself, not the valid line after it. */
  @Test
  void tourismSpendAndVisitorsWeighValidVisitorTransactions() {
    Map<String, Object> spend = cell("tourism_spend_daily", "sapporo", NOV1);
    assertThat((Double) spend.get("spend_yen")).isCloseTo(1000 * 2.5 + 2000 * 2.5 + 400 * 1.5,
        within(1e-9));
    assertThat((Double) spend.get("annualised_spend_yen")).isCloseTo(8100.0 * 365, within(1e-6));
    assertThat(spend).containsEntry("persons", 2L).containsEntry("days_with_data", 1L);
    Map<String, Object> visitors = cell("visitors_daily", "sapporo", NOV1);
    assertThat((Double) visitors.get("visitors")).isCloseTo(2.5 + 1.5, within(1e-12));
    assertThat(visitors).containsEntry("persons", 2L);
  }

  @Test
  void ridershipCountsValidBoardTapsOfKnownStops() {
    assertThat(cell("ridership_daily", "sapporo", NOV1))
        .containsEntry("board_taps", 3L).containsEntry("persons", 3L);
    assertThat(cells.keySet()).filteredOn(k -> k.startsWith("ridership_daily/"))
        .containsExactly("ridership_daily/sapporo/2026-11-01");
  }

  @Test
  void busWaitsRunToTheNextValidArrivalWithinThreeHours() {
    Map<String, Object> wait = cell("bus_wait_daily", "sapporo", NOV1);
    assertThat((Double) wait.get("wait_minutes_avg")).isEqualTo((6 + 3) / 2.0);
    assertThat(wait).containsEntry("taps", 2L).containsEntry("taps_without_arrival", 1L)
        .containsEntry("persons", 2L);
  }

  /**
   * A lake with no delivery yet of most datasets (a generated lake's first day has no arrivals):
   * DuckDB refuses a glob without files, the baseline reads no rows there, as gold has none.
   */
  @Test
  void aDatasetWithoutDeliveriesGivesNoCellsInsteadOfFailing(@TempDir Path stepsOnly)
      throws IOException {
    for (String path : List.of("raw/points/steps/dt=2026-11-01/steps-2026-11-01.csv",
        "raw/points/steps/dt=2026-11-02/steps-2026-11-02.csv", "reference/merchants.csv")) {
      Files.createDirectories(stepsOnly.resolve(path).getParent());
      Files.copy(lake.resolve(path), stepsOnly.resolve(path));
    }

    List<KpiCell> onlySteps = new DuckDbBaseline(stepsOnly, 2, 2).run(ComparedKpi.all()).cells();

    assertThat(onlySteps).extracting(KpiCell::table).containsOnly(
        "walking_minutes_daily", "walking_minutes_monthly");
    assertThat(onlySteps).filteredOn(c -> c.key().equals(
            "walking_minutes_daily/sapporo/" + NOV1)).singleElement()
        .extracting(KpiCell::values).isEqualTo(cell("walking_minutes_daily", "sapporo", NOV1));
  }

  private static void steps() {
    write("raw/points/steps/dt=2026-11-01/steps-2026-11-01.csv",
        "person_id,municipality,age_band,activity_date,steps,walking_minutes",
        "p1,sapporo,20-39,2026-11-01,6000,60",
        "p2,sapporo,40-64,2026-11-01,5000,",          // empty minutes: 5000 / 100 = 50
        "p3,sapporo,40-64,2026-11-01,-5,30",           // negative steps: quarantined
        "p4,sapporo,40-64,2026-11-01,7000,70,x",       // extra field: unparsable
        "p1,sapporo,20-39,2026-11-01,6000,60",         // exact duplicate
        "p5,tsukuba,20-39,2026-11-01,1000,10");        // 1 person: suppressed at k = 2
    write("raw/points/steps/dt=2026-11-02/steps-2026-11-02.csv",
        "person_id,municipality,age_band,activity_date,steps,walking_minutes",
        "p2,sapporo,40-64,2026-11-01,5500,80");        // late re-report: the newest wins
  }

  private static void tripDiary() {
    write("raw/transit/trip_diary/dt=2026-11-01/trip_diary-2026-11-01.csv",
        "person_id,municipality,age_band,trip_date,trip_no,mode,purpose",
        "p1,sapporo,20-39,2026-11-01,1,car,commute",
        "p1,sapporo,20-39,2026-11-01,2,walk,return_home",
        "p2,sapporo,40-64,2026-11-01,1,bus,shopping",
        "p3,sapporo,40-64,2026-11-01,1,kickboard,leisure"); // unknown mode
  }

  private static void transactions() {
    write("reference/merchants.csv", "merchant_id,municipality,category,lon,lat",
        "M1,sapporo,retail,141.35,43.06");
    write("raw/points/transactions/dt=2026-11-01/transactions-2026-11-01.jsonl",
        txn("T1", "c1", "spend", "M1", "1000", "true", "2.5", "2026-11-01T10:00:00+09:00"),
        "{\"txn_id\":\"T0\",\"card_id\":\"c1\",\"amount_yen\":5,\"points\":", // truncated
        txn("T2", "c1", "spend", "M1", "2000", "true", "2.5", "2026-11-01T11:00:00+09:00"),
        txn("T3", "c2", "spend", "M1", "400", "true", "1.5", "2026-11-01T01:00:00Z"),
        txn("T4", "c2", "earn", "M1", "0", "true", "1.5", "2026-11-01T12:00:00+09:00"),
        txn("T5", "c3", "spend", "M1", "-400", "true", "9", "2026-11-01T12:00:00+09:00"),
        txn("T6", "c4", "spend", "M9", "500", "true", "9", "2026-11-01T12:00:00+09:00"),
        txn("T7", "c5", "spend", "M1", "999", "false", "9", "2026-11-01T12:00:00+09:00"),
        txn("T8", "c6", "spend", "M1", "700", "true", "9", "2026-11-03T12:00:00+09:00"),
        "-- end of batch --");
  }

  private static void taps() {
    writeGzip("raw/transit/taps/dt=2026-11-01/taps-2026-11-01.csv.gz",
        "tap_id,card_id,auth,kind,stop_id,route_id,tapped_at,fare_yen",
        "TP1,k1,ic,board,S1,R1,2026-11-01T08:00:00+09:00,0",
        "TP2,k2,ic,board,S1,R1,2026-11-01T08:03:00+09:00,0",
        "TP3,k1,ic,alight,S2,R1,2026-11-01T08:20:00+09:00,200",
        "TP4,k3,qr,board,S1,R1,2026-11-01T08:04:00+09:00,0",    // unknown auth
        "TP5,k4,ic,board,S9,R1,2026-11-01T08:04:00+09:00,0",    // stop of an incomplete feed
        "TP6,k5,ic,board,S2,R1,2026-11-01T23:30:00+09:00,0");   // next bus after 3 h
  }

  private static void arrivals() {
    write("raw/transit/arrivals/dt=2026-11-01/arrivals-2026-11-01.csv",
        "trip_id,stop_id,scheduled_at,actual_at",
        "T1,S1,2026-11-01T08:05:00+09:00,2026-11-01T08:06:00+09:00",
        "T1,S2,2026-11-01T08:15:00+09:00,2026-11-01T08:16:00+09:00",
        "T2,S1,2026-11-01T03:00:00+09:00,2026-11-01T08:01:00+09:00"); // absurd delay
    write("raw/transit/arrivals/dt=2026-11-02/arrivals-2026-11-02.csv",
        "trip_id,stop_id,scheduled_at,actual_at",
        "T2,S2,2026-11-02T06:00:00+09:00,2026-11-02T06:00:00+09:00");
  }

  private static void gtfs() {
    String feed = "raw/transit/gtfs/sapporo-bus/";
    write(feed + "agency.txt", "agency_id,agency_name,agency_url,agency_timezone",
        "A,Bus,https://example.org,Asia/Tokyo");
    write(feed + "stops.txt", "stop_id,stop_name,stop_lat,stop_lon",
        "S1,One,43.06,141.35", "S2,Two,43.07,141.36");
    write(feed + "routes.txt", "route_id,agency_id,route_short_name,route_long_name,route_type",
        "R1,A,1,One,3");
    write(feed + "trips.txt", "route_id,service_id,trip_id,trip_headsign,direction_id",
        "R1,WD,T1,North,0", "R1,WD,T2,North,0");
    write(feed + "stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,stop_sequence",
        "T1,08:05:00,08:05:00,S1,1");
    write(feed + "calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,"
        + "sunday,start_date,end_date", "WD,1,1,1,1,1,0,0,20261101,20261130");
    write("raw/transit/gtfs/tsukuba-partial/stops.txt", "stop_id,stop_name,stop_lat,stop_lon",
        "S9,Nine,36.08,140.11");
  }

  private static String txn(String id, String card, String kind, String merchant, String amount,
      String visitor, String weight, String ts) {
    return "{\"txn_id\":\"" + id + "\",\"card_id\":\"" + card + "\",\"municipality\":\"sapporo\","
        + "\"kind\":\"" + kind + "\",\"merchant_id\":\"" + merchant + "\",\"amount_yen\":" + amount
        + ",\"points\":0,\"visitor\":" + visitor + ",\"weight\":" + weight + ",\"ts\":\"" + ts
        + "\",\"lon\":141.35,\"lat\":43.06}";
  }

  private static void write(String path, String... lines) {
    try {
      Path file = lake.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, List.of(lines));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeGzip(String path, String... lines) {
    try {
      Path file = lake.resolve(path);
      Files.createDirectories(file.getParent());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
