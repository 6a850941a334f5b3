package io.citylake.cli;

import io.citylake.lake.LakeConfig;
import io.citylake.pipeline.RunLedger;
import java.io.PrintWriter;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code citylake runs}: the run ledger ({@code silver.run_ledger}), newest runs last, one line
 * per job with why it failed, so an operator sees what the nights did without their logs.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = "Show the run ledger: every nightly, run-job and backfill run, job by job.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:done", ExitCodes.USAGE})
final class RunsCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  @Mixin LakeOptions lake;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Only the runs for this JST service day.")
  LocalDate date;

  @Option(names = "--last", paramLabel = "N", defaultValue = "5",
      description = "The newest N runs (default: ${DEFAULT-VALUE}).")
  int last;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    SparkCommand.requireAtLeastOne(spec, "--last", last);
    LakeConfig config = lake.builtConfig("show the run ledger");
    List<Row> rows = new RunLedger(SparkCommand.session(config), config.paths())
        .read(Optional.ofNullable(date), last);
    PrintWriter out = spec.commandLine().getOut();
    if (rows.isEmpty()) {
      out.println("no runs recorded" + (date == null ? "" : " for " + date)
          + " in silver.run_ledger");
      out.flush();
      return 0;
    }
    TextTable table = new TextTable(List.of("run_id", "day", "command", "job", "status",
        "started", "ended", "rows_in", "rows_out", "quarantined", "versions", "message"));
    for (Row r : rows) {
      table.add(java.util.Arrays.asList(r.getString(0), dash(r.get(1)), r.getString(2), r.getString(3),
          r.getString(6), time(r.getTimestamp(4)), time(r.getTimestamp(5)), dash(r.get(7)),
          dash(r.get(8)), dash(r.get(9)), dash(r.get(10)), dash(r.get(11))));
    }
    out.print(table);
    out.flush();
    return 0;
  }

  private static String time(Timestamp t) {
    return t == null ? "-" : TIME.format(t.toInstant());
  }

  private static Object dash(Object value) {
    return value == null ? "-" : value;
  }
}
