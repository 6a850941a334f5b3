package io.citylake.cli;

import io.citylake.lake.LakeConfig;
import io.citylake.ops.LakeLease;
import io.citylake.pipeline.RunRecorder;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.NightlyRun;
import io.citylake.pipeline.RawDelivery;
import io.citylake.pipeline.RunSummary;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code citylake nightly}: the whole pipeline for one service day. */
@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = "Run the nightly pipeline (ingest, conform, KPIs, publish) for one service day.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.DONE, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.NOTHING_TO_RUN,
        ExitCodes.HELD, ExitCodes.BUSY})
final class NightlyCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "JST service day to run. Default: the latest dt= partition under raw/.")
  LocalDate date;

  @Option(names = "--parallel", paramLabel = "N",
      description = "Independent jobs run at once (default: ${DEFAULT-VALUE}).")
  int parallel = NightlyRun.DEFAULT_PARALLELISM;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    LakeConfig config = lake.config("run the nightly pipeline");
    try (LakeLease lease = LakeLease.acquire(config, LakeLease.Mode.EXCLUSIVE,
        "citylake nightly")) {
      PrintWriter out = spec.commandLine().getOut();
      SparkSession spark = SparkCommand.session(config, lease, out);
      NightlyRun run = new NightlyRun(spark, config, NightlyPipeline.graph(), parallel);
      LocalDate day = run.resolveDate(Optional.ofNullable(date));
      new RawDelivery(spark.sparkContext().hadoopConfiguration(), config.paths()).require(day);
      out.println("citylake nightly " + day + " on " + config.lakeRoot());
      RunRecorder recorder = new RunRecorder("nightly", o -> SparkCommand.progress(out, o));
      RunSummary summary = run.run(day, job -> true, recorder);
      return SparkCommand.finish(out, config, spark, recorder, summary);
    }
  }
}
