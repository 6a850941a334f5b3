package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.job.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The committed Airflow DAG is the one generated from the pipeline graph, and, read on its own,
 * has one task per job and exactly the graph's edges: a job added without regenerating fails here.
 */
class AirflowDagTest {
  private static final Pattern TASK = Pattern.compile(
      "(?m)^ {4}(t_\\w+) = BashOperator\\(\\n {8}task_id=\"([\\w]+)\",\\n"
          + " {8}bash_command=run_job\\(\"([\\w.]+)\"\\),\\n {8}skip_on_exit_code=NOTHING_TO_RUN,");
  private static final Pattern EDGE = Pattern.compile("(?m)^ {4}(t_\\w+) >> (t_\\w+)$");

  private static Path committedDag() {
    return Path.of(System.getProperty("citylake.home", "..")).resolve("dags/citylake_nightly.py");
  }

  private static String committedText() throws IOException {
    return Files.readString(committedDag());
  }

  /** The graph's tasks (job name with dots as __) and edges, computed here, not by the generator. */
  private static Map<String, String> expectedTasks() {
    Map<String, String> tasks = new LinkedHashMap<>();
    for (Job job : NightlyPipeline.graph().jobs()) {
      tasks.put(job.name().replace(".", "__"), job.name());
    }
    return tasks;
  }

  private static Set<List<String>> expectedEdges() {
    PipelineGraph graph = NightlyPipeline.graph();
    Set<List<String>> edges = new HashSet<>();
    for (Job job : graph.jobs()) {
      for (String upstream : graph.upstream(job)) {
        edges.add(List.of(upstream.replace(".", "__"), job.name().replace(".", "__")));
      }
    }
    return edges;
  }

  @Test
  void committedDagIsTheGeneratedDag() throws IOException {
    String generated = AirflowDag.python(PlanDocument.of(NightlyPipeline.graph()));
    assertThat(committedText())
        .as("dags/citylake_nightly.py is stale or hand-edited; run `" + AirflowDag.REGENERATE
            + "` and commit it")
        .isEqualTo(generated);
  }

  @Test
  void committedDagHasOneTaskPerJobAndTheGraphEdges() throws IOException {
    String text = committedText();
    Map<String, String> tasks = new LinkedHashMap<>();
    Map<String, String> taskOfVariable = new LinkedHashMap<>();
    Matcher task = TASK.matcher(text);
    while (task.find()) {
      tasks.put(task.group(2), task.group(3));
      taskOfVariable.put(task.group(1), task.group(2));
    }
    Set<List<String>> edges = new HashSet<>();
    Matcher edge = EDGE.matcher(text);
    while (edge.find()) {
      edges.add(List.of(taskOfVariable.get(edge.group(1)), taskOfVariable.get(edge.group(2))));
    }
    String hint = "DAG and pipeline graph differ; run `" + AirflowDag.REGENERATE + "`";
    assertThat(tasks).as(hint).containsExactlyInAnyOrderEntriesOf(expectedTasks());
    assertThat(Pattern.compile("BashOperator\\(").matcher(text).results().count())
        .as("every BashOperator( matched the task pattern").isEqualTo(tasks.size());
    assertThat(edges).as(hint).isEqualTo(expectedEdges());
  }

  @Test
  void committedDagParsesAsPythonWithTheGraphTasksAndEdges() throws Exception {
    JsonNode structure = new ObjectMapper().readTree(
        PythonScripts.run("dag_structure.py", committedDag().toString()));
    Map<String, String> tasks = new LinkedHashMap<>();
    structure.get("tasks").fields()
        .forEachRemaining(e -> tasks.put(e.getKey(), e.getValue().asText()));
    Set<List<String>> edges = new HashSet<>();
    structure.get("edges").forEach(e -> edges.add(List.of(e.get(0).asText(), e.get(1).asText())));
    List<String> skipCodes = new ArrayList<>();
    structure.get("skip_codes").forEach(code -> skipCodes.add(code.asText()));

    String hint = "DAG and pipeline graph differ; run `" + AirflowDag.REGENERATE + "`";
    assertThat(tasks).as(hint).containsExactlyInAnyOrderEntriesOf(expectedTasks());
    assertThat(edges).as(hint).isEqualTo(expectedEdges());
    assertThat(skipCodes).hasSize(tasks.size()).containsOnly("NOTHING_TO_RUN");
    JsonNode dag = structure.get("dag");
    assertThat(dag.get("dag_id").asText()).isEqualTo("citylake_nightly");
    assertThat(dag.get("catchup").asBoolean()).isTrue();
    assertThat(dag.get("max_active_runs").asInt()).isEqualTo(1);
    assertThat(dag.get("dagrun_timeout").asText()).startsWith("timedelta(");
    assertThat(dag.get("schedule").asText())
        .isEqualTo("CronTriggerTimetable('0 2 * * *', timezone='Asia/Tokyo')");
  }

  @Test
  void tasksRunOneJobForTheRunDayWithRetriesAndTimeouts() throws IOException {
    String text = committedText();
    assertThat(text)
        .contains("\"${CITYLAKE_CMD:-citylake} run-job --job \" + job + \" --date {{ ds }}\"")
        .contains("' --lake \"${CITYLAKE_LAKE:?set CITYLAKE_LAKE to the lake root}\"'")
        .contains("NOTHING_TO_RUN = " + NothingToRunException.EXIT_CODE + "  #")
        .contains("\"retries\": 3,")
        .contains("\"retry_delay\": timedelta(minutes=5),")
        .contains("\"retry_exponential_backoff\": True,")
        .contains("\"execution_timeout\": timedelta(hours=2),")
        .contains("dagrun_timeout=timedelta(hours=8),")
        .contains("catchup=True,")
        .contains("max_active_runs=1,");
  }

  @Test
  void taskIdsReplaceDotsAndRefuseOtherCharacters() {
    assertThat(AirflowDag.taskId("ingest.transit_taps")).isEqualTo("ingest__transit_taps");
    assertThatThrownBy(() -> AirflowDag.taskId("ingest.transit-taps"))
        .hasMessage("Cannot name an Airflow task: job names may hold letters, digits, _ and ."
            + " (got: ingest.transit-taps)");
  }

  @Test
  void descriptionsBecomeEscapedPythonStrings() {
    assertThat(AirflowDag.pythonString("say \"hi\" \\ 札幌"))
        .isEqualTo("\"say \\\"hi\\\" \\\\ \\u672d\\u5e4c\"");
  }
}
