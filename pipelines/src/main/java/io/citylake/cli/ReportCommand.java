package io.citylake.cli;

import io.citylake.lake.LakeConfig;
import io.citylake.report.GoldReportReader;
import io.citylake.report.KpiReport;
import io.citylake.report.KpiReportJob;
import io.citylake.report.Lang;
import io.citylake.report.ReportData;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code citylake report}: the KPI report of one day as static HTML, from the gold tables. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the KPI report (self-contained HTML, Japanese and English) of one day"
        + " from the published gold tables.")
final class ReportCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Service day (default: the latest day gold was built from).")
  LocalDate date;

  @Option(names = "--lang", paramLabel = "ja|en",
      description = "Only this language (default: both).")
  String lang;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder for the HTML files (default: <lake>/reports/<date>).")
  String out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<Lang> langs = Lang.parse(lang);
    LakeConfig config = lake.builtConfig("write the KPI report");
    SparkSession spark = SparkCommand.session(config);
    GoldReportReader reader = new GoldReportReader(spark, config.paths());
    LocalDate day = date != null ? date : reader.latestDay();
    ReportData data = reader.read(day);
    String folder = out == null ? null : out.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*") ? out
        : java.nio.file.Path.of(out).toAbsolutePath().toUri().toString();
    folder = folder != null ? folder
        : KpiReportJob.folder(config.paths().reports(), day);
    PrintWriter printer = spec.commandLine().getOut();
    printer.printf("KPI report of %s:%n", day);
    for (String file : KpiReport.write(spark, data, langs, folder)) {
      printer.println("  " + file);
    }
    printer.flush();
    return 0;
  }
}
