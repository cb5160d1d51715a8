"""The alerts outbox in DuckDB: enqueue once per key (cooldowns applied), then track delivery per digest.

Statuses: pending -> sending (set and committed BEFORE the Slack call) -> sent; a failed call -> failed
(retried next run); an alert held back by a cooldown or a per-run limit -> suppressed (kept, never sent);
an alert whose delivery may have happened through a channel that cannot be searched -> unconfirmed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

import duckdb

from alerts.rules import Alert
from pipeline.metrics import metric_history

DELIVERABLE = ("pending", "failed", "sending")


@dataclass(slots=True)
class Evidence:
    """The sentence and document a number came from."""

    quote: str | None
    document_id: str | None
    document_url: str | None
    document_title: str | None
    value: float | None = None


def find_evidence(conn: duckdb.DuckDBPyConnection, company: str, metric: str, period: str) -> list[Evidence]:
    """Return the trusted facts behind a metric key, best first (filing, then confidence, then newest)."""
    rows = conn.execute(
        """SELECT f.quote, d.id, d.url, d.title, f.value
           FROM facts f JOIN documents d ON d.id = f.document_id
           WHERE f.company = ? AND f.metric = ? AND f.period = ? AND f.reason IS NULL AND d.status = 'parsed'
           ORDER BY (d.kind = 'filing') DESC, f.confidence DESC, d.published_at DESC NULLS LAST, d.id""",
        [company, metric, period],
    ).fetchall()
    return [Evidence(*r) for r in rows]


def find_derived_evidence(conn: duckdb.DuckDBPyConnection, company: str, metric: str, period: str) -> list[Evidence]:
    """Return the facts behind the documents a derived metric was computed from (its inputs' sentences)."""
    row = conn.execute("SELECT document_ids FROM metrics WHERE company = ? AND metric = ? AND period = ?",
                       [company, metric, period]).fetchone()
    if not row or not row[0]:
        return []
    rows = conn.execute(
        """SELECT f.quote, d.id, d.url, d.title, f.value
           FROM facts f JOIN documents d ON d.id = f.document_id
           WHERE f.company = ? AND list_contains(?, d.id) AND f.reason IS NULL
           ORDER BY (d.kind = 'filing') DESC, f.confidence DESC, d.published_at DESC NULLS LAST, d.id
           LIMIT 5""", [company, list(row[0])]).fetchall()
    return [Evidence(*r) for r in rows]


def find_document_evidence(conn: duckdb.DuckDBPyConnection, alert: Alert) -> list[Evidence]:
    """Return the document an alert is about (a filing) or the flagged sentence in it (an implausible fact)."""
    if alert.metric is not None:
        rows = conn.execute(
            """SELECT f.quote, d.id, d.url, d.title, f.value
               FROM facts f JOIN documents d ON d.id = f.document_id
               WHERE f.document_id = ? AND f.company = ? AND f.metric = ? AND f.period = ?
               ORDER BY abs(f.value - coalesce(?, f.value)), f.span_start LIMIT 1""",
            [alert.document_id, alert.company, alert.metric, alert.period, alert.value]).fetchall()
        if rows:
            return [Evidence(*rows[0])]
    row = conn.execute("SELECT id, url, title FROM documents WHERE id = ?", [alert.document_id]).fetchone()
    return [Evidence(row[2], row[0], row[1], row[2])] if row else []


def enqueue_alert(
    conn: duckdb.DuckDBPyConnection, alert: Alert, title: str, body: str, evidence: list[Evidence],
    run_id: str, now: datetime, extra: dict | None = None,
) -> bool:
    """Insert an alert unless its key is already in the outbox; return whether it was new and deliverable.

    A rule's cooldown counts alerts of earlier runs (by created_at against the run's `now`): an alert from
    the same rule for the same company and metric within the cooldown is stored as suppressed.
    """
    if conn.execute("SELECT 1 FROM alerts WHERE key = ?", [alert.key]).fetchone():
        return False
    suppressed_by = alert.suppressed_by or _cooldown_hit(conn, alert, run_id, now)
    first = evidence[0] if evidence else Evidence(None, None, None, None)
    payload = {"alert": asdict(alert), "evidence": [asdict(e) for e in evidence[:5]], **(extra or {})}
    conn.execute(
        """INSERT INTO alerts (key, rule, severity, company, metric, period, value, title, body, quote,
                               document_id, document_url, document_title, payload, status, attempts,
                               created_at, run_id, kind, reason, suppressed_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
           ON CONFLICT (key) DO NOTHING""",
        [alert.key, alert.rule, alert.severity, alert.company, alert.metric, alert.period, alert.value,
         title, body, first.quote, first.document_id, first.document_url, first.document_title,
         json.dumps(payload, ensure_ascii=False, default=str), "suppressed" if suppressed_by else "pending",
         now, run_id, alert.kind, alert.reason, suppressed_by],
    )
    return suppressed_by is None


def _cooldown_hit(conn: duckdb.DuckDBPyConnection, alert: Alert, run_id: str, now: datetime) -> str | None:
    if alert.cooldown_hours <= 0:
        return None
    row = conn.execute(
        """SELECT key, created_at FROM alerts
           WHERE rule = ? AND company IS NOT DISTINCT FROM ? AND metric IS NOT DISTINCT FROM ?
             AND status <> 'suppressed' AND run_id IS DISTINCT FROM ?
             AND created_at > ? AND created_at <= ?
           ORDER BY created_at DESC LIMIT 1""",
        [alert.rule, alert.company, alert.metric, run_id, now - timedelta(hours=alert.cooldown_hours), now],
    ).fetchone()
    if row is None:
        return None
    return f"cooldown: rule {alert.rule} alerted {row[0]} at {row[1]:%Y-%m-%d %H:%M} (cooldown {alert.cooldown_hours:g}h)"


def history_of(conn: duckdb.DuckDBPyConnection, company: str | None, metric: str | None) -> list[list]:
    """Return [[period, value], ...] of a metric for the alert's trend line (empty without a metric)."""
    if not company or not metric:
        return []
    return [[p, v] for p, v, _ in metric_history(conn, company, metric)]


@dataclass(slots=True)
class OutboxAlert:
    """A stored alert as a sender sees it."""

    key: str
    rule: str
    severity: str
    company: str | None
    metric: str | None
    period: str | None
    value: float | None
    title: str
    body: str
    quote: str | None
    document_url: str | None
    document_title: str | None
    payload: dict
    attempts: int
    status: str = "pending"
    kind: str | None = None
    created_at: datetime | None = None
    chart_path: str | None = None

    @property
    def unit(self) -> str | None:
        """Return the unit of the alert's value."""
        return (self.payload.get("alert") or {}).get("unit")


@dataclass(slots=True)
class Chart:
    """A PNG of a metric's history attached to one alert of a digest."""

    alert_key: str
    title: str
    png: bytes
    path: str | None = None


@dataclass(slots=True)
class Digest:
    """One message: the alerts of one company from one delivery pass (split when too many for one message)."""

    key: str
    company: str | None
    company_name: str
    alerts: list[OutboxAlert]
    charts: list[Chart] = field(default_factory=list)

    @property
    def alert_keys(self) -> list[str]:
        """Return the keys of the alerts in this message."""
        return [a.key for a in self.alerts]


def digest_key(alert_keys: list[str]) -> str:
    """Return the stable key of a message carrying exactly these alerts."""
    return "dg-" + hashlib.sha256("|".join(sorted(alert_keys)).encode()).hexdigest()[:20]


def pending_alerts(conn: duckdb.DuckDBPyConnection) -> list[OutboxAlert]:
    """Return alerts waiting for delivery (pending, failed earlier, or interrupted while sending), oldest first."""
    rows = conn.execute(
        """SELECT key, rule, severity, company, metric, period, value, title, body, quote, document_url,
                  document_title, payload, attempts, status, kind, created_at, chart_path
           FROM alerts WHERE status IN ('pending', 'failed', 'sending')
           ORDER BY created_at, company NULLS LAST, severity = 'high' DESC, key"""
    ).fetchall()
    return [OutboxAlert(*r[:12], payload=json.loads(r[12]) if r[12] else {}, attempts=r[13], status=r[14],
                        kind=r[15], created_at=r[16], chart_path=r[17]) for r in rows]


def mark_sending(conn: duckdb.DuckDBPyConnection, keys: list[str], digest: str, now: datetime) -> None:
    """Record that a delivery attempt starts (committed before the call, so a crash leaves a trace)."""
    conn.execute("UPDATE alerts SET status = 'sending', attempts = attempts + 1, digest_key = ?, sending_at = ? "
                 "WHERE list_contains(?, key)", [digest, now, keys])


def mark_sent(conn: duckdb.DuckDBPyConnection, key: str, now: datetime, ts: str | None) -> None:
    """Record a delivered alert (with the Slack message ts when there is one)."""
    conn.execute("UPDATE alerts SET status = 'sent', sent_at = ?, slack_ts = ?, error = NULL WHERE key = ?",
                 [now, ts, key])


def mark_delivered(conn: duckdb.DuckDBPyConnection, keys: list[str], now: datetime, ts: str | None) -> None:
    """Record the alerts of one delivered message, all at once."""
    conn.execute("UPDATE alerts SET status = 'sent', sent_at = ?, slack_ts = ?, error = NULL WHERE list_contains(?, key)",
                 [now, ts, keys])


def mark_failed(conn: duckdb.DuckDBPyConnection, key: str, error: str) -> None:
    """Record a failed delivery attempt; the alert is retried on the next run."""
    conn.execute("UPDATE alerts SET status = 'failed', error = ? WHERE key = ?", [error, key])


def mark_unconfirmed(conn: duckdb.DuckDBPyConnection, key: str, error: str) -> None:
    """Record an attempt that may have been delivered and cannot be checked: it is not sent again."""
    conn.execute("UPDATE alerts SET status = 'unconfirmed', error = ? WHERE key = ?", [error, key])


def note_error(conn: duckdb.DuckDBPyConnection, key: str, error: str) -> None:
    """Keep an error on an alert without changing its status (e.g. a lookup that could not run)."""
    conn.execute("UPDATE alerts SET error = ? WHERE key = ?", [error, key])


def set_chart_path(conn: duckdb.DuckDBPyConnection, key: str, path: str) -> None:
    """Record where an alert's chart was written."""
    conn.execute("UPDATE alerts SET chart_path = ? WHERE key = ?", [path, key])
