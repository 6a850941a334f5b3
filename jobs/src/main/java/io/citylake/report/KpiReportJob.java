package io.citylake.report;

import io.citylake.conform.ConformAccounting;
import io.citylake.gold.KpiWatermarks;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.kpi.KpiDefinition;
import io.citylake.kpi.KpiHeadline;
import io.citylake.kpi.KpiHeadlineSeries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The nightly pipeline's last step: the KPI report of the run's day in Japanese and English,
 * written to {@code <lake>/reports/<day>/citylake-report-{ja,en}.html} and, where Chromium is
 * installed, {@code .pdf} ({@link ChromiumPdf}), then the archive of all
 * report days, {@code <lake>/reports/index.html} ({@link ReportArchive}). Reads the published gold
 * tables by path (no metastore, so it does not wait for the catalog) and the quarantine counts of
 * {@code silver.conform_accounting}; collects only small aggregates (see
 * {@link GoldReportReader}); no shuffle beyond those aggregates, no broadcast, writes no table.
 */
public final class KpiReportJob implements Job {
  /** The job's name in the pipeline graph. */
  public static final String NAME = "report.kpi_report";
  private final Map<String, List<String>> sources;

  /** The report of a pipeline whose jobs before it are {@code upstream} (for KPI sources). */
  public KpiReportJob(List<Job> upstream) {
    this.sources = io.citylake.kpi.KpiLineage.of(upstream);
  }

  /** Per KPI id, the silver tables and raw datasets the report names as its sources. */
  public Map<String, List<String>> sources() {
    return sources;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "KPI report of the day for policy officers: HTML and PDF in Japanese and English"
        + " under reports/<day>/, and the archive reports/index.html";
  }

  @Override
  public List<TableRef> inputs() {
    Set<TableRef> inputs = new LinkedHashSet<>();
    inputs.add(TableRef.gold("kpi_catalogue"));
    inputs.add(TableRef.gold(KpiWatermarks.TABLE));
    inputs.add(TableRef.gold(KpiHeadlineSeries.NAME));
    for (KpiDefinition kpi : KpiDefinition.measuredKpis()) {
      inputs.add(TableRef.gold(KpiHeadline.of(kpi).table()));
    }
    inputs.add(TableRef.gold(GoldMapReader.AREAS));
    inputs.add(TableRef.gold(GoldMapReader.PEOPLE));
    inputs.add(TableRef.gold(GoldMapReader.SNOW));
    inputs.add(TableRef.gold(GoldMapReader.SPEND));
    inputs.add(TableRef.silver(ConformAccounting.TABLE));
    return List.copyOf(inputs);
  }

  @Override
  public List<TableRef> outputs() {
    return List.of();
  }

  /**
   * The pages show the declared gold and silver tables of the day and nothing else (not the run
   * or the clock), so a night that changed none of them, such as a retried task, keeps the pages
   * it has instead of reading and rendering them again.
   */
  @Override
  public boolean pureOfDeclaredInputs() {
    return true;
  }

  /**
   * Every page of the day in every language (the PDF too where Chromium is installed now), the
   * day's statuses and the archive.
   */
  @Override
  public boolean filesIntact(JobContext context) {
    String folder = folder(context.paths().reports(), context.runDate());
    List<KpiReport.Format> formats = formats(ChromiumPdf.find());
    List<Path> files = new ArrayList<>();
    for (Lang lang : Lang.values()) {
      formats.forEach(f -> files.add(new Path(folder, KpiReport.fileName(lang, f))));
    }
    files.add(new Path(folder, ReportArchive.STATUS_FILE));
    files.add(new Path(context.paths().reports(), ReportArchive.INDEX));
    try {
      FileSystem fs = files.get(0).getFileSystem(
          context.spark().sparkContext().hadoopConfiguration());
      for (Path file : files) {
        if (!fs.exists(file)) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false; // cannot tell: write the report
    }
  }

  @Override
  public JobResult run(JobContext context) {
    context.spark().sparkContext().setJobDescription(name());
    ReportData data = new GoldReportReader(context.spark(), context.tables())
        .read(context.runDate()).withSources(sources);
    String folder = folder(context.paths().reports(), context.runDate());
    java.util.Optional<ChromiumPdf> chromium = ChromiumPdf.find();
    List<String> files = KpiReport.write(context.spark(), data, List.of(Lang.values()),
        formats(chromium), chromium.orElse(null), folder);
    String index = ReportArchive.write(context.spark().sparkContext().hadoopConfiguration(),
        context.paths().reports());
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("report", folder);
    details.put("archive", index);
    if (chromium.isEmpty()) {
      details.put("pdf", "skipped: no chromium on this machine");
    }
    return JobResult.of(name(), 0, files.size(), details);
  }

  /** The formats a night writes: HTML, and PDF where Chromium is installed. */
  private static List<KpiReport.Format> formats(java.util.Optional<ChromiumPdf> chromium) {
    return chromium.isPresent() ? List.of(KpiReport.Format.values())
        : List.of(KpiReport.Format.HTML);
  }

  /** {@code <lake>/reports/<day>}. */
  public static String folder(String reports, java.time.LocalDate day) {
    return reports + "/" + day;
  }
}
