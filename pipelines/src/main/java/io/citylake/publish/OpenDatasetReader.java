package io.citylake.publish;

import static org.apache.spark.sql.functions.col;

import io.citylake.conform.Quarantine;
import io.citylake.job.Job;
import io.citylake.job.TableRef;
import io.citylake.lake.CityLakeException;
import io.citylake.lake.DeltaTables;
import io.citylake.lake.LakeConfig;
import io.citylake.lake.Layer;
import io.citylake.pipeline.PipelineGraph;
import io.citylake.privacy.GoldRelations;
import io.citylake.report.Lang;
import io.citylake.report.Messages;
import io.citylake.spatial.SpatialTable;
import io.citylake.spatial.SpatialTables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads what the catalogue says about each published gold table from the lake itself — the
 * table comment Delta keeps (the data dictionary's text), the municipalities and days its rows
 * cover, its newest data commit — and writes its open exports with {@link GeoExport} into the
 * catalogue's folder, so every download link names a file that exists. Published means cleared
 * by {@link GoldRelations} and written by the pipeline; silver and bronze are never read here.
 */
public final class OpenDatasetReader {
  /** Period columns, in the order a table's coverage in time is read from. */
  private static final List<String> PERIOD_COLUMNS =
      List.of("dt", "hour_start", "month", "survey_date", "counted_at", "year");
  private static final String MUNICIPALITY = "municipality";
  /**
   * Tables jobs read to know what changed or whether to run, not for the rows they publish:
   * lineage through them would credit every source of the lake to every table.
   */
  private static final Set<String> BOOKKEEPING = Set.of("conform_accounting", "ingest_ledger",
      "dq_results", Quarantine.TABLE, "quality_gate", "kpi_watermarks", "run_ledger");

  private final SparkSession spark;
  private final LakeConfig config;
  private final PipelineGraph graph;

  public OpenDatasetReader(SparkSession spark, LakeConfig config, PipelineGraph graph) {
    this.spark = spark;
    this.config = config;
    this.graph = graph;
  }

  /** The gold tables the pipeline writes and {@link GoldRelations} clears, by name. */
  public List<String> publishedTables() {
    Set<String> written = graph.jobs().stream().flatMap(j -> j.outputs().stream())
        .filter(t -> t.layer() == Layer.GOLD).map(TableRef::table).collect(Collectors.toSet());
    return GoldRelations.publishedTables().stream().filter(written::contains).toList();
  }

  /** Every published table this lake has, with its exports written into {@code outDir}. */
  public List<OpenDataset> read(CatalogSettings settings) {
    List<String> tables = publishedTables().stream()
        .filter(t -> DeltaTables.exists(spark, config.paths().gold(t))).toList();
    if (tables.isEmpty()) {
      throw CityLakeException.badInput("write the open-data catalogue",
          "the lake has no published gold tables; run 'citylake nightly' first",
          config.lakeRoot());
    }
    Map<String, Municipality> municipalities = municipalities();
    GeoExport export = new GeoExport(spark, config);
    List<OpenDataset> datasets = new ArrayList<>();
    for (String table : tables) {
      datasets.add(dataset(table, municipalities, export, settings));
    }
    return datasets;
  }

  private OpenDataset dataset(String table, Map<String, Municipality> known, GeoExport export,
      CatalogSettings settings) {
    String path = config.paths().gold(table);
    // read once for the coverage and every export (each read is a scan of the Delta log's files)
    Dataset<Row> rows = spark.read().format("delta").load(path).cache();
    try {
      return dataset(table, path, rows, known, export, settings);
    } finally {
      rows.unpersist();
    }
  }

  private OpenDataset dataset(String table, String path, Dataset<Row> rows,
      Map<String, Municipality> known, GeoExport export, CatalogSettings settings) {
    List<String> columns = Arrays.asList(rows.columns());
    DatasetSubject subject = DatasetSubject.of(table);
    Coverage coverage = coverage(rows, columns);
    List<Municipality> covered = columns.contains(MUNICIPALITY)
        ? coverage.municipalities().stream()
            .map(slug -> known.getOrDefault(slug, named(slug, Optional.empty()))).toList()
        : List.copyOf(known.values());
    Optional<LocalDate[]> period = coverage.period();
    boolean personBased = columns.contains("persons") && columns.contains("suppressed");
    String comment = DeltaTables.description(spark, path);
    Messages ja = new Messages(Lang.JA);
    Messages en = new Messages(Lang.EN);
    String titleJa = subject.title(Lang.JA);
    StringBuilder descriptionJa = new StringBuilder(titleJa).append("。")
        .append(ja.get("catalog.coverage")).append("：")
        .append(covered.stream().map(Municipality::nameJa).collect(Collectors.joining("・")));
    period.ifPresent(p -> descriptionJa.append("、").append(p[0]).append("〜").append(p[1]));
    descriptionJa.append("。");
    String descriptionEn = comment == null || comment.isBlank() ? subject.title(Lang.EN)
        : comment.strip();
    if (personBased) {
      descriptionJa.append(ja.get("note.suppressed"));
      descriptionEn = descriptionEn + (descriptionEn.endsWith(".") ? " " : ". ")
          + en.get("note.suppressed");
    }
    List<ExportFormat> formats = formats(table);
    List<Path> files = export.exportAll(table, rows, formats, settings.outDir());
    List<OpenDistribution> distributions = new ArrayList<>();
    for (int i = 0; i < formats.size(); i++) {
      distributions.add(distribution(formats.get(i), files.get(i), settings));
    }
    return new OpenDataset(table, subject, titleJa, subject.title(Lang.EN),
        descriptionJa.toString(), descriptionEn, covered,
        period.map(p -> p[0]), period.map(p -> p[1]), modified(path), credits(table),
        distributions);
  }

  /** GeoParquet, GeoJSON and CSV for spatial tables; CSV for the others. */
  static List<ExportFormat> formats(String table) {
    return SpatialTables.byName(table).isPresent() ? List.of(ExportFormat.values())
        : List.of(ExportFormat.CSV);
  }

  /** The municipalities a table's rows name (sorted) and the days they cover. */
  private record Coverage(List<String> municipalities, Optional<LocalDate[]> period) {}

  /**
   * The municipalities and, by the first period column the table has, the first and last day the
   * rows cover: one aggregation over the table.
   */
  private static Coverage coverage(Dataset<Row> rows, List<String> columns) {
    Optional<String> period = PERIOD_COLUMNS.stream().filter(columns::contains).findFirst();
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(columns.contains(MUNICIPALITY)
        ? functions.array_sort(functions.collect_set(col(MUNICIPALITY)))
        : functions.array().cast("array<string>"));
    period.ifPresent(name -> {
      aggregates.add(functions.min(name));
      aggregates.add(functions.max(name));
    });
    Row row = rows.agg(aggregates.get(0), aggregates.subList(1, aggregates.size())
        .toArray(Column[]::new)).first();
    List<String> municipalities = row.getList(0);
    if (period.isEmpty() || row.isNullAt(1)) {
      return new Coverage(municipalities, Optional.empty());
    }
    LocalDate first = day(row.get(1), false);
    LocalDate last = day(row.get(2), true);
    if (period.get().equals("month")) {
      last = last.withDayOfMonth(last.lengthOfMonth());
    }
    return new Coverage(municipalities, Optional.of(new LocalDate[] {first, last}));
  }

  /** A period value as a day: dates, timestamps (JST wall clock) and years. */
  private static LocalDate day(Object value, boolean end) {
    if (value instanceof Date date) {
      return date.toLocalDate();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant().atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalDate();
    }
    if (value instanceof Number year) {
      return end ? LocalDate.of(year.intValue(), 12, 31) : LocalDate.of(year.intValue(), 1, 1);
    }
    throw new IllegalStateException("unexpected period value " + value);
  }

  /** When the table's rows last changed: its newest commit that was not maintenance. */
  private Instant modified(String path) {
    long version = DeltaTables.lastDataVersion(spark, path);
    Row commit = io.delta.tables.DeltaTable.forPath(spark, path).history()
        .where(col("version").equalTo(version)).select("timestamp").first();
    return commit.getTimestamp(0).toInstant();
  }

  /**
   * The credit lines of the reference tables the table is built from (its inputs, their
   * producers' inputs and so on, bookkeeping aside) and, for a table exported with area
   * polygons, of the areas.
   */
  List<String> credits(String table) {
    Set<TableRef> seen = new HashSet<>();
    Deque<TableRef> todo = new ArrayDeque<>();
    todo.add(TableRef.gold(table));
    SpatialTables.byName(table).filter(t -> !t.ownGeometry())
        .ifPresent(t -> todo.add(TableRef.gold(SpatialTables.AREAS)));
    while (!todo.isEmpty()) {
      TableRef next = todo.pop().whole();
      for (Job job : graph.jobs()) {
        if (job.outputs().stream().anyMatch(o -> o.whole().equals(next))) {
          for (TableRef input : job.inputs()) {
            if (!BOOKKEEPING.contains(input.table()) && seen.add(input.whole())) {
              todo.add(input.whole());
            }
          }
        }
      }
    }
    Set<String> owed = seen.stream().filter(t -> t.layer() == Layer.SILVER)
        .flatMap(t -> ReferenceCredits.forSilverTable(t.table()).stream())
        .collect(Collectors.toSet());
    return ReferenceCredits.all().stream().filter(owed::contains).toList();
  }

  /** The municipalities of the lake's areas, with the bounding box of their polygons. */
  private Map<String, Municipality> municipalities() {
    Map<String, Municipality> all = new LinkedHashMap<>();
    String areas = config.paths().gold(SpatialTables.AREAS);
    if (DeltaTables.exists(spark, areas)) {
      for (Row row : spark.read().format("delta").load(areas)
          .where(col("area_level").equalTo("ward")).groupBy(MUNICIPALITY)
          .agg(functions.min("min_lon"), functions.min("min_lat"), functions.max("max_lon"),
              functions.max("max_lat"))
          .orderBy(MUNICIPALITY).collectAsList()) {
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
          box[i] = ((Number) row.get(i + 1)).doubleValue();
        }
        all.put(row.getString(0), named(row.getString(0), Optional.of(box)));
      }
    }
    return all;
  }

  private static Municipality named(String slug, Optional<double[]> bbox) {
    return new Municipality(slug, new Messages(Lang.JA).municipality(slug),
        new Messages(Lang.EN).municipality(slug), bbox);
  }

  private static OpenDistribution distribution(ExportFormat format, Path file,
      CatalogSettings settings) {
    try {
      return new OpenDistribution(format, file, settings.urlOf(file.getFileName().toString()),
          Files.size(file), sha256(file));
    } catch (IOException e) {
      throw CityLakeException.failed("write the open-data catalogue", "cannot read " + file, e);
    }
  }

  /** The file's SHA-256, lower-case hex. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
