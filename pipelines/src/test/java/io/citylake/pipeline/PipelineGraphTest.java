package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.contract.RawDataset;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.lake.Layer;
import io.citylake.quality.QualityGate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineGraphTest {

  private record FakeJob(String name, List<TableRef> inputs, List<TableRef> outputs)
      implements Job {
    @Override
    public String description() {
      return name;
    }

    @Override
    public JobResult run(JobContext context) {
      throw new UnsupportedOperationException();
    }
  }

  private static final TableRef A = TableRef.bronze("a");
  private static final TableRef B = TableRef.silver("b");
  private static final TableRef C = TableRef.gold("c");

  @Test
  void ordersJobsAfterTheJobsWritingWhatTheyRead() {
    Job gold = new FakeJob("gold", List.of(B), List.of(C));
    Job silver = new FakeJob("silver", List.of(A), List.of(B));
    Job bronze = new FakeJob("bronze", List.of(TableRef.raw("a")), List.of(A));
    PipelineGraph graph = new PipelineGraph(List.of(gold, silver, bronze));

    assertThat(graph.topologicalOrder()).extracting(Job::name)
        .containsExactly("bronze", "silver", "gold");
    assertThat(graph.upstream(gold)).containsExactly("silver");
    assertThat(graph.upstream(bronze)).isEmpty();
    assertThat(graph.downstreamOf(Set.of("silver"))).containsExactlyInAnyOrder("silver", "gold");
  }

  @Test
  void rejectsCyclesAndTablesWrittenTwice() {
    assertThatThrownBy(() -> new PipelineGraph(List.of(
        new FakeJob("x", List.of(B), List.of(A)), new FakeJob("y", List.of(A), List.of(B)))))
        .hasMessage("Cannot build pipeline: the jobs form a cycle");
    assertThatThrownBy(() -> new PipelineGraph(List.of(
        new FakeJob("x", List.of(), List.of(A)), new FakeJob("y", List.of(), List.of(A)))))
        .hasMessage("Cannot build pipeline: bronze.a written by both x and y");
  }

  @Test
  void nightlyPipelineIngestsEveryRawDatasetAndPublishesAfterwards() {
    PipelineGraph graph = NightlyPipeline.graph();
    List<String> names = graph.topologicalOrder().stream().map(Job::name).toList();

    for (RawDataset dataset : RawDataset.values()) {
      assertThat(names).contains("ingest." + dataset.tableName());
    }
    assertThat(names).contains("ingest.transit_gtfs");
    Job publish = graph.job("publish.register_tables");
    assertThat(graph.upstream(publish)).contains("ingest.transit_taps", "ingest.transit_gtfs");
    int lastWriter = 0;
    for (int i = 0; i < names.size(); i++) {
      if (!graph.job(names.get(i)).outputs().isEmpty()) {
        lastWriter = i;
      }
    }
    assertThat(names.indexOf("publish.register_tables")).isGreaterThan(lastWriter);
    assertThat(names.indexOf("report.kpi_report")).isEqualTo(names.size() - 1);
    assertThat(graph.upstream(graph.job("report.kpi_report")))
        .contains("kpi.catalogue", "kpi.shelter_days_to_shortage", "spatial.areas",
            "spatial.people_flow", "spatial.snow_by_ward", "spatial.tourism_by_mesh");
    assertThat(graph.upstream(graph.job("spatial.ridership_by_stop")))
        .contains("spatial.locate_points");
  }

  @Test
  void inAGatedGraphEveryGoldWriterWaitsForTheGate() {
    Job silver = new FakeJob("silver", List.of(A), List.of(B));
    Job gate = new FakeJob("gate", List.of(B), List.of(TableRef.silver("gate")));
    Job gold = new FakeJob("gold", List.of(B), List.of(C));
    Job report = new FakeJob("report", List.of(C), List.of());
    PipelineGraph graph = new PipelineGraph(List.of(silver, gold, gate, report),
        Optional.of("gate"));

    assertThat(graph.upstream(gold)).containsExactly("gate", "silver");
    assertThat(graph.upstream(gate)).containsExactly("silver");
    assertThat(graph.topologicalOrder()).extracting(Job::name)
        .containsExactly("silver", "gate", "gold", "report");
    assertThat(graph.downstreamOf(Set.of("gate"))).containsExactlyInAnyOrder("gate", "gold",
        "report");
    assertThatThrownBy(() -> new PipelineGraph(List.of(silver), Optional.of("gate")))
        .hasMessage("Cannot find job: no job named gate");
  }

  @Test
  void nightlyPipelineGatesEveryGoldWriterBehindEveryIngestAndConformJob() {
    PipelineGraph graph = NightlyPipeline.graph();
    Job gate = graph.job(QualityGate.NAME);

    for (RawDataset dataset : RawDataset.values()) {
      assertThat(graph.upstream(gate)).contains("ingest." + dataset.tableName(),
          "conform." + dataset.tableName());
    }
    List<Job> goldWriters = graph.jobs().stream()
        .filter(job -> job.outputs().stream().anyMatch(t -> t.layer() == Layer.GOLD)).toList();
    assertThat(goldWriters).hasSizeGreaterThan(10);
    for (Job job : goldWriters) {
      assertThat(graph.upstream(job)).as(job.name()).contains(QualityGate.NAME);
    }
    assertThat(PipelineGraph.stageOf(QualityGate.NAME)).isEqualTo("conform");
  }

  @Test
  void tasksRunGroupsOfStagesInDependencyOrderAndRefuseGroupsThatWaitForEachOther() {
    Job ingest = new FakeJob("ingest.a", List.of(TableRef.raw("a")), List.of(A));
    Job conform = new FakeJob("conform.b", List.of(A), List.of(B));
    Job kpi = new FakeJob("kpi.c", List.of(B), List.of(C));
    Job report = new FakeJob("report.r", List.of(C), List.of());
    List<Job> jobs = List.of(report, kpi, conform, ingest);

    PipelineGraph graph = new PipelineGraph(jobs, Optional.empty(),
        Map.of("land", List.of("conform", "ingest")));
    assertThat(graph.tasks()).containsExactly(
        new PipelineGraph.Task("land", List.of("ingest", "conform"),
            List.of("ingest.a", "conform.b"), List.of()),
        new PipelineGraph.Task("kpi", List.of("kpi"), List.of("kpi.c"), List.of("land")),
        new PipelineGraph.Task("report", List.of("report"), List.of("report.r"),
            List.of("kpi")));
    assertThat(new PipelineGraph(jobs).tasks()).extracting(PipelineGraph.Task::name)
        .containsExactly("ingest", "conform", "kpi", "report");

    assertThatThrownBy(() -> new PipelineGraph(jobs, Optional.empty(),
        Map.of("outer", List.of("ingest", "kpi"))))
        .hasMessage("Cannot build pipeline stages: two tasks wait for each other");
    assertThatThrownBy(() -> new PipelineGraph(jobs, Optional.empty(),
        Map.of("x", List.of("kpi"), "y", List.of("kpi"))))
        .hasMessageStartingWith("Cannot build pipeline: stage kpi in two tasks");
    assertThatThrownBy(() -> new PipelineGraph(jobs, Optional.empty(),
        Map.of("gold", List.of("kpi", "spatail"))))
        .hasMessage("Cannot build pipeline: task gold names stage spatail, which has no jobs");
  }
}
