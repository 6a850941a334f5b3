package io.citylake.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.DeltaTables;
import io.citylake.lake.LakeConfig;
import io.citylake.lake.LocalTrees;
import io.citylake.spatial.SpatialTable;
import io.citylake.spatial.SpatialTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Exports a gold table as one open file that QGIS, GeoPandas or DuckDB read without Spark:
 * GeoParquet (written by Sedona, with valid {@code geo} metadata), GeoJSON or CSV with WKT.
 * Spatial tables get a {@code geometry} column — their own points, or the polygon of
 * gold.spatial_areas their {@code (area_level, area_id)} names; other gold tables export to CSV
 * only. Collects nothing on the driver but the GeoJSON stream, row by row.
 */
public final class GeoExport {
  static final String GEOMETRY = "geometry";
  private final SparkSession spark;
  private final LakeConfig config;

  public GeoExport(SparkSession spark, LakeConfig config) {
    this.spark = spark;
    this.config = config;
  }

  /** Writes {@code <outDir>/<table>.<ext>} and returns its path. */
  public Path export(String table, ExportFormat format, Path outDir) {
    String path = config.paths().gold(table);
    if (!table.matches("[a-z0-9_]+") || !DeltaTables.exists(spark, path)) {
      throw CityLakeException.badInput("export gold." + table, "no such gold table in this lake"
          + " (run citylake nightly first; spatial tables: " + SpatialTables.all().stream()
          .map(SpatialTable::name).toList() + ")", table);
    }
    return exportAll(table, spark.read().format("delta").load(path), List.of(format), outDir)
        .get(0);
  }

  /**
   * Writes {@code rows}, the gold table {@code table} as read by the caller, in each of
   * {@code formats}; returns the files in that order. A spatial table's geometry is built once
   * and kept for all its formats, and the caller's read serves every one of them: one scan of
   * the table and of gold.spatial_areas instead of one per format.
   */
  public List<Path> exportAll(String table, Dataset<Row> rows, List<ExportFormat> formats,
      Path outDir) {
    String verb = "export gold." + table;
    var spatial = SpatialTables.byName(table);
    if (spatial.isEmpty() && formats.stream().anyMatch(f -> f != ExportFormat.CSV)) {
      throw CityLakeException.badInput(verb, "the table has no geometry; use --format csv",
          formats.stream().filter(f -> f != ExportFormat.CSV).findFirst().orElseThrow().label());
    }
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw CityLakeException.failed(verb, "cannot write into " + outDir, e);
    }
    Dataset<Row> located = spatial.isPresent() ? withGeometry(rows, spatial.get()) : rows;
    Dataset<Row> prepared = formats.size() > 1 ? located.cache() : located;
    List<Path> written = new ArrayList<>();
    try {
      for (ExportFormat format : formats) {
        Path target = outDir.resolve(table + "." + format.extension());
        try {
          written.add(write(prepared, format, target));
        } catch (IOException e) {
          throw CityLakeException.failed(verb, "cannot write " + target, e);
        }
      }
    } finally {
      if (prepared != located) {
        prepared.unpersist();
      }
    }
    return written;
  }

  private static Path write(Dataset<Row> rows, ExportFormat format, Path target)
      throws IOException {
    Path outDir = target.getParent();
    switch (format) {
      case GEOPARQUET -> writeSingleFile(rows.coalesce(1).write().format("geoparquet"),
          outDir, target, ".parquet");
      case CSV -> writeSingleFile(asCsv(rows).coalesce(1).write().format("csv")
          .option("header", "true").option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ssXXX"),
          outDir, target, ".csv");
      case GEOJSON -> GeoJsonWriter.write(rows, target);
      default -> throw new IllegalStateException(format.name());
    }
    return target;
  }

  private Dataset<Row> withGeometry(Dataset<Row> rows, SpatialTable table) {
    if (table.ownGeometry()) {
      return rows.withColumn(GEOMETRY, expr("ST_GeomFromWKB(geometry_wkb)"))
          .drop("geometry_wkb");
    }
    Dataset<Row> areas = spark.read().format("delta")
        .load(config.paths().gold(SpatialTables.AREAS))
        .select(col("area_level").as("_level"), col("area_id").as("_id"),
            col("geometry_wkb").as("_wkb"));
    org.apache.spark.sql.Column level = table.fixedLevel()
        .map(l -> functions.lit(l.label())).orElseGet(() -> rows.col("area_level"));
    return rows.join(functions.broadcast(areas),
            level.equalTo(col("_level")).and(rows.col("area_id").equalTo(col("_id"))), "left")
        .withColumn(GEOMETRY, expr("ST_GeomFromWKB(_wkb)"))
        .drop("_level", "_id", "_wkb");
  }

  private static Dataset<Row> asCsv(Dataset<Row> rows) {
    if (!java.util.Arrays.asList(rows.columns()).contains(GEOMETRY)) {
      return rows;
    }
    return rows.withColumn("geometry_wkt", expr("ST_AsText(" + GEOMETRY + ")")).drop(GEOMETRY);
  }

  /** Spark writes a folder of part files; keep the single part as {@code target}. */
  private static void writeSingleFile(org.apache.spark.sql.DataFrameWriter<Row> writer,
      Path outDir, Path target, String suffix) throws IOException {
    Path staging = Files.createTempDirectory(outDir, ".export-");
    try {
      writer.mode("overwrite").save(staging.toUri().toString());
      Path part;
      try (Stream<Path> files = Files.list(staging)) {
        part = files.filter(f -> f.getFileName().toString().startsWith("part-")
            && f.getFileName().toString().endsWith(suffix)).findFirst()
            .orElseThrow(() -> new IOException("Spark wrote no part file in " + staging));
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      LocalTrees.deleteQuietly(staging);
    }
  }
}
