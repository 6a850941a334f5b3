package io.citylake.pipeline;

import io.citylake.job.JobResult;
import io.citylake.lake.DeltaRetry;
import io.citylake.lake.DeltaTables;
import io.citylake.lake.LakePaths;
import io.citylake.lake.TableDoc;
import io.citylake.ops.AbandonedRun;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * {@code silver.run_ledger}: one row per run and job of every {@code nightly}, {@code run-job} and
 * {@code backfill} (plus one row for the run as a whole, job {@value #RUN_ROW}), so an operator
 * can see what ran, when, with what result and why it failed without the run's log.
 *
 * <p>Runs append to it from separate processes (Airflow runs each stage as its own process), so
 * writes are blind appends that Delta's optimistic concurrency commits one after the other; the
 * one race that can conflict, two first commits creating the table, is retried
 * ({@link DeltaRetry}). No JVM lock is involved. {@code publish.register_tables} registers it as
 * {@code silver.run_ledger} once it exists (from a lake's second run on); {@code citylake runs}
 * reads it by path.
 */
public final class RunLedger {
  public static final String TABLE = "run_ledger";
  /** The {@code job} of the row that describes the run as a whole. */
  public static final String RUN_ROW = "(run)";
  static final StructType SCHEMA = StructType.fromDDL(
      "run_id STRING COMMENT 'the run (also in bronze metadata and Delta commit info)',"
      + " day DATE COMMENT 'JST service day the run was for',"
      + " command STRING COMMENT 'citylake command that started the run: nightly, run-job, backfill',"
      + " job STRING COMMENT 'job name as citylake plan prints it; (run) for the run as a whole',"
      + " started_at TIMESTAMP COMMENT 'when the job (or run) started; null for a job that failed"
      + " or was skipped before producing a result',"
      + " ended_at TIMESTAMP COMMENT 'when the job (or run) ended',"
      + " status STRING COMMENT 'succeeded, failed or skipped; for the run: succeeded, failed,"
      + " held (the quality gate kept gold back) or killed (its process died; recorded by the"
      + " run that took its lease over)',"
      + " rows_in BIGINT COMMENT 'rows or lines the job read (null without a result)',"
      + " rows_out BIGINT COMMENT 'rows the job wrote',"
      + " rows_quarantined BIGINT COMMENT 'rows the job sent to quarantine',"
      + " delta_versions STRING COMMENT 'Delta versions the job reported writing, e.g."
      + " delta_version=12; null when the job does not report them',"
      + " message STRING COMMENT 'one line: why the job failed or was skipped, the quality gate"
      + " reason, or the warnings of a job that succeeded (an empty or unusable delivered file);"
      + " null when there is nothing to say'");

  /** The table's dictionary entry: one row per run and job. */
  public static final TableDoc DOC = new TableDoc("One row per citylake run and job (nightly,"
      + " run-job, backfill, ingest), plus one row (run) per run: when, status, rows, Delta"
      + " versions and why it failed", List.of("run_id", "job"), TableDoc.commentsOf(SCHEMA));

  private final SparkSession spark;
  private final LakePaths paths;

  public RunLedger(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /** One finished run as the CLI saw it: the summary and when each job ended. */
  public record Run(String command, RunSummary summary, Instant startedAt, Instant endedAt,
      Map<String, Instant> jobEnded, String status, String message) {
    public Run {
      jobEnded = Map.copyOf(jobEnded);
    }
  }

  /** Appends the run's rows: one per job, then the run's own row; retried on a Delta conflict. */
  public void record(Run run) {
    append(rows(run), run.summary().runId());
  }

  /** Appends {@code rows} in one commit marked {@code userMetadata}; retried on a conflict. */
  private void append(List<Row> rows, String userMetadata) {
    String path = paths.silver(TABLE);
    DOC.create(spark, path, SCHEMA);
    DeltaRetry.onConflict("append to the run ledger", () -> {
      spark.createDataFrame(rows, SCHEMA).write().format("delta").mode("append")
          .option("userMetadata", userMetadata)
          .save(path);
      return null;
    });
  }

  /**
   * Appends one {@code (run)} row per run whose process died holding the lake: status
   * {@code killed}, from its start to its last heartbeat, the day unknown (null).
   */
  public void recordKilled(List<AbandonedRun> runs) {
    if (!runs.isEmpty()) {
      append(killedRows(runs), "killed-runs");
    }
  }

  /** The ledger rows of runs whose process died holding the lake. */
  static List<Row> killedRows(List<AbandonedRun> runs) {
    List<Row> rows = new ArrayList<>();
    for (AbandonedRun run : runs) {
      String command = run.command().replaceFirst("^citylake ", "");
      rows.add(RowFactory.create(killedRunId(run), null, command, RUN_ROW,
          Timestamp.from(run.started()), Timestamp.from(run.lastSeen()), "killed", null, null,
          null, null, oneLine(killedMessage(run))));
    }
    return rows;
  }

  /** The id of a killed run: its own id died with it, so its start, host and process. */
  static String killedRunId(AbandonedRun run) {
    return "killed-" + run.started().toString().replaceAll("[-:]", "").replaceFirst("\\..*Z$",
        "Z") + "-" + run.host() + "-" + run.pid();
  }

  /** One line on a killed run, for the ledger and the taking run's output. */
  public static String killedMessage(AbandonedRun run) {
    return run.command() + " (pid " + run.pid() + " on " + run.host() + ", started "
        + run.started() + ") died without ending its run (killed, out of memory or its machine"
        + " lost; last heartbeat " + run.lastSeen() + "); this run took its lease over";
  }

  /** The ledger rows of one run, in job order, then the run's own row. */
  static List<Row> rows(Run run) {
    RunSummary summary = run.summary();
    Date day = Date.valueOf(summary.runDate());
    List<Row> rows = new ArrayList<>();
    for (JobOutcome outcome : summary.outcomes()) {
      Instant ended = run.jobEnded().getOrDefault(outcome.job(), run.endedAt());
      Optional<JobResult> result = outcome.result();
      Timestamp started = result.map(r -> Timestamp.from(
          ended.minusNanos((long) (r.seconds() * 1e9)))).orElse(null);
      rows.add(RowFactory.create(summary.runId(), day, run.command(), outcome.job(), started,
          Timestamp.from(ended), outcome.status().name().toLowerCase(),
          result.map(JobResult::rowsIn).orElse(null), result.map(JobResult::rowsOut).orElse(null),
          result.map(JobResult::rowsQuarantined).orElse(null),
          result.map(RunLedger::versions).orElse(null), oneLine(message(outcome))));
    }
    long in = sum(summary, JobResult::rowsIn);
    long out = sum(summary, JobResult::rowsOut);
    long quarantined = sum(summary, JobResult::rowsQuarantined);
    rows.add(RowFactory.create(summary.runId(), day, run.command(), RUN_ROW,
        Timestamp.from(run.startedAt()), Timestamp.from(run.endedAt()), run.status(), in, out,
        quarantined, null, oneLine(run.message())));
    return rows;
  }

  /** The newest {@code last} runs (all of their rows), of {@code day} when given, oldest first. */
  public List<Row> read(Optional<LocalDate> day, int last) {
    String path = paths.silver(TABLE);
    if (!DeltaTables.exists(spark, path)) {
      return List.of();
    }
    Dataset<Row> ledger = spark.read().format("delta").load(path);
    if (day.isPresent()) {
      ledger = ledger.where(functions.col("day").equalTo(Date.valueOf(day.get())));
    }
    List<String> runs = ledger.where(functions.col("job").equalTo(RUN_ROW))
        .orderBy(functions.col("ended_at").desc(), functions.col("run_id").desc())
        .select("run_id").limit(last).collectAsList().stream().map(r -> r.getString(0)).toList();
    if (runs.isEmpty()) {
      return List.of();
    }
    return ledger.where(functions.col("run_id").isin(runs.toArray()))
        .orderBy(functions.col("ended_at").asc_nulls_first(),
            functions.when(functions.col("job").equalTo(RUN_ROW), 1).otherwise(0),
            functions.col("job"))
        .select(java.util.Arrays.stream(SCHEMA.fieldNames()).map(functions::col)
            .toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList();
  }

  private static String versions(JobResult result) {
    Map<String, Object> found = new TreeMap<>();
    result.details().forEach((key, value) -> {
      if (key.endsWith("version")) {
        found.put(key, value);
      }
    });
    return found.isEmpty() ? null : found.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  private static long sum(RunSummary summary, java.util.function.ToLongFunction<JobResult> f) {
    return summary.outcomes().stream().flatMap(o -> o.result().stream()).mapToLong(f).sum();
  }

  /** The first line of {@code text}, at most 500 characters; null when blank. */
  /** Why a job failed or was skipped; for a job that succeeded, its warnings. */
  private static String message(JobOutcome outcome) {
    if (!outcome.message().isBlank()) {
      return outcome.message();
    }
    return outcome.result().map(r -> r.warnings().stream().map(w -> "warning: " + w)
        .map(RunLedger::oneLine).collect(java.util.stream.Collectors.joining("; ")))
        .orElse("");
  }

  static String oneLine(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 500 ? line.substring(0, 500) + "..." : line;
  }
}
