package io.citylake.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.lake.CityLakeException;
import io.citylake.testing.SparkTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** A job reaches the lake's tables only through what it declares. */
class JobTablesTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);

  /** Declares silver.steps in, gold.walking out, and its slice of the quarantine. */
  private static final class Declaring implements Job {
    @Override
    public String name() {
      return "kpi.declaring";
    }

    @Override
    public String description() {
      return "declares three tables";
    }

    @Override
    public List<TableRef> inputs() {
      return List.of(TableRef.silver("steps"));
    }

    @Override
    public List<TableRef> outputs() {
      return List.of(TableRef.gold("walking"),
          TableRef.quarantine("rejected_rows").slice("steps"));
    }

    @Override
    public JobResult run(JobContext context) {
      return JobResult.of(name(), 0, 0, Map.of());
    }
  }

  @Test
  void aJobReadsItsInputsAndOutputsAndWritesOnlyItsOutputs() {
    JobTables tables = context(DAY).forJob(new Declaring()).tables();

    assertThat(tables.pathToRead(TableRef.silver("steps")))
        .isEqualTo(lake().paths().silver("steps"));
    assertThat(tables.pathToRead(TableRef.gold("walking")))
        .isEqualTo(lake().paths().gold("walking"));
    assertThat(tables.pathToWrite(TableRef.gold("walking")))
        .isEqualTo(lake().paths().gold("walking"));
    assertThatThrownBy(() -> tables.pathToWrite(TableRef.silver("steps")))
        .isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot run kpi.declaring: it writes silver.steps, which it does not declare"
            + " as an output (the pipeline orders jobs by their declarations)");
  }

  @Test
  void anUndeclaredReadFailsBeforeSparkReadsAnything() {
    JobTables tables = context(DAY).forJob(new Declaring()).tables();

    assertThatThrownBy(() -> tables.read(TableRef.silver("transit_taps")))
        .isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot run kpi.declaring: it reads silver.transit_taps, which it does not"
            + " declare as an input or output (the pipeline orders jobs by their declarations)");
    assertThatThrownBy(() -> tables.exists(TableRef.gold("walking_by_ward")))
        .hasMessageContaining("it reads gold.walking_by_ward");
  }

  @Test
  void aDeclaredSliceOpensItsSharedTable() {
    JobTables tables = context(DAY).forJob(new Declaring()).tables();

    assertThat(tables.pathToWrite(TableRef.quarantine("rejected_rows")))
        .isEqualTo(lake().paths().quarantine("rejected_rows"));
    assertThat(tables.pathToRead(TableRef.quarantine("rejected_rows").slice("taps")))
        .isEqualTo(lake().paths().quarantine("rejected_rows"));
  }

  @Test
  void aContextNoJobRunsInOpensEveryTable() {
    JobTables tables = context(DAY).tables();

    assertThat(tables.pathToWrite(TableRef.silver("anything")))
        .isEqualTo(lake().paths().silver("anything"));
    assertThat(tables.exists(TableRef.gold("never_written"))).isFalse();
  }

  @Test
  void aDeclaredTableIsReadAtItsNewestOrAnEarlierVersion() {
    String path = lake().paths().silver("steps");
    spark().range(3).write().format("delta").save(path);
    spark().range(5).write().format("delta").mode("append").save(path);
    JobTables tables = context(DAY).forJob(new Declaring()).tables();

    assertThat(tables.exists(TableRef.silver("steps"))).isTrue();
    assertThat(tables.read(TableRef.silver("steps")).count()).isEqualTo(8);
    List<Row> first = tables.readAsOf(TableRef.silver("steps"), 0).orderBy("id").collectAsList();
    assertThat(first).extracting(r -> r.getLong(0)).containsExactly(0L, 1L, 2L);
  }
}
