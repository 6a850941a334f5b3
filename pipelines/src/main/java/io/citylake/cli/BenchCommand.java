package io.citylake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code citylake bench}: measured runs rather than timed tests, so speed claims come from one
 * documented command. {@code spatial} races spatial join plans, {@code pipeline} the nightly
 * pipeline against a DuckDB baseline, {@code scheduled} the night as Airflow runs it against one
 * nightly process, {@code serve} analysts' latency through JDBC, {@code warm} a night's cost in a
 * cold JVM against a warm one; all print a table and write JSON.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks on generated lakes: 'bench spatial' (spatial join plans) and"
        + " 'bench pipeline' (nightly pipeline vs a DuckDB baseline) and 'bench scheduled'"
        + " (one process per Airflow task vs one nightly process) and 'bench serve' (analyst"
        + " latency through JDBC on a lake's gold tables) and 'bench warm' (a first night in a cold"
        + " JVM against the same night in a warm one).",
    subcommands = {BenchSpatialCommand.class, BenchPipelineCommand.class,
        BenchScheduledCommand.class, BenchServeCommand.class, BenchWarmCommand.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: spatial, pipeline, scheduled, serve or warm");
  }
}
