package io.citylake.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.pipeline.RunSummary;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The sample's late deliveries must rebuild only the KPI days they touch: the gold tables of the
 * copy of {@link SampleLakeNight#lateDeliveries} (the first night's day run again, then once more
 * after {@code late/raw/} arrived) compared with those of the shared first night, read by path.
 * Runs after the classes that read the shared lake by table name ({@code @Order}), so the
 * metastore need not be pointed back and forth.
 */
@Order(3)
@ResourceLock(SharedResources.METASTORE)
class KpiLateDeliveriesOnSampleLakeTest extends SparkTestBase {

  @Test
  void lateTapsRecomputeOnlyTheirDayOnTheNextNight() throws IOException {
    // gold.x reads the copy with the late deliveries from here on
    SampleLakeNight.LateDeliveries late = SampleLakeNight.lateDeliveries(spark());
    String firstNightGold = late.firstNight().root().resolve("gold").toString();
    Map<String, String> walkingBefore =
        buildIds(delta(firstNightGold + "/walking_minutes_daily"), "true");
    Map<String, String> ridershipBefore =
        buildIds(delta(firstNightGold + "/ridership_daily"), "true");

    RunSummary next = late.late();

    assertThat(next.succeeded()).isTrue();
    assertThat(buildIds("gold.walking_minutes_daily", "true")).isEqualTo(walkingBefore);
    Map<String, String> ridershipAfter = buildIds("gold.ridership_daily", "true");
    ridershipBefore.forEach((day, id) -> {
      if (!day.equals("2026-11-10")) {
        assertThat(ridershipAfter.get(day)).as(day).isEqualTo(id);
      }
    });
    assertThat(ridershipAfter.get("2026-11-10")).isNotEqualTo(ridershipBefore.get("2026-11-10"));
    long lateTaps = new RawTransit(new RawSample(late.root())).boardTaps.stream()
        .filter(t -> t.dt().equals(LocalDate.of(2026, 11, 10)))
        .filter(t -> t.municipality().equals("sapporo")).count();
    assertThat(gold("ridership_daily", "municipality = 'sapporo' AND dt = DATE'2026-11-10'")
        .<Long>getAs("board_taps")).isEqualTo(lateTaps);
  }

  private static Row gold(String table, String where) {
    List<Row> rows = rows("SELECT * FROM gold." + table + " WHERE " + where);
    assertThat(rows).as(table + " " + where).hasSize(1);
    return rows.get(0);
  }

  private static Map<String, String> buildIds(String table, String where) {
    Map<String, String> ids = new TreeMap<>();
    rows("SELECT CAST(dt AS STRING), max(build_run_id) FROM " + table + " WHERE " + where
        + " GROUP BY dt").forEach(r -> ids.put(r.getString(0), r.getString(1)));
    return ids;
  }
}
