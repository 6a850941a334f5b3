package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code citylake sql}: SQL on the lake's metastore (databases bronze, silver, gold), either one
 * statement from the command line or a shell reading statements ending with {@code ;} from stdin.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run SQL on the lake's tables (bronze.*, silver.*, gold.*).",
        "With a statement: run it and print the result. Without: a shell that reads statements"
            + " ending with ';' from stdin (quit; or end of input ends it)."},
    footer = {"%nExamples:",
        "  citylake sql \"SELECT * FROM gold.kpi_catalogue WHERE municipality = 'sapporo'\"",
        "  citylake sql --format csv < queries.sql > result.csv"})
final class SqlCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Parameters(arity = "0..1", paramLabel = "STATEMENT",
      description = "SQL to run (several statements separated by ';' are run in order).")
  String statement;

  @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
      description = "Output: aligned table, CSV or JSON Lines (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "1000",
      description = "Print at most N rows per statement (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat output = outputFormat();
    if (maxRows < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--max-rows': must be at least 1 (got: " + maxRows + ")");
    }
    if (statement != null && statement.isBlank()) {
      throw CityLakeException.badInput("run SQL", "the statement is empty", "\"\"");
    }
    LakeConfig config = lake.builtConfig("run SQL");
    PrintWriter out = spec.commandLine().getOut();
    QueryPrinter printer = new QueryPrinter(SparkCommand.session(config), output, maxRows, out);
    if (statement != null) {
      for (String each : SqlScript.split(statement)) {
        if (printer.run(each)) {
          spec.commandLine().getErr().println(
              "citylake sql: more rows than --max-rows; only the first " + maxRows + " are shown");
        }
      }
      return 0;
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    SqlShell shell = new SqlShell(printer, out, spec.commandLine().getErr(),
        System.console() != null);
    return shell.run(in) == 0 ? 0 : CityLakeException.FAILED;
  }

  private OutputFormat outputFormat() {
    try {
      return OutputFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--format': expected table, csv or json (got: " + format + ")");
    }
  }
}
