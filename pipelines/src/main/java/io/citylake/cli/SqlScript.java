package io.citylake.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into statements at the semicolons that end them, fed a line at a time as the shell
 * reads stdin. Semicolons inside quotes ({@code '…'}, {@code "…"}, {@code `…`}, with backslash
 * escapes as Spark SQL has them) and comments ({@code --}, {@code /* *}{@code /}) do not end a
 * statement. No Spark: it only has to agree with Spark on where a statement ends.
 */
final class SqlScript {
  private final StringBuilder pending = new StringBuilder();
  private char quote;
  private boolean escaped;
  private boolean blockComment;

  /** Adds one line of input and returns the statements it completed, trimmed, without ';'. */
  List<String> feed(String line) {
    List<String> complete = new ArrayList<>();
    String text = line + "\n";
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
      if (blockComment) {
        if (c == '*' && next == '/') {
          blockComment = false;
          i++;
        }
        continue;
      }
      if (quote != 0) {
        pending.append(c);
        if (escaped) {
          escaped = false;
        } else if (c == '\\' && quote != '`') {
          escaped = true;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '-' && next == '-') {
        pending.append('\n');
        break;
      }
      if (c == '/' && next == '*') {
        blockComment = true;
        i++;
        continue;
      }
      if (c == ';') {
        addStatement(complete);
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      }
      pending.append(c);
    }
    return complete;
  }

  /** What is left after the last semicolon: a last statement without one, or blank. */
  String rest() {
    return pending.toString().strip();
  }

  /** Whether a statement has started but not ended. */
  boolean inStatement() {
    return !rest().isEmpty() || quote != 0 || blockComment;
  }

  /** All statements of a whole text, including a last one without a semicolon. */
  static List<String> split(String text) {
    SqlScript script = new SqlScript();
    List<String> statements = new ArrayList<>();
    text.lines().forEach(line -> statements.addAll(script.feed(line)));
    if (!script.rest().isEmpty()) {
      statements.add(script.rest());
    }
    return statements;
  }

  private void addStatement(List<String> complete) {
    String statement = pending.toString().strip();
    pending.setLength(0);
    if (!statement.isEmpty()) {
      complete.add(statement);
    }
  }
}
