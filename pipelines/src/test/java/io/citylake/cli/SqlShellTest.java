package io.citylake.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.lake.CityLakeException;
import io.citylake.testing.SparkTestBase;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The {@code citylake sql} printer and shell on small hand-made rows. */
class SqlShellTest extends SparkTestBase {
  private static final String PEOPLE = "SELECT * FROM VALUES (1, 'Aiko', 2.5, DATE'2026-11-05'),"
      + " (22, 'Bo, \"B\"', NULL, DATE'2026-11-06') AS t(id, name, score, day) ORDER BY id";

  private static String print(OutputFormat format, int maxRows, String sql) {
    StringWriter out = new StringWriter();
    new QueryPrinter(spark(), format, maxRows, new PrintWriter(out)).run(sql);
    return out.toString();
  }

  @Test
  void tablesAreAlignedWithNullsAndARowCount() {
    assertThat(print(OutputFormat.TABLE, 10, PEOPLE).lines().toList()).containsExactly(
        "id  name     score  day",
        "--  -------  -----  ----------",
        "1   Aiko     2.5    2026-11-05",
        "22  Bo, \"B\"  NULL   2026-11-06",
        "(2 rows)");
  }

  @Test
  void csvQuotesWhatNeedsQuotingAndLeavesNullsEmpty() {
    assertThat(print(OutputFormat.CSV, 10, PEOPLE).lines().toList()).containsExactly(
        "id,name,score,day", "1,Aiko,2.5,2026-11-05", "22,\"Bo, \"\"B\"\"\",,2026-11-06");
  }

  @Test
  void jsonIsOneObjectPerRowWithNullKeysKept() {
    assertThat(print(OutputFormat.JSON, 10, PEOPLE).lines().toList()).containsExactly(
        "{\"id\":1,\"name\":\"Aiko\",\"score\":2.5,\"day\":\"2026-11-05\"}",
        "{\"id\":22,\"name\":\"Bo, \\\"B\\\"\",\"score\":null,\"day\":\"2026-11-06\"}");
  }

  @Test
  void maxRowsCutsTheResultAndSaysSo() {
    StringWriter out = new StringWriter();
    boolean cut = new QueryPrinter(spark(), OutputFormat.CSV, 1, new PrintWriter(out)).run(PEOPLE);
    assertThat(cut).isTrue();
    assertThat(out.toString().lines()).hasSize(2);
  }

  @Test
  void aBadStatementIsOneLineError() {
    assertThatThrownBy(() -> print(OutputFormat.TABLE, 10, "SELEC 1"))
        .isInstanceOf(CityLakeException.class)
        .hasMessageStartingWith("Cannot run the statement: [PARSE_SYNTAX_ERROR]")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void theShellReportsErrorsAndGoesOn() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    QueryPrinter printer = new QueryPrinter(spark(), OutputFormat.CSV, 10, new PrintWriter(out));
    SqlShell shell = new SqlShell(printer, new PrintWriter(out), new PrintWriter(err), false);
    int failed = shell.run(new BufferedReader(new StringReader(
        "SELECT 1 AS one;\nSELECT nope\n FROM VALUES (1) AS t(x);\nSELECT 'a;b' AS two\n;"
            + "SELECT 3 AS three")));
    assertThat(failed).isEqualTo(1);
    assertThat(out.toString().lines().toList())
        .containsExactly("one", "1", "two", "a;b", "three", "3");
    assertThat(err.toString().lines().toList()).singleElement().asString()
        .startsWith("citylake sql: Cannot run the statement: [UNRESOLVED_COLUMN");
  }

  @Test
  void quitEndsTheShell() {
    StringWriter out = new StringWriter();
    QueryPrinter printer = new QueryPrinter(spark(), OutputFormat.CSV, 10, new PrintWriter(out));
    int failed = new SqlShell(printer, new PrintWriter(out), new PrintWriter(new StringWriter()),
        false).run(new BufferedReader(new StringReader("SELECT 1 AS one; quit; SELECT 2 AS two;")));
    assertThat(failed).isZero();
    assertThat(out.toString().lines().toList()).containsExactly("one", "1");
  }
}
