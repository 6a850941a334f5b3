package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job's lineage events as the runner records them, and a lineage that cannot be written. */
class RunLineageTest extends SparkTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate DAY = LocalDate.parse("2026-11-14");

  private static final Job JOB = new Job() {
    @Override
    public String name() {
      return "test.lineage";
    }

    @Override
    public String description() {
      return "a job that reads and writes tables the lake does not have";
    }

    @Override
    public List<TableRef> inputs() {
      return List.of(TableRef.silver("absent"));
    }

    @Override
    public List<TableRef> outputs() {
      return List.of(TableRef.gold("absent"));
    }

    @Override
    public JobResult run(JobContext context) {
      throw new UnsupportedOperationException();
    }
  };

  @Test
  void aFailedJobHasItsStartAndAFailWithTheReason() throws Exception {
    JobContext context = context(DAY);
    RunLineage lineage = new RunLineage(context);
    lineage.started(JOB);
    lineage.failed(JOB, "Cannot run test.lineage: disk full");

    List<String> lines = Files.readAllLines(lakeDir.resolve("_lineage")
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

    List<JsonNode> events = new io.citylake.lineage.LineageLog(context.paths().root(),
        spark().sparkContext().hadoopConfiguration()).read(context.runId());
    assertThat(events).extracting(e -> e.at("/run/facets/errorMessage/message").asText())
        .containsExactlyInAnyOrder("", "", "first", "second");
  }

  @Test
  void aLineageThatCannotBeWrittenDoesNotFailTheJob() throws Exception {
    Path lake = lakeDir.resolve("blocked");
    Files.createDirectories(lake);
    Files.writeString(lake.resolve("_lineage"), "a file where the folder should be");
    JobContext context = new JobContext(spark(), io.citylake.lake.LakeConfig.local(lake), DAY,
        "run-blocked", java.time.Instant.parse("2026-11-20T00:00:00Z"));
    RunLineage lineage = new RunLineage(context);

    assertThatCode(() -> {
      lineage.started(JOB);
      lineage.completed(JOB, io.citylake.job.Bookkeeping.deferred().forJob(JOB.name()));
    }).doesNotThrowAnyException();
    assertThat(lake.resolve("_lineage")).isRegularFile()
        .hasContent("a file where the folder should be");
  }
}
