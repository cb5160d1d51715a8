"""A task that fails after its retries posts one notice to Slack, without the token in it or in the logs."""

from __future__ import annotations

import json
import logging

import pytest

from tests.airflow.conftest import run_dag
from tests.support.slack_server import SlackStandIn


def fail_fast(dag):
    # The production retries back off for minutes; this run fails on the first try.
    for task in dag.tasks:
        task.retries = 0
    return dag


@pytest.mark.parametrize("route", ["connection", "environment"])
def test_failed_task_posts_one_notice(route, dagbag, marketmon_env, monkeypatch, caplog):
    missing = marketmon_env / "no-such-config.yaml"
    monkeypatch.setenv("MARKETMON_CONFIG", str(missing))
    with SlackStandIn() as slack:
        if route == "connection":  # the Slack provider's notifier through the slack_api_default connection
            monkeypatch.setenv("AIRFLOW_CONN_SLACK_API_DEFAULT", json.dumps(
                {"conn_type": "slack", "password": slack.token, "extra": {"base_url": slack.base_url}}))
            monkeypatch.setenv("MARKETMON_NOTICE_CHANNEL", slack.channel)
        else:  # no connection: the project's own SLACK_* settings
            for name, value in slack.bot_env().items():
                monkeypatch.setenv(name, value)
        with caplog.at_level(logging.DEBUG):
            states = run_dag(fail_fast(dagbag.dags["ingest_news"]))
        assert states == {"<run>": "failed", "fetch": "failed", "announce": "upstream_failed"}
        assert len(slack.messages) == 1
        text = slack.messages[0]["text"]
        assert "ingest_news.fetch" in text and "after 1 tries" in text
        assert f"ConfigError: {missing}: no such config file" in text
        assert slack.token not in text
        assert slack.token not in caplog.text


def test_without_slack_the_notice_is_only_logged(dagbag, marketmon_env, monkeypatch, caplog):
    monkeypatch.setenv("MARKETMON_CONFIG", str(marketmon_env / "missing.yaml"))
    with caplog.at_level(logging.WARNING, logger="marketmon_airflow.notices"):
        states = run_dag(fail_fast(dagbag.dags["maintenance"]))
    # The snapshot task runs after a failure upstream too (trigger rule all_done), and fails the same way.
    assert states == {"<run>": "failed", "source_health": "failed", "checkpoint": "upstream_failed",
                      "publish_snapshot": "failed"}
    assert "no Slack configured; notice: :rotating_light: marketmon task failed" in caplog.text
    assert "maintenance.source_health" in caplog.text and "maintenance.publish_snapshot" in caplog.text
