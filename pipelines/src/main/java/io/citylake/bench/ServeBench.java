package io.citylake.bench;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import io.citylake.publish.JdbcEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;

/**
 * {@code citylake bench serve}: the JDBC endpoint on an existing lake's gold tables, started in
 * this process on a free loopback port and timed (its warm-up included), then measured as its
 * clients see it ({@link ServeClients}) and closed.
 */
public final class ServeBench {
  private static final String VERB = "run the serve benchmark";

  private final SparkSession spark;
  private final LakeConfig config;

  public ServeBench(SparkSession spark, LakeConfig config) {
    this.spark = spark;
    this.config = config;
  }

  /**
   * Fails with one line when a local lake has no gold Delta table, before Spark starts (a lake
   * elsewhere is checked in the metastore by {@link #run}).
   */
  public static void requireGoldTables(LakeConfig config) {
    if (!"file".equals(config.lakeRoot().getScheme())) {
      return;
    }
    Path gold = Path.of(config.lakeRoot()).resolve("gold");
    boolean any = false;
    if (Files.isDirectory(gold)) {
      try (Stream<Path> tables = Files.list(gold)) {
        any = tables.anyMatch(t -> Files.isDirectory(t.resolve("_delta_log")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!any) {
      throw noGoldTables(config);
    }
  }

  /** Starts the endpoint (warmed or not), measures it and stops it. */
  public ServeBenchResult run(double sparkSeconds, boolean warmUp, int connections, int rounds) {
    ExternalCatalog catalog = spark.sharedState().externalCatalog();
    if (!catalog.databaseExists(JdbcEndpoint.GOLD)
        || catalog.listTables(JdbcEndpoint.GOLD).isEmpty()) {
      throw noGoldTables(config);
    }
    double loadBefore = load();
    long started = System.nanoTime();
    try (JdbcEndpoint endpoint = JdbcEndpoint.start(spark, "localhost", freeLoopbackPort(),
        Set.of(JdbcEndpoint.GOLD), Optional.empty(), warmUp)) {
      double startSeconds = (System.nanoTime() - started) / 1e9;
      ServeClients.Measured measured =
          new ServeClients(endpoint.url(), ServeQuery.mix()).measure(connections, rounds);
      return new ServeBenchResult(sparkSeconds, startSeconds, endpoint.warmUp(), measured,
          loadBefore, load());
    }
  }

  private static CityLakeException noGoldTables(LakeConfig config) {
    Object lake = "file".equals(config.lakeRoot().getScheme()) ? Path.of(config.lakeRoot())
        : config.lakeRoot();
    return CityLakeException.badInput(VERB,
        "the lake has no gold tables; run 'citylake nightly' first", lake);
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw CityLakeException.failed(VERB, "no free loopback port: " + e.getMessage(), e);
    }
  }

  /** The 1-minute load average, or -1 where the system has none. */
  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
