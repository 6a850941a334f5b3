"""citylake weekly maintenance: compaction (OPTIMIZE) and VACUUM of every lake table.

Runs `citylake maintain` on Sunday 06:00 Asia/Tokyo. The nightly DAG's run triggers at 02:00 JST,
and maintenance must not overlap it: a compaction that rewrites a partition a night is replacing
makes one of the two fail. The task therefore waits for that morning's nightly run to succeed.

VACUUM keeps files that versions of the last 7 days read (`--retain-days 7`, Delta's safety
minimum): time travel reaches back 7 days. See README.md, "Maintenance".
"""
from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.sensors.external_task import ExternalTaskSensor
from airflow.timetables.trigger import CronTriggerTimetable

with DAG(
    dag_id="citylake_maintain",
    description="citylake weekly maintenance: OPTIMIZE and VACUUM every table",
    schedule=CronTriggerTimetable("0 6 * * 0", timezone="Asia/Tokyo"),
    start_date=pendulum.datetime(2026, 11, 1, tz="Asia/Tokyo"),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=timedelta(hours=6),
    default_args={"owner": "citylake", "retries": 1, "retry_delay": timedelta(minutes=30)},
    doc_md=__doc__,
    tags=["citylake"],
) as dag:
    nightly_done = ExternalTaskSensor(
        task_id="nightly_done",
        external_dag_id="citylake_nightly",
        external_task_id=None,  # the whole run of the nightly DAG
        # the nightly run triggered at 02:00 JST the same morning, four hours earlier
        execution_delta=timedelta(hours=4),
        mode="reschedule",
        timeout=int(timedelta(hours=4).total_seconds()),
    )
    maintain = BashOperator(
        task_id="maintain",
        bash_command=(
            "${CITYLAKE_CMD:-citylake} maintain --retain-days 7"
            ' --lake "${CITYLAKE_LAKE:?set CITYLAKE_LAKE to the lake root}"'
        ),
        execution_timeout=timedelta(hours=5),
    )
    nightly_done >> maintain
