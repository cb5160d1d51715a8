"""Crash consistency: `marketmon run` killed with SIGKILL at seeded random moments, again and again, on a
workload big enough that the kills land in different stages (the samples plus 300 generated documents, alerts
delivered to a Slack stand-in). After the kills a run completes, and the end state equals an uninterrupted
reference run: no duplicate document, fact or alert; nothing lost; each alert posted to Slack exactly once."""

from __future__ import annotations

import random
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.faults.conftest import (
    assert_clean,
    copy_samples,
    finish,
    kill9,
    read_db,
    record_figure,
    run_marketmon,
    running,
    start,
    write_config,
)
from tests.support.slack_server import SlackStandIn

SEED = 20260808
GENERATED = 120
EPISODES = 3
TRIALS_PER_EPISODE = 11
CHUNK = 12

FACTS_SQL = """SELECT regexp_extract(d.url, '[^/]+$') AS file, f.company, f.metric, f.period, f.value, f.unit,
                      f.span_start, f.reason IS NULL AS trusted
               FROM facts f JOIN documents d ON d.id = f.document_id"""


def _workload(inbox: Path) -> list[str]:
    """The samples plus generated relevant documents, each stating one headcount (distinct days, smooth values)."""
    names = copy_samples(inbox)
    start_day = date(2031, 1, 1)
    for i in range(GENERATED):
        day = start_day + timedelta(days=i)
        company = "智谱" if i % 2 == 0 else "MiniMax"
        path = inbox / f"gen-{i:03d}.txt"
        path.write_text(f"员工动态 第{i}号\n截至{day.year}年{day.month}月{day.day}日，{company}员工总数为{1000 + i}人。\n",
                        encoding="utf-8")
        names.append(path.name)
    return names


def _state(db: Path) -> dict:
    return {
        "files": read_db(db, "SELECT regexp_extract(url, '[^/]+$') FROM documents ORDER BY 1"),
        "statuses": dict(read_db(db, "SELECT status, count(*) FROM documents GROUP BY status")),
        "facts": sorted(read_db(db, FACTS_SQL)),
        "metrics": sorted(read_db(db, "SELECT company, metric, period, round(value, 6), unit, n_sources, conflict "
                                      "FROM metrics")),
        "alerts": dict(read_db(db, "SELECT key, status FROM alerts")),
    }


def _stage_of(db: Path, total_docs: int) -> str:
    """Name the stage a killed run was in, from what it left in the database."""
    if not db.exists():
        return "startup"
    try:
        docs, pending = read_db(db, "SELECT count(*), count(*) FILTER (status = 'new') FROM documents")[0]
        alerts = dict(read_db(db, "SELECT status, count(*) FROM alerts GROUP BY status"))
        unfinished = read_db(db, "SELECT count(*) FROM runs WHERE status = 'running'")[0][0]
    except Exception:  # noqa: BLE001 - killed before the schema was committed
        return "startup"
    if docs < total_docs:
        return "ingest"
    if pending:
        return "process"
    if alerts.get("pending") or alerts.get("sending") or alerts.get("failed"):
        return "delivery"
    if not alerts:
        return "recompute"
    return "after delivery" if unfinished else "finished"


def _messages_per_key(slack: SlackStandIn) -> Counter:
    counts: Counter = Counter()
    for message in slack.messages:
        payload = (message.get("metadata") or {}).get("event_payload") or {}
        for key in payload.get("alerts") or []:
            counts[key] += 1
    return counts


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """One uninterrupted run of the workload: its documents, facts, metrics, alerts and wall time."""
    folder = tmp_path_factory.mktemp("reference")
    inbox = folder / "inbox"
    names = _workload(inbox)
    config = write_config(folder, sources=[{"kind": "inbox", "id": "inbox", "path": str(inbox)}])
    with SlackStandIn() as slack:
        result = run_marketmon("run", "--config", str(config), cwd=folder, env=slack.bot_env())
        assert_clean(result)
        per_key = _messages_per_key(slack)
    state = _state(folder / "marketmon.duckdb")
    assert len(state["files"]) == len(names)
    sent = {k for k, s in state["alerts"].items() if s == "sent"}
    assert sent, "the workload must raise alerts, so that delivery is in play"
    assert all(per_key[k] == 1 for k in sent)
    record_figure(f"crash: reference run of {len(names)} documents, {len(state['facts'])} facts, {len(sent)} alerts: "
                  f"{result.seconds:.1f} s wall, peak RSS {result.peak_rss_mb:.0f} MB")
    return {"state": state, "seconds": result.seconds, "sent": sent, "names": names}


