package io.citylake.conform;

import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.lake.CityLakeException;
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
 * and replaced whole each night; conform lookups and gold joins read them. A reference row that
 * does not parse fails the job: reference data are curated, not delivered.
 */
public final class LoadReference implements Job {
  public static final String BOUNDARIES = "ref_boundaries";
  public static final String BOUNDARIES_FILE = "boundaries.geojson";

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
    return outputs;
  }

  @Override
  public JobResult run(JobContext context) {
    Map<String, Object> details = new LinkedHashMap<>();
    long rows = 0;
    for (ReferenceTable table : ReferenceTable.values()) {
      Dataset<Row> loaded = csv(context, table).cache();
      long count = loaded.count();
      overwrite(context, loaded, table.table());
      loaded.unpersist();
      details.put(table.table(), count);
      rows += count;
    }
    Dataset<Row> boundaries = boundaries(context).cache();
    long count = boundaries.count();
    overwrite(context, boundaries, BOUNDARIES);
    boundaries.unpersist();
    details.put(BOUNDARIES, count);
    return JobResult.of(name(), rows + count, rows + count, details);
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

  private static void overwrite(JobContext context, Dataset<Row> rows, String table) {
    rows.write().format("delta").mode("overwrite").option("overwriteSchema", "true")
        .option("userMetadata", context.runId())
        .save(context.paths().silver(table));
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
