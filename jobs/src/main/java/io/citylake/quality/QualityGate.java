package io.citylake.quality;

import io.citylake.conform.ConformAccounting;
import io.citylake.contract.RawDataset;
import io.citylake.ingest.IngestLedger;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.lake.CityLakeException;
import io.citylake.lake.CollectedRows;
import io.citylake.lake.DeltaRetry;
import io.citylake.lake.TableDoc;
import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * The quality gate between silver and gold: after every ingest and conform job of a night, it
 * checks the night's service day against the operator's thresholds ({@link QualityGateConfig}):
 * every required dataset delivered, no delivered file unusable as a whole (the newest version of
 * each file, per {@code bronze.ingest_ledger}), and each dataset's quarantined share of the day's
 * rows ({@code silver.conform_accounting}) within its limit. When a check fails, the job fails
 * with one line naming every broken threshold; the runner then skips every job that writes gold
 * (the graph makes each of them wait for this job), so analysts keep reading the last good gold,
 * and the run ends with {@link #EXIT_CODE}.
 *
 * <p>Every check is appended to {@code silver.quality_gate} (one row per check, a few dozen per
 * night; a blind append, retried on a Delta conflict). It reads two small bookkeeping tables
 * filtered to one day and lists one raw folder per required dataset: no shuffle, no broadcast.
 */
public final class QualityGate implements Job {
  public static final String NAME = "conform.quality_gate";
  public static final String TABLE = "quality_gate";
  /** Exit code of a run the gate held: distinct from a failed job (1), usage (2), nothing (3). */
  public static final int EXIT_CODE = 4;
  private static final String HELD = "the quality gate held the night: ";
  private static final StructType SCHEMA = StructType.fromDDL(
      "dt DATE COMMENT 'JST service day the gate decided on',"
      + " run_id STRING COMMENT 'run that decided',"
      + " decided_at TIMESTAMP COMMENT 'when the run started',"
      + " dataset STRING COMMENT 'silver table (dataset) checked',"
      + " rule STRING COMMENT 'delivered, file_usable or quarantine_share',"
      + " value DOUBLE COMMENT 'what was measured: 1/0, or the quarantined share',"
      + " threshold DOUBLE COMMENT 'the limit, from quality-gate.properties for shares',"
      + " passed BOOLEAN COMMENT 'whether the check passed',"
      + " detail STRING COMMENT 'what was checked: the raw folder, the file (and why it is"
      + " unusable) or the counts behind the share'");

  /** The table's dictionary entry: one row per check, unique per run, dataset, rule, subject. */
  public static final TableDoc DOC = new TableDoc("The quality gate's checks per night: each"
      + " required dataset delivered, each delivered file usable, each dataset's quarantined"
      + " share within its limit; a failed check held that night's gold",
      List.of("run_id", "dataset", "rule", "detail"), TableDoc.commentsOf(SCHEMA));

  /** One check of one dataset. */
  record Check(String dataset, String check, double value, double limit, boolean passed,
      String detail) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Hold gold back for the night when silver breaks the quality thresholds"
        + " (dataset missing, file unusable, too many rows quarantined)";
  }

  @Override
  public List<TableRef> inputs() {
    return List.of(TableRef.bronze(IngestLedger.TABLE), TableRef.silver(ConformAccounting.TABLE));
  }

  @Override
  public List<TableRef> outputs() {
    return List.of(TableRef.silver(TABLE));
  }

  /** Whether a job's failure message is this gate holding the night, not a broken job. */
  public static boolean isHold(String message) {
    return message != null && message.contains(HELD);
  }

  @Override
  public JobResult run(JobContext context) {
    QualityGateConfig config = QualityGateConfig.load(
        context.spark().sparkContext().hadoopConfiguration(), context.paths().root());
    List<Check> checks = new ArrayList<>();
    checks.addAll(deliveries(context, config));
    checks.addAll(unusableFiles(context));
    checks.addAll(quarantineShares(context, config));
    record(context, checks);
    List<String> broken = checks.stream().filter(c -> !c.passed()).map(QualityGate::reason)
        .toList();
    if (!broken.isEmpty()) {
      throw new CityLakeException("Cannot publish gold for " + context.runDate() + ": " + HELD
          + String.join("; ", broken), EXIT_CODE, null);
    }
    return JobResult.of(name(), checks.size(), checks.size(), Map.of("checks", checks.size()));
  }

  static String reason(Check check) {
    return switch (check.check()) {
      case "delivered" -> check.dataset() + " not delivered";
      case "file_usable" -> check.dataset() + " file unusable: " + check.detail();
      default -> String.format("%s quarantined %.1f %% of its rows (limit %.1f %%)",
          check.dataset(), check.value() * 100, check.limit() * 100);
    };
  }

  private static List<Check> deliveries(JobContext context, QualityGateConfig config) {
    List<Check> checks = new ArrayList<>();
    for (String dataset : config.required().stream().sorted().toList()) {
      RawDataset raw = RawDataset.find(dataset).orElseThrow();
      Path day = new Path(context.paths().raw(raw), "dt=" + context.runDate());
      boolean delivered = hasFiles(context, day);
      checks.add(new Check(dataset, "delivered", delivered ? 1 : 0, 1, delivered,
          day.toString()));
    }
    return checks;
  }

  private static boolean hasFiles(JobContext context, Path day) {
    try {
      FileSystem fs = day.getFileSystem(context.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(day)) {
        return false;
      }
      for (FileStatus file : fs.listStatus(day)) {
        if (file.isFile() && !file.getPath().getName().startsWith(".")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw CityLakeException.failed("list " + day, e.getMessage(), e);
    }
  }

  /** The newest version of each file of the day the ingest ledger calls unusable or unreadable. */
  private static List<Check> unusableFiles(JobContext context) {
    TableRef table = TableRef.bronze(IngestLedger.TABLE);
    if (!context.tables().exists(table)) {
      return List.of();
    }
    Dataset<Row> ledger = context.tables().read(table);
    if (!Arrays.asList(ledger.schema().fieldNames()).contains("status")) {
      return List.of(); // a ledger of an older lake: no file was judged unusable
    }
    Dataset<Row> unusable = ledger
        .where(functions.col("dt").equalTo(Date.valueOf(context.runDate())))
        .withColumn("newest", functions.row_number().over(Window
            .partitionBy("dataset", "source_file").orderBy(functions.col("ingested_at").desc())))
        .where(functions.col("newest").equalTo(1)
            .and(functions.col("status").isin(IngestLedger.UNUSABLE, IngestLedger.UNREADABLE)))
        .select("dataset", "source_file", "reason");
    List<Row> rows = CollectedRows.orderedBy(unusable, "dataset", "source_file");
    return rows.stream().map(r -> new Check(r.getString(0), "file_usable", 0, 1, false,
        r.getString(1) + " (" + r.getString(2) + ")")).toList();
  }

  private static List<Check> quarantineShares(JobContext context, QualityGateConfig config) {
    TableRef accounting = TableRef.silver(ConformAccounting.TABLE);
    if (!context.tables().exists(accounting)) {
      return List.of();
    }
    List<Check> checks = new ArrayList<>();
    for (Row row : CollectedRows.orderedBy(context.tables().read(accounting)
        .where(functions.col("dt").equalTo(Date.valueOf(context.runDate())))
        .select("dataset", "silver_rows", "quarantined_rows"), "dataset")) {
      String dataset = row.getString(0);
      long silver = row.getLong(1);
      long quarantined = row.getLong(2);
      double share = silver + quarantined == 0 ? 0 : (double) quarantined / (silver + quarantined);
      double limit = config.limit(dataset);
      boolean judged = silver + quarantined >= QualityGateConfig.MIN_ROWS_FOR_SHARE;
      checks.add(new Check(dataset, "quarantine_share", share, limit, !judged || share <= limit,
          quarantined + " of " + (silver + quarantined) + " rows" + (judged ? ""
              : " (fewer than " + QualityGateConfig.MIN_ROWS_FOR_SHARE + ": not judged)")));
    }
    return checks;
  }

  private static void record(JobContext context, List<Check> checks) {
    Timestamp decided = Timestamp.from(context.startedAt());
    Date day = Date.valueOf(context.runDate());
    List<Row> rows = checks.stream().map(c -> RowFactory.create(day, context.runId(), decided,
        c.dataset(), c.check(), c.value(), c.limit(), c.passed(), c.detail())).toList();
    if (rows.isEmpty()) {
      return;
    }
    String path = context.tables().pathToWrite(TableRef.silver(TABLE));
    DOC.create(context.spark(), path, SCHEMA);
    DeltaRetry.onConflict("record the quality gate's checks", () -> {
      context.spark().createDataFrame(rows, SCHEMA).write().format("delta").mode("append")
          .option("userMetadata", context.runId())
          .save(path);
      return null;
    });
  }
}
