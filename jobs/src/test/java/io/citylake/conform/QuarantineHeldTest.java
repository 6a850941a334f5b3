package io.citylake.conform;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.Bookkeeping;
import io.citylake.job.JobContext;
import io.citylake.testing.SparkTestBase;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Under a run, a conform job's few quarantined rows wait for the stage's bookkeeping commit; a
 * large bad delivery is written at once, so the driver never holds it.
 */
class QuarantineHeldTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);

  @Test
  void fewRowsWaitForTheRunsCommitAndManyAreWrittenAtOnce() {
    Bookkeeping run = Bookkeeping.deferred();
    JobContext context = context(DAY).withBookkeeping(run.forJob("conform.a"));
    Dataset<Row> rejected = spark().sql("SELECT DATE'2026-11-14' AS dt, 'raw/f.csv' AS"
        + " source_file, 'x,y' AS raw, 'truncated at column 2' AS rule, 'r1' AS ingest_run_id,"
        + " TIMESTAMP'2026-11-14 01:00:00' AS ingested_at");
    String table = delta(Quarantine.path(context.paths()));

    Quarantine.replace(context, "many", List.of(DAY), rejected, Quarantine.HELD_AT_MOST + 1);
    assertThat(rows("SELECT dataset, count(*) FROM " + table + " GROUP BY dataset"))
        .extracting(r -> r.getString(0) + " " + r.getLong(1)).containsExactly("many 1");
    Quarantine.replace(context, "few", List.of(DAY), rejected, 1);
    assertThat(rows("SELECT count(*) FROM " + table + " WHERE dataset = 'few'").get(0)
        .getLong(0)).as("held until the run commits").isZero();
    run.commitWaiting(context, null);

    assertThat(rows("SELECT dataset, rule, conform_run_id FROM " + table + " ORDER BY dataset"))
        .extracting(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2))
        .containsExactly("few truncated at column 2 " + context.runId(),
            "many truncated at column 2 " + context.runId());
    assertThat(rows("DESCRIBE HISTORY " + table)).hasSize(2);
  }
}
