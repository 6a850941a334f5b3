package io.citylake.bench;

import io.citylake.lake.CityLakeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline the nightly pipeline is raced against: the gold KPIs recomputed straight from the
 * lake's raw files by one SQL script ({@code duckdb-kpis.sql}, kept beside this class) in an
 * in-process DuckDB with a fixed number of threads. It answers "how long would the simplest fast
 * engine take for the same numbers", which only means something because {@link KpiComparison}
 * checks the numbers are the same.
 */
public final class DuckDbBaseline {
  static final String SCRIPT = "duckdb-kpis.sql";
  private static final Pattern READ_CSV_GLOB =
      Pattern.compile("(read_csv\\(')((?:[^']|'')*[*?][^']*)'");

  private final Path lake;
  private final int minPersons;
  private final int threads;

  /**
   * @param lake local lake root holding {@code raw/} and {@code reference/}
   * @param minPersons k of k-anonymity ({@code LakeConfig.minPersonsPerCell})
   * @param threads DuckDB worker threads
   */
  public DuckDbBaseline(Path lake, int minPersons, int threads) {
    this.lake = lake.toAbsolutePath().normalize();
    this.minPersons = minPersons;
    this.threads = threads;
  }

  /** The KPI cells and the wall time of the whole run (script and reading the results). */
  public record Result(double seconds, int threads, List<KpiCell> cells) {
    public Result {
      cells = List.copyOf(cells);
    }
  }

  public Result run(List<ComparedKpi> kpis) {
    Path standIn = emptyStandIn();
    try {
      return run(kpis, statements(withStandIns(script(), standIn)));
    } finally {
      deleteStandIn(standIn);
    }
  }

  private Result run(List<ComparedKpi> kpis, List<String> statements) {
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + threads);
      statement.execute("SET temp_directory = '" + quoted(tempDirectory()) + "'");
      for (String sql : statements) {
        statement.execute(sql);
      }
      List<KpiCell> cells = new ArrayList<>();
      for (ComparedKpi kpi : kpis) {
        cells.addAll(read(statement, kpi));
      }
      return new Result((System.nanoTime() - start) / 1e9, threads, cells);
    } catch (SQLException e) {
      throw CityLakeException.failed("run the DuckDB baseline on " + lake.resolve("raw"),
          firstLine(e.getMessage()), e);
    }
  }

  /** The script with its placeholders filled in for this lake. */
  String script() {
    try (InputStream in = DuckDbBaseline.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find the resource " + SCRIPT);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("${raw}", quoted(lake.resolve("raw").toString()))
          .replace("${reference}", quoted(lake.resolve("reference").toString()))
          .replace("${k}", Integer.toString(minPersons));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The script with each {@code read_csv} glob that matches no file (a dataset the lake has no
   * delivery of yet, such as the arrivals of a generated lake's first day, which come late)
   * pointed at {@code standIn}, an empty file in a {@code dt=} folder, so that DuckDB reads no
   * rows where it would refuse the glob; gold has no rows there either.
   */
  static String withStandIns(String script, Path standIn) {
    Matcher globs = READ_CSV_GLOB.matcher(script);
    StringBuilder out = new StringBuilder();
    while (globs.find()) {
      String glob = globs.group(2);
      String source = RawGlob.matchesAFile(glob.replace("''", "'")) ? glob : quoted(standIn.toString());
      globs.appendReplacement(out, Matcher.quoteReplacement(globs.group(1) + source + "'"));
    }
    globs.appendTail(out);
    return out.toString();
  }

  private static Path emptyStandIn() {
    try {
      Path folder = Files.createTempDirectory("citylake-duckdb-empty-").resolve("dt=1970-01-01");
      Files.createDirectories(folder);
      return Files.createFile(folder.resolve("empty.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteStandIn(Path standIn) {
    try {
      Files.deleteIfExists(standIn);
      Files.deleteIfExists(standIn.getParent());
      Files.deleteIfExists(standIn.getParent().getParent());
    } catch (IOException e) {
      // a leftover empty file in the temp folder harms nothing
    }
  }

  /** Statements of a script whose statements end with {@code ;} at the end of a line. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        statements.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  private static List<KpiCell> read(Statement statement, ComparedKpi kpi) throws SQLException {
    List<KpiCell> cells = new ArrayList<>();
    String columns = String.join(", ", kpi.columns());
    try (ResultSet rows = statement.executeQuery("SELECT municipality, CAST(period AS VARCHAR), "
        + columns + " FROM kpi_" + kpi.table())) {
      while (rows.next()) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < kpi.columns().size(); i++) {
          values.put(kpi.columns().get(i), rows.getObject(i + 3));
        }
        cells.add(new KpiCell(kpi.table(), rows.getString(1), LocalDate.parse(rows.getString(2)),
            values));
      }
    }
    return cells;
  }

  /** Where DuckDB may spill; it creates the folder only if it needs it. */
  private static String tempDirectory() {
    return Path.of(System.getProperty("java.io.tmpdir"),
        "citylake-duckdb-" + ProcessHandle.current().pid()).toString();
  }

  private static String quoted(String text) {
    return text.replace("'", "''");
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
