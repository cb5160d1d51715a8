"""End to end through Airflow: a document dropped in the inbox ends as exactly one Slack message.

The inbox trigger sees the file; its event goes through Airflow's own Trigger.submit_event (what the
triggerer does), which records the inbox Asset event and queues ingest_inbox; each DAG then runs with
dag.test(logical_date=None), as an asset-triggered run, and its Asset event queues the next one.
The message goes through the real slack_sdk client to a loopback Slack stand-in.
"""

from __future__ import annotations

import asyncio
import shutil

import duckdb
import yaml

from pipeline.config import sample_config_path
from tests.airflow.conftest import DAGS, asset_events, clear_asset_history, queued_runs, run_dag
from tests.support.slack_server import SlackStandIn

DOCUMENT = sample_config_path().parent / "inbox" / "2026-03-31-zhipu-annual-results.md"


def write_config(folder) -> str:
    """The sample watchlist with one source: an inbox folder of our own."""
    data = yaml.safe_load(sample_config_path().read_text(encoding="utf-8"))
    data["sources"] = [{"kind": "inbox", "id": "drop", "path": "inbox"}]
    data.pop("db", None)
    path = folder / "marketmon.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


async def first_event(trigger):
    events = trigger.run()
    try:
        return await asyncio.wait_for(events.__anext__(), 30)
    finally:
        await events.aclose()


def inbox_trigger_id(folder) -> int:
    from airflow.models.trigger import Trigger
    from airflow.utils.session import create_session

    with create_session() as session:
        rows = session.query(Trigger).filter(Trigger.classpath == "pipeline.triggers.InboxTrigger").all()
        return next(t.id for t in rows if t.kwargs.get("folder") == str(folder))


def test_a_dropped_document_reaches_slack_exactly_once(marketmon_env, monkeypatch):
    from airflow.dag_processing.bundles.manager import DagBundlesManager
    from airflow.dag_processing.dagbag import DagBag, sync_bag_to_db
    from airflow.models.trigger import Trigger

    clear_asset_history()
    inbox = marketmon_env / "inbox"
    inbox.mkdir()
    monkeypatch.setenv("MARKETMON_CONFIG", write_config(marketmon_env))
    db = marketmon_env / "marketmon.duckdb"
    with SlackStandIn() as slack:
        for name, value in slack.bot_env().items():
            monkeypatch.setenv(name, value)
        bag = DagBag(dag_folder=str(DAGS))
        assert bag.import_errors == {}
        DagBundlesManager().sync_bundles_to_db()
        sync_bag_to_db(bag, "dags-folder", None)  # what the DAG processor does: assets, watchers, triggers
        dags = bag.dags

        shutil.copy(DOCUMENT, inbox / DOCUMENT.name)
        watcher = dags["ingest_inbox"].timetable.asset_condition.watchers[0]
        event = asyncio.run(first_event(watcher.trigger))
        assert event.payload["path"] == DOCUMENT.name
        Trigger.submit_event(inbox_trigger_id(inbox), event)
        assert asset_events("marketmon_inbox") == [{"from_trigger": True, "payload": event.payload}]
        assert queued_runs("ingest_inbox") == 1

        assert run_dag(dags["ingest_inbox"], logical_date=None) == {
            "<run>": "success", "fetch": "success", "announce": "success"}
        (documents_event,) = asset_events("marketmon_news_documents")
        assert (documents_event["inserted"], documents_event["pending"]) == (1, 1)
        assert queued_runs("extract_metrics") == 1

        assert run_dag(dags["extract_metrics"], logical_date=None)["<run>"] == "success"
        (metrics_event,) = asset_events("marketmon_metrics")
        assert metrics_event["parsed"] == 1 and metrics_event["alerts_new"] == metrics_event["undelivered"] >= 1
        assert queued_runs("deliver_alerts") == 1
        assert slack.messages == []  # nothing is sent before deliver_alerts runs

        assert run_dag(dags["deliver_alerts"], logical_date=None) == {
            "<run>": "success", "deliver": "success", "publish_snapshot": "success"}
        assert len(slack.messages) == 1
        (message,) = slack.messages
        assert message["channel"] == slack.channel and message["via"] == "api"
        conn = duckdb.connect(str(db), read_only=True)
        try:
            sent = conn.execute("SELECT DISTINCT status, slack_ts FROM alerts").fetchall()
        finally:
            conn.close()
        assert sent == [("sent", message["ts"])]

        # The whole chain once more, as a retry or a duplicate event would run it: still one message.
        assert run_dag(dags["ingest_inbox"], logical_date=None)["announce"] == "skipped"
        assert run_dag(dags["extract_metrics"], logical_date=None)["announce"] == "skipped"
        assert run_dag(dags["deliver_alerts"], logical_date=None)["<run>"] == "success"
        assert len(slack.messages) == 1
        assert (inbox / DOCUMENT.name).exists()
