package io.citylake.lineage;

import io.citylake.ingest.IngestLedger;
import io.citylake.lineage.OpenLineageEvents.Dataset;
import io.citylake.lineage.OpenLineageEvents.RawFileFacet;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The raw files one ingest job recorded in {@code bronze.ingest_ledger}, as lineage datasets with
 * their fingerprint. They come from the rows the job handed the run, not from the ledger's
 * commits: under the pipeline runner the ingest stage's rows are committed together, often
 * after the job's COMPLETE event, and one commit holds several jobs' rows.
 */
public final class IngestedFiles {
  private IngestedFiles() {}

  /** The files of raw {@code dataset} among the ledger rows one job made. */
  public static List<Dataset> of(List<Row> ledgerRows, String dataset) {
    return IngestLedger.files(ledgerRows, dataset).stream()
        .map(file -> new Dataset(file.path(), file.bronzeVersion(), new RawFileFacet(
            file.dt().toString(), file.sha256(), file.size(), file.status(),
            file.bronzeVersion())))
        .sorted(Comparator.comparing(Dataset::name))
        .toList();
  }
}
