package io.citylake.spatial;

import io.citylake.lake.SessionFunction;
import java.util.List;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * citylake's spatial SQL functions, so analysts, notebooks and jobs can use them in plain SQL:
 * {@code jis_mesh(lat, lon, level)} gives the JIS X 0410 grid square code (null outside Japan's
 * grid), {@code jis_mesh_wkt(code)} the square as a WKT polygon. Every session has them
 * ({@link io.citylake.lake.CityLakeFunctions}).
 */
public final class SpatialFunctions {
  private SpatialFunctions() {}

  // Java UDFs get no input casts: accept any numeric argument (double, decimal literal, int)
  private static final UDF3<Object, Object, Object, String> MESH = (latValue, lonValue,
      levelValue) -> {
    if (!(latValue instanceof Number lat) || !(lonValue instanceof Number lon)
        || !(levelValue instanceof Number level)) {
      return null;
    }
    double y = lat.doubleValue();
    double x = lon.doubleValue();
    int l = level.intValue();
    if (l < 1 || l > 4 || !(y >= 20 && y < 46 && x >= 122 && x < 154)) {
      return null;
    }
    return JisMeshCode.encode(y, x, l);
  };

  private static final UDF1<String, String> WKT = code -> {
    try {
      return code == null ? null : JisMeshCode.decode(code).wkt();
    } catch (IllegalArgumentException e) {
      return null;
    }
  };

  /** The spatial functions {@link io.citylake.lake.CityLakeFunctions} adds to every session. */
  public static List<SessionFunction> all() {
    return List.of(
        new SessionFunction("jis_mesh", "_FUNC_(lat, lon, level) - JIS X 0410 grid square code"
            + " of a point: level 1 (80 km) to 4 (500 m)", functions.udf(MESH,
                DataTypes.StringType)),
        new SessionFunction("jis_mesh_wkt", "_FUNC_(code) - the JIS X 0410 grid square of a"
            + " code as a WKT polygon", functions.udf(WKT, DataTypes.StringType)));
  }
}
