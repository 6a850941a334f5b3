package io.citylake.job;

import io.citylake.lake.DeltaTables;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The rows of small bookkeeping tables as one run has read them, one read per table version:
 * every KPI job of a night asks the conform accounting which silver partitions changed, and
 * each of those reads would plan a Delta scan and a collect of the same few hundred rows.
 * A table is read again only when a commit gave it a newer version, so a job never sees rows
 * older than the table's newest commit. One instance per run (it lives in {@link JobContext}).
 */
public final class RunReads {
  private record Read(long version, List<Row> rows) {}

  private final Map<String, Read> byPath = new ConcurrentHashMap<>();

  /**
   * Every row of the Delta table at {@code path}, as of its newest version; the caller must know
   * the table exists and is small (a bookkeeping table, not data).
   */
  public List<Row> wholeTable(SparkSession spark, String path) {
    long version = DeltaTables.lastCommit(spark, path).version();
    Read read = byPath.get(path);
    if (read == null || read.version() != version) {
      read = new Read(version, List.copyOf(spark.read().format("delta")
          .option("versionAsOf", version).load(path).collectAsList()));
      byPath.put(path, read);
    }
    return read.rows();
  }
}
