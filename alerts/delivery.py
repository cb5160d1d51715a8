"""Fill the outbox from rule matches and deliver what is pending: one digest message per company.

Exactly once, also across a crash between the Slack call and recording it: alerts are marked `sending`
(committed) before the call; before anything that may already have gone out (status `sending`, or an
earlier attempt) is sent again, a sender that can search its channel (Slack bot) is asked whether a
message carrying the alert's key is there, and a hit is recorded as sent instead of resending. A sender
that cannot search (incoming webhook) never resends an interrupted attempt: it is marked `unconfirmed`.
Run this outside a transaction: the `sending` mark must be committed before the call.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

import duckdb

from alerts.messages import ALERTS_PER_MESSAGE, build_alert_text, metric_label
from alerts.outbox import (
    Chart,
    Digest,
    OutboxAlert,
    Outgoing,
    digest_key,
    gather_evidence,
    history_of,
    mark_delivered,
    mark_failed,
    mark_sending,
    mark_sent,
    mark_unconfirmed,
    note_error,
    pending_alerts,
    set_chart_path,
    store_alerts,
)
from alerts.rules import Alert
from pipeline.config import CHART_POLICIES
from pipeline.metrics import metric_histories

log = logging.getLogger(__name__)
CHART_KINDS = ("change", "milestone")


class Sender(Protocol):
    """Something that delivers one digest (the alerts of one company) and returns its message id if any.

    `redelivery` says what happens to an attempt that may have gone out: "lookup" (the sender can find its
    own messages by alert key: `find_delivered`), "safe" (sending again is harmless, e.g. the console) or
    "unsafe" (neither: such an attempt is not repeated). `shows_charts` says whether `attach_charts` puts
    the PNGs where people see them (the Slack bot), which is when the "auto" chart policy draws them.
    """

    name: str
    redelivery: str
    shows_charts: bool

    def send(self, digest: Digest) -> str | None: ...

    def find_delivered(self, keys: list[str]) -> dict[str, str]: ...

    def attach_charts(self, digest: Digest, message_id: str | None) -> None: ...


class DeliveryUncertain(RuntimeError):
    """A send that failed in a way that leaves open whether the message went out (timeout, reset)."""


def enqueue_alerts(
    conn: duckdb.DuckDBPyConnection, alerts: list[Alert], run_id: str, now: datetime,
    company_names: Mapping[str, str] | None = None,
) -> int:
    """Put new alerts in the outbox with their evidence and trend; return how many are new and deliverable."""
    evidence = gather_evidence(conn, alerts)
    histories = metric_histories(conn, {(a.company, a.metric) for a in alerts
                                        if a.kind != "new_filing" and a.company and a.metric})
    items = []
    for alert, found in zip(alerts, evidence, strict=True):
        name = (company_names or {}).get(alert.company or "") or alert.company
        title, body = build_alert_text(alert, name)
        history = history_of(histories, alert.company, alert.metric) if alert.kind != "new_filing" else []
        items.append(Outgoing(alert, title, body, found, {"company_name": name, "history": history}))
    return store_alerts(conn, items, run_id, now)


@dataclass(slots=True)
class DeliveryReport:
    """What a delivery pass did (counts are alerts unless named messages)."""

    sent: int = 0
    failed: int = 0
    messages: int = 0
    recovered: int = 0  # found already delivered by an interrupted earlier attempt; not sent again
    unconfirmed: int = 0
    charts: int = 0
    errors: list[str] = field(default_factory=list)


def deliver_pending(
    conn: duckdb.DuckDBPyConnection, sender: Sender, now: datetime, *, chart_dir: str | Path | None = None,
    charts: str = "auto",
) -> DeliveryReport:
    """Send every deliverable alert once, one message per company; failures stay for the next run.

    `charts` is the chart policy (CHART_POLICIES); drawn charts are also written to chart_dir when given.
    """
    if charts not in CHART_POLICIES:
        raise ValueError(f"charts must be one of {', '.join(CHART_POLICIES)}, not {charts!r}")
    draw = charts == "always" or (charts == "auto" and getattr(sender, "shows_charts", False))
    report = DeliveryReport()
    alerts = _settle_uncertain(conn, sender, pending_alerts(conn), now, report)
    groups: dict[str | None, list[OutboxAlert]] = {}
    for alert in alerts:
        groups.setdefault(alert.company, []).append(alert)
    for company, items in groups.items():
        for start in range(0, len(items), ALERTS_PER_MESSAGE):
            chunk = items[start:start + ALERTS_PER_MESSAGE]
            name = (chunk[0].payload.get("company_name") or company or "market")
            digest = Digest(digest_key([a.key for a in chunk]), company, name, chunk)
            digest.charts = _charts(conn, chunk, name, chart_dir, report) if draw else []
            _deliver(conn, sender, digest, now, report)
    return report


def _settle_uncertain(conn: duckdb.DuckDBPyConnection, sender: Sender, alerts: list[OutboxAlert], now: datetime,
                      report: DeliveryReport) -> list[OutboxAlert]:
    """Resolve alerts that an earlier attempt may have delivered; return the ones to send now."""
    uncertain = [a for a in alerts if a.status == "sending" or a.attempts > 0]
    if not uncertain or sender.redelivery == "safe":
        return alerts
    settled: set[str] = set()
    if sender.redelivery == "lookup":
        try:
            found = sender.find_delivered([a.key for a in uncertain])
        except Exception as exc:  # without the lookup a resend could duplicate: wait for the next run
            reason = f"lookup failed, not resent: {type(exc).__name__}: {exc}"[:500]
            for alert in uncertain:
                note_error(conn, alert.key, reason)
            report.failed += len(uncertain)
            report.errors.append(reason)
            return [a for a in alerts if a not in uncertain]
        for alert in uncertain:
            if alert.key in found:
                mark_sent(conn, alert.key, now, found[alert.key])
                settled.add(alert.key)
                report.recovered += 1
    else:
        for alert in uncertain:
            if alert.status == "sending":
                mark_unconfirmed(conn, alert.key, "interrupted while sending; the channel cannot be searched, "
                                                  "so it is not sent again")
                settled.add(alert.key)
                report.unconfirmed += 1
    return [a for a in alerts if a.key not in settled]


def _deliver(conn: duckdb.DuckDBPyConnection, sender: Sender, digest: Digest, now: datetime,
             report: DeliveryReport) -> None:
    keys = digest.alert_keys
    mark_sending(conn, keys, digest.key, now)
    try:
        message_id = sender.send(digest)
    except Exception as exc:  # a sender failure must not lose the alerts or stop the other digests
        reason = f"{type(exc).__name__}: {exc}"[:500]
        for key in keys:
            if isinstance(exc, DeliveryUncertain) and sender.redelivery == "unsafe":
                mark_unconfirmed(conn, key, reason)
            else:
                mark_failed(conn, key, reason)
        report.failed += len(keys)
        report.errors.append(f"{digest.company_name}: {reason}")
        return
    mark_delivered(conn, keys, now, message_id)  # one statement: all of the message's alerts or none
    report.sent += len(keys)
    report.messages += 1
    if digest.charts:
        try:
            sender.attach_charts(digest, message_id)
            report.charts += len(digest.charts)
        except Exception as exc:  # the message is out; a missing picture is not worth a resend
            log.warning("charts for %s not attached: %s: %s", digest.key, type(exc).__name__, exc)
            report.errors.append(f"{digest.company_name}: charts not attached: {type(exc).__name__}")


def _charts(conn: duckdb.DuckDBPyConnection, alerts: list[OutboxAlert], company_name: str,
            chart_dir: str | Path | None, report: DeliveryReport) -> list[Chart]:
    """Draw the history of each metric-change alert's metric; write it to chart_dir when given."""
    charts = []
    for alert in alerts:
        history = alert.payload.get("history") or []
        if alert.kind not in CHART_KINDS or len(history) < 2:
            continue
        # The bundled fonts have no CJK glyphs: a Chinese name would draw as boxes, so use the id then.
        who = company_name if company_name.isascii() else (alert.company or company_name)
        title = f"{who}: {metric_label(alert.metric)}"
        try:
            from alerts.charts import render_history

            png = render_history([(p, v) for p, v in history], title, alert.unit, highlight=alert.period)
        except Exception as exc:  # a chart is a courtesy; the alert goes out without it
            log.warning("chart for %s not drawn: %s: %s", alert.key, type(exc).__name__, exc)
            continue
        path = None
        if chart_dir is not None:
            target = Path(chart_dir) / f"{alert.key}.png"
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(png)
                path = str(target)
                set_chart_path(conn, alert.key, path)
            except OSError as exc:
                report.errors.append(f"chart {target}: {exc.strerror or exc}")
        charts.append(Chart(alert.key, title, png, path))
    return charts
