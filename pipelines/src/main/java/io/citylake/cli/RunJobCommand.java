package io.citylake.cli;

import io.citylake.lake.LakeConfig;
import io.citylake.ops.LakeLease;
import io.citylake.pipeline.RunRecorder;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.NightlyRun;
import io.citylake.pipeline.PipelineGraph;
import io.citylake.pipeline.RawDelivery;
import io.citylake.pipeline.RunSummary;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code citylake run-job}: the named jobs of the nightly graph for one day, in one process, through
 * the same runner as {@code nightly}. What each Airflow task calls with the jobs of its stages, so
 * a retry repeats one task, not a night.
 */
@Command(name = "run-job", mixinStandardHelpOptions = true,
    description = "Run jobs of the nightly pipeline (see 'citylake plan') for one service day,"
        + " in dependency order. Their upstream jobs outside the list are not run; the scheduler"
        + " runs them first.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.DONE, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.NOTHING_TO_RUN,
        ExitCodes.HELD, ExitCodes.BUSY})
final class RunJobCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Option(names = "--job", required = true, paramLabel = "NAME",
      description = "Job name as 'citylake plan' prints it, e.g. ingest.transit_taps;"
          + " repeat it to run several jobs in one process.")
  List<String> jobs;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD",
      description = "JST service day to run the job for.")
  LocalDate date;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PipelineGraph graph = NightlyPipeline.graph();
    requireKnownJob(graph);
    LakeConfig config = lake.config("run job " + String.join(", ", jobs));
    // shared: Airflow runs independent stages as parallel run-job processes
    try (LakeLease lease = LakeLease.acquire(config, LakeLease.Mode.SHARED,
        "citylake run-job " + String.join(" ", jobs))) {
      PrintWriter out = spec.commandLine().getOut();
      SparkSession spark = SparkCommand.session(config, lease, out);
      new RawDelivery(spark.sparkContext().hadoopConfiguration(), config.paths()).require(date);
      out.println("citylake run-job " + String.join(" ", jobs) + " " + date + " on "
          + config.lakeRoot());
      RunRecorder recorder = new RunRecorder("run-job", o -> SparkCommand.progress(out, o));
      RunSummary summary = new NightlyRun(spark, config, graph)
          .run(date, candidate -> jobs.contains(candidate.name()), recorder);
      return SparkCommand.finish(out, config, spark, recorder, summary);
    }
  }

  private void requireKnownJob(PipelineGraph graph) {
    for (String job : jobs) {
      if (graph.jobs().stream().noneMatch(candidate -> candidate.name().equals(job))) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "Unknown job '" + job + "'; see 'citylake plan' for the job names");
      }
    }
  }
}
