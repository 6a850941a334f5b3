package io.citylake.ingest;

import io.citylake.job.BookkeepingWrite;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.DeltaRetry;
import io.citylake.lake.DeltaTables;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * One row per raw file a bronze ingest appended: its fingerprint, service day, ingest time and
 * the bronze version that holds it. It is how a night knows which files it has seen and which
 * days new files touched without scanning bronze, whose size grows with every night
 * ({@code bronze.ingest_ledger}, one slice per dataset; file names and hashes only, no payload).
 *
 * <p>The ledger is written after the bronze commit it describes (under the pipeline runner, for
 * the whole ingest stage at once, before the first job that reads it), so a crash between the two
 * leaves bronze ahead of the ledger. Readers check that the ledger's newest bronze version is
 * bronze's current one and otherwise fall back to bronze itself, so the ledger is a cache that
 * can lag but never lies. What such a rebuild cannot know is lost: files of the crashed night
 * that left nothing in bronze are found fresh again (and recorded then), and its unusable files
 * count as ingested.
 *
 * <p>Every fresh file gets its row, including the ones that leave nothing usable in bronze:
 * {@code status} is {@code ingested}, {@code empty} (no bytes or only blank lines: nothing in
 * bronze), {@code unusable} (lines kept in bronze, but the file as a whole cannot be read as
 * its dataset's format) or {@code unreadable} (the file cannot be opened or decompressed:
 * nothing in bronze), with the {@code reason} for the last three; {@code encoding} is the
 * character set the file was decoded with. These three columns came later: rows of older lakes
 * have them null, which means {@code ingested}.
 */
public final class IngestLedger {
  public static final String TABLE = "ingest_ledger";
  public static final String INGESTED = "ingested";
  public static final String EMPTY = "empty";
  public static final String UNUSABLE = "unusable";
  public static final String UNREADABLE = "unreadable";
  private static final StructType SCHEMA = StructType.fromDDL("dataset STRING, dt DATE,"
      + " source_file STRING, source_sha256 STRING, source_size BIGINT,"
      + " source_modified_at TIMESTAMP, ingested_at TIMESTAMP, run_id STRING,"
      + " bronze_version BIGINT, status STRING, reason STRING, encoding STRING");
  /** The columns added after the first lakes were written. */
  private static final List<String> ADDED = List.of("status", "reason", "encoding");

  /** A fresh file and how it was ingested ({@code reason} null when it was). */
  public record Entry(RawFile file, String status, String reason) {}

  private IngestLedger() {}

  /** Whether a file of this status has its lines in bronze ({@code ingested}, {@code unusable}). */
  public static boolean inBronze(String status) {
    return !EMPTY.equals(status) && !UNREADABLE.equals(status);
  }

  /** The slice the ingest job of {@code dataset} appends to. */
  public static TableRef slice(String dataset) {
    return TableRef.bronze(TABLE).slice(dataset);
  }

  /**
   * Hands the run the ledger rows of the files a night found for {@code dataset}: those bronze
   * version {@code bronzeVersion} added, and the empty ones that added nothing (-1: no bronze
   * yet). Under the pipeline runner the ingest stage's rows wait and go in one commit before the
   * first job that reads the ledger ({@link io.citylake.job.Bookkeeping}); until then the ledger
   * lags behind bronze, which its readers detect ({@link #entries}).
   */
  static void record(JobContext context, String dataset, List<Entry> files,
      long bronzeVersion) {
    Timestamp ingestedAt = Timestamp.from(context.startedAt());
    List<Row> rows = new ArrayList<>();
    for (Entry entry : files) {
      RawFile file = entry.file();
      rows.add(RowFactory.create(dataset, java.sql.Date.valueOf(file.dt()), file.lakePath(),
          file.sha256(), file.size(), new Timestamp(file.modifiedAt()), ingestedAt,
          context.runId(), bronzeVersion, entry.status(), entry.reason(), file.encoding()));
    }
    String path = context.tables().pathToWrite(TableRef.bronze(TABLE));
    context.record(new BookkeepingWrite(path, rows, null,
        IngestLedger::append));
  }

