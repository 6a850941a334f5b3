package io.citylake.conform.gtfs;

import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.DeltaTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the silver GTFS tables of one rebuild: each a full overwrite tagged with the build
 * marker, its row count taken from the Delta commit. Keeps the rejected rows of every staged file
 * for the one quarantine write, and caches staged files, which are read twice (silver and
 * quarantine), until {@link #release}.
 */
final class GtfsSilverWriter {
  private final JobContext context;
  private final GtfsBuildMarker marker;
  private final List<Dataset<Row>> staged = new ArrayList<>();
  private final List<Dataset<Row>> rejected = new ArrayList<>();
  private final Map<String, Long> rowsWritten = new LinkedHashMap<>();

  GtfsSilverWriter(JobContext context, GtfsBuildMarker marker) {
    this.context = context;
    this.marker = marker;
  }

  /** Writes the good rows of {@code stagedRows} to {@code table}; returns the table as written. */
  Dataset<Row> writeGood(String table, StructType schema, Dataset<Row> stagedRows) {
    Dataset<Row> cached = keepRejected(stagedRows);
    write(table, GtfsChecks.conformed(cached, schema));
    return context.tables().read(TableRef.silver(table));
  }

  /** Caches a staged file and remembers its rejected rows; returns the cached rows. */
  Dataset<Row> keepRejected(Dataset<Row> stagedRows) {
    Dataset<Row> cached = stagedRows.cache();
    staged.add(cached);
    rejected.add(GtfsChecks.rejected(cached));
    return cached;
  }

  /** Replaces {@code table} with {@code rows}, which must already be in its schema. */
  void write(String table, Dataset<Row> rows) {
    String path = context.tables().pathToWrite(TableRef.silver(table));
    GtfsSchemas.doc(table).replaceRows(rows, path, marker.text());
    rowsWritten.put(table, DeltaTables.lastCommit(context.spark(), path).outputRows());
  }

  /** Every rejected row kept so far, in the quarantine's columns. */
  List<Dataset<Row>> rejected() {
    return List.copyOf(rejected);
  }

  /** Rows written per table, in write order. */
  Map<String, Long> rowsWritten() {
    return java.util.Collections.unmodifiableMap(rowsWritten);
  }

  void release() {
    staged.forEach(Dataset::unpersist);
  }
}
