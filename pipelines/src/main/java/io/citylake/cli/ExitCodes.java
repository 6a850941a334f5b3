package io.citylake.cli;

/**
 * The exit codes a scheduler reads, as the {@code --help} footer lines of the commands that run
 * the pipeline. One place, so the help, the README and the Airflow DAG say the same.
 */
final class ExitCodes {
  private ExitCodes() {}

  static final String HEADING = "%nExit codes:%n";
  static final String DONE = "0:done: every job that ran succeeded";
  static final String FAILED = "1:a job failed (its downstream jobs were skipped)";
  static final String USAGE = "2:usage error: bad flag, date, job name or lake path";
  static final String NOTHING_TO_RUN =
      "3:nothing to run: no raw dataset has a dt=DAY partition for the day";
  static final String HELD =
      "4:held: the quality gate kept gold back (a dataset missing, a file unusable or too many"
          + " rows quarantined; see 'citylake runs')";
  static final String BUSY = "5:busy: another citylake run holds the lake (its lease)";
}
