package io.citylake.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Watches a run's progress to note when each job ended (the runner reports outcomes as they
 * end), and writes the finished run to the {@link RunLedger}. One recorder per run.
 */
public final class RunRecorder implements Consumer<JobOutcome> {
  private final String command;
  private final Consumer<JobOutcome> next;
  private final Instant startedAt = Instant.now();
  private final Map<String, Instant> ended = new ConcurrentHashMap<>();

  /** Notes job ends, then hands each outcome to {@code next} (the console's progress). */
  public RunRecorder(String command, Consumer<JobOutcome> next) {
    this.command = command;
    this.next = next;
  }

  @Override
  public void accept(JobOutcome outcome) {
    ended.put(outcome.job(), Instant.now());
    next.accept(outcome);
  }

  /** The finished run with its verdict, ready for {@link RunLedger#record}. */
  public RunLedger.Run finish(RunSummary summary) {
    RunVerdict verdict = RunVerdict.of(summary);
    return new RunLedger.Run(command, summary, startedAt, Instant.now(), ended, verdict.status(),
        verdict.message());
  }
}
