package io.citylake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.gold.PeriodicKpiJob;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.kpi.SensorKpis;
import io.citylake.kpi.TourismKpi;
import io.citylake.spatial.PeopleFlowByArea;
import io.citylake.spatial.TourismSpendByMesh;
import io.citylake.testing.SparkTestBase;
import io.citylake.testing.TwoWards;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two cases on small generated silver data, one seed per day (four seeds): people
 * counters in two wards (and their 1 km / 500 m squares and H3 cells) with the municipal hour,
 * and visitors' card spend in 1 km and 500 m squares with the municipal day, month and year.
 * The gold jobs run as in a night; the attacker then subtracts along every declared relation
 * of the published tables.
 */
class ComplementarySuppressionOnGoldJobsTest extends SparkTestBase {
  private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
  private static final int SEEDS = 4;
  private static final List<PeriodicKpiJob> JOBS = List.of(new SensorKpis(),
      new PeopleFlowByArea(), new TourismKpi(), new TourismSpendByMesh());
  private static final Map<String, Long> SECONDARY = new HashMap<>();
  private static JobContext night;
  private static List<LocalDate> days;
  private static PublishedAudit.Report published;

  @BeforeAll
  static void runTheGoldJobsOnGeneratedSilver() {
    TwoWards.write(spark(), lake().paths());
    List<Row> observations = new ArrayList<>();
    List<Row> transactions = new ArrayList<>();
    days = new ArrayList<>();
    for (int seed = 1; seed <= SEEDS; seed++) {
      LocalDate day = FIRST.plusDays(seed - 1);
      days.add(day);
      generate(new Random(seed), day, observations, transactions);
    }
    spark().createDataFrame(observations, StructType.fromDDL("dt DATE, municipality STRING,"
            + " id STRING, type STRING, value DOUBLE, lon DOUBLE, lat DOUBLE,"
            + " observed_at TIMESTAMP, _ingested_at TIMESTAMP"))
        .write().format("delta").partitionBy("dt")
        .save(lake().paths().silver("sensors_observations"));
    spark().createDataFrame(transactions, StructType.fromDDL("dt DATE, municipality STRING,"
            + " card_pseudonym STRING, kind STRING, visitor BOOLEAN, weight DOUBLE,"
            + " amount_yen BIGINT, lon DOUBLE, lat DOUBLE, _ingested_at TIMESTAMP"))
        .write().format("delta").partitionBy("dt")
        .save(lake().paths().silver("points_transactions"));
    night = context(days.get(days.size() - 1));
    for (PeriodicKpiJob job : JOBS) {
      JobResult result = job.run(night);
      result.secondarySuppressed().forEach((t, n) -> SECONDARY.merge(t, n, Long::sum));
    }
    published = PublishedAudit.audit(night, JOBS, GoldRelations.all(), days);
  }

  /** A point in the 2 × 3 block of 1 km squares astride the ward border at lon 141.1. */
  private static double[] point(Random random) {
    return new double[] {141.0875 + random.nextDouble() * 0.0375,
        43.0167 + random.nextDouble() * 0.0167};
  }

  private static void generate(Random random, LocalDate day, List<Row> observations,
      List<Row> transactions) {
    Timestamp ingested = Timestamp.valueOf(day.plusDays(1).atTime(1, 0));
    for (int sensor = 0; sensor < 14; sensor++) {
      double[] at = point(random);
      for (int hour = 8; hour < 11; hour++) {
        for (int quarter = 0; quarter < 4; quarter++) {
          observations.add(RowFactory.create(Date.valueOf(day), "sapporo", "pc" + sensor,
              "PeopleCounter", (double) random.nextInt(random.nextInt(3) == 0 ? 2 : 7), at[0],
              at[1], Timestamp.valueOf(day.atTime(hour, quarter * 15)), ingested));
        }
      }
    }
    for (int card = 0; card < 120; card++) {
      double[] at = point(random);
      double weight = 1 + random.nextInt(3);
      for (int t = 0; t < 1 + random.nextInt(3); t++) {
        transactions.add(RowFactory.create(Date.valueOf(day), "sapporo", "c" + day + card,
            "spend", true, weight, 500L + random.nextInt(20_000), at[0], at[1], ingested));
      }
    }
  }

  @Test
  void theAttackerRecoversNoSuppressedCellOfThePublishedTables() {
    PublishedAudit.Report report = published;

    assertThat(report.primaryCells()).as("cells under k").isGreaterThan(20);
    assertThat(report.suppressedCells()).isGreaterThan(report.primaryCells());
    assertThat(report.recovered()).isEmpty();
  }

  @Test
  void withPrimarySuppressionAloneTheSameAttackerRecoversCellsInBothCases() {
    PublishedAudit.Report report = PublishedAudit.auditPrimaryOnly(night, JOBS,
        GoldRelations.all(), days);

    assertThat(report.suppressedCells()).isEqualTo(report.primaryCells());
    assertThat(report.recovered().keySet())
        .anyMatch(k -> k.startsWith("people_flow_area_hourly|"))
        .anyMatch(k -> k.startsWith("tourism_spend_mesh_daily|"));
  }

  @Test
  void theJobsReportTheCellsTheySuppressedAsComplements() {
    PublishedAudit.Report report = published;

    assertThat(SECONDARY.get("people_flow_area_hourly")).isPositive();
    assertThat(SECONDARY.get("tourism_spend_mesh_daily")).isPositive();
    assertThat(SECONDARY.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(report.suppressedCells() - report.primaryCells());
  }
}
