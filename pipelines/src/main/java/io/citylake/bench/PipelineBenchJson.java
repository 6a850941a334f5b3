package io.citylake.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of {@code citylake bench pipeline} ({@code bench-pipeline.json}): the spec,
 * every night's measurements, the DuckDB baseline and the comparison with gold, in snake_case keys
 * for the notebooks and {@code docs/performance.md} to read. At most {@link #MAX_MISMATCHES}
 * mismatches are listed; their count is always complete.
 */
public final class PipelineBenchJson {
  static final int MAX_MISMATCHES = 1000;

  private PipelineBenchJson() {}

  public static Map<String, Object> document(PipelineBenchResult result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("benchmark", "pipeline");
    doc.put("persons", result.lake().spec().persons());
    doc.put("days", result.lake().spec().days());
    doc.put("seed", result.lake().spec().seed());
    doc.put("first_day", result.lake().spec().firstDay().toString());
    doc.put("lake", result.lake().root().toString());
    doc.put("lake_reused", result.lake().reused());
    doc.put("nights", result.nights().stream().map(PipelineBenchJson::night).toList());
    doc.put("maintenance", result.maintenance().stream().map(PipelineBenchJson::maintenance)
        .toList());
    doc.put("night_seconds_total", result.nightSeconds());
    doc.put("last_over_first_night", result.lastOverFirstNight().orElse(null));
    doc.put("duckdb", result.duckdb().map(PipelineBenchJson::baseline).orElse(null));
    doc.put("duckdb_error", result.duckdbError().orElse(null));
    doc.put("nights_over_duckdb", result.nightsOverDuckDb().orElse(null));
    doc.put("same_answer", result.duckdb().map(d -> d.mismatches().isEmpty()).orElse(null));
    doc.put("passed", result.passed());
    return doc;
  }

  /** One night's measurements, as {@code bench pipeline} and {@code bench warm} write them. */
  public static Map<String, Object> night(NightMeasurement night) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("day", night.day().toString());
    doc.put("run_id", night.runId());
    doc.put("succeeded", night.succeeded());
    doc.put("jobs", night.jobs());
    doc.put("failed_jobs", night.failedJobs());
    doc.put("wall_seconds", night.wallSeconds());
    doc.put("raw_lines", night.rawLines());
    doc.put("raw_lines_per_second", night.linesPerSecond());
    doc.put("peak_heap_bytes", night.peakHeapBytes());
    doc.put("stage_seconds", night.stageSeconds());
    doc.put("delta_commits", night.deltaCommits());
    doc.put("data_files", night.dataFiles());
    doc.put("primary_suppressed_cells", new java.util.TreeMap<>(night.primarySuppressed()));
    doc.put("secondary_suppressed_cells", new java.util.TreeMap<>(night.secondarySuppressed()));
    return doc;
  }

  private static Map<String, Object> maintenance(MaintenanceMeasurement run) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("after_night", run.afterNight().toString());
    doc.put("tables", run.tables());
    doc.put("seconds", run.seconds());
    doc.put("active_files_before", run.activeFilesBefore());
    doc.put("active_files_after", run.activeFilesAfter());
    return doc;
  }

  private static Map<String, Object> baseline(PipelineBenchResult.Baseline duckdb) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("engine", "duckdb (in-process, SQL: io/citylake/bench/" + DuckDbBaseline.SCRIPT + ")");
    doc.put("seconds", duckdb.seconds());
    doc.put("threads", duckdb.threads());
    doc.put("kpi_tables", ComparedKpi.all().stream().map(ComparedKpi::table).toList());
    doc.put("relative_tolerance", ComparedKpi.RELATIVE_TOLERANCE);
    doc.put("cells", duckdb.cells());
    doc.put("gold_cells", duckdb.goldCells());
    doc.put("mismatch_count", duckdb.mismatches().size());
    List<KpiMismatch> shown = duckdb.mismatches().subList(0,
        Math.min(MAX_MISMATCHES, duckdb.mismatches().size()));
    doc.put("mismatches", shown.stream().map(PipelineBenchJson::mismatch).toList());
    return doc;
  }

  private static Map<String, Object> mismatch(KpiMismatch m) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("table", m.table());
    doc.put("municipality", m.municipality());
    doc.put("period", m.period().toString());
    doc.put("column", m.column());
    doc.put("gold", m.gold());
    doc.put("duckdb", m.duckdb());
    return doc;
  }
}
