package io.citylake.lake;

import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

/**
 * Small questions asked of Delta tables by path, so jobs read row counts from commit metrics
 * instead of running a {@code count()} just to log.
 */
public final class DeltaTables {
  private DeltaTables() {}

  /** What the newest commit of a table did. */
  public record Commit(long version, String operation, long outputRows) {}

  public static boolean exists(SparkSession spark, String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  /** The newest commit's version, operation and output rows (0 when the metric is absent). */
  public static Commit lastCommit(SparkSession spark, String path) {
    List<Row> rows =
        DeltaTable.forPath(spark, path).history(1)
            .select("version", "operation", "operationMetrics").collectAsList();
    Row row = rows.get(0);
    java.util.Map<String, String> metrics =
        row.isNullAt(2) ? java.util.Map.of() : JavaConverters.mapAsJavaMap(row.getMap(2));
    String rows_ = metrics.getOrDefault(
        "numOutputRows", metrics.getOrDefault("numTargetRowsInserted", "0"));
    return new Commit(row.getLong(0), row.getString(1), Long.parseLong(rows_));
  }
}
