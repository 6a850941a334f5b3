package io.citylake.sample;

import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws points inside real polygons by rejection sampling, rounded to 6 decimals (about 0.1 m) as
 * they are written; the rounded point is what must fall inside.
 */
final class PointSampler {
  private static final int MAX_TRIES = 100_000;
  private static final double METRES_PER_DEGREE = 111_320.0;

  private PointSampler() {}

  /** A uniform point inside the area, as {@code {lon, lat}}. */
  static double[] inside(Area area, SplittableRandom rng) {
    Envelope e = area.envelope();
    for (int i = 0; i < MAX_TRIES; i++) {
      double lon = round6(e.getMinX() + rng.nextDouble() * e.getWidth());
      double lat = round6(e.getMinY() + rng.nextDouble() * e.getHeight());
      if (area.contains(lon, lat)) {
        return new double[] {lon, lat};
      }
    }
    throw new IllegalStateException(
        "Cannot sample point: no hit inside the polygon (got: " + area.code() + ")");
  }

  /** A point near a centre (Gaussian, sigma in metres) inside one of the areas, else uniform. */
  static double[] near(List<Area> areas, double lon, double lat, double sigmaMetres,
      SplittableRandom rng) {
    for (int i = 0; i < 200; i++) {
      double[] p = offset(lon, lat, rng.nextGaussian() * sigmaMetres,
          rng.nextGaussian() * sigmaMetres);
      if (areas.stream().anyMatch(a -> a.contains(p[0], p[1]))) {
        return p;
      }
    }
    return inside(areas.get(rng.nextInt(areas.size())), rng);
  }

  /** The point moved east and north by the given metres, rounded. */
  static double[] offset(double lon, double lat, double eastMetres, double northMetres) {
    double dLat = northMetres / METRES_PER_DEGREE;
    double dLon = eastMetres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
    return new double[] {round6(lon + dLon), round6(lat + dLat)};
  }

  /** Great-circle distance in km. */
  static double distanceKm(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2)
        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }

  static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
