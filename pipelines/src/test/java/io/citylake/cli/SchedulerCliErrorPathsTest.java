package io.citylake.cli;

import static io.citylake.cli.CliRun.run;
import static io.citylake.cli.CliRun.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.testing.SharedResources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The commands Airflow calls ({@code run-job}, {@code backfill}) reject bad input with one line and
 * exit 2 before any SparkSession is built, so a scheduler sees a usage error at once.
 */
@Order(5)
@ResourceLock(SharedResources.METASTORE)
class SchedulerCliErrorPathsTest {

  @Test
  void unknownJobIsOneLineBeforeTheLakeIsTouched(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere");
    assertOneLineError(
        run("run-job", "--job", "ingest.transit_buses", "--date", "2026-11-01",
            "--lake", missing.toString()),
        "citylake run-job: Unknown job 'ingest.transit_buses'; see 'citylake plan' for the job"
            + " names (see 'citylake run-job --help')");
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void runJobNeedsJobAndDate() {
    CliRun outcome = run("run-job", "--job", "ingest.transit_taps");
    assertOneLineError(outcome, "citylake run-job: Missing required option: '--date=YYYY-MM-DD'"
        + " (see 'citylake run-job --help')");
  }

  @Test
  void runJobBadDateIsOneLine() {
    CliRun outcome = run("run-job", "--job", "ingest.transit_taps", "--date", "2026-02-30");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).hasSize(1);
    assertThat(outcome.err()).startsWith("citylake run-job: Invalid value for option '--date'")
        .contains("2026-02-30");
  }

  @Test
  void runJobOnAMissingLakeIsOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere");
    assertOneLineError(
        run("run-job", "--job", "ingest.transit_taps", "--date", "2026-11-01",
            "--lake", missing.toString()),
        "citylake run-job: Cannot run job ingest.transit_taps: the lake folder does not exist"
            + " (got: " + missing + ")");
  }

  @Test
  void backfillFromAfterToIsOneLine() {
    assertOneLineError(run("backfill", "--from", "2026-11-14", "--to", "2026-11-01"),
        "citylake backfill: Cannot backfill: --from is after --to (got: 2026-11-14 > 2026-11-01)");
  }

  @Test
  void backfillBadDateIsOneLine() {
    CliRun outcome = run("backfill", "--from", "2026-11-01", "--to", "14.11.2026");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).hasSize(1);
    assertThat(outcome.err()).startsWith("citylake backfill: Invalid value for option '--to'")
        .contains("14.11.2026");
  }

  @Test
  void backfillOnALakeWithoutRawIsOneLine(@TempDir Path dir) {
    assertOneLineError(
        run("backfill", "--from", "2026-11-01", "--to", "2026-11-02", "--lake", dir.toString()),
        "citylake backfill: Cannot backfill: the lake has no raw/ folder (got: " + dir + ")");
  }

  @Test
  void helpOfSchedulerCommandsListsTheExitCodes() {
    for (String command : new String[] {"nightly", "run-job", "backfill"}) {
      CliRun outcome = run(command, "--help");
      assertThat(outcome.exitCode()).as(command).isZero();
      assertThat(outcome.out()).as(command).contains("Exit codes:")
          .containsPattern("(?m)^  3 +nothing to run: ");
    }
  }

  @Test
  void planAirflowPrintsTheDagAndRefusesJson() {
    CliRun dag = run("plan", "--airflow");
    assertThat(dag.exitCode()).isZero();
    assertThat(dag.out()).contains("dag_id=\"citylake_nightly\"")
        .contains("task_id=\"silver\"").contains("            \"ingest.transit_taps\",\n");
    assertOneLineError(run("plan", "--json", "--airflow"),
        "citylake plan: --json and --airflow cannot be combined (see 'citylake plan --help')");
  }
}
