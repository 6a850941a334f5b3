package io.citylake.cli;

import io.citylake.conform.QuarantineSummary;
import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code citylake quarantine}: what a night rejected, by dataset and rule. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
    description = "Show quarantined rows of one service day by dataset and rule.")
final class QuarantineCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Service day (default: the latest day with quarantined rows).")
  LocalDate date;

  @Option(names = "--examples", description = "Also show one raw line per rule.")
  boolean examples;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    LakeConfig config = lake.builtConfig("show the quarantine");
    QuarantineSummary summary =
        new QuarantineSummary(SparkCommand.session(config), config.paths());
    LocalDate day = date != null ? date : summary.latestDay().orElseThrow(() ->
        CityLakeException.badInput("show the quarantine", "nothing is quarantined yet",
            config.lakeRoot()));
    List<QuarantineSummary.RuleCount> counts = summary.forDay(day);
    TextTable table = new TextTable(examples
        ? List.of("dataset", "rule", "rows", "example") : List.of("dataset", "rule", "rows"));
    for (QuarantineSummary.RuleCount count : counts) {
      table.add(examples
          ? List.of(count.dataset(), count.rule(), count.rows(), abbreviate(count.example()))
          : List.of(count.dataset(), count.rule(), count.rows()));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("quarantine of %s: %d rows%n%n", day,
        counts.stream().mapToLong(QuarantineSummary.RuleCount::rows).sum());
    out.print(table);
    out.flush();
    return 0;
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
