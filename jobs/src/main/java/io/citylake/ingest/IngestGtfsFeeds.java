package io.citylake.ingest;

import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import java.util.List;

/**
 * Bronze ingest of the static GTFS feeds under {@code raw/transit/gtfs/<feed_id>/}: every line of
 * every {@code .txt} file, keyed by feed and file, as a header→value map, so GTFS-JP extras and
 * publisher-specific columns survive. A feed whose files did not change is not ingested again.
 */
public final class IngestGtfsFeeds implements Job {
  public static final String TABLE = "transit_gtfs";

  @Override
  public String name() {
    return "ingest." + TABLE;
  }

  @Override
  public String description() {
    return "Append new and changed GTFS feed files from raw/transit/gtfs to bronze." + TABLE;
  }

  @Override
  public List<TableRef> inputs() {
    return List.of(TableRef.raw(TABLE));
  }

  @Override
  public List<TableRef> outputs() {
    return List.of(TableRef.bronze(TABLE), IngestLedger.slice(TABLE));
  }

  @Override
  public JobResult run(JobContext context) {
    List<RawFileScanner.Listed> listed =
        new RawFileScanner(context.spark().sparkContext().hadoopConfiguration())
            .listFolders(context.paths().rawGtfs(), context.runDate(), n -> n.endsWith(".txt"));
    BronzeIngest.Outcome outcome = new BronzeIngest(context)
        .append(TABLE, listed, true, new GtfsRecordParser());
    return IngestResults.of(name(), outcome);
  }
}
