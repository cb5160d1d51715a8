"""Alert rules (YAML) evaluated over metric changes and this run's documents; matches go into the outbox.

Every rule has a kind, a severity, a cooldown and a key (the fields that identify "the same news"):

| kind        | fires when                                                               | default key                   |
|-------------|--------------------------------------------------------------------------|-------------------------------|
| change      | the latest period moved against the one before (pp for %, % for amounts)  | company metric period value   |
| milestone   | the latest period crossed a threshold the earlier period was below        | company metric threshold      |
| conflict    | sources start to disagree on one (company, metric, period)               | company metric period         |
| new_filing  | a document stored in this run has metadata event=new_filing for a watched company | company document      |
| implausible | a fact of a document stored in this run was set aside (plausibility)   | document company metric period value |
| first_seen  | a metric appears for a company for the first time (off by default)       | company metric                |
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path

import duckdb
import yaml

from pipeline.metrics import MetricChange
from pipeline.periods import period_end, period_kind, previous_like_period

RULE_KINDS = ("change", "milestone", "conflict", "new_filing", "implausible", "first_seen")
SEVERITIES = ("low", "medium", "high")
KEY_FIELDS = ("company", "metric", "period", "value", "threshold", "document")
DEFAULT_KEYS = {
    "change": ("company", "metric", "period", "value"),
    "milestone": ("company", "metric", "threshold"),
    "conflict": ("company", "metric", "period"),
    "new_filing": ("company", "document"),
    "implausible": ("document", "company", "metric", "period", "value"),
    "first_seen": ("company", "metric"),
}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw]?)\s*$")
_HOURS = {"m": 1 / 60, "h": 1.0, "": 1.0, "d": 24.0, "w": 168.0}


@dataclass(slots=True)
class Rule:
    """One alert rule: what it watches, when it fires, how loud it is, and how often it may repeat."""

    id: str
    kind: str
    metrics: list[str] = field(default_factory=lambda: ["*"])
    severity: str = "medium"
    threshold_pp: float | None = None
    threshold_pct: float | None = None
    thresholds: list[float] = field(default_factory=list)
    like_periods: bool = False
    companies: list[str] = field(default_factory=list)  # empty: every company
    cooldown: str | float | None = None  # "12h", "3d", "30m" or a number of hours
    key: list[str] | None = None  # the fields that identify the same news (DEFAULT_KEYS by kind)
    enabled: bool = True
    max_per_run: int | None = None  # beyond this many in one run, the rest are recorded as suppressed
    description: str = ""

    def watches(self, metric: str | None) -> bool:
        """Return whether this rule applies to a metric id."""
        return metric is not None and any(fnmatch.fnmatchcase(metric, pattern) for pattern in self.metrics)

    def covers(self, company: str | None) -> bool:
        """Return whether this rule applies to a company."""
        return not self.companies or company in self.companies

    @property
    def cooldown_hours(self) -> float:
        """Return the cooldown in hours (0 for none)."""
        return parse_duration_hours(self.cooldown)

    @property
    def key_fields(self) -> tuple[str, ...]:
        """Return the fields that make two alerts of this rule the same news."""
        return tuple(self.key) if self.key else DEFAULT_KEYS[self.kind]


def parse_duration_hours(value: str | float | int | None) -> float:
    """Return a duration such as '12h', '3d', '30m', '1w' or a number of hours, in hours."""
    if value in (None, "", 0):
        return 0.0
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < 0:
            raise ValueError(f"a duration cannot be negative: {value!r}")
        return float(value)
    m = _DURATION.match(str(value))
    if not m:
        raise ValueError(f"not a duration: {value!r} (expected e.g. 12h, 3d, 30m)")
    return float(m.group(1)) * _HOURS[m.group(2)]


@dataclass(slots=True)
class Alert:
    """A notable change, ready for the outbox."""

    rule: str
    severity: str
    company: str | None
    metric: str | None
    period: str | None
    value: float | None
    unit: str | None
    reason: str
    previous_period: str | None = None
    previous_value: float | None = None
    kind: str = "change"
    threshold: float | None = None
    document_id: str | None = None
    key_fields: tuple[str, ...] = DEFAULT_KEYS["change"]
    cooldown_hours: float = 0.0
    suppressed_by: str | None = None  # set when the rule's per-run limit holds this alert back
    details: dict = field(default_factory=dict)  # kind-specific facts for the message (filing form, spread...)

    @property
    def key(self) -> str:
        """Return the stable key that identifies 'the same news' (the rule plus its key fields)."""
        parts = [self.rule]
        for name in self.key_fields:
            value = self.document_id if name == "document" else getattr(self, name)
            parts.append(f"{value:.6g}" if isinstance(value, float) else ("" if value is None else str(value)))
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def load_rules(user_file: str | Path | None = None) -> list[Rule]:
    """Load the shipped default rules, then the user's file on top (same id replaces); drop disabled ones."""
    text = (resources.files("alerts") / "rules.yaml").read_text(encoding="utf-8")
    rules = {r.id: r for r in _parse_rules(yaml.safe_load(text), "alerts/rules.yaml")}
    if user_file:
        path = Path(user_file)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"{path}: cannot read rules: {' '.join(str(exc).split())}") from None
        for rule in _parse_rules(data, str(path)):
            rules[rule.id] = rule
    return [r for r in rules.values() if r.enabled]


