package io.citylake.cli;

import io.citylake.conform.gtfs.ConformGtfs;
import io.citylake.ingest.GtfsFeedDelivery;
import io.citylake.ingest.IngestGtfsFeeds;
import io.citylake.contract.RawDataset;
import io.citylake.ingest.IngestRawDataset;
import io.citylake.ingest.NgsiLdDelivery;
import io.citylake.job.Job;
import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import io.citylake.ops.LakeLease;
import io.citylake.pipeline.RunRecorder;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.NightlyRun;
import io.citylake.pipeline.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code citylake ingest}: only the bronze ingest jobs, e.g. to load late files by hand; with
 * {@code --gtfs}, delivers one GTFS feed and rebuilds the silver GTFS tables from it; with
 * {@code --ngsi-ld}, stages an export of the city's context broker and ingests it.
 */
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

  @Option(names = "--gtfs", paramLabel = "DIR|ZIP",
      description = "Load this static GTFS feed (a folder of .txt files or a .zip) into"
          + " raw/transit/gtfs/<feed id>/, replacing its files, then ingest it and rebuild the"
          + " silver GTFS tables. Needs --feed-id; --date is then the ingest day (default: today"
          + " in Japan).")
  Path gtfs;

  @Option(names = "--feed-id", paramLabel = "ID",
      description = "Feed id for --gtfs: the folder name under raw/transit/gtfs ([A-Za-z0-9._-]+).")
  String feedId;

  @Option(names = "--ngsi-ld", paramLabel = "FILE|DIR",
      description = "Stage this NGSI-LD export (a .jsonld, .json or .jsonl file, plain or"
          + " gzip, or a folder of them) into raw/sensors/ngsi_ld/dt=<day>/, replacing files of"
          + " the same name, then ingest it; --date is the delivery day (default: today in"
          + " Japan).")
  Path ngsiLd;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (gtfs != null || feedId != null) {
      return loadGtfsFeed();
    }
    if (ngsiLd != null) {
      return stageNgsiLd();
    }
    // the dataset is checked before the lake: a misspelt name must not seed ./lake first
    Predicate<Job> jobs = ingestJobs();
    return runJobs(lake.config("ingest"), Optional.ofNullable(date), jobs);
  }

  /** Runs the {@code selected} jobs for {@code day} (default: the latest delivered) under the lease. */
  private Integer runJobs(LakeConfig config, Optional<LocalDate> day, Predicate<Job> selected) {
    try (LakeLease lease = LakeLease.acquire(config, LakeLease.Mode.SHARED, "citylake ingest")) {
      PrintWriter out = spec.commandLine().getOut();
      SparkSession spark = SparkCommand.session(config, lease, out);
      NightlyRun run = new NightlyRun(spark, config, NightlyPipeline.graph());
      RunRecorder recorder = new RunRecorder("ingest", o -> SparkCommand.progress(out, o));
      RunSummary summary = run.run(run.resolveDate(day), selected, recorder);
      return SparkCommand.finish(out, config, spark, recorder, summary);
    }
  }

  /** Delivers one GTFS feed into raw/, then runs only its bronze ingest and silver conform jobs. */
  private Integer loadGtfsFeed() {
    if (gtfs == null || feedId == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--gtfs and --feed-id must be given together");
    }
    if (dataset != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--gtfs cannot be combined with --dataset");
    }
    GtfsFeedDelivery.validate(gtfs, feedId);
    LakeConfig config = lake.config("ingest");
    if (!"file".equals(config.lakeRoot().getScheme())) {
      throw CityLakeException.badInput("load GTFS feed", "--gtfs needs a lake on the local disk;"
          + " copy the feed to raw/transit/gtfs/<feed id>/ and run ingest", config.lakeRoot());
    }
    Path rawGtfs = Path.of(config.lakeRoot()).resolve("raw/transit/gtfs");
    GtfsFeedDelivery.Delivered delivered = GtfsFeedDelivery.deliver(gtfs, feedId, rawGtfs);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("delivered %d files of feed %s to %s%n", delivered.files().size(), feedId,
        delivered.folder());
    Set<String> jobs = Set.of(new IngestGtfsFeeds().name(), new ConformGtfs().name());
    return runJobs(config, Optional.of(deliveryDay()), job -> jobs.contains(job.name()));
  }

  /** The day a delivery by hand belongs to: --date, or today in Japan. */
  private LocalDate deliveryDay() {
    return date != null ? date : LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  /** Stages an NGSI-LD export into raw/, then runs only its bronze ingest. */
  private Integer stageNgsiLd() {
    if (dataset != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--ngsi-ld cannot be combined with --dataset");
    }
    LakeConfig config = lake.config("ingest");
    if (!"file".equals(config.lakeRoot().getScheme())) {
      throw CityLakeException.badInput("stage NGSI-LD export", "--ngsi-ld needs a lake on the"
          + " local disk; copy the export to raw/sensors/ngsi_ld/dt=<day>/ and run ingest",
          config.lakeRoot());
    }
    java.util.List<Path> staged =
        NgsiLdDelivery.deliver(ngsiLd, Path.of(config.lakeRoot()), deliveryDay());
    spec.commandLine().getOut().printf("staged %d NGSI-LD file(s) into %s%n", staged.size(),
        staged.get(0).getParent());
    String job = new IngestRawDataset(RawDataset.SENSOR_NGSI_LD).name();
    return runJobs(config, Optional.of(deliveryDay()), j -> j.name().equals(job));
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
