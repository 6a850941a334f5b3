package io.citylake.publish;

import io.citylake.lake.CityLakeException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;

/**
 * A HiveServer2-compatible JDBC endpoint (Spark's Thrift server) on the lake's metastore, for
 * DBeaver, beeline or any JDBC client: {@code jdbc:hive2://HOST:PORT/gold}. Every client session
 * is read-only and can read the tables of the served databases only, normally {@code gold}
 * ({@link ReadOnlyGuard}), and its metadata calls list only those databases
 * ({@link ReadableMetadataOperations}), with each table's columns ({@link ServedColumns}); the
 * server runs inside the caller's Spark application, so queries use its executors and its
 * metastore. Before it returns from
 * {@link #start} it warms the served tables ({@link EndpointWarmUp}), so the first client does
 * not pay for the cold start.
 *
 * <p>On a loopback address anyone on the machine may connect without a password. An endpoint
 * other machines can reach must authenticate its clients: it refuses to start without a
 * {@link PasswordFile}, and with one every connection must give a user and password of that
 * file (HiveServer2's CUSTOM authentication, {@link PasswordFileAuthenticator}).
 */
public final class JdbcEndpoint implements AutoCloseable {
  /** The curated database analysts query, and the one the connection string opens. */
  public static final String GOLD = "gold";

  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final String CUSTOM_PROVIDER = "hive.server2.custom.authentication.class";

  private final String host;
  private final int port;
  private final ReadOnlySqlContext context;
  private final HiveThriftServer2 server;
  private Optional<EndpointWarmUp.Report> warmUp = Optional.empty();

  private JdbcEndpoint(String host, int port, ReadOnlySqlContext context,
      HiveThriftServer2 server) {
    this.host = host;
    this.port = port;
    this.context = context;
    this.server = server;
  }

  /**
   * Starts the endpoint on {@code host:port}, serving the tables of {@code databases} read-only,
   * warms them and returns once it accepts connections.
   */
  public static JdbcEndpoint start(SparkSession spark, String host, int port,
      Set<String> databases) {
    return start(spark, host, port, databases, Optional.empty(), true);
  }

  /**
   * As {@link #start(SparkSession, String, int, Set)}, checking every client against
   * {@code passwords} when given (required when {@code host} is not a loopback address);
   * without {@code warmUp} the first clients pay for the cold start (for measuring what the
   * warm-up saves).
   */
  public static JdbcEndpoint start(SparkSession spark, String host, int port,
      Set<String> databases, Optional<PasswordFile> passwords, boolean warmUp) {
    if (passwords.isEmpty() && !isLoopback(host)) {
      throw CityLakeException.badInput("start the JDBC endpoint", host + " is reachable from"
          + " other machines, so clients must authenticate: give a password file (write one"
          + " with 'citylake passwd')", host);
    }
    passwords.ifPresent(JdbcEndpoint::requireUsers);
    requireFreePort(host, port);
    SparkSession served = spark.newSession();
    new ServedColumns(served).align(databases);
    served.conf().set("hive.server2.thrift.bind.host", host);
    served.conf().set("hive.server2.thrift.port", String.valueOf(port));
    served.conf().set("hive.server2.transport.mode", "binary");
    if (passwords.isPresent()) {
      PasswordFileAuthenticator.use(passwords.get());
      // the server builds the provider from a fresh HiveConf, which reads system properties
      System.setProperty(CUSTOM_PROVIDER, PasswordFileAuthenticator.class.getName());
      served.conf().set("hive.server2.authentication", "CUSTOM");
    } else {
      served.conf().set("hive.server2.authentication", "NONE");
    }
    ReadOnlySqlContext context = new ReadOnlySqlContext(served, databases);
    HiveThriftServer2 server;
    try {
      server = startOnFreshThread(context);
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
    JdbcEndpoint endpoint = new JdbcEndpoint(host, port, context, server);
    try {
      ReadableMetadataOperations.install(server, databases);
    } catch (RuntimeException e) {
      endpoint.close();
      throw e;
    }
    context.admitClients();
    if (!endpoint.awaitListening()) {
      endpoint.close();
      throw CityLakeException.failed("start the JDBC endpoint",
          "nothing listens on " + host + ":" + port + " after " + STARTUP.toSeconds() + "s", null);
    }
    if (warmUp) {
      endpoint.warmUp = Optional.of(new EndpointWarmUp(served, databases).run(endpoint.url()));
    }
    return endpoint;
  }

  /**
   * Starts the Thrift server on a thread of its own. Its execution Hive client adopts the Hive
   * session state of the calling thread when there is one (a thread that has used the metastore
   * before, as in a test JVM), and with it that state's configuration: the server would then
   * ignore the host and port set above and listen on Hive's default 10000.
   */
  private static HiveThriftServer2 startOnFreshThread(ReadOnlySqlContext context) {
    java.util.concurrent.atomic.AtomicReference<Object> outcome =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread starter = new Thread(() -> {
      try {
        outcome.set(HiveThriftServer2.startWithContext(context));
      } catch (RuntimeException | Error e) {
        outcome.set(e);
      }
    }, "citylake-jdbc-endpoint-start");
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CityLakeException.failed("start the JDBC endpoint", "interrupted", e);
    }
    if (outcome.get() instanceof HiveThriftServer2 server) {
      return server;
    }
    Throwable failure = (Throwable) outcome.get();
    throw CityLakeException.failed("start the JDBC endpoint", String.valueOf(
        failure == null ? "no server" : failure.getMessage()).lines().findFirst().orElse(""),
        failure);
  }

  /** The JDBC URL of the gold database, e.g. {@code jdbc:hive2://localhost:10000/gold}. */
  public String url() {
    return "jdbc:hive2://" + host + ":" + port + "/" + GOLD;
  }

  public int port() {
    return port;
  }

  /** What the warm-up read before the endpoint was handed out; empty when it was not warmed. */
  public Optional<EndpointWarmUp.Report> warmUp() {
    return warmUp;
  }

  @Override
  public void close() {
    server.stop();
    context.close();
  }

  /** True when every address {@code host} names is this machine's loopback. */
  public static boolean isLoopback(String host) {
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      return Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      throw CityLakeException.badInput("start the JDBC endpoint", "unknown host", host);
    }
  }

  private static void requireUsers(PasswordFile passwords) {
    if (passwords.users().isEmpty()) {
      throw CityLakeException.badInput("start the JDBC endpoint", "the password file names no"
          + " user (add one with 'citylake passwd')", passwords.path());
    }
  }

  private static void requireFreePort(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw CityLakeException.badInput("start the JDBC endpoint",
          "the port is taken or the host is not local (" + e.getMessage() + ")", host + ":" + port);
    }
  }

  private boolean awaitListening() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), 500);
        return true;
      } catch (IOException notYet) {
        sleep();
      }
    }
    return false;
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
