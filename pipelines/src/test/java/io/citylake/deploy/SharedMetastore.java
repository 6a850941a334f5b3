package io.citylake.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Hive metastore service backed by PostgreSQL, as a city's cluster shares one between its
 * nightly, Airflow's task processes and {@code citylake serve}: a {@link LocalPostgres} server and
 * a {@link LoopbackHiveMetastore} JVM that creates the metastore's tables in it on first use, as
 * the embedded Derby does (its settings in a {@code hive-site.xml} of its own). Clients set
 * {@code spark.hadoop.hive.metastore.uris} to {@link #uri()}.
 */
final class SharedMetastore implements AutoCloseable {
  static final String DATABASE = "metastore";

  private final LocalPostgres postgres;
  private final JvmProcess service;
  private final int port;

  private SharedMetastore(LocalPostgres postgres, JvmProcess service, int port) {
    this.postgres = postgres;
    this.service = service;
    this.port = port;
  }

  /**
   * Starts PostgreSQL and the metastore service; {@code classPath} must hold the launcher's class
   * path, this test's classes and PostgreSQL's JDBC driver.
   */
  static SharedMetastore start(Path jvmOptions, String classPath, Path folder, Path log)
      throws Exception {
    LocalPostgres postgres = LocalPostgres.start();
    try {
      postgres.createDatabase(DATABASE);
      Path conf = Files.createDirectories(folder.resolve("conf"));
      Files.writeString(conf.resolve("hive-site.xml"), hiveSite(postgres.jdbcUrl(DATABASE),
          Files.createDirectories(folder.resolve("warehouse"))));
      int port = LoopbackPorts.free();
      // hive-site.xml first on the class path: HiveConf reads it from there
      JvmProcess service = JvmProcess.start(jvmOptions, List.of(), "1g",
          conf + ":" + classPath, LoopbackHiveMetastore.class.getName(),
          List.of(Integer.toString(port)), Map.of(), null, log);
      // LoopbackHiveMetastore prints the line once its socket is bound
      if (!service.awaitLog("serving " + port, Duration.ofMinutes(2))) {
        String tail = service.tail(40);
        service.close();
        throw new IllegalStateException("the metastore service did not start:\n" + tail);
      }
      return new SharedMetastore(postgres, service, port);
    } catch (Exception | Error e) {
      postgres.close();
      throw e;
    }
  }

  /**
   * The service's settings. DataNucleus creates the metastore's tables on first use, but not its
   * foreign keys: on PostgreSQL it adds a key from a second connection while the request's own
   * transaction holds a lock on the referenced table, and waits for itself for ever (seen on the
   * first {@code create_table}). A production metastore gets its schema, keys included, from
   * Hive's {@code schematool -initSchema -dbType postgres} instead (docs/deploy.md).
   */
  private static String hiveSite(String jdbcUrl, Path warehouse) {
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    settings.put("javax.jdo.option.ConnectionURL", jdbcUrl);
    settings.put("javax.jdo.option.ConnectionDriverName", "org.postgresql.Driver");
    settings.put("javax.jdo.option.ConnectionUserName", LocalPostgres.USER);
    settings.put("javax.jdo.option.ConnectionPassword", "");
    settings.put("datanucleus.schema.autoCreateAll", "false");
    settings.put("datanucleus.schema.autoCreateTables", "true");
    settings.put("datanucleus.schema.autoCreateColumns", "true");
    settings.put("datanucleus.schema.autoCreateConstraints", "false");
    settings.put("hive.metastore.schema.verification", "false");
    settings.put("hive.metastore.warehouse.dir", warehouse.toUri().toString());
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<configuration>\n");
    settings.forEach((name, value) -> xml.append("  <property><name>").append(name)
        .append("</name><value>").append(value).append("</value></property>\n"));
    return xml.append("</configuration>\n").toString();
  }

  /**
   * The service's class path: the launcher's (Spark's Hive 2.3.9 classes), this test's classes
   * ({@link LoopbackHiveMetastore}) and PostgreSQL's JDBC driver, a test dependency of the
   * {@code cluster} profile (looked up by name so the tests compile without the profile).
   */
  static String classPath(String launcherClassPath) throws Exception {
    return launcherClassPath + ":" + jarOf(LoopbackHiveMetastore.class) + ":"
        + jarOf(Class.forName("org.postgresql.Driver"));
  }

  private static String jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  String uri() {
    return "thrift://127.0.0.1:" + port;
  }

  /** The names of the metastore's tables in {@code database}, read from PostgreSQL itself. */
  List<String> tablesIn(String database) throws Exception {
    return postgres.column(DATABASE, "SELECT t.\"TBL_NAME\" FROM \"TBLS\" t JOIN \"DBS\" d"
        + " ON t.\"DB_ID\" = d.\"DB_ID\" WHERE d.\"NAME\" = '" + database + "'"
        + " ORDER BY t.\"TBL_NAME\"");
  }

  @Override
  public void close() {
    service.close();
    postgres.close();
  }
}
