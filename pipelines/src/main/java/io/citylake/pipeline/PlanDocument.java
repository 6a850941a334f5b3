package io.citylake.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.citylake.job.Job;
import io.citylake.job.TableRef;
import java.util.List;

/**
 * The pipeline graph as a document, in topological order: the form {@code plan --json} prints and
 * the Airflow DAG is checked against. Its tasks are what a scheduler runs as one process each
 * ({@link PipelineGraph#tasks()}), for schedulers other than the generated Airflow DAG.
 */
public record PlanDocument(String pipeline, List<Step> jobs, List<PipelineGraph.Task> tasks) {

  /** One job with its declared tables and the jobs it waits for. */
  public record Step(String name, String description, List<String> inputs, List<String> outputs,
      List<String> upstream) {}

  public static PlanDocument of(PipelineGraph graph) {
    List<Step> steps = graph.topologicalOrder().stream()
        .map(job -> new Step(job.name(), job.description(), names(job.inputs()),
            names(job.outputs()), graph.upstream(job)))
        .toList();
    return new PlanDocument("nightly", steps, graph.tasks());
  }

  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write plan as JSON", e);
    }
  }

  public String toText() {
    StringBuilder out = new StringBuilder();
    for (Step step : jobs) {
      out.append(step.name()).append(System.lineSeparator());
      out.append("    ").append(step.description()).append(System.lineSeparator());
      out.append("    reads:  ").append(String.join(", ", step.inputs()))
          .append(System.lineSeparator());
      out.append("    writes: ").append(String.join(", ", step.outputs()))
          .append(System.lineSeparator());
      if (!step.upstream().isEmpty()) {
        out.append("    after:  ").append(String.join(", ", step.upstream()))
            .append(System.lineSeparator());
      }
    }
    out.append(System.lineSeparator()).append("tasks (one process each):")
        .append(System.lineSeparator());
    for (PipelineGraph.Task task : tasks) {
      out.append("  ").append(task.name()).append(": stages ")
          .append(String.join(", ", task.stages())).append(", ").append(task.jobs().size())
          .append(task.jobs().size() == 1 ? " job" : " jobs");
      if (!task.upstream().isEmpty()) {
        out.append(", after ").append(String.join(", ", task.upstream()));
      }
      out.append(System.lineSeparator());
    }
    return out.toString().stripTrailing();
  }

  private static List<String> names(List<TableRef> tables) {
    return tables.stream().map(TableRef::toString).toList();
  }
}
