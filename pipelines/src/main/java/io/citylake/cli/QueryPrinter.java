package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.StructField;

/**
 * Runs one SQL statement on a session and prints at most {@code maxRows} rows of its result in
 * the chosen format. Values are printed as Spark casts them to text (so timestamps are in the
 * session time zone, Asia/Tokyo), fractional numbers in plain decimals, binary values such as WKB
 * geometries as hex; JSON keeps null columns as {@code null}.
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
      List<String> lines = format == OutputFormat.JSON ? json(shown) : List.of();
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

  /** JSON Lines with every column, null ones as {@code "key": null} (Spark's default drops them). */
  private static List<String> json(Dataset<Row> rows) {
    return rows.select(functions.to_json(functions.struct(functions.col("*")),
            Map.of("ignoreNullFields", "false")))
        .as(Encoders.STRING()).collectAsList();
  }

  /**
   * Every column as text, except fractional numbers, which stay numbers so that {@link #cells}
   * prints them in plain decimals (Spark's cast writes {@code 5.632083640148405E11}).
   */
  private static Dataset<Row> asText(Dataset<Row> result) {
    StructField[] fields = result.schema().fields();
    String[] positions = new String[fields.length];
    Column[] text = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      positions[i] = "c" + i;
      Column column = functions.col(positions[i]);
      DataType type = fields[i].dataType();
      text[i] = type instanceof BinaryType ? functions.hex(column)
          : fractional(type) ? column : column.cast("string");
    }
    return result.toDF(positions).select(text);
  }

  private static boolean fractional(DataType type) {
    return type instanceof DoubleType || type instanceof FloatType || type instanceof DecimalType;
  }

  private static List<String> cells(Row row) {
    List<String> cells = new ArrayList<>(row.length());
    for (int i = 0; i < row.length(); i++) {
      cells.add(row.isNullAt(i) ? null : plain(row.get(i)));
    }
    return cells;
  }

  /** A value as text; numbers without exponent: {@code 563208364014.8405}, {@code 0.00001}. */
  static String plain(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      String text = value.toString();
      if (Double.isNaN(number) || Double.isInfinite(number) || !text.contains("E")) {
        return text;
      }
      String plain = new BigDecimal(text).stripTrailingZeros().toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    return String.valueOf(value);
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
