package io.citylake.ops;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.DeltaTables;
import io.citylake.lake.LakePaths;
import io.citylake.lake.Layer;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Delta time travel for operators: the versions of one lake table ({@code citylake history}) and
 * rolling it back to one of them ({@code citylake restore}, Delta's {@code RESTORE}, itself a new
 * version, so a restore can be undone the same way). Tables are named as the metastore names
 * them ({@code gold.kpi_catalogue}; a bare name is a gold table) and read by path below the lake.
 */
public final class LakeTableHistory {
  private final SparkSession spark;
  private final LakePaths paths;

  public LakeTableHistory(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /** One version of a table: when, by which operation and run, and the rows it wrote. */
  public record Version(long version, Timestamp timestamp, String operation, String run,
      String rowsWritten) {}

  /** What a restore did: the version restored and the new version that holds it. */
  public record Restored(String table, long restoredVersion, long newVersion) {}

  /** {@code layer.table} for {@code name}; a name without a layer is a gold table. */
  public static String qualified(String name) {
    return name.contains(".") ? name.toLowerCase(Locale.ROOT) : "gold." + name;
  }

  /** The newest {@code last} versions of {@code name}, newest first. */
  public List<Version> history(String name, int last) {
    String table = qualified(name);
    String path = path(table, "show the history of " + table);
    return DeltaTable.forPath(spark, path).history(last)
        .select(functions.col("version"), functions.col("timestamp"),
            functions.col("operation"), functions.col("userMetadata"),
            functions.coalesce(functions.col("operationMetrics").getItem("numOutputRows"),
                functions.col("operationMetrics").getItem("numTargetRowsInserted")))
        .orderBy(functions.col("version").desc())
        .collectAsList().stream()
        .map(r -> new Version(r.getLong(0), r.getTimestamp(1), r.getString(2), r.getString(3),
            r.getString(4)))
        .toList();
  }

  /** Rolls {@code name} back to {@code version} (one new commit). */
  public Restored restore(String name, long version) {
    String table = qualified(name);
    String verb = "restore " + table + " to version " + version;
    String path = path(table, verb);
    Row range = DeltaTable.forPath(spark, path).history()
        .agg(functions.min("version"), functions.max("version")).first();
    long oldest = range.getLong(0);
    long newest = range.getLong(1);
    if (version < oldest || version > newest) {
      throw CityLakeException.badInput(verb, "the table has versions " + oldest + " to " + newest
          + "; see 'citylake history " + table + "'", version);
    }
    if (version == newest) {
      throw CityLakeException.badInput(verb, "it is the current version already", version);
    }
    try {
      DeltaTable.forPath(spark, path).restoreToVersion(version);
    } catch (RuntimeException e) {
      String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw CityLakeException.failed(verb, reason.contains("does not exist")
          || reason.contains("FileNotFound") || reason.contains("No such file")
          ? "files of that version were removed by VACUUM (older than the retention);"
              + " pick a newer version" : reason, e);
    }
    return new Restored(table, version, DeltaTables.lastCommit(spark, path).version());
  }

  private String path(String table, String verb) {
    String[] parts = table.split("\\.", 2);
    Layer layer = Layer.tableLayer(parts[0]).orElseThrow(() -> CityLakeException.badInput(verb,
            "name a table as bronze.T, silver.T or gold.T (a bare name is gold)", table));
    if (parts[1].isEmpty() || !parts[1].matches("[a-z0-9_]+")) {
      throw CityLakeException.badInput(verb, "not a table name", table);
    }
    String path = paths.layer(layer, parts[1]);
    if (!DeltaTables.exists(spark, path)) {
      throw CityLakeException.badInput(verb, "the lake has no such table; 'citylake sql"
          + " \"SHOW TABLES IN " + parts[0] + "\"' lists them", table);
    }
    return path;
  }
}
