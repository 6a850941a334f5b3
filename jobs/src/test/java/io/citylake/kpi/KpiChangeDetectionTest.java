package io.citylake.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.conform.ConformDataset;
import io.citylake.conform.datasets.TransitTapsConformer;
import io.citylake.contract.RawDataset;
import io.citylake.ingest.IngestRawDataset;
import io.citylake.job.JobResult;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SparkTestBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.delta.files.TahoeFileIndex;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import scala.collection.JavaConverters;

/**
 * KPI jobs learn which silver partitions changed from the conform accounting (the newest bronze
 * ingest each partition was built from), not by scanning silver: taps conformed for real, then
 * ridership built on them night after night.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KpiChangeDetectionTest extends SparkTestBase {
  private static final LocalDate DAY1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate DAY2 = LocalDate.of(2026, 11, 2);
  private static final ConformDataset TAPS = new ConformDataset(new TransitTapsConformer());
  private static final RidershipKpi RIDERSHIP = new RidershipKpi();

  @BeforeAll
  static void busNetwork() {
    samplePseudonyms();
    spark().createDataFrame(List.of(RowFactory.create("S1", "sapporo-bus")),
            StructType.fromDDL("stop_id STRING, feed_id STRING"))
        .write().format("delta").save(lake().paths().silver("gtfs_stops"));
    spark().createDataFrame(List.of(RowFactory.create("R1")), StructType.fromDDL("route_id STRING"))
        .write().format("delta").save(lake().paths().silver("gtfs_routes"));
  }

  /** Delivers {@code cards} board taps at 08:00 of {@code day} in file {@code name}. */
  private static void deliver(LocalDate day, String name, int cards) {
    List<String> lines = new ArrayList<>(List.of(RawDataset.TRANSIT_TAPS.csvHeader()));
    for (int i = 0; i < cards; i++) {
      lines.add(name.replace(".csv", "-") + i + ",IC-" + i + ",ic,board,S1,R1," + day
          + "T08:00:00+09:00,0");
    }
    RawFiles.write(RawFiles.delivered(lakeDir(), RawDataset.TRANSIT_TAPS, day, name), lines);
  }

  private static void conform(LocalDate day) {
    new IngestRawDataset(RawDataset.TRANSIT_TAPS).run(context(day));
    TAPS.run(context(day));
  }

  private static Map<String, String> byDay(String sql) {
    Map<String, String> byDay = new TreeMap<>();
    rows(sql).forEach(r -> byDay.put(r.getString(0), r.getString(1)));
    return byDay;
  }

  @Test
  @Order(1)
  void theWatermarksAreTheAccountingsNewestIngestPerSilverPartition() {
    deliver(DAY1, "a.csv", 12);
    deliver(DAY2, "b.csv", 11);
    conform(DAY2);

    RIDERSHIP.run(context(DAY2));

    Map<String, String> accounting = byDay("SELECT CAST(dt AS STRING),"
        + " CAST(bronze_latest_ingest AS STRING) FROM "
        + delta(lake().paths().silver("conform_accounting")) + " WHERE dataset = 'transit_taps'");
    assertThat(accounting).containsOnlyKeys(DAY1.toString(), DAY2.toString());
    assertThat(byDay("SELECT CAST(dt AS STRING), CAST(latest_ingest AS STRING) FROM "
        + delta(lake().paths().gold("kpi_watermarks"))
        + " WHERE job = 'kpi.ridership' AND source = 'transit_taps'")).isEqualTo(accounting);
  }

  /**
   * The listener hears every query of the JVM's session, other test classes' included; only the
   * tables of this class's own lake are kept, so the class needs no isolation.
   */
  @Test
  @Order(2)
  void aNightWithNothingNewReadsNoSilver() throws java.util.concurrent.TimeoutException {
    List<String> read = new CopyOnWriteArrayList<>();
    String ownLake = new Path(lake().paths().root()).toUri().getPath() + "/";
    QueryExecutionListener listener = new QueryExecutionListener() {
      @Override
      public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
        keepOwn(qe);
      }

      @Override
      public void onFailure(String funcName, QueryExecution qe, Exception exception) {
        keepOwn(qe);
      }

      private void keepOwn(QueryExecution qe) {
        deltaTablesRead(qe.analyzed()).stream().filter(t -> t.startsWith(ownLake))
            .forEach(read::add);
      }
    };
    spark().listenerManager().register(listener);
    JobResult result;
    try {
      result = RIDERSHIP.run(context(DAY2));
      spark().sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark().listenerManager().unregister(listener);
    }

    assertThat(result.details()).containsEntry("days_recomputed", 0);
    assertThat(read).isNotEmpty()
        .doesNotContain(new Path(lake().paths().silver("transit_taps")).toUri().getPath());
  }

  @Test
  @Order(3)
  void aLateFileRecomputesOnlyTheDayItsPartitionWasRebuiltFor() {
    Map<String, String> before = byDay("SELECT CAST(dt AS STRING), max(build_run_id) FROM "
        + delta(lake().paths().gold("ridership_daily")) + " GROUP BY dt");
    deliver(DAY1, "late.csv", 3);
    conform(DAY2);

    JobResult result = RIDERSHIP.run(context(DAY2));

    assertThat(result.details()).containsEntry("days_recomputed", 1);
    Map<String, String> after = byDay("SELECT CAST(dt AS STRING), max(build_run_id) FROM "
        + delta(lake().paths().gold("ridership_daily")) + " GROUP BY dt");
    assertThat(after.get(DAY2.toString())).isEqualTo(before.get(DAY2.toString()));
    assertThat(after.get(DAY1.toString())).isNotEqualTo(before.get(DAY1.toString()));
    assertThat(rows("SELECT board_taps FROM " + delta(lake().paths().gold("ridership_daily"))
        + " WHERE dt = DATE'" + DAY1 + "'")).extracting(r -> r.getLong(0)).containsExactly(15L);
  }

  /** Local paths of the Delta tables a query's plan scans. */
  private static List<String> deltaTablesRead(LogicalPlan plan) {
    List<String> paths = new ArrayList<>();
    for (LogicalPlan leaf : JavaConverters.seqAsJavaList(plan.collectLeaves())) {
      if (leaf instanceof LogicalRelation relation
          && relation.relation() instanceof HadoopFsRelation files
          && files.location() instanceof TahoeFileIndex delta) {
        paths.add(delta.path().toUri().getPath());
      }
    }
    return paths;
  }
}
