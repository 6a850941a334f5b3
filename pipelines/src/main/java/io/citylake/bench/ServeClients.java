package io.citylake.bench;

import io.citylake.lake.CityLakeException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Analyst latency through JDBC, as a client sees it: the Hive JDBC driver against a running
 * endpoint. First {@code connections} fresh connections, each timed for its connect and its first
 * query (the mix's queries in turn) and closed; then one connection runs the mix
 * {@code rounds} times. Every value of every row is fetched, as a client displays it.
 */
public final class ServeClients {
  private static final String USER = "citylake-bench";

  private final String url;
  private final List<ServeQuery> mix;

  public ServeClients(String url, List<ServeQuery> mix) {
    this.url = url;
    this.mix = List.copyOf(mix);
  }

  /** A fresh connection's connect and first query; the analyst waits for both. */
  public record FirstQuery(int connection, String query, double connectSeconds,
      double querySeconds, int rows) {
    public double firstResultSeconds() {
      return connectSeconds + querySeconds;
    }
  }

  /** One query of the mix in one round, on the rounds' connection. */
  public record MixQuery(int round, String query, double seconds, int rows) {}

  /** The first queries of the fresh connections and the mix's queries, in the order run. */
  public record Measured(List<FirstQuery> firstQueries, List<MixQuery> mix) {
    public Measured {
      firstQueries = List.copyOf(firstQueries);
      mix = List.copyOf(mix);
    }
  }

  /** Measures {@code connections} fresh connections, then {@code rounds} rounds of the mix. */
  public Measured measure(int connections, int rounds) {
    List<FirstQuery> firsts = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      firsts.add(firstQuery(i + 1, mix.get(i % mix.size())));
    }
    List<MixQuery> timed = new ArrayList<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (int round = 1; round <= rounds; round++) {
        for (ServeQuery query : mix) {
          long started = System.nanoTime();
          int rows = fetch(statement, query);
          timed.add(new MixQuery(round, query.name(), seconds(started), rows));
        }
      }
    } catch (SQLException e) {
      throw failed("the rounds' connection", e);
    }
    return new Measured(firsts, timed);
  }

  private FirstQuery firstQuery(int number, ServeQuery query) {
    long started = System.nanoTime();
    try (Connection connection = connect()) {
      double connect = seconds(started);
      long queried = System.nanoTime();
      int rows;
      try (Statement statement = connection.createStatement()) {
        rows = fetch(statement, query);
      }
      return new FirstQuery(number, query.name(), connect, seconds(queried), rows);
    } catch (SQLException e) {
      throw failed("connection " + number, e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, USER, "");
  }

  private static int fetch(Statement statement, ServeQuery query) {
    int rows = 0;
    try (ResultSet result = statement.executeQuery(query.sql())) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        for (int c = 1; c <= columns; c++) {
          result.getObject(c);
        }
        rows++;
      }
    } catch (SQLException e) {
      throw failed("query " + query.name(), e);
    }
    return rows;
  }

  private static CityLakeException failed(String what, SQLException e) {
    return CityLakeException.failed("run the serve benchmark", what + " failed: "
        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
