"""maintenance: daily source-health digest, checkpoint, and the analysts' snapshot."""

from __future__ import annotations

from airflow.sdk import CronTriggerTimetable, dag, task
from marketmon_airflow.defaults import dag_options
from marketmon_airflow.notices import post_notice
from marketmon_airflow.runtime import load_run_config
from marketmon_airflow.tasks import publish_snapshot


@dag(
    dag_id="maintenance",
    schedule=CronTriggerTimetable("15 4 * * *", timezone="UTC"),
    **dag_options("maintenance", timeout_minutes=30),
    doc_md="""
### maintenance

Daily. `source_health` reads the `source_health` view and posts one digest of the sources that keep
failing to Slack (the `slack_api_default` connection, else the `SLACK_*` settings; nothing when all are
healthy); `checkpoint` folds DuckDB's write-ahead log into the file; `publish_snapshot` refreshes the read-only
copy that `marketmon query` reads. Every task runs in the `marketmon_duckdb` pool.
""",
)
def maintenance():
    @task
    def source_health() -> dict:
        """Post a digest of failing sources (nothing when all are healthy)."""
        from pipeline.stages import source_health_digest

        digest = source_health_digest(load_run_config())
        digest["posted"] = bool(digest["text"]) and post_notice(digest["text"])
        return digest

    @task
    def checkpoint() -> None:
        """Fold the write-ahead log into the database file."""
        from storage.snapshot import checkpoint as checkpoint_db

        checkpoint_db(load_run_config().db)

    source_health() >> checkpoint() >> publish_snapshot()


maintenance()