  /** Appends rows of one or more datasets in one commit. */
  private static void append(JobContext context, List<Row> rows, String noSlice) {
    // blind appends of ingest jobs side by side (in this JVM or other processes) do not conflict;
    // an older ledger gaining its new columns does, and the losing append tries again
    DeltaRetry.onConflict("append to the ingest ledger", () -> {
      ensureCreated(context);
      context.spark().createDataFrame(rows, SCHEMA).write().format("delta").mode("append")
          .partitionBy("dataset")
          .option("userMetadata", context.runId())
          .save(context.tables().pathToWrite(TableRef.bronze(TABLE)));
      return null;
    });
  }

  /**
   * The raw files of {@code dataset} among ledger rows (as {@link #record} makes them): path,
   * service day, fingerprint, status and the bronze version that holds them.
   */
  public static List<RecordedFile> files(List<Row> ledgerRows, String dataset) {
    return ledgerRows.stream().filter(row -> dataset.equals(row.getString(0)))
        .map(row -> new RecordedFile(row.getString(2), ((java.sql.Date) row.get(1)).toLocalDate(),
            row.getString(3), row.getLong(4), row.getString(9), row.getLong(8)))
        .toList();
  }

  /** A raw file as the ledger records it ({@code bronzeVersion} -1 when nothing reached bronze). */
  public record RecordedFile(String path, java.time.LocalDate dt, String sha256, long size,
      String status, long bronzeVersion) {}

  /**
   * Creates the empty table once. Ingest jobs run side by side, in this JVM or in other processes
   * (Airflow tasks): two first appends would both try to create the table and one would fail with
   * a protocol conflict, so creation is its own step, and losing that race is fine.
   */
  private static void ensureCreated(JobContext context) {
    String path = context.tables().pathToWrite(TableRef.bronze(TABLE));
    if (DeltaTables.exists(context.spark(), path)) {
      // a ledger of an older lake: add the columns it lacks, once
      for (int attempt = 0; ; attempt++) {
        try {
          DeltaTables.addMissingColumns(context.spark(), path, ADDED.stream()
              .map(name -> SCHEMA.apply(name)).toList());
          return;
        } catch (RuntimeException e) {
          // another process added them first
          if (attempt >= 2) {
            throw e;
          }
        }
      }
    }
    for (int attempt = 0; !DeltaTables.exists(context.spark(), path); attempt++) {
      try {
        io.delta.tables.DeltaTable.createIfNotExists(context.spark())
            .location(new org.apache.hadoop.fs.Path(path).toString())
            .addColumns(SCHEMA)
            .partitionedBy("dataset")
            .execute();
      } catch (RuntimeException e) {
        // another process created it first; anything else shows again on the next attempt
        if (attempt >= 2) {
          throw e;
        }
      }
    }
  }

