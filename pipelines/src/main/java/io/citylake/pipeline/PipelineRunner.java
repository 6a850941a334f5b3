package io.citylake.pipeline;

import io.citylake.job.Bookkeeping;
import io.citylake.job.InputVersions;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.LastInputs;
import io.citylake.lake.CityLakeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pipeline graph's jobs in dependency order, several independent jobs at a time (most of a
 * small job's time is driver-side Delta and planning work, which overlaps well). A failing job
 * does not stop the night: its downstream jobs are skipped, independent jobs still run, and the
 * summary says what failed.
 */
public final class PipelineRunner {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
  /** Spark's local property naming the scheduler pool a thread's jobs are queued in. */
  static final String SCHEDULER_POOL = "spark.scheduler.pool";
  private final PipelineGraph graph;
  private final int parallelism;

  public PipelineRunner(PipelineGraph graph, int parallelism) {
    if (parallelism < 1) {
      throw CityLakeException.badInput("run the pipeline", "parallelism must be at least 1",
          parallelism);
    }
    this.graph = graph;
    this.parallelism = parallelism;
  }

  /**
   * Runs the jobs {@code selected} accepts, reporting each outcome as it ends. Their writes to
   * shared bookkeeping tables wait ({@link Bookkeeping}) until a job downstream of theirs starts
   * or the run ends.
   */
  public RunSummary run(JobContext runContext, Predicate<Job> selected,
      Consumer<JobOutcome> progress) {
    long start = System.nanoTime();
    Bookkeeping bookkeeping = Bookkeeping.deferred();
    JobContext context = runContext.withBookkeeping(bookkeeping);
    List<Job> order = graph.topologicalOrder().stream().filter(selected).toList();
    Map<String, JobOutcome> outcomes = new LinkedHashMap<>();
    Set<String> running = new HashSet<>();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
      Thread thread = new Thread(r, "citylake-job-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    CompletionService<JobOutcome> done = new ExecutorCompletionService<>(pool);
    RunLineage lineage = new RunLineage(context);
    try {
      while (outcomes.size() < order.size()) {
        for (Job job : order) {
          if (!outcomes.containsKey(job.name()) && !running.contains(job.name())
              && upstreamSettled(job, order, outcomes)) {
            JobOutcome skipped = skipIfUpstreamFailed(job, outcomes);
            if (skipped != null) {
              outcomes.put(job.name(), skipped);
              progress.accept(skipped);
            } else {
              running.add(job.name());
              JobContext jobContext = context.withBookkeeping(bookkeeping.forJob(job.name()));
              done.submit(() -> runOne(jobContext, job, lineage));
            }
          }
        }
        if (outcomes.size() == order.size()) {
          break;
        }
        JobOutcome outcome = done.take().get();
        running.remove(outcome.job());
        outcomes.put(outcome.job(), outcome);
        progress.accept(outcome);
      }
      commitAtTheEnd(context, bookkeeping);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CityLakeException.failed("run the pipeline", "interrupted", e);
    } catch (ExecutionException e) {
      throw CityLakeException.failed("run the pipeline", String.valueOf(e.getCause()), e);
    } finally {
      pool.shutdownNow();
    }
    List<JobOutcome> ordered = new ArrayList<>(outcomes.values());
    ordered.sort(Comparator.comparingInt(o -> order.indexOf(graph.job(o.job()))));
    return new RunSummary(context.runId(), context.runDate(), ordered,
        (System.nanoTime() - start) / 1e9);
  }

  /** Every selected upstream job has ended (jobs outside the selection count as done). */
  private boolean upstreamSettled(Job job, List<Job> order, Map<String, JobOutcome> outcomes) {
    return graph.upstream(job).stream()
        .filter(name -> order.stream().anyMatch(j -> j.name().equals(name)))
        .allMatch(outcomes::containsKey);
  }

  private JobOutcome skipIfUpstreamFailed(Job job, Map<String, JobOutcome> outcomes) {
    List<String> failed = graph.upstream(job).stream()
        .filter(name -> outcomes.containsKey(name)
            && outcomes.get(name).status() != JobOutcome.Status.SUCCEEDED)
        .toList();
    return failed.isEmpty() ? null
        : JobOutcome.skipped(job.name(), "skipped: upstream failed: " + failed);
  }

  /**
   * Runs one job between its lineage START and its COMPLETE or FAIL, after committing the
   * bookkeeping its upstream jobs left waiting (it may read it).
   */
  private JobOutcome runOne(JobContext context, Job job, RunLineage lineage) {
    context.spark().sparkContext().setJobGroup(job.name(), job.description(), false);
    // each job thread queues its Spark jobs in a scheduler pool of its own (FAIR mode, see
    // SparkSessions): a small query of one job gets the next free core instead of waiting
    // behind every task of a big stage the other job submitted first
    context.spark().sparkContext().setLocalProperty(SCHEDULER_POOL,
        Thread.currentThread().getName());
    try {
      JobOutcome unrecorded = commitUpstreamBookkeeping(context, job);
      lineage.started(job);
      JobOutcome outcome = unrecorded != null ? unrecorded : runOne(context.forJob(job), job);
      if (outcome.status() == JobOutcome.Status.SUCCEEDED) {
        lineage.completed(job, context.bookkeeping());
      } else {
        lineage.failed(job, outcome.message());
      }
      return outcome;
    } finally {
      context.spark().sparkContext().clearJobGroup();
    }
  }

  /** Null when the writes of every job upstream of {@code job} are committed; else its failure. */
  private JobOutcome commitUpstreamBookkeeping(JobContext context, Job job) {
    try {
      context.bookkeeping().commitWaiting(context, upstreamClosure(job));
      return null;
    } catch (RuntimeException e) {
      LOG.error("Cannot commit the bookkeeping before job {}", job.name(), e);
      return JobOutcome.failed(job.name(), "Cannot record the bookkeeping of the jobs before "
          + job.name() + ": " + firstLine(e), 0);
    }
  }

  private static void commitAtTheEnd(JobContext context, Bookkeeping bookkeeping) {
    try {
      bookkeeping.commitWaiting(context, null);
    } catch (CityLakeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw CityLakeException.failed("record the run's bookkeeping", firstLine(e), e);
    }
  }

  /** Every job {@code job} depends on, directly or through others. */
  private Set<String> upstreamClosure(Job job) {
    Set<String> closure = new HashSet<>();
    java.util.Deque<String> next = new java.util.ArrayDeque<>(graph.upstream(job));
    while (!next.isEmpty()) {
      String name = next.pop();
      if (closure.add(name)) {
        next.addAll(graph.upstream(graph.job(name)));
      }
    }
    return closure;
  }

  private JobOutcome runOne(JobContext context, Job job) {
    long start = System.nanoTime();
    try {
      JobResult result = job.pureOfDeclaredInputs() ? runUnlessUnchanged(context, job)
          : job.run(context);
      return JobOutcome.succeeded(result.withSeconds((System.nanoTime() - start) / 1e9));
    } catch (CityLakeException e) {
      if (e.exitCode() == io.citylake.quality.QualityGate.EXIT_CODE) {
        LOG.warn("Job {} held the night: {}", job.name(), e.getMessage()); // a verdict, no bug
      } else {
        LOG.error("Job {} failed", job.name(), e);
      }
      return JobOutcome.failed(job.name(), e.getMessage(), (System.nanoTime() - start) / 1e9);
    } catch (Exception e) {
      // Spark throws its checked SparkException from Scala code, hence Exception
      LOG.error("Job {} failed", job.name(), e);
      return JobOutcome.failed(job.name(), "Cannot run " + job.name() + ": " + firstLine(e),
          (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * Runs a job whose outputs depend on its declared inputs alone, unless they are what its
   * outputs were last computed from and its files are intact; then it reports zero rows and
   * {@value #UNCHANGED}.
   */
  private static JobResult runUnlessUnchanged(JobContext context, Job job) {
    LastInputs last = new LastInputs(context);
    Optional<InputVersions> now = InputVersions.of(context, job);
    if (now.isPresent() && now.equals(last.of(job)) && job.filesIntact(context)) {
      return JobResult.of(job.name(), 0, 0, Map.of(UNCHANGED, true));
    }
    JobResult result = job.run(context);
    InputVersions.of(context, job).ifPresent(after -> last.record(job, after));
    return result;
  }

  /** Key of a skipped job's result details: its inputs had not changed. */
  public static final String UNCHANGED = "inputs_unchanged";

  private static String firstLine(Exception e) {
    String text = String.valueOf(e.getMessage());
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
