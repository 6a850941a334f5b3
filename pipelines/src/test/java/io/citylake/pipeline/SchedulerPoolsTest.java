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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The runner's job threads submit their Spark jobs to scheduler pools of their own, under the
 * session's FAIR scheduling: a small query of one job is not queued behind a big stage of the job
 * running beside it.
 */
@Isolated("it counts the scheduler pools of every Spark job the session runs")
class SchedulerPoolsTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);

  /** Counts one row through Spark once both jobs are running (one Spark job in its group). */
  private record Counting(String name, CountDownLatch bothRunning) implements Job {
    @Override
    public String description() {
      return "counts a row";
    }

    @Override
    public List<TableRef> inputs() {
      return List.of(TableRef.silver("in"));
    }

    @Override
    public List<TableRef> outputs() {
      return List.of(TableRef.gold(name.replace('.', '_')));
    }

    @Override
    public JobResult run(JobContext context) {
      bothRunning.countDown();
      try {
        assertThat(bothRunning.await(60, TimeUnit.SECONDS)).as("the other job started").isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      long rows = context.spark().range(1).count();
      return JobResult.of(name, 0, rows, Map.of());
    }
  }

  @Test
  void jobsSideBySideSubmitToPoolsOfTheirOwnUnderFairScheduling() throws Exception {
    assertThat(spark().sparkContext().conf().get("spark.scheduler.mode")).isEqualTo("FAIR");
    Map<String, String> poolOfGroup = new ConcurrentHashMap<>();
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        String group = start.properties().getProperty("spark.jobGroup.id");
        if (group != null && group.startsWith("kpi.count_")) {
          poolOfGroup.put(group, String.valueOf(start.properties()
              .getProperty(PipelineRunner.SCHEDULER_POOL)));
        }
      }
    };
    spark().sparkContext().addSparkListener(listener);
    try {
      CountDownLatch bothRunning = new CountDownLatch(2);
      List<Job> jobs = List.of(new Counting("kpi.count_a", bothRunning),
          new Counting("kpi.count_b", bothRunning));
      RunSummary night = new PipelineRunner(new PipelineGraph(jobs), 2)
          .run(context(DAY), job -> true, outcome -> { });

      assertThat(night.succeeded()).as(night.table()).isTrue();
      spark().sparkContext().listenerBus().waitUntilEmpty(10_000);
    } finally {
      spark().sparkContext().removeSparkListener(listener);
    }
    assertThat(poolOfGroup).containsOnlyKeys("kpi.count_a", "kpi.count_b");
    assertThat(Set.copyOf(poolOfGroup.values()))
        .containsExactlyInAnyOrder("citylake-job-1", "citylake-job-2");
  }
}
