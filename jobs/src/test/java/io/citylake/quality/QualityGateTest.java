package io.citylake.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.job.JobContext;
import io.citylake.lake.CityLakeException;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gate's three checks on hand-made bookkeeping rows: the ingest ledger's file statuses, the
 * conform accounting's counts, and the raw folders of required datasets.
 */
class QualityGateTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);
  private static final LocalDate GOOD_DAY = LocalDate.of(2026, 11, 10);
  private static final StructType LEDGER = StructType.fromDDL("dataset STRING, dt DATE,"
      + " source_file STRING, ingested_at TIMESTAMP, status STRING, reason STRING");
  private static final StructType ACCOUNTING = StructType.fromDDL("dataset STRING, dt DATE,"
      + " silver_rows BIGINT, quarantined_rows BIGINT");

  @BeforeAll
  static void bookkeeping() throws IOException {
    Date day = Date.valueOf(DAY);
    Date before = Date.valueOf(DAY.minusDays(1));
    Timestamp first = Timestamp.valueOf("2026-11-15 02:00:00");
    Timestamp corrected = Timestamp.valueOf("2026-11-15 09:00:00");
    write("bronze/ingest_ledger", LEDGER, List.of(
        RowFactory.create("transit_taps", day, "raw/transit/taps/dt=2026-11-14/a.csv", first,
            "ingested", null),
        // unusable, then re-delivered in good order: the newest version counts
        RowFactory.create("transit_taps", day, "raw/transit/taps/dt=2026-11-14/b.csv", first,
            "unusable", "fields separated by ';', not by ','"),
        RowFactory.create("transit_taps", day, "raw/transit/taps/dt=2026-11-14/b.csv",
            corrected, "ingested", null),
        RowFactory.create("points_steps", day, "raw/points/steps/dt=2026-11-14/s.csv", first,
            "unusable", "fields separated by ';', not by ','"),
        // an unusable file of another day is that day's business
        RowFactory.create("points_steps", before, "raw/points/steps/dt=2026-11-13/s.csv",
            first, "unusable", "fields separated by ';', not by ','")));
    write("silver/conform_accounting", ACCOUNTING, List.of(
        RowFactory.create("transit_taps", day, 900L, 100L),
        RowFactory.create("points_steps", day, 960L, 40L),
        RowFactory.create("sensors_observations", before, 0L, 1000L),
        RowFactory.create("transit_taps", Date.valueOf(GOOD_DAY), 990L, 10L)));
    Files.createDirectories(lakeDir().resolve("raw/transit/taps/dt=" + GOOD_DAY));
    Files.writeString(lakeDir().resolve("raw/transit/taps/dt=" + GOOD_DAY + "/a.csv"), "x\n");
    Files.createDirectories(lakeDir().resolve("raw/transit/taps/dt=2026-11-14"));
    Files.writeString(lakeDir().resolve("raw/transit/taps/dt=2026-11-14/a.csv"), "x\n");
    // a folder holding only a stray file is not a delivery
    Files.createDirectories(lakeDir().resolve("raw/transit/arrivals/dt=2026-11-14"));
    Files.writeString(lakeDir().resolve("raw/transit/arrivals/dt=2026-11-14/.DS_Store"), "x");
  }

  private static void write(String table, StructType schema, List<Row> rows) {
    spark().createDataFrame(rows, schema).write().format("delta").mode("overwrite")
        .save(lakeDir().resolve(table).toString());
  }

  private static void settings(String text) throws IOException {
    Files.writeString(lakeDir().resolve(QualityGateConfig.FILE), text);
  }

  @Test
  void aBadNightIsHeldWithEveryBrokenThresholdInOneLine() throws IOException {
    settings("required = transit_taps, transit_arrivals\n"
        + "max_quarantine_share.transit_taps = 0.05\n");
    JobContext context = context(DAY);

    assertThatThrownBy(() -> new QualityGate().run(context))
        .isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot publish gold for 2026-11-14: the quality gate held the night:"
            + " transit_arrivals not delivered;"
            + " points_steps file unusable: raw/points/steps/dt=2026-11-14/s.csv"
            + " (fields separated by ';', not by ',');"
            + " transit_taps quarantined 10.0 % of its rows (limit 5.0 %)")
        .satisfies(e -> {
          assertThat(((CityLakeException) e).exitCode()).isEqualTo(4);
          assertThat(QualityGate.isHold(e.getMessage())).isTrue();
        });
    List<Row> failed = rows("SELECT dataset, rule FROM "
        + delta(lakeDir().resolve("silver/quality_gate").toString())
        + " WHERE run_id = '" + context.runId() + "' AND NOT passed ORDER BY dataset");
    assertThat(failed).extracting(Row::toString).containsExactly(
        "[points_steps,file_usable]", "[transit_arrivals,delivered]",
        "[transit_taps,quarantine_share]");
  }

  @Test
  void aShareOfFewerThanThirtyRowsIsNotJudged() throws IOException {
    settings(""); // the defaults: nothing required, 25 % for every dataset
    LocalDate tiny = GOOD_DAY.plusDays(7);
    // one of three drone flights quarantined (33 %): too few rows for a share to mean anything
    spark().createDataFrame(List.of(RowFactory.create("disaster_drone_flights",
            Date.valueOf(tiny), 2L, 1L), RowFactory.create("transit_taps", Date.valueOf(tiny),
            60L, 30L)), ACCOUNTING)
        .write().format("delta").mode("append").save(lake().paths().silver("conform_accounting"));

    assertThatThrownBy(() -> new QualityGate().run(context(tiny)))
        .hasMessageContaining("transit_taps quarantined 33.3 %")
        .hasMessageNotContaining("disaster_drone_flights");
  }

  @Test
  void anUnreadableFileHoldsTheNightLikeAnUnusableOne() throws IOException {
    settings("");
    LocalDate day = GOOD_DAY.plusDays(8);
    spark().createDataFrame(List.of(RowFactory.create("sensors_observations", Date.valueOf(day),
            "raw/sensors/observations/dt=2026-11-18/o.jsonl.gz",
            Timestamp.valueOf("2026-11-19 02:00:00"), "unreadable",
            "not a readable gzip file: Unexpected end of input stream")), LEDGER)
        .write().format("delta").mode("append")
        .save(lakeDir().resolve("bronze/ingest_ledger").toString());

    assertThatThrownBy(() -> new QualityGate().run(context(day)))
        .hasMessageEndingWith("held the night: sensors_observations file unusable:"
            + " raw/sensors/observations/dt=2026-11-18/o.jsonl.gz"
            + " (not a readable gzip file: Unexpected end of input stream)");
  }

  @Test
  void aNightWithinTheThresholdsPasses() throws IOException {
    settings("required = transit_taps\nmax_quarantine_share.transit_taps = 0.02\n");
    JobContext context = context(GOOD_DAY);

    // two checks written: transit_taps delivered, and 1 % quarantined under its 2 % limit
    assertThat(new QualityGate().run(context).rowsOut()).isEqualTo(2);
  }

  @Test
  void everyCheckIsRecordedAndOnlyTheNewestVersionOfAFileCounts() throws IOException {
    // b.csv was unusable, then re-delivered in good order: only s.csv holds the night
    settings("required = transit_taps\n");
    JobContext context = context(DAY);
    assertThatThrownBy(() -> new QualityGate().run(context))
        .hasMessageEndingWith("held the night: points_steps file unusable:"
            + " raw/points/steps/dt=2026-11-14/s.csv (fields separated by ';', not by ',')");
    List<Row> checks = rows("SELECT dataset, rule, passed, round(value, 3) FROM "
        + delta(lakeDir().resolve("silver/quality_gate").toString())
        + " WHERE run_id = '" + context.runId() + "' ORDER BY dataset, rule");
    assertThat(checks).extracting(Row::toString).containsExactly(
        "[points_steps,file_usable,false,0.0]", "[points_steps,quarantine_share,true,0.04]",
        "[transit_taps,delivered,true,1.0]", "[transit_taps,quarantine_share,true,0.1]");
  }
}
