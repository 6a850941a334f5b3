package io.citylake.lake;

import io.citylake.lake.localfs.ForklessLocalFileSystem;
import io.citylake.lake.localfs.ForklessLocalFs;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one place a SparkSession is built, for the CLI, the tests and spark-submit alike.
 *
 * <p>Without a master from the environment it runs embedded ({@code local[*]}) with a Derby Hive
 * metastore under the lake; under {@code spark-submit} the cluster's master and metastore win and
 * only the extensions and lake defaults are added.
 */
public final class SparkSessions {
  private static final String EXTENSIONS =
      "io.delta.sql.DeltaSparkSessionExtension,org.apache.sedona.sql.SedonaSqlExtensions,"
          + "io.citylake.publish.ReadOnlyGuard,io.citylake.lake.CityLakeFunctions";

  private SparkSessions() {}

  /**
   * A shared Hive metastore service ({@code -Dspark.hadoop.hive.metastore.uris=thrift://...} or
   * {@code --conf} under spark-submit): when set, a local lake uses it instead of its own Derby,
   * so that several processes (Airflow's tasks side by side) can work on the lake at once.
   */
  public static final String METASTORE_URIS = "spark.hadoop.hive.metastore.uris";

  /** Settings that differ between the CLI, tests and clusters. */
  public record Settings(String defaultMaster, int shufflePartitions, boolean uiEnabled) {
    /** Embedded run on this 2-core class of machine. */
    public static Settings embedded() {
      return new Settings("local[*]", 4, false);
    }

    /** Test JVMs: two threads, fewest shuffle partitions, no UI. */
    public static Settings tests() {
      return new Settings("local[2]", 2, false);
    }
  }

  /**
   * The session extensions: a cluster's own ({@code spark-submit --conf spark.sql.extensions=...},
   * spark-defaults.conf) are kept, and Delta's, Sedona's and citylake's added after them unless
   * already named; without Delta's and Sedona's the night cannot run.
   */
  static String extensions(scala.Option<String> configured) {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    if (configured.isDefined()) {
      for (String name : configured.get().split(",")) {
        if (!name.isBlank()) {
          names.add(name.trim());
        }
      }
    }
    names.addAll(java.util.List.of(EXTENSIONS.split(",")));
    return String.join(",", names);
  }

  /**
   * The JVM's session: built on first call; later calls (an in-process CLI command in a test, a
   * second lake) get the running session untouched, because its master, metastore and Derby
   * home are fixed for the life of the JVM and re-applying another lake's settings to it would
   * only leak into the sessions it spawns (such as the JDBC endpoint's).
   */
  public static SparkSession create(LakeConfig config, Settings settings) {
    return open(config, settings).spark();
  }

  /**
   * The JVM's session ({@link #create}), and whether this call built it on an embedded metastore
   * that did not exist yet (a lake's first command): nothing is registered in such a metastore,
   * so no table of it can point outside the lake, and the command need not wait for Derby to
   * check ({@code LakeCatalog}).
   */
  public record Opened(SparkSession spark, boolean newMetastore) {}

