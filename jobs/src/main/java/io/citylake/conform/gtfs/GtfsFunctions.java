package io.citylake.conform.gtfs;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/** The Spark SQL functions the GTFS conform step calls; thin wrappers over pure Java code. */
public final class GtfsFunctions {
  /** {@code citylake_gtfs_seconds(time)}: {@link GtfsTime#secondsOrNull}. */
  public static final String SECONDS = "citylake_gtfs_seconds";

  private GtfsFunctions() {}

  public static void register(SparkSession spark) {
    UDF1<String, Integer> seconds = GtfsTime::secondsOrNull;
    spark.udf().register(SECONDS, seconds, DataTypes.IntegerType);
  }
}