def _parse_rules(data: object, origin: str) -> list[Rule]:
    items = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ValueError(f"{origin}: expected a 'rules' list")
    rules = []
    known = set(Rule.__dataclass_fields__)
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("id") or item.get("kind") not in RULE_KINDS:
            raise ValueError(f"{origin}: rules[{i}] needs an 'id' and a 'kind' in {', '.join(RULE_KINDS)}")
        where = f"{origin}: rules[{i}] ({item['id']})"
        unknown = set(item) - known
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        rule = Rule(**{**item, "id": str(item["id"]), "metrics": [str(m) for m in item.get("metrics") or ["*"]],
                       "companies": [str(c) for c in item.get("companies") or []],
                       "thresholds": item.get("thresholds") or []})
        if rule.severity not in SEVERITIES:
            raise ValueError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
        try:
            rule.cooldown_hours  # noqa: B018 - validate now, not at the first match
            rule.thresholds = [float(t) for t in rule.thresholds]
            for name in ("threshold_pp", "threshold_pct"):
                if getattr(rule, name) is not None:
                    setattr(rule, name, float(getattr(rule, name)))
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{where}: {exc}") from None
        if rule.key is not None and (not rule.key or set(rule.key) - set(KEY_FIELDS)):
            raise ValueError(f"{where}: key must list fields among {', '.join(KEY_FIELDS)}")
        if rule.kind == "change" and rule.threshold_pp is None and rule.threshold_pct is None:
            raise ValueError(f"{where}: a change rule needs threshold_pp and/or threshold_pct")
        if rule.kind == "milestone" and not rule.thresholds:
            raise ValueError(f"{where}: a milestone rule needs thresholds")
        if rule.max_per_run is not None and (not isinstance(rule.max_per_run, int) or rule.max_per_run < 0):
            raise ValueError(f"{where}: max_per_run must be a whole number")
        rules.append(rule)
    return rules


