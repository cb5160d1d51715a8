"""Delivery through the real slack_sdk client against the loopback stand-in: digests, charts, exactly once
across re-runs and crashes, 429/500 handling, webhooks, escaping and secrets."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest

from alerts.delivery import deliver_pending, enqueue_alerts
from alerts.outbox import Evidence, Outgoing, store_alerts
from alerts.rules import Alert, evaluate_rules, load_rules
from alerts.slack import SlackBotSender, SlackWebhookSender, slack_sender_from_env
from pipeline.metrics import recompute_metrics
from pipeline.wiring import make_sender
from storage.db import connect
from tests.alerts.conftest import NOW, store
from tests.conftest import REPO

NAMES = {"zhipu": "Zhipu AI", "minimax": "MiniMax"}


class SimulatedCrash(BaseException):
    """Stands for the process dying: not an Exception, so nothing on the way catches it."""


def _sample_alerts(conn) -> int:
    """Store facts that raise 4 alerts: 3 for zhipu (mix shift x2, token milestone), 1 for minimax."""
    _, a = store(conn, "prospectus", [("zhipu", "revenue_share.cloud", "2025H1", 15.2, "%"),
                                      ("zhipu", "revenue_share.on_premise", "2025H1", 84.8, "%"),
                                      ("zhipu", "daily_token_volume", "2025H1", 4.6e12, "tokens/day"),
                                      ("minimax", "revenue", "FY2023", 3_460_000, "USD")])
    _, b = store(conn, "annual", [("zhipu", "revenue_share.cloud", "FY2025", 28, "%"),
                                  ("zhipu", "revenue_share.on_premise", "FY2025", 72, "%"),
                                  ("zhipu", "daily_token_volume", "2026-03", 12e12, "tokens/day"),
                                  ("minimax", "revenue", "FY2024", 30_520_000, "USD")])
    changes = recompute_metrics(conn, a | b, NOW)
    return enqueue_alerts(conn, evaluate_rules(conn, load_rules(), changes, since=NOW), "run-1", NOW, NAMES)


def _status(conn):
    return conn.execute("SELECT company, status, attempts, slack_ts, digest_key FROM alerts ORDER BY company, key"
                        ).fetchall()


def _keys_posted(slack) -> list[str]:
    return [k for m in slack.messages for k in (m["metadata"] or {}).get("event_payload", {}).get("alerts", [])]


def _bot(slack, **kw) -> SlackBotSender:
    sleeps = kw.pop("sleeps", [])
    return slack_sender_from_env(slack.bot_env(), sleep=sleeps.append, **kw)


def test_one_digest_per_company_with_blocks_metadata_and_charts_in_the_thread(conn, slack, tmp_path):
    assert _sample_alerts(conn) == 4
    report = deliver_pending(conn, _bot(slack), NOW, chart_dir=tmp_path / "charts")
    assert (report.sent, report.messages, report.failed, report.charts) == (4, 2, 0, 4)
    assert len(slack.messages) == 2
    rows = _status(conn)
    by_ts = {m["ts"]: m for m in slack.messages}
    for _company, status, attempts, ts, digest in rows:
        assert (status, attempts) == ("sent", 1)
        message = by_ts[ts]
        assert message["metadata"]["event_type"] == "marketmon_alert"
        assert message["metadata"]["event_payload"]["key"] == digest
    zhipu = next(m for m in slack.messages if "Zhipu AI" in m["text"])
    assert zhipu["blocks"][0]["text"]["text"] == "Zhipu AI: 3 alerts"
    assert len(zhipu["metadata"]["event_payload"]["alerts"]) == 3
    assert sorted(_keys_posted(slack)) == sorted(k for (k,) in conn.execute("SELECT key FROM alerts").fetchall())
    # The charts went into each digest's thread, and to disk.
    assert len(slack.files) == 4
    assert all(f["content"].startswith(b"\x89PNG") and f["thread_ts"] in by_ts for f in slack.files)
    assert {f["channel"] for f in slack.files} == {slack.channel}
    paths = [p for (p,) in conn.execute("SELECT chart_path FROM alerts WHERE chart_path IS NOT NULL").fetchall()]
    assert len(paths) == 4 and all((tmp_path / "charts").joinpath(p.rsplit("/", 1)[-1]).is_file() for p in paths)


@pytest.mark.parametrize("policy", ["never", "auto-webhook"])
def test_no_chart_is_drawn_where_it_cannot_or_should_not_be_shown(conn, slack, tmp_path, policy):
    _sample_alerts(conn)
    env = slack.bot_env() if policy == "never" else slack.webhook_env()
    report = deliver_pending(conn, make_sender(env), NOW, chart_dir=tmp_path / "charts",
                             charts="never" if policy == "never" else "auto")
    assert (report.sent, report.messages, report.charts) == (4, 2, 0)
    assert slack.files == [] and slack.calls_to("files.getUploadURLExternal") == []
    assert not (tmp_path / "charts").exists()
    assert conn.execute("SELECT count(*) FROM alerts WHERE chart_path IS NOT NULL").fetchone()[0] == 0


def test_the_chart_policy_comes_from_the_config_file(tmp_path):
    from pipeline.config import ConfigError, load_config

    def config(alerts: str):
        path = tmp_path / "marketmon.yaml"
        path.write_text(f"watchlist:\n  - {{id: zhipu, names: [Zhipu]}}\nsources: []\n{alerts}", encoding="utf-8")
        return load_config(path)

    assert config("").charts == "auto"
    assert config("alerts: {charts: always}\n").charts == "always"
    assert config("alerts: {charts: off}\n").charts == "never"  # YAML reads a bare off as false
    with pytest.raises(ConfigError, match="alerts.charts: expected one of auto, always, never, got 'sometimes'"):
        config("alerts: {charts: sometimes}\n")


def test_a_second_run_sends_nothing(conn, slack):
    _sample_alerts(conn)
    deliver_pending(conn, _bot(slack), NOW)
    again = deliver_pending(conn, _bot(slack), NOW + timedelta(hours=1))
    assert (again.sent, again.messages, again.recovered) == (0, 0, 0)
    assert len(slack.messages) == 2
    assert slack.calls_to("conversations.history") == []  # nothing uncertain, nothing to look up


def test_a_crash_between_the_post_and_the_record_is_recovered_without_a_second_post(conn, slack):
    _sample_alerts(conn)

    def crash(digest, response):
        raise SimulatedCrash(response["ts"])

    with pytest.raises(SimulatedCrash):
        deliver_pending(conn, _bot(slack, after_post=crash), NOW)
    assert len(slack.messages) == 1  # the first digest went out...
    sending = [r for r in _status(conn) if r[1] == "sending"]
    assert sending and all(r[2] == 1 and r[3] is None for r in sending)  # ...but was not recorded
    report = deliver_pending(conn, _bot(slack), NOW + timedelta(hours=1))
    assert report.recovered == len(sending) and report.sent == 4 - len(sending)
    assert len(slack.messages) == 2
    assert sorted(_keys_posted(slack)) == sorted(k for (k,) in conn.execute("SELECT key FROM alerts").fetchall())
    assert all(r[1] == "sent" and r[3] for r in _status(conn))
    # The recovered alerts carry the ts of the message that did go out before the crash.
    assert {r[3] for r in _status(conn) if r[4] == slack.messages[0]["metadata"]["event_payload"]["key"]} == {
        slack.messages[0]["ts"]}


def test_a_killed_process_between_the_post_and_the_record_is_recovered(db_path, slack):
    conn = connect(db_path)
    from storage.db import migrate

    migrate(conn)
    _enqueue(conn, "minimax", 1)
    _enqueue(conn, "zhipu", 2)
    conn.close()
    script = textwrap.dedent(f"""
        import os, sys
        from datetime import datetime
        from alerts.delivery import deliver_pending
        from alerts.slack import slack_sender_from_env
        from storage.db import connect
        env = {slack.bot_env()!r}
        conn = connect({str(db_path)!r})
        sender = slack_sender_from_env(env, after_post=lambda digest, response: os._exit(17))
        deliver_pending(conn, sender, datetime(2026, 4, 1, 8, 0))
        sys.exit(0)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 17, done.stderr
    assert len(slack.messages) == 1
    conn = connect(db_path)
    try:
        assert {r[1] for r in _status(conn)} == {"sending", "pending"}
        report = deliver_pending(conn, _bot(slack), NOW + timedelta(hours=1))
        assert report.recovered >= 1 and report.failed == 0
        assert len(slack.messages) == 2
        assert sorted(_keys_posted(slack)) == sorted(k for (k,) in conn.execute("SELECT key FROM alerts").fetchall())
        assert {r[1] for r in _status(conn)} == {"sent"}
    finally:
        conn.close()


