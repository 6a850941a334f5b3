package io.citylake.cli;

import static io.citylake.cli.CliRun.assertOneLineError;
import static io.citylake.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.JobResult;
import io.citylake.lake.LakeConfig;
import io.citylake.pipeline.JobOutcome;
import io.citylake.pipeline.RunLedger;
import io.citylake.pipeline.RunSummary;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code citylake runs}, {@code history} and {@code restore} on a tiny lake: one gold table with
 * three versions and a run ledger of two runs, written here with Spark.
 */
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(SharedResources.METASTORE)
class OperationsCliTest extends SparkTestBase {
  private static final StructType COUNTS = StructType.fromDDL("id INT");

  @BeforeAll
  static void tinyLake() throws IOException {
    Files.createDirectories(lakeDir().resolve("raw"));
    String gold = lakeDir().resolve("gold/counts").toString();
    write(gold, "overwrite", 3, "run-1");
    write(gold, "append", 2, "run-2");
    write(gold, "overwrite", 1, "run-3");
    RunLedger ledger = new RunLedger(spark(), LakeConfig.local(lakeDir()).paths());
    Instant start = Instant.parse("2026-11-14T17:00:00Z");
    ledger.record(new RunLedger.Run("nightly", new RunSummary("run-a", LocalDate.of(2026, 11, 13),
        List.of(JobOutcome.succeeded(JobResult.of("ingest.transit_taps", 10, 10, Map.of()))),
        5), start, start.plusSeconds(5), Map.of(), "succeeded", ""));
    ledger.record(new RunLedger.Run("run-job", new RunSummary("run-b", LocalDate.of(2026, 11, 14),
        List.of(JobOutcome.failed("conform.quality_gate", "Cannot publish gold for 2026-11-14:"
            + " the quality gate held the night: transit_taps not delivered", 1)), 5),
        start.plusSeconds(60), start.plusSeconds(65), Map.of(), "held",
        "Cannot publish gold for 2026-11-14: the quality gate held the night:"
            + " transit_taps not delivered"));
  }

  private static void write(String path, String mode, int rows, String runId) {
    spark().createDataFrame(java.util.stream.IntStream.range(0, rows)
            .mapToObj(i -> org.apache.spark.sql.RowFactory.create(i)).toList(), COUNTS)
        .write().format("delta").mode(mode).option("userMetadata", runId).save(path);
  }

  private static String lakePath() {
    return lakeDir().toString();
  }

  @Test
  @Order(1)
  void runsPrintsTheNewestRunsWithWhyAJobFailed() {
    CliRun last = run("runs", "--last", "1", "--lake", lakePath());

    assertThat(last.exitCode()).isZero();
    List<String> lines = last.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).contains("run-b", "2026-11-14", "run-job", "conform.quality_gate",
        "failed", "Cannot publish gold for 2026-11-14: the quality gate held the night:"
            + " transit_taps not delivered");
    assertThat(lines.get(3)).contains("run-b", "(run)", "held");
    assertThat(run("runs", "--date", "2026-11-13", "--lake", lakePath()).out())
        .contains("run-a").doesNotContain("run-b");
    assertThat(run("runs", "--date", "2026-11-01", "--lake", lakePath()).out())
        .isEqualTo("no runs recorded for 2026-11-01 in silver.run_ledger" + System.lineSeparator());
  }

  @Test
  @Order(2)
  void historyListsATablesVersionsNewestFirst() {
    CliRun history = run("history", "counts", "--lake", lakePath());

    assertThat(history.exitCode()).isZero();
    List<String> lines = history.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("gold.counts");
    assertThat(lines.subList(3, lines.size())).hasSize(3);
    assertThat(lines.get(3)).startsWith("2 ").contains("WRITE", "run-3");
    assertThat(lines.get(5)).startsWith("0 ").contains("WRITE", "run-1");
  }

  @Test
  @Order(3)
  void restoreRollsATableBackAsANewVersion() {
    CliRun restore = run("restore", "gold.counts", "--version", "1", "--lake", lakePath());

    assertThat(restore.err()).isEmpty();
    assertThat(restore.out()).isEqualTo("restored gold.counts to version 1 (now version 3)"
        + System.lineSeparator());
    assertThat(rows("SELECT count(*) FROM " + delta(lakeDir().resolve("gold/counts").toString()))
        .get(0).getLong(0)).isEqualTo(5);
    assertThat(run("history", "gold.counts", "--last", "1", "--lake", lakePath()).out())
        .contains("RESTORE");
    assertThat(lakeDir().resolve("_ops/lease")).isEmptyDirectory();
  }

  @Test
  @Order(4)
  void unknownTablesAndVersionsAreOneLineErrors() {
    assertOneLineError(run("history", "gold.nope", "--lake", lakePath()),
        "citylake history: Cannot show the history of gold.nope: the lake has no such table;"
            + " 'citylake sql \"SHOW TABLES IN gold\"' lists them (got: gold.nope)");
    assertOneLineError(run("restore", "counts", "--version", "9", "--lake", lakePath()),
        "citylake restore: Cannot restore gold.counts to version 9: the table has versions"
            + " 0 to 3; see 'citylake history gold.counts' (got: 9)");
    assertOneLineError(run("restore", "raw.counts", "--version", "0", "--lake", lakePath()),
        "citylake restore: Cannot restore raw.counts to version 0: name a table as bronze.T,"
            + " silver.T or gold.T (a bare name is gold) (got: raw.counts)");
  }
}
