package io.citylake.lineage;

import static org.apache.spark.sql.functions.col;

import io.citylake.conform.ConformAccounting;
import io.citylake.gold.GoldOutput;
import io.citylake.gold.GoldTable;
import io.citylake.gold.KpiSource;
import io.citylake.gold.PeriodicKpiJob;
import io.citylake.ingest.IngestLedger;
import io.citylake.job.Job;
import io.citylake.job.TableRef;
import io.citylake.lake.CityLakeException;
import io.citylake.lake.DeltaTables;
import io.citylake.lake.LakePaths;
import io.citylake.lake.Layer;
import io.citylake.lineage.Lineage.GoldWrite;
import io.citylake.lineage.Lineage.RawFileUse;
import io.citylake.lineage.Lineage.SilverDay;
import io.citylake.lineage.Lineage.SilverSource;
import io.citylake.ops.LakeTableHistory;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Answers "where did this figure come from" for a gold KPI table and day from the lake itself:
 * the gold rows' {@code build_run_id} names the KPI run; that run's lineage events name the
 * gold version it wrote and the silver versions it read; silver at that version, filtered by the
 * KPI's own declaration of the days a row affects ({@link KpiSource}, e.g. the activity date of
 * steps reported up to a week late), gives the rows and their {@code _source_file}; the conform
 * accounting names the run that built each delivery day; the ingest ledger fingerprints each
 * file version ({@code _ingested_at} picks the version). Reads the table's rows of one period,
 * one silver scan per source, and small bookkeeping tables; collects one row per file or day.
 */
public final class LineageQuery {
  private final SparkSession spark;
  private final LakePaths paths;
  private final List<Job> jobs;
  private final LineageLog log;

  public LineageQuery(SparkSession spark, LakePaths paths, List<Job> jobs) {
    this.spark = spark;
    this.paths = paths;
    this.jobs = List.copyOf(jobs);
    this.log = new LineageLog(paths.root(), spark.sparkContext().hadoopConfiguration());
  }

  /** The lineage of {@code name}'s rows for {@code day} (default: its newest period). */
  public Lineage trace(String name, Optional<LocalDate> day) {
    String qualified = LakeTableHistory.qualified(name);
    String verb = "trace the lineage of " + qualified;
    TableRef table = goldTable(qualified, verb);
    PeriodicKpiJob kpi = kpiWriting(table, verb);
    GoldOutput output = kpi.publishedOutputs().stream()
        .filter(o -> o.table().name().equals(table.table())).findFirst().orElseThrow();
    String path = paths.gold(table.table());
    if (!DeltaTables.exists(spark, path)) {
      throw CityLakeException.badInput(verb, "no night has written it yet; run 'citylake"
          + " nightly' first", qualified);
    }
    String periodColumn = output.grain().column();
    Dataset<Row> gold = spark.read().format("delta").load(path);
    LocalDate asked = day.orElseGet(() -> newestPeriod(gold, periodColumn, verb, qualified));
    LocalDate period = output.grain().start(asked);
    List<Row> builds = gold.where(col(periodColumn).equalTo(Date.valueOf(period)))
        .groupBy(GoldTable.BUILD_RUN_ID).count().orderBy(GoldTable.BUILD_RUN_ID).collectAsList();
    if (builds.isEmpty()) {
      throw CityLakeException.badInput(verb + " for " + asked, "the table has no rows for that"
          + " day; 'citylake sql \"SELECT DISTINCT " + periodColumn + " FROM " + qualified
          + "\"' lists its days", asked);
    }
    List<GoldWrite> writes = new ArrayList<>();
    for (Row build : builds) {
      RecordedRun run = new RecordedRun(build.getString(0), log.read(build.getString(0)));
      writes.add(new GoldWrite(kpi.name(), run.runId(), build.getLong(1),
          run.written(kpi.name()).getOrDefault(qualified, -1L), run.read(kpi.name())));
    }
    List<SilverSource> silver = new ArrayList<>();
    List<RawFileUse> files = new ArrayList<>();
    for (KpiSource source : kpi.readsFrom()) {
      String silverTable = TableRef.silver(source.table()).toString();
      long version = writes.stream().mapToLong(w -> w.read().getOrDefault(silverTable, -1L))
          .max().orElse(-1);
      silver.add(silverSource(source, version, output, period, files));
    }
    return new Lineage(qualified, asked.toString(), period.toString(),
        builds.stream().mapToLong(r -> r.getLong(1)).sum(), writes, silver, files);
  }

  private static TableRef goldTable(String qualified, String verb) {
    String[] parts = qualified.split("\\.", 2);
    if (!parts[0].equals(Layer.GOLD.directory())) {
      throw CityLakeException.badInput(verb, "name a gold table as gold.T (or T)", qualified);
    }
    return TableRef.gold(parts[1]);
  }

  private PeriodicKpiJob kpiWriting(TableRef table, String verb) {
    Job writer = jobs.stream().filter(j -> j.outputs().contains(table)).findFirst()
        .orElseThrow(() -> CityLakeException.badInput(verb, "no job of the pipeline writes it;"
            + " 'citylake plan' lists every job's tables", table));
    if (!(writer instanceof PeriodicKpiJob kpi)) {
      throw CityLakeException.badInput(verb, writer.name() + " writes it, and lineage by day"
          + " covers the KPI tables of day, month and year periods (such as"
          + " gold.walking_minutes_daily)", table);
    }
    return kpi;
  }

