package io.citylake.deploy;

import static io.citylake.deploy.DeployLake.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.Job;
import io.citylake.job.TableRef;
import io.citylake.lake.Layer;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night killed with {@code SIGKILL} in the middle of its ingest, then of its conform and then of
 * its KPI stage (each re-run picking up what the previous one left), and a last re-run to the
 * end: its gold must equal, row for row, the gold of the same night run once without
 * interruption on an identical lake, and its bronze must hold exactly as many rows (a killed
 * ingest re-run appends nothing twice). After each kill every Delta table of the lake must still
 * load and count (Delta commits are atomic: a reader sees a version whole or not at all), and
 * the kill must leave the lake's lease behind, which the next run takes over.
 *
 * <p>Every night is a {@code citylake nightly} JVM of its own, started like the launcher starts
 * it. The kill point is read from the night's progress lines (one per finished job): the process
 * is killed as soon as the {@code N}th job of the stage has printed, while its other jobs are
 * still to run. Runs in the {@code cluster} profile only ({@code .ci/run} runs it after the
 * suite): it takes two nights' work and more on a 2-core machine.
 */
@Tag("cluster")
class NightlyCrashRecoveryTest extends SparkTestBase {
  private static final Duration NIGHT = Duration.ofMinutes(30);
  /** Exit code of a process ended by signal 9. */
  private static final int SIGKILLED = 128 + 9;
  /** A commit file in a Delta log. */
  private static final Pattern COMMIT =
      Pattern.compile("\\d{20}\\.(json|checkpoint\\.parquet)");

  @TempDir Path work;

  @Test
  void nightKilledInIngestConformAndKpisRecoversToTheGoldOfAnUninterruptedNight()
      throws Exception {
    Path target = Path.of(DeployLake.required("citylake.buildDir"));
    Path jvmOptions = JvmProcess.launcherJvmOptions(target);
    String classPath = JvmProcess.launcherClassPath(target);
    Path crashedLake = DeployLake.generate(work, "crashed-lake");
    Path referenceLake = DeployLake.generate(work, "reference-lake");

    try (JvmProcess reference = night(jvmOptions, classPath, referenceLake, "reference")) {
      killMidStage(jvmOptions, classPath, crashedLake, "ingest", 3, 1);
      killMidStage(jvmOptions, classPath, crashedLake, "conform", 4, 2);
      killMidStage(jvmOptions, classPath, crashedLake, "kpi", 3, 3);
      try (JvmProcess last = night(jvmOptions, classPath, crashedLake, "run-4")) {
        assertThat(last.waitFor(NIGHT)).as("the night after three kills:\n%s", last.tail(80))
            .isZero();
        assertThat(last.log()).containsPattern("run \\S+ for " + DAY + " succeeded");
      }
      assertThat(reference.waitFor(NIGHT)).as("the uninterrupted night:\n%s",
          reference.tail(80)).isZero();
    }

    // each killed run is in the ledger, recorded by the run that took its lease over
    List<Row> runRows = spark().read().format("delta")
        .load(crashedLake.resolve("silver/run_ledger").toString())
        .where("job = '(run)'").orderBy("started_at").collectAsList();
    assertThat(runRows).extracting(r -> r.<String>getAs("command") + " "
            + r.<String>getAs("status"))
        .containsExactly("nightly killed", "nightly killed", "nightly killed",
            "nightly succeeded");
    assertThat(runRows.subList(0, 3)).extracting(r -> r.<String>getAs("run_id"))
        .doesNotHaveDuplicates().allMatch(id -> id.startsWith("killed-"));
    assertThat(runRows.subList(0, 3)).extracting(r -> r.<String>getAs("message"))
        .allMatch(m -> m.contains("died without ending its run"));

    GoldComparison.assertSameGold(spark(), GoldComparison.uri(crashedLake),
        GoldComparison.uri(referenceLake), "the recovered night");

    Map<String, Long> bronze = rowCounts(referenceLake.resolve("bronze"));
    assertThat(bronze).as("bronze tables of the uninterrupted night").hasSizeGreaterThan(10);
    assertThat(rowCounts(crashedLake.resolve("bronze"))).as("bronze rows per table")
        .isEqualTo(bronze);
  }

