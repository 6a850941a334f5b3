package io.citylake.bench;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import io.citylake.maintain.LakeMaintenance;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.NightlyRun;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * {@code citylake bench pipeline}: runs the nightly pipeline for each generated day of a
 * {@link BenchLake}, oldest first, in one Spark session (as a backfill would, stopping at the first
 * failed night), measuring each night with {@link NightMeter}, with the lake's maintenance
 * between nights on the operated schedule; then races the {@link DuckDbBaseline} over the same raw
 * files and checks its KPI values against gold's.
 */
public final class PipelineBenchmark {
  /** Nights between two runs of {@code citylake maintain}: the weekly Airflow DAG's schedule. */
  public static final int OPERATED_MAINTENANCE_INTERVAL = 7;

  /** DuckDB's threads: the 2 cores of the machine class the pipeline is tuned for. */
  public static final int DUCKDB_THREADS = 2;

  private final SparkSession spark;
  private final LakeConfig config;
  private final BenchLake lake;

  public PipelineBenchmark(SparkSession spark, LakeConfig config, BenchLake lake) {
    this.spark = spark;
    this.config = config;
    this.lake = lake;
  }

  /**
   * @param withDuckDb false to measure the nights only
   * @param maintenanceInterval nights between two maintenance runs (0: never); none follows the
   *     last night
   * @param progress told of each night as it ends
   */
  public PipelineBenchResult run(boolean withDuckDb, int maintenanceInterval,
      Consumer<NightMeasurement> progress) {
    NightlyRun run = new NightlyRun(spark, config, NightlyPipeline.graph());
    NightMeter meter = new NightMeter(lake.root());
    List<NightMeasurement> nights = new ArrayList<>();
    List<MaintenanceMeasurement> maintenance = new ArrayList<>();
    for (int i = 0; i < lake.spec().days(); i++) {
      LocalDate day = lake.spec().day(i);
      NightMeasurement night = meter.measure(day, d -> run.run(d, job -> true, outcome -> { }));
      nights.add(night);
      progress.accept(night);
      if (!night.succeeded()) {
        break;
      }
      boolean lastNight = i == lake.spec().days() - 1;
      if (maintenanceInterval > 0 && (i + 1) % maintenanceInterval == 0 && !lastNight) {
        maintenance.add(maintain(day));
      }
    }
    if (!withDuckDb) {
      return new PipelineBenchResult(lake, nights, maintenance, Optional.empty(), Optional.empty());
    }
    try {
      return new PipelineBenchResult(lake, nights, maintenance, Optional.of(baseline()),
          Optional.empty());
    } catch (CityLakeException e) {
      // the nights' measurements (maybe an hour of them) are kept and printed; the run fails
      return new PipelineBenchResult(lake, nights, maintenance, Optional.empty(),
          Optional.of(e.getMessage()));
    }
  }

  private MaintenanceMeasurement maintain(LocalDate afterNight) {
    long start = System.nanoTime();
    LakeMaintenance lakeMaintenance = new LakeMaintenance(spark, config.paths());
    List<LakeMaintenance.TableOutcome> outcomes = lakeMaintenance.tables().stream()
        .map(table -> lakeMaintenance.maintain(table, LakeMaintenance.MINIMUM_RETENTION))
        .toList();
    return new MaintenanceMeasurement(afterNight, outcomes.size(),
        (System.nanoTime() - start) / 1e9,
        outcomes.stream().mapToLong(LakeMaintenance.TableOutcome::filesBefore).sum(),
        outcomes.stream().mapToLong(LakeMaintenance.TableOutcome::filesAfter).sum());
  }

  private PipelineBenchResult.Baseline baseline() {
    List<ComparedKpi> kpis = ComparedKpi.all();
    DuckDbBaseline.Result duckdb =
        new DuckDbBaseline(lake.root(), config.minPersonsPerCell(), DUCKDB_THREADS).run(kpis);
    List<KpiCell> gold = new GoldKpiReader(spark, config.paths()).read(kpis);
    return new PipelineBenchResult.Baseline(duckdb.seconds(), duckdb.threads(),
        duckdb.cells().size(), gold.size(), KpiComparison.compare(kpis, gold, duckdb.cells()));
  }
}
