package io.citylake.cli;

import io.citylake.lake.LakeConfig;
import io.citylake.ops.LakeLease;
import io.citylake.pipeline.RunRecorder;
import io.citylake.pipeline.RunSummary;
import io.citylake.pipeline.Backfill;
import io.citylake.pipeline.DayRange;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.NightlyRun;
import io.citylake.pipeline.RawDelivery;
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
 * {@code citylake backfill}: the nightly for each day of a range in one Spark session, oldest
 * first, stopping at the first failed night. The scheduler-free way to catch up a lake.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = "Run the nightly pipeline for each service day from --from to --to (inclusive),"
        + " oldest first; days with nothing delivered are passed over, and the first failed day"
        + " stops the backfill.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:done: every delivered day succeeded",
        "1:a day failed; the days after it were not run",
        ExitCodes.USAGE,
        "3:nothing to run: no day of the range has a raw dt=DAY partition",
        "4:the quality gate held a day's gold back; the days after it were not run",
        ExitCodes.BUSY})
final class BackfillCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD",
      description = "First JST service day.")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD",
      description = "Last JST service day (inclusive).")
  LocalDate to;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    DayRange range = new DayRange(from, to);
    LakeConfig config = lake.config("backfill");
    try (LakeLease lease = LakeLease.acquire(config, LakeLease.Mode.EXCLUSIVE,
        "citylake backfill")) {
      PrintWriter out = spec.commandLine().getOut();
      SparkSession spark = SparkCommand.session(config, lease, out);
      NightlyRun run = new NightlyRun(spark, config, NightlyPipeline.graph());
      RawDelivery delivery = new RawDelivery(spark.sparkContext().hadoopConfiguration(),
          config.paths());
      out.println("citylake backfill " + range + " on " + config.lakeRoot());
      out.flush();
      Backfill backfill = new Backfill(delivery::delivered, day -> {
        RunRecorder recorder = new RunRecorder("backfill", outcome -> { });
        RunSummary summary = run.run(day, job -> true, recorder);
        SparkCommand.record(out, config, spark, recorder, summary);
        return summary;
      });
      Backfill.Result result = backfill.run(range, night -> printNight(out, night));
      printEnd(out, result);
      return result.exitCode();
    }
  }

  private static void printNight(PrintWriter out, Backfill.Night night) {
    String detail = night.summary()
        .map(s -> String.format("%3d jobs %7.1fs  %s", s.outcomes().size(), s.seconds(), s.runId()))
        .orElse("no raw dt=" + night.day() + " partition");
    out.printf("%s  %-14s %s%n", night.day(), night.status().name().toLowerCase(), detail);
    if (night.status() == Backfill.Status.FAILED) {
      night.summary().ifPresent(s -> out.print(s.table()));
    }
    out.flush();
  }

  private static void printEnd(PrintWriter out, Backfill.Result result) {
    List<LocalDate> notRun = result.notRun();
    if (!notRun.isEmpty()) {
      out.println("stopped at " + result.failed().orElseThrow().day() + "; not run: "
          + notRun.get(0) + " .. " + notRun.get(notRun.size() - 1));
    }
    out.flush();
  }
}
