package io.citylake.pipeline;

import io.citylake.job.Job;
import io.citylake.job.TableRef;
import io.citylake.lake.Layer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline as data: jobs and the edges implied by their declared inputs and outputs (a job
 * depends on the job that writes a table it reads). The runner, {@code plan --json}, the Airflow
 * DAG check and the tests all read this one value.
 */
public final class PipelineGraph {
  private final List<Job> jobs;
  private final Map<String, Job> byName = new LinkedHashMap<>();
  private final Map<TableRef, Job> producers = new HashMap<>();
  private final Map<TableRef, List<Job>> sliceProducers = new HashMap<>();
  private final Optional<String> gate;
  private final Map<String, String> taskOfStage = new HashMap<>();

  public PipelineGraph(List<Job> jobs) {
    this(jobs, Optional.empty());
  }

  public PipelineGraph(List<Job> jobs, Optional<String> gate) {
    this(jobs, gate, Map.of());
  }

  /**
   * A graph in which every job that writes a gold table also waits for the job named
   * {@code gate} (the quality gate): when the gate fails, no gold is written that run.
   * {@code stagesOfTask} names the scheduler's tasks that run several stages in one process
   * ({@link #tasks()}).
   */
  public PipelineGraph(List<Job> jobs, Optional<String> gate,
      Map<String, List<String>> stagesOfTask) {
    this.jobs = List.copyOf(jobs);
    this.gate = gate;
    stagesOfTask.forEach((task, stages) -> stages.forEach(stage -> {
      if (taskOfStage.put(stage, task) != null) {
        throw new IllegalArgumentException("Cannot build pipeline: stage " + stage
            + " in two tasks");
      }
    }));
    for (Job job : this.jobs) {
      if (byName.put(job.name(), job) != null) {
        throw new IllegalArgumentException("Cannot build pipeline: job name twice: " + job.name());
      }
      for (TableRef output : job.outputs()) {
        Job other = producers.put(output, job);
        if (other != null) {
          throw new IllegalArgumentException("Cannot build pipeline: " + output
              + " written by both " + other.name() + " and " + job.name());
        }
        if (output.slice().isPresent()) {
          sliceProducers.computeIfAbsent(output.whole(), t -> new ArrayList<>()).add(job);
        }
      }
    }
    gate.ifPresent(this::job);
    taskOfStage.keySet().stream()
        .filter(stage -> this.jobs.stream().noneMatch(job -> stageOf(job.name()).equals(stage)))
        .findFirst().ifPresent(stage -> {
          throw new IllegalArgumentException("Cannot build pipeline: task "
              + taskOfStage.get(stage) + " names stage " + stage + ", which has no jobs");
        });
    tasks(); // fails on a cycle of jobs, stages or tasks
  }

  public List<Job> jobs() {
    return jobs;
  }

  public Job job(String name) {
    Job job = byName.get(name);
    if (job == null) {
      throw new IllegalArgumentException("Cannot find job: no job named " + name);
    }
    return job;
  }

  /**
   * Names of the jobs whose outputs {@code job} reads, in declaration order; for a job writing
   * gold in a gated graph, the gate first.
   */
  public List<String> upstream(Job job) {
    Set<String> names = new LinkedHashSet<>();
    if (gate.isPresent() && !gate.get().equals(job.name())
        && job.outputs().stream().anyMatch(t -> t.layer() == Layer.GOLD)) {
      names.add(gate.get());
    }
    for (TableRef input : job.inputs()) {
      Job producer = producers.get(input);
      if (producer != null) {
        names.add(producer.name());
      }
      for (Job slicer : sliceProducers.getOrDefault(input, List.of())) {
        names.add(slicer.name());
      }
    }
    return List.copyOf(names);
  }

  /** Jobs in an order where every job comes after its upstream jobs; ties keep declaration order. */
  public List<Job> topologicalOrder() {
    List<Job> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    while (ordered.size() < jobs.size()) {
      boolean progressed = false;
      for (Job job : jobs) {
        if (!done.contains(job.name()) && done.containsAll(upstream(job))) {
          ordered.add(job);
          done.add(job.name());
          progressed = true;
        }
      }
      if (!progressed) {
        throw new IllegalArgumentException("Cannot build pipeline: the jobs form a cycle");
      }
    }
    return ordered;
  }

