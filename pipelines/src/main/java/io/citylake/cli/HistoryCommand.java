package io.citylake.cli;

import io.citylake.lake.LakeConfig;
import io.citylake.ops.LakeTableHistory;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code citylake history TABLE}: the Delta versions of one table, to pick one to restore. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Show the versions of a lake table (Delta time travel): when, which operation,"
        + " which run, rows written. 'citylake restore' rolls back to one of them.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:done", ExitCodes.USAGE})
final class HistoryCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Parameters(index = "0", paramLabel = "TABLE",
      description = "bronze.T, silver.T or gold.T; a bare name is a gold table.")
  String table;

  @Option(names = "--last", paramLabel = "N", defaultValue = "20",
      description = "The newest N versions (default: ${DEFAULT-VALUE}).")
  int last;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    SparkCommand.requireAtLeastOne(spec, "--last", last);
    String name = LakeTableHistory.qualified(table);
    LakeConfig config = lake.builtConfig("show the history of " + name);
    List<LakeTableHistory.Version> versions =
        new LakeTableHistory(SparkCommand.session(config), config.paths()).history(table, last);
    TextTable out = new TextTable(List.of("version", "timestamp", "operation", "run",
        "rows_written"));
    versions.forEach(v -> out.add(Arrays.asList(v.version(), v.timestamp(), v.operation(),
        v.run() == null || v.run().isEmpty() ? "-" : v.run(),
        v.rowsWritten() == null ? "-" : v.rowsWritten())));
    PrintWriter print = spec.commandLine().getOut();
    print.println(name);
    print.print(out);
    print.flush();
    return 0;
  }
}
