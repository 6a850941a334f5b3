package io.citylake.report;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * One choropleth of a municipality: a metric per area for the report day, or why there is no
 * map ({@code unavailable}, e.g. "gold.spatial_areas missing").
 *
 * @param metric {@code people_flow}, {@code snow_depth} or {@code tourism_spend}
 * @param unit the value's unit in {@link ReportFormat} terms ({@code persons/day}, {@code cm},
 *     {@code yen/day})
 * @param areas the coloured areas
 * @param outlines boundaries drawn under the areas for orientation (the municipality's wards)
 */
public record MapLayer(String metric, String unit, List<Area> areas, List<Geometry> outlines,
    Optional<String> unavailable) {
  public MapLayer {
    areas = List.copyOf(areas);
    outlines = List.copyOf(outlines);
  }

  public static MapLayer unavailable(String metric, String unit, String reason) {
    return new MapLayer(metric, unit, List.of(), List.of(), Optional.of(reason));
  }

  /** One area: its polygon (lon/lat) and the metric's value, null when suppressed or absent. */
  public record Area(String areaId, String nameJa, String nameEn, Geometry geometry, Double value,
      boolean suppressed) {}
}