def evaluate_rules(
    conn: duckdb.DuckDBPyConnection, rules: list[Rule], changes: list[MetricChange], *,
    since: datetime | None = None, watched: Iterable[str] | None = None,
) -> list[Alert]:
    """Return the alerts that this run's metric changes and its documents (stored at or after `since`) trigger.

    Document rules (new_filing, implausible) look at documents fetched at or after `since`, so re-extracting
    old documents (`marketmon reprocess`) does not raise them again; without `since` they are skipped.
    """
    alerts: list[Alert] = []
    metric_rules = [r for r in rules if r.kind in ("change", "milestone", "conflict")]
    series = _Series(conn, {(c.company, c.metric) for c in changes if any(r.watches(c.metric) for r in metric_rules)})
    for rule in rules:
        found: list[Alert] = []
        if rule.kind in ("change", "milestone", "conflict"):
            found = [a for change in changes if rule.watches(change.metric) and rule.covers(change.company)
                     for a in [_evaluate_change(series, rule, change)] if a]
        elif rule.kind == "first_seen":
            found = _first_seen(conn, rule, changes)
        elif rule.kind == "new_filing" and since is not None:
            found = _new_filings(conn, rule, since, set(watched) if watched is not None else None)
        elif rule.kind == "implausible" and since is not None:
            found = _implausible(conn, rule, since)
        for alert in found:
            alert.kind, alert.key_fields, alert.cooldown_hours = rule.kind, rule.key_fields, rule.cooldown_hours
        if rule.max_per_run is not None:
            for alert in found[rule.max_per_run:]:
                alert.suppressed_by = f"max_per_run: rule {rule.id} allows {rule.max_per_run} per run"
        alerts += found
    return alerts


class _Series:
    """The stored rows of every (company, metric) a batch of changes touches, loaded in one query."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, pairs: set[tuple[str, str]]) -> None:
        self.rows: dict[tuple[str, str], dict[str, tuple]] = defaultdict(dict)
        if not pairs:
            return
        companies, metrics = (list(col) for col in zip(*sorted(pairs), strict=True))
        for company, metric, period, value, unit, lo, hi, n in conn.execute(
            """WITH p AS (SELECT unnest(?::VARCHAR[]) AS company, unnest(?::VARCHAR[]) AS metric)
               SELECT m.company, m.metric, m.period, m.value, m.unit, m.min_value, m.max_value, m.n_sources
               FROM metrics m JOIN p USING (company, metric)""", [companies, metrics]).fetchall():
            self.rows[(company, metric)][period] = (value, unit, lo, hi, n)

    def of(self, change: MetricChange) -> dict[str, tuple]:
        """Return {period: (value, unit, min, max, n_sources)} of the change's company and metric."""
        return self.rows.get((change.company, change.metric), {})


def _evaluate_change(series: _Series, rule: Rule, change: MetricChange) -> Alert | None:
    if rule.kind == "conflict":
        if not (change.conflict and not change.was_conflict):
            return None
        _, _, lo, hi, n = series.of(change).get(change.period, (None, None, None, None, None))
        return Alert(rule.id, rule.severity, change.company, change.metric, change.period, change.new_value,
                     change.unit, "sources disagree", details={"min": lo, "max": hi, "n_sources": n})
    if not _is_latest_period(series, change):
        return None  # an older period filled in later is history, not news
    prev = _previous(series, change, rule.like_periods)
    if prev is None:
        return None
    return _check(rule, change, *prev)


def _check(rule: Rule, change: MetricChange, prev_period: str, prev_value: float) -> Alert | None:
    new = change.new_value
    common = dict(rule=rule.id, severity=rule.severity, company=change.company, metric=change.metric,
                  period=change.period, value=new, unit=change.unit, previous_period=prev_period,
                  previous_value=prev_value)
    if rule.kind == "change":
        if rule.threshold_pp is not None and change.unit in ("%", "pp"):
            moved = new - prev_value
            if abs(moved) >= rule.threshold_pp:
                return Alert(**common, reason=f"moved {moved:+.1f} pp since {prev_period}",
                             details={"moved": round(moved, 4), "moved_unit": "pp"})
        if rule.threshold_pct is not None and change.unit not in ("%", "pp") and prev_value:
            moved = (new / prev_value - 1) * 100
            if abs(moved) >= rule.threshold_pct:
                return Alert(**common, reason=f"moved {moved:+.0f}% since {prev_period}",
                             details={"moved": round(moved, 4), "moved_unit": "%"})
        return None
    if rule.kind == "milestone":
        crossed = [t for t in rule.thresholds if prev_value < t <= new]
        if crossed:
            top = max(crossed)
            return Alert(**common, threshold=top,
                         reason=f"passed {_compact(top)} {change.unit} (was {_compact(prev_value)} in {prev_period})")
    return None


