package io.citylake.testing;

/**
 * What the test classes of one test JVM share beyond the SparkSession, named for JUnit's
 * {@code @ResourceLock}: the suite runs two test classes at a time (the surefire configuration
 * in the parent pom), and a class that would see another class's work through one of these
 * declares it.
 */
public final class SharedResources {
  /**
   * The JVM's one Hive metastore. Table names such as {@code gold.x} resolve into whichever lake
   * was registered or opened last (a night registers its lake, every CLI command re-points the
   * tables at its own lake). Classes that open or register any other lake than the shared sample
   * lake lock it exclusively; classes that only read the shared sample lake lock it for reading,
   * so they run beside each other.
   */
  public static final String METASTORE = "citylake.metastore";

  /**
   * Spark's Thrift server, behind the JDBC endpoint: its listener, event manager and UI tab are
   * fields of one JVM-wide object, so one endpoint runs at a time.
   */
  public static final String JDBC_ENDPOINT = "citylake.jdbc-endpoint";

  private SharedResources() {}
}
