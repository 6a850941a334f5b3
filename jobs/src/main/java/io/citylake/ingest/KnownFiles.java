package io.citylake.ingest;

import io.citylake.lake.DeltaTables;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * The files a bronze table already holds, from the {@link IngestLedger} (rebuilt from bronze's own
 * metadata columns when it lags behind bronze). A file counts as known when its path and
 * content hash were ingested before.
 */
final class KnownFiles {
  private final Set<String> statusKeys = new HashSet<>();
  private final Set<String> contentKeys = new HashSet<>();

  /**
   * The files of {@code bronze.<table>}, and the empty files that never reached it, from the
   * ingest ledger; a ledger that lags behind bronze is first rebuilt from bronze.
   */
  static KnownFiles of(JobContext context, String table) {
    KnownFiles known = new KnownFiles();
    Optional<List<Row>> ledger = IngestLedger.entries(context, table);
    if (ledger.isEmpty() && !context.tables().exists(TableRef.bronze(table))) {
      return known;
    }
    List<Row> entries = ledger.orElseGet(() -> IngestLedger.rebuild(context, table));
    for (Row row : entries) {
      String file = row.getString(1);
      known.statusKeys.add(file + "|" + row.getLong(3) + "|" + row.getTimestamp(4).getTime());
      known.contentKeys.add(file + "|" + row.getString(2));
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