def _first_seen(conn: duckdb.DuckDBPyConnection, rule: Rule, changes: list[MetricChange]) -> list[Alert]:
    new_rows: dict[tuple[str, str], list[MetricChange]] = defaultdict(list)
    for change in changes:
        if (change.old_value is None and not change.derived and rule.watches(change.metric)
                and rule.covers(change.company)):
            new_rows[(change.company, change.metric)].append(change)
    stored = Counter(
        (c, m) for c, m in conn.execute("SELECT company, metric FROM metrics").fetchall() if (c, m) in new_rows)
    alerts = []
    for (company, metric), rows in sorted(new_rows.items()):
        if stored[(company, metric)] != len(rows):
            continue  # some period of this metric was known before this run
        latest = max(rows, key=lambda c: (period_end(c.period) or datetime.min.date(), c.period))
        alerts.append(Alert(rule.id, rule.severity, company, metric, latest.period, latest.new_value, latest.unit,
                            "first sighting of this metric", details={"periods": sorted(r.period for r in rows)}))
    return alerts


def _new_filings(conn: duckdb.DuckDBPyConnection, rule: Rule, since: datetime, watched: set[str] | None) -> list[Alert]:
    rows = conn.execute(
        """SELECT id, title, url, published_at, metadata FROM documents
           WHERE fetched_at >= ? AND json_extract_string(metadata, '$.event') = 'new_filing'
           ORDER BY published_at NULLS LAST, id""", [since]).fetchall()
    alerts = []
    for doc_id, title, url, published, metadata in rows:
        meta = json.loads(metadata) if metadata else {}
        company = meta.get("company")
        if not company or not rule.covers(company) or (watched is not None and company not in watched):
            continue
        form = meta.get("form") or meta.get("filing_type") or meta.get("category")
        date = meta.get("filed") or meta.get("date") or (published.date().isoformat() if published else None)
        exchange = meta.get("exchange")
        alerts.append(Alert(rule.id, rule.severity, company, None, str(date)[:10] if date else None, None, None,
                            f"new {exchange + ' ' if exchange else ''}filing: {title or meta.get('title') or url}",
                            document_id=doc_id,
                            details={"form": form, "filed": str(date)[:10] if date else None, "exchange": exchange,
                                     "title": title or meta.get("title"), "url": url}))
    return alerts


def _implausible(conn: duckdb.DuckDBPyConnection, rule: Rule, since: datetime) -> list[Alert]:
    rows = conn.execute(
        """SELECT f.document_id, f.company, f.metric, f.period, f.value, f.unit, f.reason
           FROM facts f JOIN documents d ON d.id = f.document_id
           WHERE f.reason IS NOT NULL AND d.fetched_at >= ?
           ORDER BY f.company, f.metric, f.period, f.document_id, f.span_start""", [since]).fetchall()
    return [Alert(rule.id, rule.severity, company, metric, period, value, unit, f"implausible value: {reason}",
                  document_id=doc_id, details={"why": reason})
            for doc_id, company, metric, period, value, unit, reason in rows
            if rule.watches(metric) and rule.covers(company)]


def _is_latest_period(series: _Series, change: MetricChange) -> bool:
    end = period_end(change.period)
    if end is None or period_kind(change.period) == "SPAN":
        return False
    return all((period_end(p) or end) <= end for p in series.of(change) if period_kind(p) != "SPAN")


def _previous(series: _Series, change: MetricChange, like: bool) -> tuple[str, float] | None:
    rows = [(p, row[0], row[1]) for p, row in series.of(change).items() if p != change.period]
    if like:
        wanted = previous_like_period(change.period)
        return next(((p, v) for p, v, u in rows if p == wanted and u == change.unit), None)
    end = period_end(change.period)
    earlier = [
        (period_end(p), p, v) for p, v, u in rows
        if u == change.unit and period_kind(p) not in ("SPAN", "OPEN") and period_end(p) and period_end(p) < end
    ]
    if not earlier:
        return None
    _, period, value = max(earlier)
    return period, value


def _compact(value: float) -> str:
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"
