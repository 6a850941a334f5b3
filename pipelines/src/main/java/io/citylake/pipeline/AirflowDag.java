package io.citylake.pipeline;

import java.util.List;

/**
 * Writes the Airflow DAG ({@code dags/citylake_nightly.py}) from the plan, so the scheduler runs
 * exactly the pipeline graph: one {@code BashOperator} per task of the graph
 * ({@link PipelineGraph#tasks()}) calling {@code citylake run-job} with the task's jobs, and one
 * {@code upstream >> downstream} line per edge between tasks. A task per job would start 47 JVMs
 * and Spark sessions a night (10–20 s each, more than most jobs take); the graph's three tasks
 * start three, and a retry repeats one task, whose jobs skip the work they already did. The
 * committed file is this text; a test fails when the two drift apart.
 */
public final class AirflowDag {
  /** The command that regenerates the committed DAG, quoted in its header and test failures. */
  public static final String REGENERATE = "./citylake plan --airflow > dags/citylake_nightly.py";

  private AirflowDag() {}

  /**
   * The Airflow task id of a pipeline task: its name, which must be a plain identifier (Airflow
   * reads a dot in a task id as a TaskGroup prefix).
   */
  public static String taskId(String task) {
    if (!task.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException(
          "Cannot name an Airflow task: task names may hold letters, digits and _ (got: "
              + task + ")");
    }
    return task;
  }

  /** The DAG file's text, ending with a newline. */
  public static String python(PipelineGraph graph) {
    StringBuilder out = new StringBuilder(AirflowDagTemplate.header(REGENERATE));
    List<PipelineGraph.Task> tasks = graph.tasks();
    for (PipelineGraph.Task task : tasks) {
      out.append(operator(graph, task));
    }
    out.append("\n    # one line per edge between tasks: upstream >> downstream\n");
    for (PipelineGraph.Task task : tasks) {
      for (String upstream : task.upstream()) {
        out.append("    ").append(variable(upstream)).append(" >> ").append(variable(task.name()))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String operator(PipelineGraph graph, PipelineGraph.Task task) {
    StringBuilder jobs = new StringBuilder();
    StringBuilder doc = new StringBuilder("Task " + task.name() + ": stages "
        + String.join(", ", task.stages()) + "; "
        + (task.jobs().size() == 1 ? "one job" : task.jobs().size() + " jobs in one process")
        + "\n");
    for (String job : task.jobs()) {
      jobs.append("            ").append(pythonString(job)).append(",\n");
      doc.append("\n- ").append(job).append(": ").append(graph.job(job).description());
    }
    return "    " + variable(task.name()) + " = BashOperator(\n"
        + "        task_id=" + pythonString(taskId(task.name())) + ",\n"
        + "        bash_command=run_jobs([\n"
        + jobs + "        ]),\n"
        + "        skip_on_exit_code=NOTHING_TO_RUN,\n"
        + "        doc_md=" + pythonString(doc.toString()) + ",\n"
        + "    )\n";
  }

  private static String variable(String task) {
    return "t_" + taskId(task);
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
