package io.citylake.maintain;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.DeltaTables;
import io.citylake.lake.Layer;
import io.citylake.lake.LakePaths;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/**
 * Keeps a lake's Delta tables from piling up small files: every night appends a few files per
 * table (bronze is append-only, silver and gold replace single days), so without compaction a
 * table read scans thousands of tiny Parquet files after a few months, and files that replaced
 * data leave their old versions on disk forever. {@code OPTIMIZE} bin-packs each partition's small
 * files into larger ones (rows unchanged); {@code VACUUM} deletes files no version inside the
 * retention still needs. The retention bounds time travel ({@code VERSION AS OF}) and how long a
 * reader that started before the vacuum may run; it is never below Delta's 7-day safety default.
 */
public final class LakeMaintenance {
  /** Delta's own default file retention, the shortest this command accepts. */
  public static final Duration MINIMUM_RETENTION = Duration.ofDays(7);

  private final SparkSession spark;
  private final LakePaths paths;

  public LakeMaintenance(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /** What maintenance did to one table. */
  public record TableOutcome(String table, long filesBefore, long filesAfter, long filesOnDiskBefore,
      long filesOnDiskAfter, double seconds) {}

  /** Every Delta table of the bronze, silver and gold layers, as {@code layer.table}. */
  public List<String> tables() {
    List<String> tables = new ArrayList<>();
    for (Layer layer : Layer.TABLE_LAYERS) {
      Path dir = new Path(paths.layer(layer, ""));
      try {
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(dir)) {
          continue;
        }
        for (FileStatus status : fs.listStatus(dir)) {
          if (status.isDirectory() && fs.exists(new Path(status.getPath(), "_delta_log"))) {
            tables.add(layer.directory() + "." + status.getPath().getName());
          }
        }
      } catch (IOException e) {
        throw CityLakeException.failed("list the tables of " + dir, e.getMessage(), e);
      }
    }
    tables.sort(null);
    return tables;
  }

  /**
   * Compacts, then vacuums, one table ({@code layer.table}). Delta itself refuses a retention
   * under {@link #MINIMUM_RETENTION} unless the session turned its safety check off.
   */
  public TableOutcome maintain(String table, Duration retention) {
    long start = System.nanoTime();
    String path = path(table);
    long filesBefore = activeFiles(path);
    long onDiskBefore = dataFilesOnDisk(path);
    spark.sql("OPTIMIZE delta.`" + path + "`").collectAsList();
    spark.sql("VACUUM delta.`" + path + "` RETAIN " + retention.toHours() + " HOURS")
        .collectAsList();
    return new TableOutcome(table, filesBefore, activeFiles(path), onDiskBefore,
        dataFilesOnDisk(path), (System.nanoTime() - start) / 1e9);
  }

  private String path(String table) {
    int dot = table.indexOf('.');
    Layer layer = dot < 0 ? null : Layer.tableLayer(table.substring(0, dot)).orElse(null);
    if (layer == null || !DeltaTables.exists(spark, paths.layer(layer, table.substring(dot + 1)))) {
      throw CityLakeException.badInput("maintain " + table,
          "no such table; name it as layer.table, e.g. silver.transit_taps", table);
    }
    return paths.layer(layer, table.substring(dot + 1));
  }

  /** Files the table's current version reads. */
  private long activeFiles(String path) {
    return DeltaTables.snapshot(spark, path).numOfFiles();
  }

  /** Parquet files under the table's folder, referenced or not. */
  private long dataFilesOnDisk(String path) {
    Path dir = new Path(path);
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      long count = 0;
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
      while (files.hasNext()) {
        LocatedFileStatus file = files.next();
        if (file.getPath().getName().endsWith(".parquet")
            && !file.getPath().toString().contains("/_delta_log/")) {
          count++;
        }
      }
      return count;
    } catch (IOException e) {
      throw CityLakeException.failed("list the files of " + path, e.getMessage(), e);
    }
  }
}
