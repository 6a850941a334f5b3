package io.citylake.spatial;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Gives rows with {@code lon}/{@code lat} their areas: the ward (or ward-less municipality) whose
 * polygon covers the point, found with a Sedona spatial join (the polygons are broadcast and
 * indexed), and the JIS X 0410 1 km / 500 m squares and the H3 cell. Both are found once per
 * distinct location, not per row: the rows come from devices and places (counters, gauges,
 * stops, shelters), a few thousand locations under hundreds of thousands of rows, so the
 * located distinct locations are broadcast back to the rows by an equi-join and no row is
 * shuffled or sorted for it. A point on a border shared by two
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
   * {@code outside_boundaries}. Shuffles once to deduplicate locations; broadcasts the polygons
   * and the located locations.
   */
  public static Dataset<Row> withWard(Dataset<Row> rows, Dataset<Row> boundaries) {
    return joinBack(rows, wards(locations(rows), boundaries), List.of());
  }

  /** Adds {@code mesh3}, {@code mesh4} and {@code h3} (lower-case hex) per row. */
  public static Dataset<Row> withCells(Dataset<Row> rows, int h3Resolution) {
    return rows.withColumns(cells(col("lon"), col("lat"), h3Resolution));
  }

  /**
   * Both {@link #withWard} and {@link #withCells}, in that column order; the cells too are
   * computed per distinct location.
   */
  public static Dataset<Row> locate(JobContext context, Dataset<Row> rows) {
    return locate(rows, boundaries(context), context.config().h3Resolution());
  }

  static Dataset<Row> locate(Dataset<Row> rows, Dataset<Row> boundaries, int h3Resolution) {
    Dataset<Row> locations = locations(rows);
    Dataset<Row> wards = wards(locations, boundaries)
        .withColumnRenamed("_lon", "_wlon").withColumnRenamed("_lat", "_wlat");
    Map<String, Column> cells = cells(col("_lon"), col("_lat"), h3Resolution);
    Dataset<Row> places = locations
        .join(functions.broadcast(wards), col("_lon").equalTo(col("_wlon"))
            .and(col("_lat").equalTo(col("_wlat"))), "left")
        .drop("_wlon", "_wlat")
        .withColumns(cells);
    return joinBack(rows, places, List.copyOf(cells.keySet()));
  }

  /** The distinct non-null locations of {@code rows}: {@code _lon}, {@code _lat}. */
  private static Dataset<Row> locations(Dataset<Row> rows) {
    return rows.select(col("lon").as("_lon"), col("lat").as("_lat"))
        .where(col("_lon").isNotNull().and(col("_lat").isNotNull())).distinct();
  }

  /**
   * The locations some polygon covers, with the smallest covering code: {@code _lon},
   * {@code _lat}, {@code _ward} (code and municipality).
   */
  private static Dataset<Row> wards(Dataset<Row> locations, Dataset<Row> boundaries) {
    Dataset<Row> polygons = boundaries.select(col("code").as("_code"),
        col("municipality").as("_municipality"),
        expr("ST_GeomFromWKB(geometry_wkb)").as("_polygon"));
    return locations.withColumn("_point", expr("ST_Point(_lon, _lat)"))
        .join(functions.broadcast(polygons), expr("ST_Intersects(_polygon, _point)"))
        .groupBy(col("_lon"), col("_lat"))
        .agg(functions.min(functions.struct(col("_code"), col("_municipality"))).as("_ward"));
  }

  /**
   * The rows with the ward columns and {@code cellColumns} of their location in {@code places}
   * ({@code _lon}, {@code _lat}, {@code _ward} and the cells), broadcast; rows without a covered
   * location get {@link #UNKNOWN}.
   */
  private static Dataset<Row> joinBack(Dataset<Row> rows, Dataset<Row> places,
      List<String> cellColumns) {
    List<Column> columns = new ArrayList<>();
    Arrays.stream(rows.columns()).forEach(name -> columns.add(rows.col(name)));
    columns.add(functions.coalesce(col("_ward._code"), functions.lit(UNKNOWN)).as("ward_code"));
    columns.add(col("_ward._municipality").as("ward_municipality"));
    columns.add(col("_ward").isNull().as("outside_boundaries"));
    cellColumns.forEach(name -> columns.add(places.col(name)));
    return rows.join(functions.broadcast(places), rows.col("lon").equalTo(places.col("_lon"))
            .and(rows.col("lat").equalTo(places.col("_lat"))), "left")
        .select(columns.toArray(Column[]::new));
  }

  /** {@code mesh3}, {@code mesh4} and {@code h3} of a point, by column name. */
  private static Map<String, Column> cells(Column lon, Column lat, int h3Resolution) {
    Map<String, Column> cells = new LinkedHashMap<>();
    cells.put(AreaLevel.MESH3.column(), functions.call_function("jis_mesh", lat, lon,
        functions.lit(3)));
    cells.put(AreaLevel.MESH4.column(), functions.call_function("jis_mesh", lat, lon,
        functions.lit(4)));
    cells.put(AreaLevel.H3.column(), functions.when(lon.isNotNull().and(lat.isNotNull()),
        functions.lower(functions.hex(functions.element_at(functions.call_function(
            "ST_H3CellIDs", functions.call_function("ST_Point", lon, lat),
            functions.lit(h3Resolution), functions.lit(true)), 1)))));
    return cells;
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
