package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.job.Bookkeeping;
import io.citylake.job.BookkeepingWrite;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.lineage.LineageLog;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** A job's lineage events as the runner records them, and a lineage that cannot be written. */
class RunLineageTest extends SparkTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate DAY = LocalDate.parse("2026-11-14");

  private static final Job JOB = job("test.lineage", TableRef.silver("absent"),
      TableRef.gold("absent"));

  /** A job of the runner's graph that is never run here: its lineage is recorded by hand. */
  private static Job job(String name, TableRef input, TableRef output) {
    return new Job() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return "a job whose lineage the test records";
      }

      @Override
      public List<TableRef> inputs() {
        return List.of(input);
      }

      @Override
      public List<TableRef> outputs() {
        return List.of(output);
      }

      @Override
      public JobResult run(JobContext context) {
        throw new UnsupportedOperationException();
      }
    };
  }

  /**
   * A bookkeeping table's rows wait for the run's commit: a COMPLETE written before it gives the
   * table no version (the newest one does not hold the job's rows); one written after it gives
   * the version that does.
   */
  @Test
  void aBookkeepingOutputHasAVersionOnlyOnceTheJobsRowsAreCommitted() {
    StructType schema = new StructType().add("job", DataTypes.StringType);
    JobContext run = context(LocalDate.parse("2026-11-15"))
        .withBookkeeping(Bookkeeping.deferred());
    String path = run.paths().silver("kept_rows");
    spark().createDataFrame(List.of(RowFactory.create("before")), schema)
        .write().format("delta").save(path);
    RunLineage lineage = new RunLineage(run);
    Job waiting = job("test.waiting", TableRef.silver("absent"), TableRef.silver("kept_rows"));
    Job committed = job("test.committed", TableRef.silver("absent"),
        TableRef.silver("kept_rows"));

    JobContext first = run.withBookkeeping(run.bookkeeping().forJob(waiting.name()));
    keep(first, path, schema);
    lineage.completed(waiting, first.bookkeeping());
    run.bookkeeping().commitWaiting(run, null);
    JobContext second = run.withBookkeeping(run.bookkeeping().forJob(committed.name()));
    keep(second, path, schema);
    run.bookkeeping().commitWaiting(run, null); // a reader's start, before the COMPLETE
    lineage.completed(committed, second.bookkeeping());

    List<JsonNode> events = new LineageLog(run.paths().root(),
        spark().sparkContext().hadoopConfiguration()).read(run.runId());
    assertThat(events).extracting(e -> e.at("/job/name").asText(),
            e -> e.at("/outputs/0/facets").has("version"),
            e -> e.at("/outputs/0/facets/version/datasetVersion").asText())
        .containsExactly(tuple("test.waiting", false, ""), tuple("test.committed", true, "2"));
  }

  /** Hands the run a row for the table at {@code path}. */
  private static void keep(JobContext job, String path, StructType schema) {
    job.record(new BookkeepingWrite(path,
        List.of(RowFactory.create("kept")), null, (ctx, rows, where) ->
            ctx.spark().createDataFrame(rows, schema).write().format("delta").mode("append")
                .save(path)));
  }

  @Test
  void aFailedJobHasItsStartAndAFailWithTheReason() throws Exception {
    JobContext context = context(DAY);
    RunLineage lineage = new RunLineage(context);
    lineage.started(JOB);
    lineage.failed(JOB, "Cannot run test.lineage: disk full");

    List<String> lines = Files.readAllLines(lakeDir().resolve("_lineage")
        .resolve(context.runId() + ".jsonl"));
    assertThat(lines).hasSize(2);
    JsonNode start = JSON.readTree(lines.get(0));
    JsonNode fail = JSON.readTree(lines.get(1));
    assertThat(start.path("eventType").asText()).isEqualTo("START");
    assertThat(start.at("/inputs/0/name").asText()).isEqualTo("silver.absent");
    assertThat(start.at("/inputs/0/facets").has("version")).isFalse();
    assertThat(fail.path("eventType").asText()).isEqualTo("FAIL");
    assertThat(fail.at("/run/runId").asText()).isEqualTo(start.at("/run/runId").asText());
    assertThat(fail.at("/run/facets/errorMessage/message").asText())
        .isEqualTo("Cannot run test.lineage: disk full");
  }

  /** Two processes of one run id (Airflow tasks started in the same second) keep both. */
  @Test
  void twoRecordersOfOneRunIdKeepEachOthersEvents() {
    JobContext context = context(DAY);
    RunLineage first = new RunLineage(context);
    RunLineage second = new RunLineage(context);
    first.started(JOB);
    second.started(JOB);
    first.failed(JOB, "first");
    second.failed(JOB, "second");

    List<JsonNode> events = new LineageLog(context.paths().root(),
        spark().sparkContext().hadoopConfiguration()).read(context.runId());
    assertThat(events).extracting(e -> e.at("/run/facets/errorMessage/message").asText())
        .containsExactlyInAnyOrder("", "", "first", "second");
  }

  @Test
  void aLineageThatCannotBeWrittenDoesNotFailTheJob() throws Exception {
    Path lake = lakeDir().resolve("blocked");
    Files.createDirectories(lake);
    Files.writeString(lake.resolve("_lineage"), "a file where the folder should be");
    JobContext context = new JobContext(spark(), io.citylake.lake.LakeConfig.local(lake), DAY,
        "run-blocked", java.time.Instant.parse("2026-11-20T00:00:00Z"));
    RunLineage lineage = new RunLineage(context);

    assertThatCode(() -> {
      lineage.started(JOB);
      lineage.completed(JOB, Bookkeeping.deferred().forJob(JOB.name()));
    }).doesNotThrowAnyException();
    assertThat(lake.resolve("_lineage")).isRegularFile()
        .hasContent("a file where the folder should be");
  }
}
