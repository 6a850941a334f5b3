package io.citylake.cli;

import io.citylake.bench.BenchLake;
import io.citylake.bench.KpiMismatch;
import io.citylake.bench.NightMeasurement;
import io.citylake.bench.PipelineBenchJson;
import io.citylake.bench.PipelineBenchResult;
import io.citylake.bench.PipelineBenchmark;
import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import io.citylake.sample.SampleSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code citylake bench pipeline}: every night of a generated lake measured (wall time, raw lines
 * per second, peak heap, seconds per stage, Delta commits and files written), then the same KPIs
 * from the same raw files in DuckDB, which must give gold's values. Prints a table, writes JSON.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Generate a raw lake, run the nightly pipeline for each of its days (oldest"
        + " first, one Spark session) measuring each night, then recompute the gold KPIs from the"
        + " same raw files in DuckDB and compare; prints a table and writes JSON.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:every night succeeded and DuckDB gave gold's values",
        "1:a night failed or a KPI value differs between DuckDB and gold", ExitCodes.USAGE})
final class BenchPipelineCommand implements Callable<Integer> {
  @Option(names = "--persons", required = true, paramLabel = "N",
      description = "Persons in the generated panel (at least 30).")
  int persons;

  @Option(names = "--days", required = true, paramLabel = "D",
      description = "Generated days, each run as one night (1 to 366).")
  int days;

  @Option(names = "--seed", paramLabel = "S", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed = SampleSpec.defaults().seed();

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Lake folder: empty or new, or the folder of an earlier run with the same"
          + " --persons, --days and --seed, whose raw files are reused (default: a new temporary"
          + " folder).")
  Path dir;

