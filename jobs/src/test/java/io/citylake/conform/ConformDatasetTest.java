package io.citylake.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.conform.datasets.TransitTapsConformer;
import io.citylake.contract.RawDataset;
import io.citylake.ingest.IngestRawDataset;
import io.citylake.job.JobResult;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Silver conform of hand-made taps: quarantine rules, dedup, corrections, accounting, privacy. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConformDatasetTest extends SparkTestBase {
  private static final LocalDate DAY1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate DAY2 = LocalDate.of(2026, 11, 2);
  private static final String HEADER = RawDataset.TRANSIT_TAPS.csvHeader();
  private static final ConformDataset JOB = new ConformDataset(new TransitTapsConformer());
  private static Pseudonymizer pseudonyms;

  @BeforeAll
  static void referenceStopsAndRoutes() {
    pseudonyms = samplePseudonyms();
    spark().createDataFrame(List.of(RowFactory.create("S1"), RowFactory.create("S2")),
            StructType.fromDDL("stop_id STRING"))
        .write().format("delta").save(lake().paths().silver("gtfs_stops"));
    spark().createDataFrame(List.of(RowFactory.create("R1")), StructType.fromDDL("route_id STRING"))
        .write().format("delta").save(lake().paths().silver("gtfs_routes"));
  }

  private static Path tapsFile(LocalDate day, String name) {
    return lakeDir().resolve(RawDataset.TRANSIT_TAPS.rawPath()).resolve("dt=" + day).resolve(name);
  }

  private static JobResult night(LocalDate day) {
    new IngestRawDataset(RawDataset.TRANSIT_TAPS).run(context(day));
    return JOB.run(context(day));
  }

  private static Map<String, String> quarantinedRules() {
    Map<String, String> rules = new TreeMap<>();
    for (Row row : rows("SELECT raw, rule FROM " + delta(Quarantine.path(lake().paths()))
        + " WHERE dataset = 'transit_taps'")) {
      rules.put(row.getString(0).split(",")[0], row.getString(1));
    }
    return rules;
  }

  @Test
  @Order(1)
  void badRowsAreQuarantinedWithTheFirstRuleTheyBreak() {
    RawFiles.write(tapsFile(DAY1, "taps.csv"), List.of(HEADER,
        "ok1,IC-1,ic,board,S1,R1,2026-11-01T08:00:00+09:00,0",
        "ok1,IC-1,ic,board,S1,R1,2026-11-01T08:00:00+09:00,0",
        "ok2,IC-2,face,alight,S2,R1,2026-10-31T23:30:00Z,210",
        "qr,IC-3,qr,board,S1,R1,2026-11-01T08:00:00+09:00,0",
        "badts,IC-4,ic,board,S1,R1,yesterday,0",
        "nocard,,ic,board,S1,R1,2026-11-01T08:00:00+09:00,0",
        "stop,IC-5,ic,board,S9,R1,2026-11-01T08:00:00+09:00,0",
        "fare,IC-6,ic,alight,S1,R1,2026-11-01T08:00:00+09:00,-210",
        "late,IC-7,ic,board,S1,R1,2026-11-05T08:00:00+09:00,0",
        "torn,IC-8,ic"));

    JobResult result = night(DAY1);

    assertThat(quarantinedRules()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "qr", "unknown auth",
        "badts", "unparsable tapped_at",
        "nocard", "missing card_id",
        "stop", "unknown stop_id",
        "fare", "fare_yen out of range",
        "late", "tapped_at outside service day",
        "torn", "unparsable line: expected 8 fields, got 3"));
    assertThat(rows("SELECT tap_id FROM " + delta(lake().paths().silver("transit_taps"))
        + " ORDER BY tap_id")).extracting(r -> r.getString(0)).containsExactly("ok1", "ok2");
    assertThat(result.rowsIn()).isEqualTo(10);
    assertThat(result.rowsOut()).isEqualTo(2);
    assertThat(result.rowsQuarantined()).isEqualTo(7);
    assertThat(result.details()).containsEntry("duplicates", 1L);
    QuarantineSummary summary = new QuarantineSummary(spark(), lake().paths());
    assertThat(summary.latestDay()).contains(DAY1);
    assertThat(summary.forDay(DAY1)).hasSize(7).allSatisfy(count -> {
      assertThat(count.dataset()).isEqualTo("transit_taps");
      assertThat(count.rows()).isEqualTo(1);
    }).extracting(QuarantineSummary.KindCount::kind).contains("unknown auth", "unknown stop_id");
  }

  @Test
  @Order(2)
  void silverIsTypedAndCarriesPseudonymsOnly() {
    Row ok2 = rows("SELECT card_pseudonym, CAST(tapped_at AS STRING), fare_yen FROM "
        + delta(lake().paths().silver("transit_taps")) + " WHERE tap_id = 'ok2'").get(0);
    assertThat(ok2.getString(0)).isEqualTo(pseudonyms.pseudonym("IC-2"));
    assertThat(ok2.getString(1)).isEqualTo("2026-11-01 08:30:00");
    assertThat(ok2.getDecimal(2)).isEqualByComparingTo("210");
    String everyColumn = rows("SELECT to_json(struct(*)) FROM "
        + delta(lake().paths().silver("transit_taps"))).toString();
    assertThat(everyColumn).doesNotContain("IC-1").doesNotContain("IC-2");
  }

  @Test
  @Order(3)
  void rerunWithoutNewFilesRebuildsNothing() {
    JobResult result = JOB.run(context(DAY1));
    assertThat(result.details()).containsEntry("days_rebuilt", 0);
  }

  @Test
  @Order(4)
  void correctedReDeliveryReplacesTheDayAndLateDayIsBuiltAlone() {
    RawFiles.write(tapsFile(DAY1, "taps.csv"), List.of(HEADER,
        "ok1,IC-1,ic,board,S1,R1,2026-11-01T08:00:00+09:00,0",
        "ok2,IC-2,face,alight,S2,R1,2026-10-31T23:30:00Z,230"));
    RawFiles.write(tapsFile(DAY2, "taps.csv"), List.of(HEADER,
        "d2,IC-1,ic,board,S1,R1,2026-11-02T08:00:00+09:00,0"));

    JobResult result = night(DAY2);

    assertThat(result.details()).containsEntry("days_rebuilt", 2).containsEntry("superseded", 10L);
    assertThat(rows("SELECT tap_id, fare_yen FROM " + delta(lake().paths().silver("transit_taps"))
        + " ORDER BY tap_id")).extracting(r -> r.getString(0) + "=" + r.getDecimal(1).intValue())
        .containsExactly("d2=0", "ok1=0", "ok2=230");
    assertThat(quarantinedRules()).isEmpty();
  }

  @Test
  @Order(5)
  void rulesAreDeltaConstraintsAndQualityResultsAreKeptPerRun() {
    String silver = lake().paths().silver("transit_taps");
    assertThatThrownBy(() -> spark().sql("INSERT INTO delta.`" + silver + "` (tap_id, kind, dt,"
        + " _source_file, _ingested_at) VALUES ('x', 'fly', DATE'2026-11-01', 'hand',"
        + " current_timestamp())").collect())
        .hasMessageContaining("rule_unknown_kind");
    List<Row> results = rows("SELECT run_id, rule, failed_rows FROM "
        + delta(lake().paths().silver(QualityChecks.RESULTS))
        + " WHERE dataset = 'transit_taps' AND rule = 'unknown auth'");
    assertThat(results).hasSize(1);
    assertThat(results.get(0).getLong(2)).isEqualTo(1);
  }

  @Test
  @Order(6)
  void everyBronzeRowIsAccountedForPerDay() {
    Map<String, Long> bronze = new TreeMap<>();
    rows("SELECT CAST(dt AS STRING), count(*) FROM "
        + delta(lake().paths().bronze("transit_taps")) + " GROUP BY dt")
        .forEach(r -> bronze.put(r.getString(0), r.getLong(1)));
    Map<String, Long> accounted = new TreeMap<>();
    rows("SELECT CAST(dt AS STRING), silver_rows + quarantined_rows + duplicate_rows"
        + " + superseded_rows FROM " + delta(lake().paths().silver("conform_accounting"))
        + " WHERE dataset = 'transit_taps'").forEach(r -> accounted.put(r.getString(0), r.getLong(1)));
    Map<String, Long> silver = new TreeMap<>();
    rows("SELECT CAST(dt AS STRING), count(*) FROM " + delta(lake().paths().silver("transit_taps"))
        + " GROUP BY dt").forEach(r -> silver.put(r.getString(0), r.getLong(1)));

    assertThat(accounted).isEqualTo(bronze).containsEntry("2026-11-01", 12L);
    assertThat(silver).containsEntry("2026-11-01", 2L).containsEntry("2026-11-02", 1L);
  }
}
