package io.citylake.cli;

import io.citylake.ingest.IngestGtfsFeeds;
import io.citylake.ingest.IngestRawDataset;
import io.citylake.job.Job;
import io.citylake.lake.LakeConfig;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.NightlyRun;
import io.citylake.pipeline.RunSummary;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code citylake ingest}: only the bronze ingest jobs, e.g. to load late files by hand. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Append new and corrected raw files to bronze (all datasets, or one).")
final class IngestCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Ingest partitions up to this service day. Default: the latest under raw/.")
  LocalDate date;

  @Option(names = "--dataset", paramLabel = "NAME",
      description = "Only this dataset, e.g. transit_taps or transit/taps (default: all).")
  String dataset;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Predicate<Job> selected = ingestJobs();
    LakeConfig config = lake.config("ingest");
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = SparkCommand.session(config);
    NightlyRun run = new NightlyRun(spark, config, NightlyPipeline.graph());
    LocalDate day = run.resolveDate(Optional.ofNullable(date));
    RunSummary summary = run.run(day, selected, o -> SparkCommand.progress(out, o));
    return SparkCommand.finish(out, config, summary);
  }

  private Predicate<Job> ingestJobs() {
    Predicate<Job> ingest = job -> job instanceof IngestRawDataset || job instanceof IngestGtfsFeeds;
    if (dataset == null) {
      return ingest;
    }
    String wanted = "ingest." + dataset.replace('/', '_');
    boolean known = NightlyPipeline.graph().jobs().stream()
        .anyMatch(job -> ingest.test(job) && job.name().equals(wanted));
    if (!known) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Unknown dataset '" + dataset + "'; see 'citylake plan' for the ingest jobs");
    }
    return job -> job.name().equals(wanted);
  }
}
