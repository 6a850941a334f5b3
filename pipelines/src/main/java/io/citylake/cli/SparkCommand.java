package io.citylake.cli;

import io.citylake.lake.LakeConfig;
import io.citylake.lake.SparkSessions;
import io.citylake.pipeline.JobOutcome;
import io.citylake.publish.LakeCatalog;
import io.citylake.pipeline.RunSummary;
import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;

/**
 * What the commands that run Spark share: one session per process, progress lines while jobs end,
 * and the closing summary with where the results are.
 */
final class SparkCommand {
  private SparkCommand() {}

  /**
   * The session, with the metastore's tables resolving inside {@code config}'s lake: a copied or
   * moved lake, or another lake of the same JVM, never reads the files of the lake its metastore
   * was built for ({@link LakeCatalog}).
   */
  static SparkSession session(LakeConfig config) {
    SparkSession spark = SparkSessions.create(config, SparkSessions.Settings.embedded());
    new LakeCatalog(spark).resolveUnder(config);
    return spark;
  }

  static void progress(PrintWriter out, JobOutcome outcome) {
    out.printf("  %-36s %-9s %6.1fs%n", outcome.job(), outcome.status().name().toLowerCase(),
        outcome.seconds());
    out.flush();
  }

  static int finish(PrintWriter out, LakeConfig config, RunSummary summary) {
    out.println();
    out.print(summary.table());
    out.printf("%nrun %s for %s %s in %.1fs%n", summary.runId(), summary.runDate(),
        summary.succeeded() ? "succeeded" : "FAILED", summary.seconds());
    out.println("lake:      " + config.lakeRoot());
    out.println("bronze:    " + config.paths().bronze(""));
    config.metastoreDir().ifPresent(dir -> out.println("metastore: " + dir));
    out.flush();
    return summary.succeeded() ? 0 : io.citylake.lake.CityLakeException.FAILED;
  }
}