  /** The jobs of one domain ({@code ingest}, {@code conform}, ...) and the stages they wait for. */
  public record Stage(String name, List<String> jobs, List<String> upstream) {}

  /**
   * One scheduler task: the stages it runs one after another in one process, their jobs in
   * dependency order, and the tasks it waits for.
   */
  public record Task(String name, List<String> stages, List<String> jobs, List<String> upstream) {}

  /** The stage of a job: its name's domain prefix, {@code conform} for {@code conform.transit_taps}. */
  public static String stageOf(String jobName) {
    int dot = jobName.indexOf('.');
    return dot < 0 ? jobName : jobName.substring(0, dot);
  }

  /** The jobs grouped by domain into stages, each after the stages it waits for. */
  public List<Stage> stages() {
    Map<String, List<String>> jobsOf = new LinkedHashMap<>();
    Map<String, Set<String>> upstreamOf = new LinkedHashMap<>();
    for (Job job : topologicalOrder()) {
      String stage = stageOf(job.name());
      jobsOf.computeIfAbsent(stage, s -> new ArrayList<>()).add(job.name());
      Set<String> waits = upstreamOf.computeIfAbsent(stage, s -> new LinkedHashSet<>());
      upstream(job).stream().map(PipelineGraph::stageOf).filter(s -> !s.equals(stage))
          .forEach(waits::add);
    }
    return ordered(upstreamOf, "two stages wait for each other").stream()
        .map(stage -> new Stage(stage, List.copyOf(jobsOf.get(stage)),
            List.copyOf(upstreamOf.get(stage))))
        .toList();
  }

  /**
   * The stages grouped into the scheduler's tasks, each after the tasks it waits for: the unit one
   * Airflow task runs in one process, so a scheduled night pays the JVM and session start once per
   * task, and stages within a task overlap as they do in {@code citylake nightly}. A stage the
   * graph's task grouping does not name is a task of its own. Fails when two tasks wait for each
   * other.
   */
  public List<Task> tasks() {
    Map<String, List<String>> stagesOf = new LinkedHashMap<>();
    Map<String, List<String>> jobsOf = new LinkedHashMap<>();
    Map<String, Set<String>> upstreamOf = new LinkedHashMap<>();
    for (Stage stage : stages()) {
      String task = taskOf(stage.name());
      stagesOf.computeIfAbsent(task, t -> new ArrayList<>()).add(stage.name());
      jobsOf.computeIfAbsent(task, t -> new ArrayList<>()).addAll(stage.jobs());
      Set<String> waits = upstreamOf.computeIfAbsent(task, t -> new LinkedHashSet<>());
      stage.upstream().stream().map(this::taskOf).filter(t -> !t.equals(task))
          .forEach(waits::add);
    }
    return ordered(upstreamOf, "two tasks wait for each other").stream()
        .map(task -> new Task(task, List.copyOf(stagesOf.get(task)),
            List.copyOf(jobsOf.get(task)), List.copyOf(upstreamOf.get(task))))
        .toList();
  }

  private String taskOf(String stage) {
    return taskOfStage.getOrDefault(stage, stage);
  }

  /** The keys of {@code waits}, each after the keys it waits for; ties keep the map's order. */
  private static List<String> ordered(Map<String, Set<String>> waits, String cycle) {
    List<String> ordered = new ArrayList<>();
    while (ordered.size() < waits.size()) {
      boolean progressed = false;
      for (Map.Entry<String, Set<String>> entry : waits.entrySet()) {
        if (!ordered.contains(entry.getKey()) && ordered.containsAll(entry.getValue())) {
          ordered.add(entry.getKey());
          progressed = true;
        }
      }
      if (!progressed) {
        throw new IllegalArgumentException("Cannot build pipeline stages: " + cycle);
      }
    }
    return ordered;
  }

  /** The jobs that must run for {@code selected}: those jobs and everything downstream of them. */
  public Set<String> downstreamOf(Set<String> selected) {
    Set<String> result = new LinkedHashSet<>(selected);
    for (Job job : topologicalOrder()) {
      if (upstream(job).stream().anyMatch(result::contains)) {
        result.add(job.name());
      }
    }
    return result;
  }
}
