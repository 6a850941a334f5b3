package io.citylake.ingest;

import io.citylake.contract.RawDataset;
import io.citylake.contract.RawFormat;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bronze ingest of one dated raw dataset: every new or corrected file under
 * {@code raw/<family>/<dataset>/dt=*} up to the run date, appended once to {@code bronze.<table>}
 * with the contract's columns as text plus ingest metadata. See {@link BronzeIngest}.
 */
public final class IngestRawDataset implements Job {
  private final RawDataset dataset;

  public IngestRawDataset(RawDataset dataset) {
    this.dataset = dataset;
  }

  public RawDataset dataset() {
    return dataset;
  }

  @Override
  public String name() {
    return "ingest." + dataset.tableName();
  }

  @Override
  public String description() {
    return "Append new and corrected " + dataset.rawPath() + " files to bronze."
        + dataset.tableName() + " (all fields as text, corrupt lines kept with their raw text)";
  }

  @Override
  public List<TableRef> inputs() {
    return List.of(TableRef.raw(dataset.tableName()));
  }

  @Override
  public List<TableRef> outputs() {
    return List.of(TableRef.bronze(dataset.tableName()), IngestLedger.slice(dataset.tableName()));
  }

  @Override
  public JobResult run(JobContext context) {
    boolean csv = dataset.format() == RawFormat.CSV;
    LineParser parser = switch (dataset.format()) {
      case CSV -> new ContractCsvParser(dataset.fields());
      case JSONL -> new ContractJsonParser(dataset.fields());
      case NGSI_LD -> new NgsiLdDocumentParser();
    };
    List<String> strays = new ArrayList<>();
    List<RawFileScanner.Listed> listed =
        new RawFileScanner(context.spark().sparkContext().hadoopConfiguration())
            .listPartitions(context.paths().raw(dataset), context.runDate(),
                dataset.format()::accepts, dataset.format().acceptedNames(),
                (path, why) -> strays.add(RawFileScanner.relativize(context.paths().root(), path)
                    + ": " + why + ", not ingested"));
    BronzeIngest.Outcome outcome = new BronzeIngest(context)
        .append(dataset.tableName(), listed, csv, parser);
    // a stray stays until someone moves it: it is warned about every night, never ledgered
    return IngestResults.of(name(), outcome.withWarnings(strays));
  }
}
