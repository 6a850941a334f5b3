package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The interactive {@code citylake sql} shell: reads statements ending with {@code ;} from a
 * reader (a terminal or a piped script), runs each and prints its result. A failing statement
 * prints one line on the error stream and the shell goes on; {@code quit;} or end of input ends
 * it. Prompts are shown only when a person types at a terminal.
 */
final class SqlShell {
  private final QueryPrinter printer;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean prompts;

  SqlShell(QueryPrinter printer, PrintWriter out, PrintWriter err, boolean prompts) {
    this.printer = printer;
    this.out = out;
    this.err = err;
    this.prompts = prompts;
  }

  /** Runs every statement of {@code in}; returns how many failed. */
  int run(BufferedReader in) {
    SqlScript script = new SqlScript();
    int failed = 0;
    try {
      prompt(script);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        for (String statement : script.feed(line)) {
          if (isQuit(statement)) {
            return failed;
          }
          failed += execute(statement);
        }
        prompt(script);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!script.rest().isEmpty() && !isQuit(script.rest())) {
      failed += execute(script.rest());
    }
    return failed;
  }

  private int execute(String statement) {
    try {
      if (printer.run(statement)) {
        err.println("citylake sql: more rows than --max-rows; only the first ones are shown");
        err.flush();
      }
      return 0;
    } catch (CityLakeException e) {
      err.println("citylake sql: " + QueryPrinter.firstLine(e.getMessage()));
      err.flush();
      return 1;
    }
  }

  private void prompt(SqlScript script) {
    if (prompts) {
      out.print(script.inStatement() ? "       -> " : "citylake> ");
      out.flush();
    }
  }

  private static boolean isQuit(String statement) {
    String word = statement.strip().toLowerCase(Locale.ROOT);
    return word.equals("quit") || word.equals("exit");
  }
}
