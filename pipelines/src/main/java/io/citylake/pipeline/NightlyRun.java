package io.citylake.pipeline;

import io.citylake.conform.ConformDataset;
import io.citylake.conform.ConformFunctions;
import io.citylake.conform.PseudonymKey;
import io.citylake.conform.Quarantine;
import io.citylake.ingest.RawPartitions;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.lake.CityLakeException;
import io.citylake.lake.ExpressionEvaluation;
import io.citylake.lake.QueryPlanning;
import io.citylake.lake.LakeConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.spark.sql.SparkSession;

/**
 * One run of (part of) the nightly pipeline for one service day: resolves the day, names the run
 * and hands the jobs to the {@link PipelineRunner}. Shared by the CLI, backfills and tests.
 */
public final class NightlyRun {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final LakeConfig config;
  private final PipelineGraph graph;
  private final int parallelism;

  /** A run with {@link #DEFAULT_PARALLELISM} jobs at a time. */
  public NightlyRun(SparkSession spark, LakeConfig config, PipelineGraph graph) {
    this(spark, config, graph, DEFAULT_PARALLELISM);
  }

  public NightlyRun(SparkSession spark, LakeConfig config, PipelineGraph graph, int parallelism) {
    this.spark = spark;
    this.config = config;
    this.graph = graph;
    this.parallelism = parallelism;
  }

  /** Independent jobs run at once: small jobs are mostly driver-side work that overlaps. */
  public static final int DEFAULT_PARALLELISM = 2;

  /** The given day, or the latest day delivered under {@code raw/}. */
  public LocalDate resolveDate(Optional<LocalDate> requested) {
    if (requested.isPresent()) {
      return requested.get();
    }
    return RawPartitions.latestDay(spark.sparkContext().hadoopConfiguration(), config.paths())
        .orElseThrow(() -> CityLakeException.badInput(
            "pick the night to run", "no dt=YYYY-MM-DD partitions under raw/; pass --date",
            config.paths().raw()));
  }

  public RunSummary run(LocalDate date, Predicate<Job> selected, Consumer<JobOutcome> progress) {
    Instant started = Instant.now();
    String runId = "run-" + date + "-" + STAMP.format(started);
    JobContext context = new JobContext(spark, config, date, runId, started);
    if (graph.jobs().stream().filter(selected).anyMatch(job -> job instanceof ConformDataset)) {
      // fail before any job runs when a real lake has no pseudonym key
      ConformFunctions.register(spark, PseudonymKey.resolve(
          config, System.getenv(), spark.sparkContext().hadoopConfiguration()));
    }
    // a lake written before the quarantine had its own zone keeps it in bronze until now
    Quarantine.moveOutOfBronze(spark, config.paths());
    long dayTextBytes = RawPartitions.dayTextBytes(
        spark.sparkContext().hadoopConfiguration(), config.paths(), date);
    ExpressionEvaluation.forDayText(dayTextBytes).applyTo(spark);
    QueryPlanning.forDayText(dayTextBytes).applyTo(spark);
    return new PipelineRunner(graph, parallelism).run(context, selected, progress);
  }
}
