"""Every DAG runs to success with Airflow's real dag.test() on the bundled sample config."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb

from tests.airflow.conftest import asset_events, clear_asset_history, queued_runs, run_dag

HOUR = datetime(2026, 1, 20, 9, 0, tzinfo=UTC)
SAMPLE_DOCUMENTS = 9  # files in pipeline/samples/inbox


def query(db, sql: str, params=None) -> list[tuple]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return conn.execute(sql, params or []).fetchall()
    finally:
        conn.close()


def test_every_dag_succeeds_and_the_assets_chain_them(dagbag, marketmon_env):
    clear_asset_history()
    db = marketmon_env / "marketmon.duckdb"
    dags = dagbag.dags

    states = run_dag(dags["ingest_news"], logical_date=HOUR)
    assert states == {"<run>": "success", "fetch": "success", "announce": "success"}
    (event,) = asset_events("marketmon_news_documents")
    inbox_and_feed = query(db, "SELECT count(*) FROM documents")[0][0]
    assert event["inserted"] == inbox_and_feed > SAMPLE_DOCUMENTS  # the inbox and the recorded feed
    assert event["pending"] == query(db, "SELECT count(*) FROM documents WHERE status = 'new'")[0][0]
    assert event["source_errors"] == []
    assert queued_runs("extract_metrics") == 1
    # The run's window end is every write's time: the documents carry it, not the wall clock.
    assert query(db, "SELECT DISTINCT fetched_at FROM documents") == [(HOUR.replace(tzinfo=None),)]

    assert run_dag(dags["ingest_filings"], logical_date=HOUR)["<run>"] == "success"
    assert {r[0] for r in query(db, "SELECT DISTINCT kind FROM source_state")} >= {"inbox", "rss", "hkex"}
    states = run_dag(dags["ingest_token_stats"], logical_date=HOUR)
    assert states["<run>"] == "success" and states["fetch"] == "success"

    states = run_dag(dags["extract_metrics"], logical_date=None)
    assert states == {"<run>": "success", "extract": "success", "announce": "success",
                      "publish_snapshot": "success"}
    assert query(db, "SELECT count(*) FROM documents WHERE status = 'new'") == [(0,)]
    (metrics_event,) = asset_events("marketmon_metrics")
    metric_rows = query(db, "SELECT count(*) FROM metrics")[0][0]
    assert metrics_event["metrics_changed"] == metric_rows > 0
    assert len(metrics_event["changed_keys"]) == min(metric_rows, 50)
    assert metrics_event["undelivered"] == query(db, "SELECT count(*) FROM alerts")[0][0] > 0
    assert queued_runs("deliver_alerts") == 1

    states = run_dag(dags["deliver_alerts"], logical_date=None)
    assert states == {"<run>": "success", "deliver": "success", "publish_snapshot": "success"}
    assert query(db, "SELECT DISTINCT status FROM alerts") == [("sent",)]

    states = run_dag(dags["ingest_inbox"], logical_date=None)
    assert states == {"<run>": "success", "fetch": "success", "announce": "skipped"}  # nothing new

    states = run_dag(dags["maintenance"], logical_date=HOUR)
    assert states == {"<run>": "success", "source_health": "success", "checkpoint": "success",
                      "publish_snapshot": "success"}

    commands = query(db, "SELECT command, status FROM runs ORDER BY command")
    assert ("extract", "ok") in commands and ("deliver", "ok") in commands
    assert all(status == "ok" for _, status in commands)
    snapshot = marketmon_env / "marketmon.snapshot.duckdb"
    assert query(snapshot, "SELECT count(*) FROM alerts WHERE status = 'sent'") == \
        query(db, "SELECT count(*) FROM alerts WHERE status = 'sent'")


def test_a_backfilled_window_run_twice_changes_nothing(dagbag, marketmon_env):
    clear_asset_history()
    db = marketmon_env / "marketmon.duckdb"
    dags = dagbag.dags
    state_sql = "SELECT id, content_hash, fetched_at, status FROM documents ORDER BY id"
    sources_sql = "SELECT source, last_success, last_attempt, validators FROM source_state ORDER BY source"

    first = run_dag(dags["ingest_news"], logical_date=HOUR)
    assert first == {"<run>": "success", "fetch": "success", "announce": "success"}
    documents, sources = query(db, state_sql), query(db, sources_sql)
    assert run_dag(dags["extract_metrics"], logical_date=HOUR)["<run>"] == "success"
    metrics = query(db, "SELECT company, metric, period, value, updated_at FROM metrics ORDER BY ALL")
    alerts = query(db, "SELECT key FROM alerts ORDER BY key")

    again = run_dag(dags["ingest_news"], logical_date=HOUR)
    assert again == {"<run>": "success", "fetch": "success", "announce": "skipped"}
    assert len(asset_events("marketmon_news_documents")) == 1  # no second event, so no second extract run
    assert query(db, "SELECT id, content_hash, fetched_at FROM documents ORDER BY id") == \
        [row[:3] for row in documents]
    assert query(db, sources_sql) == sources
    states = run_dag(dags["extract_metrics"], logical_date=HOUR)
    assert states["<run>"] == "success"
    assert query(db, "SELECT company, metric, period, value, updated_at FROM metrics ORDER BY ALL") == metrics
    assert query(db, "SELECT key FROM alerts ORDER BY key") == alerts
