package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.conform.LoadReference;
import io.citylake.quality.QualityGate;
import io.citylake.report.KpiReportJob;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The nights after the sample's first, on the copy of {@link SampleLakeNight#lateDeliveries}: the
 * same day run again with nothing new adds nothing and keeps the report, and the late and
 * corrected deliveries are picked up on the next night. The copy's registration points the JVM's
 * metastore at it, so this class holds the metastore alone; the first night's own checks, which
 * only read, are {@link NightlyOnSampleLakeTest}'s.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(SharedResources.METASTORE)
class LateDeliveriesOnSampleLakeTest extends SparkTestBase {
  @Test
  @Order(1)
  void rerunningTheNightAddsNoBronzeRows() {
    // the first night's day run again on a copy of the lake, with nothing new delivered
    RunSummary again = SampleLakeNight.lateDeliveries(spark()).rerun();

    assertThat(again.succeeded()).isTrue();
    assertThat(again.outcomes()).filteredOn(o -> o.job().startsWith("ingest."))
        .allSatisfy(o -> assertThat(o.result().orElseThrow().rowsOut()).as(o.job()).isZero());
    // the quality gate is no conform of data: it logs its checks for every run, and passes
    assertThat(again.outcomes()).filteredOn(o -> o.job().startsWith("conform.")
            && !o.job().equals("conform.reference") && !o.job().equals(QualityGate.NAME))
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.result().orElseThrow().rowsOut()).as(o.job()).isZero());
    assertThat(again.outcomes()).filteredOn(o -> o.job().equals(QualityGate.NAME))
        .singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(
            JobOutcome.Status.SUCCEEDED));
    // the reference files are the first night's bytes: every table created from them is kept
    assertThat(again.outcomes()).filteredOn(o -> o.job().equals("conform.reference"))
        .singleElement().satisfies(o -> {
          Map<String, Object> details = o.result().orElseThrow().details();
          assertThat(details.entrySet()).filteredOn(e -> e.getKey().startsWith("ref_")
                  || e.getKey().equals(LoadReference.BOUNDARIES))
              .hasSizeGreaterThanOrEqualTo(5)
              .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo("unchanged"));
          assertThat(o.result().orElseThrow().rowsOut()).isZero();
        });
    // nothing the report shows changed: it keeps its pages instead of reading gold again
    assertThat(again.outcomes()).filteredOn(o -> o.job().equals(KpiReportJob.NAME))
        .singleElement().satisfies(o -> assertThat(o.result().orElseThrow().details())
            .containsEntry(PipelineRunner.UNCHANGED, true));
  }

  @Test
  @Order(2)
  void lateAndCorrectedDeliveriesAreIngestedOnTheNextNight() throws IOException {
    Path late = SampleLakeNight.committedSample().resolve("late/raw");
    Map<String, Long> lateLines = NightlyOnSampleLakeTest.dataLinesPerFile(late, true);

    // the next run of that copy, after late/raw/ was copied over its raw/
    RunSummary next = SampleLakeNight.lateDeliveries(spark()).late();

    long ingested = next.outcomes().stream().filter(o -> o.job().startsWith("ingest."))
        .mapToLong(o -> o.result().orElseThrow().rowsOut()).sum();
    assertThat(ingested).isEqualTo(lateLines.values().stream().mapToLong(Long::longValue).sum());
    assertThat(next.outcomes()).allSatisfy(o ->
        assertThat(o.status()).as(o.job() + " " + o.message()).isEqualTo(JobOutcome.Status.SUCCEEDED));
    // the late rows changed gold: the report of the day is read and written again
    assertThat(next.outcomes()).filteredOn(o -> o.job().equals(KpiReportJob.NAME))
        .singleElement().satisfies(o -> assertThat(o.result().orElseThrow().details())
            .doesNotContainKey(PipelineRunner.UNCHANGED).containsKey("report"));
  }

  @Test
  @Order(3)
  void correctedInventoryReplacesTheOldCountsInSilver() throws IOException {
    SampleLakeNight.lateDeliveries(spark()); // silver.x reads the copy with the late deliveries
    Path corrected = SampleLakeNight.committedSample().resolve("late/raw/disaster/inventory");
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.walk(corrected)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        for (String line : NightlyOnSampleLakeTest.readLines(file)) {
          String[] f = line.split(",", -1);
          if (f.length == 4 && f[2].matches("\\d+") && f[1].matches("water_l|food_meals|blankets|batteries")
              && f[3].endsWith("+09:00")) {
            expected.put(f[0] + "/" + f[1] + "/" + f[3], f[2]);
          }
        }
      }
    }
    Map<String, String> actual = new TreeMap<>();
    for (Row row : rows("SELECT shelter_id, item, date_format(counted_at, \"yyyy-MM-dd'T'HH:mm:ssXXX\"),"
        + " CAST(CAST(quantity AS BIGINT) AS STRING) FROM silver.disaster_inventory"
        + " WHERE dt = DATE'2026-11-13'")) {
      actual.put(row.getString(0) + "/" + row.getString(1) + "/" + row.getString(2),
          row.getString(3));
    }
    Map<String, String> overlap = new TreeMap<>(actual);
    overlap.keySet().retainAll(expected.keySet());
    assertThat(overlap.size()).isGreaterThan(expected.size() * 9 / 10);
    overlap.forEach((k, v) -> assertThat(v).as(k).isEqualTo(expected.get(k)));
  }
}
