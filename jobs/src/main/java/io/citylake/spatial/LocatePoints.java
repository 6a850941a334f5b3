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
  /** The table's dictionary entry. */
  public static final io.citylake.lake.TableDoc DOC = new io.citylake.lake.TableDoc(
      "Every sensor, bus stop, merchant and shelter with its ward, grid squares and H3 cell",
      java.util.List.of("point_kind", "point_id"), java.util.Map.ofEntries(
          java.util.Map.entry("point_kind", "sensor, stop, merchant or shelter"),
          java.util.Map.entry("point_id", "id of the point in its own table"),
          java.util.Map.entry("source", "GTFS feed of a stop; null for other points"),
          java.util.Map.entry("label", "sensor type, stop name, merchant category or shelter name"),
          java.util.Map.entry("municipality", "municipality slug"),
          java.util.Map.entry("lon", "WGS84 longitude, degrees"),
          java.util.Map.entry("lat", "WGS84 latitude, degrees"),
          java.util.Map.entry("ward_code", "JIS code of the ward or municipality polygon covering"
              + " the point; 'unknown' outside every polygon"),
          java.util.Map.entry("ward_municipality", "municipality slug of that polygon"),
          java.util.Map.entry("outside_boundaries", "true when no boundary polygon covers the"
              + " point"),
          java.util.Map.entry("mesh3", "JIS X 0410 1 km grid square code"),
          java.util.Map.entry("mesh4", "JIS X 0410 500 m grid square code"),
          java.util.Map.entry("h3", "H3 cell (lower-case hex) at the lake's resolution"),
          java.util.Map.entry("geometry_wkb", "point (lon, lat) as WKB; ST_GeomFromWKB"
              + " rebuilds it")));

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
  public boolean pureOfDeclaredInputs() {
    return true;
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
    TableRef stops = TableRef.silver(BusNetwork.STOPS);
    if (context.tables().exists(stops)) {
      points = points.unionByName(context.tables().read(stops)
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
    String path = context.tables().pathToWrite(TableRef.silver(TABLE));
    if (!DOC.createWith(located, path, Map.of(), List.of())) {
      DOC.commented(located).write().format("delta").mode("overwrite")
          .option("overwriteSchema", "true").option("userMetadata", context.runId()).save(path);
      DOC.ensure(context.spark(), path);
    }
    long written = DeltaTables.lastCommit(context.spark(), path).outputRows();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(TABLE, written);
    return JobResult.of(name(), written, written, details);
  }

  private static Dataset<Row> reference(JobContext context, ReferenceTable table, String kind,
      org.apache.spark.sql.Column id, org.apache.spark.sql.Column label) {
    return context.tables().read(table.ref())
        .select(lit(kind).as("point_kind"), id.as("point_id"),
            lit(null).cast("string").as("source"), label.cast("string").as("label"),
            col("municipality"), col("lon"), col("lat"));
  }
}
