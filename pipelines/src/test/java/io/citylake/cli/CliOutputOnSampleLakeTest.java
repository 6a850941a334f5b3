package io.citylake.cli;

import static io.citylake.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.pipeline.SampleLakeNight;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * What {@code citylake sql} and {@code citylake export} print on the shared sample lake's first
 * night: qualified table names, null keys in JSON, plain decimals. Nothing is written into the
 * lake: exports go to this class's own folder.
 */
@Order(10)
@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)
class CliOutputOnSampleLakeTest extends SparkTestBase {
  private static final String NUMBERS = "SELECT CAST(563208364014.8405 AS DOUBLE) AS big,"
      + " CAST(0.00001 AS DOUBLE) AS small, CAST(1E10 AS DOUBLE) AS round,"
      + " CAST(12.50 AS DECIMAL(10, 2)) AS money, CAST(NULL AS DOUBLE) AS target";
  private static SampleLakeNight.Lake sample;

  @BeforeAll
  static void theSharedLake() {
    sample = SampleLakeNight.shared(spark());
  }

  private static CliRun sql(String format, String statement) {
    CliRun outcome = run("sql", "--lake", sample.root().toString(), "--format", format,
        statement);
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    return outcome;
  }

  @Test
  void exportTakesTheQualifiedNameThatSqlAndDictionaryUse(@TempDir Path out) {
    CliRun qualified = run("export", "--lake", sample.root().toString(), "--table",
        "gold.kpi_catalogue", "--format", "csv", "--out", out.toString());
    assertThat(qualified.exitCode()).as(qualified.err()).isZero();
    Path file = out.resolve("kpi_catalogue.csv");
    assertThat(qualified.out().strip()).isEqualTo(file.toString());
    assertThat(file).isNotEmptyFile();

    CliRun silver = run("export", "--lake", sample.root().toString(), "--table",
        "silver.transit_taps", "--out", out.toString());
    assertThat(silver.exitCode()).isEqualTo(2);
    assertThat(silver.err().lines().toList()).containsExactly("citylake export: Cannot export"
        + " silver.transit_taps: only gold tables can be exported (gold.<table> or <table>)"
        + " (got: silver.transit_taps)");
  }

  /** The README's {@code citylake report --format pdf}, one language, into a folder of its own. */
  @Test
  void reportFormatPdfWritesOnlyThePdf(@TempDir Path out) throws Exception {
    String day = sample.night().runDate().toString();
    CliRun pdf = run("report", "--lake", sample.root().toString(), "--format", "pdf", "--lang",
        "ja", "--date", day, "--out", out.toString());
    assertThat(pdf.exitCode()).as(pdf.err()).isZero();
    Path file = out.resolve("citylake-report-ja.pdf");
    List<String> lines = pdf.out().lines().toList();
    assertThat(lines).hasSize(2).first().isEqualTo("KPI report of " + day + ":");
    assertThat(lines.get(1)).endsWith(file.toString());
    assertThat(new String(java.nio.file.Files.readAllBytes(file), 0, 5,
        java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(out.resolve("citylake-report-ja.html")).doesNotExist();
  }

  @Test
  void jsonKeepsNullKeys() {
    assertThat(sql("json", NUMBERS).out().lines().toList()).singleElement().asString()
        .contains("\"target\":null");
    List<String> kpis = sql("json", "SELECT kpi_id, municipality, target FROM gold.kpi_catalogue"
        + " WHERE target IS NULL").out().lines().toList();
    assertThat(kpis).hasSize(rows("SELECT * FROM gold.kpi_catalogue WHERE target IS NULL").size())
        .allSatisfy(line -> assertThat(line).contains("\"target\":null"));
  }

  @Test
  void tableAndCsvPrintPlainDecimals() {
    assertThat(sql("csv", NUMBERS).out().lines().toList()).containsExactly(
        "big,small,round,money,target", "563208364014.8405,0.00001,10000000000.0,12.50,");
    assertThat(sql("table", NUMBERS).out())
        .contains("563208364014.8405  0.00001  10000000000.0  12.50  NULL");

    String values = "SELECT latest_value FROM gold.kpi_catalogue WHERE latest_value IS NOT NULL"
        + " ORDER BY kpi_id, municipality";
    List<String> printed = sql("csv", values).out().lines().skip(1).toList();
    List<Row> expected = rows(values);
    assertThat(printed).hasSize(expected.size()).noneMatch(cell -> cell.contains("E"));
    for (int i = 0; i < printed.size(); i++) {
      assertThat(new BigDecimal(printed.get(i)).doubleValue()).isEqualTo(expected.get(i)
          .getDouble(0));
    }
    assertThat(expected).anyMatch(r -> String.valueOf(r.getDouble(0)).contains("E"));
  }
}
