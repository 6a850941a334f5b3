package io.citylake.cli;

import static io.citylake.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Lineage after the sample's late deliveries ({@link SampleLakeNight#lateDeliveries}): a day that
 * a late file recomputed names that file, ingested by the later night, beside the files the first
 * night ingested, and the later night as the run that built the day's gold and silver.
 */
@Order(3)
@ResourceLock(SharedResources.METASTORE)
class LineageAfterLateDeliveriesTest extends SparkTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aLateTapFileJoinsTheLineageOfItsDay() throws Exception {
    SampleLakeNight.LateDeliveries late = SampleLakeNight.lateDeliveries(spark());
    List<Path> lateTaps = RawLakeFiles.of(SampleLakeNight.committedSample().resolve("late"),
        "transit/taps");
    assertThat(lateTaps).hasSize(1);
    Path lateFile = late.root().resolve("raw").resolve(SampleLakeNight.committedSample()
        .resolve("late/raw").relativize(lateTaps.get(0)));
    LocalDate day = LocalDate.parse(lateFile.getParent().getFileName().toString().substring(3));

    CliRun outcome = run("lineage", "--lake", late.root().toString(), "--table",
        "gold.bus_wait_daily", "--date", day.toString(), "--format", "json");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    JsonNode answer = JSON.readTree(outcome.out());

    Set<String> expected = new TreeSet<>();
    expected.addAll(RawLakeFiles.filesWithData(late.root(), "transit/taps", day));
    expected.addAll(RawLakeFiles.filesWithData(late.root(), "transit/arrivals", day));
    expected.addAll(RawLakeFiles.filesWithData(late.root(), "transit/arrivals",
        day.plusDays(1)));
    String latePath = late.root().relativize(lateFile).toString();
    assertThat(expected).contains(latePath).hasSizeGreaterThan(2);
    Map<String, JsonNode> files = new HashMap<>();
    answer.path("rawFiles").forEach(f -> files.put(f.path("path").asText(), f));
    assertThat(new TreeSet<>(files.keySet())).isEqualTo(expected);
    String lateRun = late.late().runId();
    String firstRun = late.firstNight().night().runId();
    for (Map.Entry<String, JsonNode> file : files.entrySet()) {
      assertThat(file.getValue().path("ingestRunId").asText()).as(file.getKey())
          .isEqualTo(file.getKey().equals(latePath) ? lateRun : firstRun);
      assertThat(file.getValue().path("sha256").asText()).as(file.getKey())
          .isEqualTo(RawLakeFiles.sha256(late.root().resolve(file.getKey())));
    }
    assertThat(answer.path("gold").findValuesAsText("runId")).containsExactly(lateRun);
    JsonNode taps = answer.path("silver").get(0);
    assertThat(taps.path("table").asText()).isEqualTo("silver.transit_taps");
    assertThat(taps.path("days").findValuesAsText("conformRunId")).containsExactly(lateRun);
  }
}
