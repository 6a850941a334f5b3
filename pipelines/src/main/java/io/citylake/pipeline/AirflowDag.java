package io.citylake.pipeline;

/**
 * Writes the Airflow DAG ({@code dags/citylake_nightly.py}) from the plan, so the scheduler runs
 * exactly the pipeline graph: one {@code BashOperator} per job calling {@code citylake run-job},
 * and one {@code upstream >> downstream} line per edge. The committed file is this text; a test
 * fails when the two drift apart.
 *
 * <p>Task ids are job names with {@code .} replaced by {@code __}: Airflow allows dots in task ids
 * but uses them for TaskGroup prefixes, so a dotted id would read as a group that does not exist.
 */
public final class AirflowDag {
  /** The command that regenerates the committed DAG, quoted in its header and test failures. */
  public static final String REGENERATE = "./citylake plan --airflow > dags/citylake_nightly.py";

  private AirflowDag() {}

  /** The Airflow task id of a job: {@code ingest.transit_taps} becomes {@code ingest__transit_taps}. */
  public static String taskId(String jobName) {
    if (!jobName.matches("[A-Za-z0-9_.]+")) {
      throw new IllegalArgumentException(
          "Cannot name an Airflow task: job names may hold letters, digits, _ and . (got: "
              + jobName + ")");
    }
    return jobName.replace(".", "__");
  }

  /** The DAG file's text, ending with a newline. */
  public static String python(PlanDocument plan) {
    StringBuilder out = new StringBuilder(AirflowDagTemplate.header(REGENERATE));
    for (PlanDocument.Step step : plan.jobs()) {
      out.append(task(step));
    }
    out.append("\n    # one line per edge of the pipeline graph: upstream >> downstream\n");
    for (PlanDocument.Step step : plan.jobs()) {
      for (String upstream : step.upstream()) {
        out.append("    ").append(variable(upstream)).append(" >> ").append(variable(step.name()))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String task(PlanDocument.Step step) {
    return "    " + variable(step.name()) + " = BashOperator(\n"
        + "        task_id=" + pythonString(taskId(step.name())) + ",\n"
        + "        bash_command=run_job(" + pythonString(step.name()) + "),\n"
        + "        skip_on_exit_code=NOTHING_TO_RUN,\n"
        + "        doc_md=" + pythonString(step.description()) + ",\n"
        + "    )\n";
  }

  private static String variable(String jobName) {
    return "t_" + taskId(jobName);
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
