"""The alerts outbox in DuckDB: enqueue once per key (cooldowns applied), then track delivery per digest.

Statuses: pending -> sending (set and committed BEFORE the Slack call) -> sent; a failed call -> failed
(retried next run); an alert held back by a cooldown or a per-run limit -> suppressed (kept, never sent);
an alert whose delivery may have happened through a channel that cannot be searched -> unconfirmed.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

import duckdb

from alerts.rules import Alert

DELIVERABLE = ("pending", "failed", "sending")
EVIDENCE_KEPT = 5  # facts kept with an alert, best first


@dataclass(slots=True)
class Evidence:
    """The sentence and document a number came from."""

    quote: str | None
    document_id: str | None
    document_url: str | None
    document_title: str | None
    value: float | None = None


def key_evidence(conn: duckdb.DuckDBPyConnection, keys: list[tuple[str, str, str]],
                 per_key: int = EVIDENCE_KEPT) -> dict[tuple[str, str, str], list[Evidence]]:
    """Return {key: the best `per_key` trusted facts behind it} for many metric keys in one query."""
    if not keys:
        return {}
    companies, metrics, periods = (list(col) for col in zip(*sorted(set(keys)), strict=True))
    rows = conn.execute(
        """WITH k AS (SELECT unnest(?::VARCHAR[]) AS company, unnest(?::VARCHAR[]) AS metric,
                             unnest(?::VARCHAR[]) AS period)
           SELECT f.company, f.metric, f.period, f.quote, d.id, d.url, d.title, f.value
           FROM facts f JOIN k USING (company, metric, period) JOIN documents d ON d.id = f.document_id
           WHERE f.reason IS NULL AND d.status = 'parsed'
           QUALIFY row_number() OVER (
               PARTITION BY f.company, f.metric, f.period
               ORDER BY (d.kind = 'filing') DESC, f.confidence DESC, d.published_at DESC NULLS LAST, d.id) <= ?
           ORDER BY f.company, f.metric, f.period, (d.kind = 'filing') DESC, f.confidence DESC,
                    d.published_at DESC NULLS LAST, d.id""",
        [companies, metrics, periods, per_key]).fetchall()
    found: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for company, metric, period, *rest in rows:
        found[(company, metric, period)].append(Evidence(*rest))
    return found


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
           LIMIT ?""", [company, list(row[0]), EVIDENCE_KEPT]).fetchall()
    return [Evidence(*r) for r in rows]


def document_evidence(conn: duckdb.DuckDBPyConnection, alerts: list[Alert]) -> list[list[Evidence]]:
    """Return, per alert about a document, the flagged sentence in it (an implausible fact: the fact nearest the
    alert's value) or else the document itself (a filing); two queries for the whole batch."""
    with_fact = [(i, a) for i, a in enumerate(alerts) if a.metric is not None]
    found: dict[int, list[Evidence]] = {}
    if with_fact:
        cols = [list(c) for c in zip(*[(i, a.document_id, a.company, a.metric, a.period, a.value)
                                       for i, a in with_fact], strict=True)]
        for i, *rest in conn.execute(
            """WITH a AS (SELECT unnest(?::INTEGER[]) AS i, unnest(?::VARCHAR[]) AS document_id,
                                 unnest(?::VARCHAR[]) AS company, unnest(?::VARCHAR[]) AS metric,
                                 unnest(?::VARCHAR[]) AS period, unnest(?::DOUBLE[]) AS target)
               SELECT a.i, f.quote, d.id, d.url, d.title, f.value
               FROM a JOIN facts f USING (document_id, company, metric, period)
               JOIN documents d ON d.id = f.document_id
               QUALIFY row_number() OVER (PARTITION BY a.i
                                          ORDER BY abs(f.value - coalesce(a.target, f.value)), f.span_start) = 1""",
            cols).fetchall():
            found[i] = [Evidence(*rest)]
    missing = sorted({a.document_id for i, a in enumerate(alerts) if i not in found and a.document_id})
    documents = {r[0]: r for r in conn.execute(
        "SELECT id, url, title FROM documents WHERE list_contains(?, id)", [missing]).fetchall()} if missing else {}
    for i, alert in enumerate(alerts):
        if i not in found and (row := documents.get(alert.document_id)):
            found[i] = [Evidence(row[2], row[0], row[1], row[2])]
    return [found.get(i, []) for i in range(len(alerts))]


def gather_evidence(conn: duckdb.DuckDBPyConnection, alerts: list[Alert]) -> list[list[Evidence]]:
    """Return the evidence of each alert (best first): its document's sentence, else its metric key's facts,
    else a derived metric's inputs; batched, so a run with thousands of alerts costs a few queries."""
    about_document = [a for a in alerts if a.document_id]
    by_document = iter(document_evidence(conn, about_document))
    by_key = key_evidence(conn, [(a.company, a.metric, a.period) for a in alerts
                                 if not a.document_id and a.company and a.metric and a.period])
    evidence = []
    for alert in alerts:
        if alert.document_id:
            evidence.append(next(by_document))
        elif alert.company and alert.metric and alert.period:
            key = (alert.company, alert.metric, alert.period)
            evidence.append(by_key.get(key) or find_derived_evidence(conn, *key))
        else:
            evidence.append([])
    return evidence


