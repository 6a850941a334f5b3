package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.TableRef;
import io.citylake.job.TableSources;
import io.citylake.kpi.KpiLineage;
import org.junit.jupiter.api.Test;

/** The sources of a table as the nightly pipeline's declarations give them, without Spark. */
class TableSourcesTest {
  @Test
  void sourcesFollowTheDeclaredTablesButNotTheSharedBookkeeping() {
    var jobs = NightlyPipeline.graph().jobs();
    TableSources walking = TableSources.of(jobs, TableRef.gold("walking_minutes_daily"));
    assertThat(walking.names()).containsExactly("silver.points_steps", "raw.points_steps");
    TableSources busWait = TableSources.of(jobs, TableRef.gold("bus_wait_daily"));
    assertThat(busWait.names()).contains("silver.transit_taps", "silver.transit_arrivals",
        "raw.transit_taps", "raw.transit_arrivals")
        .doesNotContain("silver.conform_accounting", "bronze.ingest_ledger");
    assertThat(TableSources.of(jobs, TableRef.gold("no_such_table")).names()).isEmpty();
    assertThat(KpiLineage.of(jobs).get("walking_minutes_avg")).isEqualTo(walking.names());
  }
}
