# GENERATED from the citylake pipeline graph (io.citylake.pipeline.NightlyPipeline).
# Do not edit by hand; regenerate with:  ./citylake plan --airflow > dags/citylake_nightly.py
# AirflowDagTest fails the build when this file and the pipeline graph drift apart.
"""citylake nightly pipeline as an Airflow DAG: the pipeline graph's tasks and their edges.

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
"""
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
    """The shell command that runs a task's jobs for the run's service day."""
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
    t_silver = BashOperator(
        task_id="silver",
        bash_command=run_jobs([
            "ingest.sensors_observations",
            "ingest.transit_taps",
            "ingest.transit_arrivals",
            "ingest.transit_trip_diary",
            "ingest.points_steps",
            "ingest.points_transactions",
            "ingest.disaster_checkins",
            "ingest.disaster_inventory",
            "ingest.disaster_drone_flights",
            "ingest.disaster_alerts",
            "ingest.surveys_responses",
            "ingest.sensors_ngsi_ld",
            "ingest.transit_gtfs",
            "conform.transit_gtfs",
            "conform.reference",
            "conform.sensors_observations",
            "conform.transit_taps",
            "conform.transit_arrivals",
            "conform.transit_trip_diary",
            "conform.points_steps",
            "conform.points_transactions",
            "conform.disaster_checkins",
            "conform.disaster_inventory",
            "conform.disaster_drone_flights",
            "conform.disaster_alerts",
            "conform.surveys_responses",
            "conform.sensors_ngsi_ld",
            "conform.quality_gate",
        ]),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Task silver: stages ingest, conform; 28 jobs in one process\u000a\u000a- ingest.sensors_observations: Append new and corrected raw/sensors/observations files to bronze.sensors_observations (all fields as text, corrupt lines kept with their raw text)\u000a- ingest.transit_taps: Append new and corrected raw/transit/taps files to bronze.transit_taps (all fields as text, corrupt lines kept with their raw text)\u000a- ingest.transit_arrivals: Append new and corrected raw/transit/arrivals files to bronze.transit_arrivals (all fields as text, corrupt lines kept with their raw text)\u000a- ingest.transit_trip_diary: Append new and corrected raw/transit/trip_diary files to bronze.transit_trip_diary (all fields as text, corrupt lines kept with their raw text)\u000a- ingest.points_steps: Append new and corrected raw/points/steps files to bronze.points_steps (all fields as text, corrupt lines kept with their raw text)\u000a- ingest.points_transactions: Append new and corrected raw/points/transactions files to bronze.points_transactions (all fields as text, corrupt lines kept with their raw text)\u000a- ingest.disaster_checkins: Append new and corrected raw/disaster/checkins files to bronze.disaster_checkins (all fields as text, corrupt lines kept with their raw text)\u000a- ingest.disaster_inventory: Append new and corrected raw/disaster/inventory files to bronze.disaster_inventory (all fields as text, corrupt lines kept with their raw text)\u000a- ingest.disaster_drone_flights: Append new and corrected raw/disaster/drone_flights files to bronze.disaster_drone_flights (all fields as text, corrupt lines kept with their raw text)\u000a- ingest.disaster_alerts: Append new and corrected raw/disaster/alerts files to bronze.disaster_alerts (all fields as text, corrupt lines kept with their raw text)\u000a- ingest.surveys_responses: Append new and corrected raw/surveys/responses files to bronze.surveys_responses (all fields as text, corrupt lines kept with their raw text)\u000a- ingest.sensors_ngsi_ld: Append new and corrected raw/sensors/ngsi_ld files to bronze.sensors_ngsi_ld (all fields as text, corrupt lines kept with their raw text)\u000a- ingest.transit_gtfs: Append new and changed GTFS feed files from raw/transit/gtfs to bronze.transit_gtfs\u000a- conform.transit_gtfs: Rebuild the silver GTFS tables from the latest feed files in bronze.transit_gtfs\u000a- conform.reference: Load reference/ (boundaries, shelters, sensors, merchants, KPI targets, norms) into silver.ref_* tables with WKB geometries\u000a- conform.sensors_observations: One observation of one sensor at one time, located (from the message or the sensor registry) with a WKB point\u000a- conform.transit_taps: One boarding or alighting tap per row, card pseudonymised, stop and route checked against the GTFS feeds\u000a- conform.transit_arrivals: One vehicle arrival per trip and stop with scheduled and actual time\u000a- conform.transit_trip_diary: One trip of a panel member per row with its mode and purpose\u000a- conform.points_steps: Steps and walking minutes of one person on one day; steps outside 0..100000 are invalid by the city's definition and quarantined\u000a- conform.points_transactions: One cashless or point transaction per row with panel weight, merchant and location\u000a- conform.disaster_checkins: One check-in or check-out of a person at a designated shelter\u000a- conform.disaster_inventory: One stock count of one supply item at one shelter\u000a- conform.disaster_drone_flights: One drone flight from a depot to a shelter with payload and outcome\u000a- conform.disaster_alerts: One evacuation alert (level 1-5) with its area polygon and validity\u000a- conform.surveys_responses: One answer of one respondent to one survey question\u000a- conform.sensors_ngsi_ld: One observed attribute instance of one NGSI-LD entity from the city's context broker (FIWARE), in normalized, keyValues or temporal form, typed and located\u000a- conform.quality_gate: Hold gold back for the night when silver breaks the quality thresholds (dataset missing, file unusable, too many rows quarantined)",
    )
    t_gold = BashOperator(
        task_id="gold",
        bash_command=run_jobs([
            "kpi.walking_minutes",
            "kpi.car_daily_share",
            "kpi.tourism",
            "kpi.bus_wait",
            "kpi.ridership",
            "kpi.survey_shares",
            "kpi.shelter_days_to_shortage",
            "kpi.drone_delivery",
            "kpi.sensors",
            "kpi.catalogue",
            "spatial.locate_points",
            "spatial.people_flow",
            "spatial.snow_by_ward",
            "spatial.tourism_by_mesh",
            "spatial.ridership_by_stop",
            "spatial.shelter_load",
            "spatial.areas",
        ]),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Task gold: stages kpi, spatial; 17 jobs in one process\u000a\u000a- kpi.walking_minutes: Gold walking_minutes_avg per municipality and day/month from silver.points_steps\u000a- kpi.car_daily_share: Gold car_daily_share per municipality and day/month from silver.transit_trip_diary\u000a- kpi.tourism: Gold tourism_spend_yen and visitors per municipality and day/month/year from silver.points_transactions\u000a- kpi.bus_wait: Gold bus_wait_minutes_avg per municipality, route and hour, and per municipality and day, from silver taps and arrivals\u000a- kpi.ridership: Gold ridership (board taps) per route, stop and hour, and per municipality and day, from silver.transit_taps\u000a- kpi.survey_shares: Gold survey shares (elderly feeling safe, satisfaction, continuation intent) per municipality and survey\u000a- kpi.shelter_days_to_shortage: Gold shelter_days_to_shortage per shelter, item and stock count\u000a- kpi.drone_delivery: Gold drone_delivery_success per municipality and day from silver.disaster_drone_flights\u000a- kpi.sensors: Gold snow_depth_max and pm25 per municipality and day and people_flow per municipality and hour from silver.sensors_observations\u000a- kpi.catalogue: Gold KPI catalogue: definition, baseline, target, latest value and on-track status per KPI and municipality\u000a- spatial.locate_points: Silver located_points: sensors, stops, merchants and shelters with their ward (Sedona join to silver.ref_boundaries), JIS mesh codes and H3 cell\u000a- spatial.people_flow: Gold people_flow per ward, JIS mesh and H3 cell and hour, and per ward and day, from silver.sensors_observations (Sedona join to silver.ref_boundaries)\u000a- spatial.snow_by_ward: Gold snow_depth_max per ward and day with a snow-removal priority rank from silver.sensors_observations (Sedona join to silver.ref_boundaries)\u000a- spatial.tourism_by_mesh: Gold tourism_spend_yen per JIS 1 km and 500 m square and day from silver.points_transactions\u000a- spatial.ridership_by_stop: Gold bus boardings per stop and day with location, ward and mesh from silver.transit_taps and silver.located_points\u000a- spatial.shelter_load: Gold shelter_load_daily: peak headcount / capacity per shelter and day with location, from silver.disaster_checkins and silver.located_points\u000a- spatial.areas: Gold spatial_areas: polygons of the wards, JIS squares and H3 cells of the spatial gold tables",
    )
    t_publish = BashOperator(
        task_id="publish",
        bash_command=run_jobs([
            "publish.register_tables",
            "report.kpi_report",
        ]),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Task publish: stages publish, report; 2 jobs in one process\u000a\u000a- publish.register_tables: Register bronze, quarantine, silver and gold Delta tables in the metastore by layer\u000a- report.kpi_report: KPI report of the day for policy officers: HTML and PDF in Japanese and English under reports/<day>/, and the archive reports/index.html",
    )

    # one line per edge between tasks: upstream >> downstream
    t_silver >> t_gold
    t_silver >> t_publish
    t_gold >> t_publish
