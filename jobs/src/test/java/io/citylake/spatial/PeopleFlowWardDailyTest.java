package io.citylake.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.gold.PeriodicKpiJob;
import io.citylake.job.JobContext;
import io.citylake.kpi.SensorKpis;
import io.citylake.privacy.AdditiveRelation;
import io.citylake.privacy.GoldRelations;
import io.citylake.privacy.PublishedAudit;
import io.citylake.testing.SparkTestBase;
import io.citylake.testing.TwoWards;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The daily ward table behind the report's people-flow map (issue 20): two busy wards, one of
 * which has a night hour of 2 persons. The hour is suppressed; the ward's day (thousands) is
 * published with its true total, and the published day does not give the hour away.
 */
class PeopleFlowWardDailyTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);
  private static final java.time.ZoneId JST = java.time.ZoneId.of("Asia/Tokyo");
  private static final List<PeriodicKpiJob> JOBS = List.of(new SensorKpis(),
      new PeopleFlowByArea());
  /** The true day total per ward, summed here from the generated observations. */
  private static final Map<String, Double> TRUE_DAY = new TreeMap<>();
  private static JobContext night;

  @BeforeAll
  static void runTheJobs() {
    TwoWards.write(spark(), lake().paths());
    List<Row> rows = new ArrayList<>();
    Timestamp ingested = Timestamp.from(DAY.plusDays(1).atTime(1, 0).atZone(JST).toInstant());
    for (String ward : List.of("01101", "01102")) {
      double lon = ward.equals("01101") ? 141.05 : 141.15;
      for (int sensor = 0; sensor < 2; sensor++) {
        String id = "pc" + ward + sensor;
        for (int hour = 8; hour < 18; hour++) {
          for (int quarter = 0; quarter < 4; quarter++) {
            rows.add(observation(id, 20.0 + hour, lon, hour, quarter, ingested));
          }
        }
      }
      // the night hour: 2 persons in the west ward, 40 in the east one
      for (int quarter = 0; quarter < (ward.equals("01101") ? 2 : 4); quarter++) {
        rows.add(observation("pc" + ward + "0", ward.equals("01101") ? 1.0 : 10.0, lon, 3,
            quarter, ingested));
      }
    }
    for (Row r : rows) {
      TRUE_DAY.merge(r.getDouble(5) < 141.1 ? "01101" : "01102", r.getDouble(4), Double::sum);
    }
    spark().createDataFrame(rows, StructType.fromDDL("dt DATE, municipality STRING,"
            + " id STRING, type STRING, value DOUBLE, lon DOUBLE, lat DOUBLE,"
            + " observed_at TIMESTAMP, _ingested_at TIMESTAMP"))
        .write().format("delta").partitionBy("dt")
        .save(lake().paths().silver("sensors_observations"));
    night = context(DAY);
    JOBS.forEach(job -> job.run(night));
  }

  private static Row observation(String id, double value, double lon, int hour, int quarter,
      Timestamp ingested) {
    return RowFactory.create(Date.valueOf(DAY), "sapporo", id, "PeopleCounter", value, lon,
        43.05, Timestamp.from(DAY.atTime(hour, quarter * 15).atZone(JST).toInstant()),
        ingested);
  }

  private static List<Row> gold(String table, String select) {
    return spark().read().format("delta").load(lake().paths().gold(table))
        .selectExpr(select.split(",")).orderBy("area_id").collectAsList();
  }

  @Test
  void aWardWhoseDayCountsAtLeastKPersonsIsPublishedWithItsTrueTotal() {
    assertThat(TRUE_DAY.get("01101")).isGreaterThan(1000).isEqualTo(2 * 4 * 10 * 20.0
        + 2 * 4 * (8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17) + 2);
    List<Row> daily = gold("people_flow_ward_daily",
        "area_id,people_count,suppressed,dt");
    assertThat(daily).hasSize(2);
    for (Row r : daily) {
      assertThat(r.getBoolean(2)).as(r.getString(0)).isFalse();
      assertThat(r.getDouble(1)).as(r.getString(0)).isEqualTo(TRUE_DAY.get(r.getString(0)));
      assertThat(r.getDate(3)).isEqualTo(Date.valueOf(DAY));
    }
  }

  @Test
  void theSmallNightHourIsSuppressedAndTheDayDoesNotGiveItAway() {
    List<Row> night3 = spark().read().format("delta")
        .load(lake().paths().gold("people_flow_area_hourly"))
        .where("area_level = 'ward' AND area_id = '01101' AND hour(hour_start) = 3")
        .select("people_count", "suppressed").collectAsList();
    assertThat(night3).hasSize(1);
    assertThat(night3.get(0).getBoolean(1)).isTrue();
    assertThat(night3.get(0).isNullAt(0)).isTrue();

    List<AdditiveRelation> flow = GoldRelations.all().stream()
        .filter(r -> r.name().startsWith("people_flow")).toList();
    PublishedAudit.Report published = PublishedAudit.audit(night, JOBS, flow, List.of(DAY));
    assertThat(published.primaryCells()).isPositive();
    assertThat(published.recovered()).isEmpty();
  }

  @Test
  void withoutComplementsTheDayMinusThePublishedHoursWouldDiscloseTheNightHour() {
    List<AdditiveRelation> hoursInDay = GoldRelations.all().stream()
        .filter(r -> r.name().equals("people_flow_ward_hours_in_day")).toList();
    assertThat(hoursInDay).hasSize(1);
    PublishedAudit.Report primaryOnly = PublishedAudit.auditPrimaryOnly(night, JOBS, hoursInDay,
        List.of(DAY));
    assertThat(primaryOnly.recovered()).containsKey(
        "people_flow_area_hourly|01101|ward|" + DAY + "|" + DAY + " 03:00:00|sapporo"
            + "#CAST(people_count AS DOUBLE)");
  }
}
