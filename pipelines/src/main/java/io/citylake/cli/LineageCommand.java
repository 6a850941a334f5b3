package io.citylake.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.lake.LakeConfig;
import io.citylake.lineage.Lineage;
import io.citylake.lineage.LineageQuery;
import io.citylake.pipeline.NightlyPipeline;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code citylake lineage}: where a gold figure came from, from gold back to the raw files, so an
 * analyst or auditor can answer it without reading the pipeline's code ({@link LineageQuery}).
 */
@Command(name = "lineage", mixinStandardHelpOptions = true,
    description = "Show where a gold table's figures for one day came from: the KPI job run and"
        + " Delta version that wrote them, the silver tables and versions it read, the conform"
        + " runs that built those silver days, and the raw files (path, SHA-256, bronze"
        + " version) behind them.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:done", ExitCodes.USAGE})
final class LineageCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin LakeOptions lake;

  @Option(names = "--table", required = true, paramLabel = "gold.T",
      description = "The gold table (gold.T or T).")
  String table;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "The day (its month or year for coarser tables); default: the newest.")
  LocalDate date;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text (default) or json (one JSON document).")
  String format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String kind = format.toLowerCase(Locale.ROOT);
    if (!kind.equals("text") && !kind.equals("json")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--format': expected text or json (got: " + format + ")");
    }
    LakeConfig config = lake.builtConfig("trace the lineage of " + table);
    Lineage lineage = new LineageQuery(SparkCommand.session(config), config.paths(),
        NightlyPipeline.graph().jobs()).trace(table, Optional.ofNullable(date));
    PrintWriter out = spec.commandLine().getOut();
    out.print(kind.equals("json") ? JSON.writerWithDefaultPrettyPrinter()
        .writeValueAsString(lineage) + System.lineSeparator() : text(lineage));
    out.flush();
    return 0;
  }

  static String text(Lineage lineage) {
    StringBuilder out = new StringBuilder();
    out.append(lineage.table()).append(" for ").append(lineage.day())
        .append(lineage.period().equals(lineage.day()) ? "" : " (period " + lineage.period()
            + ")").append(": ").append(lineage.goldRows()).append(" rows\n");
    for (Lineage.GoldWrite write : lineage.gold()) {
      out.append("  written by ").append(write.job()).append(" in run ").append(write.runId())
          .append(" as version ").append(version(write.version())).append(" (")
          .append(write.rows()).append(" rows), reading ").append(write.read().entrySet()
              .stream().sorted(java.util.Map.Entry.comparingByKey())
              .map(e -> e.getKey() + " v" + e.getValue()).collect(Collectors.joining(", ")))
          .append('\n');
    }
    for (Lineage.SilverSource source : lineage.silver()) {
      out.append('\n').append(source.table()).append(" v").append(version(source.version()))
          .append(": ").append(source.rows()).append(" rows feed it (").append(source.feeds())
          .append("), built by ").append(source.conformJob()).append(" from ")
          .append(source.bronze()).append('\n');
      TextTable days = new TextTable(List.of("dt", "rows", "conform_run", "bronze_version_read",
          "silver_version_written"));
      source.days().forEach(d -> days.add(List.of(d.dt(), d.rows(), dash(d.conformRunId()),
          version(d.bronzeVersionRead()),
          version(d.silverVersionWritten()))));
      out.append(days);
    }
    out.append("\nraw files (").append(lineage.rawFiles().size()).append(")\n");
    TextTable files = new TextTable(List.of("file", "dt", "sha256", "bronze_version",
        "ingest_job", "ingest_run", "rows"));
    lineage.rawFiles().forEach(f -> files.add(List.of(f.path(), f.dt(), dash(f.sha256()),
        version(f.bronzeVersion()), f.ingestJob(), dash(f.ingestRunId()), f.rows())));
    return out.append(files).toString();
  }

  private static String version(long version) {
    return version < 0 ? "-" : String.valueOf(version);
  }

  private static String dash(String text) {
    return text == null || text.isEmpty() ? "-" : text;
  }
}