def test_429_waits_retry_after_and_a_longer_wait_is_left_for_the_next_run(conn, slack):
    _enqueue(conn, "minimax", 1)
    _enqueue(conn, "zhipu", 3)
    slack.fail_next(2, status=429, retry_after=3, methods={"chat.postMessage"})
    sleeps: list[float] = []
    report = deliver_pending(conn, _bot(slack, sleeps=sleeps), NOW)
    assert sleeps == [3.0, 3.0]
    assert (report.sent, report.failed) == (4, 0)
    assert slack.calls_to("chat.postMessage") == [429, 429, 200, 200]
    assert len(slack.messages) == 2

    more = _enqueue(conn, "deepseek", 1)
    slack.fail_next(1, status=429, retry_after=600, methods={"chat.postMessage"})
    report = deliver_pending(conn, _bot(slack, sleeps=sleeps), NOW)
    assert (report.sent, report.failed) == (0, 1) and sleeps == [3.0, 3.0]  # 10 minutes is too long to wait
    assert conn.execute("SELECT status, attempts, error FROM alerts WHERE key = ?", [more[0]]).fetchone() == (
        "failed", 1, "SlackError: chat.postMessage: ratelimited (HTTP 429)")
    report = deliver_pending(conn, _bot(slack), NOW + timedelta(hours=1))
    assert (report.sent, report.recovered) == (1, 0)
    assert len(slack.messages) == 3


