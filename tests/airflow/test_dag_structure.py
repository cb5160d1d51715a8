"""What each DAG promises: schedules, Assets, the DuckDB pool, retries with backoff, timeouts, docs."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.airflow.conftest import DAGS

WRITERS = {  # tasks that open the DuckDB file read-write
    "ingest_news": {"fetch"}, "ingest_filings": {"fetch"}, "ingest_token_stats": {"fetch"},
    "ingest_inbox": {"fetch"}, "extract_metrics": {"extract", "publish_snapshot"},
    "deliver_alerts": {"deliver", "publish_snapshot"},
    "maintenance": {"source_health", "checkpoint", "publish_snapshot"},
}


def schedule_assets(dag) -> list:
    """Return the Assets a DAG is scheduled on (through any AssetAny/AssetAll nesting)."""
    from airflow.sdk import Asset

    def walk(condition):
        return [condition] if isinstance(condition, Asset) else [a for o in condition.objects for a in walk(o)]

    return walk(dag.timetable.asset_condition)


@pytest.fixture(scope="module")
def dags():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS)).dags


def test_cron_schedules(dags):
    from airflow.sdk import CronTriggerTimetable

    expected = {"ingest_news": "0 * * * *", "ingest_filings": "*/15 * * * *", "ingest_token_stats": "30 2 * * *",
                "maintenance": "15 4 * * *"}
    for dag_id, cron in expected.items():
        timetable = dags[dag_id].timetable
        assert isinstance(timetable, CronTriggerTimetable), dag_id
        assert timetable.expression == cron
        assert dags[dag_id].catchup is False


def test_asset_chain(dags):
    from airflow.sdk import Asset

    def outlets(dag_id):
        return {a.name for t in dags[dag_id].tasks for a in t.outlets if isinstance(a, Asset)}

    def scheduled_on(dag_id):
        return {a.name for a in schedule_assets(dags[dag_id])}

    assert outlets("ingest_news") == outlets("ingest_inbox") == {"marketmon_news_documents"}
    assert outlets("ingest_filings") == {"marketmon_filing_documents"}
    assert outlets("ingest_token_stats") == {"marketmon_stats_documents"}
    assert scheduled_on("extract_metrics") == {"marketmon_news_documents", "marketmon_filing_documents",
                                               "marketmon_stats_documents"}
    assert outlets("extract_metrics") == {"marketmon_metrics"}
    assert scheduled_on("deliver_alerts") == {"marketmon_metrics"}
    assert scheduled_on("ingest_inbox") == {"marketmon_inbox"}


def test_inbox_asset_is_watched_by_the_project_trigger(dags):
    from pipeline.config import sample_config_path
    from pipeline.triggers import InboxTrigger

    (inbox,) = schedule_assets(dags["ingest_inbox"])
    assert len(inbox.watchers) == 1
    trigger = inbox.watchers[0].trigger
    assert isinstance(trigger, InboxTrigger)
    assert trigger.serialize() == ("pipeline.triggers.InboxTrigger",
                                   {"folder": str(sample_config_path().parent / "inbox"), "poll_interval": 5.0})


def test_every_writer_runs_in_the_one_slot_duckdb_pool(dags):
    for dag_id, writers in WRITERS.items():
        tasks = {t.task_id: t for t in dags[dag_id].tasks}
        assert writers <= set(tasks), dag_id
        for task_id, task in tasks.items():
            if task_id in writers:
                assert (task.pool, task.pool_slots) == ("marketmon_duckdb", 1), (dag_id, task_id)
            else:  # announcing an Asset touches no database and must not wait for the pool
                assert task.pool == "default_pool", (dag_id, task_id)


def test_retries_backoff_timeouts_failure_notice_tags_and_docs(dags):
    from marketmon_airflow.notices import notify_failure

    assert set(dags) == set(WRITERS)
    for dag_id, dag in dags.items():
        assert "marketmon" in dag.tags and len(dag.tags) == 2, dag_id
        assert dag.doc_md and f"### {dag_id}" in dag.doc_md
        assert dag.max_active_runs == 1
        for task in dag.tasks:
            assert task.retries == 3, (dag_id, task.task_id)
            assert task.retry_delay == timedelta(minutes=1)
            assert task.retry_exponential_backoff == 2.0
            assert task.max_retry_delay == timedelta(minutes=15)
            assert timedelta(minutes=15) <= task.execution_timeout <= timedelta(minutes=60)
            assert notify_failure in task.on_failure_callback


def test_extract_metrics_gate_param(dags):
    params = dags["extract_metrics"].params
    assert params["gate"] is True
    assert params.get_param("gate").schema["type"] == "boolean"
