package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.JobResult;
import io.citylake.lake.LakeConfig;
import io.citylake.ops.AbandonedRun;
import io.citylake.testing.SparkTestBase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The run ledger: one row per run and job, read back newest runs first, appended concurrently. */
class RunLedgerTest extends SparkTestBase {
  private static final Instant START = Instant.parse("2026-11-14T17:00:00Z");

  private static RunLedger.Run run(String runId, LocalDate day, Instant started,
      List<JobOutcome> outcomes, String status, String message) {
    Instant ended = started.plusSeconds(60);
    return new RunLedger.Run("nightly", new RunSummary(runId, day, outcomes, 60), started, ended,
        Map.of("ingest.transit_taps", started.plusSeconds(30)), status, message);
  }

  private static JobOutcome ingested(long rowsIn) {
    return JobOutcome.succeeded(new JobResult("ingest.transit_taps", rowsIn, rowsIn - 2, 2,
        Map.of("delta_version", 7L, "files", 3), 12.5));
  }

  @Test
  void aFailedJobsRowSaysWhyInOneLineAndTheRunRowSumsTheJobs() {
    RunLedger ledger = new RunLedger(spark(), lake().paths());
    ledger.record(run("run-a", LocalDate.of(2026, 11, 13), START, List.of(ingested(100)),
        "succeeded", ""));
    ledger.record(run("run-b", LocalDate.of(2026, 11, 14), START.plusSeconds(3600),
        List.of(ingested(50), JobOutcome.failed("conform.transit_taps",
            "Cannot conform transit_taps: disk full\n\tat some.Frame(Frame.java:1)", 3.0),
            JobOutcome.skipped("kpi.ridership", "skipped: upstream failed: [conform.transit_taps]")),
        "failed", "conform.transit_taps: Cannot conform transit_taps: disk full"));

    List<Row> newest = ledger.read(Optional.empty(), 1);

    assertThat(newest).extracting(r -> r.getString(0) + " " + r.getString(3) + " "
        + r.getString(6) + " " + r.get(7) + " " + r.get(9) + " " + r.get(10) + " " + r.get(11))
        .containsExactly(
            "run-b ingest.transit_taps succeeded 50 2 delta_version=7 null",
            "run-b conform.transit_taps failed null null null"
                + " Cannot conform transit_taps: disk full",
            "run-b kpi.ridership skipped null null null"
                + " skipped: upstream failed: [conform.transit_taps]",
            "run-b (run) failed 50 2 null"
                + " conform.transit_taps: Cannot conform transit_taps: disk full");
    Row ingest = newest.get(0);
    assertThat(ingest.getTimestamp(5).toInstant()).isEqualTo(START.plusSeconds(3630));
    assertThat(ingest.getTimestamp(4).toInstant()).isEqualTo(START.plusSeconds(3630)
        .minusMillis(12_500));
    assertThat(ledger.read(Optional.of(LocalDate.of(2026, 11, 13)), 5))
        .extracting(r -> r.getString(0)).containsOnly("run-a").hasSize(2);
    assertThat(ledger.read(Optional.empty(), 5)).hasSize(6);
  }

  @Test
  void aSucceededJobsWarningsAreItsMessage() {
    JobResult warned = new JobResult("ingest.transit_taps", 0, 0, 0, Map.of(), 1.0,
        List.of("empty file raw/transit/taps/dt=2026-11-14/taps-2.csv (0 bytes)",
            "unusable file taps-3.csv: header lacks column card_id\n(separator ';'?)"));

    List<Row> rows = RunLedger.rows(run("run-w", LocalDate.of(2026, 11, 14), START,
        List.of(JobOutcome.succeeded(warned), ingested(10)), "succeeded", ""));

    assertThat(rows.get(0).getString(11)).isEqualTo(
        "warning: empty file raw/transit/taps/dt=2026-11-14/taps-2.csv (0 bytes);"
            + " warning: unusable file taps-3.csv: header lacks column card_id");
    assertThat(rows.get(1).isNullAt(11)).isTrue();
  }

  @Test
  void concurrentRunsAllLandInTheLedger() throws Exception {
    RunLedger ledger = new RunLedger(spark(),
        LakeConfig.local(lakeDir().resolve("concurrent")).paths());
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String runId = "run-" + i;
      Instant started = START.plusSeconds(i);
      // three runs ending at once on a lake without a ledger yet
      writes.add(pool.submit(() -> ledger.record(run(runId, LocalDate.of(2026, 11, 14), started,
          List.of(ingested(10)), "succeeded", ""))));
    }
    for (Future<?> write : writes) {
      write.get();
    }
    pool.shutdown();

    assertThat(ledger.read(Optional.empty(), 10).stream().map(r -> r.getString(0)).distinct())
        .containsExactlyInAnyOrder("run-0", "run-1", "run-2");
    assertThat(ledger.read(Optional.empty(), 10)).hasSize(6);
  }

  @Test
  void aKilledRunIsOneRunRowFromItsStartToItsLastHeartbeat() {
    // a lake of its own: the other tests count the runs of theirs
    RunLedger ledger = new RunLedger(spark(), LakeConfig.local(lakeDir().resolve("killed"))
        .paths());
    AbandonedRun killed = new AbandonedRun("citylake nightly", "host-a", 4242, START,
        START.plusSeconds(95));
    ledger.recordKilled(List.of(killed));

    List<Row> newest = ledger.read(Optional.empty(), 1);

    assertThat(newest).singleElement().satisfies(row -> {
      assertThat(row.getString(0)).isEqualTo(RunLedger.killedRunId(killed))
          .startsWith("killed-").endsWith("-host-a-4242");
      assertThat(row.get(1)).isNull();
      assertThat(row.getString(2)).isEqualTo("nightly");
      assertThat(row.getString(3)).isEqualTo(RunLedger.RUN_ROW);
      assertThat(row.getTimestamp(4).toInstant()).isEqualTo(START);
      assertThat(row.getTimestamp(5).toInstant()).isEqualTo(START.plusSeconds(95));
      assertThat(row.getString(6)).isEqualTo("killed");
      assertThat(row.getString(11)).isEqualTo("citylake nightly (pid 4242 on host-a, started "
          + START + ") died without ending its run (killed, out of memory or its machine lost;"
          + " last heartbeat " + START.plusSeconds(95) + "); this run took its lease over");
    });
  }
}
