package io.citylake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.contract.RawDataset;
import io.citylake.job.JobResult;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * A lake written before bronze recorded encodings and the ledger recorded statuses: its bronze
 * table and ledger take the new nullable columns on the next ingest, without a rewrite.
 */
class OlderLakeIngestTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

  private static Path file(RawDataset dataset, String name) {
    return RawFiles.delivered(lakeDir(), dataset, DAY, name);
  }

  private static String ledger() {
    return delta(lake().paths().bronze(IngestLedger.TABLE));
  }

  @Test
  void aBronzeTableAndLedgerOfAnOlderLakeTakeTheNewColumns() {
    RawDataset steps = RawDataset.POINTS_STEPS;
    // bronze and ledger as an older citylake wrote them: no encoding, bytes, status or reason
    StructType oldBronze = new StructType(java.util.Arrays.stream(BronzeColumns.schema(
        LineParser.textFields(steps.fields())).fields())
        .filter(f -> BronzeColumns.added().stream().noneMatch(a -> a.name().equals(f.name())))
        .toArray(StructField[]::new));
    String bronze = lake().paths().bronze(steps.tableName());
    spark().createDataFrame(List.<Row>of(), oldBronze).write().format("delta")
        .partitionBy("dt").save(bronze);
    spark().createDataFrame(List.of(RowFactory.create("x", java.sql.Date.valueOf(DAY), "f",
            "sha", 1L, new java.sql.Timestamp(0), new java.sql.Timestamp(0), "r", 0L)),
        StructType.fromDDL("dataset STRING, dt DATE, source_file STRING, source_sha256 STRING,"
            + " source_size BIGINT, source_modified_at TIMESTAMP, ingested_at TIMESTAMP,"
            + " run_id STRING, bronze_version BIGINT"))
        .write().format("delta").partitionBy("dataset").save(lake().paths().bronze(IngestLedger.TABLE));
    RawFiles.write(file(steps, "steps.csv"), List.of(steps.csvHeader(),
        "p1,sapporo,40-64,2026-11-01,5000,50"));

    JobResult result = new IngestRawDataset(steps).run(context(DAY));

    assertThat(result.rowsOut()).isEqualTo(1);
    assertThat(rows("SELECT person_id, _source_encoding, _raw_base64 FROM " + delta(bronze)))
        .singleElement().satisfies(r -> assertThat(r.getString(0) + " " + r.getString(1) + " "
            + r.getString(2)).isEqualTo("p1 UTF-8 null"));
    assertThat(rows("SELECT dataset, status FROM " + ledger() + " ORDER BY dataset"))
        .extracting(r -> r.getString(0) + " " + r.getString(1))
        .containsExactly("points_steps ingested", "x null");
  }
}