def test_a_server_error_is_retried_next_run_after_checking_the_channel(conn, slack):
    _enqueue(conn, "minimax", 1)
    _enqueue(conn, "zhipu", 3)
    slack.fail_next(1, status=500, methods={"chat.postMessage"})
    report = deliver_pending(conn, _bot(slack), NOW)
    # minimax's digest goes first (companies in order) and meets the 500.
    assert (report.sent, report.failed, len(slack.messages)) == (3, 1, 1)
    assert conn.execute("SELECT status, attempts, error FROM alerts WHERE company = 'minimax'").fetchone() == (
        "failed", 1, "SlackError: chat.postMessage: internal_error (HTTP 500)")
    slack.calls.clear()
    report = deliver_pending(conn, _bot(slack), NOW + timedelta(hours=1))
    assert report.failed == 0 and report.recovered == 0
    assert [m for m, _ in slack.calls][:2] == ["conversations.history", "chat.postMessage"]
    assert len(slack.messages) == 2
    assert {r[1] for r in _status(conn)} == {"sent"}


def test_without_the_lookup_nothing_uncertain_is_resent(conn, slack):
    keys = _enqueue(conn, "zhipu", 2)
    conn.execute("UPDATE alerts SET status = 'sending', attempts = 1")  # as a crash leaves them
    slack.fail_next(1, status=500, methods={"conversations.history"})
    report = deliver_pending(conn, _bot(slack), NOW)
    assert (report.sent, report.failed) == (0, 2)
    assert slack.calls_to("chat.postMessage") == []
    errors = conn.execute("SELECT status, error FROM alerts WHERE list_contains(?, key)", [keys]).fetchall()
    assert all(s == "sending" and e.startswith("lookup failed, not resent: SlackError: conversations.history")
               for s, e in errors)
    report = deliver_pending(conn, _bot(slack), NOW + timedelta(hours=1))  # Slack is back: nothing was there
    assert report.sent == 2 and len(slack.messages) == 1


def test_the_lookup_pages_through_history(conn, slack):
    for i in range(250):  # other traffic in the channel, newer than nothing
        slack.messages.append({"ts": f"1.{i:06d}", "channel": slack.channel, "text": "chatter", "blocks": None,
                               "metadata": None, "thread_ts": None, "via": "api", "type": "message"})
    keys = _enqueue(conn, "zhipu", 1)
    sender = _bot(slack)
    sender.send(_digest_of(conn, keys))
    slack.messages.insert(0, slack.messages.pop())  # make ours the oldest message of the channel
    assert sender.find_delivered(keys) == {keys[0]: slack.messages[0]["ts"]}
    assert len(slack.calls_to("conversations.history")) == 2