@pytest.mark.slow
def test_kill_9_at_random_moments_loses_nothing_and_duplicates_nothing(tmp_path: Path, reference):
    rng = random.Random(SEED)
    ref = reference["state"]
    total_docs = len(reference["names"])
    # Each trial gets new documents to work on (the samples first, then chunks of the generated ones), so that
    # kills land in every stage, not only in runs with nothing left to do.
    span = reference["seconds"] * 0.6
    stages: Counter = Counter()
    trials = kills = duplicates = 0
    for episode in range(EPISODES):
        folder = tmp_path / f"episode-{episode}"
        staging, inbox = folder / "staging", folder / "inbox"
        names = _workload(staging)
        inbox.mkdir()
        chunks = [names[:len(names) - GENERATED]] + [names[i:i + CHUNK] for i in range(len(names) - GENERATED,
                                                                                         len(names), CHUNK)]
        config = write_config(folder, sources=[{"kind": "inbox", "id": "inbox", "path": str(inbox)}])
        db = folder / "marketmon.duckdb"
        with SlackStandIn() as slack:
            env = slack.bot_env()
            for _ in range(TRIALS_PER_EPISODE):
                if chunks:
                    for name in chunks.pop(0):
                        (staging / name).rename(inbox / name)
                trials += 1
                proc = start(["run", "--config", str(config)], cwd=folder, env=env)
                deadline = time.monotonic() + rng.uniform(0.3, span)
                while running(proc) and time.monotonic() < deadline:
                    time.sleep(0.05)
                if running(proc):
                    kill9(proc)
                    kills += 1
                    finish(proc)
                    stages[_stage_of(db, len(list(inbox.iterdir())))] += 1
                else:  # it finished before the kill: that is a trial too, of a clean end
                    done = finish(proc)
                    assert_clean(done)
                    stages["completed before the kill"] += 1
                    span = max(0.5, min(span, done.seconds))  # aim the next kills inside a run's length
            for name in [n for chunk in chunks for n in chunk]:
                (staging / name).rename(inbox / name)
            final = run_marketmon("run", "--config", str(config), cwd=folder, env=env)
            assert_clean(final)
            per_key = _messages_per_key(slack)
        state = _state(db)
        # Nothing lost, nothing doubled: the same documents, facts and metrics as the uninterrupted run.
        assert state["files"] == ref["files"]
        assert len(set(state["files"])) == len(state["files"]) == total_docs
        assert state["statuses"] == ref["statuses"]
        assert state["facts"] == ref["facts"]
        assert state["metrics"] == ref["metrics"]
        # Every alert of the reference run is in the outbox and went out exactly once; none went out twice.
        missing = reference["sent"] - {k for k, s in state["alerts"].items() if s == "sent"}
        assert not missing, f"episode {episode}: alerts not delivered: {missing}"
        doubled = {k: n for k, n in per_key.items() if n > 1}
        duplicates += len(doubled)
        assert not doubled, f"episode {episode}: posted more than once: {doubled}"
        assert all(per_key[k] == 1 for k in reference["sent"])
        assert not [k for k, s in state["alerts"].items() if s in ("pending", "sending", "failed")]
    record_figure(f"crash: {trials} kill trials ({kills} kill -9 landed, the rest finished first) over {EPISODES} "
                  f"episodes; stages hit {dict(stages)}; duplicate documents/facts/alerts found: {duplicates}")
    assert kills >= 20
    assert len([s for s in stages if s not in ("completed before the kill", "startup")]) >= 2
