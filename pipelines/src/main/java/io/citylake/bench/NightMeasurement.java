package io.citylake.bench;

import io.citylake.pipeline.JobOutcome;
import io.citylake.pipeline.RunSummary;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one night of the pipeline benchmark cost: wall time against the raw lines delivered that
 * day, peak heap, the summed job seconds per stage, and the Delta commits and data files it wrote.
 * Stage seconds are sums over jobs that partly ran at the same time, so they may add up to more
 * than the wall time.
 *
 * @param stageSeconds seconds per stage ({@link #STAGES} first, then any other job-name prefix)
 * @param primarySuppressed cells the night suppressed below k, per gold table in a relation
 * @param secondarySuppressed cells the night suppressed as complements, per gold table
 */
public record NightMeasurement(LocalDate day, String runId, boolean succeeded, int jobs,
    int failedJobs, double wallSeconds, long rawLines, long peakHeapBytes,
    Map<String, Double> stageSeconds, int deltaCommits, int dataFiles,
    Map<String, Long> primarySuppressed, Map<String, Long> secondarySuppressed) {
  /** The stages of the pipeline, the prefixes of its job names, in pipeline order. */
  public static final List<String> STAGES =
      List.of("ingest", "conform", "kpi", "spatial", "publish", "report");

  public NightMeasurement {
    stageSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
    primarySuppressed = Map.copyOf(primarySuppressed);
    secondarySuppressed = Map.copyOf(secondarySuppressed);
  }

  /** A night's measurement from its run summary and what was measured around it. */
  public static NightMeasurement of(RunSummary summary, double wallSeconds, long rawLines,
      long peakHeapBytes, LakeFileCensus.Writes writes) {
    int failed = (int) summary.outcomes().stream()
        .filter(o -> o.status() != JobOutcome.Status.SUCCEEDED).count();
    return new NightMeasurement(summary.runDate(), summary.runId(), summary.succeeded(),
        summary.outcomes().size(), failed, wallSeconds, rawLines, peakHeapBytes,
        stageSeconds(summary.outcomes()), writes.deltaCommits(), writes.dataFiles(),
        summary.primarySuppressed(), summary.secondarySuppressed());
  }

  /** Summed job seconds per stage, the stage being the job name's prefix before the first dot. */
  static Map<String, Double> stageSeconds(List<JobOutcome> outcomes) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    STAGES.forEach(stage -> seconds.put(stage, 0.0));
    for (JobOutcome outcome : outcomes) {
      int dot = outcome.job().indexOf('.');
      String stage = dot < 0 ? outcome.job() : outcome.job().substring(0, dot);
      seconds.merge(stage, outcome.seconds(), Double::sum);
    }
    return seconds;
  }

  public double linesPerSecond() {
    return wallSeconds > 0 ? rawLines / wallSeconds : 0;
  }
}
