package io.citylake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.conform.Quarantine;
import io.citylake.contract.RawDataset;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code citylake quarantine --examples} on a hand-made quarantine: one row per kind of rule
 * (column numbers do not split a kind), each example with its file, offending field and value,
 * and identifiers masked unless {@code --show-identifiers} asks for them, with a warning.
 */
@Order(5)
@ResourceLock(SharedResources.METASTORE)
class QuarantineCommandTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private static final String TAPS = "raw/transit/taps/dt=2026-11-01/taps.csv";
  private static final String TXNS = "raw/points/transactions/dt=2026-11-01/txns.jsonl";
  private static final String UNKNOWN_STOP = "t9,IC-SECRET-1,ic,board,S999,R1,"
      + "2026-11-01T08:00:00+09:00,210";

  private record Outcome(int exitCode, String out, String err) {}

  @BeforeAll
  static void quarantineOfOneNight() {
    // the file's own header puts card_id second, as the contract does
    RawFiles.write(lakeDir().resolve(TAPS), List.of(RawDataset.TRANSIT_TAPS.csvHeader(),
        UNKNOWN_STOP));
    List<Row> rows = new ArrayList<>();
    rows.add(row(TAPS, UNKNOWN_STOP, "unknown stop_id", "stop_id", "S999"));
    rows.add(row(TAPS, "t8,IC-SECRET-2,ic,board,S998,R1,2026-11-01T08:00:00+09:00,210",
        "unknown stop_id", "stop_id", "S998"));
    rows.add(row(TAPS, "t7,,ic,board,S1,R1,2026-11-01T08:00:00+09:00,210", "missing card_id",
        "card_id", ""));
    for (int column : new int[] {57, 61, 70}) {
      rows.add(row(TXNS, "{\"txn_id\":\"x" + column + "\",\"card_id\":\"IC-SECRET-3\",\"kind",
          "unparsable line: invalid JSON: truncated at column " + column, null, null));
    }
    Quarantine.replace(context(DAY), "transit_taps", List.of(DAY), spark().createDataFrame(
        rows.subList(0, 3), SCHEMA));
    Quarantine.replace(context(DAY), "points_transactions", List.of(DAY),
        spark().createDataFrame(rows.subList(3, 6), SCHEMA));
  }

  private static final StructType SCHEMA = StructType.fromDDL("dt DATE, source_file STRING,"
      + " raw STRING, rule STRING, ingest_run_id STRING, ingested_at TIMESTAMP, field STRING,"
      + " value STRING");

  private static Row row(String file, String raw, String rule, String field, String value) {
    return RowFactory.create(Date.valueOf(DAY), file, raw, rule, "run-1",
        Timestamp.valueOf("2026-11-02 01:00:00"), field, value);
  }

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("quarantine", "--lake", lakeDir().toString(),
        "--date", DAY.toString()));
    all.addAll(List.of(args));
    int code = CityLakeCli.execute(new PrintWriter(out), new PrintWriter(err),
        all.toArray(String[]::new));
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void examplesAreGroupedByKindWithFileFieldAndValueAndMaskedIdentifiers() {
    Outcome outcome = run("--examples");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.out()).doesNotContain("IC-SECRET")
        .contains("quarantine of 2026-11-01: 6 rows")
        .contains("points_transactions · unparsable line: invalid JSON: truncated at column N"
            + " · 3 rows (3 variants, e.g. unparsable line: invalid JSON: truncated at column 57)")
        .contains("transit_taps · unknown stop_id · 2 rows")
        .contains("  file:  " + TAPS)
        .contains("  value: stop_id = \"S998\"")
        .contains("  line:  t8,IC***,ic,board,S998,R1,")
        .contains("  file:  " + TXNS)
        .contains("\"card_id\":\"IC***\"");
    // one table row per kind: the three column numbers are one
    assertThat(outcome.out().lines()
        .filter(l -> l.startsWith("points_transactions ") && !l.contains(" · ")))
        .singleElement().asString().contains("truncated at column N").endsWith("3");
  }

  @Test
  void showIdentifiersRevealsThemWithAOneLineWarning() {
    Outcome outcome = run("--examples", "--show-identifiers");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).contains("t8,IC-SECRET-2,ic,board,S998");
    assertThat(outcome.err().lines().toList()).singleElement().asString()
        .startsWith("citylake quarantine: warning: showing personal identifiers")
        .contains("restricted");
  }
}
