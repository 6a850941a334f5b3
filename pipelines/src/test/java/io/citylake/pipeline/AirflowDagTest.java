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
 * has one task per group of stages (job-name prefixes) running exactly those stages' jobs, every
 * job in one task, and exactly the task edges the job graph implies: a job added without
 * regenerating fails here.
 */
class AirflowDagTest {
  private static final Pattern TASK = Pattern.compile(
      "(?m)^ {4}(t_\\w+) = BashOperator\\(\\n {8}task_id=\"(\\w+)\",\\n"
          + " {8}bash_command=run_jobs\\(\\[\\n((?: {12}\"[\\w.]+\",\\n)+) {8}\\]\\),\\n"
          + " {8}skip_on_exit_code=NOTHING_TO_RUN,");
  private static final Pattern JOB = Pattern.compile("\"([\\w.]+)\"");
  private static final Pattern EDGE = Pattern.compile("(?m)^ {4}(t_\\w+) >> (t_\\w+)$");

  private static Path committedDag() {
    return Path.of(System.getProperty("citylake.home", "..")).resolve("dags/citylake_nightly.py");
  }

  private static String committedText() throws IOException {
    return Files.readString(committedDag());
  }

  /** The task of each stage: bronze to silver, gold, then what is published of it. */
  private static final Map<String, String> TASK_OF_STAGE = Map.of(
      "ingest", "silver", "conform", "silver",
      "kpi", "gold", "spatial", "gold",
      "publish", "publish", "report", "publish");

  /** The task of a job, from its name's prefix (its stage). */
  private static String task(String job) {
    String stage = job.split("\\.")[0];
    assertThat(TASK_OF_STAGE).as("stages with a task").containsKey(stage);
    return TASK_OF_STAGE.get(stage);
  }

  /** Each task's jobs, computed here from the job names, not by the generator. */
  private static Map<String, Set<String>> expectedTasks() {
    Map<String, Set<String>> tasks = new LinkedHashMap<>();
    for (Job job : NightlyPipeline.graph().jobs()) {
      tasks.computeIfAbsent(task(job.name()), s -> new HashSet<>()).add(job.name());
    }
    return tasks;
  }

  /** Task edges: a task waits for every other task one of its jobs waits for. */
  private static Set<List<String>> expectedEdges() {
    PipelineGraph graph = NightlyPipeline.graph();
    Set<List<String>> edges = new HashSet<>();
    for (Job job : graph.jobs()) {
      for (String upstream : graph.upstream(job)) {
        if (!task(upstream).equals(task(job.name()))) {
          edges.add(List.of(task(upstream), task(job.name())));
        }
      }
    }
    return edges;
  }

  @Test
  void committedDagIsTheGeneratedDag() throws IOException {
    String generated = AirflowDag.python(NightlyPipeline.graph());
    assertThat(committedText())
        .as("dags/citylake_nightly.py is stale or hand-edited; run `" + AirflowDag.REGENERATE
            + "` and commit it")
        .isEqualTo(generated);
  }

  @Test
  void committedDagHasOneTaskPerGroupOfStagesAndTheGraphEdges() throws IOException {
    String text = committedText();
    Map<String, Set<String>> tasks = new LinkedHashMap<>();
    Map<String, String> taskOfVariable = new LinkedHashMap<>();
    Matcher task = TASK.matcher(text);
    while (task.find()) {
      Set<String> jobs = new HashSet<>();
      JOB.matcher(task.group(3)).results().forEach(m -> jobs.add(m.group(1)));
      tasks.put(task.group(2), jobs);
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
    Map<String, Set<String>> tasks = new LinkedHashMap<>();
    structure.get("tasks").fields().forEachRemaining(e -> {
      Set<String> jobs = new HashSet<>();
      e.getValue().forEach(job -> jobs.add(job.asText()));
      tasks.put(e.getKey(), jobs);
    });
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
  void tasksRunTheirJobsForTheRunDayWithRetriesAndTimeouts() throws IOException {
    String text = committedText();
    assertThat(text)
        .contains("\"${CITYLAKE_CMD:-citylake} run-job\"")
        .contains("+ \"\".join(\" --job \" + job for job in jobs)")
        .contains("+ \" --date {{ ds }}\"")
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
  void taskIdsAreTaskNamesAndRefuseOtherCharacters() {
    assertThat(AirflowDag.taskId("silver")).isEqualTo("silver");
    assertThatThrownBy(() -> AirflowDag.taskId("ingest.transit"))
        .hasMessage("Cannot name an Airflow task: task names may hold letters, digits and _"
            + " (got: ingest.transit)");
  }

  @Test
  void weeklyMaintenanceRunsAfterThatMorningsNightNeverDuringIt() throws IOException {
    String nightly = committedText();
    String maintain = Files.readString(committedDag().resolveSibling("citylake_maintain.py"));
    assertThat(nightly).contains("CronTriggerTimetable(\"0 2 * * *\", timezone=\"Asia/Tokyo\")");
    assertThat(maintain)
        .contains("CronTriggerTimetable(\"0 6 * * 0\", timezone=\"Asia/Tokyo\")")
        .contains("external_dag_id=\"citylake_nightly\"")
        // 06:00 minus 4 hours is the 02:00 trigger of the nightly run of the same morning
        .contains("execution_delta=timedelta(hours=4)")
        .contains("nightly_done >> maintain")
        .contains("${CITYLAKE_CMD:-citylake} maintain --retain-days 7");
  }

  @Test
  void stagesAndTasksFollowTheJobGraphAndEveryJobIsInOneOfEach() {
    PipelineGraph graph = NightlyPipeline.graph();
    List<PipelineGraph.Stage> stages = graph.stages();
    assertThat(stages).extracting(PipelineGraph.Stage::name)
        .containsExactlyInAnyOrderElementsOf(TASK_OF_STAGE.keySet());
    assertThat(stages.stream().mapToInt(s -> s.jobs().size()).sum())
        .isEqualTo(graph.jobs().size());
    Set<String> before = new HashSet<>();
    for (PipelineGraph.Stage stage : stages) {
      assertThat(before).as("stages of " + stage.name()).containsAll(stage.upstream());
      before.add(stage.name());
    }

    List<PipelineGraph.Task> tasks = graph.tasks();
    assertThat(tasks).extracting(PipelineGraph.Task::name)
        .containsExactly("silver", "gold", "publish");
    Set<String> ran = new HashSet<>();
    for (PipelineGraph.Task task : tasks) {
      assertThat(task.stages()).as("stages of task " + task.name())
          .allMatch(stage -> TASK_OF_STAGE.get(stage).equals(task.name()));
      for (String job : task.jobs()) {
        assertThat(ran).as("jobs before " + job + " (task " + task.name() + ")")
            .containsAll(graph.upstream(graph.job(job)));
        ran.add(job);
      }
    }
    assertThat(ran).hasSize(graph.jobs().size());
  }

  @Test
  void descriptionsBecomeEscapedPythonStrings() {
    assertThat(AirflowDag.pythonString("say \"hi\" \\ 札幌"))
        .isEqualTo("\"say \\\"hi\\\" \\\\ \\u672d\\u5e4c\"");
  }
}
