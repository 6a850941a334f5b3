package io.citylake.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server from Debian's {@code postgresql} package, on loopback only (TCP on
 * 127.0.0.1 and a Unix socket in its own folder), trusting local connections: the database of the
 * shared Hive metastore service in the deploy tests. PostgreSQL refuses to run as root, so under
 * root (CI) the cluster and the server run as the package's {@code postgres} user.
 */
final class LocalPostgres implements AutoCloseable {
  static final String USER = "citylake";
  /** Debian's server programs: {@code /usr/lib/postgresql/<version>/bin}, the newest version. */
  private static final Path BIN = serverPrograms();

  private final Path folder;
  private final int port;
  private final Process server;

  private LocalPostgres(Path folder, int port, Process server) {
    this.folder = folder;
    this.port = port;
    this.server = server;
  }

  private static Path serverPrograms() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.max(java.util.Comparator.comparingInt(
              v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
          .orElseThrow().resolve("bin");
    } catch (IOException | java.util.NoSuchElementException e) {
      throw new IllegalStateException("PostgreSQL's server is not installed (Debian package"
          + " postgresql; .ci/run installs it)", e);
    }
  }

  /** Creates a cluster in a new temp folder and starts its server; returns once it accepts. */
  static LocalPostgres start() throws Exception {
    // the server's user must reach its folder: not below a test's private (0700) temp folder
    Path folder = HandedOverFolder.create("citylake-postgres-");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      HandedOverFolder.handTo(folder, "postgres");
    }
    Path data = folder.resolve("data");
    run(root, folder.resolve("initdb.log"), BIN.resolve("initdb").toString(), "-D", data.toString(),
        "-A", "trust", "-U", USER, "-E", "UTF8", "--no-sync");
    int port = LoopbackPorts.free();
    Process server = command(root, folder.resolve("server.log"), BIN.resolve("postgres").toString(),
        "-D", data.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
        "-k", folder.toString(), "-c", "fsync=off").start();
    LocalPostgres postgres = new LocalPostgres(folder, port, server);
    postgres.awaitReady(Duration.ofSeconds(60));
    return postgres;
  }

  /** The JDBC URL of {@code database}. */
  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  void createDatabase(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
  }

  /** The first column of {@code sql}'s rows in {@code database}. */
  List<String> column(String database, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl(database), USER, "");
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private void awaitReady(Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
        return;
      } catch (SQLException notYet) {
        if (!server.isAlive() || System.nanoTime() > end) {
          throw new IllegalStateException("PostgreSQL did not start: "
              + Files.readString(folder.resolve("server.log")), notYet);
        }
        Thread.sleep(200);
      }
    }
  }

  /** Stops the server (SIGTERM: a fast shutdown) and deletes its folder. */
  @Override
  public void close() {
    server.destroy();
    try {
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
      HandedOverFolder.delete(folder);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void run(boolean root, Path log, String... args) throws Exception {
    Process process = command(root, log, args).start();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", args) + " failed: " + Files.readString(log));
    }
  }

  private static ProcessBuilder command(boolean root, Path log, String... args) {
    List<String> command = new ArrayList<>();
    if (root) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
  }
}
