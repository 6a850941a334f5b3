package io.citylake.publish;

import java.util.Optional;

/**
 * A municipality a published table covers: its slug, names and, when the lake has its polygons,
 * the bounding box of them (WGS84 lon/lat), the spatial coverage a catalogue shows on a map.
 */
public record Municipality(String slug, String nameJa, String nameEn, Optional<double[]> bbox) {
  /** The bounding box as a WKT polygon (GeoSPARQL {@code wktLiteral} text), if known. */
  public Optional<String> bboxWkt() {
    return bbox.map(b -> String.format(java.util.Locale.ROOT,
        "POLYGON((%1$s %2$s, %3$s %2$s, %3$s %4$s, %1$s %4$s, %1$s %2$s))",
        b[0], b[1], b[2], b[3]));
  }
}
