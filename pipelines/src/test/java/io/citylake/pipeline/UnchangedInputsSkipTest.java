package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.testing.SparkTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A job that rebuilds its output whole from its declared inputs runs only when something it is
 * computed from changed: an input's data, its own output (restored or written by hand), the
 * service day; a job with an input that is not a Delta table always runs.
 */
class UnchangedInputsSkipTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);

  /** Copies silver.source into gold.copied, whole, counting its runs. */
  private record WholeCopy(AtomicInteger runs, TableRef input, BooleanSupplier filesThere)
      implements Job {
    WholeCopy(AtomicInteger runs, TableRef input) {
      this(runs, input, () -> true);
    }

    @Override
    public boolean filesIntact(JobContext context) {
      return filesThere.getAsBoolean();
    }

    @Override
    public String name() {
      return "kpi.whole_copy_" + input.layer().directory();
    }

    @Override
    public String description() {
      return "copies its input whole";
    }

    @Override
    public List<TableRef> inputs() {
      return List.of(input);
    }

    @Override
    public List<TableRef> outputs() {
      return List.of(TableRef.gold("copied_" + input.layer().directory()));
    }

    @Override
    public boolean pureOfDeclaredInputs() {
      return true;
    }

    @Override
    public JobResult run(JobContext context) {
      runs.incrementAndGet();
      long rows = context.spark().read().format("delta").load(context.paths().silver("source"))
          .count();
      context.spark().read().format("delta").load(context.paths().silver("source"))
          .write().format("delta").mode("overwrite")
          .save(context.paths().gold(outputs().get(0).table()));
      return JobResult.of(name(), rows, rows, Map.of());
    }
  }

  @BeforeAll
  static void source() {
    append(3);
  }

  private static void append(int rows) {
    spark().range(rows).toDF("n").write().format("delta").mode("append")
        .save(lake().paths().silver("source"));
  }

  private static JobOutcome night(Job job, LocalDate day) {
    PipelineGraph graph = new PipelineGraph(List.of(job), Optional.empty());
    return new NightlyRun(spark(), lake(), graph).run(day, j -> true, o -> { })
        .outcomes().get(0);
  }

  @Test
  void runsAgainOnlyWhenItsInputsOutputsOrDayChanged() {
    AtomicInteger runs = new AtomicInteger();
    Job job = new WholeCopy(runs, TableRef.silver("source"));

    JobOutcome first = night(job, DAY);
    JobOutcome again = night(job, DAY);

    assertThat(first.status()).isEqualTo(JobOutcome.Status.SUCCEEDED);
    assertThat(first.result().orElseThrow().rowsOut()).isEqualTo(3);
    assertThat(runs).hasValue(1);
    assertThat(again.status()).isEqualTo(JobOutcome.Status.SUCCEEDED);
    assertThat(again.result().orElseThrow().rowsOut()).isZero();
    assertThat(again.result().orElseThrow().details())
        .containsEntry(PipelineRunner.UNCHANGED, true);

    append(2); // new input data
    assertThat(night(job, DAY).result().orElseThrow().rowsOut()).isEqualTo(5);
    assertThat(runs).hasValue(2);
    assertThat(rows("SELECT count(*) FROM " + delta(lake().paths().gold("copied_silver"))))
        .extracting(r -> r.getLong(0)).containsExactly(5L);

    // the output changed behind the job's back (a restore, a hand edit)
    spark().sql("DELETE FROM " + delta(lake().paths().gold("copied_silver")) + " WHERE n = 0");
    night(job, DAY);
    assertThat(runs).hasValue(3);
    assertThat(rows("SELECT count(*) FROM " + delta(lake().paths().gold("copied_silver"))))
        .extracting(r -> r.getLong(0)).containsExactly(5L);

    night(job, DAY.plusDays(1)); // another service day
    assertThat(runs).hasValue(4);
    night(job, DAY.plusDays(1));
    assertThat(runs).hasValue(4);
  }

  @Test
  void aJobWhoseFilesAreGoneRunsAgainThoughItsInputsAreUnchanged() {
    AtomicInteger runs = new AtomicInteger();
    AtomicBoolean filesThere = new AtomicBoolean(true);
    Job job = new WholeCopy(runs, TableRef.silver("source"), filesThere::get);
    LocalDate day = DAY.plusDays(10);

    night(job, day);
    night(job, day);
    assertThat(runs).hasValue(1);

    filesThere.set(false);
    JobOutcome again = night(job, day);
    assertThat(runs).hasValue(2);
    assertThat(again.result().orElseThrow().details())
        .doesNotContainKey(PipelineRunner.UNCHANGED);
  }

  @Test
  void aJobReadingFilesAlwaysRuns() {
    AtomicInteger runs = new AtomicInteger();
    Job job = new WholeCopy(runs, TableRef.reference("boundaries.geojson"));

    night(job, DAY);
    night(job, DAY);

    assertThat(runs).hasValue(2);
  }

}
