package io.citylake.ingest;

import io.citylake.job.JobContext;
import io.citylake.lake.DeltaTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 */
public final class BronzeIngest {

  /** What one ingest call did. */
  public record Outcome(
      int filesListed, int filesIngested, long rowsWritten, long corruptLines, long deltaVersion) {}

  private final JobContext context;

  public BronzeIngest(JobContext context) {
    this.context = context;
  }

  /** Appends the new and corrected files of {@code listed} to {@code bronze.<table>}. */
  public Outcome append(
      String table, List<RawFileScanner.Listed> listed, boolean csv, LineParser parser) {
    SparkSession spark = context.spark();
    String tablePath = context.paths().bronze(table);
    RawFileScanner scanner = new RawFileScanner(spark.sparkContext().hadoopConfiguration());
    KnownFiles known = KnownFiles.of(context, table);
    List<RawFile> fresh = new ArrayList<>();
    for (RawFileScanner.Listed file : listed) {
      if (known.unchanged(file, context.paths().root())) {
        continue;
      }
      RawFile fingerprinted = scanner.fingerprint(file, csv, context.paths().root());
      if (!known.sameContent(fingerprinted)) {
        fresh.add(fingerprinted);
      }
    }
    if (fresh.isEmpty()) {
      return new Outcome(listed.size(), 0, 0, 0, -1);
    }
    boolean existed = DeltaTables.exists(spark, tablePath);
    long versionBefore = existed ? DeltaTables.lastCommit(spark, tablePath).version() : -1;
    LongAccumulator corrupt = spark.sparkContext().longAccumulator("corruptLines");
    write(tablePath, fresh, parser, corrupt);
    if (!DeltaTables.exists(spark, tablePath)) {
      return new Outcome(listed.size(), fresh.size(), 0, 0, -1);
    }
    DeltaTables.Commit commit = DeltaTables.lastCommit(spark, tablePath);
    IngestLedger.record(context, table, fresh, commit.version());
    long rows = commit.version() == versionBefore ? 0 : commit.outputRows();
    return new Outcome(listed.size(), fresh.size(), rows, corrupt.value(), commit.version());
  }

  private void write(
      String tablePath, List<RawFile> files, LineParser parser, LongAccumulator corrupt) {
    Map<String, RawFile> byKey = new HashMap<>();
    for (RawFile file : files) {
      byKey.put(BronzeLineMapper.key(file.path()), file);
    }
    StructType schema = BronzeColumns.schema(parser.payloadFields());
    Dataset<Row> lines = context.spark().read()
        .text(files.stream().map(RawFile::path).toArray(String[]::new))
        .select(functions.col("value"), functions.input_file_name());
    BronzeLineMapper mapper = new BronzeLineMapper(
        byKey, parser, context.runId(), context.startedAt(), corrupt);
    lines.flatMap(mapper, Encoders.row(schema))
        .write().format("delta").mode("append")
        .partitionBy(BronzeColumns.DT)
        .option("userMetadata", context.runId())
        .save(tablePath);
  }
}
