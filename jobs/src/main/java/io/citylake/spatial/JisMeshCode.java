package io.citylake.spatial;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * JIS X 0410 standard grid squares (地域メッシュ), the grid Japanese statistics are published on:
 * level 1 (80 km, 4 digits), 2 (10 km, 6), 3 (1 km, 8) and 4 (the 1/2 subdivision, 500 m, 9).
 *
 * <p>Computed in exact decimal arcseconds, so points on a cell edge fall into the cell to their
 * north-east, as the standard says, instead of wherever binary floating point puts them.
 */
public final class JisMeshCode {
  /** Cell height in arcseconds per level. */
  private static final long[] LAT_STEP = {2400, 300, 30, 15};
  /** Cell width in half arcseconds per level (the 500 m cell is 22.5" wide). */
  private static final long[] LON_STEP = {7200, 900, 90, 45};

  private JisMeshCode() {}

  /** A grid square's south-west corner and size in degrees. */
  public record Cell(String code, int level, double south, double west, double height,
      double width) {
    public double north() {
      return south + height;
    }

    public double east() {
      return west + width;
    }

    /** The cell as a closed WKT polygon (lon lat order), for maps and Sedona. */
    public String wkt() {
      return String.format(java.util.Locale.ROOT,
          "POLYGON ((%.9f %.9f, %.9f %.9f, %.9f %.9f, %.9f %.9f, %.9f %.9f))",
          west, south, east(), south, east(), north(), west, north(), west, south);
    }
  }

  /** The code of the grid square holding the point, at {@code level} 1–4. */
  public static String encode(double lat, double lon, int level) {
    checkLevel(level);
    if (!(lat >= 20 && lat < 46 && lon >= 122 && lon < 154)) {
      throw new IllegalArgumentException("Cannot compute a JIS mesh code: the point is outside"
          + " Japan's grid (20-46 N, 122-154 E) (got: " + lat + ", " + lon + ")");
    }
    long latSec = arc(lat, 3600);
    long lonHalfSec = arc(lon, 7200) - 100L * 7200;
    StringBuilder code = new StringBuilder();
    code.append(String.format("%02d%02d", latSec / LAT_STEP[0], lonHalfSec / LON_STEP[0]));
    for (int l = 1; l < level; l++) {
      long row = (latSec % LAT_STEP[l - 1]) / LAT_STEP[l];
      long column = (lonHalfSec % LON_STEP[l - 1]) / LON_STEP[l];
      code.append(l == 3 ? String.valueOf(1 + 2 * row + column) : row + "" + column);
    }
    return code.toString();
  }

  /** The grid square a code names, for drawing it on a map. */
  public static Cell decode(String code) {
    int level = switch (code == null ? -1 : code.length()) {
      case 4 -> 1;
      case 6 -> 2;
      case 8 -> 3;
      case 9 -> 4;
      default -> throw new IllegalArgumentException("Cannot decode a JIS mesh code: it must have"
          + " 4, 6, 8 or 9 digits (got: " + code + ")");
    };
    if (!code.matches("\\d+")) {
      throw new IllegalArgumentException("Cannot decode a JIS mesh code: digits only (got: "
          + code + ")");
    }
    long latSec = Long.parseLong(code.substring(0, 2)) * LAT_STEP[0];
    long lonHalfSec = Long.parseLong(code.substring(2, 4)) * LON_STEP[0];
    for (int l = 1; l < level; l++) {
      int row;
      int column;
      if (l == 3) {
        int quadrant = code.charAt(8) - '1';
        if (quadrant < 0 || quadrant > 3) {
          throw new IllegalArgumentException("Cannot decode a JIS mesh code: the 1/2 digit must"
              + " be 1-4 (got: " + code + ")");
        }
        row = quadrant / 2;
        column = quadrant % 2;
      } else {
        row = code.charAt(2 + 2 * l) - '0';
        column = code.charAt(3 + 2 * l) - '0';
        int limit = l == 1 ? 8 : 10;
        if (row >= limit || column >= limit) {
          throw new IllegalArgumentException("Cannot decode a JIS mesh code: level " + (l + 1)
              + " digits must be below " + limit + " (got: " + code + ")");
        }
      }
      latSec += row * LAT_STEP[l];
      lonHalfSec += column * LON_STEP[l];
    }
    return new Cell(code, level, latSec / 3600.0, 100 + lonHalfSec / 7200.0,
        LAT_STEP[level - 1] / 3600.0, LON_STEP[level - 1] / 7200.0);
  }

  private static long arc(double degrees, int unitsPerDegree) {
    return BigDecimal.valueOf(degrees).multiply(BigDecimal.valueOf(unitsPerDegree))
        .setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  private static void checkLevel(int level) {
    if (level < 1 || level > 4) {
      throw new IllegalArgumentException("Cannot compute a JIS mesh code: level must be 1, 2, 3"
          + " or 4 (500 m) (got: " + level + ")");
    }
  }
}
