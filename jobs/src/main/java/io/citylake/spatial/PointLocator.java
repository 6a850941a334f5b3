package io.citylake.spatial;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Gives rows with {@code lon}/{@code lat} their areas: the ward (or ward-less municipality) whose
 * polygon covers the point, found with a Sedona spatial join (the polygons are broadcast and
 * indexed; only distinct locations are joined, then mapped back by an equi-join), and the JIS X
 * 0410 1 km / 500 m squares and the H3 cell computed per row. A point on a border shared by two
 * wards goes to the smaller ward code, so every point lands in exactly one ward; a point outside
 * every polygon, or without coordinates, gets {@link #UNKNOWN} and {@code outside_boundaries}.
 */
public final class PointLocator {
  /** The ward code of points outside all boundaries. */
  public static final String UNKNOWN = "unknown";
  public static final String BOUNDARIES = "ref_boundaries";

  private PointLocator() {}

  /** The silver boundary polygons of the lake ({@code code}, {@code geometry_wkb}, ...). */
  public static Dataset<Row> boundaries(JobContext context) {
    return context.tables().read(TableRef.silver(BOUNDARIES));
  }

  /**
   * Adds {@code ward_code}, {@code ward_municipality} (the slug of the covering polygon) and
   * {@code outside_boundaries}. Shuffles once to deduplicate locations; broadcasts the polygons.
   */
  public static Dataset<Row> withWard(Dataset<Row> rows, Dataset<Row> boundaries) {
    Dataset<Row> locations = rows.select(col("lon").as("_lon"), col("lat").as("_lat"))
        .where(col("_lon").isNotNull().and(col("_lat").isNotNull())).distinct()
        .withColumn("_point", expr("ST_Point(_lon, _lat)"));
    Dataset<Row> polygons = boundaries.select(col("code").as("_code"),
        col("municipality").as("_municipality"),
        expr("ST_GeomFromWKB(geometry_wkb)").as("_polygon"));
    Dataset<Row> covered = locations
        .join(functions.broadcast(polygons), expr("ST_Intersects(_polygon, _point)"))
        .groupBy(col("_lon"), col("_lat"))
        .agg(functions.min(functions.struct(col("_code"), col("_municipality"))).as("_ward"));
    Dataset<Row> joined = rows.join(covered,
        rows.col("lon").equalTo(covered.col("_lon")).and(rows.col("lat")
            .equalTo(covered.col("_lat"))), "left");
    return joined
        .withColumn("ward_code", functions.coalesce(col("_ward._code"),
            functions.lit(UNKNOWN)))
        .withColumn("ward_municipality", col("_ward._municipality"))
        .withColumn("outside_boundaries", col("_ward").isNull())
        .drop("_lon", "_lat", "_ward");
  }

  /** Adds {@code mesh3}, {@code mesh4} and {@code h3} (lower-case hex) per row. */
  public static Dataset<Row> withCells(Dataset<Row> rows, int h3Resolution) {
    return rows
        .withColumn(AreaLevel.MESH3.column(), expr("jis_mesh(lat, lon, 3)"))
        .withColumn(AreaLevel.MESH4.column(), expr("jis_mesh(lat, lon, 4)"))
        .withColumn(AreaLevel.H3.column(), h3Cell(h3Resolution));
  }

  /** Both {@link #withWard} and {@link #withCells}. */
  public static Dataset<Row> locate(JobContext context, Dataset<Row> rows) {
    return withCells(withWard(rows, boundaries(context)), context.config().h3Resolution());
  }

  private static Column h3Cell(int resolution) {
    return functions.when(col("lon").isNotNull().and(col("lat").isNotNull()),
        expr("lower(hex(element_at(ST_H3CellIDs(ST_Point(lon, lat), " + resolution
            + ", true), 1)))"));
  }

  /** One row per area of the located rows' levels: {@code area_level}, {@code area_id}. */
  public static Column areas(AreaLevel... levels) {
    Column[] structs = new Column[levels.length];
    for (int i = 0; i < levels.length; i++) {
      structs[i] = functions.struct(functions.lit(levels[i].label()).as("area_level"),
          col(levels[i].column()).as("area_id"));
    }
    return functions.explode(functions.array(structs));
  }
}
