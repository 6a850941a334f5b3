package io.citylake.cli;

import io.citylake.lake.LakeConfig;
import io.citylake.ops.LakeLease;
import io.citylake.maintain.LakeMaintenance;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code citylake maintain}: compaction and vacuum of every table, run on a schedule (weekly in the
 * Airflow DAG) after a night, never during one, because a compaction that overlaps a night's
 * rewrite of the same partition makes one of them fail.
 */
@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = "Compact small files (OPTIMIZE) and delete unreferenced old files (VACUUM) of"
        + " every bronze, silver and gold table. Run it between nights, e.g. weekly.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:done", ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.BUSY})
final class MaintainCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Option(names = "--retain-days", paramLabel = "DAYS", defaultValue = "7",
      description = "Keep files that versions of the last DAYS days still read (time travel"
          + " and long-running readers); at least 7, Delta's safety minimum. Default: ${DEFAULT-VALUE}.")
  long retainDays;

  @Option(names = "--table", paramLabel = "LAYER.TABLE",
      description = "Only this table (repeatable), e.g. bronze.transit_taps. Default: every table.")
  List<String> tables;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    LakeConfig config = lake.config("maintain the lake");
    Duration retention = Duration.ofDays(retainDays);
    if (retention.compareTo(LakeMaintenance.MINIMUM_RETENTION) < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--retain-days must be at least " + LakeMaintenance.MINIMUM_RETENTION.toDays()
              + " (got: " + retainDays + ")");
    }
    try (LakeLease lease = LakeLease.acquire(config, LakeLease.Mode.EXCLUSIVE,
        "citylake maintain")) {
      return maintain(config, retention);
    }
  }

  private int maintain(LakeConfig config, Duration retention) {
    LakeMaintenance maintenance =
        new LakeMaintenance(SparkCommand.session(config), config.paths());
    List<String> selected = tables == null || tables.isEmpty() ? maintenance.tables() : tables;
    PrintWriter out = spec.commandLine().getOut();
    out.printf("citylake maintain on %s (retention %d days)%n", config.lakeRoot(), retainDays);
    TextTable table = new TextTable(List.of("table", "files read", "after compaction",
        "files on disk", "after vacuum", "seconds"));
    for (String name : selected) {
      LakeMaintenance.TableOutcome done = maintenance.maintain(name, retention);
      table.add(List.of(done.table(), done.filesBefore(), done.filesAfter(),
          done.filesOnDiskBefore(), done.filesOnDiskAfter(), String.format("%.1f", done.seconds())));
    }
    out.println();
    out.print(table);
    out.flush();
    return 0;
  }
}
