package io.citylake.ingest;

import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.DeltaTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * Appends new and corrected raw files to a bronze Delta table, once each.
 *
 * <p>Files whose path and content were ingested before are skipped, so re-running a night adds
 * nothing; a corrected re-delivery (same path, new content) is appended as a new version and silver
 * decides which version wins. Reads the files in one Spark scan with no shuffle; writes one Delta
 * commit partitioned by {@code dt}, tagged with the run id.
 *
 * <p>No file passes without a trace: an empty file has no line for bronze, so only the
 * {@link IngestLedger} records it (status {@code empty}); a file that cannot be read as its
 * dataset's format (a {@code ;}-separated CSV) keeps its lines in bronze, each with the file's
 * reason, and is recorded as {@code unusable}; a file that cannot be read at all (no
 * permission, a truncated gzip) adds nothing to bronze and is recorded as {@code unreadable}
 * with why. All three, and lines that do not decode in their file's encoding, come back as
 * one-line warnings for the night's summary.
 */
public final class BronzeIngest {
  /**
   * The Delta table property naming how many leading columns get min/max and null-count
   * statistics per file, set when a bronze table is created: none. Bronze is read by day
   * partition only, never filtered on its columns, so such statistics would skip nothing, while
   * collecting them (Delta's default: the first 32 columns, the raw line among them) costs every
   * write task a generated projection and every row its evaluation (docs/performance.md,
   * twenty-fourth round). Each file still records its row count.
   */
  static final String COLUMN_STATISTICS = "delta.dataSkippingNumIndexedCols";

  /** What one ingest call did, with a warning per file that needs a provider's attention. */
  public record Outcome(
      int filesListed, int filesIngested, long rowsWritten, long corruptLines, long deltaVersion,
      List<String> warnings) {
    public Outcome {
      warnings = List.copyOf(warnings);
    }

    /** The same outcome with {@code more} warnings after its own. */
    public Outcome withWarnings(List<String> more) {
      List<String> all = new ArrayList<>(warnings);
      all.addAll(more);
      return new Outcome(filesListed, filesIngested, rowsWritten, corruptLines, deltaVersion, all);
    }
  }

  private final JobContext context;

  public BronzeIngest(JobContext context) {
    this.context = context;
  }

  /** Appends the new and corrected files of {@code listed} to {@code bronze.<table>}. */
  public Outcome append(
      String table, List<RawFileScanner.Listed> listed, boolean csv, LineParser parser) {
    SparkSession spark = context.spark();
    String tablePath = context.tables().pathToWrite(TableRef.bronze(table));
    RawFileScanner scanner = new RawFileScanner(spark.sparkContext().hadoopConfiguration());
    KnownFiles known = KnownFiles.of(context, table);
    List<IngestLedger.Entry> fresh = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (RawFileScanner.Listed file : listed) {
      if (known.unchanged(file, context.paths().root())) {
        continue;
      }
      RawFile fingerprinted = scanner.fingerprint(file, csv, context.paths().root());
      if (!known.sameContent(fingerprinted)) {
        IngestLedger.Entry entry = entry(fingerprinted, parser);
        fresh.add(entry);
        warning(entry).ifPresent(warnings::add);
      }
    }
    List<RawFile> readable = fresh.stream().filter(e -> IngestLedger.inBronze(e.status()))
        .map(IngestLedger.Entry::file).toList();
    if (fresh.isEmpty()) {
      return new Outcome(listed.size(), 0, 0, 0, -1, warnings);
    }
    boolean existed = DeltaTables.exists(spark, tablePath);
    long versionBefore = existed ? DeltaTables.lastCommit(spark, tablePath).version() : -1;
    LongAccumulator corrupt = spark.sparkContext().longAccumulator("corruptLines");
    if (!readable.isEmpty()) {
      if (existed) {
        DeltaTables.addMissingColumns(spark, tablePath, BronzeColumns.added());
      }
      write(tablePath, readable, parser, corrupt);
    }
    if (!DeltaTables.exists(spark, tablePath)) {
      IngestLedger.record(context, table, fresh, -1);
      return new Outcome(listed.size(), readable.size(), 0, 0, -1, warnings);
    }
    DeltaTables.Commit commit = DeltaTables.lastCommit(spark, tablePath);
    IngestLedger.record(context, table, fresh, commit.version());
    long rows = commit.version() == versionBefore ? 0 : commit.outputRows();
    return new Outcome(listed.size(), readable.size(), rows, corrupt.value(),
        readable.isEmpty() ? -1 : commit.version(), warnings);
  }

