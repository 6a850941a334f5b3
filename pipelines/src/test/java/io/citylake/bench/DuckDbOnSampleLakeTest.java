package io.citylake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.pipeline.RunSummary;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The DuckDB baseline over the sample lake's raw files gives exactly gold's values after the
 * sample's first night (the shared one of {@link SampleLakeNight}, only read here): every compared
 * KPI, for every municipality and period, counts exactly and ratios within 1e-9 relative. This is
 * what makes the pipeline benchmark's race against DuckDB a fair one.
 */
@Order(10)
@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)
class DuckDbOnSampleLakeTest extends SparkTestBase {
  private static RunSummary night;
  private static DuckDbBaseline.Result duckdb;
  private static List<KpiCell> gold;

  @BeforeAll
  static void runBothEngines() {
    SampleLakeNight.Lake sample = SampleLakeNight.shared(spark());
    night = sample.night();
    duckdb = new DuckDbBaseline(sample.root(), sample.config().minPersonsPerCell(), 2)
        .run(ComparedKpi.all());
    gold = new GoldKpiReader(spark(), sample.config().paths()).read(ComparedKpi.all());
  }

  @Test
  void everyComparedKpiHasCellsForTheSampleDays() {
    assertThat(night.succeeded()).isTrue();
    for (ComparedKpi kpi : ComparedKpi.all()) {
      assertThat(gold).as(kpi.table()).anyMatch(cell -> cell.table().equals(kpi.table()));
    }
    // 3 municipalities x 14 days for each daily KPI the sample fills every day
    assertThat(duckdb.cells()).filteredOn(c -> c.table().equals("walking_minutes_daily"))
        .hasSize(3 * 14);
  }

  @Test
  void duckDbGivesGoldsValuesCellByCell() {
    List<KpiMismatch> mismatches = KpiComparison.compare(ComparedKpi.all(), gold, duckdb.cells());

    assertThat(mismatches).isEmpty();
    assertThat(duckdb.cells()).hasSameSizeAs(gold);
  }
}
