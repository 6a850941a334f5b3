package io.citylake.conform;

import io.citylake.ingest.CsvTokenizer;
import io.citylake.job.JobContext;
import io.citylake.kpi.KpiObservation;
import io.citylake.kpi.KpiObservationRules;
import io.citylake.lake.CityLakeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Reads {@code reference/kpi_observations.csv}, the KPI values the city reports itself, the way a
 * delivery is read: each line is checked by {@link KpiObservationRules}; a line that breaks a rule
 * (or repeats the KPI, municipality and year of an earlier line) is left out of
 * {@code silver.ref_kpi_observations} and quarantined in {@code quarantine.rejected_rows} (dataset
 * {@value #DATASET}, the night's day) with its rule, field and text, and gives one warning line.
 * The file is a few lines: read on the driver, no shuffle.
 */
public final class KpiObservationsFile {
  /** The quarantine's dataset name for rejected observations. */
  public static final String DATASET = "reference_kpi_observations";

  private KpiObservationsFile() {}

  /** The accepted rows, how many lines were quarantined, and one warning per rejected line. */
  public record Loaded(Dataset<Row> rows, long quarantined, List<String> warnings) {}

  static Loaded load(JobContext context, String path) {
    List<String> lines = lines(context, path);
    List<Row> accepted = new ArrayList<>();
    List<Row> rejected = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String relative = "reference/" + ReferenceTable.KPI_OBSERVATIONS.file();
    Timestamp now = Timestamp.from(Instant.now());
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = CsvTokenizer.newParser(',').parseLine(line);
      KpiObservationRules.Checked checked = KpiObservationRules.check(
          fields == null ? List.of() : Arrays.asList(fields));
      KpiObservationRules.Rejection why = checked.rejection().orElse(null);
      if (why == null) {
        KpiObservation o = checked.observation().orElseThrow();
        String key = o.kpiId() + "/" + o.municipality() + "/" + o.yearType().label(o.year());
        Integer earlier = seen.putIfAbsent(key, i + 1);
        if (earlier == null) {
          accepted.add(row(o));
          continue;
        }
        why = new KpiObservationRules.Rejection("duplicate of line " + earlier, "year",
            String.valueOf(o.year()));
      }
      warnings.add(relative + " line " + (i + 1) + ": " + why.message()
          + "; the line is quarantined");
      rejected.add(RowFactory.create(Date.valueOf(context.runDate()), relative, line, why.rule(),
          context.runId(), now, why.field(), why.value()));
    }
    // also when nothing was rejected: a corrected file clears the day's earlier rejections
    if (!rejected.isEmpty() || io.citylake.lake.DeltaTables.exists(context.spark(),
        Quarantine.path(context.paths()))) {
      Quarantine.replace(context, DATASET, List.of(context.runDate()),
          context.spark().createDataFrame(rejected, StructType.fromDDL("dt DATE,"
              + " source_file STRING, raw STRING, rule STRING, ingest_run_id STRING,"
              + " ingested_at TIMESTAMP, field STRING, value STRING")));
    }
    Dataset<Row> rows = context.spark().createDataFrame(accepted,
        StructType.fromDDL(ReferenceTable.KPI_OBSERVATIONS.ddl()));
    return new Loaded(rows, rejected.size(), warnings);
  }

  private static Row row(KpiObservation o) {
    return RowFactory.create(o.kpiId(), o.municipality(), o.yearType().code(), o.year(),
        o.value(), o.unit(), o.source(), o.reportedBy(), Date.valueOf(o.reportedOn()));
  }

  private static List<String> lines(JobContext context, String path) {
    Path file = new Path(path);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getFileSystem(
        context.spark().sparkContext().hadoopConfiguration()).open(file),
        StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>(in.lines().toList());
      if (lines.isEmpty() || !Arrays.asList(lines.get(0).replace("\uFEFF", "").trim().split(","))
          .equals(KpiObservationRules.COLUMNS)) {
        throw CityLakeException.badInput("load " + path, "the header must be "
            + String.join(",", KpiObservationRules.COLUMNS),
            lines.isEmpty() ? "an empty file" : lines.get(0));
      }
      return lines;
    } catch (IOException e) {
      throw CityLakeException.failed("read " + path, e.getMessage(), e);
    }
  }
}
