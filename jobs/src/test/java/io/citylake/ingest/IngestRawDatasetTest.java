package io.citylake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.contract.RawDataset;
import io.citylake.job.JobResult;
import io.citylake.lake.DeltaTables;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Bronze ingest of dated CSV and JSON-lines datasets on a small hand-made lake. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestRawDatasetTest extends SparkTestBase {
  private static final LocalDate DAY1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate DAY2 = LocalDate.of(2026, 11, 2);
  private static final String HEADER = RawDataset.TRANSIT_TAPS.csvHeader();

  private static Path tapsFile(LocalDate day, String name) {
    return lakeDir().resolve(RawDataset.TRANSIT_TAPS.rawPath()).resolve("dt=" + day).resolve(name);
  }

  private static String taps() {
    return lake().paths().bronze("transit_taps");
  }

  @Test
  @Order(1)
  void everyDataLineOfEveryFileLandsOnceWithMetadata() {
    RawFiles.write(tapsFile(DAY1, "taps-1.csv.gz"), List.of(
        HEADER,
        "t1,IC-1,ic,board,S1,R1,2026-11-01T08:00:00+09:00,210",
        "t2,IC-1,ic,alight,S2,R1,2026-11-01T08:20:00+09:00,0",
        "t3,IC-2,face,board,\"S,3\",R1,2026-11-01T08:30:00Z,210",
        "garbage line without commas"));
    // a second provider file with a BOM, CRLF line ends and its columns in another order
    RawFiles.write(tapsFile(DAY1, "taps-1b.csv"),
        "\uFEFFtap_id,kind,card_id,auth,stop_id,route_id,tapped_at,fare_yen\r\n"
            + "t4,board,IC-3,ic,S1,R2,2026-11-01T09:00:00+09:00,180\r\n");
    RawFiles.write(tapsFile(DAY2, "taps-2.csv.gz"), List.of(HEADER,
        "t5,IC-1,ic,board,S1,R1,2026-11-02T08:00:00+09:00,210"));

    JobResult result = new IngestRawDataset(RawDataset.TRANSIT_TAPS).run(context(DAY1));

    assertThat(result.rowsOut()).isEqualTo(5);
    assertThat(result.details()).containsEntry("files_ingested", 2).containsEntry("corrupt_lines", 1L);
    List<Row> rows = rows("SELECT tap_id, card_id, kind, stop_id, _raw, _parse_error,"
        + " element_at(split(_source_file, '/'), -1), _run_id, CAST(dt AS STRING)"
        + " FROM " + delta(taps()) + " ORDER BY _raw");
    assertThat(rows).extracting(r -> r.getString(0))
        .containsExactly(null, "t1", "t2", "t3", "t4");
    Row corrupt = rows.get(0);
    assertThat(corrupt.getString(4)).isEqualTo("garbage line without commas");
    assertThat(corrupt.getString(5)).isEqualTo("expected 8 fields, got 1");
    assertThat(rows.get(3).getString(3)).isEqualTo("S,3");
    Row reordered = rows.get(4);
    assertThat(List.of(reordered.getString(1), reordered.getString(2)))
        .containsExactly("IC-3", "board");
    assertThat(reordered.getString(6)).isEqualTo("taps-1b.csv");
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.getString(7)).startsWith("test-run-");
      assertThat(r.getString(8)).isEqualTo("2026-11-01");
    });
  }

  @Test
  @Order(2)
  void bronzeFilesCountTheirRowsWithoutColumnStatistics() {
    assertThat(DeltaTables.properties(spark(), taps()))
        .containsEntry(BronzeIngest.COLUMN_STATISTICS, "0");
    List<String> stats = DeltaTables.snapshot(spark(), taps()).allFiles()
        .toDF().select("stats").as(Encoders.STRING()).collectAsList();
    assertThat(stats).isNotEmpty().allSatisfy(json -> assertThat(json)
        .contains("\"numRecords\"").doesNotContain("minValues").doesNotContain("nullCount"));
    long counted = stats.stream()
        .mapToLong(json -> Long.parseLong(json.replaceAll(".*\"numRecords\":(\\d+).*", "$1")))
        .sum();
    assertThat(counted).isEqualTo(rows("SELECT count(*) FROM " + delta(taps())).get(0).getLong(0));
  }

  @Test
  @Order(3)
  void rerunningTheSameNightAddsNothing() {
    long before = rows("SELECT count(*) FROM " + delta(taps())).get(0).getLong(0);

    JobResult result = new IngestRawDataset(RawDataset.TRANSIT_TAPS).run(context(DAY1));

    assertThat(result.rowsOut()).isZero();
    assertThat(result.details()).containsEntry("files_ingested", 0);
    assertThat(rows("SELECT count(*) FROM " + delta(taps())).get(0).getLong(0)).isEqualTo(before);
  }

  @Test
  @Order(4)
  void laterNightPicksUpItsDayAndACorrectedReDelivery() {
    RawFiles.write(tapsFile(DAY1, "taps-1b.csv"),
        "tap_id,kind,card_id,auth,stop_id,route_id,tapped_at,fare_yen\n"
            + "t4,board,IC-3,ic,S1,R2,2026-11-01T09:00:00+09:00,190\n");

    JobResult result = new IngestRawDataset(RawDataset.TRANSIT_TAPS).run(context(DAY2));

    assertThat(result.details()).containsEntry("files_ingested", 2);
    assertThat(result.rowsOut()).isEqualTo(2);
    List<Row> t4 = rows("SELECT fare_yen FROM " + delta(taps())
        + " WHERE tap_id = 't4' ORDER BY _ingested_at, fare_yen");
    assertThat(t4).extracting(r -> r.getString(0)).containsExactlyInAnyOrder("180", "190");
    assertThat(rows("SELECT count(*) FROM " + delta(taps()) + " WHERE dt = DATE'2026-11-02'")
        .get(0).getLong(0)).isEqualTo(1);
  }

  @Test
  @Order(5)
  void theLedgerListsEveryIngestedFileVersionWithTheBronzeVersionHoldingIt() {
    List<Row> ledger = rows("SELECT element_at(split(source_file, '/'), -1),"
        + " CAST(dt AS STRING), bronze_version FROM " + delta(lake().paths().bronze("ingest_ledger"))
        + " WHERE dataset = 'transit_taps' ORDER BY bronze_version, source_file");
    List<Row> bronze = rows("SELECT element_at(split(_source_file, '/'), -1),"
        + " CAST(dt AS STRING), count(DISTINCT _source_sha256) FROM " + delta(taps())
        + " GROUP BY 1, 2 ORDER BY 1");
    // three files on the first night, then the corrected taps-1b.csv and the new day
    assertThat(ledger).extracting(r -> r.getString(0) + "@" + r.getString(1))
        .containsExactly("taps-1.csv.gz@2026-11-01", "taps-1b.csv@2026-11-01",
            "taps-1b.csv@2026-11-01", "taps-2.csv.gz@2026-11-02");
    assertThat(ledger.get(3).getLong(2)).isGreaterThan(ledger.get(0).getLong(2));
    long versions = bronze.stream().mapToLong(r -> r.getLong(2)).sum();
    assertThat(ledger).hasSize((int) versions);
  }

  @Test
  @Order(6)
  void aLedgerBehindBronzeIsRebuiltAndNothingIsIngestedTwice() {
    long before = rows("SELECT count(*) FROM " + delta(taps())).get(0).getLong(0);
    // a crash between the bronze commit and the ledger's leaves the ledger one commit behind
    String ledger = delta(lake().paths().bronze("ingest_ledger"));
    long newest = rows("SELECT max(bronze_version) FROM " + ledger
        + " WHERE dataset = 'transit_taps'").get(0).getLong(0);
    spark().sql("DELETE FROM " + ledger + " WHERE dataset = 'transit_taps' AND bronze_version = "
        + newest);
    assertThat(IngestLedger.entries(context(DAY2), "transit_taps")).isEmpty();

    JobResult result = new IngestRawDataset(RawDataset.TRANSIT_TAPS).run(context(DAY2));

    assertThat(result.details()).containsEntry("files_ingested", 0);
    assertThat(rows("SELECT count(*) FROM " + delta(taps())).get(0).getLong(0)).isEqualTo(before);
    // the night rebuilt the ledger from bronze, so the next one trusts it again
    assertThat(IngestLedger.entries(context(DAY2), "transit_taps")).get()
        .satisfies(entries -> assertThat(entries).hasSize(4));
  }

  @Test
  @Order(7)
  void jsonLinesKeepNestedValuesAsTextAndFlagBrokenLines() {
    Path file = lakeDir().resolve(RawDataset.SENSOR_OBSERVATIONS.rawPath())
        .resolve("dt=" + DAY1).resolve("observations.jsonl");
    RawFiles.write(file, List.of(
        "{\"id\":\"urn:ngsi-ld:SnowDepth:sapporo-0001\",\"type\":\"SnowDepth\","
            + "\"municipality\":\"sapporo\",\"observedAt\":\"2026-11-01T08:00:00+09:00\","
            + "\"location\":{\"type\":\"Point\",\"coordinates\":[141.35,43.06]},"
            + "\"value\":12.5,\"unit\":\"cm\"}",
        "{\"id\":\"urn:ngsi-ld:SnowDepth:sapporo-0002\",\"type\":\"SnowDepth\",\"value\":",
        "[1,2,3]"));

    JobResult result = new IngestRawDataset(RawDataset.SENSOR_OBSERVATIONS).run(context(DAY1));

    assertThat(result.rowsOut()).isEqualTo(3);
    List<Row> rows = rows("SELECT id, location, value, _parse_error FROM "
        + delta(lake().paths().bronze("sensors_observations")) + " ORDER BY _raw");
    assertThat(rows.get(0).getString(3)).isEqualTo("not a JSON object");
    assertThat(rows.get(2).getString(3)).startsWith("invalid JSON");
    Row good = rows.get(1);
    assertThat(good.getString(1)).isEqualTo("{\"type\":\"Point\",\"coordinates\":[141.35,43.06]}");
    assertThat(good.getString(2)).isEqualTo("12.5");
    assertThat(good.isNullAt(3)).isTrue();
  }
}
