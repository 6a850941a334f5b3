package io.citylake.pipeline;

/**
 * Writes the Airflow DAG ({@code dags/citylake_nightly.py}) from the plan, so the scheduler runs
 * exactly the pipeline graph: one {@code BashOperator} per stage of the graph calling
 * {@code citylake run-job} with the stage's jobs, and one {@code upstream >> downstream} line per
 * edge between stages. A task per job would start 44 JVMs and Spark sessions a night (10–20 s
 * each, more than most jobs take); a task per stage starts six, and a retry repeats one stage,
 * whose jobs skip the work they already did. The committed file is this text; a test fails when
 * the two drift apart.
 */
public final class AirflowDag {
  /** The command that regenerates the committed DAG, quoted in its header and test failures. */
  public static final String REGENERATE = "./citylake plan --airflow > dags/citylake_nightly.py";

  private AirflowDag() {}

  /**
   * The Airflow task id of a stage: its name, which must be a plain identifier (Airflow reads a
   * dot in a task id as a TaskGroup prefix).
   */
  public static String taskId(String stage) {
    if (!stage.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException(
          "Cannot name an Airflow task: stage names may hold letters, digits and _ (got: "
              + stage + ")");
    }
    return stage;
  }

  /** The DAG file's text, ending with a newline. */
  public static String python(PipelineGraph graph) {
    StringBuilder out = new StringBuilder(AirflowDagTemplate.header(REGENERATE));
    for (PipelineGraph.Stage stage : graph.stages()) {
      out.append(task(graph, stage));
    }
    out.append("\n    # one line per edge between stages: upstream >> downstream\n");
    for (PipelineGraph.Stage stage : graph.stages()) {
      for (String upstream : stage.upstream()) {
        out.append("    ").append(variable(upstream)).append(" >> ").append(variable(stage.name()))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String task(PipelineGraph graph, PipelineGraph.Stage stage) {
    StringBuilder jobs = new StringBuilder();
    StringBuilder doc = new StringBuilder("Stage " + stage.name() + ": "
        + (stage.jobs().size() == 1 ? "one job" : stage.jobs().size() + " jobs in one process")
        + "\n");
    for (String job : stage.jobs()) {
      jobs.append("            ").append(pythonString(job)).append(",\n");
      doc.append("\n- ").append(job).append(": ").append(graph.job(job).description());
    }
    return "    " + variable(stage.name()) + " = BashOperator(\n"
        + "        task_id=" + pythonString(taskId(stage.name())) + ",\n"
        + "        bash_command=run_jobs([\n"
        + jobs + "        ]),\n"
        + "        skip_on_exit_code=NOTHING_TO_RUN,\n"
        + "        doc_md=" + pythonString(doc.toString()) + ",\n"
        + "    )\n";
  }

  private static String variable(String stage) {
    return "t_" + taskId(stage);
  }

  /** A double-quoted Python string literal; non-ASCII characters are written as escapes. */
  static String pythonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c >= 0x20 && c <= 0x7e) {
        out.append((char) c);
      } else if (c <= 0xffff) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.append(String.format("\\U%08x", c));
      }
    });
    return out.append('"').toString();
  }
}
