package io.citylake.spatial;

import io.citylake.gold.GoldColumn;
import io.citylake.gold.GoldColumns;
import org.apache.spark.sql.types.DataTypes;

/** Columns the spatial gold tables share, with one wording of their comments. */
final class SpatialColumns {
  private SpatialColumns() {}

  static GoldColumn areaLevel(String levels) {
    return GoldColumns.text("area_level", "kind of area: " + levels
        + "; geometry in gold.spatial_areas");
  }

  static GoldColumn areaId() {
    return GoldColumns.text("area_id", "ward/municipality JIS code, JIS X 0410 mesh code or H3"
        + " cell (hex); 'unknown' for points outside every boundary");
  }

  static GoldColumn wardCode() {
    return GoldColumns.text("ward_code", "JIS code of the ward (or ward-less municipality) whose"
        + " polygon covers the point; 'unknown' outside every boundary");
  }

  static GoldColumn lon() {
    return GoldColumns.value("lon", "WGS84 longitude, degrees");
  }

  static GoldColumn lat() {
    return GoldColumns.value("lat", "WGS84 latitude, degrees");
  }

  static GoldColumn pointWkb() {
    return GoldColumns.typed("geometry_wkb", DataTypes.BinaryType,
        "point geometry, WKB (WGS84 lon/lat); rebuild with ST_GeomFromWKB");
  }
}
