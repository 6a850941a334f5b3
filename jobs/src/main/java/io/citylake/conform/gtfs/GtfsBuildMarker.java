package io.citylake.conform.gtfs;

import io.citylake.lake.DeltaTables;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Which bronze version the silver GTFS tables were built from, kept in each silver commit's
 * {@code userMetadata} so no state table can drift out of step. The tables are written in a fixed
 * order and the marker is only current when every one of them carries it, so a rebuild that
 * failed half way is redone on the next run.
 */
record GtfsBuildMarker(long bronzeVersion) {

  /** The text stored as {@code userMetadata}, e.g. {@code built from bronze.transit_gtfs v12}. */
  String text() {
    return "built from bronze.transit_gtfs v" + bronzeVersion;
  }

  /** True when every table exists and its newest commit carries this marker. */
  boolean isCurrent(SparkSession spark, List<String> tablePaths) {
    for (String path : tablePaths) {
      if (!DeltaTables.exists(spark, path)) {
        return false;
      }
      if (!DeltaTables.lastCommit(spark, path).userMetadata().equals(text())) {
        return false;
      }
    }
    return true;
  }
}
