package io.citylake.pipeline;

import io.citylake.conform.ConformDataset;
import io.citylake.conform.Conformer;
import io.citylake.conform.LoadReference;
import io.citylake.conform.datasets.DatasetConformers;
import io.citylake.conform.gtfs.ConformGtfs;
import io.citylake.contract.RawDataset;
import io.citylake.ingest.IngestGtfsFeeds;
import io.citylake.ingest.IngestRawDataset;
import io.citylake.job.Job;
import io.citylake.job.TableRef;
import io.citylake.kpi.KpiJobs;
import io.citylake.lake.Layer;
import io.citylake.publish.RegisterTables;
import io.citylake.quality.QualityGate;
import io.citylake.report.KpiReportJob;
import io.citylake.spatial.SpatialJobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nightly pipeline's definition: every job citylake runs, in declaration order. New jobs are
 * added here and nowhere else; the CLI, the DAG check and the tests read {@link #graph()}. Every
 * job that writes gold waits for the {@link QualityGate}, which holds gold back for a bad night.
 */
public final class NightlyPipeline {
  /**
   * The scheduler's tasks, each a run of stages in one process: silver (bronze and silver, ending
   * with the quality gate), gold (KPIs and spatial aggregates) and publish (tables registered,
   * the report). A process per stage paid six JVM and Spark starts and their JIT warm-up a night,
   * and lost the overlap {@code citylake nightly} has between kpi and spatial and between publish
   * and report: the scheduled night took 1.7-2.2x the nightly's time.
   */
  static final Map<String, List<String>> TASKS = Map.of(
      "silver", List.of("ingest", "conform"),
      "gold", List.of("kpi", "spatial"),
      "publish", List.of("publish", "report"));

  private NightlyPipeline() {}

  public static PipelineGraph graph() {
    List<Job> jobs = new ArrayList<>();
    for (RawDataset dataset : RawDataset.values()) {
      jobs.add(new IngestRawDataset(dataset));
    }
    jobs.add(new IngestGtfsFeeds());
    jobs.add(new ConformGtfs());
    jobs.add(new LoadReference());
    for (Conformer conformer : DatasetConformers.all()) {
      jobs.add(new ConformDataset(conformer));
    }
    jobs.add(new QualityGate());
    jobs.addAll(KpiJobs.all());
    jobs.addAll(SpatialJobs.all());
    jobs.add(new RegisterTables(publishedTables(jobs)));
    jobs.add(new KpiReportJob(List.copyOf(jobs)));
    return new PipelineGraph(jobs, Optional.of(QualityGate.NAME), TASKS);
  }

  /**
   * Every table a job writes into bronze, the quarantine zone, silver or gold, and the run ledger (which the CLI
   * writes after each run): what the catalog publishes.
   */
  private static List<TableRef> publishedTables(List<Job> jobs) {
    return java.util.stream.Stream.concat(
            jobs.stream().flatMap(job -> job.outputs().stream()).map(TableRef::whole),
            java.util.stream.Stream.of(TableRef.silver(RunLedger.TABLE)))
        .distinct()
        .filter(t -> Layer.TABLE_LAYERS.contains(t.layer()))
        .toList();
  }
}
