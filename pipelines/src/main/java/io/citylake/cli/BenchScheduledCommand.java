package io.citylake.cli;

import io.citylake.bench.ScheduledBench;
import io.citylake.lake.CityLakeException;
import io.citylake.pipeline.NightlyPipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code citylake bench scheduled}: the night as Airflow runs it against one nightly process. */
@Command(name = "scheduled", mixinStandardHelpOptions = true,
    description = "Run one night twice on copies of a raw lake, in fresh processes: once as"
        + " 'citylake nightly', once as the Airflow DAG does (one 'citylake run-job' process per"
        + " task of the pipeline graph); prints both wall times and their ratio and writes JSON.")
final class BenchScheduledCommand implements Callable<Integer> {
  @Mixin RawLakeCopyOptions copies;

  @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench-scheduled.json",
      description = "Where to write the JSON result (default: ./bench-scheduled.json).")
  Path json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path source = copies.source("scheduled");
    Path work = copies.workDir("scheduled");
    ScheduledBench.Result result =
        new ScheduledBench(NightlyPipeline.graph(), work).run(source, copies.date);
    TextTable table = new TextTable(List.of("mode", "process", "jobs", "exit", "seconds"));
    for (ScheduledBench.Step step : result.steps()) {
      table.add(List.of(step.mode(), step.task(), step.jobs(), step.exitCode(),
          String.format("%.1f", step.seconds())));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("night %s of %s, each process a fresh JVM (logs in %s)%n%n", copies.date, source,
        work.resolve("logs"));
    out.print(table);
    out.printf("%nnightly %.1fs, scheduled (one process per task) %.1fs: %.2fx%n",
        result.seconds(ScheduledBench.NIGHTLY), result.seconds(ScheduledBench.SCHEDULED),
        result.ratio());
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("day", copies.date.toString());
    document.put("nightly_seconds", result.seconds(ScheduledBench.NIGHTLY));
    document.put("scheduled_seconds", result.seconds(ScheduledBench.SCHEDULED));
    document.put("ratio", result.ratio());
    document.put("steps", result.steps());
    BenchJsonFile.write(json, document, out);
    return result.succeeded() ? 0 : CityLakeException.FAILED;
  }
}
