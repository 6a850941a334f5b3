# GENERATED from the citylake pipeline graph (io.citylake.pipeline.NightlyPipeline).
# Do not edit by hand; regenerate with:  ./citylake plan --airflow > dags/citylake_nightly.py
# AirflowDagTest fails the build when this file and the pipeline graph drift apart.
"""citylake nightly pipeline as an Airflow DAG: one task per pipeline job, same edges.

Each task runs exactly one job of the pipeline for the run's service day:

    ${CITYLAKE_CMD:-citylake} run-job --job <job> --date {{ ds }} --lake "$CITYLAKE_LAKE"

On the image of dags/Dockerfile CITYLAKE_CMD is unset and its `citylake` wrapper runs the
CLI embedded (local Spark); on a cluster set it to
"spark-submit --class io.citylake.cli.CityLakeCli <citylake jar>".
CITYLAKE_LAKE is the lake root: a local path or a file:, s3a:// or hdfs:// URI.

Task ids are job names with "." replaced by "__" (a dot in a task id means a TaskGroup).

Dates: runs trigger at 02:00 Asia/Tokyo, after the JST service day has ended. The run's
logical date is that trigger time, and {{ ds }} is its UTC date (02:00 JST is 17:00 UTC
the day before), so {{ ds }} is the JST service day that just ended.

Exit codes of run-job: 0 done; 1 the job failed (retried with exponential back-off);
2 usage error such as a bad flag or a missing lake (retried too: fix the set-up);
3 nothing to run, no raw dataset has a dt=<day> partition: the task is skipped, and so
are the tasks downstream of it.
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

# A local lake's embedded Derby metastore admits one JVM at a time, hence one job at a
# time; with a cluster metastore raise it, e.g. CITYLAKE_MAX_ACTIVE_TASKS=4.
MAX_ACTIVE_TASKS = int(os.environ.get("CITYLAKE_MAX_ACTIVE_TASKS", "1"))


def run_job(job: str) -> str:
    """The shell command that runs one pipeline job for the run's service day."""
    return (
        "${CITYLAKE_CMD:-citylake} run-job --job " + job + " --date {{ ds }}"
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
    t_ingest__sensors_observations = BashOperator(
        task_id="ingest__sensors_observations",
        bash_command=run_job("ingest.sensors_observations"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Append new and corrected raw/sensors/observations files to bronze.sensors_observations (all fields as text, corrupt lines kept with their raw text)",
    )
    t_ingest__transit_taps = BashOperator(
        task_id="ingest__transit_taps",
        bash_command=run_job("ingest.transit_taps"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Append new and corrected raw/transit/taps files to bronze.transit_taps (all fields as text, corrupt lines kept with their raw text)",
    )
    t_ingest__transit_arrivals = BashOperator(
        task_id="ingest__transit_arrivals",
        bash_command=run_job("ingest.transit_arrivals"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Append new and corrected raw/transit/arrivals files to bronze.transit_arrivals (all fields as text, corrupt lines kept with their raw text)",
    )
    t_ingest__transit_trip_diary = BashOperator(
        task_id="ingest__transit_trip_diary",
        bash_command=run_job("ingest.transit_trip_diary"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Append new and corrected raw/transit/trip_diary files to bronze.transit_trip_diary (all fields as text, corrupt lines kept with their raw text)",
    )
    t_ingest__points_steps = BashOperator(
        task_id="ingest__points_steps",
        bash_command=run_job("ingest.points_steps"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Append new and corrected raw/points/steps files to bronze.points_steps (all fields as text, corrupt lines kept with their raw text)",
    )
    t_ingest__points_transactions = BashOperator(
        task_id="ingest__points_transactions",
        bash_command=run_job("ingest.points_transactions"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Append new and corrected raw/points/transactions files to bronze.points_transactions (all fields as text, corrupt lines kept with their raw text)",
    )
    t_ingest__disaster_checkins = BashOperator(
        task_id="ingest__disaster_checkins",
        bash_command=run_job("ingest.disaster_checkins"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Append new and corrected raw/disaster/checkins files to bronze.disaster_checkins (all fields as text, corrupt lines kept with their raw text)",
    )
    t_ingest__disaster_inventory = BashOperator(
        task_id="ingest__disaster_inventory",
        bash_command=run_job("ingest.disaster_inventory"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Append new and corrected raw/disaster/inventory files to bronze.disaster_inventory (all fields as text, corrupt lines kept with their raw text)",
    )
    t_ingest__disaster_drone_flights = BashOperator(
        task_id="ingest__disaster_drone_flights",
        bash_command=run_job("ingest.disaster_drone_flights"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Append new and corrected raw/disaster/drone_flights files to bronze.disaster_drone_flights (all fields as text, corrupt lines kept with their raw text)",
    )
    t_ingest__disaster_alerts = BashOperator(
        task_id="ingest__disaster_alerts",
        bash_command=run_job("ingest.disaster_alerts"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Append new and corrected raw/disaster/alerts files to bronze.disaster_alerts (all fields as text, corrupt lines kept with their raw text)",
    )
    t_ingest__surveys_responses = BashOperator(
        task_id="ingest__surveys_responses",
        bash_command=run_job("ingest.surveys_responses"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Append new and corrected raw/surveys/responses files to bronze.surveys_responses (all fields as text, corrupt lines kept with their raw text)",
    )
    t_ingest__transit_gtfs = BashOperator(
        task_id="ingest__transit_gtfs",
        bash_command=run_job("ingest.transit_gtfs"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Append new and changed GTFS feed files from raw/transit/gtfs to bronze.transit_gtfs",
    )
    t_conform__transit_gtfs = BashOperator(
        task_id="conform__transit_gtfs",
        bash_command=run_job("conform.transit_gtfs"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Rebuild the silver GTFS tables from the latest feed files in bronze.transit_gtfs",
    )
    t_conform__reference = BashOperator(
        task_id="conform__reference",
        bash_command=run_job("conform.reference"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Load reference/ (boundaries, shelters, sensors, merchants, KPI targets, norms) into silver.ref_* tables with WKB geometries",
    )
    t_conform__sensors_observations = BashOperator(
        task_id="conform__sensors_observations",
        bash_command=run_job("conform.sensors_observations"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="One observation of one sensor at one time, located (from the message or the sensor registry) with a WKB point",
    )
    t_conform__transit_taps = BashOperator(
        task_id="conform__transit_taps",
        bash_command=run_job("conform.transit_taps"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="One boarding or alighting tap per row, card pseudonymised, stop and route checked against the GTFS feeds",
    )
    t_conform__transit_arrivals = BashOperator(
        task_id="conform__transit_arrivals",
        bash_command=run_job("conform.transit_arrivals"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="One vehicle arrival per trip and stop with scheduled and actual time",
    )
    t_conform__transit_trip_diary = BashOperator(
        task_id="conform__transit_trip_diary",
        bash_command=run_job("conform.transit_trip_diary"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="One trip of a panel member per row with its mode and purpose",
    )
    t_conform__points_steps = BashOperator(
        task_id="conform__points_steps",
        bash_command=run_job("conform.points_steps"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Steps and walking minutes of one person on one day; steps outside 0..100000 are invalid by the city's definition and quarantined",
    )
    t_conform__points_transactions = BashOperator(
        task_id="conform__points_transactions",
        bash_command=run_job("conform.points_transactions"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="One cashless or point transaction per row with panel weight, merchant and location",
    )
    t_conform__disaster_checkins = BashOperator(
        task_id="conform__disaster_checkins",
        bash_command=run_job("conform.disaster_checkins"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="One check-in or check-out of a person at a designated shelter",
    )
    t_conform__disaster_inventory = BashOperator(
        task_id="conform__disaster_inventory",
        bash_command=run_job("conform.disaster_inventory"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="One stock count of one supply item at one shelter",
    )
    t_conform__disaster_drone_flights = BashOperator(
        task_id="conform__disaster_drone_flights",
        bash_command=run_job("conform.disaster_drone_flights"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="One drone flight from a depot to a shelter with payload and outcome",
    )
    t_conform__disaster_alerts = BashOperator(
        task_id="conform__disaster_alerts",
        bash_command=run_job("conform.disaster_alerts"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="One evacuation alert (level 1-5) with its area polygon and validity",
    )
    t_conform__surveys_responses = BashOperator(
        task_id="conform__surveys_responses",
        bash_command=run_job("conform.surveys_responses"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="One answer of one respondent to one survey question",
    )
    t_kpi__walking_minutes = BashOperator(
        task_id="kpi__walking_minutes",
        bash_command=run_job("kpi.walking_minutes"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold walking_minutes_avg per municipality and day/month from silver.points_steps",
    )
    t_kpi__car_daily_share = BashOperator(
        task_id="kpi__car_daily_share",
        bash_command=run_job("kpi.car_daily_share"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold car_daily_share per municipality and day/month from silver.transit_trip_diary",
    )
    t_kpi__tourism = BashOperator(
        task_id="kpi__tourism",
        bash_command=run_job("kpi.tourism"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold tourism_spend_yen and visitors per municipality and day/month/year from silver.points_transactions",
    )
    t_kpi__bus_wait = BashOperator(
        task_id="kpi__bus_wait",
        bash_command=run_job("kpi.bus_wait"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold bus_wait_minutes_avg per municipality, route and hour, and per municipality and day, from silver taps and arrivals",
    )
    t_kpi__ridership = BashOperator(
        task_id="kpi__ridership",
        bash_command=run_job("kpi.ridership"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold ridership (board taps) per route, stop and hour, and per municipality and day, from silver.transit_taps",
    )
    t_kpi__survey_shares = BashOperator(
        task_id="kpi__survey_shares",
        bash_command=run_job("kpi.survey_shares"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold survey shares (elderly feeling safe, satisfaction, continuation intent) per municipality and survey",
    )
    t_kpi__shelter_days_to_shortage = BashOperator(
        task_id="kpi__shelter_days_to_shortage",
        bash_command=run_job("kpi.shelter_days_to_shortage"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold shelter_days_to_shortage per shelter, item and stock count",
    )
    t_kpi__drone_delivery = BashOperator(
        task_id="kpi__drone_delivery",
        bash_command=run_job("kpi.drone_delivery"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold drone_delivery_success per municipality and day from silver.disaster_drone_flights",
    )
    t_kpi__sensors = BashOperator(
        task_id="kpi__sensors",
        bash_command=run_job("kpi.sensors"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold snow_depth_max per municipality and day and people_flow per municipality and hour from silver.sensors_observations",
    )
    t_kpi__catalogue = BashOperator(
        task_id="kpi__catalogue",
        bash_command=run_job("kpi.catalogue"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold KPI catalogue: definition, baseline, target, latest value and on-track status per KPI and municipality",
    )
    t_spatial__locate_points = BashOperator(
        task_id="spatial__locate_points",
        bash_command=run_job("spatial.locate_points"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Silver located_points: sensors, stops, merchants and shelters with their ward (Sedona join to silver.ref_boundaries), JIS mesh codes and H3 cell",
    )
    t_spatial__people_flow = BashOperator(
        task_id="spatial__people_flow",
        bash_command=run_job("spatial.people_flow"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold people_flow per ward, JIS mesh and H3 cell and hour from silver.sensors_observations (Sedona join to silver.ref_boundaries)",
    )
    t_spatial__snow_by_ward = BashOperator(
        task_id="spatial__snow_by_ward",
        bash_command=run_job("spatial.snow_by_ward"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold snow_depth_max per ward and day with a snow-removal priority rank from silver.sensors_observations (Sedona join to silver.ref_boundaries)",
    )
    t_spatial__tourism_by_mesh = BashOperator(
        task_id="spatial__tourism_by_mesh",
        bash_command=run_job("spatial.tourism_by_mesh"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold tourism_spend_yen per JIS 1 km and 500 m square and day from silver.points_transactions",
    )
    t_spatial__ridership_by_stop = BashOperator(
        task_id="spatial__ridership_by_stop",
        bash_command=run_job("spatial.ridership_by_stop"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold bus boardings per stop and day with location, ward and mesh from silver.transit_taps and silver.located_points",
    )
    t_spatial__shelter_load = BashOperator(
        task_id="spatial__shelter_load",
        bash_command=run_job("spatial.shelter_load"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold shelter_load_daily: peak headcount / capacity per shelter and day with location, from silver.disaster_checkins and silver.located_points",
    )
    t_spatial__areas = BashOperator(
        task_id="spatial__areas",
        bash_command=run_job("spatial.areas"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Gold spatial_areas: polygons of the wards, JIS squares and H3 cells of the spatial gold tables",
    )
    t_publish__register_tables = BashOperator(
        task_id="publish__register_tables",
        bash_command=run_job("publish.register_tables"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="Register bronze, silver and gold Delta tables in the metastore by layer",
    )
    t_report__kpi_report = BashOperator(
        task_id="report__kpi_report",
        bash_command=run_job("report.kpi_report"),
        skip_on_exit_code=NOTHING_TO_RUN,
        doc_md="KPI report of the day for policy officers: HTML in Japanese and English under reports/<day>/",
    )

    # one line per edge of the pipeline graph: upstream >> downstream
    t_ingest__transit_gtfs >> t_conform__transit_gtfs
    t_ingest__sensors_observations >> t_conform__sensors_observations
    t_conform__reference >> t_conform__sensors_observations
    t_ingest__transit_taps >> t_conform__transit_taps
    t_conform__transit_gtfs >> t_conform__transit_taps
    t_ingest__transit_arrivals >> t_conform__transit_arrivals
    t_conform__transit_gtfs >> t_conform__transit_arrivals
    t_ingest__transit_trip_diary >> t_conform__transit_trip_diary
    t_ingest__points_steps >> t_conform__points_steps
    t_ingest__points_transactions >> t_conform__points_transactions
    t_conform__reference >> t_conform__points_transactions
    t_ingest__disaster_checkins >> t_conform__disaster_checkins
    t_conform__reference >> t_conform__disaster_checkins
    t_ingest__disaster_inventory >> t_conform__disaster_inventory
    t_conform__reference >> t_conform__disaster_inventory
    t_ingest__disaster_drone_flights >> t_conform__disaster_drone_flights
    t_conform__reference >> t_conform__disaster_drone_flights
    t_ingest__disaster_alerts >> t_conform__disaster_alerts
    t_ingest__surveys_responses >> t_conform__surveys_responses
    t_conform__points_steps >> t_kpi__walking_minutes
    t_conform__transit_trip_diary >> t_kpi__car_daily_share
    t_conform__points_transactions >> t_kpi__tourism
    t_conform__transit_taps >> t_kpi__bus_wait
    t_conform__transit_arrivals >> t_kpi__bus_wait
    t_conform__transit_gtfs >> t_kpi__bus_wait
    t_conform__transit_taps >> t_kpi__ridership
    t_conform__transit_gtfs >> t_kpi__ridership
    t_conform__surveys_responses >> t_kpi__survey_shares
    t_conform__disaster_inventory >> t_kpi__shelter_days_to_shortage
    t_conform__disaster_checkins >> t_kpi__shelter_days_to_shortage
    t_conform__reference >> t_kpi__shelter_days_to_shortage
    t_conform__disaster_drone_flights >> t_kpi__drone_delivery
    t_conform__reference >> t_kpi__drone_delivery
    t_conform__sensors_observations >> t_kpi__sensors
    t_conform__reference >> t_kpi__catalogue
    t_kpi__walking_minutes >> t_kpi__catalogue
    t_kpi__car_daily_share >> t_kpi__catalogue
    t_kpi__tourism >> t_kpi__catalogue
    t_kpi__bus_wait >> t_kpi__catalogue
    t_kpi__ridership >> t_kpi__catalogue
    t_kpi__survey_shares >> t_kpi__catalogue
    t_kpi__shelter_days_to_shortage >> t_kpi__catalogue
    t_kpi__drone_delivery >> t_kpi__catalogue
    t_kpi__sensors >> t_kpi__catalogue
    t_conform__reference >> t_spatial__locate_points
    t_conform__transit_gtfs >> t_spatial__locate_points
    t_conform__sensors_observations >> t_spatial__people_flow
    t_conform__reference >> t_spatial__people_flow
    t_kpi__sensors >> t_spatial__people_flow
    t_conform__sensors_observations >> t_spatial__snow_by_ward
    t_conform__reference >> t_spatial__snow_by_ward
    t_conform__points_transactions >> t_spatial__tourism_by_mesh
    t_kpi__tourism >> t_spatial__tourism_by_mesh
    t_conform__transit_taps >> t_spatial__ridership_by_stop
    t_spatial__locate_points >> t_spatial__ridership_by_stop
    t_conform__transit_gtfs >> t_spatial__ridership_by_stop
    t_kpi__ridership >> t_spatial__ridership_by_stop
    t_conform__disaster_checkins >> t_spatial__shelter_load
    t_spatial__locate_points >> t_spatial__shelter_load
    t_conform__reference >> t_spatial__shelter_load
    t_conform__reference >> t_spatial__areas
    t_spatial__people_flow >> t_spatial__areas
    t_spatial__tourism_by_mesh >> t_spatial__areas
    t_ingest__sensors_observations >> t_publish__register_tables
    t_ingest__transit_taps >> t_publish__register_tables
    t_ingest__transit_arrivals >> t_publish__register_tables
    t_ingest__transit_trip_diary >> t_publish__register_tables
    t_ingest__points_steps >> t_publish__register_tables
    t_ingest__points_transactions >> t_publish__register_tables
    t_ingest__disaster_checkins >> t_publish__register_tables
    t_ingest__disaster_inventory >> t_publish__register_tables
    t_ingest__disaster_drone_flights >> t_publish__register_tables
    t_ingest__disaster_alerts >> t_publish__register_tables
    t_ingest__surveys_responses >> t_publish__register_tables
    t_ingest__transit_gtfs >> t_publish__register_tables
    t_conform__transit_gtfs >> t_publish__register_tables
    t_conform__sensors_observations >> t_publish__register_tables
    t_conform__transit_taps >> t_publish__register_tables
    t_conform__transit_arrivals >> t_publish__register_tables
    t_conform__transit_trip_diary >> t_publish__register_tables
    t_conform__points_steps >> t_publish__register_tables
    t_conform__points_transactions >> t_publish__register_tables
    t_conform__disaster_checkins >> t_publish__register_tables
    t_conform__disaster_inventory >> t_publish__register_tables
    t_conform__disaster_drone_flights >> t_publish__register_tables
    t_conform__disaster_alerts >> t_publish__register_tables
    t_conform__surveys_responses >> t_publish__register_tables
    t_conform__reference >> t_publish__register_tables
    t_kpi__walking_minutes >> t_publish__register_tables
    t_kpi__car_daily_share >> t_publish__register_tables
    t_kpi__tourism >> t_publish__register_tables
    t_kpi__bus_wait >> t_publish__register_tables
    t_kpi__ridership >> t_publish__register_tables
    t_kpi__drone_delivery >> t_publish__register_tables
    t_kpi__sensors >> t_publish__register_tables
    t_spatial__people_flow >> t_publish__register_tables
    t_spatial__snow_by_ward >> t_publish__register_tables
    t_spatial__tourism_by_mesh >> t_publish__register_tables
    t_spatial__ridership_by_stop >> t_publish__register_tables
    t_kpi__survey_shares >> t_publish__register_tables
    t_kpi__shelter_days_to_shortage >> t_publish__register_tables
    t_kpi__catalogue >> t_publish__register_tables
    t_spatial__locate_points >> t_publish__register_tables
    t_spatial__shelter_load >> t_publish__register_tables
    t_spatial__areas >> t_publish__register_tables
    t_kpi__catalogue >> t_report__kpi_report
    t_kpi__walking_minutes >> t_report__kpi_report
    t_kpi__car_daily_share >> t_report__kpi_report
    t_kpi__tourism >> t_report__kpi_report
    t_kpi__bus_wait >> t_report__kpi_report
    t_kpi__ridership >> t_report__kpi_report
    t_kpi__drone_delivery >> t_report__kpi_report
    t_kpi__sensors >> t_report__kpi_report
    t_spatial__people_flow >> t_report__kpi_report
    t_spatial__snow_by_ward >> t_report__kpi_report
    t_spatial__tourism_by_mesh >> t_report__kpi_report
    t_spatial__ridership_by_stop >> t_report__kpi_report
    t_kpi__survey_shares >> t_report__kpi_report
    t_kpi__shelter_days_to_shortage >> t_report__kpi_report
    t_spatial__areas >> t_report__kpi_report
    t_conform__sensors_observations >> t_report__kpi_report
    t_conform__transit_taps >> t_report__kpi_report
    t_conform__transit_arrivals >> t_report__kpi_report
    t_conform__transit_trip_diary >> t_report__kpi_report
    t_conform__points_steps >> t_report__kpi_report
    t_conform__points_transactions >> t_report__kpi_report
    t_conform__disaster_checkins >> t_report__kpi_report
    t_conform__disaster_inventory >> t_report__kpi_report
    t_conform__disaster_drone_flights >> t_report__kpi_report
    t_conform__disaster_alerts >> t_report__kpi_report
    t_conform__surveys_responses >> t_report__kpi_report
