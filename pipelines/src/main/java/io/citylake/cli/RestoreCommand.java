package io.citylake.cli;

import io.citylake.lake.LakeConfig;
import io.citylake.ops.LakeLease;
import io.citylake.ops.LakeTableHistory;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code citylake restore TABLE --version V}: rolls one table back to an earlier version (Delta
 * {@code RESTORE}, a new version itself), under the lake's exclusive lease so no night writes
 * the table meanwhile.
 */
@Command(name = "restore",
    description = "Roll a lake table back to an earlier version (see 'citylake history TABLE')."
        + " The restore is a new version, so it can be undone the same way.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:done", "1:the restore failed, e.g. VACUUM removed that version's files",
        ExitCodes.USAGE, ExitCodes.BUSY})
final class RestoreCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Parameters(index = "0", paramLabel = "TABLE",
      description = "bronze.T, silver.T or gold.T; a bare name is a gold table.")
  String table;

  @Option(names = "--version", required = true, paramLabel = "V",
      description = "The version to restore, as 'citylake history' lists it.")
  long version;

  // no mixinStandardHelpOptions: its -V/--version would take the name of the version to restore
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String name = LakeTableHistory.qualified(table);
    LakeConfig config = lake.builtConfig("restore " + name);
    try (LakeLease lease = LakeLease.acquire(config, LakeLease.Mode.EXCLUSIVE,
        "citylake restore " + name)) {
      LakeTableHistory.Restored done = new LakeTableHistory(SparkCommand.session(config),
          config.paths()).restore(table, version);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("restored %s to version %d (now version %d)%n", done.table(),
          done.restoredVersion(), done.newVersion());
      out.flush();
      return 0;
    }
  }
}
