package io.citylake.pipeline;

/**
 * The fixed part of the generated Airflow DAG: imports, schedule, retries and timeouts, and the
 * {@code run_job} command. Kept apart from {@link AirflowDag} so the Python reads as Python.
 */
final class AirflowDagTemplate {
  private AirflowDagTemplate() {}

  static String header(String regenerate) {
    return HEADER.replace("@REGENERATE@", regenerate);
  }

  private static final String HEADER = """
      # GENERATED from the citylake pipeline graph (io.citylake.pipeline.NightlyPipeline).
      # Do not edit by hand; regenerate with:  @REGENERATE@
      # AirflowDagTest fails the build when this file and the pipeline graph drift apart.
      \"""citylake nightly pipeline as an Airflow DAG: the pipeline graph's tasks and their edges.

      Each task runs the jobs of its stages (the jobs' name prefixes; the graph groups ingest
      and conform, kpi and spatial, publish and report) for the run's service day in one
      process, independent jobs side by side, as `citylake nightly` runs them:

          ${CITYLAKE_CMD:-citylake} run-job --job <job> --job <job> ... --date {{ ds }} --lake "$CITYLAKE_LAKE"

      A task per job would start a JVM and a Spark session for each of the pipeline's jobs,
      which costs more than most jobs do; a task per stage still paid six of them. A retried
      task repeats its jobs; those that already finished find nothing new and skip their work.

      On the image of dags/Dockerfile CITYLAKE_CMD is unset and its `citylake` wrapper runs the
      CLI embedded (local Spark); on a cluster set it to
      "spark-submit --class io.citylake.cli.CityLakeCli <citylake jar>".
      CITYLAKE_LAKE is the lake root: a local path or a file:, s3a:// or hdfs:// URI.

      Task ids are the graph's task names; `citylake plan` lists every job (its name's prefix is
      its stage) and the tasks.

      Dates: runs trigger at 02:00 Asia/Tokyo, after the JST service day has ended. The run's
      logical date is that trigger time, and {{ ds }} is its UTC date (02:00 JST is 17:00 UTC
      the day before), so {{ ds }} is the JST service day that just ended.

      Exit codes of run-job: 0 done; 1 a job failed (retried with exponential back-off);
      2 usage error such as a bad flag or a missing lake (retried too: fix the set-up);
      3 nothing to run, no raw dataset has a dt=<day> partition: the task is skipped, and so
      are the tasks downstream of it; 4 the quality gate held the night's gold back (the task
      with the conform stage; retried, then failed: fix or accept the delivery, see README
      "Operations");
      5 another citylake process holds the lake (retried).
      \"""
      from __future__ import annotations

      import os
      from datetime import date, timedelta

      import pendulum
      from airflow import DAG
      from airflow.operators.bash import BashOperator
      from airflow.timetables.trigger import CronTriggerTimetable

      NOTHING_TO_RUN = 3  # exit code of citylake run-job for a day nothing was delivered for

      # The first service day catchup runs; its run triggers at 02:00 JST the next day.
      START_DAY = date.fromisoformat(os.environ.get("CITYLAKE_START_DAY", "2026-11-01"))

      # A local lake's embedded Derby metastore admits one JVM at a time, hence one task at a
      # time; with a shared Hive metastore service (CITYLAKE_JAVA_OPTS=
      # -Dspark.hadoop.hive.metastore.uris=thrift://HOST:9083, docs/deploy.md) it may be raised,
      # e.g. CITYLAKE_MAX_ACTIVE_TASKS=2 (this DAG's tasks wait for one another all the same).
      MAX_ACTIVE_TASKS = int(os.environ.get("CITYLAKE_MAX_ACTIVE_TASKS", "1"))


      def run_jobs(jobs: list[str]) -> str:
          \"""The shell command that runs a task's jobs for the run's service day.\"""
          return (
              "${CITYLAKE_CMD:-citylake} run-job"
              + "".join(" --job " + job for job in jobs)
              + " --date {{ ds }}"
              ' --lake "${CITYLAKE_LAKE:?set CITYLAKE_LAKE to the lake root}"'
          )


      default_args = {
          "owner": "citylake",
          # like `citylake backfill`: a failed night holds back the nights after it
          "depends_on_past": True,
          "retries": 3,
          "retry_delay": timedelta(minutes=5),
          "retry_exponential_backoff": True,
          "max_retry_delay": timedelta(hours=1),
          "execution_timeout": timedelta(hours=2),
      }

      with DAG(
          dag_id="citylake_nightly",
          description="citylake nightly: ingest, conform and publish one JST service day",
          schedule=CronTriggerTimetable("0 2 * * *", timezone="Asia/Tokyo"),
          start_date=pendulum.datetime(START_DAY.year, START_DAY.month, START_DAY.day, tz="UTC"),
          catchup=True,
          max_active_runs=1,
          max_active_tasks=MAX_ACTIVE_TASKS,
          dagrun_timeout=timedelta(hours=8),
          default_args=default_args,
          doc_md=__doc__,
          tags=["citylake"],
      ) as dag:
      """;
}
