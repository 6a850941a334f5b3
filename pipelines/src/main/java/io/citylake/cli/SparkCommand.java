package io.citylake.cli;

import io.citylake.lake.LakeConfig;
import io.citylake.lake.SparkSessions;
import io.citylake.ops.AbandonedRun;
import io.citylake.ops.LakeLease;
import io.citylake.pipeline.JobOutcome;
import io.citylake.pipeline.RunLedger;
import io.citylake.pipeline.RunRecorder;
import io.citylake.pipeline.RunSummary;
import io.citylake.pipeline.RunVerdict;
import io.citylake.publish.LakeCatalog;
import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/**
 * What the commands that run Spark share: one session per process, progress lines while jobs end,
 * and the closing summary with where the results are.
 */
final class SparkCommand {
  private SparkCommand() {}

  /** A usage error (exit 2, one line) unless the count option {@code name} is at least 1. */
  static void requireAtLeastOne(CommandLine.Model.CommandSpec spec, String name, int value) {
    if (value < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          name + " must be at least 1 (got: " + value + ")");
    }
  }

  /**
   * The session, with the metastore's tables resolving inside {@code config}'s lake: a copied or
   * moved lake, or another lake of the same JVM, never reads the files of the lake its metastore
   * was built for ({@link LakeCatalog}). A lake's first command, whose metastore is new and holds
   * nothing, does not wait for it.
   */
  static SparkSession session(LakeConfig config) {
    SparkSessions.Opened opened = SparkSessions.open(config, SparkSessions.Settings.embedded());
    if (!opened.newMetastore()) {
      new LakeCatalog(opened.spark()).resolveUnder(config);
    }
    return opened.spark();
  }

  /**
   * The session of a run holding {@code lease}; the runs whose stale leases it took over are
   * recorded in the run ledger as killed first (a warning line each), so a run that dies in
   * turn does not lose them.
   */
  static SparkSession session(LakeConfig config, LakeLease lease, PrintWriter out) {
    SparkSession spark = session(config);
    List<AbandonedRun> abandoned = LakeLease.abandoned(lease);
    if (!abandoned.isEmpty()) {
      for (AbandonedRun run : abandoned) {
        out.println("warning: " + RunLedger.killedMessage(run));
      }
      try {
        new RunLedger(spark, config.paths()).recordKilled(abandoned);
      } catch (RuntimeException e) {
        out.println("warning: the killed runs were not recorded in silver.run_ledger: "
            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      }
      out.flush();
    }
    return spark;
  }

  static void progress(PrintWriter out, JobOutcome outcome) {
    out.printf("  %-36s %-9s %6.1fs%n", outcome.job(), outcome.status().name().toLowerCase(),
        outcome.seconds());
    out.flush();
  }

  /**
   * Records the run in the run ledger and prints its summary; returns the exit code: 0, 1 when a
   * job failed, or 4 when the quality gate held gold back.
   */
  static int finish(PrintWriter out, LakeConfig config, SparkSession spark, RunRecorder recorder,
      RunSummary summary) {
    RunVerdict verdict = RunVerdict.of(summary);
    record(out, config, spark, recorder, summary);
    out.println();
    out.print(summary.table());
    out.printf("%nrun %s for %s %s in %.1fs%n", summary.runId(), summary.runDate(),
        switch (verdict.status()) {
          case "succeeded" -> "succeeded";
          case "held" -> "HELD: gold not published, analysts keep the last good gold";
          default -> "FAILED";
        }, summary.seconds());
    out.println("lake:      " + config.lakeRoot());
    out.println("bronze:    " + config.paths().bronze(""));
    scala.Option<String> shared =
        spark.sparkContext().conf().getOption(SparkSessions.METASTORE_URIS);
    if (shared.isDefined()) {
      out.println("metastore: " + shared.get());
    } else {
      config.metastoreDir().ifPresent(dir -> out.println("metastore: " + dir));
    }
    out.flush();
    return verdict.exitCode();
  }

  /**
   * Appends the run to {@code silver.run_ledger}; a ledger that cannot be written is a warning,
   * not a failed night (the night's data are already committed).
   */
  static void record(PrintWriter out, LakeConfig config, SparkSession spark,
      RunRecorder recorder, RunSummary summary) {
    try {
      new RunLedger(spark, config.paths()).record(recorder.finish(summary));
    } catch (RuntimeException e) {
      out.println("warning: the run was not recorded in silver.run_ledger: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }
}
