package io.citylake.bench;

import io.citylake.pipeline.PipelineGraph;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code citylake bench scheduled}: one night run twice on two copies of the same raw lake, each
 * in fresh JVMs as a scheduler would start them: once as one {@code citylake nightly} process,
 * once the way the Airflow DAG runs it, one {@code citylake run-job} process per task of the
 * pipeline graph, tasks in order (the embedded metastore admits one process at a time). The ratio
 * is what one process per task costs on top of the night.
 */
public final class ScheduledBench {
  /** One child process: what it ran, its exit code and wall time (JVM start included). */
  public record Step(String mode, String task, int jobs, int exitCode, double seconds) {}

  /** Both ways of running the night. */
  public record Result(LocalDate day, List<Step> steps) {
    public double seconds(String mode) {
      return steps.stream().filter(s -> s.mode().equals(mode)).mapToDouble(Step::seconds).sum();
    }

    public double ratio() {
      return seconds(SCHEDULED) / seconds(NIGHTLY);
    }

    public boolean succeeded() {
      return steps.stream().allMatch(s -> s.exitCode() == 0);
    }
  }

  public static final String NIGHTLY = "nightly";
  public static final String SCHEDULED = "scheduled";

  private final PipelineGraph graph;
  private final Path workDir;

  public ScheduledBench(PipelineGraph graph, Path workDir) {
    this.graph = graph;
    this.workDir = workDir;
  }

  /** Runs the night of {@code day} both ways on copies of {@code rawLake}'s raw/ and reference/. */
  public Result run(Path rawLake, LocalDate day) throws IOException, InterruptedException {
    Path nightlyLake = RawLakeCopy.of(rawLake, workDir.resolve("nightly"), "scheduled");
    Path scheduledLake = RawLakeCopy.of(rawLake, workDir.resolve("scheduled"), "scheduled");
    List<Step> steps = new ArrayList<>();
    steps.add(runCli(NIGHTLY, "nightly", graph.jobs().size(),
        List.of("nightly", "--date", day.toString(), "--lake", nightlyLake.toString())));
    for (PipelineGraph.Task task : graph.tasks()) {
      List<String> args = new ArrayList<>(List.of("run-job"));
      task.jobs().forEach(job -> args.addAll(List.of("--job", job)));
      args.addAll(List.of("--date", day.toString(), "--lake", scheduledLake.toString()));
      Step step = runCli(SCHEDULED, task.name(), task.jobs().size(), args);
      steps.add(step);
      if (step.exitCode() != 0) {
        break; // Airflow would not start the downstream tasks either
      }
    }
    return new Result(day, steps);
  }

  private Step runCli(String mode, String task, int jobs, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "io.citylake.cli.CityLakeCli"));
    command.addAll(args);
    Path log = workDir.resolve("logs").resolve(mode + "-" + task + ".log");
    Files.createDirectories(log.getParent());
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    return new Step(mode, task, jobs, exit, (System.nanoTime() - start) / 1e9);
  }
}
