package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.JobResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The night's summary ends with one line per warning a job raised, naming the job. */
class RunSummaryTest {
  @Test
  void warningsOfJobsFollowTheTableOneLineEach() {
    JobResult ingest = JobResult.of("ingest.transit_taps", 5, 5, Map.of())
        .withWarnings(List.of("raw/transit/taps/dt=2026-11-01/empty.csv: empty file (0 bytes),"
            + " nothing ingested", "raw/transit/taps/dt=2026-11-01/excel.csv: unusable, fields"
            + " separated by ';', not by ','; its lines are kept in bronze and quarantined"));
    RunSummary summary = new RunSummary("run-1", LocalDate.of(2026, 11, 1), List.of(
        JobOutcome.succeeded(ingest),
        JobOutcome.succeeded(JobResult.of("conform.transit_taps", 5, 4, Map.of()))), 1.0);

    List<String> lines = summary.table().lines().toList();

    assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly(
        "warning: ingest.transit_taps: raw/transit/taps/dt=2026-11-01/empty.csv: empty file"
            + " (0 bytes), nothing ingested",
        "warning: ingest.transit_taps: raw/transit/taps/dt=2026-11-01/excel.csv: unusable,"
            + " fields separated by ';', not by ','; its lines are kept in bronze and"
            + " quarantined");
    assertThat(summary.succeeded()).isTrue();
  }
}
