package io.citylake.ingest;

import io.citylake.job.JobResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns an ingest outcome into the job result the run summary shows. */
final class IngestResults {
  private IngestResults() {}

  static JobResult of(String job, BronzeIngest.Outcome outcome) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("files_listed", outcome.filesListed());
    details.put("files_ingested", outcome.filesIngested());
    details.put("corrupt_lines", outcome.corruptLines());
    if (!outcome.warnings().isEmpty()) {
      details.put("files_with_warnings", outcome.warnings().size());
    }
    if (outcome.deltaVersion() >= 0) {
      details.put("delta_version", outcome.deltaVersion());
    }
    return JobResult.of(job, outcome.rowsWritten(), outcome.rowsWritten(), details)
        .withWarnings(outcome.warnings());
  }
}