  /**
   * Rewrites the ledger slice of {@code dataset} from bronze's own metadata columns (one scan of
   * bronze), for a lake that predates the ledger or a ledger a crash left behind, keeping its rows
   * of empty and unreadable files (which bronze cannot know); returns the new rows, in the column
   * order of {@link #entries}.
   */
  static List<Row> rebuild(JobContext context, String dataset) {
    String bronze = context.tables().pathToRead(TableRef.bronze(dataset));
    long version = DeltaTables.lastDataVersion(context.spark(), bronze);
    org.apache.spark.sql.Dataset<Row> table = context.tables().read(TableRef.bronze(dataset));
    org.apache.spark.sql.Dataset<Row> files = table
        .groupBy(functions.col("dt"), functions.col(BronzeColumns.SOURCE_FILE).as("source_file"),
            functions.col(BronzeColumns.SOURCE_SHA256).as("source_sha256"),
            functions.col(BronzeColumns.SOURCE_SIZE).as("source_size"),
            functions.col(BronzeColumns.SOURCE_MODIFIED_AT).as("source_modified_at"))
        .agg(functions.max(BronzeColumns.INGESTED_AT).as("ingested_at"),
            functions.max(BronzeColumns.RUN_ID).as("run_id"),
            encodingOf(table).as("encoding"))
        .select(functions.lit(dataset).as("dataset"), functions.col("dt"),
            functions.col("source_file"), functions.col("source_sha256"),
            functions.col("source_size"), functions.col("source_modified_at"),
            functions.col("ingested_at"), functions.col("run_id"),
            functions.lit(version).as("bronze_version"), functions.lit(INGESTED).as("status"),
            functions.lit(null).cast("string").as("reason"), functions.col("encoding"));
    List<Row> rows = new ArrayList<>(files.collectAsList());
    ensureCreated(context);
    rows.addAll(context.tables().read(TableRef.bronze(TABLE))
        .where(functions.col("dataset").equalTo(dataset)
            .and(functions.col("status").isin(EMPTY, UNREADABLE)))
        .select(java.util.Arrays.stream(SCHEMA.fieldNames()).map(functions::col)
            .toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList());
    context.spark().createDataFrame(rows, SCHEMA).write().format("delta").mode("overwrite")
        .partitionBy("dataset")
        .option("replaceWhere", "dataset = '" + dataset + "'")
        .option("userMetadata", context.runId())
        .save(context.tables().pathToWrite(TableRef.bronze(TABLE)));
    return rows.stream().map(r -> RowFactory.create(r.get(1), r.get(2), r.get(3), r.get(4),
        r.get(5), r.get(6), r.get(8), r.get(9))).toList();
  }

  /** The encoding bronze recorded for a file, null in tables of older lakes. */
  private static org.apache.spark.sql.Column encodingOf(org.apache.spark.sql.Dataset<Row> bronze) {
    boolean recorded = java.util.Arrays.asList(bronze.schema().fieldNames())
        .contains(BronzeColumns.SOURCE_ENCODING);
    return recorded ? functions.max(BronzeColumns.SOURCE_ENCODING)
        : functions.lit(null).cast("string");
  }

  /**
   * The ledger rows of {@code dataset} ({@code dt, source_file, source_sha256, source_size,
   * source_modified_at, ingested_at, bronze_version, status}, status never null), or empty when
   * the ledger cannot be trusted for it: no ledger yet, or bronze has commits the ledger does not
   * know (an old lake, or a crash between the bronze commit and the ledger's). Without a bronze
   * table, the ledger can only hold empty files, recorded against bronze version -1.
   * Compaction and vacuum commits ({@code citylake maintain}) add no rows, so they do not count.
   */
  public static Optional<List<Row>> entries(JobContext context, String dataset) {
    SparkSession spark = context.spark();
    String ledger = context.tables().pathToRead(TableRef.bronze(TABLE));
    String bronze = context.tables().pathToRead(TableRef.bronze(dataset));
    if (!DeltaTables.exists(spark, ledger)) {
      return Optional.empty();
    }
    // one read of the whole ledger per version: the conform jobs of a night all ask it
    List<Row> entries = context.reads().wholeTable(spark, ledger);
    boolean hasStatus = !entries.isEmpty()
        && java.util.Arrays.asList(entries.get(0).schema().fieldNames()).contains("status");
    List<Row> rows = new ArrayList<>();
    for (Row entry : entries) {
      if (!dataset.equals(entry.getAs("dataset"))) {
        continue;
      }
      String status = hasStatus && entry.getAs("status") != null ? entry.getAs("status") : INGESTED;
      rows.add(RowFactory.create(entry.getAs("dt"), entry.getAs("source_file"),
          entry.getAs("source_sha256"), entry.getAs("source_size"),
          entry.getAs("source_modified_at"), entry.getAs("ingested_at"),
          entry.getAs("bronze_version"), status));
    }
    long known = rows.stream().mapToLong(r -> r.getLong(6)).max().orElse(-1);
    long current = DeltaTables.exists(spark, bronze)
        ? DeltaTables.lastDataVersion(spark, bronze) : -1;
    return known == current ? Optional.of(rows) : Optional.empty();
  }
}
