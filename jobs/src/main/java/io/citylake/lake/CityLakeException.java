package io.citylake.lake;

/**
 * The one failure type citylake raises on purpose: a message an operator can act on.
 *
 * <p>Messages follow {@code Cannot <verb> <thing>: <reason> (got: <value>)}. The CLI prints the
 * message alone on one line and exits with {@link #exitCode()}; anything else is a bug and keeps
 * its stack trace.
 */
public class CityLakeException extends RuntimeException {
  /** Exit code for bad usage or input that the user can fix (missing path, bad date, bad flag). */
  public static final int USAGE = 2;
  /** Exit code for a run that failed while working. */
  public static final int FAILED = 1;

  private final int exitCode;

  public CityLakeException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** Input the user named does not work: wrong path, date or flag value. */
  public static CityLakeException badInput(String verbAndThing, String reason, Object got) {
    return new CityLakeException(format(verbAndThing, reason, got), USAGE, null);
  }

  /** A job failed while running; keeps the cause for logs. */
  public static CityLakeException failed(String verbAndThing, String reason, Throwable cause) {
    return new CityLakeException("Cannot " + verbAndThing + ": " + reason, FAILED, cause);
  }

  private static String format(String verbAndThing, String reason, Object got) {
    return "Cannot " + verbAndThing + ": " + reason + (got == null ? "" : " (got: " + got + ")");
  }
}