  /**
   * How the ledger records a fresh file: ingested; empty (no bytes, blank lines or a header
   * only); unreadable or unusable, with the reason.
   */
  private static IngestLedger.Entry entry(RawFile file, LineParser parser) {
    if (file.unreadable() != null) {
      return new IngestLedger.Entry(file, IngestLedger.UNREADABLE, file.unreadable());
    }
    if (file.blank()) {
      return new IngestLedger.Entry(file, IngestLedger.EMPTY,
          file.size() == 0 ? "empty file (0 bytes)" : "no data: the file holds only blank lines");
    }
    if (parser.headerOnly(file)) {
      return new IngestLedger.Entry(file, IngestLedger.EMPTY,
          "no data: the file holds only its header line");
    }
    Optional<String> problem = parser.fileProblem(file);
    return problem.map(reason -> new IngestLedger.Entry(file, IngestLedger.UNUSABLE, reason))
        .orElseGet(() -> new IngestLedger.Entry(file, IngestLedger.INGESTED, null));
  }

  private static Optional<String> warning(IngestLedger.Entry entry) {
    RawFile file = entry.file();
    if (entry.status().equals(IngestLedger.EMPTY)) {
      return Optional.of(file.lakePath() + ": " + entry.reason() + ", nothing ingested");
    }
    if (entry.status().equals(IngestLedger.UNREADABLE)) {
      return Optional.of(file.lakePath() + ": unreadable, " + entry.reason()
          + "; nothing ingested");
    }
    if (entry.status().equals(IngestLedger.UNUSABLE)) {
      return Optional.of(file.lakePath() + ": unusable, " + entry.reason()
          + "; its lines are kept in bronze and quarantined");
    }
    if (file.undecodableLines() > 0) {
      return Optional.of(file.lakePath() + ": " + file.undecodableLines() + " line(s) not"
          + " decodable as " + file.encoding() + "; their bytes are kept in bronze ("
          + BronzeColumns.RAW_BASE64 + ") and quarantined");
    }
    return Optional.empty();
  }

  private void write(
      String tablePath, List<RawFile> files, LineParser parser, LongAccumulator corrupt) {
    Map<String, RawFile> byKey = new HashMap<>();
    for (RawFile file : files) {
      byKey.put(BronzeLineMapper.key(file.path()), file);
    }
    StructType schema = BronzeColumns.schema(parser.payloadFields());
    String[] paths = files.stream().map(RawFile::path).toArray(String[]::new);
    Dataset<Row> rows;
    if (parser.readsWholeFiles()) {
      rows = context.spark().read().format("binaryFile").load(paths)
          .select(functions.col("path"), functions.col("content"))
          .flatMap(new BronzeDocumentMapper(byKey, parser, context.runId(), context.startedAt(),
              corrupt), Encoders.row(schema));
    } else {
      // the text source keeps each line's bytes undecoded; the mapper decodes them per file
      rows = context.spark().read().text(paths)
          .select(functions.col("value").cast("binary"), functions.input_file_name())
          .flatMap(new BronzeLineMapper(byKey, parser, context.runId(), context.startedAt(),
              corrupt), Encoders.row(schema));
    }
    rows
        .write().format("delta").mode("append")
        .partitionBy(BronzeColumns.DT)
        .option(COLUMN_STATISTICS, "0")
        .option("userMetadata", context.runId())
        .save(tablePath);
  }
}
