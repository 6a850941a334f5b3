package io.citylake.job;

import io.citylake.lake.LakeConfig;
import io.citylake.lake.LakePaths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * What every job of one run shares: the session, the lake, the service day and the run's identity.
 *
 * @param runDate the JST service day the night is for; raw partitions after it are not read
 * @param runId identifies the run in bronze metadata, quarantine rows and Delta commit info
 * @param startedAt the run's start, used as the ingest time of every row it writes
 * @param reads the run's reads of small bookkeeping tables, shared by its jobs
 * @param bookkeeping where the job's writes to shared bookkeeping tables go
 * @param tables the Delta tables the job may read and write ({@link JobTables})
 */
public record JobContext(SparkSession spark, LakeConfig config, LocalDate runDate, String runId,
    Instant startedAt, RunReads reads, Bookkeeping bookkeeping, JobTables tables) {

  /**
   * A context for a new run, with nothing read yet, bookkeeping committed as it is made, and
   * every table open to it until {@link #forJob} binds it to one job.
   */
  public JobContext(SparkSession spark, LakeConfig config, LocalDate runDate, String runId,
      Instant startedAt) {
    this(spark, config, runDate, runId, startedAt, new RunReads(), Bookkeeping.immediate(),
        JobTables.unchecked(spark, config.paths()));
  }

  public JobContext {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(runDate, "runDate");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(reads, "reads");
    Objects.requireNonNull(bookkeeping, "bookkeeping");
    Objects.requireNonNull(tables, "tables");
  }

  /** The same run with its bookkeeping going to {@code other}. */
  public JobContext withBookkeeping(Bookkeeping other) {
    return new JobContext(spark, config, runDate, runId, startedAt, reads, other, tables);
  }

  /** The same run as {@code job} sees it: only the tables it declares ({@link JobTables}). */
  public JobContext forJob(Job job) {
    return new JobContext(spark, config, runDate, runId, startedAt, reads, bookkeeping,
        JobTables.of(job, spark, config.paths()));
  }

  /** Hands a write to a shared bookkeeping table to the run ({@link Bookkeeping}). */
  public void record(BookkeepingWrite write) {
    bookkeeping.write(this, write);
  }

  public LakePaths paths() {
    return config.paths();
  }
}
