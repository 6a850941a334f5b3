package io.citylake.pipeline;

import io.citylake.lake.CityLakeException;

/**
 * A run that has nothing to work on, which is not a failure: the scheduler skips the day instead
 * of retrying it, and a backfill moves on. Exits with {@link #EXIT_CODE}.
 */
public final class NothingToRunException extends CityLakeException {
  /** Exit code for "nothing to run", distinct from a failure (1) and a usage error (2). */
  public static final int EXIT_CODE = 3;

  public NothingToRunException(String message) {
    super(message, EXIT_CODE, null);
  }
}