  /** As {@link #create}, saying whether the session came with a new, empty metastore. */
  public static Opened open(LakeConfig config, Settings settings) {
    scala.Option<SparkSession> running = SparkSession.getDefaultSession();
    if (running.isDefined()) {
      return new Opened(running.get(), false);
    }
    SparkConf conf = new SparkConf(true);
    conf.setIfMissing("spark.master", settings.defaultMaster());
    conf.setIfMissing("spark.app.name", "citylake");
    conf.set("spark.sql.extensions", extensions(conf.getOption("spark.sql.extensions")));
    conf.set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    conf.setIfMissing("spark.kryo.registrator", "org.apache.sedona.core.serde.SedonaKryoRegistrator");
    conf.setIfMissing("spark.sql.shuffle.partitions", String.valueOf(settings.shufflePartitions()));
    // the nightly runner's job threads submit Spark jobs side by side, each to a pool of its own:
    // a free core goes to the pool running fewer tasks, so one job's small query (a Delta log
    // read, a collect) no longer waits behind every task of the other job's big stage (FIFO)
    conf.setIfMissing("spark.scheduler.mode", "FAIR");
    conf.setIfMissing("spark.ui.enabled", String.valueOf(settings.uiEnabled()));
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    conf.setIfMissing("spark.sql.session.timeZone", "Asia/Tokyo");
    // plain Parquet exports: standard timestamps that DuckDB, GeoPandas and QGIS read
    conf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    conf.setIfMissing("spark.databricks.delta.snapshotPartitions", "2");
    // a night plans a few hundred small queries, many of the same shape (Delta's log replay, the
    // conform plan per dataset): keep their compiled code instead of re-running Janino when the
    // default cache of 100 classes evicts it
    conf.setIfMissing("spark.sql.codegen.cache.maxEntries", "2000");
    conf.setIfMissing("spark.databricks.delta.schema.autoMerge.enabled", "false");
    // Delta checks the file list it keeps in each commit's checksum by rebuilding the table's
    // state (a Spark job) after every commit when the session's time zone is not UTC (ours is
    // Asia/Tokyo), because statistics of timestamps before 1883 may serialise differently there.
    // The lake's timestamps are ingest times and event times of recent service days; the check
    // cost 184 of a first night's 1,280 Spark queries (docs/performance.md, fifth round).
    conf.setIfMissing(
        "spark.databricks.delta.allFilesInCrc.verificationMode.forceOnNonUTC.enabled", "false");
    // Delta also copies a small table's file list into each commit's checksum, for readers this
    // Delta release does not have (it still plans every scan from the log). A table's first
    // commit builds that list by collecting the empty table's state: one Spark job per new table,
    // 58 of a first night's (docs/performance.md, twenty-sixth round). The checksum keeps its
    // counts, sizes, protocol and metadata.
    conf.setIfMissing("spark.databricks.delta.allFilesInCrc.enabled", "false");
    // Every query's start event carries its plan as text for the Spark UI and the event log.
    // Spark renders it in its "formatted" mode, an operator list with every node's details,
    // on the job's thread before the query runs; with neither UI nor event log to show it, the
    // one-line-per-node "simple" mode does (docs/performance.md, twenty-sixth round). A
    // configured mode is kept.
    boolean planTextShown =
        conf.getBoolean("spark.ui.enabled", true) || conf.getBoolean("spark.eventLog.enabled", false);
    if (!planTextShown) {
      conf.setIfMissing("spark.sql.ui.explainMode", "simple");
    }
    // Delta's VACUUM lists a table's files in this many Spark tasks (Spark's default: 10,000);
    // on this lake's tables that made one VACUUM of a three-file table take minutes of task
    // start-up. A cluster with huge tables can raise it.
    conf.setIfMissing("spark.sql.sources.parallelPartitionDiscovery.parallelism", "16");
    // a local lake's files are written without forking chmod/readlink per file (the class says why)
    conf.setIfMissing("spark.hadoop.fs.file.impl", ForklessLocalFileSystem.class.getName());
    conf.setIfMissing("spark.hadoop.fs.AbstractFileSystem.file.impl",
        ForklessLocalFs.class.getName());
    conf.setIfMissing("spark.sql.warehouse.dir", config.paths().warehouse());
    boolean newMetastore = false;
    if (!conf.contains(METASTORE_URIS) && config.metastoreDir().isPresent()) {
      Path dir = config.metastoreDir().get();
      newMetastore = !EmbeddedMetastore.exists(dir);
      embeddedMetastore(conf, dir, java.net.URI.create(conf.get("spark.sql.warehouse.dir")));
    }
    SparkSession spark = SparkSession.builder().config(conf).enableHiveSupport().getOrCreate();
    buildAnalyzerInTheBackground(spark);
    if (newMetastore) {
      openMetastoreInTheBackground(spark);
    }
    return new Opened(spark, newMetastore);
  }

  /**
   * Derby creates a new metastore's schema when Spark first opens the catalog: about four
   * seconds on a lake's first night, on the main thread before the first job
   * (docs/performance.md, twenty-fourth round). Opened here, beside the night's first jobs,
   * which read and write tables by path; a thread that needs the catalog sooner waits for it in
   * Spark's lazy initialisation.
   */
  private static void openMetastoreInTheBackground(SparkSession spark) {
    inTheBackground("citylake-metastore",
        () -> spark.sharedState().externalCatalog().databaseExists("default"));
  }

  /**
   * Spark builds a session's analyzer on its first query, and Sedona's extension registers its
   * hundreds of functions then: about three seconds of one thread, while every other thread that
   * starts a query waits for it (the night's second job thread did, at the start of every night).
   * Started here, it runs beside the rest of a command's start-up instead, above all the
   * metastore's start, which a command opening a lake waits for ({@code LakeCatalog}).
   */
  private static void buildAnalyzerInTheBackground(SparkSession spark) {
    inTheBackground("citylake-analyzer", () -> spark.sessionState().analyzer());
  }

  /**
   * Runs a part of the session's lazy start-up on a daemon thread of its own. A failure is left
   * to the first statement that needs that part: it starts it again and reports what failed.
   */
  private static void inTheBackground(String name, Runnable start) {
    Thread thread = new Thread(() -> {
      try {
        start.run();
      } catch (RuntimeException | LinkageError e) {
        // reported by the first statement that needs it
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The lake's own Derby metastore. A copied or moved lake brings the metastore of the lake it
   * came from: its databases are moved under this lake's warehouse before Spark reads them.
   */
  private static void embeddedMetastore(SparkConf conf, Path dir, java.net.URI warehouse) {
    Path absolute = dir.toAbsolutePath();
    absolute.toFile().mkdirs();
    System.setProperty("derby.stream.error.file", absolute.resolve("derby.log").toString());
    EmbeddedMetastore.moveDatabasesUnder(absolute, warehouse);
    conf.set(
        "spark.hadoop.javax.jdo.option.ConnectionURL",
        "jdbc:derby:;databaseName=" + absolute.resolve("metastore_db") + ";create=true");
    conf.set("spark.hadoop.datanucleus.schema.autoCreateAll", "true");
    conf.set("spark.hadoop.hive.metastore.schema.verification", "false");
    // Hive copies the warehouse folder's group and permissions onto each table's folder it
    // creates, through FsShell on the local file system, which reads them by forking `ls -ld`:
    // about 230 processes and 9 s for the seventy tables a first night registers
    // (docs/performance.md, fifteenth round). The folders keep the process's umask instead.
    conf.setIfMissing("spark.hadoop.hive.warehouse.subdir.inherit.perms", "false");
  }
}
