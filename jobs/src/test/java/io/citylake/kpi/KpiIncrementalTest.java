package io.citylake.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.publish.RegisterTables;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Walking minutes on hand-made silver rows: k-anonymity at exactly k, recompute of only the
 * touched day and its month, no work without new data, commented gold tables in the metastore.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(SharedResources.METASTORE)
class KpiIncrementalTest extends SparkTestBase {
  private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate D2 = LocalDate.of(2026, 11, 2);
  private static final StructType STEPS = StructType.fromDDL("person_pseudonym STRING,"
      + " municipality STRING, age_band STRING, activity_date DATE, steps INT,"
      + " walking_minutes DOUBLE, dt DATE, _ingested_at TIMESTAMP");
  private static final WalkingMinutesKpi JOB = new WalkingMinutesKpi();
  private static Map<String, String> firstBuild;
  private static Map<String, String> firstFiles;

  /** {@code n} persons of {@code municipality} walking 30, 31, ... minutes on {@code day}. */
  private static List<Row> persons(String municipality, LocalDate day, int n, String ingested) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Double minutes = i == 0 ? null : 30.0 + i;
      rows.add(RowFactory.create("p_" + municipality + i, municipality, "20-39",
          Date.valueOf(day), 4000 + i, minutes, Date.valueOf(day), Timestamp.valueOf(ingested)));
    }
    return rows;
  }

  private static void appendSteps(List<Row> rows) {
    spark().createDataFrame(rows, STEPS).write().format("delta").mode("append")
        .partitionBy("dt").save(lake().paths().silver("points_steps"));
  }

  private static String daily() {
    return delta(lake().paths().gold("walking_minutes_daily"));
  }

  private static Map<String, String> byDay(String sql) {
    Map<String, String> result = new TreeMap<>();
    rows(sql).forEach(r -> result.put(r.getString(0), r.getString(1)));
    return result;
  }

  /** The data files holding each day's rows. */
  private static Map<String, String> filesByDay() {
    return byDay("SELECT CAST(dt AS STRING), concat_ws(',', sort_array(collect_set(f))) FROM"
        + " (SELECT dt, input_file_name() AS f FROM " + daily() + ") GROUP BY dt");
  }

  @BeforeAll
  static void firstNight() {
    List<Row> rows = new ArrayList<>(persons("sapporo", D1, 10, "2026-11-02 01:00:00"));
    rows.addAll(persons("tsukuba", D1, 9, "2026-11-02 01:00:00"));
    rows.addAll(persons("sapporo", D2, 12, "2026-11-03 01:00:00"));
    appendSteps(rows);
    JOB.run(context(D2));
    firstBuild = byDay("SELECT CAST(dt AS STRING), max(build_run_id) FROM " + daily()
        + " GROUP BY dt");
    firstFiles = filesByDay();
  }

  @Test
  @Order(1)
  void cellsFromNinePersonsAreSuppressedAndFromTenPublished() {
    List<Row> cells = rows("SELECT municipality, walking_minutes_avg, persons, suppressed FROM "
        + daily() + " WHERE dt = DATE'2026-11-01' ORDER BY municipality");
    // sapporo: 40.00 (steps 4000 / 100, empty walking_minutes) + 31..39
    assertThat(cells.get(0).getString(0)).isEqualTo("sapporo");
    assertThat(cells.get(0).getDouble(1)).isEqualTo((40.0 + 31 + 32 + 33 + 34 + 35 + 36 + 37
        + 38 + 39) / 10);
    assertThat(cells.get(0).getLong(2)).isEqualTo(10);
    assertThat(cells.get(0).getBoolean(3)).isFalse();
    assertThat(cells.get(1).getString(0)).isEqualTo("tsukuba");
    assertThat(cells.get(1).isNullAt(1)).isTrue();
    assertThat(cells.get(1).getLong(2)).isEqualTo(9);
    assertThat(cells.get(1).getBoolean(3)).isTrue();
  }

  @Test
  @Order(2)
  void rerunWithoutNewSilverDataRecomputesNothing() {
    JobResult again = JOB.run(context(D2));
    assertThat(again.details()).containsEntry("days_recomputed", 0);
    assertThat(byDay("SELECT CAST(dt AS STRING), max(build_run_id) FROM " + daily()
        + " GROUP BY dt")).isEqualTo(firstBuild);
  }

  @Test
  @Order(3)
  void lateRowsForAnEarlierDayRecomputeOnlyThatDayAndItsMonth() {
    // a late file for D1: one more tsukuba person, so tsukuba reaches k = 10
    appendSteps(List.of(RowFactory.create("p_tsukuba_late", "tsukuba", "75+", Date.valueOf(D1),
        9000, 50.0, Date.valueOf(D1), Timestamp.valueOf("2026-11-04 01:00:00"))));
    JobContext night = context(D2);

    JobResult result = JOB.run(night);

    assertThat(result.details()).containsEntry("days_recomputed", 1);
    Map<String, String> build = byDay("SELECT CAST(dt AS STRING), max(build_run_id) FROM "
        + daily() + " GROUP BY dt");
    assertThat(build).containsEntry("2026-11-01", night.runId())
        .containsEntry("2026-11-02", firstBuild.get("2026-11-02"));
    assertThat(filesByDay())
        .containsEntry("2026-11-02", firstFiles.get("2026-11-02"))
        .doesNotContainEntry("2026-11-01", firstFiles.get("2026-11-01"));
    Row tsukuba = rows("SELECT walking_minutes_avg, persons, suppressed FROM " + daily()
        + " WHERE dt = DATE'2026-11-01' AND municipality = 'tsukuba'").get(0);
    assertThat(tsukuba.getDouble(0)).isEqualTo((40.0 + 31 + 32 + 33 + 34 + 35 + 36 + 37 + 38
        + 50) / 10);
    assertThat(tsukuba.getLong(1)).isEqualTo(10);
    Row month = rows("SELECT build_run_id, person_days FROM "
        + delta(lake().paths().gold("walking_minutes_monthly"))
        + " WHERE municipality = 'tsukuba'").get(0);
    assertThat(month.getString(0)).isEqualTo(night.runId());
    assertThat(month.getLong(1)).isEqualTo(10);
    Row commit = rows("DESCRIBE HISTORY " + daily() + " LIMIT 1").get(0);
    assertThat(commit.getMap(commit.fieldIndex("operationParameters")).toString())
        .contains("2026-11-01").doesNotContain("2026-11-02");
  }

  @Test
  @Order(4)
  void goldTablesAreRegisteredWithTheirDescriptionAndColumnComments() {
    new RegisterTables(List.of(TableRef.gold("walking_minutes_daily"),
        TableRef.gold("kpi_watermarks"))).run(context(D2));

    Map<String, String> described = new TreeMap<>();
    rows("DESCRIBE TABLE EXTENDED gold.walking_minutes_daily").forEach(r ->
        described.put(r.getString(0),
            r.getString(2) == null || r.getString(2).isEmpty() ? r.getString(1) : r.getString(2)));
    assertThat(described).containsEntry("persons",
        "distinct pseudonymised persons behind the cell; values are suppressed below k = 10");
    assertThat(described.get("Comment")).as(described.toString())
        .startsWith("walking_minutes_avg: mean walking");
    assertThat(rows("SELECT count(*) FROM gold.walking_minutes_daily").get(0).getLong(0))
        .isEqualTo(3);
  }
}
