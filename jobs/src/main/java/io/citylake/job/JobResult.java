package io.citylake.job;

import java.util.Map;

/**
 * What a job did, for the run summary and the run log.
 *
 * @param rowsIn rows or lines read
 * @param rowsOut rows written to the job's outputs
 * @param rowsQuarantined rows sent to quarantine
 * @param details small named facts worth showing (files ingested, Delta version, ...)
 */
public record JobResult(
    String job, long rowsIn, long rowsOut, long rowsQuarantined, Map<String, Object> details,
    double seconds) {
  /**
   * Key of {@link #details} holding, per gold table the job wrote, the number of cells it
   * suppressed as complements (secondary suppression) that run.
   */
  public static final String SECONDARY_SUPPRESSED = "secondary_suppressed";

  public JobResult {
    details = Map.copyOf(details);
  }

  public static JobResult of(String job, long rowsIn, long rowsOut, Map<String, Object> details) {
    return new JobResult(job, rowsIn, rowsOut, 0, details, 0);
  }

  /** Cells suppressed as complements per gold table (empty for jobs without suppression). */
  @SuppressWarnings("unchecked")
  public Map<String, Long> secondarySuppressed() {
    Object counts = details.get(SECONDARY_SUPPRESSED);
    return counts instanceof Map<?, ?> map ? (Map<String, Long>) map : Map.of();
  }

  /** The same result with the wall time the runner measured. */
  public JobResult withSeconds(double measured) {
    return new JobResult(job, rowsIn, rowsOut, rowsQuarantined, details, measured);
  }
}
