"""Tasks more than one DAG ends with."""

from __future__ import annotations

from airflow.sdk import task

from marketmon_airflow.runtime import load_run_config


@task(trigger_rule="all_done")
def publish_snapshot() -> str:
    """Publish the analysts' read-only snapshot of the database (also after a failed delivery: the outbox moved)."""
    from pipeline.stages import snapshot_stage

    return snapshot_stage(load_run_config())