@dataclass(slots=True)
class Outgoing:
    """An alert with its text, evidence and extra payload (company name, history), ready for the outbox."""

    alert: Alert
    title: str
    body: str
    evidence: list[Evidence]
    extra: dict = field(default_factory=dict)


def store_alerts(conn: duckdb.DuckDBPyConnection, items: list[Outgoing], run_id: str, now: datetime) -> int:
    """Insert the alerts whose key is not in the outbox yet (of equal keys, the first); return how many are new
    and deliverable.

    A rule's cooldown counts alerts of earlier runs (by created_at against the run's `now`): an alert from
    the same rule for the same company and metric within the cooldown is stored as suppressed.
    """
    keys = [item.alert.key for item in items]
    known = {r[0] for r in conn.execute("SELECT key FROM alerts WHERE list_contains(?, key)", [keys]).fetchall()}
    fresh: dict[str, Outgoing] = {}
    for key, item in zip(keys, items, strict=True):
        if key not in known:
            fresh.setdefault(key, item)
    if not fresh:
        return 0
    hits = _cooldown_hits(conn, [i.alert for i in fresh.values() if not i.alert.suppressed_by], run_id, now)
    rows = []
    for key, item in fresh.items():
        alert = item.alert
        suppressed_by = alert.suppressed_by or hits.get((alert.rule, alert.company, alert.metric))
        first = item.evidence[0] if item.evidence else Evidence(None, None, None, None)
        payload = {"alert": asdict(alert), "evidence": [asdict(e) for e in item.evidence[:EVIDENCE_KEPT]],
                   **item.extra}
        rows.append((key, alert.rule, alert.severity, alert.company, alert.metric, alert.period, alert.value,
                     item.title, item.body, first.quote, first.document_id, first.document_url, first.document_title,
                     json.dumps(payload, ensure_ascii=False, default=str),
                     "suppressed" if suppressed_by else "pending", alert.kind, alert.reason, suppressed_by))
    names = ("key", "rule", "severity", "company", "metric", "period", "value", "title", "body", "quote",
             "document_id", "document_url", "document_title", "payload", "status", "kind", "reason", "suppressed_by")
    select = ", ".join(f"unnest(?::{'DOUBLE' if n == 'value' else 'VARCHAR'}[]) AS {n}" for n in names)
    conn.execute(
        f"""INSERT INTO alerts ({', '.join(names)}, attempts, created_at, run_id)
            SELECT * REPLACE (payload::JSON AS payload), 0, ?::TIMESTAMP, ?::VARCHAR FROM (SELECT {select})
            ON CONFLICT (key) DO NOTHING""",
        [now, run_id, *([list(c) for c in zip(*rows, strict=True)])])
    return sum(1 for r in rows if r[14] == "pending")


def _cooldown_hits(conn: duckdb.DuckDBPyConnection, alerts: list[Alert], run_id: str,
                   now: datetime) -> dict[tuple, str]:
    """Return {(rule, company, metric): why} for the alerts an earlier run's alert holds back by cooldown."""
    windows = {(a.rule, a.company, a.metric): a.cooldown_hours for a in alerts if a.cooldown_hours > 0}
    if not windows:
        return {}
    cols = [list(c) for c in zip(*[(*k, now - timedelta(hours=h), h) for k, h in windows.items()], strict=True)]
    rows = conn.execute(
        """WITH w AS (SELECT unnest(?::VARCHAR[]) AS rule, unnest(?::VARCHAR[]) AS company,
                             unnest(?::VARCHAR[]) AS metric, unnest(?::TIMESTAMP[]) AS since,
                             unnest(?::DOUBLE[]) AS hours)
           SELECT w.rule, w.company, w.metric, a.key, a.created_at, w.hours
           FROM w JOIN alerts a ON a.rule = w.rule AND a.company IS NOT DISTINCT FROM w.company
                               AND a.metric IS NOT DISTINCT FROM w.metric
           WHERE a.status <> 'suppressed' AND a.run_id IS DISTINCT FROM ? AND a.created_at > w.since
             AND a.created_at <= ?
           QUALIFY row_number() OVER (PARTITION BY w.rule, w.company, w.metric ORDER BY a.created_at DESC) = 1""",
        [*cols, run_id, now]).fetchall()
    return {(rule, company, metric): f"cooldown: rule {rule} alerted {key} at {at:%Y-%m-%d %H:%M} (cooldown {hours:g}h)"
            for rule, company, metric, key, at, hours in rows}


def history_of(histories: dict[tuple[str, str], list[tuple[str, float, str]]], company: str | None,
               metric: str | None) -> list[list]:
    """Return [[period, value], ...] of a metric for the alert's trend line (empty without a metric)."""
    if not company or not metric:
        return []
    return [[p, v] for p, v, _ in histories.get((company, metric), [])]


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
