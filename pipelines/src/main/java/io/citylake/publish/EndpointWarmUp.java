package io.citylake.publish;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Column;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the JDBC endpoint does before it says it is serving, so that the first analyst does not
 * pay for the server's cold start. Profiled on the sample lake, the first query of the first
 * connection took about 10 s, later connections' first queries under a second: the first paid,
 * once per server, for Sedona's function catalogue, the Hive session machinery, class loading,
 * code generation and JIT compilation of the query path, and, once per table, for Delta's log
 * replay (the table's snapshot and file list, which Delta caches per JVM); see
 * docs/performance.md, "Analyst latency through JDBC".
 *
 * <p>So the warm-up, first, loads every served table's snapshot and file list in this process
 * (the metastore lists the tables; one thread per core, at most {@value #MAX_THREADS}), in the
 * endpoint's own read-only session; then, as a JDBC client of the endpoint (a client session like
 * any other), it runs one query of each shape analysts start with: the latest partition of a
 * partitioned table and the first rows of an unpartitioned one. A query per table would compile
 * code for that table's columns, which an analyst's own query does not reuse, at about two CPU
 * seconds a table. A table that cannot be read is reported, not fatal: the others are served.
 */
public final class EndpointWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(EndpointWarmUp.class);
  private static final int ROWS = 100;
  private static final int MAX_THREADS = 4;

  private final SparkSession served;
  private final Set<String> databases;

  /** Warms the tables of {@code databases} as {@code served} (the endpoint's session) sees them. */
  public EndpointWarmUp(SparkSession served, Set<String> databases) {
    this.served = served;
    this.databases = new TreeSet<>(databases);
  }

  /** A table whose snapshot and file list were loaded, or why they were not. */
  public record WarmedTable(String table, Optional<String> partitionColumn, int files,
      double seconds, Optional<String> failure) {}

  /** A query run through JDBC, or why it failed. */
  public record WarmedQuery(String table, String query, int rows, double seconds,
      Optional<String> failure) {}

  /** Every served table in name order, the queries run and the whole warm-up's seconds. */
  public record Report(List<WarmedTable> tables, List<WarmedQuery> queries, double seconds) {
    public Report {
      tables = List.copyOf(tables);
      queries = List.copyOf(queries);
    }

    /** The tables and queries that failed, by table. */
    public List<String> failed() {
      return Stream.concat(
          tables.stream().filter(t -> t.failure().isPresent()).map(WarmedTable::table),
          queries.stream().filter(q -> q.failure().isPresent()).map(WarmedQuery::table))
          .distinct().toList();
    }

    /** One line for the operator, e.g. {@code warmed 27 tables of gold in 9.8s (...)}. */
    public String summary() {
      List<String> dbs = tables.stream().map(t -> t.table().split("\\.")[0]).distinct().toList();
      return String.format("warmed %d tables of %s in %.1fs (Delta snapshots and file lists,"
          + " %d queries through JDBC)%s", tables.size() - failed().size(),
          String.join(", ", dbs), seconds, queries.size(),
          failed().isEmpty() ? "" : "; could not read " + failed());
    }
  }

  /** Loads every served table, then runs the shapes' queries through a JDBC client of {@code url}. */
  public Report run(String url) {
    long started = System.nanoTime();
    List<WarmedTable> tables = inParallel(tables().stream()
        .map(table -> (Callable<WarmedTable>) () -> load(table)).toList());
    List<WarmedQuery> queries = query(url, shapes(tables));
    Report report = new Report(tables, queries, seconds(started));
    tables.stream().filter(t -> t.failure().isPresent()).forEach(t -> LOG.warn(
        "Cannot warm up {} for JDBC clients: {}", t.table(), t.failure().orElse("")));
    queries.stream().filter(q -> q.failure().isPresent()).forEach(q -> LOG.warn(
        "Cannot warm up the JDBC query path with {}: {}", q.table(), q.failure().orElse("")));
    return report;
  }

  /** The tables (not views) of the served databases, from the metastore: no snapshot is read. */
  List<String> tables() {
    return ServedTables.entries(served, databases).stream()
        .filter(table -> table.tableType() != CatalogTableType.VIEW())
        .map(table -> table.identifier().database().get() + "." + table.identifier().table())
        .sorted().toList();
  }


  /** The table's columns and file list: Delta loads the snapshot and caches its files. */
  private WarmedTable load(String table) {
    long started = System.nanoTime();
    try {
      Optional<String> partition = served.catalog().listColumns(table).collectAsList().stream()
          .filter(Column::isPartition).map(Column::name).findFirst();
      int files = served.table(table).inputFiles().length;
      LOG.info("warmed {} for JDBC clients: {} files in {}s", table, files, seconds(started));
      return new WarmedTable(table, partition, files, seconds(started), Optional.empty());
    } catch (AnalysisException | RuntimeException e) {
      return new WarmedTable(table, Optional.empty(), 0, seconds(started),
          Optional.of(firstLine(e.getMessage())));
    }
  }

  /** The first loaded partitioned table and the first unpartitioned one, in name order. */
  private static List<WarmedTable> shapes(List<WarmedTable> tables) {
    List<WarmedTable> loaded = tables.stream().filter(t -> t.failure().isEmpty()).toList();
    return Stream.concat(
        loaded.stream().filter(t -> t.partitionColumn().isPresent()).limit(1),
        loaded.stream().filter(t -> t.partitionColumn().isEmpty()).limit(1)).toList();
  }

  private List<WarmedQuery> query(String url, List<WarmedTable> tables) {
    List<WarmedQuery> queries = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, "citylake-warm-up", "");
        Statement statement = connection.createStatement()) {
      for (WarmedTable table : tables) {
        queries.add(read(statement, table.table(), sql(table)));
      }
    } catch (SQLException e) {
      for (int i = queries.size(); i < tables.size(); i++) {
        queries.add(new WarmedQuery(tables.get(i).table(), sql(tables.get(i)), 0, 0,
            Optional.of(firstLine(e.getMessage()))));
      }
    }
    return queries;
  }

  private static WarmedQuery read(Statement statement, String table, String sql) {
    long started = System.nanoTime();
    int rows = 0;
    try (ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows++;
      }
    } catch (SQLException e) {
      return new WarmedQuery(table, sql, rows, seconds(started),
          Optional.of(firstLine(e.getMessage())));
    }
    return new WarmedQuery(table, sql, rows, seconds(started), Optional.empty());
  }

  /** The latest partition, at most {@value #ROWS} rows; the first rows when unpartitioned. */
  private static String sql(WarmedTable table) {
    String[] parts = table.table().split("\\.", 2);
    String quoted = "`" + parts[0] + "`.`" + parts[1] + "`";
    return table.partitionColumn().map(p -> "SELECT * FROM " + quoted + " WHERE `" + p
        + "` = (SELECT max(`" + p + "`) FROM " + quoted + ") LIMIT " + ROWS)
        .orElse("SELECT * FROM " + quoted + " LIMIT " + ROWS);
  }

  private static <T> List<T> inParallel(List<Callable<T>> tasks) {
    int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "citylake-jdbc-warm-up");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> future : pool.invokeAll(tasks)) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while warming the JDBC endpoint", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot warm the JDBC endpoint", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static String firstLine(String message) {
    return String.valueOf(message).lines().findFirst().orElse("");
  }
}
