package io.citylake.job;

import java.util.List;

/**
 * One step of the nightly pipeline: a named unit with declared inputs and outputs.
 *
 * <p>The declarations are what the pipeline graph, {@code plan --json}, the Airflow DAG test and
 * the report read; a job must not touch tables it does not declare.
 */
public interface Job {
  /** Stable dotted name, e.g. {@code ingest.transit_taps}; also the Airflow task id. */
  String name();

  /** One sentence for {@code plan} and the data dictionary. */
  String description();

  List<TableRef> inputs();

  List<TableRef> outputs();

  JobResult run(JobContext context);

  /**
   * True for a job that rebuilds its outputs whole from its declared Delta inputs, the service
   * day and the lake's settings alone: the runner then skips it when none of those changed since
   * its outputs were last written ({@link InputVersions}), so a night with nothing new does not
   * recompute it. Jobs with other inputs (files, the clock) or side effects keep the default.
   */
  default boolean pureOfDeclaredInputs() {
    return false;
  }

  /**
   * For a job {@link #pureOfDeclaredInputs() pure of its declared inputs} that also writes files
   * beside the lake's tables (the report's pages): whether the files its last run left for the
   * run's day are all still there. Only then may the runner skip it; a deleted page is written
   * again even when no input changed.
   */
  default boolean filesIntact(JobContext context) {
    return true;
  }
}