  @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench-pipeline.json",
      description = "Where to write the JSON result (default: ./bench-pipeline.json).")
  Path json;

  @Option(names = "--skip-duckdb", description = "Measure the nights only.")
  boolean skipDuckDb;

  @Option(names = "--maintain-every", paramLabel = "N",
      description = "Run 'citylake maintain' (OPTIMIZE and VACUUM of every table) after every N-th"
          + " night, outside the nights' times, as the weekly Airflow DAG does; 0 never (default:"
          + " ${DEFAULT-VALUE}).")
  int maintainEvery = PipelineBenchmark.OPERATED_MAINTENANCE_INTERVAL;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (persons < 30 || days < 1 || days > 366) {
      throw CityLakeException.badInput("run the pipeline benchmark", "--persons must be at least"
          + " 30 and --days between 1 and 366", persons + " persons, " + days + " days");
    }
    if (maintainEvery < 0) {
      throw CityLakeException.badInput("run the pipeline benchmark",
          "--maintain-every must be 0 (never) or a number of nights", String.valueOf(maintainEvery));
    }
    SampleSpec sample = new SampleSpec(seed, persons, SampleSpec.defaults().firstDay(), days);
    BenchLake lake = BenchLake.prepare(
        dir != null ? dir : Files.createTempDirectory("citylake-bench-pipeline-"), sample);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("citylake bench pipeline: %,d persons x %d days, seed %d, lake %s (%s)%n",
        persons, days, seed, lake.root(), lake.reused() ? "raw files reused" : "generated");
    out.flush();
    LakeConfig config = LakeConfig.local(lake.root());
    PipelineBenchResult result = new PipelineBenchmark(SparkCommand.session(config), config, lake)
        .run(!skipDuckDb, maintainEvery, night -> progress(out, night));
    print(out, result);
    BenchJsonFile.write(json, PipelineBenchJson.document(result), out);
    return result.passed() ? 0 : CityLakeException.FAILED;
  }

  private static void progress(PrintWriter out, NightMeasurement night) {
    out.printf("  night %s %s in %.1fs%n", night.day(), night.succeeded() ? "succeeded"
        : "FAILED (" + night.failedJobs() + " jobs failed or skipped)", night.wallSeconds());
    out.flush();
  }

  private static void print(PrintWriter out, PipelineBenchResult result) {
    List<String> header = new ArrayList<>(List.of("night", "wall_s", "raw_lines", "lines/s",
        "peak_heap_mb"));
    NightMeasurement.STAGES.forEach(stage -> header.add(stage + "_s"));
    header.addAll(List.of("commits", "files"));
    TextTable table = new TextTable(header);
    for (NightMeasurement night : result.nights()) {
      List<Object> row = new ArrayList<>(List.of(night.day(),
          String.format("%.1f", night.wallSeconds()), String.format("%,d", night.rawLines()),
          String.format("%,.0f", night.linesPerSecond()),
          String.format("%,d", night.peakHeapBytes() >> 20)));
      NightMeasurement.STAGES.forEach(stage -> row.add(
          String.format("%.1f", night.stageSeconds().getOrDefault(stage, 0.0))));
      row.addAll(List.of(night.deltaCommits(), night.dataFiles()));
      table.add(row);
    }
    out.println();
    out.print(table);
    out.println("(stage seconds are summed job seconds; jobs overlap, so they can exceed wall_s)");
    printSuppression(out, result.nights());
    result.maintenance().forEach(run -> out.printf(
        "maintenance after %s: %.1fs, %d tables, %,d active files -> %,d%n", run.afterNight(),
        run.seconds(), run.tables(), run.activeFilesBefore(), run.activeFilesAfter()));
    out.printf("%nnights: %.1fs in all", result.nightSeconds());
    result.lastOverFirstNight().ifPresent(r -> out.printf("; last night / first night: %.2fx", r));
    out.println();
    result.duckdbError().ifPresent(error -> out.println("duckdb:  FAILED: " + error));
    result.duckdb().ifPresent(duckdb -> {
      out.printf("duckdb:  %.1fs for all %d days' raw files (%d threads, in-process)%n",
          duckdb.seconds(), result.lake().spec().days(), duckdb.threads());
      out.printf("citylake night seconds / duckdb seconds: %.1fx%n",
          result.nightsOverDuckDb().orElseThrow());
      printComparison(out, duckdb);
    });
  }

  /**
   * Per gold table, the cells each night suppressed below k (primary; counted for tables in a
   * declared relation) and as complements (secondary).
   */
  private static void printSuppression(PrintWriter out, List<NightMeasurement> nights) {
    java.util.SortedSet<String> tables = new java.util.TreeSet<>();
    nights.forEach(n -> {
      tables.addAll(n.primarySuppressed().keySet());
      tables.addAll(n.secondarySuppressed().keySet());
    });
    if (tables.isEmpty()) {
      return;
    }
    List<String> header = new ArrayList<>(List.of("gold table"));
    nights.forEach(n -> header.addAll(List.of(n.day() + " primary", n.day() + " secondary")));
    TextTable table = new TextTable(header);
    for (String name : tables) {
      List<Object> row = new ArrayList<>(List.of(name));
      nights.forEach(n -> {
        Long primary = n.primarySuppressed().get(name);
        row.add(primary == null ? "-" : primary);
        row.add(n.secondarySuppressed().getOrDefault(name, 0L));
      });
      table.add(row);
    }
    out.println();
    out.println("suppressed cells per night (primary: below k; secondary: complements)");
    out.print(table);
  }

  private static void printComparison(PrintWriter out, PipelineBenchResult.Baseline duckdb) {
    if (duckdb.mismatches().isEmpty()) {
      out.printf("duckdb vs gold: all %d KPI cells equal (%d in gold)%n", duckdb.cells(),
          duckdb.goldCells());
      return;
    }
    out.printf("duckdb vs gold: %d MISMATCHES over %d DuckDB / %d gold cells%n",
        duckdb.mismatches().size(), duckdb.cells(), duckdb.goldCells());
    duckdb.mismatches().stream().limit(20).map(KpiMismatch::toString)
        .forEach(m -> out.println("  " + m));
    if (duckdb.mismatches().size() > 20) {
      out.println("  ... (all of them in the JSON)");
    }
  }
}
