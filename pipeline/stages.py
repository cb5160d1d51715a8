"""The flow's stages as separate steps, for a scheduler that runs one stage per task (dags/).

Each function opens the database, does one stage, closes it, and returns JSON-ready counts (an Asset
event's `extra`). `now` is the run's window end, never the wall clock, so re-running a stage for the
same window changes nothing. The stages make the same calls as `pipeline.runner.run_pipeline`, split in
three: ingest; process + recompute + alert rules (one transaction for the last two, as in the runner,
because the rules compare against the metrics as they were before the recompute); delivery.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime

import duckdb

from alerts.delivery import deliver_pending, enqueue_alerts
from alerts.rules import evaluate_rules, load_rules
from pipeline.config import Config
from pipeline.ingest import ingest_sources
from pipeline.metrics import MetricChange, recompute_metrics
from pipeline.process import process_documents
from storage.db import connect, open_db, transaction
from storage.records import count_rows, finish_run, mark_recovered, unfinished_work
from storage.snapshot import publish_snapshot_of, snapshot_path

MAX_LISTED = 50  # changed keys and failures listed in a result; the counts are always complete
UNDELIVERED = "status IN ('pending', 'failed', 'sending')"


def ingest_stage(config: Config, now: datetime, *, kinds: Iterable[str], run_id: str, http=None) -> dict:
    """Fetch the configured sources of the given kinds and store what is new."""
    kinds = set(kinds)
    with open_db(config.db) as conn, _recorded_run(conn, run_id, "ingest " + ",".join(sorted(kinds)), now) as result:
        report = ingest_sources(conn, config, now, http=http, kinds=kinds)
        result.update(
            inserted=report.inserted, updated=report.updated, unchanged=report.unchanged,
            fetch_errors=report.fetch_errors, source_errors=dict(report.source_errors),
            per_source=dict(report.per_source), pending=count_rows(conn, "documents", "status = 'new'"),
        )
    return result


def recompute_and_alert(
    conn: duckdb.DuckDBPyConnection, config: Config, touched: set, *, run_id: str, now: datetime
) -> tuple[list[MetricChange], int]:
    """Recompute the metrics of the touched keys, and of any work a run that did not end ok left behind, and put
    the alerts they raise in the outbox, in one transaction.

    One transaction because the rules compare against the metrics as they were before the recompute, and so
    that the runs recovered are marked so only together with their recompute. The rules' window starts when the
    earliest document this pass (or the work it recovers) took in was fetched.
    Returns the metric changes and the number of new alerts.
    """
    rules = load_rules(config.alerts.get("rules_file"))
    names = company_names(config)
    with transaction(conn):
        leftover = unfinished_work(conn, run_id, now)
        changes = recompute_metrics(conn, touched | leftover.keys, now, fx=config.fx,
                                    reporting_currency=config.reporting_currency)
        alerts = evaluate_rules(conn, rules, changes, since=leftover.since, watched=names)
        new = enqueue_alerts(conn, alerts, run_id, now, names)
        mark_recovered(conn, leftover.runs, run_id)
        return changes, new


def extract_stage(config: Config, now: datetime, *, run_id: str, gate: bool = True) -> dict:
    """Process pending documents, recompute the metrics they touch, and put the alerts they raise in the outbox."""
    with open_db(config.db) as conn, _recorded_run(conn, run_id, "extract", now) as result:
        processed = process_documents(conn, config, now, gate=gate)
        changes, new = recompute_and_alert(conn, config, processed.touched, run_id=run_id, now=now)
        result.update(
            parsed=processed.parsed, irrelevant=processed.irrelevant, duplicate=processed.duplicate,
            failed=processed.failed, facts=processed.facts, flagged=processed.flagged,
            metrics_changed=len(changes), changed_keys=[list(c.key) for c in changes][:MAX_LISTED],
            alerts_new=new, undelivered=count_rows(conn, "alerts", UNDELIVERED),
            failures=[f"{url}: {reason}" for url, reason in processed.failures][:MAX_LISTED],
        )
    return result


def delivery_stage(config: Config, sender, now: datetime, *, run_id: str) -> dict:
    """Deliver every alert waiting in the outbox (one message per company); failures stay for the retry."""
    with open_db(config.db) as conn, _recorded_run(conn, run_id, "deliver", now) as result:
        report = deliver_pending(conn, sender, now, chart_dir=config.db.parent / "charts", charts=config.charts)
        result.update(alerts_sent=report.sent, alerts_failed=report.failed, messages=report.messages,
                      recovered=report.recovered, unconfirmed=report.unconfirmed,
                      errors=report.errors[:MAX_LISTED])
    return result


def source_health_digest(config: Config) -> dict:
    """Return the sources that keep failing (from the source_health view) and a digest text; read-only."""
    conn = connect(config.db, read_only=True)
    try:
        total = conn.execute("SELECT count(*) FROM source_health").fetchone()[0]
        rows = conn.execute(
            """SELECT source, kind, consecutive_errors, last_success, last_error FROM source_health
               WHERE NOT healthy ORDER BY source"""
        ).fetchall()
    finally:
        conn.close()
    lines = []
    for source, kind, errors, last_success, error in rows:
        since = f"last success {last_success:%Y-%m-%d %H:%M} UTC" if last_success else "never succeeded"
        lines.append(f"• {source} ({kind}): {errors} failed attempt(s) in a row, {since}: {(error or '')[:200]}")
    text = (f"marketmon source health: {len(rows)} of {total} source(s) failing\n" + "\n".join(lines)) if rows else ""
    return {"sources": total, "unhealthy": [r[0] for r in rows], "text": text}


def snapshot_stage(config: Config) -> str:
    """Checkpoint the live database and publish the analysts' read-only snapshot; return its path."""
    return str(publish_snapshot_of(config.db, snapshot_path(config.db, config.snapshot)))


def company_names(config: Config) -> dict[str, str]:
    """Return {company id: display name} for alert messages."""
    return {c.id: (c.names[0] if c.names else c.id) for c in config.watchlist.companies}


@contextmanager
def _recorded_run(conn: duckdb.DuckDBPyConnection, run_id: str, command: str, now: datetime) -> Iterator[dict]:
    """Record the stage in `runs` (what `marketmon status` lists); the caller fills the yielded counts."""
    # A retried task reuses its run id: the record is reset rather than duplicated.
    with transaction(conn):
        conn.execute(
            """INSERT INTO runs (id, command, started_at, status) VALUES (?, ?, ?, 'running')
               ON CONFLICT (id) DO UPDATE SET command = excluded.command, started_at = excluded.started_at,
                   status = 'running', finished_at = NULL, counts = NULL, error = NULL""",
            [run_id, command, now],
        )
    result: dict = {}
    try:
        yield result
    except Exception as exc:
        try:
            with transaction(conn):
                finish_run(conn, run_id, now, "failed", {}, f"{type(exc).__name__}: {exc}"[:500])
        except duckdb.Error:
            pass  # the original error is the one worth raising
        raise
    counts = {k: v for k, v in result.items() if isinstance(v, int | float) and not isinstance(v, bool)}
    with transaction(conn):
        finish_run(conn, run_id, now, "ok", counts)
