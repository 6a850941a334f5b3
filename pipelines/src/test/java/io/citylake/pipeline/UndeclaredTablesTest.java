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
import org.junit.jupiter.api.Test;

/**
 * The runner holds each job to its declarations: a job that reads a table it does not declare
 * fails with a message naming both, instead of racing the table's writer.
 */
class UndeclaredTablesTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);

  /** Declares silver.in; reads {@code reads} and writes gold.{@code name}'s last part. */
  private record Reading(String name, TableRef reads) implements Job {
    @Override
    public String description() {
      return "reads " + reads;
    }

    @Override
    public List<TableRef> inputs() {
      return List.of(TableRef.silver("in"));
    }

    @Override
    public List<TableRef> outputs() {
      return List.of(TableRef.gold(name.substring(name.indexOf('.') + 1)));
    }

    @Override
    public JobResult run(JobContext context) {
      boolean there = context.tables().exists(reads);
      return JobResult.of(name, 0, there ? 1 : 0, Map.of());
    }
  }

  @Test
  void aJobReadingAnUndeclaredTableFailsNamingIt() {
    List<Job> jobs = List.of(new Reading("kpi.declared", TableRef.silver("in")),
        new Reading("kpi.sneaky", TableRef.silver("secret")));

    RunSummary night = new PipelineRunner(new PipelineGraph(jobs), 2)
        .run(context(DAY), job -> true, outcome -> { });

    JobOutcome declared = outcome(night, "kpi.declared");
    JobOutcome sneaky = outcome(night, "kpi.sneaky");
    assertThat(declared.status()).as(night.table()).isEqualTo(JobOutcome.Status.SUCCEEDED);
    assertThat(sneaky.status()).isEqualTo(JobOutcome.Status.FAILED);
    assertThat(sneaky.message()).isEqualTo("Cannot run kpi.sneaky: it"
        + " reads silver.secret, which it does not declare as an input or output (the pipeline"
        + " orders jobs by their declarations)");
  }

  private static JobOutcome outcome(RunSummary night, String job) {
    return night.outcomes().stream().filter(o -> o.job().equals(job)).findFirst().orElseThrow();
  }
}
