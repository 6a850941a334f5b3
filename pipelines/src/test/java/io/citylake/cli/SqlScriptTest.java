package io.citylake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void semicolonsEndStatementsOutsideQuotesAndComments() {
    assertThat(SqlScript.split("SELECT 1; SELECT 'a;b' AS `x;y`;\n"
        + "SELECT \"c;\" -- a comment; not a statement\n FROM t;"
        + " /* block; comment */ SELECT 2"))
        .containsExactly("SELECT 1", "SELECT 'a;b' AS `x;y`", "SELECT \"c;\" \n FROM t",
            "SELECT 2");
  }

  @Test
  void escapedQuotesStayInsideTheString() {
    assertThat(SqlScript.split("SELECT 'it\\'s; fine'; SELECT 3;"))
        .containsExactly("SELECT 'it\\'s; fine'", "SELECT 3");
  }

  @Test
  void statementsSpanLinesAndCompleteOnlyAtTheirSemicolon() {
    SqlScript script = new SqlScript();
    assertThat(script.inStatement()).isFalse();
    assertThat(script.feed("SELECT municipality")).isEmpty();
    assertThat(script.inStatement()).isTrue();
    assertThat(script.feed("FROM gold.kpi_catalogue; SELECT")).containsExactly(
        "SELECT municipality\nFROM gold.kpi_catalogue");
    assertThat(script.rest()).isEqualTo("SELECT");
    assertThat(script.feed("'multi")).isEmpty();
    assertThat(script.feed("line;';")).containsExactly("SELECT\n'multi\nline;'");
    assertThat(script.inStatement()).isFalse();
  }

  @Test
  void emptyStatementsAreSkipped() {
    assertThat(SqlScript.split(" ; ;\n-- only a comment\n;")).isEqualTo(List.of());
  }
}
