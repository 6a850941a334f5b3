package io.citylake.conform.gtfs;

import io.citylake.lake.SessionFunction;
import java.util.List;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The Spark SQL functions the GTFS conform step calls, thin wrappers over pure Java code; every
 * session has them ({@link io.citylake.lake.CityLakeFunctions}).
 */
public final class GtfsFunctions {
  /** {@code citylake_gtfs_seconds(time)}: {@link GtfsTime#secondsOrNull}. */
  public static final String SECONDS = "citylake_gtfs_seconds";

  private GtfsFunctions() {}

  public static List<SessionFunction> all() {
    UDF1<String, Integer> seconds = GtfsTime::secondsOrNull;
    return List.of(new SessionFunction(SECONDS, "_FUNC_(time) - seconds of a GTFS time H:MM:SS"
        + " after the service day's start (hours may pass 24), null when it is none",
        functions.udf(seconds, DataTypes.IntegerType)));
  }
}
