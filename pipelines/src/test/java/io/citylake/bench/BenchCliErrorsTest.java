package io.citylake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.cli.CityLakeCli;
import io.citylake.testing.SharedResources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Bad use of {@code citylake bench} ends in one line and exit code 2, before any Spark work. */
@Order(5)
@ResourceLock(SharedResources.METASTORE)
@ResourceLock(SharedResources.JDBC_ENDPOINT)
class BenchCliErrorsTest {
  private record Outcome(int exitCode, String err) {}

  private static Outcome run(String... args) {
    StringWriter err = new StringWriter();
    int code = CityLakeCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    return new Outcome(code, err.toString());
  }

  @Test
  void benchWithoutASubcommandNamesThem() {
    Outcome outcome = run("bench");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake bench: Missing command:"
        + " spatial, pipeline, scheduled, serve or warm (see 'citylake bench --help')");
  }

  @Test
  void scheduledOnAFolderThatIsNoLakeIsOneLine(@TempDir Path dir) {
    Outcome outcome = run("bench", "scheduled", "--lake", dir.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake bench scheduled: Cannot"
        + " run the scheduled benchmark: the lake has no raw/ and reference/ folders (got: " + dir
        + ")");
  }

  @Test
  void warmOnAFolderThatIsNoLakeIsOneLine(@TempDir Path dir) {
    Outcome outcome = run("bench", "warm", "--lake", dir.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake bench warm: Cannot"
        + " run the warm benchmark: the lake has no raw/ and reference/ folders (got: " + dir
        + ")");
  }

  @Test
  void warmIntoAFolderOfAnEarlierRunIsOneLine(@TempDir Path dir) throws Exception {
    Path lake = Files.createDirectories(dir.resolve("lake"));
    Files.createDirectories(lake.resolve("raw"));
    Files.createDirectories(lake.resolve("reference"));
    Path work = Files.createDirectories(dir.resolve("work").resolve("cold"));
    Outcome outcome = run("bench", "warm", "--lake", lake.toString(), "--dir",
        work.getParent().toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake bench warm: Cannot"
        + " run the warm benchmark: the work folder is not empty (got: " + work + ")");
  }

  @Test
  void tooFewPersonsIsOneLine() {
    Outcome outcome = run("bench", "pipeline", "--persons", "10", "--days", "2");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake bench pipeline: Cannot"
        + " run the pipeline benchmark: --persons must be at least 30 and --days between 1 and"
        + " 366 (got: 10 persons, 2 days)");
  }

  @Test
  void negativeMaintenanceIntervalIsOneLine() {
    Outcome outcome = run("bench", "pipeline", "--persons", "100", "--days", "2",
        "--maintain-every", "-1");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake bench pipeline: Cannot"
        + " run the pipeline benchmark: --maintain-every must be 0 (never) or a number of nights"
        + " (got: -1)");
  }

  @Test
  void missingDaysIsOneLine() {
    Outcome outcome = run("bench", "pipeline", "--persons", "100");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).hasSize(1);
    assertThat(outcome.err()).startsWith("citylake bench pipeline: Missing required option:"
        + " '--days=D'");
  }

  @Test
  void aForeignNonEmptyDirIsRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Outcome outcome = run("bench", "pipeline", "--persons", "30", "--days", "1", "--dir",
        dir.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake bench pipeline: Cannot"
        + " prepare the benchmark lake: the folder is not empty and holds no lake generated for"
        + " --persons 30 --days 1 --seed 20261101; pass an empty or new --dir (got: " + dir + ")");
    assertThat(dir.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void negativePointsOfTheSpatialBenchIsOneLine() {
    Outcome outcome = run("bench", "spatial", "--points", "-1");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake bench spatial: Cannot"
        + " run the benchmark: --points and --polygons must be positive (got: -1 / 1000)");
  }

  @Test
  void serveOnALakeWithoutGoldTablesIsOneLine(@TempDir Path dir) throws Exception {
    // a lake whose night stopped before gold: raw and silver, no gold table
    Files.createDirectories(dir.resolve("raw"));
    Files.createDirectories(dir.resolve("silver/transit_taps/_delta_log"));
    Files.createDirectories(dir.resolve("gold/kpi_catalogue"));
    Outcome outcome = run("bench", "serve", "--lake", dir.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake bench serve: Cannot"
        + " run the serve benchmark: the lake has no gold tables; run 'citylake nightly' first"
        + " (got: " + dir + ")");
    assertThat(dir.resolve("_metastore")).doesNotExist();
  }

  @Test
  void serveOnAMissingLakeIsOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("no-lake");
    Outcome outcome = run("bench", "serve", "--lake", missing.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake bench serve: Cannot"
        + " run the serve benchmark: the lake folder does not exist (got: " + missing + ")");
  }

  @Test
  void serveWithoutConnectionsIsOneLine(@TempDir Path dir) {
    Outcome outcome = run("bench", "serve", "--connections", "0", "--lake", dir.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake bench serve:"
        + " --connections must be at least 1 (got: 0) (see 'citylake bench serve --help')");
  }

  @Test
  void serveWithAnUnknownFlagIsOneLine() {
    Outcome outcome = run("bench", "serve", "--round", "3");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake bench serve: Unknown"
        + " options: '--round', '3' (see 'citylake bench serve --help')");
  }
}
