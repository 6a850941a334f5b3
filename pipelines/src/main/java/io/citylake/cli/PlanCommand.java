package io.citylake.cli;

import io.citylake.pipeline.AirflowDag;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.PlanDocument;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code citylake plan}: the pipeline graph, as text, JSON, or the Airflow DAG generated from it
 * ({@code --airflow}, the committed {@code dags/citylake_nightly.py}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Print the nightly pipeline's jobs, their inputs, outputs and upstream jobs.")
final class PlanCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(names = "--airflow",
      description = "Print the Airflow DAG instead: " + AirflowDag.REGENERATE)
  boolean airflow;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (json && airflow) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--json and --airflow cannot be combined");
    }
    PlanDocument plan = PlanDocument.of(NightlyPipeline.graph());
    PrintWriter out = spec.commandLine().getOut();
    if (airflow) {
      out.print(AirflowDag.python(NightlyPipeline.graph()));
    } else {
      out.println(json ? plan.toJson() : plan.toText());
    }
    out.flush();
    return 0;
  }
}
