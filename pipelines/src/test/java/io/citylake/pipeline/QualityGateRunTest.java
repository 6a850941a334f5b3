package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.quality.QualityGate;
import io.citylake.quality.QualityGateConfig;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gate inside a run: when it holds the night, the jobs that write gold do not run, the run
 * is {@code held} with exit code 4 and the gate's one-line reason; when it passes, they run.
 */
class QualityGateRunTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);

  /** A gold writer that only counts its runs. */
  private record GoldWriter(AtomicInteger runs) implements Job {
    @Override
    public String name() {
      return "kpi.counted";
    }

    @Override
    public String description() {
      return "counts its runs";
    }

    @Override
    public List<TableRef> inputs() {
      return List.of(TableRef.silver("transit_taps"));
    }

    @Override
    public List<TableRef> outputs() {
      return List.of(TableRef.gold("counted"));
    }

    @Override
    public JobResult run(JobContext context) {
      runs.incrementAndGet();
      return JobResult.of(name(), 1, 1, Map.of());
    }
  }

  private static RunSummary night(AtomicInteger goldRuns) {
    PipelineGraph graph = new PipelineGraph(List.of(new GoldWriter(goldRuns), new QualityGate()),
        Optional.of(QualityGate.NAME));
    return new NightlyRun(spark(), lake(), graph).run(DAY, job -> true, outcome -> { });
  }

  @Test
  void aHeldNightWritesNoGoldAndEndsWithItsOwnExitCodeAndReason() throws IOException {
    // transit_arrivals has no dt= folder in this lake (the other test delivers only taps)
    Files.writeString(lakeDir().resolve(QualityGateConfig.FILE), "required = transit_arrivals\n");
    AtomicInteger goldRuns = new AtomicInteger();

    RunSummary summary = night(goldRuns);

    assertThat(goldRuns).hasValue(0);
    assertThat(summary.outcomes()).extracting(o -> o.job() + " " + o.status() + " " + o.message())
        .containsExactly(
            "conform.quality_gate FAILED Cannot publish gold for 2026-11-14: the quality gate"
                + " held the night: transit_arrivals not delivered",
            "kpi.counted SKIPPED skipped: upstream failed: [conform.quality_gate]");
    assertThat(RunVerdict.of(summary)).isEqualTo(new RunVerdict("held", 4,
        "Cannot publish gold for 2026-11-14: the quality gate held the night:"
            + " transit_arrivals not delivered"));
  }

  @Test
  void aNightWithinTheThresholdsPublishesGold() throws IOException {
    Files.createDirectories(lakeDir().resolve("raw/transit/taps/dt=" + DAY));
    Files.writeString(lakeDir().resolve("raw/transit/taps/dt=" + DAY + "/taps.csv"), "x\n");
    Files.writeString(lakeDir().resolve(QualityGateConfig.FILE), "required = transit_taps\n");
    AtomicInteger goldRuns = new AtomicInteger();

    RunSummary summary = night(goldRuns);

    assertThat(goldRuns).hasValue(1);
    assertThat(RunVerdict.of(summary).exitCode()).isZero();
  }

  @Test
  void aBrokenJobIsAFailureNotAHold() {
    RunSummary summary = new RunSummary("run-x", DAY, List.of(
        JobOutcome.failed(QualityGate.NAME, "Cannot read the quality gate settings x: bad", 0),
        JobOutcome.skipped("kpi.counted", "skipped: upstream failed: [conform.quality_gate]")),
        1.0);

    assertThat(RunVerdict.of(summary)).isEqualTo(new RunVerdict("failed", 1,
        "conform.quality_gate: Cannot read the quality gate settings x: bad"));
  }
}
