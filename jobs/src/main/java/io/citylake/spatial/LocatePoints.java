package io.citylake.spatial;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.citylake.conform.ReferenceTable;
import io.citylake.kpi.BusNetwork;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.lake.DeltaTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Assigns every located thing of the lake — sensors, bus stops, merchants, shelters — to the
 * ward (or ward-less municipality) polygon covering it, its JIS 1 km / 500 m squares and its H3
 * cell, once, so analysts and the spatial KPIs join by id instead of by geometry. Points outside
 * every polygon stay, with ward {@code unknown} and {@code outside_boundaries = true}, so nothing
 * is lost and the count of strays is visible. Small: rebuilt whole each night. One Sedona join
 * against the broadcast polygons; overwrites silver.located_points.
 */
public final class LocatePoints implements Job {
  public static final String TABLE = "located_points";

  @Override
  public String name() {
    return "spatial.locate_points";
  }

  @Override
  public String description() {
    return "Silver located_points: sensors, stops, merchants and shelters with their ward"
        + " (Sedona join to silver.ref_boundaries), JIS mesh codes and H3 cell";
  }

  @Override
  public List<TableRef> inputs() {
    return List.of(ReferenceTable.SENSORS.ref(), ReferenceTable.MERCHANTS.ref(),
        ReferenceTable.SHELTERS.ref(), TableRef.silver(BusNetwork.STOPS),
        TableRef.silver(PointLocator.BOUNDARIES));
  }

  @Override
  public List<TableRef> outputs() {
    return List.of(TableRef.silver(TABLE));
  }

  @Override
  public JobResult run(JobContext context) {
    context.spark().sparkContext().setJobDescription(name());
    Dataset<Row> points = reference(context, ReferenceTable.SENSORS, "sensor",
        col("sensor_id"), col("type"))
        .unionByName(reference(context, ReferenceTable.MERCHANTS, "merchant",
            col("merchant_id"), col("category")))
        .unionByName(reference(context, ReferenceTable.SHELTERS, "shelter",
            col("shelter_id"), col("name_ja")));
    String stops = context.paths().silver(BusNetwork.STOPS);
    if (DeltaTables.exists(context.spark(), stops)) {
      points = points.unionByName(context.spark().read().format("delta").load(stops)
          .groupBy(col("stop_id")).agg(functions.min(functions.struct(col("feed_id"),
              col("stop_name"), col("stop_lon"), col("stop_lat"))).as("s"))
          .select(lit("stop").as("point_kind"), col("stop_id").as("point_id"),
              col("s.feed_id").as("source"), col("s.stop_name").as("label"),
              BusNetwork.feedMunicipality(col("s.feed_id")).as("municipality"),
              col("s.stop_lon").as("lon"), col("s.stop_lat").as("lat")));
    }
    Dataset<Row> located = PointLocator.locate(context, points)
        .withColumn("geometry_wkb", functions.when(col("lon").isNotNull()
            .and(col("lat").isNotNull()), functions.expr("ST_AsBinary(ST_Point(lon, lat))")));
    String path = context.paths().silver(TABLE);
    located.write().format("delta").mode("overwrite").option("overwriteSchema", "true")
        .option("userMetadata", context.runId()).save(path);
    long written = DeltaTables.lastCommit(context.spark(), path).outputRows();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(TABLE, written);
    return JobResult.of(name(), written, written, details);
  }

  private static Dataset<Row> reference(JobContext context, ReferenceTable table, String kind,
      org.apache.spark.sql.Column id, org.apache.spark.sql.Column label) {
    return context.spark().read().format("delta").load(context.paths().silver(table.table()))
        .select(lit(kind).as("point_kind"), id.as("point_id"),
            lit(null).cast("string").as("source"), label.cast("string").as("label"),
            col("municipality"), col("lon"), col("lat"));
  }
}
