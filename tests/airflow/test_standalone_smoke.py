"""Smoke test (slow, opt-in): `make airflow`'s script starts Airflow standalone on loopback, and a document
dropped into the inbox travels triggerer -> ingest_inbox -> extract_metrics -> deliver_alerts -> Slack.

Skipped unless MARKETMON_AIRFLOW_SMOKE=1: it starts every Airflow component and takes minutes.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import requests

from tests.airflow.conftest import REPO
from tests.airflow.test_chain import DOCUMENT, write_config
from tests.support.slack_server import SlackStandIn

pytestmark = pytest.mark.skipif(os.environ.get("MARKETMON_AIRFLOW_SMOKE") != "1",
                                reason="set MARKETMON_AIRFLOW_SMOKE=1 to start Airflow standalone (minutes)")
PATIENCE = 420  # seconds for Airflow to start and for the message to arrive; a hang guard only


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, what: str, proc) -> None:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"airflow standalone exited with {proc.returncode} while waiting for {what}"
        if condition():
            return
        time.sleep(2)
    raise AssertionError(f"gave up waiting for {what}")


def api_up(port: int) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{port}/api/v2/version", timeout=5).ok
    except requests.RequestException:
        return False


def test_standalone_delivers_a_dropped_document_to_slack(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    port = free_port()
    airflow_home = tmp_path / "airflow"
    with SlackStandIn() as slack:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "SLACK_", "MARKETMON_"))}
        env.update(slack.bot_env(), AIRFLOW_PORT=str(port), MARKETMON_AIRFLOW_HOME=str(airflow_home),
                   MARKETMON_CONFIG=write_config(tmp_path), MARKETMON_DB=str(tmp_path / "marketmon.duckdb"))
        log = open(tmp_path / "standalone.log", "wb")
        proc = subprocess.Popen(["bash", str(REPO / "scripts" / "airflow-standalone.sh")], cwd=tmp_path, env=env,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_for(lambda: api_up(port), "the API server", proc)
            assert (airflow_home / "simple_auth_manager_passwords.json.generated").is_file()
            shutil.copy(DOCUMENT, inbox / DOCUMENT.name)
            wait_for(lambda: len(slack.messages) >= 1, "the Slack message", proc)
            time.sleep(10)  # a duplicate would arrive in this time; there must be none
            assert len(slack.messages) == 1
            assert slack.messages[0]["channel"] == slack.channel
            assert (tmp_path / "marketmon.snapshot.duckdb").is_file()
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=30)
            log.close()
            print((tmp_path / "standalone.log").read_text(errors="replace")[-5000:])
