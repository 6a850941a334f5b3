package io.citylake.deploy;

import static io.citylake.deploy.DeployLake.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.conform.ConformAccounting;
import io.citylake.conform.QualityChecks;
import io.citylake.conform.Quarantine;
import io.citylake.ingest.IngestLedger;
import io.citylake.lake.SparkSessions;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.PipelineGraph;
import io.citylake.pipeline.RunLedger;
import io.citylake.testing.DataFrameEquality;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night run as Airflow may run it with {@code CITYLAKE_MAX_ACTIVE_TASKS} above 1: every stage
 * as {@code citylake run-job} processes, two of them side by side wherever the pipeline graph
 * allows (the ingest jobs in two halves, the conform jobs that wait for no other conform job in
 * two halves, then the rest of conform; the kpi and spatial stages together; then publish and
 * report), all on one local lake and one shared Hive metastore service backed by PostgreSQL
 * ({@link SharedMetastore}), as a city's cluster would share it. The processes write the shared
 * bookkeeping tables (ingest ledger, quarantine, conform accounting, quality results, KPI
 * watermarks, run ledger) at the same time; only Delta's optimistic concurrency keeps them
 * apart. Gold and that bookkeeping must equal an embedded {@code citylake nightly} on a copy of
 * the same raw lake, nothing doubled or lost; the lake gets no Derby metastore of its own, and
 * the published tables are registered in PostgreSQL.
 *
 * <p>Runs in the {@code cluster} profile (PostgreSQL from Debian's package, which {@code .ci/run}
 * installs; the launcher's class path).
 */
@Tag("cluster")
class ParallelTasksOnSharedMetastoreTest extends SparkTestBase {
  private static final Duration TASK = Duration.ofMinutes(20);
  private static final String CLI = "io.citylake.cli.CityLakeCli";
  /** The stages whose jobs run as two processes at once, in the pipeline's order. */
  private static final List<String> SIDE_BY_SIDE = List.of("ingest", "conform", "kpi");

  @TempDir static Path work;

  private static SharedMetastore metastore;
  private static Path tasksLake;
  private static Path embeddedLake;
  private static final List<Task> tasks = new ArrayList<>();
  private static Task embedded;

  /** One finished process: the jobs it ran, its exit code and the end of its log. */
  private record Task(List<String> jobs, int exit, String tail) {}

  @BeforeAll
  static void nightAsParallelTasks() throws Exception {
    Path target = Path.of(DeployLake.required("citylake.appJar")).getParent();
    Path jvmOptions = JvmProcess.launcherJvmOptions(target);
    String launcherClassPath = JvmProcess.launcherClassPath(target);
    embeddedLake = DeployLake.generate(work, "embedded-lake");
    tasksLake = DeployLake.generate(work, "tasks-lake");

    metastore = SharedMetastore.start(jvmOptions, SharedMetastore.classPath(launcherClassPath),
        Files.createDirectories(work.resolve("metastore")), work.resolve("metastore.log"));
    List<String> shared = List.of("-D" + SparkSessions.METASTORE_URIS + "=" + metastore.uri());

    // the reference night starts first and runs beside the tasks
    JvmProcess reference = JvmProcess.start(jvmOptions, List.of(), "2g", launcherClassPath, CLI,
        List.of("nightly", "--date", DAY, "--lake", embeddedLake.toString()), Map.of(), null,
        work.resolve("embedded.log"));
    try {
      int n = 0;
      for (List<List<String>> wave : waves(NightlyPipeline.graph())) {
        List<JvmProcess> started = new ArrayList<>();
        for (List<String> jobs : wave) {
          List<String> args = new ArrayList<>(List.of("run-job"));
          jobs.forEach(job -> args.addAll(List.of("--job", job)));
          args.addAll(List.of("--date", DAY, "--lake", tasksLake.toString()));
          started.add(JvmProcess.start(jvmOptions, shared, "2g", launcherClassPath, CLI, args,
              Map.of(), null, work.resolve("task-" + (++n) + ".log")));
        }
        for (int i = 0; i < wave.size(); i++) {
          try (JvmProcess process = started.get(i)) {
            tasks.add(new Task(wave.get(i), process.waitFor(TASK), process.tail(60)));
          }
        }
      }
      embedded = new Task(List.of("nightly"), reference.waitFor(TASK), reference.tail(60));
    } finally {
      reference.close();
    }
  }

  @AfterAll
  static void stopMetastore() {
    if (metastore != null) {
      metastore.close();
    }
  }

  @Test
  void everyTaskSucceededAndSeveralRanSideBySide() {
    assertThat(embedded.exit()).as("embedded nightly:\n%s", embedded.tail()).isZero();
    for (Task task : tasks) {
      assertThat(task.exit()).as("run-job %s:\n%s", task.jobs(), task.tail()).isZero();
    }
    Set<String> ran = new HashSet<>();
    tasks.forEach(task -> ran.addAll(task.jobs()));
    assertThat(ran).as("jobs run by the tasks")
        .containsExactlyInAnyOrderElementsOf(NightlyPipeline.graph().jobs().stream()
            .map(job -> job.name()).toList());
    assertThat(waves(NightlyPipeline.graph())).filteredOn(wave -> wave.size() > 1)
        .as("waves of two processes at once").hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void goldEqualsTheEmbeddedNight() throws Exception {
    GoldComparison.assertSameGold(spark(), GoldComparison.uri(tasksLake),
        GoldComparison.uri(embeddedLake), "the night of parallel run-job processes");
  }

  /** The tables every task writes at once: neither doubled nor missing a slice. */
  @Test
  void sharedBookkeepingEqualsTheEmbeddedNight() {
    String file = "regexp_extract(source_file, '(raw/.*)$', 1) AS file";
    assertSameRows("bronze/" + IngestLedger.TABLE, 20, "true", "dataset", "dt", file,
        "source_sha256", "source_size", "status", "reason", "encoding");
    assertSameRows("quarantine/" + Quarantine.TABLE, 10, "true", "dataset", "dt", file, "raw",
        "rule", "field", "value");
    assertSameRows("silver/" + ConformAccounting.TABLE, 10, "true", "dataset", "dt",
        "bronze_rows", "silver_rows", "quarantined_rows", "duplicate_rows", "superseded_rows");
    assertSameRows("silver/" + QualityChecks.RESULTS, 1, "true", "dataset", "dt", "rule",
        "failed_rows");
  }

  /**
   * Each job's row in the run ledger once, from its own task, with the status the embedded
   * night's ledger gives it: none lost to a concurrent append, none doubled by a retry.
   */
  @Test
  void theRunLedgerHasEveryJobOnce() {
    String jobs = "job <> '" + RunLedger.RUN_ROW + "'";
    assertSameRows("silver/" + RunLedger.TABLE, NightlyPipeline.graph().jobs().size(), jobs,
        "job", "status");
    assertThat(rowsOf(tasksLake, "silver/" + RunLedger.TABLE, jobs, "job").distinct().count())
        .isEqualTo(NightlyPipeline.graph().jobs().size());
  }

  @Test
  void theTablesAreRegisteredInTheSharedMetastoreNotInALakeDerby() throws Exception {
    assertThat(tasksLake.resolve("_metastore")).as("an embedded Derby of the lake")
        .doesNotExist();
    assertThat(embeddedLake.resolve("_metastore")).exists();
    List<String> goldTables = GoldComparison.tables(
        spark().sparkContext().hadoopConfiguration(), GoldComparison.uri(tasksLake));
    assertThat(metastore.tablesIn("gold")).as("gold tables in the PostgreSQL metastore")
        .containsAll(goldTables);
    assertThat(metastore.tablesIn("silver")).contains(ConformAccounting.TABLE);
  }

  /**
   * The processes to start, wave after wave: the stages that write the shared bookkeeping tables
   * ({@link #SIDE_BY_SIDE}) run the jobs that wait for no job of their own stage as two processes
   * side by side, then the rest of the stage in one; the stages after them run in one last
   * process. Each process is a JVM and Spark start (10-20 s), so no more of them than that.
   */
  static List<List<List<String>>> waves(PipelineGraph graph) {
    List<List<List<String>>> waves = new ArrayList<>();
    List<String> last = new ArrayList<>();
    for (PipelineGraph.Stage stage : graph.stages()) {
      if (!SIDE_BY_SIDE.contains(stage.name())) {
        last.addAll(stage.jobs());
        continue;
      }
      if (!last.isEmpty()) {
        throw new IllegalStateException(stage.name() + " waits for a stage of the last process");
      }
      List<String> free = stage.jobs().stream().filter(job -> graph.upstream(graph.job(job))
          .stream().noneMatch(stage.jobs()::contains)).toList();
      List<String> rest = stage.jobs().stream().filter(job -> !free.contains(job)).toList();
      waves.add(List.of(free.subList(0, free.size() / 2),
          free.subList(free.size() / 2, free.size())));
      if (stage.name().equals(SIDE_BY_SIDE.get(SIDE_BY_SIDE.size() - 1))) {
        last.addAll(rest); // runs first in the last process, before the stages after it
      } else if (!rest.isEmpty()) {
        waves.add(List.of(rest));
      }
    }
    waves.add(List.of(last));
    return waves;
  }

  /** The rows of {@code table} ({@code columns} where {@code filter}) are equal in both lakes. */
  private static void assertSameRows(String table, int atLeast, String filter,
      String... columns) {
    Dataset<Row> tasksRows = rowsOf(tasksLake, table, filter, columns);
    Dataset<Row> embeddedRows = rowsOf(embeddedLake, table, filter, columns);
    assertThat(embeddedRows.count()).as("rows of %s", table).isGreaterThanOrEqualTo(atLeast);
    DataFrameEquality.assertDataFrameNoOrderEquals(
        table + " of the tasks against the embedded night", embeddedRows, tasksRows);
  }

  private static Dataset<Row> rowsOf(Path lake, String table, String filter, String... columns) {
    return spark().read().format("delta").load(lake.resolve(table).toString()).where(filter)
        .selectExpr(columns);
  }
}
