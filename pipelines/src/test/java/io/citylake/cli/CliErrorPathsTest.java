package io.citylake.cli;

import static io.citylake.cli.CliRun.run;
import static io.citylake.cli.CliRun.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.publish.PasswordFile;
import io.citylake.testing.SharedResources;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Wrong flags and paths end in one clear line and a non-zero exit, never a stack trace. */
@Order(5)
@ResourceLock(SharedResources.METASTORE)
@ResourceLock(SharedResources.JDBC_ENDPOINT)
class CliErrorPathsTest {

  @Test
  void reportInAnUnknownLanguageIsOneLine() {
    assertOneLineError(run("report", "--lang", "fr"),
        "citylake report: Cannot write the KPI report: the language must be ja or en (got: fr)");
  }

  @Test
  void reportInAnUnknownFormatIsOneLine() {
    assertOneLineError(run("report", "--format", "docx"),
        "citylake report: Cannot write the KPI report: --format must be html or pdf (got: docx)");
  }

  @Test
  void reportOfAMissingLakeIsOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere");
    assertOneLineError(run("report", "--lake", missing.toString()),
        "citylake report: Cannot write the KPI report: the lake folder does not exist (got: "
            + missing + ")");
  }

  @Test
  void catalogOfAMissingLakeIsOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere");
    assertOneLineError(run("catalog", "--lake", missing.toString()),
        "citylake catalog: Cannot write the open-data catalogue: the lake folder does not exist"
            + " (got: " + missing + ")");
  }

  @Test
  void catalogWithARelativeBaseUriIsOneLine() {
    assertOneLineError(run("catalog", "--base-uri", "open-data/"),
        "citylake catalog: Cannot write the open-data catalogue: the base URI must be absolute,"
            + " e.g. https://opendata.example.city/citylake/ (got: open-data/)");
  }

  @Test
  void aHeapTooSmallForTheRunIsOneLineNamingTheHeapAndHowToRaiseIt() {
    java.io.StringWriter err = new java.io.StringWriter();
    int code = CityLakeCli.exitingOnHeapExhaustion(() -> {
      throw new OutOfMemoryError("Java heap space");
    }, new java.io.PrintWriter(err));

    assertThat(code).isEqualTo(io.citylake.lake.CityLakeException.FAILED);
    assertThat(err.toString().lines().toList()).singleElement().asString()
        .startsWith("citylake: out of memory (Java heap space) with a Java heap of at most ")
        .contains(" MB; give the run more with CITYLAKE_JAVA_OPTS=-Xmx<size>");
    // a run that ends normally keeps its exit code and prints nothing
    java.io.StringWriter quiet = new java.io.StringWriter();
    assertThat(CityLakeCli.exitingOnHeapExhaustion(() -> 3, new java.io.PrintWriter(quiet)))
        .isEqualTo(3);
    assertThat(quiet.toString()).isEmpty();
  }

  @Test
  void unknownOptionIsOneLine() {
    assertOneLineError(run("nightly", "--bogus"),
        "citylake nightly: Unknown option: '--bogus' (see 'citylake nightly --help')");
  }

  @Test
  void badDateIsOneLine() {
    CliRun outcome = run("nightly", "--date", "2026-13-45");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).hasSize(1);
    assertThat(outcome.err()).startsWith("citylake nightly: Invalid value for option '--date'")
        .contains("2026-13-45");
  }

  @Test
  void badDateIsInPlainWords() {
    for (String[] args : List.of(new String[] {"nightly", "--date", "2026-13-45"},
        new String[] {"backfill", "--from", "2026-11-01", "--to", "2026-11-31"})) {
      String bad = args[args.length - 1];
      CliRun outcome = run(args);
      assertThat(outcome.exitCode()).isEqualTo(2);
      assertThat(outcome.err().lines().toList()).singleElement().asString()
          .contains("'" + bad + "' is not a calendar day; write it as YYYY-MM-DD")
          .doesNotContain("java.").doesNotContain("Exception").doesNotContain("LocalDate");
    }
  }

  @Test
  void lakePathNamingAFileIsOneLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("lake.txt"), "not a lake");
    assertOneLineError(run("sql", "--lake", file.toString(), "SELECT 1"),
        "citylake sql: Cannot run SQL: --lake names a file; give the lake's folder (got: "
            + file + ")");
  }

  @Test
  void unknownCommandSuggestsTheClosestOne() {
    assertOneLineError(run("sqll"),
        "citylake: Unknown command 'sqll'; did you mean 'sql'? (see 'citylake --help')");
    assertOneLineError(run("dictionry", "--lake", "x"),
        "citylake: Unknown command 'dictionry'; did you mean 'dictionary'?"
            + " (see 'citylake --help')");
  }

  @Test
  void readingALakeThatNeverRanANightSaysToRunItAndLeavesNoMetastore(@TempDir Path dir)
      throws Exception {
    Files.createDirectories(dir.resolve("raw"));
    for (String[] args : List.of(
        new String[] {"sql", "--lake", dir.toString(), "SELECT * FROM gold.kpi_catalogue"},
        new String[] {"dictionary", "--lake", dir.toString()},
        new String[] {"report", "--lake", dir.toString()},
        new String[] {"catalog", "--lake", dir.toString()},
        new String[] {"lineage", "--lake", dir.toString(), "--table", "walking_minutes_daily"})) {
      CliRun outcome = run(args);
      assertThat(outcome.exitCode()).as(args[0]).isEqualTo(2);
      assertThat(outcome.err().lines().toList()).as(args[0]).singleElement().asString()
          .endsWith(": no night has run on this lake yet, so it has no tables;"
              + " run 'citylake nightly' first (got: " + dir + ")");
    }
    try (var entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("raw");
    }
  }

  @Test
  void missingLakeIsOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere");
    assertOneLineError(run("nightly", "--lake", missing.toString()),
        "citylake nightly: Cannot run the nightly pipeline: the lake folder does not exist (got: "
            + missing + ")");
  }

  @Test
  void lakeWithoutRawIsOneLine(@TempDir Path dir) {
    assertOneLineError(run("ingest", "--lake", dir.toString()),
        "citylake ingest: Cannot ingest: the lake has no raw/ folder (got: " + dir + ")");
  }

  @Test
  void unknownDatasetIsOneLine() {
    // without --lake the command works on ./lake, seeded from the sample on first use; a name it
    // rejects must not seed it
    Path working = Path.of(LakeOptions.WORKING_LAKE);
    boolean seededBefore = Files.exists(working);
    assertOneLineError(run("ingest", "--dataset", "transit/buses"),
        "citylake ingest: Unknown dataset 'transit/buses'; see 'citylake plan' for the ingest jobs"
            + " (see 'citylake ingest --help')");
    if (!seededBefore) {
      assertThat(working).doesNotExist();
    }
  }

  @Test
  void missingCommandIsOneLine() {
    assertOneLineError(run(), "citylake: Missing command (see 'citylake --help')");
  }

  @Test
  void meshPrintsTheCodeAndRejectsPointsOutsideJapanInOneLine() {
    CliRun tokyo = run("mesh", "--lat", "35.681236", "--lon", "139.767125", "--level", "4");
    assertThat(tokyo.exitCode()).isZero();
    assertThat(tokyo.out().lines().findFirst()).contains("533946113");
    assertOneLineError(run("mesh", "--lat", "36.1", "--lon", "-115"),
        "citylake mesh: Cannot compute the mesh code: the point is outside Japan's grid"
            + " (20-46 N, 122-154 E) (got: 36.1, -115.0)");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : CityLakeCli.commandLine().getSubcommands().keySet()) {
      CliRun outcome = run(command, "--help");
      assertThat(outcome.exitCode()).as(command).isZero();
      assertThat(outcome.out()).as(command).contains("Usage: citylake " + command);
    }
  }

  @Test
  void planJsonListsJobsWithUpstreamAndTheSchedulersTasks() throws Exception {
    CliRun outcome = run("plan", "--json");
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).contains("\"name\" : \"ingest.transit_taps\"")
        .contains("\"upstream\" : [ \"ingest.sensors_observations\"");
    JsonNode tasks = new ObjectMapper().readTree(outcome.out()).path("tasks");
    assertThat(tasks).extracting(task -> task.path("name").asText())
        .containsExactly("silver", "gold", "publish");
    assertThat(tasks.get(1).path("stages")).extracting(JsonNode::asText)
        .containsExactly("kpi", "spatial");
    assertThat(tasks.get(2).path("upstream")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("silver", "gold");
    int jobs = 0;
    for (JsonNode task : tasks) {
      jobs += task.path("jobs").size();
    }
    assertThat(jobs).isEqualTo(new ObjectMapper().readTree(outcome.out()).path("jobs").size());
    assertThat(run("plan").out()).contains("tasks (one process each):")
        .containsPattern("\n  gold: stages kpi, spatial, \\d+ jobs, after silver\\R");
  }

  @Test
  void servingOtherMachinesWithoutAPasswordFileIsOneLine() {
    assertOneLineError(run("serve", "--host", "0.0.0.0"),
        "citylake serve: Missing option '--password-file': --host 0.0.0.0 is reachable from"
            + " other machines, so clients must authenticate (write the file with 'citylake"
            + " passwd') (see 'citylake serve --help')");
  }

  @Test
  void aPasswdFromStandardInputWritesAHashTheEndpointAccepts(@TempDir Path dir) {
    Path file = dir.resolve("users");
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(
          "twelve chars or more\n".getBytes(StandardCharsets.UTF_8)));
      CliRun outcome = run("passwd", "--password-file", file.toString(), "officer");
      assertThat(outcome.exitCode()).isZero();
      assertThat(outcome.out()).contains("user officer can connect");
    } finally {
      System.setIn(stdin);
    }
    PasswordFile written = new PasswordFile(file);
    assertThat(written.users()).containsExactly("officer");
    assertThat(written.accepts("officer", "twelve chars or more")).isTrue();
    assertThat(written.accepts("officer", "twelve chars or less")).isFalse();
  }
}
