package io.citylake.pipeline;

import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.lake.CityLakeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pipeline graph's jobs in dependency order. A failing job does not stop the night: its
 * downstream jobs are skipped, independent jobs still run, and the summary says what failed.
 */
public final class PipelineRunner {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
  private final PipelineGraph graph;

  public PipelineRunner(PipelineGraph graph) {
    this.graph = graph;
  }

  /** Runs the jobs {@code selected} accepts, in order, reporting each outcome as it ends. */
  public RunSummary run(JobContext context, Predicate<Job> selected, Consumer<JobOutcome> progress) {
    long start = System.nanoTime();
    List<JobOutcome> outcomes = new ArrayList<>();
    Set<String> unavailable = new HashSet<>();
    for (Job job : graph.topologicalOrder()) {
      if (!selected.test(job)) {
        continue;
      }
      JobOutcome outcome = runOne(context, job, unavailable);
      if (outcome.status() != JobOutcome.Status.SUCCEEDED) {
        unavailable.add(job.name());
      }
      outcomes.add(outcome);
      progress.accept(outcome);
    }
    return new RunSummary(context.runId(), context.runDate(), outcomes,
        (System.nanoTime() - start) / 1e9);
  }

  private JobOutcome runOne(JobContext context, Job job, Set<String> unavailable) {
    List<String> failedUpstream =
        graph.upstream(job).stream().filter(unavailable::contains).toList();
    if (!failedUpstream.isEmpty()) {
      return JobOutcome.skipped(job.name(), "skipped: upstream failed: " + failedUpstream);
    }
    context.spark().sparkContext().setJobGroup(job.name(), job.description(), false);
    long start = System.nanoTime();
    try {
      JobResult result = job.run(context);
      return JobOutcome.succeeded(result.withSeconds((System.nanoTime() - start) / 1e9));
    } catch (CityLakeException e) {
      LOG.error("Job {} failed", job.name(), e);
      return JobOutcome.failed(job.name(), e.getMessage(), (System.nanoTime() - start) / 1e9);
    } catch (RuntimeException e) {
      LOG.error("Job {} failed", job.name(), e);
      return JobOutcome.failed(job.name(), "Cannot run " + job.name() + ": " + e, 0);
    } finally {
      context.spark().sparkContext().clearJobGroup();
    }
  }
}
