package io.citylake.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import scala.collection.JavaConverters;

/**
 * Small questions asked of Delta tables by path, answered from the transaction log's files and
 * Delta's cached snapshot rather than by Spark queries: a {@code history(1)} or
 * {@code DESCRIBE DETAIL} plans and runs a query (0.2–1.5 s each on a 2-core machine), and every
 * job used to ask several of them. Row counts come from commit metrics instead of a
 * {@code count()}.
 */
public final class DeltaTables {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Commit operations that change files but not rows. */
  private static final Set<String> MAINTENANCE = Set.of("OPTIMIZE", "VACUUM START", "VACUUM END");

  /**
   * Table property holding the writer's text of a table created by its first rows ({@link
   * #createWith}): Delta records no {@code userMetadata} for {@code CREATE TABLE ... AS SELECT},
   * so {@link #lastCommit} reads the text of such a commit from the metadata it wrote.
   */
  public static final String CREATION_MARKER = "citylake.creation_marker";

  private DeltaTables() {}

  /** What the newest commit of a table did, and the text its writer left in it. */
  public record Commit(long version, String operation, long outputRows, String userMetadata) {}

  public static boolean exists(SparkSession spark, String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  /**
   * Creates the missing table at {@code path} with {@code rows} as its first commit ({@code CREATE
   * TABLE ... AS SELECT}): its comment, table properties, partitioning and the column comments the
   * rows' schema carries; false, writing nothing, when the table exists or another writer created
   * it meanwhile. An empty create followed by a first write would be two commits and two snapshot
   * loads per table on a first night. Delta keeps no {@code userMetadata} for such a commit; a
   * writer that marks its commits passes its text as the {@link #CREATION_MARKER} property.
   */
  public static boolean createWith(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows,
      String path, String comment, Map<String, String> properties,
      java.util.List<String> partitionBy) {
    return createWith(rows, path, comment, properties, partitionBy, CREATION_WAIT);
  }

  /** How long a create waits for another writer's first commit of the same table. */
  static final java.time.Duration CREATION_WAIT = java.time.Duration.ofSeconds(20);

  static boolean createWith(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows,
      String path, String comment, Map<String, String> properties,
      java.util.List<String> partitionBy, java.time.Duration wait) {
    if (exists(rows.sparkSession(), path)) {
      return false;
    }
    // Delta compares locations textually: file:/x, not file:///x
    org.apache.spark.sql.CreateTableWriter<org.apache.spark.sql.Row> create =
        rows.writeTo("delta.`" + new Path(path) + "`")
            .using("delta")
            .tableProperty("comment", comment);
    for (Map.Entry<String, String> property : properties.entrySet()) {
      create = create.tableProperty(property.getKey(), property.getValue());
    }
    if (!partitionBy.isEmpty()) {
      org.apache.spark.sql.Column[] columns = partitionBy.stream()
          .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
      create = create.partitionedBy(columns[0], JavaConverters.asScalaBuffer(
          java.util.Arrays.asList(columns).subList(1, columns.length)).toSeq());
    }
    try {
      create.create();
      return true;
    } catch (Exception e) {
      if (!createdElsewhere(e)) {
        throw DeltaTables.<RuntimeException>unchecked(e);
      }
      // another writer creates the same table (two jobs of a first night, or two processes):
      // on a local disk Spark reports the table as existing, on S3 Delta finds the other writer's
      // data files before its first commit. Give that commit time to land, then write to the
      // table as to any existing one. A first commit still racing is settled by Delta's
      // optimistic concurrency (the writers of shared tables retry, DeltaRetry); files that a
      // killed create left behind belong to no version and are written over.
      awaitFirstCommit(rows.sparkSession(), path, wait);
      return false;
    }
  }

  /**
   * Whether a create failed because the table, or another writer's files of it, appeared after
   * the existence check.
   */
  static boolean createdElsewhere(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) { // getCause() is null at the end of a chain
      if (t instanceof org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException) {
        return true;
      }
      if (t instanceof org.apache.spark.SparkThrowable spark
          && "DELTA_CREATE_TABLE_WITH_NON_EMPTY_LOCATION".equals(spark.getErrorClass())) {
        return true;
      }
    }
    return false;
  }

