package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.report.ChromiumPdf;
import io.citylake.report.GoldReportReader;
import io.citylake.report.KpiReport;
import io.citylake.report.KpiReportJob;
import io.citylake.report.Lang;
import io.citylake.report.ReportArchive;
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
    description = "Write the KPI report (self-contained HTML and A4 PDF, Japanese and English)"
        + " of one day from the published gold tables.")
final class ReportCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Service day (default: the latest day gold was built from).")
  LocalDate date;

  @Option(names = "--lang", paramLabel = "ja|en",
      description = "Only this language (default: both).")
  String lang;

  @Option(names = "--format", paramLabel = "html|pdf",
      description = "Only this format (default: both; PDF needs chromium).")
  String format;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder for the files (default: <lake>/reports/<date>, and the archive"
          + " <lake>/reports/index.html is rebuilt).")
  String out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<Lang> langs = Lang.parse(lang);
    List<KpiReport.Format> formats = KpiReport.Format.parse(format);
    java.util.Optional<ChromiumPdf> chromium = ChromiumPdf.find();
    PrintWriter printer = spec.commandLine().getOut();
    if (chromium.isEmpty() && formats.contains(KpiReport.Format.PDF)) {
      if (format != null) {
        throw CityLakeException.badInput("print the KPI report to PDF", "Chromium is not"
            + " installed (apt-get install -y chromium fonts-ipafont-gothic, or set"
            + " CITYLAKE_CHROMIUM)", format);
      }
      formats = List.of(KpiReport.Format.HTML);
      spec.commandLine().getErr().println("citylake report: no Chromium, so HTML only (apt-get"
          + " install -y chromium fonts-ipafont-gothic for the PDF)");
    }
    LakeConfig config = lake.builtConfig("write the KPI report");
    SparkSession spark = SparkCommand.session(config);
    GoldReportReader reader = new GoldReportReader(spark, config.paths());
    LocalDate day = date != null ? date : reader.latestDay();
    ReportData data = reader.read(day).withSources(((KpiReportJob) NightlyPipeline.graph()
        .job(KpiReportJob.NAME)).sources());
    String folder = out == null ? null : out.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*") ? out
        : java.nio.file.Path.of(out).toAbsolutePath().toUri().toString();
    folder = folder != null ? folder
        : KpiReportJob.folder(config.paths().reports(), day);
    printer.printf("KPI report of %s:%n", day);
    for (String file : KpiReport.write(spark, data, langs, formats, chromium.orElse(null),
        folder)) {
      printer.println("  " + file);
    }
    if (out == null) {
      printer.println("  " + ReportArchive.write(spark.sparkContext().hadoopConfiguration(),
          config.paths().reports()));
    }
    printer.flush();
    return 0;
  }
}
