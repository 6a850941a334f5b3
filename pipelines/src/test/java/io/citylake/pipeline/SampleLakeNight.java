package io.citylake.pipeline;

import io.citylake.lake.LakeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The first night of the committed sample lake, run once per test JVM and shared by the
 * end-to-end test classes: a pipeline run takes minutes on a 2-core machine. Classes that change
 * the lake (late deliveries, re-runs) work on their own copy made with {@link #copyTo}.
 */
public final class SampleLakeNight {
  private static Path lake;
  private static RunSummary summary;

  private SampleLakeNight() {}

  /** The committed {@code sample-lake/} of the checkout under test. */
  public static Path committedSample() {
    return Path.of(System.getProperty("citylake.home", "..")).resolve("sample-lake");
  }

  /** The summary of the shared first night, running it on first use. */
  public static synchronized RunSummary firstNight(SparkSession spark) {
    if (summary == null) {
      try {
        lake = Files.createTempDirectory("citylake-sample-night-");
        copyTree(committedSample().resolve("raw"), lake.resolve("raw"));
        copyTree(committedSample().resolve("reference"), lake.resolve("reference"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      NightlyRun run = new NightlyRun(spark, LakeConfig.local(lake), NightlyPipeline.graph());
      summary = run.run(run.resolveDate(Optional.empty()), job -> true, outcome -> { });
      // per-job times in the test log: where the suite's biggest fixed cost goes
      System.out.printf("sample lake first night (%.1fs):%n%s", summary.seconds(),
          summary.table());
    }
    return summary;
  }

  /**
   * Copies the lake as it was after the first night into {@code target} and points the
   * metastore's tables at the copy, so {@code gold.x} reads the caller's lake.
   */
  public static RunSummary copyTo(SparkSession spark, Path target) {
    RunSummary first = firstNight(spark);
    copyTree(lake, target);
    RunSummary registered = new NightlyRun(spark, LakeConfig.local(target), NightlyPipeline.graph())
        .run(first.runDate(), job -> job.name().equals("publish.register_tables"), o -> { });
    if (!registered.succeeded()) {
      throw new IllegalStateException("Cannot register the copied lake: " + registered.table());
    }
    return first;
  }

  public static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path destination = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
