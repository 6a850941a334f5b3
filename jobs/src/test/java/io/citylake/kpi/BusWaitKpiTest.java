package io.citylake.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.JobContext;
import io.citylake.lake.LakeConfig;
import io.citylake.testing.SparkTestBase;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bus waiting time and ridership on hand-made silver taps, arrivals and GTFS rows: the next
 * arrival of the same route at the same stop, arrivals of other routes ignored, an arrival at
 * the tap's very second counted, a tap with no later arrival counted but not averaged.
 */
class BusWaitKpiTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 5);

  private static JobContext contextWithK(int k) {
    LakeConfig base = lake();
    return new JobContext(spark(), new LakeConfig(base.lakeRoot(), base.metastoreDir(), k,
        base.pseudonymKeyEnv(), base.h3Resolution()), DAY, "bus-test-k" + k,
        Instant.parse("2026-11-20T00:00:00Z"));
  }

  private static void write(String table, String ddl, List<Row> rows, boolean partitioned) {
    var writer = spark().createDataFrame(rows, StructType.fromDDL(ddl)).write().format("delta")
        .mode("overwrite");
    (partitioned ? writer.partitionBy("dt") : writer).save(lake().paths().silver(table));
  }

  private static Timestamp at(String time) {
    return Timestamp.from(java.time.OffsetDateTime.parse("2026-11-05T" + time + "+09:00")
        .toInstant());
  }

  @BeforeAll
  static void network() {
    Date dt = Date.valueOf(DAY);
    Timestamp ingested = Timestamp.valueOf("2026-11-06 01:00:00");
    write("gtfs_stops", "feed_id STRING, stop_id STRING", List.of(
        RowFactory.create("sapporo-bus", "S1"), RowFactory.create("tsukuba-tsukubus", "T1")),
        false);
    write("gtfs_trips", "feed_id STRING, trip_id STRING, route_id STRING", List.of(
        RowFactory.create("sapporo-bus", "TRIP1", "R1"),
        RowFactory.create("sapporo-bus", "TRIP2", "R2")), false);
    String taps = "tap_id STRING, card_pseudonym STRING, kind STRING, stop_id STRING,"
        + " route_id STRING, tapped_at TIMESTAMP, dt DATE, _ingested_at TIMESTAMP";
    write("transit_taps", taps, List.of(
        RowFactory.create("t1", "c1", "board", "S1", "R1", at("08:00:00"), dt, ingested),
        RowFactory.create("t2", "c2", "board", "S1", "R1", at("08:05:30"), dt, ingested),
        RowFactory.create("t3", "c3", "board", "S1", "R1", at("08:10:00"), dt, ingested),
        RowFactory.create("t4", "c4", "board", "S1", "R1", at("08:50:00"), dt, ingested),
        RowFactory.create("t5", "c5", "alight", "S1", "R1", at("08:01:00"), dt, ingested),
        // the next arrival is 4 h 3 min later: beyond the longest wait, so none was observed
        RowFactory.create("t6", "c6", "board", "S1", "R1", at("04:00:00"), dt, ingested)),
        true);
    String arrivals = "trip_id STRING, stop_id STRING, actual_at TIMESTAMP, dt DATE,"
        + " _ingested_at TIMESTAMP";
    write("transit_arrivals", arrivals, List.of(
        RowFactory.create("TRIP2", "S1", at("08:01:00"), dt, ingested),
        RowFactory.create("TRIP1", "S1", at("08:03:00"), dt, ingested),
        RowFactory.create("TRIP1", "S1", at("08:10:00"), dt, ingested)), true);
  }

  @Test
  void eachBoardTapWaitsForTheNextArrivalOfItsRouteAtItsStop() {
    new BusWaitKpi().run(contextWithK(1));

    Row hour = rows("SELECT municipality, route_id, wait_minutes_avg, taps, taps_without_arrival,"
        + " persons, suppressed FROM " + delta(lake().paths().gold("bus_wait_hourly"))
        + " WHERE hour(hour_start) = 8").get(0);
    // waits 3.0 (08:00 → 08:03, not route 2's 08:01), 4.5 (08:05:30 → 08:10), 0 (same second)
    assertThat(hour.getString(0)).isEqualTo("sapporo");
    assertThat(hour.getString(1)).isEqualTo("R1");
    assertThat(hour.getDouble(2)).isEqualTo(7.5 / 3);
    assertThat(hour.getLong(3)).isEqualTo(3);
    assertThat(hour.getLong(4)).isEqualTo(1);
    assertThat(hour.getLong(5)).isEqualTo(3);
    assertThat(hour.getBoolean(6)).isFalse();

    // no person waited in that hour: no value, and the cell counts as suppressed
    Row early = rows("SELECT wait_minutes_avg, taps_without_arrival, persons, suppressed FROM "
        + delta(lake().paths().gold("bus_wait_hourly")) + " WHERE hour(hour_start) = 4").get(0);
    assertThat(early.isNullAt(0)).isTrue();
    assertThat(early.getLong(1)).isEqualTo(1);
    assertThat(early.getLong(2)).isZero();
    assertThat(early.getBoolean(3)).isTrue();
    Row day = rows("SELECT wait_minutes_avg, taps, taps_without_arrival FROM "
        + delta(lake().paths().gold("bus_wait_daily"))).get(0);
    assertThat(day.getDouble(0)).isEqualTo(7.5 / 3);
    assertThat(day.getLong(1)).isEqualTo(3);
    assertThat(day.getLong(2)).isEqualTo(2);
  }

  @Test
  void withoutAnyArrivalsDeliveredEveryBoardTapCountsAsOneWithoutAnArrival() {
    // a lake whose first night had taps but no arrivals file: silver.transit_arrivals is absent
    LakeConfig noArrivals = LakeConfig.local(lakeDir().resolve("no-arrivals"));
    for (String table : List.of("gtfs_stops", "gtfs_trips", "transit_taps")) {
      var writer = spark().read().format("delta").load(lake().paths().silver(table)).write()
          .format("delta");
      (table.equals("transit_taps") ? writer.partitionBy("dt") : writer)
          .save(noArrivals.paths().silver(table));
    }

    new BusWaitKpi().run(new JobContext(spark(), new LakeConfig(noArrivals.lakeRoot(),
        noArrivals.metastoreDir(), 1, noArrivals.pseudonymKeyEnv(), noArrivals.h3Resolution()),
        DAY, "bus-test-no-arrivals", Instant.parse("2026-11-20T00:00:00Z")));

    // no person waited: no value, the cell counts as suppressed, every board tap is counted
    Row day = rows("SELECT wait_minutes_avg, suppressed, taps_without_arrival FROM "
        + delta(noArrivals.paths().gold("bus_wait_daily"))).get(0);
    assertThat(day.isNullAt(0)).isTrue();
    assertThat(day.getBoolean(1)).isTrue();
    assertThat(day.getLong(2)).isEqualTo(rows("SELECT count(*) FROM "
        + delta(lake().paths().silver("transit_taps")) + " WHERE kind = 'board'").get(0).getLong(0));
  }

  @Test
  void ridershipCountsBoardTapsPerRouteStopAndHourAndSuppressesBelowK() {
    new RidershipKpi().run(contextWithK(10));

    Row cell = rows("SELECT municipality, stop_id, CAST(hour_start AS STRING), board_taps,"
        + " persons, suppressed FROM " + delta(lake().paths().gold("ridership_hourly"))
        + " WHERE hour(hour_start) = 8").get(0);
    assertThat(cell.getString(0)).isEqualTo("sapporo");
    assertThat(cell.getString(2)).isEqualTo("2026-11-05 08:00:00");
    assertThat(cell.isNullAt(3)).isTrue();
    assertThat(cell.getLong(4)).isEqualTo(4);
    assertThat(cell.getBoolean(5)).isTrue();
  }
}
