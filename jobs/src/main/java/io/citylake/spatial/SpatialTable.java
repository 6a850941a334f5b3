package io.citylake.spatial;

import java.util.Optional;

/**
 * A spatial gold table and where its rows' geometry comes from: their own {@code geometry_wkb}
 * column (points), or the polygon of {@code gold.spatial_areas} named by the row's {@code
 * (area_level, area_id)} — with {@code fixedLevel} when the table holds one level only and has
 * no {@code area_level} column.
 */
public record SpatialTable(String name, boolean ownGeometry, Optional<AreaLevel> fixedLevel) {
  static SpatialTable withOwnGeometry(String name) {
    return new SpatialTable(name, true, Optional.empty());
  }

  static SpatialTable byArea(String name) {
    return new SpatialTable(name, false, Optional.empty());
  }

  static SpatialTable byArea(String name, AreaLevel level) {
    return new SpatialTable(name, false, Optional.of(level));
  }
}
