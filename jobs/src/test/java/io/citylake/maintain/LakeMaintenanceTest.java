package io.citylake.maintain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.contract.RawDataset;
import io.citylake.ingest.IngestLedger;
import io.citylake.ingest.IngestRawDataset;
import io.citylake.job.JobResult;
import io.citylake.lake.CityLakeException;
import io.citylake.testing.DataFrameEquality;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Compaction and vacuum on a small lake: fewer files, the same rows, a ledger still trusted. */
class LakeMaintenanceTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private static final String HEADER = RawDataset.TRANSIT_TAPS.csvHeader();

  @Test
  void compactsAndVacuumsWithoutChangingRowsOrForgettingIngestedFiles() {
    // three deliveries to the same day, three nights: three small files in one bronze partition
    for (int file = 1; file <= 3; file++) {
      RawFiles.write(RawFiles.delivered(lakeDir(), RawDataset.TRANSIT_TAPS, DAY,
          "taps-" + file + ".csv"), List.of(HEADER,
          "t" + file + ",IC-" + file + ",ic,board,S1,R1,2026-11-01T08:0" + file + ":00+09:00,210"));
      new IngestRawDataset(RawDataset.TRANSIT_TAPS).run(context(DAY));
    }
    // a table whose rows were replaced twice leaves unreferenced files behind
    String scratch = lake().paths().silver("scratch");
    for (int round = 0; round < 3; round++) {
      spark().range(round, round + 5).write().format("delta").mode("overwrite").save(scratch);
    }
    String taps = lake().paths().bronze("transit_taps");
    // kept in memory: the vacuum below deletes the files of the versions before the compaction
    Dataset<Row> tapsBefore = spark().read().format("delta").load(taps).localCheckpoint();
    assertThat(tapsBefore.count()).isEqualTo(3);
    LakeMaintenance maintenance = new LakeMaintenance(spark(), lake().paths());
    assertThat(maintenance.tables())
        .containsExactly("bronze.ingest_ledger", "bronze.transit_taps", "silver.scratch");

    spark().conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
    List<LakeMaintenance.TableOutcome> outcomes;
    try {
      outcomes = maintenance.tables().stream()
          .map(table -> maintenance.maintain(table, Duration.ZERO)).toList();
    } finally {
      spark().conf().unset("spark.databricks.delta.retentionDurationCheck.enabled");
    }

    LakeMaintenance.TableOutcome bronze = outcomes.get(1);
    assertThat(bronze.filesBefore()).isEqualTo(3);
    assertThat(bronze.filesAfter()).isEqualTo(1);
    assertThat(bronze.filesOnDiskAfter()).isEqualTo(1);
    LakeMaintenance.TableOutcome silver = outcomes.get(2);
    assertThat(silver.filesOnDiskBefore()).isGreaterThan(silver.filesAfter());
    assertThat(silver.filesOnDiskAfter()).isEqualTo(silver.filesAfter());
    DataFrameEquality.assertDataFrameNoOrderEquals("bronze rows after the compaction",
        tapsBefore, spark().read().format("delta").load(taps));
    assertThat(rows("SELECT sum(id) FROM " + delta(scratch)).get(0).getLong(0))
        .isEqualTo(2 + 3 + 4 + 5 + 6);

    // the compaction commit added no rows: the ledger is still trusted and nothing is re-ingested
    assertThat(IngestLedger.entries(context(DAY), "transit_taps")).isPresent();
    JobResult rerun = new IngestRawDataset(RawDataset.TRANSIT_TAPS).run(context(DAY));
    assertThat(rerun.rowsOut()).isZero();
  }

  @Test
  void refusesAnUnknownTable() {
    LakeMaintenance maintenance = new LakeMaintenance(spark(), lake().paths());
    assertThatThrownBy(() -> maintenance.maintain("silver.nope", Duration.ofDays(7)))
        .isInstanceOf(CityLakeException.class).hasMessageContaining("no such table");
    assertThatThrownBy(() -> maintenance.maintain("nope", Duration.ofDays(7)))
        .isInstanceOf(CityLakeException.class).hasMessageContaining("layer.table");
  }
}
