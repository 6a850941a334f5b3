package io.citylake.ingest;

import io.citylake.lake.DeltaTables;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The files a bronze table already holds, read from its own metadata columns (no separate log to
 * drift out of step). A file counts as known when its path and content hash were ingested before.
 */
final class KnownFiles {
  private final Set<String> statusKeys = new HashSet<>();
  private final Set<String> contentKeys = new HashSet<>();

  static KnownFiles of(SparkSession spark, String tablePath) {
    KnownFiles known = new KnownFiles();
    if (!DeltaTables.exists(spark, tablePath)) {
      return known;
    }
    List<Row> rows = spark.read().format("delta").load(tablePath)
        .selectExpr(
            BronzeColumns.SOURCE_FILE, BronzeColumns.SOURCE_SIZE,
            "unix_millis(" + BronzeColumns.SOURCE_MODIFIED_AT + ")", BronzeColumns.SOURCE_SHA256)
        .distinct().collectAsList();
    for (Row row : rows) {
      known.statusKeys.add(row.getString(0) + "|" + row.getLong(1) + "|" + row.getLong(2));
      known.contentKeys.add(row.getString(0) + "|" + row.getString(3));
    }
    return known;
  }

  /** Same path, size and modification time as an ingested file: no need to even hash it. */
  boolean unchanged(RawFileScanner.Listed listed, String lakeRoot) {
    return statusKeys.contains(
        RawFileScanner.relativize(lakeRoot, listed.path()) + "|" + listed.status().getLen() + "|" + listed.status().getModificationTime());
  }

  /** Same path and content as an ingested file: a re-delivery of the same bytes. */
  boolean sameContent(RawFile file) {
    return contentKeys.contains(file.lakePath() + "|" + file.sha256());
  }
}