  /**
   * Runs the night on {@code lake} and kills it once {@code finished} jobs of {@code stage} have
   * printed their line; asserts that it was killed by {@code SIGKILL} in the middle of the stage,
   * left its lease behind, and left every table readable.
   */
  private void killMidStage(Path jvmOptions, String classPath, Path lake, String stage,
      int finished, int run) throws Exception {
    Pattern stageLine = Pattern.compile("  " + Pattern.quote(stage) + "\\.\\S+\\s+succeeded\\s.*");
    List<Job> stageJobs = NightlyPipeline.graph().jobs().stream()
        .filter(job -> job.name().startsWith(stage + ".")).toList();
    assertThat(stageJobs).as("jobs of stage %s", stage).hasSizeGreaterThan(finished + 2);
    String log;
    try (JvmProcess night = night(jvmOptions, classPath, lake, "run-" + run)) {
      boolean reached = night.awaitLines(stageLine, finished, NIGHT);
      int exit = night.kill();
      log = night.log();
      assertThat(reached).as("run %d reached %d finished %s jobs:\n%s", run, finished, stage,
          night.tail(80)).isTrue();
      assertThat(exit).as("exit code of run %d after the kill (SIGKILL)", run)
          .isEqualTo(SIGKILLED);
    }
    assertThat(log).as("run %d took the lake (the previous kill's lease did not refuse it)", run)
        .contains("citylake nightly " + DAY + " on ");
    assertThat(log).as("run %d ended before its summary", run).doesNotContain("for " + DAY + " ");
    if (run > 1) {
      assertThat(log).as("run %d reported the run it took the lease from", run)
          .contains("warning: citylake nightly (pid ");
    }

    // mid-stage: some of the stage's jobs never printed, and of those at least one has not even
    // created its table yet (a job that was writing when killed may have committed already)
    Set<String> done = log.lines().filter(l -> stageLine.matcher(l).matches())
        .map(l -> l.trim().split("\\s+")[0]).collect(Collectors.toSet());
    List<Job> unfinished = stageJobs.stream().filter(job -> !done.contains(job.name())).toList();
    assertThat(unfinished).as("%s jobs run %d did not finish", stage, run).isNotEmpty();
    assertThat(unfinished.stream().flatMap(job -> job.outputs().stream())
            .filter(ref -> ref.slice().isEmpty() && Layer.TABLE_LAYERS.contains(ref.layer()))
            .filter(ref -> !committed(tableDir(lake, ref))))
        .as("tables of %s jobs not yet written when run %d was killed", stage, run).isNotEmpty();

    assertThat(lake.resolve("_ops/lease/exclusive.lease"))
        .as("the lease run %d held: SIGKILL ran no shutdown hook", run).exists();
    Map<String, Long> readable = rowCounts(lake);
    assertThat(readable).as("Delta tables of the lake after run %d", run).isNotEmpty();
  }

  private static JvmProcess night(Path jvmOptions, String classPath, Path lake, String name) {
    return JvmProcess.start(jvmOptions, "2g", classPath, "io.citylake.cli.CityLakeCli",
        List.of("nightly", "--date", DAY, "--lake", lake.toString()), Map.of(),
        lake.resolveSibling(lake.getFileName() + "-" + name + ".log"));
  }

  /**
   * Every Delta table below {@code root} with its row count: each table's latest snapshot is
   * loaded and counted, which fails on a half-written commit or a missing data file. A folder
   * whose log has no commit yet (its first write was killed) is no table to a reader.
   */
  private static Map<String, Long> rowCounts(Path root) throws IOException {
    List<Path> tables;
    try (Stream<Path> dirs = Files.walk(root)) {
      tables = dirs.filter(d -> d.getFileName().toString().equals("_delta_log"))
          .map(Path::getParent).filter(NightlyCrashRecoveryTest::committed).sorted().toList();
    }
    Map<String, Long> counts = new TreeMap<>();
    for (Path table : tables) {
      counts.put(root.relativize(table).toString(),
          spark().read().format("delta").load(table.toUri().toString()).count());
    }
    return counts;
  }

  /** Whether the Delta log at {@code table} holds at least one commit. */
  private static boolean committed(Path table) {
    Path log = table.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return false;
    }
    try (Stream<Path> files = Files.list(log)) {
      return files.anyMatch(f -> COMMIT.matcher(f.getFileName().toString()).matches());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path tableDir(Path lake, TableRef ref) {
    return lake.resolve(ref.layer().directory()).resolve(ref.table());
  }


}
