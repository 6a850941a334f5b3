package io.citylake.pipeline;

import io.citylake.job.JobResult;
import java.util.Optional;

/**
 * How one job of a run ended: succeeded with a result, failed with a message, or skipped because
 * an upstream job failed.
 */
public record JobOutcome(String job, Status status, Optional<JobResult> result, String message) {
  /** Terminal state of a job in a run. */
  public enum Status { SUCCEEDED, FAILED, SKIPPED }

  public static JobOutcome succeeded(JobResult result) {
    return new JobOutcome(result.job(), Status.SUCCEEDED, Optional.of(result), "");
  }

  public static JobOutcome failed(String job, String message, double seconds) {
    return new JobOutcome(job, Status.FAILED, Optional.empty(), message);
  }

  public static JobOutcome skipped(String job, String reason) {
    return new JobOutcome(job, Status.SKIPPED, Optional.empty(), reason);
  }

  public double seconds() {
    return result.map(JobResult::seconds).orElse(0.0);
  }
}
