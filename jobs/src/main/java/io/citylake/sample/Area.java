package io.citylake.sample;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * One real polygon of the reference boundaries: a Sapporo ward, Tsukuba or Susami.
 *
 * <p>Generated locations are accepted only if {@link #contains} holds for the rounded coordinates
 * that are written, so every point in the sample lies in the area it claims.
 */
final class Area {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private final String municipality;
  private final String code;
  private final String nameJa;
  private final String nameEn;
  private final Geometry geometry;
  private final PreparedGeometry prepared;

  Area(String municipality, String code, String nameJa, String nameEn, Geometry geometry) {
    this.municipality = municipality;
    this.code = code;
    this.nameJa = nameJa;
    this.nameEn = nameEn;
    this.geometry = geometry;
    this.prepared = PreparedGeometryFactory.prepare(geometry);
  }

  String municipality() {
    return municipality;
  }

  /** JIS code of the ward or municipality. */
  String code() {
    return code;
  }

  String nameJa() {
    return nameJa;
  }

  String nameEn() {
    return nameEn;
  }

  Geometry geometry() {
    return geometry;
  }

  Envelope envelope() {
    return geometry.getEnvelopeInternal();
  }

  boolean contains(double lon, double lat) {
    return prepared.contains(GEOMETRY.createPoint(new Coordinate(lon, lat)));
  }
}
