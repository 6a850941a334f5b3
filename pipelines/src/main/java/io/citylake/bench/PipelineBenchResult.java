package io.citylake.bench;

import java.util.List;
import java.util.Optional;

/**
 * Everything {@code citylake bench pipeline} measured: the nights in the order they ran, the
 * maintenance runs between them and, unless skipped, the DuckDB baseline with its mismatches
 * against gold, or why the baseline could not run.
 */
public record PipelineBenchResult(BenchLake lake, List<NightMeasurement> nights,
    List<MaintenanceMeasurement> maintenance, Optional<Baseline> duckdb,
    Optional<String> duckdbError) {

  public PipelineBenchResult {
    nights = List.copyOf(nights);
    maintenance = List.copyOf(maintenance);
  }

  /** The DuckDB run: its wall time, threads, cells computed and where it disagreed with gold. */
  public record Baseline(double seconds, int threads, int cells, int goldCells,
      List<KpiMismatch> mismatches) {
    public Baseline {
      mismatches = List.copyOf(mismatches);
    }
  }

  /** Every night ran and succeeded for every generated day. */
  public boolean allNightsSucceeded() {
    return nights.size() == lake.spec().days()
        && nights.stream().allMatch(NightMeasurement::succeeded);
  }

  /** All nights succeeded and DuckDB (when asked for) ran and gave gold's values. */
  public boolean passed() {
    return allNightsSucceeded() && duckdbError.isEmpty()
        && duckdb.map(d -> d.mismatches().isEmpty()).orElse(true);
  }

  public double nightSeconds() {
    return nights.stream().mapToDouble(NightMeasurement::wallSeconds).sum();
  }

  /** The pipeline's total night seconds over DuckDB's seconds for the same raw files. */
  public Optional<Double> nightsOverDuckDb() {
    return duckdb.map(d -> nightSeconds() / d.seconds());
  }

  /** The last night's wall time over the first's: how a night's cost grows with the lake's age. */
  public Optional<Double> lastOverFirstNight() {
    return nights.size() < 2 ? Optional.empty() : Optional.of(
        nights.get(nights.size() - 1).wallSeconds() / nights.get(0).wallSeconds());
  }
}
