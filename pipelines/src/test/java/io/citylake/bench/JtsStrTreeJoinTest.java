package io.citylake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The JTS reference join on hand-made polygons, with ST_Contains semantics. */
class JtsStrTreeJoinTest {
  private static Geometry wkt(String text) {
    try {
      return new WKTReader().read(text);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Two unit squares side by side, a square with a hole, and a triangle over the right square. */
  private static final Map<Long, Geometry> POLYGONS = Map.of(
      1L, wkt("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"),
      2L, wkt("POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))"),
      3L, wkt("POLYGON((10 10, 14 10, 14 14, 10 14, 10 10), (11 11, 13 11, 13 13, 11 13, 11 11))"),
      4L, wkt("POLYGON((1.5 0.5, 3 0.5, 3 2, 1.5 0.5))"));

  @Test
  void countsEachPointInEveryPolygonThatContainsIt() {
    double[] lon = {0.5, 0.25, 1.25, 1.9, 10.5, 5, 2.5};
    double[] lat = {0.5, 0.75, 0.5, 0.6, 10.5, 5, 1.0};

    Map<Long, Long> counts = new JtsStrTreeJoin(POLYGONS).countPerPolygon(lon, lat);

    // (1.9, 0.6) lies in square 2 and in the triangle; (5, 5) lies in nothing
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 2L, 2L, 2L, 3L, 1L, 4L, 2L));
  }

  @Test
  void pointsOnBoundariesOrInHolesAreNotContained() {
    double[] lon = {1.0, 12, 0, 10};
    double[] lat = {0.5, 12, 0, 12};

    Map<Long, Long> counts = new JtsStrTreeJoin(POLYGONS).countPerPolygon(lon, lat);

    assertThat(counts).isEmpty();
  }
}