  /** Polls {@code path}'s log until it has a commit or {@code wait} has passed. */
  private static void awaitFirstCommit(SparkSession spark, String path, java.time.Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    long pause = 50;
    while (!hasLog(spark, path) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(pause);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      }
      pause = Math.min(pause * 2, 1_000);
    }
  }

  /** Rethrows {@code e} as it is, checked or not (Spark's analysis errors are checked in Java). */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> E unchecked(Exception e) throws E {
    throw (E) e;
  }

  /**
   * Whether {@code path} has a Delta log with a commit, from a listing of the log alone (no
   * snapshot is loaded, unlike {@link #exists}).
   */
  public static boolean hasLog(SparkSession spark, String path) {
    Path log = new Path(path, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(log) && java.util.Arrays.stream(fs.listStatus(log))
          .anyMatch(s -> s.getPath().getName().endsWith(".json"));
    } catch (IOException e) {
      throw CityLakeException.failed("read the Delta log of " + path, e.getMessage(), e);
    }
  }

  /**
   * The newest commit's version, operation and output rows (0 when the metric is absent), read
   * from the newest {@code _delta_log/*.json} file.
   */
  public static Commit lastCommit(SparkSession spark, String path) {
    Path log = new Path(path, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Map.Entry<Long, Path> newest = commitFiles(fs, log, path).lastEntry();
      return commitOf(fs, newest.getValue(), newest.getKey());
    } catch (IOException e) {
      throw CityLakeException.failed("read the Delta log of " + path, e.getMessage(), e);
    }
  }

  /**
   * The newest version whose commit changed the table's rows: maintenance commits
   * ({@code OPTIMIZE}, {@code VACUUM}) rewrite or delete files but not rows, so what was built
   * from the table before them is still current. When the log kept only maintenance commits,
   * the oldest kept version.
   */
  public static long lastDataVersion(SparkSession spark, String path) {
    Path log = new Path(path, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      TreeMap<Long, Path> commits = commitFiles(fs, log, path);
      for (Map.Entry<Long, Path> commit : commits.descendingMap().entrySet()) {
        if (!MAINTENANCE.contains(commitOf(fs, commit.getValue(), commit.getKey()).operation())) {
          return commit.getKey();
        }
      }
      return commits.firstKey();
    } catch (IOException e) {
      throw CityLakeException.failed("read the Delta log of " + path, e.getMessage(), e);
    }
  }

  /** The table's commit files by version; fails when there is none. */
  private static TreeMap<Long, Path> commitFiles(FileSystem fs, Path log, String table)
      throws IOException {
    TreeMap<Long, Path> commits = new TreeMap<>();
    for (FileStatus status : fs.listStatus(log)) {
      String name = status.getPath().getName();
      if (name.endsWith(".json") && name.length() == 25) {
        commits.put(Long.parseLong(name.substring(0, 20)), status.getPath());
      }
    }
    if (commits.isEmpty()) {
      throw CityLakeException.failed("read the Delta log of " + table, "no commit found", null);
    }
    return commits;
  }

  /**
   * The table's current snapshot: Delta's cached one, brought up to date by a listing of the log
   * (no Spark query); metadata, schema and file counts are read from it.
   */
  public static org.apache.spark.sql.delta.Snapshot snapshot(SparkSession spark, String path) {
    return DeltaLog.forTable(spark, path)
        .update(false, scala.Option.empty(), scala.Option.empty());
  }

  /** The table's comment ({@code DESCRIBE DETAIL}'s description), from the snapshot; or null. */
  public static String description(SparkSession spark, String path) {
    return snapshot(spark, path).metadata().description();
  }

  /** The table's current properties ({@code delta.constraints.*} among them), from the snapshot. */
  public static Map<String, String> properties(SparkSession spark, String path) {
    return JavaConverters.mapAsJavaMap(snapshot(spark, path).metadata().configuration());
  }

  /**
   * Adds the nullable columns of {@code columns} that the table lacks ({@code ALTER TABLE ADD
   * COLUMNS}, one commit, none when nothing is missing), so a table written by an older version
   * of citylake takes new columns without rewriting it or merging schemas on every write.
   */
  public static void addMissingColumns(SparkSession spark, String path,
      java.util.List<org.apache.spark.sql.types.StructField> columns) {
    org.apache.spark.sql.types.StructType schema = snapshot(spark, path).schema();
    java.util.Set<String> present = new java.util.HashSet<>(
        java.util.Arrays.asList(schema.fieldNames()));
    String missing = columns.stream().filter(c -> !present.contains(c.name()))
        .map(c -> "`" + c.name() + "` " + c.dataType().sql()
            + (c.getComment().isDefined() ? " COMMENT '" + c.getComment().get()
                .replace("\\", "\\\\").replace("'", "\\'") + "'" : ""))
        .collect(java.util.stream.Collectors.joining(", "));
    if (!missing.isEmpty()) {
      spark.sql("ALTER TABLE delta.`" + path + "` ADD COLUMNS (" + missing + ")");
    }
  }

  private static Commit commitOf(FileSystem fs, Path file, long version) throws IOException {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      Commit commit = null;
      String creationMarker = null;
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode action = JSON.readTree(line);
        JsonNode info = action.get("commitInfo");
        if (info != null) {
          JsonNode metrics = info.path("operationMetrics");
          String rows = metrics.path("numOutputRows").asText(
              metrics.path("numTargetRowsInserted").asText("0"));
          commit = new Commit(version, info.path("operation").asText(""),
              rows.isEmpty() ? 0 : Long.parseLong(rows), info.path("userMetadata").asText(""));
          if (!commit.userMetadata().isEmpty() || !commit.operation().endsWith("AS SELECT")) {
            return commit;
          }
        }
        JsonNode marker = action.path("metaData").path("configuration").get(CREATION_MARKER);
        if (marker != null) {
          creationMarker = marker.asText();
        }
      }
      if (commit == null) {
        return new Commit(version, "", 0, "");
      }
      return creationMarker == null ? commit : new Commit(version, commit.operation(),
          commit.outputRows(), creationMarker);
    }
  }
}
