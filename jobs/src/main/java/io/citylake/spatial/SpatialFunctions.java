package io.citylake.spatial;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;

/**
 * citylake's spatial SQL functions, registered on every session so analysts, notebooks and jobs
 * can use them in plain SQL: {@code jis_mesh(lat, lon, level)} gives the JIS X 0410 grid square
 * code (null outside Japan's grid), {@code jis_mesh_wkt(code)} the square as a WKT polygon.
 */
public final class SpatialFunctions {
  private SpatialFunctions() {}

  public static void register(SparkSession spark) {
    // Java UDFs get no input casts: accept any numeric argument (double, decimal literal, int)
    UDF3<Object, Object, Object, String> mesh = (latValue, lonValue, levelValue) -> {
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
    spark.udf().register("jis_mesh", mesh, DataTypes.StringType);
    UDF1<String, String> wkt = code -> {
      try {
        return code == null ? null : JisMeshCode.decode(code).wkt();
      } catch (IllegalArgumentException e) {
        return null;
      }
    };
    spark.udf().register("jis_mesh_wkt", wkt, DataTypes.StringType);
  }
}
