package io.citylake.spatial;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.citylake.gold.GoldColumns;
import io.citylake.gold.GoldTable;
import io.citylake.gold.GoldTables;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The polygons of every area the spatial gold tables name — all wards and ward-less
 * municipalities of the boundaries, and the JIS squares and H3 cells that occur — so analysts,
 * maps and exports get geometry by joining on {@code (area_level, area_id)} instead of carrying
 * polygons on every hourly row. Squares come from the JIS X 0410 arithmetic, hexagons from
 * Sedona's H3 functions. Small: rebuilt whole after the spatial KPIs; overwrites
 * gold.spatial_areas.
 */
public final class SpatialAreas implements Job {
  static final GoldTable TABLE = new GoldTable("spatial_areas",
      "areas of the spatial gold tables with their polygons: wards/municipalities (MLIT"
          + " boundaries), JIS X 0410 squares and H3 cells",
      List.of(SpatialColumns.areaLevel("ward, mesh3, mesh4, h3"), SpatialColumns.areaId(),
          GoldColumns.municipality(),
          GoldColumns.text("name_ja", "name in Japanese (wards), else the code"),
          GoldColumns.text("name_en", "name in English (wards), else the code"),
          GoldColumns.typed("geometry_wkb", DataTypes.BinaryType,
              "area polygon, WKB (WGS84 lon/lat); rebuild with ST_GeomFromWKB"),
          GoldColumns.value("min_lon", "bounding box: west"),
          GoldColumns.value("min_lat", "bounding box: south"),
          GoldColumns.value("max_lon", "bounding box: east"),
          GoldColumns.value("max_lat", "bounding box: north")),
      List.of());
  private static final List<GoldTable> CELL_TABLES =
      List.of(PeopleFlowByArea.TABLE, TourismSpendByMesh.TABLE);

  @Override
  public String name() {
    return "spatial.areas";
  }

  @Override
  public String description() {
    return "Gold spatial_areas: polygons of the wards, JIS squares and H3 cells of the spatial"
        + " gold tables";
  }

  @Override
  public List<TableRef> inputs() {
    return List.of(TableRef.silver(PointLocator.BOUNDARIES), PeopleFlowByArea.TABLE.ref(),
        TourismSpendByMesh.TABLE.ref());
  }

  @Override
  public boolean pureOfDeclaredInputs() {
    return true;
  }

  @Override
  public List<TableRef> outputs() {
    return List.of(TABLE.ref());
  }

  @Override
  public JobResult run(JobContext context) {
    context.spark().sparkContext().setJobDescription(name());
    Dataset<Row> areas = PointLocator.boundaries(context).select(
        lit(AreaLevel.WARD.label()).as("area_level"), col("code").as("area_id"),
        col("municipality"), col("name_ja"), col("name_en"), col("geometry_wkb"));
    for (GoldTable table : CELL_TABLES) {
      if (context.tables().exists(table.ref())) {
        areas = areas.unionByName(cells(context.tables().read(table.ref())));
      }
    }
    Dataset<Row> rows = areas.dropDuplicates("area_level", "area_id")
        .withColumn("_g", expr("ST_GeomFromWKB(geometry_wkb)"))
        .withColumn("min_lon", expr("ST_XMin(_g)")).withColumn("min_lat", expr("ST_YMin(_g)"))
        .withColumn("max_lon", expr("ST_XMax(_g)")).withColumn("max_lat", expr("ST_YMax(_g)"))
        .drop("_g");
    long written = GoldTables.overwrite(context, TABLE, rows);
    return JobResult.of(name(), 0, written, Map.of(TABLE.name(), written));
  }

  /** The distinct squares and hexagons of a cell table, with their polygons. */
  private static Dataset<Row> cells(Dataset<Row> table) {
    Dataset<Row> ids = table.where(col("area_level").notEqual(AreaLevel.WARD.label())
            .and(col("area_id").notEqual(PointLocator.UNKNOWN)))
        .select(col("area_level"), col("area_id"), col("municipality")).distinct();
    return ids.select(col("area_level"), col("area_id"), col("municipality"),
        col("area_id").as("name_ja"), col("area_id").as("name_en"),
        expr("CASE WHEN area_level = 'h3'"
            + " THEN ST_AsBinary(element_at("
            + "ST_H3ToGeom(array(CAST(conv(area_id, 16, 10) AS BIGINT))), 1))"
            + " ELSE ST_AsBinary(ST_GeomFromWKT(jis_mesh_wkt(area_id))) END")
            .as("geometry_wkb"));
  }
}