  private static LocalDate newestPeriod(Dataset<Row> gold, String column, String verb,
      String table) {
    Row newest = gold.agg(functions.max(column)).first();
    if (newest.isNullAt(0)) {
      throw CityLakeException.badInput(verb, "the table has no rows", table);
    }
    return newest.getDate(0).toLocalDate();
  }

  /** The source's rows feeding {@code period}, by delivery day and file; adds their files. */
  private SilverSource silverSource(KpiSource source, long version, GoldOutput output,
      LocalDate period, List<RawFileUse> files) {
    org.apache.spark.sql.DataFrameReader reader = spark.read().format("delta");
    Dataset<Row> silver = (version >= 0 ? reader.option("versionAsOf", version) : reader)
        .load(paths.silver(source.table()));
    List<Row> byFile = silver.where(functions.exists(functions.expr(source.affectedDays()),
            d -> output.grain().of(d).equalTo(functions.lit(Date.valueOf(period)))))
        .groupBy("dt", "_source_file", "_ingested_at").count()
        .orderBy("dt", "_source_file", "_ingested_at").collectAsList();
    Job conform = writerOf(TableRef.silver(source.table()));
    // a silver table may be built from several bronze tables (NGSI-LD sensor observations)
    List<String> bronzes = conform.inputs().stream()
        .filter(t -> t.layer() == Layer.BRONZE && t.slice().isEmpty())
        .map(TableRef::table).toList();
    if (bronzes.isEmpty()) {
      bronzes = List.of(source.table());
    }
    String bronze = bronzes.get(0);
    Map<String, Long> rowsByDay = new java.util.TreeMap<>();
    byFile.forEach(r -> rowsByDay.merge(r.getDate(0).toString(), r.getLong(3), Long::sum));
    List<SilverDay> days = new ArrayList<>();
    Map<String, String> conformRuns = conformRuns(source.table());
    for (Map.Entry<String, Long> day : rowsByDay.entrySet()) {
      String runId = conformRuns.getOrDefault(day.getKey(), "");
      RecordedRun run = new RecordedRun(runId, runId.isEmpty() ? List.of() : log.read(runId));
      days.add(new SilverDay(day.getKey(), day.getValue(), runId,
          run.read(conform.name()).getOrDefault(TableRef.bronze(bronze).toString(), -1L),
          run.written(conform.name()).getOrDefault(TableRef.silver(source.table()).toString(),
              -1L)));
    }
    files.addAll(rawFiles(bronzes, source.table(), byFile));
    return new SilverSource(TableRef.silver(source.table()).toString(), version,
        source.affectedDays(), byFile.stream().mapToLong(r -> r.getLong(3)).sum(),
        conform.name(), bronzes.stream().map(t -> TableRef.bronze(t).toString())
            .collect(java.util.stream.Collectors.joining(", ")), days);
  }

  private Job writerOf(TableRef table) {
    return jobs.stream().filter(j -> j.outputs().contains(table)).findFirst().orElseThrow(
        () -> CityLakeException.failed("trace the lineage of " + table, "no job writes it",
            null));
  }

  /** Per delivery day of {@code dataset}, the run that last built its silver rows. */
  private Map<String, String> conformRuns(String dataset) {
    Map<String, String> runs = new HashMap<>();
    String path = paths.silver(ConformAccounting.TABLE);
    if (DeltaTables.exists(spark, path)) {
      spark.read().format("delta").load(path).where(col("dataset").equalTo(dataset))
          .select("dt", "conform_run_id").collectAsList()
          .forEach(r -> runs.put(r.getDate(0).toString(), r.getString(1)));
    }
    return runs;
  }

  /** The ingest ledger's entry of each file version the silver rows came from. */
  private List<RawFileUse> rawFiles(List<String> bronzes, String silverTable,
      List<Row> byFile) {
    Map<String, Row> ledger = new HashMap<>();
    String path = paths.bronze(IngestLedger.TABLE);
    if (DeltaTables.exists(spark, path) && !byFile.isEmpty()) {
      spark.read().format("delta").load(path).where(col("dataset").isin(bronzes.toArray())
              .and(col("source_file").isin(byFile.stream().map(r -> r.getString(1)).distinct()
                  .toArray())))
          .select("source_file", "ingested_at", "source_sha256", "bronze_version", "run_id")
          .collectAsList().forEach(r -> ledger.put(r.getString(0) + "@" + r.get(1), r));
    }
    List<RawFileUse> files = new ArrayList<>();
    for (Row use : byFile) {
      Row entry = ledger.get(use.getString(1) + "@" + use.get(2));
      String ingestJob = writerOf(TableRef.bronze(bronzeOf(use.getString(1), bronzes))).name();
      files.add(new RawFileUse(use.getString(1), use.getDate(0).toString(),
          entry == null ? "" : entry.getString(2), entry == null ? -1 : entry.getLong(3),
          ingestJob, entry == null ? "" : entry.getString(4),
          TableRef.silver(silverTable).toString(), use.getLong(3)));
    }
    return files;
  }

  /** The bronze table (of {@code bronzes}) a raw file is ingested into, by its dataset's path. */
  private static String bronzeOf(String rawFile, List<String> bronzes) {
    return java.util.Arrays.stream(io.citylake.contract.RawDataset.values())
        .filter(d -> rawFile.startsWith(d.rawPath() + "/") && bronzes.contains(d.tableName()))
        .map(io.citylake.contract.RawDataset::tableName).findFirst().orElse(bronzes.get(0));
  }
}
