package io.citylake.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every analyst notebook in {@code notebooks/} still runs: each {@code %%sql} cell is executed on
 * the shared sample lake's first night, in a read-only session that may read what the
 * notebook's {@code citylake serve} line serves, as the JDBC endpoint would run it. A cell must
 * return rows unless its first line says {@code -- may return no rows}.
 */
@Order(1)
@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)
class NotebooksOnSampleLakeTest extends SparkTestBase {
  private static final int MIN_SQL_CELLS = 4;
  private static final String MAY_BE_EMPTY = "-- may return no rows";
  private static final Pattern SERVE =
      Pattern.compile("citylake serve(?: --databases ([a-z,]+))?");

  @BeforeAll
  static void shareTheLake() {
    SampleLakeNight.shared(spark());
  }

  /** A {@code %%sql} cell: its index among the notebook's cells and its statement. */
  record SqlCell(int index, String statement) {
    boolean mayBeEmpty() {
      return statement.startsWith(MAY_BE_EMPTY);
    }
  }

  private static List<Path> notebooks() throws IOException {
    Path folder = Path.of(System.getProperty("citylake.home", "..")).resolve("notebooks");
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  private static String source(JsonNode cell) {
    JsonNode source = cell.path("source");
    if (source.isTextual()) {
      return source.asText();
    }
    StringBuilder text = new StringBuilder();
    source.forEach(line -> text.append(line.asText()));
    return text.toString();
  }

  private static List<SqlCell> sqlCells(JsonNode notebook) {
    List<SqlCell> cells = new ArrayList<>();
    JsonNode all = notebook.path("cells");
    for (int i = 0; i < all.size(); i++) {
      String source = source(all.get(i));
      if (all.get(i).path("cell_type").asText().equals("code") && source.startsWith("%%sql")) {
        String statement = source.substring(source.indexOf('\n') + 1).strip();
        cells.add(new SqlCell(i, statement.replaceAll(";\\s*$", "")));
      }
    }
    return cells;
  }

  /** The databases the notebook tells the reader to serve: {@code gold} unless it says more. */
  private static Set<String> served(JsonNode notebook) {
    Matcher serve = SERVE.matcher(source(notebook.path("cells").get(0)));
    assertThat(serve.find()).as("the first cell says how to start citylake serve").isTrue();
    return serve.group(1) == null ? Set.of("gold") : Set.of(serve.group(1).split(","));
  }

  @Test
  void everyNotebookIsNbformat4WithTheConventionExplained() throws IOException {
    List<Path> notebooks = notebooks();
    assertThat(notebooks).extracting(p -> p.getFileName().toString())
        .contains("kpi-exploration.ipynb", "spatial-view.ipynb", "quarantine-review.ipynb");
    for (Path file : notebooks) {
      JsonNode notebook = new ObjectMapper().readTree(file.toFile());
      assertThat(notebook.path("nbformat").asInt()).as(file.toString()).isEqualTo(4);
      assertThat(notebook.path("cells").get(0).path("cell_type").asText()).isEqualTo("markdown");
      assertThat(source(notebook.path("cells").get(0))).as(file.toString()).contains("%%sql");
      assertThat(sqlCells(notebook)).as(file.toString()).hasSizeGreaterThanOrEqualTo(MIN_SQL_CELLS);
    }
  }

  @Test
  void everySqlCellRunsOnTheSampleLake() throws IOException {
    List<String> failures = new ArrayList<>();
    int ran = 0;
    for (Path file : notebooks()) {
      JsonNode notebook = new ObjectMapper().readTree(file.toFile());
      SparkSession session = ReadOnlyGuard.protect(spark().newSession(), served(notebook));
      for (SqlCell cell : sqlCells(notebook)) {
        String where = file.getFileName() + " cell " + cell.index();
        try {
          int rows = session.sql(cell.statement()).takeAsList(1).size();
          if (rows == 0 && !cell.mayBeEmpty()) {
            failures.add(where + ": returned no rows");
          }
          ran++;
        } catch (Exception e) {
          failures.add(where + ": " + e.getMessage().strip().lines().findFirst().orElse(""));
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(String.join("\n", failures));
    }
    assertThat(ran).isGreaterThanOrEqualTo(3 * MIN_SQL_CELLS);
  }
}
