package io.citylake.job;

import java.util.List;
import java.util.Map;

/**
 * What a job did, for the run summary and the run log.
 *
 * @param rowsIn rows or lines read
 * @param rowsOut rows written to the job's outputs
 * @param rowsQuarantined rows sent to quarantine
 * @param details small named facts worth showing (files ingested, Delta version, ...)
 * @param warnings one line each about something an operator should look at although the job
 *     succeeded (an empty or unusable delivered file), shown under the night's summary
 */
public record JobResult(
    String job, long rowsIn, long rowsOut, long rowsQuarantined, Map<String, Object> details,
    double seconds, List<String> warnings) {
  /**
   * Key of {@link #details} holding, per gold table the job wrote, the number of cells it
   * suppressed as complements (secondary suppression) that run.
   */
  public static final String SECONDARY_SUPPRESSED = "secondary_suppressed";
  /**
   * Key of {@link #details} holding, per gold table the job wrote that sits in a declared
   * relation, the number of its new cells suppressed below k (primary suppression).
   */
  public static final String PRIMARY_SUPPRESSED = "primary_suppressed";

  public JobResult {
    details = Map.copyOf(details);
    warnings = List.copyOf(warnings);
  }

  public JobResult(String job, long rowsIn, long rowsOut, long rowsQuarantined,
      Map<String, Object> details, double seconds) {
    this(job, rowsIn, rowsOut, rowsQuarantined, details, seconds, List.of());
  }

  public static JobResult of(String job, long rowsIn, long rowsOut, Map<String, Object> details) {
    return new JobResult(job, rowsIn, rowsOut, 0, details, 0);
  }

  /** Cells suppressed as complements per gold table (empty for jobs without suppression). */
  public Map<String, Long> secondarySuppressed() {
    return counts(SECONDARY_SUPPRESSED);
  }

  /** Cells suppressed below k per gold table in a relation (empty for other jobs). */
  public Map<String, Long> primarySuppressed() {
    return counts(PRIMARY_SUPPRESSED);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Long> counts(String key) {
    Object counts = details.get(key);
    return counts instanceof Map<?, ?> map ? (Map<String, Long>) map : Map.of();
  }

  /** The same result with the wall time the runner measured. */
  public JobResult withSeconds(double measured) {
    return new JobResult(job, rowsIn, rowsOut, rowsQuarantined, details, measured, warnings);
  }

  /** The same result with {@code lines} as its warnings. */
  public JobResult withWarnings(List<String> lines) {
    return new JobResult(job, rowsIn, rowsOut, rowsQuarantined, details, seconds, lines);
  }
}
