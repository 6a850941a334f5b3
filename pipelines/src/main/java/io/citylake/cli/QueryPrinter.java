package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.StructField;

/**
 * Runs one SQL statement on a session and prints at most {@code maxRows} rows of its result in
 * the chosen format. Values are printed as Spark casts them to text (so timestamps are in the
 * session time zone, Asia/Tokyo); binary values such as WKB geometries as hex.
 */
final class QueryPrinter {
  private final SparkSession spark;
  private final OutputFormat format;
  private final int maxRows;
  private final PrintWriter out;

  QueryPrinter(SparkSession spark, OutputFormat format, int maxRows, PrintWriter out) {
    this.spark = spark;
    this.format = format;
    this.maxRows = maxRows;
    this.out = out;
  }

  /**
   * Runs {@code statement} and prints its rows; returns whether rows were left out. A statement
   * Spark refuses or fails becomes a {@link CityLakeException} with a one-line message.
   */
  boolean run(String statement) {
    try {
      Dataset<Row> result = spark.sql(statement);
      if (result.columns().length == 0) {
        return false;
      }
      Dataset<Row> shown = result.limit(maxRows + 1);
      List<String> lines = format == OutputFormat.JSON
          ? shown.toJSON().collectAsList() : List.of();
      List<Row> rows = format == OutputFormat.JSON ? List.of() : asText(shown).collectAsList();
      int count = Math.max(lines.size(), rows.size());
      print(result.columns(), rows, lines);
      return count > maxRows;
    } catch (CityLakeException e) {
      throw e;
    } catch (Exception e) { // Spark throws AnalysisException unchecked from Scala
      if (e instanceof AnalysisException) {
        throw CityLakeException.badInput("run the statement", firstLine(e.getMessage()), null);
      }
      throw CityLakeException.failed("run the statement", firstLine(String.valueOf(e)), e);
    }
  }

  private void print(String[] header, List<Row> rows, List<String> jsonLines) {
    switch (format) {
      case JSON -> jsonLines.stream().limit(maxRows).forEach(out::println);
      case CSV -> {
        out.println(csvLine(Arrays.asList(header)));
        rows.stream().limit(maxRows).forEach(row -> out.println(csvLine(cells(row))));
      }
      case TABLE -> {
        TextTable table = new TextTable(Arrays.asList(header));
        rows.stream().limit(maxRows).forEach(row -> table.add(cells(row)));
        out.print(table);
        int shown = Math.min(rows.size(), maxRows);
        out.println("(" + shown + (shown == 1 ? " row)" : " rows)"));
      }
    }
    out.flush();
  }

  private static Dataset<Row> asText(Dataset<Row> result) {
    StructField[] fields = result.schema().fields();
    String[] positions = new String[fields.length];
    Column[] text = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      positions[i] = "c" + i;
      Column column = functions.col(positions[i]);
      text[i] = fields[i].dataType() instanceof BinaryType
          ? functions.hex(column) : column.cast("string");
    }
    return result.toDF(positions).select(text);
  }

  private static List<String> cells(Row row) {
    List<String> cells = new ArrayList<>(row.length());
    for (int i = 0; i < row.length(); i++) {
      cells.add(row.isNullAt(i) ? null : row.getString(i));
    }
    return cells;
  }

  private static String csvLine(List<String> cells) {
    List<String> quoted = new ArrayList<>(cells.size());
    for (String cell : cells) {
      if (cell == null) {
        quoted.add("");
      } else if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")
          || cell.contains("\r")) {
        quoted.add("\"" + cell.replace("\"", "\"\"") + "\"");
      } else {
        quoted.add(cell);
      }
    }
    return String.join(",", quoted);
  }

  /** The first non-blank line of a message: Spark's messages go on with the plan. */
  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    return message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
        .orElse("unknown error");
  }
}