def test_many_alerts_for_one_company_are_split_into_messages_slack_accepts(conn, slack):
    _enqueue(conn, "zhipu", 13, quote="很长的引文" * 1000)
    report = deliver_pending(conn, _bot(slack), NOW)
    assert (report.sent, report.messages, report.failed) == (13, 2, 0)
    assert [len(m["metadata"]["event_payload"]["alerts"]) for m in slack.messages] == [12, 1]


def test_a_hostile_article_reaches_slack_escaped(conn, slack):
    hostile = "<!channel> <!here> @everyone <http://evil.example|click>"
    _enqueue(conn, "zhipu", 1, quote=hostile, title=f"Zhipu: {hostile}", doc_title=hostile)
    deliver_pending(conn, _bot(slack), NOW)
    posted = json.dumps(slack.messages, ensure_ascii=False)
    for bad in ("<!channel>", "<!here>", "@everyone", "<http://evil.example"):
        assert bad not in posted


def test_webhook_delivery_and_an_interrupted_attempt_is_not_repeated(conn, slack):
    keys = _enqueue(conn, "zhipu", 2)
    sender = make_sender(slack.webhook_env())
    assert isinstance(sender, SlackWebhookSender)
    report = deliver_pending(conn, sender, NOW)
    assert (report.sent, report.messages) == (2, 1)
    (message,) = slack.messages
    assert message["via"] == "webhook" and message["blocks"][0]["text"]["text"] == "Zhipu AI: 2 alerts"
    assert sorted(message["metadata"]["event_payload"]["alerts"]) == sorted(keys)

    more = _enqueue(conn, "minimax", 1)
    conn.execute("UPDATE alerts SET status = 'sending', attempts = 1 WHERE key = ?", more)
    slack.fail_next(1, status=500, methods={"webhook"})
    failed = _enqueue(conn, "deepseek", 1)
    report = deliver_pending(conn, sender, NOW + timedelta(hours=1))
    assert (report.unconfirmed, report.failed, report.sent) == (1, 1, 0)
    assert conn.execute("SELECT status FROM alerts WHERE key = ?", more).fetchone() == ("unconfirmed",)
    assert conn.execute("SELECT status, error FROM alerts WHERE key = ?", failed).fetchone() == (
        "failed", 'SlackError: webhook: HTTP 500: {"ok": false, "error": "internal_error"}')
    report = deliver_pending(conn, sender, NOW + timedelta(hours=2))
    assert report.sent == 1 and len(slack.messages) == 2  # the definite failure is retried, once


def test_secrets_are_never_logged_nor_stored(conn, slack, caplog):
    caplog.set_level(logging.DEBUG)
    _enqueue(conn, "zhipu", 1)
    slack.fail_next(1, status=500, methods={"webhook", "chat.postMessage"})
    deliver_pending(conn, make_sender(slack.webhook_env()), NOW)
    deliver_pending(conn, make_sender(slack.bot_env()), NOW + timedelta(hours=1))
    stored = json.dumps(conn.execute("SELECT * FROM alerts").fetchall(), default=str)
    for secret in (slack.token, "secretwebhookpath"):
        assert secret not in caplog.text
        assert secret not in stored


def test_slack_settings_are_chosen_from_the_environment(slack):
    assert isinstance(make_sender(slack.bot_env()), SlackBotSender)
    assert make_sender({}).name == "console"
    with pytest.raises(ValueError, match="SLACK_CHANNEL is not"):
        make_sender({"SLACK_BOT_TOKEN": "xoxb-x"})


# --- helpers -----------------------------------------------------------------------------------------


def _enqueue(conn, company: str, n: int, *, quote="A sentence.", title=None, doc_title="A document") -> list[str]:
    keys = []
    for i in range(n):
        alert = Alert("test_rule", "medium", company, "revenue", f"FY{2000 + i}", 1e6 * (i + 1), "CNY",
                      "moved +60% since the year before")
        evidence = [Evidence(quote, "doc", "https://news.example.org/x", doc_title, 1e6)]
        store_alerts(conn, [Outgoing(alert, title or f"{company} alert {i}", "Body.", evidence,
                                     {"company_name": NAMES.get(company, company), "history": []})], "run-x", NOW)
        keys.append(alert.key)
    return keys


def _digest_of(conn, keys):
    from alerts.outbox import Digest, digest_key, pending_alerts

    alerts = [a for a in pending_alerts(conn) if a.key in keys]
    return Digest(digest_key(keys), alerts[0].company, "Zhipu AI", alerts)
