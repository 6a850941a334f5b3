package io.citylake.bench;

import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point-in-polygon counting with plain JTS on one thread: an {@link STRtree} over the polygons'
 * envelopes, and each candidate tested with its {@link PreparedGeometry}. This is about the least
 * work the assignment can take in memory, so it is the near-limit reference the spatial benchmark
 * sets Sedona's join against. A point counts once for every polygon that contains it, with JTS's
 * {@code contains} (a point on the boundary is not contained), exactly like the SQL join
 * {@code ST_Contains(polygon, point)}.
 */
public final class JtsStrTreeJoin {
  private record Entry(long id, PreparedGeometry shape) {}

  private final STRtree tree = new STRtree();
  private final GeometryFactory factory = new GeometryFactory();

  /** Indexes the polygons (id → geometry); the tree is built once, here. */
  public JtsStrTreeJoin(Map<Long, Geometry> polygons) {
    polygons.forEach((id, shape) -> tree.insert(shape.getEnvelopeInternal(),
        new Entry(id, PreparedGeometryFactory.prepare(shape))));
    tree.build();
  }

  /** The number of points each polygon contains; polygons containing none are left out. */
  public Map<Long, Long> countPerPolygon(double[] lon, double[] lat) {
    if (lon.length != lat.length) {
      throw new IllegalArgumentException("Cannot join points: " + lon.length + " longitudes but "
          + lat.length + " latitudes");
    }
    Map<Long, Long> perPolygon = new TreeMap<>();
    for (int i = 0; i < lon.length; i++) {
      Point point = factory.createPoint(new Coordinate(lon[i], lat[i]));
      tree.query(new Envelope(lon[i], lon[i], lat[i], lat[i]), item -> {
        Entry entry = (Entry) item;
        if (entry.shape().contains(point)) {
          perPolygon.merge(entry.id(), 1L, Long::sum);
        }
      });
    }
    return perPolygon;
  }
}
