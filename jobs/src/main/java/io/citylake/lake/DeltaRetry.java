package io.citylake.lake;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries a Delta write that lost an optimistic-concurrency race to another process (a concurrent
 * first commit of the same table, or a conflicting commit). Delta detects the conflict from the
 * transaction log, so this works across processes and hosts, where a JVM lock guards nothing.
 */
public final class DeltaRetry {
  /** Attempts before the conflict is reported as a failure. */
  static final int ATTEMPTS = 8;

  private DeltaRetry() {}

  /** Runs {@code write}, again after a short random pause while it fails with a Delta conflict. */
  public static <T> T onConflict(String verbAndThing, Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (RuntimeException e) {
        if (!isConflict(e) || attempt >= ATTEMPTS) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /** Whether {@code e}, or one of its causes, is a Delta concurrent-modification conflict. */
  static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.delta.exceptions.DeltaConcurrentModificationException
          || t instanceof org.apache.spark.sql.delta.DeltaConcurrentModificationException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(50, 200L * attempt));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw CityLakeException.failed("retry a Delta write", "interrupted", interrupted);
    }
  }
}
