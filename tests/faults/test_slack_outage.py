"""A Slack outage through the real `marketmon run`: the stand-in answers 500 and 429 for a while; the alerts stay
in the outbox (failed, with the reason), and once Slack is back each is delivered exactly once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.faults.conftest import (
    assert_clean,
    copy_samples,
    read_db,
    record_figure,
    run_marketmon,
    write_config,
)


def _per_key(slack) -> Counter:
    counts: Counter = Counter()
    for message in slack.messages:
        for key in ((message.get("metadata") or {}).get("event_payload") or {}).get("alerts") or []:
            counts[key] += 1
    return counts


def test_alerts_wait_out_an_outage_then_go_out_once(tmp_path: Path, slack):
    inbox = tmp_path / "inbox"
    copy_samples(inbox)
    config = write_config(tmp_path, sources=[{"kind": "inbox", "id": "inbox", "path": str(inbox)}])
    db = tmp_path / "marketmon.duckdb"
    env = slack.bot_env()

    # Run 1: every post answers 500.
    slack.fail_next(1000, status=500, methods={"chat.postMessage"})
    first = run_marketmon("run", "--config", str(config), cwd=tmp_path, env=env)
    assert_clean(first)
    statuses = dict(read_db(db, "SELECT status, count(*) FROM alerts GROUP BY status"))
    assert statuses.get("failed", 0) >= 1 and not statuses.get("sent")
    assert not slack.messages
    errors = {e for (e,) in read_db(db, "SELECT error FROM alerts WHERE status = 'failed'")}
    assert all("500" in e or "internal_error" in e for e in errors), errors
    keys = {k for (k,) in read_db(db, "SELECT key FROM alerts WHERE status = 'failed'")}

    # Run 2: rate limited with a Retry-After longer than the sender waits, on every call: still nothing lost.
    slack.reset()
    slack.fail_next(1000, status=429, retry_after=3600)
    second = run_marketmon("run", "--config", str(config), cwd=tmp_path, env=env)
    assert_clean(second)
    assert not slack.messages
    assert {k for (k,) in read_db(db, "SELECT key FROM alerts WHERE status IN ('failed', 'pending')")} == keys

    # Run 3: Slack is back after two short 429s: each alert is delivered, once.
    slack.reset()
    slack.fail_next(2, status=429, retry_after=1)
    third = run_marketmon("run", "--config", str(config), cwd=tmp_path, env=env)
    assert_clean(third)
    assert {k for (k,) in read_db(db, "SELECT key FROM alerts WHERE status = 'sent'")} == keys
    assert _per_key(slack) == Counter({k: 1 for k in keys})

    # Run 4: nothing is sent again.
    before = len(slack.messages)
    fourth = run_marketmon("run", "--config", str(config), cwd=tmp_path, env=env)
    assert_clean(fourth)
    assert len(slack.messages) == before
    record_figure(f"slack outage: {len(keys)} alerts held through a 500 outage and a 429 outage, then each delivered "
                  f"once ({len(slack.messages)} messages); runs {first.seconds:.1f}/{second.seconds:.1f}/"
                  f"{third.seconds:.1f}/{fourth.seconds:.1f} s")
