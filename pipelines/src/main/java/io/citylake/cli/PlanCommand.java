package io.citylake.cli;

import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.PlanDocument;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code citylake plan}: the pipeline graph, as text or JSON (what the Airflow DAG mirrors). */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Print the nightly pipeline's jobs, their inputs, outputs and upstream jobs.")
final class PlanCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PlanDocument plan = PlanDocument.of(NightlyPipeline.graph());
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? plan.toJson() : plan.toText());
    out.flush();
    return 0;
  }
}
