package io.citylake.pipeline;

import io.citylake.lake.CityLakeException;
import io.citylake.quality.QualityGate;

/**
 * How a run ended as a whole, for the exit code, the console and the run ledger: succeeded;
 * held, when the only failure is the quality gate keeping gold back (a bad delivery, not a
 * broken job); or failed.
 *
 * @param status {@code succeeded}, {@code held} or {@code failed}
 * @param exitCode 0, {@link QualityGate#EXIT_CODE} or {@link CityLakeException#FAILED}
 * @param message one line: the first failed job's message (the gate's reason when held)
 */
public record RunVerdict(String status, int exitCode, String message) {

  public static RunVerdict of(RunSummary summary) {
    if (summary.succeeded()) {
      return new RunVerdict("succeeded", 0, "");
    }
    JobOutcome firstFailed = summary.outcomes().stream()
        .filter(o -> o.status() == JobOutcome.Status.FAILED).findFirst().orElse(null);
    boolean onlyGate = summary.outcomes().stream()
        .filter(o -> o.status() == JobOutcome.Status.FAILED)
        .allMatch(o -> o.job().equals(QualityGate.NAME) && QualityGate.isHold(o.message()));
    if (firstFailed != null && onlyGate) {
      return new RunVerdict("held", QualityGate.EXIT_CODE, firstFailed.message());
    }
    String message = firstFailed == null ? "a job did not succeed"
        : firstFailed.job() + ": " + firstFailed.message();
    return new RunVerdict("failed", CityLakeException.FAILED, message);
  }
}
