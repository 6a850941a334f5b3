package io.citylake.conform;

import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.lake.CityLakeException;
import io.citylake.lake.DeltaTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Loads the curated reference files (sensors, shelters, merchants, KPI targets, consumption
 * norms, boundaries) into silver tables with explicit types and WKB geometries. They are small
 * and replaced whole when their file changed: each table's commit carries the SHA-256 of the file
 * it was built from, so an unchanged file costs one hash and one log read, not a load and a
 * commit. Conform lookups and gold joins read them. A reference row that does not parse fails the
 * job: reference data are curated, not delivered. The one exception is
 * {@code kpi_observations.csv}, values the city reports and types in itself: it is checked like
 * a delivery ({@link KpiObservationsFile}), and its bad lines are quarantined with a warning.
 */
public final class LoadReference implements Job {
  public static final String BOUNDARIES = "ref_boundaries";
  public static final String BOUNDARIES_FILE = "boundaries.geojson";
  /** The boundaries table's dictionary entry. */
  public static final io.citylake.lake.TableDoc BOUNDARIES_DOC = new io.citylake.lake.TableDoc(
      "Ward and municipality polygons (reference/boundaries.geojson, from 国土数値情報)",
      List.of("code"), java.util.Map.of(
          "municipality", "municipality slug",
          "code", "5-digit JIS code of the ward or municipality",
          "name_ja", "name in Japanese",
          "name_en", "name in English",
          "pref", "prefecture",
          "geometry_wkb", "polygon as WKB; ST_GeomFromWKB rebuilds it"));

  @Override
  public String name() {
    return "conform.reference";
  }

  @Override
  public String description() {
    return "Load reference/ (boundaries, shelters, sensors, merchants, KPI targets, norms) into"
        + " silver.ref_* tables with WKB geometries";
  }

  @Override
  public List<TableRef> inputs() {
    return List.of(TableRef.reference("*"));
  }

  @Override
  public List<TableRef> outputs() {
    List<TableRef> outputs = new ArrayList<>();
    for (ReferenceTable table : ReferenceTable.values()) {
      outputs.add(table.ref());
    }
    outputs.add(TableRef.silver(BOUNDARIES));
    outputs.add(Quarantine.slice(KpiObservationsFile.DATASET));
    return outputs;
  }

  @Override
  public JobResult run(JobContext context) {
    Map<String, Object> details = new LinkedHashMap<>();
    long rows = 0;
    int unchanged = 0;
    List<String> warnings = new ArrayList<>();
    long[] quarantined = {0};
    for (ReferenceTable table : ReferenceTable.values()) {
      if (table == ReferenceTable.KPI_OBSERVATIONS && !exists(context, table.file())) {
        details.put(table.table(), "no file");
        continue;
      }
      long loaded = loadIfChanged(context, table.file(), table.table(), table.doc(),
          table != ReferenceTable.KPI_OBSERVATIONS ? () -> csv(context, table) : () -> {
            KpiObservationsFile.Loaded l = KpiObservationsFile.load(context,
                context.paths().reference(table.file()));
            warnings.addAll(l.warnings());
            quarantined[0] += l.quarantined();
            return l.rows();
          });
      unchanged += loaded < 0 ? 1 : 0;
      rows += Math.max(loaded, 0);
      details.put(table.table(), loaded < 0 ? "unchanged" : loaded);
    }
    long boundaries =
        loadIfChanged(context, BOUNDARIES_FILE, BOUNDARIES, BOUNDARIES_DOC,
            () -> boundaries(context));
    unchanged += boundaries < 0 ? 1 : 0;
    rows += Math.max(boundaries, 0);
    details.put(BOUNDARIES, boundaries < 0 ? "unchanged" : boundaries);
    details.put("tables_unchanged", unchanged);
    return new JobResult(name(), rows + quarantined[0], rows, quarantined[0], details, 0,
        warnings);
  }

  /**
   * Replaces {@code table} with the rows of {@code file} unless its newest commit was built from
   * the same bytes; returns the rows written, or -1 when the file is unchanged.
   */
  private static long loadIfChanged(JobContext context, String file, String table,
      io.citylake.lake.TableDoc doc, java.util.function.Supplier<Dataset<Row>> rows) {
    String marker = "built from reference/" + file + " sha256 "
        + sha256(context, requireFile(context, file));
    String path = context.tables().pathToWrite(TableRef.silver(table));
    if (DeltaTables.exists(context.spark(), path)
        && DeltaTables.lastCommit(context.spark(), path).userMetadata().equals(marker)) {
      doc.ensure(context.spark(), path); // a table of an older lake gets its comments once
      return -1;
    }
    doc.replaceRows(rows.get(), path, marker);
    long written = DeltaTables.lastCommit(context.spark(), path).outputRows();
    doc.ensure(context.spark(), path);
    return written;
  }

  private static String sha256(JobContext context, String path) {
    Path hadoopPath = new Path(path);
    try (java.io.InputStream in = hadoopPath.getFileSystem(
        context.spark().sparkContext().hadoopConfiguration()).open(hadoopPath)) {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.io.IOException e) {
      throw CityLakeException.failed("read " + path, e.getMessage(), e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Dataset<Row> csv(JobContext context, ReferenceTable table) {
    String path = requireFile(context, table.file());
    Dataset<Row> rows = context.spark().read().format("csv")
        .option("header", "true").option("mode", "FAILFAST").option("encoding", "UTF-8")
        .schema(table.ddl()).load(path);
    if (table.located()) {
      rows = rows.withColumn("geometry_wkb", functions.expr("ST_AsBinary(ST_Point(lon, lat))"));
    }
    return rows;
  }

  private static Dataset<Row> boundaries(JobContext context) {
    String path = requireFile(context, BOUNDARIES_FILE);
    List<Row> features = BoundaryFeatures.read(path,
        context.spark().sparkContext().hadoopConfiguration());
    return context.spark().createDataFrame(features, BoundaryFeatures.SCHEMA)
        .selectExpr("municipality", "code", "name_ja", "name_en", "pref",
            "ST_AsBinary(ST_GeomFromGeoJSON(geometry_json)) AS geometry_wkb");
  }

  private static boolean exists(JobContext context, String file) {
    Path hadoopPath = new Path(context.paths().reference(file));
    try {
      return hadoopPath.getFileSystem(context.spark().sparkContext().hadoopConfiguration())
          .exists(hadoopPath);
    } catch (java.io.IOException e) {
      throw CityLakeException.failed("read " + hadoopPath, e.getMessage(), e);
    }
  }

  private static String requireFile(JobContext context, String file) {
    String path = context.paths().reference(file);
    try {
      Path hadoopPath = new Path(path);
      if (!hadoopPath.getFileSystem(context.spark().sparkContext().hadoopConfiguration())
          .exists(hadoopPath)) {
        throw CityLakeException.badInput("load reference data", "the file is missing", path);
      }
    } catch (java.io.IOException e) {
      throw CityLakeException.failed("read " + path, e.getMessage(), e);
    }
    return path;
  }
}
