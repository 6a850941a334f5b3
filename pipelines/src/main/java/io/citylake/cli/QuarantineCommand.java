package io.citylake.cli;

import io.citylake.conform.IdentifierMask;
import io.citylake.conform.PseudonymKey;
import io.citylake.conform.Pseudonymizer;
import io.citylake.conform.QuarantineSummary;
import io.citylake.contract.RawDataset;
import io.citylake.ingest.RawFileScanner;
import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code citylake quarantine}: what a night rejected, by dataset and kind of rule; with
 * {@code --examples}, one example per kind: its file, the field and value that broke the rule,
 * and the line, with personal identifiers masked (their pseudonym when the lake's key is at
 * hand, else a prefix) unless {@code --show-identifiers} asks for them, with a warning.
 */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
    description = "Show quarantined rows of one service day by dataset and kind of rule.")
final class QuarantineCommand implements Callable<Integer> {
  /** Long enough for a whole contract line; the offending value is shown on its own line. */
  private static final int MAX_LINE = 240;

  @Mixin LakeOptions lake;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Service day (default: the latest day with quarantined rows).")
  LocalDate date;

  @Option(names = "--examples", description = "Also show one example per kind of rule: its"
      + " source file, the offending field and value, and the raw line (identifiers masked).")
  boolean examples;

  @Option(names = "--show-identifiers", description = "Show person_id, card_id and respondent_id"
      + " in examples as delivered, not masked (restricted data: prints a warning).")
  boolean showIdentifiers;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    LakeConfig config = lake.builtConfig("show the quarantine");
    SparkSession spark = SparkCommand.session(config);
    QuarantineSummary summary = new QuarantineSummary(spark, config.paths());
    LocalDate day = date != null ? date : summary.latestDay().orElseThrow(() ->
        CityLakeException.badInput("show the quarantine", "nothing is quarantined yet",
            config.lakeRoot()));
    List<QuarantineSummary.KindCount> counts = summary.forDay(day);
    TextTable table = new TextTable(List.of("dataset", "rule", "rows"));
    for (QuarantineSummary.KindCount count : counts) {
      table.add(List.of(count.dataset(), count.kind(), count.rows()));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (showIdentifiers) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("citylake quarantine: warning: showing personal identifiers ("
          + String.join(", ", RawDataset.PERSONAL_IDENTIFIERS) + ") as delivered; this is"
          + " restricted data, do not copy it out of the restricted zone");
      err.flush();
    }
    out.printf("quarantine of %s: %d rows%n%n", day,
        counts.stream().mapToLong(QuarantineSummary.KindCount::rows).sum());
    out.print(table);
    if (examples) {
      IdentifierMask mask = new IdentifierMask(masker(config, spark),
          file -> header(config, spark.sparkContext().hadoopConfiguration(), file));
      out.printf("%nexamples (%s):%n", showIdentifiers ? "identifiers shown as delivered"
          : "identifiers masked; --show-identifiers shows them");
      for (QuarantineSummary.KindCount count : counts) {
        QuarantineSummary.Example example = showIdentifiers ? count.example()
            : mask.apply(count.dataset(), count.example());
        printExample(out, count, example);
      }
    }
    out.flush();
    return 0;
  }

  private static void printExample(PrintWriter out, QuarantineSummary.KindCount count,
      QuarantineSummary.Example example) {
    out.printf("%n%s · %s · %d row%s%s%n", count.dataset(), count.kind(), count.rows(),
        count.rows() == 1 ? "" : "s",
        count.rules() > 1 ? " (" + count.rules() + " variants, e.g. " + example.rule() + ")" : "");
    out.printf("  file:  %s%n", example.sourceFile());
    if (example.field() != null) {
      out.printf("  value: %s = \"%s\"%n", example.field(),
          example.value() == null ? "" : example.value());
    }
    out.printf("  line:  %s%n", abbreviate(example.raw()));
  }

  /** The pseudonym silver would carry, when the lake's key is at hand; else a prefix. */
  private static UnaryOperator<String> masker(LakeConfig config, SparkSession spark) {
    try {
      Pseudonymizer pseudonymizer = PseudonymKey.resolve(config, System.getenv(),
          spark.sparkContext().hadoopConfiguration());
      return pseudonymizer::pseudonym;
    } catch (CityLakeException e) {
      return IdentifierMask::prefix;
    }
  }

  private static Optional<String> header(LakeConfig config, Configuration hadoopConf,
      String file) {
    String path = config.paths().root().replaceAll("/+$", "") + "/" + file;
    try {
      if (!new Path(path).getFileSystem(hadoopConf).exists(new Path(path))) {
        return Optional.empty();
      }
      return Optional.of(new RawFileScanner(hadoopConf).firstLine(path));
    } catch (java.io.IOException | CityLakeException e) {
      return Optional.empty();
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= MAX_LINE ? text
        : text.substring(0, MAX_LINE - 3) + "...";
  }
}
