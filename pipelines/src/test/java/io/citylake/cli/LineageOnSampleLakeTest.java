package io.citylake.cli;

import static io.citylake.cli.CliRun.assertOneLineError;
import static io.citylake.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.job.Job;
import io.citylake.job.TableRef;
import io.citylake.pipeline.JobOutcome;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Lineage on the shared sample lake's first night: the OpenLineage events the night wrote under
 * {@code _lineage/}, and {@code citylake lineage} checked against the raw files themselves (read
 * here as plain gzip CSV, never through citylake's tables), Delta's own history and time travel.
 */
@Order(1)
@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)
class LineageOnSampleLakeTest extends SparkTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SampleLakeNight.Lake sample;
  private static LocalDate day;

  @BeforeAll
  static void theSharedLake() {
    sample = SampleLakeNight.shared(spark());
    day = sample.night().runDate().minusDays(4);
  }

  private static JsonNode lineage(String table, LocalDate date) throws IOException {
    CliRun outcome = run("lineage", "--lake", sample.root().toString(), "--table", table,
        "--date", date.toString(), "--format", "json");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    return JSON.readTree(outcome.out());
  }

  @Test
  void walkingMinutesOfADayComeFromTheStepFilesHoldingThatActivityDate() throws Exception {
    JsonNode answer = lineage("gold.walking_minutes_daily", day);

    Map<String, LocalDate> expected = RawLakeFiles.stepFilesReporting(sample.root(), day);
    assertThat(expected).isNotEmpty();
    Map<String, String> named = new TreeMap<>();
    answer.path("rawFiles").forEach(f -> named.put(f.path("path").asText(),
        f.path("dt").asText()));
    assertThat(named).isEqualTo(expected.entrySet().stream().collect(Collectors.toMap(
        Map.Entry::getKey, e -> e.getValue().toString(), (a, b) -> a, TreeMap::new)));
    for (JsonNode file : answer.path("rawFiles")) {
      String path = file.path("path").asText();
      assertThat(file.path("sha256").asText()).as(path)
          .isEqualTo(RawLakeFiles.sha256(sample.root().resolve(path)));
      assertThat(file.path("ingestJob").asText()).isEqualTo("ingest.points_steps");
      assertThat(file.path("ingestRunId").asText()).isEqualTo(sample.night().runId());
      long version = file.path("bronzeVersion").asLong();
      assertThat(bronzeRows("points_steps", path, version)).as(path).isPositive();
      assertThat(version == 0 ? 0 : bronzeRows("points_steps", path, version - 1)).isZero();
    }
    JsonNode write = answer.path("gold").get(0);
    assertThat(answer.path("gold")).hasSize(1);
    assertThat(write.path("job").asText()).isEqualTo("kpi.walking_minutes");
    assertThat(write.path("runId").asText()).isEqualTo(sample.night().runId());
    // the night's KPI write is the gold table's newest commit
    assertThat(write.path("version").asLong()).isEqualTo(newestVersion(
        "gold/walking_minutes_daily"));
    JsonNode silver = answer.path("silver").get(0);
    assertThat(silver.path("table").asText()).isEqualTo("silver.points_steps");
    assertThat(silver.path("version").asLong())
        .isEqualTo(write.path("read").path("silver.points_steps").asLong())
        .isBetween(0L, newestVersion("silver/points_steps"));
    assertThat(silver.path("days").findValuesAsText("dt"))
        .containsExactlyElementsOf(new TreeSet<>(named.values()));
  }

  /** Arrivals end the previous day's waits: the next day's arrivals files feed a day too. */
  @Test
  void busWaitOfADayAlsoNamesTheNextDaysArrivals() throws Exception {
    JsonNode answer = lineage("bus_wait_daily", day);

    Set<String> expected = new TreeSet<>();
    expected.addAll(RawLakeFiles.filesWithData(sample.root(), "transit/taps", day));
    expected.addAll(RawLakeFiles.filesWithData(sample.root(), "transit/arrivals", day));
    expected.addAll(RawLakeFiles.filesWithData(sample.root(), "transit/arrivals",
        day.plusDays(1)));
    assertThat(expected).anyMatch(f -> f.contains("dt=" + day.plusDays(1)));
    assertThat(new TreeSet<>(answer.path("rawFiles").findValuesAsText("path")))
        .isEqualTo(expected);
  }

  /** Sensor observations come from the devices' JSON lines and the broker's NGSI-LD exports. */
  @Test
  void airQualityOfADayNamesBothSensorFeedsWithTheirIngestJobs() throws Exception {
    JsonNode answer = lineage("gold.air_quality_daily", day);

    Map<String, String> expected = new TreeMap<>();
    RawLakeFiles.filesWithData(sample.root(), "sensors/observations", day)
        .forEach(f -> expected.put(f, "ingest.sensors_observations"));
    RawLakeFiles.filesWithData(sample.root(), "sensors/ngsi_ld", day)
        .forEach(f -> expected.put(f, "ingest.sensors_ngsi_ld"));
    assertThat(expected.values()).contains("ingest.sensors_ngsi_ld");
    Map<String, String> named = new TreeMap<>();
    for (JsonNode file : answer.path("rawFiles")) {
      String path = file.path("path").asText();
      named.put(path, file.path("ingestJob").asText());
      assertThat(file.path("sha256").asText()).as(path)
          .isEqualTo(RawLakeFiles.sha256(sample.root().resolve(path)));
    }
    assertThat(named).isEqualTo(expected);
  }

  @Test
  void textAnswerNamesTheJobsVersionsAndFiles() {
    CliRun outcome = run("lineage", "--lake", sample.root().toString(), "--table",
        "walking_minutes_daily", "--date", day.toString());
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out()).startsWith("gold.walking_minutes_daily for " + day + ": ")
        .contains("written by kpi.walking_minutes in run " + sample.night().runId())
        .contains("built by conform.points_steps from bronze.points_steps");
    RawLakeFiles.stepFilesReporting(sample.root(), day).keySet()
        .forEach(f -> assertThat(outcome.out()).contains(f));
  }

  @Test
  void everyJobOfTheNightHasItsStartAndEndWithOneRunId() throws Exception {
    Path file = sample.root().resolve("_lineage").resolve(sample.night().runId() + ".jsonl");
    Map<String, List<JsonNode>> byJob = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode event = JSON.readTree(line);
      assertThat(event.at("/run/facets/citylake_run/runId").asText())
          .isEqualTo(sample.night().runId());
      byJob.computeIfAbsent(event.at("/job/name").asText(), k -> new ArrayList<>()).add(event);
    }
    Map<String, Job> jobs = new HashMap<>();
    NightlyPipeline.graph().jobs().forEach(j -> jobs.put(j.name(), j));
    Set<String> ran = new TreeSet<>();
    for (JobOutcome outcome : sample.night().outcomes()) {
      if (outcome.status() == JobOutcome.Status.SKIPPED) {
        continue;
      }
      ran.add(outcome.job());
      List<JsonNode> events = byJob.get(outcome.job());
      assertThat(events).as(outcome.job()).hasSize(2);
      assertThat(events.get(0).path("eventType").asText()).isEqualTo("START");
      assertThat(events.get(1).path("eventType").asText()).isEqualTo(
          outcome.status() == JobOutcome.Status.SUCCEEDED ? "COMPLETE" : "FAIL");
      assertThat(events.get(1).at("/run/runId").asText())
          .isEqualTo(events.get(0).at("/run/runId").asText());
      assertThat(Instant.parse(events.get(1).path("eventTime").asText()))
          .isAfterOrEqualTo(Instant.parse(events.get(0).path("eventTime").asText()));
      if (outcome.status() == JobOutcome.Status.SUCCEEDED) {
        assertThat(events.get(1).path("outputs").findValuesAsText("name"))
            .containsExactlyInAnyOrderElementsOf(jobs.get(outcome.job()).outputs().stream()
                .map(TableRef::whole).map(TableRef::toString).distinct().toList());
      }
    }
    assertThat(byJob.keySet()).isEqualTo(ran);
    System.out.printf("lineage events of the first night: %d jobs, COMPLETE after START minus"
        + " job time summed: %.1fs%n", ran.size(), sample.night().outcomes().stream()
        .filter(o -> byJob.containsKey(o.job())).mapToDouble(o -> seconds(byJob.get(o.job()))
            - o.seconds()).sum());
    assertThat(ran).hasSize(NightlyPipeline.graph().jobs().size());

    JsonNode ingest = byJob.get("ingest.points_steps").get(1);
    Map<String, String> files = new TreeMap<>();
    ingest.path("inputs").forEach(d -> files.put(d.path("name").asText(),
        d.at("/facets/citylake_raw_file/sha256").asText()));
    Map<String, String> delivered = new TreeMap<>();
    for (Path raw : RawLakeFiles.of(sample.root(), "points/steps")) {
      delivered.put(sample.root().relativize(raw).toString(), RawLakeFiles.sha256(raw));
    }
    assertThat(files).isEqualTo(delivered);
  }

  @Test
  void unknownTablesBadDaysAndDaysWithoutRowsAreOneLine() {
    String lake = sample.root().toString();
    assertOneLineError(run("lineage", "--lake", lake, "--table", "gold.no_such_table"),
        "citylake lineage: Cannot trace the lineage of gold.no_such_table: no job of the"
            + " pipeline writes it; 'citylake plan' lists every job's tables (got:"
            + " gold.no_such_table)");
    assertOneLineError(run("lineage", "--lake", lake, "--table", "silver.points_steps"),
        "citylake lineage: Cannot trace the lineage of silver.points_steps: name a gold table"
            + " as gold.T (or T) (got: silver.points_steps)");
    assertOneLineError(run("lineage", "--lake", lake, "--table", "gold.walking_minutes_daily",
        "--date", "2026-02-30"), "citylake lineage: Invalid value for option '--date':"
            + " '2026-02-30' is not a calendar day; write it as YYYY-MM-DD, e.g. 2026-11-20"
            + " (see 'citylake lineage --help')");
    assertOneLineError(run("lineage", "--lake", lake, "--table", "gold.walking_minutes_daily",
        "--date", "2020-01-01"), "citylake lineage: Cannot trace the lineage of"
            + " gold.walking_minutes_daily for 2020-01-01: the table has no rows for that day;"
            + " 'citylake sql \"SELECT DISTINCT dt FROM gold.walking_minutes_daily\"' lists its"
            + " days (got: 2020-01-01)");
    assertOneLineError(run("lineage", "--lake", lake, "--table", "gold.walking_minutes_daily",
        "--format", "xml"), "citylake lineage: Invalid value for option '--format': expected"
            + " text or json (got: xml) (see 'citylake lineage --help')");
  }

  @Test
  void dictionaryAndReportNameEachKpisSources(@TempDir Path out) throws Exception {
    CliRun dictionary = run("dictionary", "--lake", sample.root().toString());
    assertThat(dictionary.exitCode()).as(dictionary.err()).isZero();
    String section = dictionary.out().substring(
        dictionary.out().indexOf("## gold.walking_minutes_daily"));
    assertThat(section.substring(0, section.indexOf("| column |")))
        .contains("Computed from `silver.points_steps`, `raw.points_steps`");
    String kpis = dictionary.out().substring(dictionary.out().indexOf("## KPI definitions"));
    assertThat(kpis.lines().filter(l -> l.startsWith("| `walking_minutes_avg` |")))
        .singleElement().asString().endsWith("| `silver.points_steps`, `raw.points_steps` |");

    CliRun report = run("report", "--lake", sample.root().toString(), "--format", "html",
        "--lang", "en", "--date", sample.night().runDate().toString(), "--out", out.toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    String html = Files.readString(out.resolve("citylake-report-en.html"));
    String definitions = html.substring(html.indexOf("<table class=\"definitions\">"));
    String walking = definitions.substring(definitions.indexOf("<code>walking_minutes_avg"));
    assertThat(walking.substring(0, walking.indexOf("</tr>"))).contains(
        "<td class=\"sources\"><code>silver.points_steps</code>, <code>raw.points_steps</code>");
  }

  /** Rows of {@code file} in bronze as of {@code version} (Delta time travel). */
  private static long bronzeRows(String table, String file, long version) {
    return spark().read().format("delta").option("versionAsOf", version)
        .load(sample.root().resolve("bronze").resolve(table).toString())
        .where(org.apache.spark.sql.functions.col("_source_file").equalTo(file)).count();
  }

  private static double seconds(List<JsonNode> events) {
    return java.time.Duration.between(Instant.parse(events.get(0).path("eventTime").asText()),
        Instant.parse(events.get(events.size() - 1).path("eventTime").asText())).toNanos() / 1e9;
  }

  /** The newest version in the Delta history of the table below the lake. */
  private static long newestVersion(String table) {
    return io.delta.tables.DeltaTable.forPath(spark(), sample.root().resolve(table).toString())
        .history(1).first().getAs("version");
  }
}
