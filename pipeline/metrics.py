"""Metrics from facts: consensus per (company, metric, period), conflicts, derived values, reporting currency.

Stated values come from facts: one consensus per key (a filing outranks news and stats; otherwise the
median of the documents), with the number of sources, min, max and a conflict flag. Derived values
(growth, CAGR, revenue mix, R&D intensity, loss ratio, token share) come from stated metric rows through
the `DERIVATIONS` table; each says which metrics it reads and which keys it writes, so a recompute
touches only the keys new facts changed and the derived keys that depend on them. A stated value always
wins over a derived one; for revenue shares the derived value is still computed as a check.

Reporting currency: `fx:` in the config maps a currency code to how many units of `reporting_currency`
one unit of it is worth, either one rate or a rate per period:

    reporting_currency: CNY
    fx:
      USD: 7.1                                   # 1 USD = 7.1 CNY, every period
      HKD: {FY2024: 0.92, FY2025: 0.91, default: 0.91}   # per period; FYyyyy also covers 2025H1, 2025Q3...

Every metric row in a currency gets `reporting_value` / `reporting_currency`; a currency without a rate
gets NULL (never a guessed rate).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

import duckdb

from pipeline.periods import period_end, period_kind, previous_like_period, span_years

Key = tuple[str, str, str]  # (company, metric, period)

# Sources disagree when their stated values differ by more than this.
PERCENT_TOLERANCE_PP = 0.15
AMOUNT_TOLERANCE_REL = 0.02
# A share derived from rounded segment amounts may differ from the stated share by rounding alone.
CHECK_TOLERANCE_PP = 1.0
RANK = {"filing": 2, "stats": 1, "news": 0}
# The company whose token volume is the market total that token shares are measured against.
MARKET_COMPANY = "openrouter"
NOT_CURRENCIES = frozenset({"pp"})


def is_currency(unit: str | None) -> bool:
    """Return whether a unit is an ISO currency code (CNY, USD, HKD...)."""
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper() and unit not in NOT_CURRENCIES


@dataclass(slots=True)
class MetricValue:
    """The consensus value of one key, with its spread and provenance."""

    value: float
    unit: str
    qualifier: str
    n_sources: int
    min_value: float
    max_value: float
    conflict: bool
    basis: str
    document_ids: list[str]
    derived: bool = False


@dataclass(slots=True)
class MetricChange:
    """A metric row that is new or whose value or conflict flag changed in this recompute."""

    company: str
    metric: str
    period: str
    old_value: float | None
    new_value: float
    unit: str
    conflict: bool
    was_conflict: bool
    derived: bool

    @property
    def key(self) -> Key:
        """Return (company, metric, period)."""
        return (self.company, self.metric, self.period)


class FxError(ValueError):
    """An `fx:` table that cannot be used; the message says which entry."""


@dataclass(frozen=True, slots=True)
class FxTable:
    """Rates into the reporting currency: currency -> rate, or currency -> {period|default: rate}."""

    reporting_currency: str = "CNY"
    rates: Mapping[str, float | Mapping[str, float]] = field(default_factory=dict)

    @classmethod
    def from_config(cls, fx: Mapping | None, reporting_currency: str | None = None) -> FxTable:
        """Validate the config's `fx:` mapping (see the module docstring for its shape)."""
        reporting = str(reporting_currency or "CNY").upper()
        rates: dict[str, float | dict[str, float]] = {}
        for code, rate in (fx or {}).items():
            code = str(code).upper()
            if not is_currency(code):
                raise FxError(f"fx: {code!r} is not a currency code (expected e.g. USD)")
            if isinstance(rate, Mapping):
                rates[code] = {str(p): _positive(code, r, str(p)) for p, r in rate.items()}
            else:
                rates[code] = _positive(code, rate)
        return cls(reporting, rates)

    def rate(self, currency: str, period: str | None = None) -> float | None:
        """Return units of the reporting currency per unit of `currency` for a period, if known."""
        if currency == self.reporting_currency:
            return 1.0
        rate = self.rates.get(currency)
        if not isinstance(rate, Mapping):
            return rate
        candidates = [period] if period else []
        if period and period_kind(period) not in ("FY", "SPAN", "OPEN") and period[:4].isdigit():
            candidates.append(f"FY{period[:4]}")  # a half, quarter or month uses its year's rate
        if period and (years := span_years(period)):
            candidates.append(f"FY{years[1]}")
        for candidate in [*candidates, "default"]:
            if candidate in rate:
                return rate[candidate]
        return None

    def convert(self, value: float, currency: str, period: str | None = None) -> float | None:
        """Return a value in the reporting currency, or None when no rate is configured."""
        rate = self.rate(currency, period)
        return None if rate is None else value * rate


def _positive(code: str, rate: object, period: str | None = None) -> float:
    where = f"fx.{code}" + (f".{period}" if period else "")
    try:
        number = float(rate)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise FxError(f"{where}: rate {rate!r} is not a number") from None
    if not number > 0:
        raise FxError(f"{where}: rate must be positive, got {rate!r}")
    return number


def consensus(rows: list[tuple[float, str, str, str, str]]) -> MetricValue | None:
    """Combine (value, unit, qualifier, document id, document kind) rows of one key into one value."""
    if not rows:
        return None
    unit = Counter(r[1] for r in rows).most_common(1)[0][0]
    rows = [r for r in rows if r[1] == unit]
    best_rank = max(RANK.get(r[4], 0) for r in rows)
    ranked = [r for r in rows if RANK.get(r[4], 0) == best_rank]
    per_doc: dict[str, list[float]] = defaultdict(list)
    for value, _, _, doc_id, _ in ranked:
        per_doc[doc_id].append(value)
    doc_values = [statistics.median(v) for v in per_doc.values()]
    value = statistics.median(doc_values)
    stated = [r[0] for r in rows if r[2] == "eq"]
    conflict = False
    if len({r[3] for r in rows if r[2] == "eq"}) > 1:
        spread = max(stated) - min(stated)
        if unit in ("%", "pp"):
            conflict = spread > PERCENT_TOLERANCE_PP
        else:
            conflict = spread > AMOUNT_TOLERANCE_REL * max(abs(value), 1e-9)
    qualifiers = Counter(r[2] for r in ranked)
    qualifier = "eq" if qualifiers.get("eq") else qualifiers.most_common(1)[0][0]
    all_values = [r[0] for r in rows]
    basis = "filing" if best_rank == RANK["filing"] else ("single" if len(per_doc) == 1 else "median")
    return MetricValue(
        value=value, unit=unit, qualifier=qualifier, n_sources=len({r[3] for r in rows}),
        min_value=min(all_values), max_value=max(all_values), conflict=conflict, basis=basis,
        document_ids=sorted({r[3] for r in rows}),
    )


# --- stored metric rows, as derivations read them -------------------------------------------------

Row = MetricValue  # a stored metric row, as derivations read it

# Rows read or written across companies (token shares compare a company with the market).
CROSS_COMPANY_METRICS = ("token_volume", "daily_token_volume", "token_share", "daily_token_share")
_COLUMNS = ("company", "metric", "period", "value", "unit", "qualifier", "n_sources", "min_value", "max_value",
            "conflict", "derived", "basis", "document_ids")


class MetricTable:
    """The metric rows a recompute may read, held in memory, with the writes it makes; `flush` stores them.

    A recompute reads many small things (a period, the segments of a period, a metric across companies);
    one query loads them and the writes go back in one statement, instead of a round trip per key.
    """

    def __init__(self, fx: FxTable, rows: Mapping[Key, MetricValue] | None = None) -> None:
        self.fx = fx
        self.original: dict[Key, MetricValue] = {}
        self.written: dict[Key, MetricValue | None] = {}
        self._by_cm: dict[tuple[str, str], dict[str, MetricValue]] = defaultdict(dict)
        self._by_cp: dict[tuple[str, str], dict[str, MetricValue]] = defaultdict(dict)
        self._by_mp: dict[tuple[str, str], dict[str, MetricValue]] = defaultdict(dict)
        for key, row in (rows or {}).items():
            self.original[key] = row
            self._index(key, row)

    @classmethod
    def load(cls, conn: duckdb.DuckDBPyConnection, fx: FxTable, companies: Iterable[str] | None) -> MetricTable:
        """Load every row of these companies (all rows when None) plus the cross-company metrics."""
        sql = f"SELECT {', '.join(_COLUMNS)} FROM metrics"
        params: list = []
        if companies is not None:
            sql += " WHERE list_contains(?, company) OR list_contains(?, metric)"
            params = [sorted(set(companies)), list(CROSS_COMPANY_METRICS)]
        rows = {}
        for r in conn.execute(sql, params).fetchall():
            rows[(r[0], r[1], r[2])] = MetricValue(r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9]), r[11],
                                                   list(r[12] or []), bool(r[10]))
        return cls(fx, rows)

    def _index(self, key: Key, row: MetricValue | None) -> None:
        company, metric, period = key
        for index, outer, inner in ((self._by_cm, (company, metric), period), (self._by_cp, (company, period), metric),
                                    (self._by_mp, (metric, period), company)):
            if row is None:
                index[outer].pop(inner, None)
            else:
                index[outer][inner] = row

    def get(self, company: str, metric: str, period: str) -> MetricValue | None:
        """Return one row, or None."""
        return self._by_cm.get((company, metric), {}).get(period)

    def periods(self, company: str, metric: str) -> dict[str, MetricValue]:
        """Return every period of one company's metric."""
        return dict(self._by_cm.get((company, metric), {}))

    def segments(self, company: str, base: str, period: str) -> dict[str, MetricValue]:
        """Return {segment: row} for metrics `base.segment` of one company and period."""
        prefix = base + "."
        return {m[len(prefix):]: row for m, row in self._by_cp.get((company, period), {}).items()
                if m.startswith(prefix)}

    def companies(self, metric: str, period: str) -> dict[str, MetricValue]:
        """Return {company: row} for one metric and period across companies."""
        return dict(self._by_mp.get((metric, period), {}))

    def comparable(self, a: MetricValue, b: MetricValue, period: str) -> tuple[float, float] | None:
        """Return both values in one unit (converting currencies through FX), or None if impossible."""
        if a.unit == b.unit:
            return a.value, b.value
        if is_currency(a.unit) and is_currency(b.unit):
            va, vb = self.fx.convert(a.value, a.unit, period), self.fx.convert(b.value, b.unit, period)
            if va is not None and vb is not None:
                return va, vb
        return None

    def put(self, key: Key, value: MetricValue | None) -> MetricChange | None:
        """Set (or remove, with None) one row; return the change against the stored row, if it is news."""
        self.written[key] = value
        self._index(key, value)
        old = self.original.get(key)
        if value is None or (old is not None and _same(old.value, value.value) and old.conflict == value.conflict):
            return None
        return MetricChange(*key, old_value=old.value if old else None, new_value=value.value, unit=value.unit,
                            conflict=value.conflict, was_conflict=old.conflict if old else False,
                            derived=value.derived)

    def flush(self, conn: duckdb.DuckDBPyConnection, now: datetime) -> int:
        """Store the writes that differ from what is stored; return how many rows were written or deleted."""
        gone = [k for k, v in self.written.items() if v is None and k in self.original]
        changed = [(k, v) for k, v in self.written.items() if v is not None and v != self.original.get(k)]
        if gone:
            conn.execute(
                """DELETE FROM metrics WHERE (company, metric, period) IN (
                       SELECT (unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[])))""",
                [list(col) for col in zip(*gone, strict=True)])
        if changed:
            cols: dict[str, list] = {c: [] for c in (*_COLUMNS, "reporting_value", "reporting_currency",
                                                     "period_grain", "period_end")}
            for (company, metric, period), v in changed:
                reporting = self.fx.convert(v.value, v.unit, period) if is_currency(v.unit) else None
                for name, item in zip(cols, (company, metric, period, v.value, v.unit, v.qualifier, v.n_sources,
                                             v.min_value, v.max_value, v.conflict, v.derived, v.basis,
                                             v.document_ids, reporting,
                                             self.fx.reporting_currency if reporting is not None else None,
                                             period_grain(period), period_end(period)),
                                      strict=True):
                    cols[name].append(item)
            types = ("VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE", "VARCHAR", "VARCHAR", "INTEGER", "DOUBLE", "DOUBLE",
                     "BOOLEAN", "BOOLEAN", "VARCHAR", "VARCHAR[]", "DOUBLE", "VARCHAR", "VARCHAR", "DATE")
            select = ", ".join(f"unnest(?::{t}[]) AS {c}" for c, t in zip(cols, types, strict=True))
            conn.execute(
                f"""INSERT INTO metrics (company, metric, period, value, unit, qualifier, n_sources, min_value,
                                         max_value, conflict, derived, basis, document_ids, reporting_value,
                                         reporting_currency, period_grain, period_end, updated_at)
                    SELECT *, ?::TIMESTAMP FROM (SELECT {select})
                    ON CONFLICT (company, metric, period) DO UPDATE SET
                        value = excluded.value, unit = excluded.unit, qualifier = excluded.qualifier,
                        n_sources = excluded.n_sources, min_value = excluded.min_value,
                        max_value = excluded.max_value, conflict = excluded.conflict, derived = excluded.derived,
                        basis = excluded.basis, document_ids = excluded.document_ids,
                        reporting_value = excluded.reporting_value, reporting_currency = excluded.reporting_currency,
                        period_grain = excluded.period_grain, period_end = excluded.period_end,
                        updated_at = CASE WHEN metrics.value IS DISTINCT FROM excluded.value
                                            OR metrics.conflict IS DISTINCT FROM excluded.conflict
                                          THEN excluded.updated_at ELSE metrics.updated_at END""",
                [now, *cols.values()])  # the timestamp comes first in the text
        return len(gone) + len(changed)


def period_grain(period: str) -> str:
    """Return the kind of period the latest_metrics view groups by: `period_kind`, with both halves as H."""
    kind = period_kind(period)
    return "H" if kind in ("H1", "H2") else kind


def _docs(*rows: Row) -> list[str]:
    return sorted({d for r in rows for d in r.document_ids})


def _derived(value: float, unit: str, basis: str, *inputs: Row, digits: int = 4) -> MetricValue:
    value = round(value, digits)
    approx = any(r.qualifier != "eq" for r in inputs)
    return MetricValue(value=value, unit=unit, qualifier="approx" if approx else "eq", n_sources=1,
                       min_value=value, max_value=value, conflict=False, basis=f"derived: {basis}",
                       document_ids=_docs(*inputs), derived=True)


# --- derivations ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Derivation:
    """One family of derived metrics: what it reads, what it writes, which keys an input affects, the formula."""

    name: str
    reads: Callable[[str], bool]
    writes: Callable[[str], bool]
    targets: Callable[[MetricTable, Key], set[Key]]
    compute: Callable[[MetricTable, Key], MetricValue | None]
    check_stated: bool = False  # compare a stated value with the derived one; apart -> conflict


def _periodic(period: str) -> bool:
    return period_kind(period) not in ("D", "SPAN", "OPEN")


def _next_like_period(period: str) -> str | None:
    if not _periodic(period):
        return None
    year = int(period[2:6]) if period.startswith("FY") else int(period[:4])
    return period.replace(str(year), str(year + 1), 1)


def _split(metric: str) -> tuple[str, str]:
    base, _, segment = metric.partition(".")
    return base, segment


def _join(base: str, segment: str) -> str:
    return f"{base}.{segment}" if segment else base


# Year-over-year growth: metric -> growth metric ('revenue.cloud' -> 'revenue_growth.cloud').
GROWTH_BASES = {"revenue": "revenue_growth", "token_volume": "token_volume_growth",
                "daily_token_volume": "daily_token_volume_growth", "arr": "arr_growth"}
GROWTH_OUTPUTS = {v: k for k, v in GROWTH_BASES.items()}


def _growth_targets(table: MetricTable, key: Key) -> set[Key]:
    company, metric, period = key
    base, segment = _split(metric)
    out = _join(GROWTH_BASES[base], segment)
    return {(company, out, p) for p in (period, _next_like_period(period)) if p and _periodic(p)}


def _growth(table: MetricTable, key: Key) -> MetricValue | None:
    company, metric, period = key
    base, segment = _split(metric)
    source = _join(GROWTH_OUTPUTS[base], segment)
    prev = previous_like_period(period)
    if prev is None or not _periodic(period):
        return None
    now_row, prev_row = table.get(company, source, period), table.get(company, source, prev)
    if now_row is None or prev_row is None:
        return None
    pair = table.comparable(now_row, prev_row, period)
    if pair is None or pair[1] <= 0:
        return None
    return _derived((pair[0] / pair[1] - 1) * 100, "%", f"{source} {period} / {source} {prev} - 1",
                    now_row, prev_row)


# CAGR over spans of fiscal years: from the first known year to every year at least two years later.
CAGR_BASES = {"revenue": "revenue_cagr"}
CAGR_OUTPUTS = {v: k for k, v in CAGR_BASES.items()}


def _cagr_targets(table: MetricTable, key: Key) -> set[Key]:
    company, metric, period = key
    if period_kind(period) != "FY":
        return set()
    base, segment = _split(metric)
    out = _join(CAGR_BASES[base], segment)
    years = sorted(int(p[2:]) for p in table.periods(company, metric) if period_kind(p) == "FY")
    targets = {(company, out, p) for p, row in table.periods(company, out).items() if row.derived}
    if years:
        targets |= {(company, out, f"FY{years[0]}-FY{y}") for y in years if y - years[0] >= 2}
    return targets


def _cagr(table: MetricTable, key: Key) -> MetricValue | None:
    company, metric, period = key
    span = span_years(period)
    if span is None or span[1] - span[0] < 1:
        return None
    base, segment = _split(metric)
    source = _join(CAGR_OUTPUTS[base], segment)
    first, last = table.get(company, source, f"FY{span[0]}"), table.get(company, source, f"FY{span[1]}")
    if first is None or last is None:
        return None
    pair = table.comparable(last, first, f"FY{span[1]}")
    if pair is None or pair[1] <= 0 or pair[0] <= 0:
        return None
    years = span[1] - span[0]
    return _derived(((pair[0] / pair[1]) ** (1 / years) - 1) * 100, "%",
                    f"({source} FY{span[1]} / {source} FY{span[0]})^(1/{years}) - 1", last, first)


# Revenue mix: segment shares from segment amounts, over stated revenue or else the sum of the segments.
def _mix_targets(table: MetricTable, key: Key) -> set[Key]:
    company, metric, period = key
    # Without a stated total every share depends on every segment (through their sum), so take them all,
    # plus a segment that just lost its amount and the derived shares already stored (they may go stale).
    segments = set(table.segments(company, "revenue", period))
    if metric.startswith("revenue."):
        segments.add(_split(metric)[1])
    segments |= {s for s, row in table.segments(company, "revenue_share", period).items() if row.derived}
    return {(company, f"revenue_share.{s}", period) for s in segments}


def _mix(table: MetricTable, key: Key) -> MetricValue | None:
    company, metric, period = key
    segment = _split(metric)[1]
    segments = table.segments(company, "revenue", period)
    part = segments.get(segment)
    if part is None:
        return None
    total = table.get(company, "revenue", period)
    if total is not None and (pair := table.comparable(part, total, period)) and pair[1] > 0:
        return _derived(pair[0] / pair[1] * 100, "%", f"revenue.{segment} {period} / revenue {period}",
                        part, total)
    if len(segments) < 2 or len({r.unit for r in segments.values()}) != 1:
        return None
    whole = sum(r.value for r in segments.values())
    if whole <= 0:
        return None
    names = "+".join(sorted(segments))
    return _derived(part.value / whole * 100, "%",
                    f"revenue.{segment} {period} / sum of revenue.{{{names}}} {period}", *segments.values())


# Ratios of two same-period metrics: output -> (numerator, denominator, unit, factor).
RATIOS = {
    "rd_intensity": ("rd_expense", "revenue", "%", 100.0),
    "rd_to_revenue": ("rd_expense", "revenue", "x", 1.0),
    "loss_ratio": ("net_loss", "revenue", "%", 100.0),
    "adjusted_loss_ratio": ("adjusted_net_loss", "revenue", "%", 100.0),
}


def _ratio_targets(table: MetricTable, key: Key) -> set[Key]:
    company, metric, period = key
    return {(company, out, period) for out, (num, den, _, _) in RATIOS.items() if metric in (num, den)}


def _ratio(table: MetricTable, key: Key) -> MetricValue | None:
    company, metric, period = key
    num_metric, den_metric, unit, factor = RATIOS[metric]
    num, den = table.get(company, num_metric, period), table.get(company, den_metric, period)
    if num is None or den is None:
        return None
    pair = table.comparable(num, den, period)
    if pair is None or pair[1] <= 0:
        return None
    formula = f"{num_metric} {period} / {den_metric} {period}" + (" x 100" if factor != 1 else "")
    return _derived(pair[0] / pair[1] * factor, unit, formula, num, den)


# Token share: a company's token volume over the market total stated for the same period.
SHARES = {"token_share": "token_volume", "daily_token_share": "daily_token_volume"}


def _share_targets(table: MetricTable, key: Key) -> set[Key]:
    company, metric, period = key
    out = next(o for o, base in SHARES.items() if base == metric)
    if company == MARKET_COMPANY:
        return {(c, out, period) for c in table.companies(metric, period) if c != MARKET_COMPANY}
    return {(company, out, period)}


def _share(table: MetricTable, key: Key) -> MetricValue | None:
    company, metric, period = key
    base = SHARES[metric]
    part, market = table.get(company, base, period), table.get(MARKET_COMPANY, base, period)
    if company == MARKET_COMPANY or part is None or market is None or part.unit != market.unit:
        return None
    if market.value <= 0 or part.value > market.value:
        return None  # a volume larger than the market total is not a share of that market
    return _derived(part.value / market.value * 100, "%",
                    f"{base} {period} / {base} of {MARKET_COMPANY} {period} x 100", part, market)


DERIVATIONS: tuple[Derivation, ...] = (
    Derivation("growth", reads=lambda m: _split(m)[0] in GROWTH_BASES,
               writes=lambda m: _split(m)[0] in GROWTH_OUTPUTS, targets=_growth_targets, compute=_growth),
    Derivation("cagr", reads=lambda m: _split(m)[0] in CAGR_BASES,
               writes=lambda m: _split(m)[0] in CAGR_OUTPUTS, targets=_cagr_targets, compute=_cagr),
    Derivation("revenue_mix", reads=lambda m: m == "revenue" or m.startswith("revenue."),
               writes=lambda m: m.startswith("revenue_share."), targets=_mix_targets, compute=_mix,
               check_stated=True),
    Derivation("ratio", reads=lambda m: any(m in (n, d) for n, d, _, _ in RATIOS.values()),
               writes=lambda m: m in RATIOS, targets=_ratio_targets, compute=_ratio),
    Derivation("token_share", reads=lambda m: m in SHARES.values(),
               writes=lambda m: m in SHARES, targets=_share_targets, compute=_share),
)


# --- the recompute ----------------------------------------------------------------------------------


def recompute_metrics(
    conn: duckdb.DuckDBPyConnection, keys: Iterable[Key] | None, now: datetime, *,
    fx: Mapping | FxTable | None = None, reporting_currency: str | None = None,
) -> list[MetricChange]:
    """Recompute the given keys (all when None) and the derived keys depending on them; return what changed."""
    fx_table = fx if isinstance(fx, FxTable) else FxTable.from_config(fx, reporting_currency)
    if keys is None:
        keys = {tuple(r) for r in conn.execute("SELECT DISTINCT company, metric, period FROM facts").fetchall()}
        keys |= {tuple(r) for r in conn.execute("SELECT company, metric, period FROM metrics").fetchall()}
        table = MetricTable.load(conn, fx_table, None)
        facts = TrustedFacts.everything(conn)
    else:
        keys = set(keys)
        table = MetricTable.load(conn, fx_table, {k[0] for k in keys}) if keys else MetricTable(fx_table)
        facts = TrustedFacts(conn)
        # Every scan of the facts costs the same however few keys it looks for: fetch the keys the derivations
        # will most likely ask for (as the table stands now) together with the stated ones.
        facts.fetch(_derivation_targets(table, keys))
    changes: dict[Key, MetricChange] = {}
    if keys:
        # Stated keys first: derivations read them.
        stated = {k for k in keys if not any(d.writes(k[1]) for d in DERIVATIONS)}
        found = facts.of(stated)
        for key in sorted(stated):
            _record(changes, key, table.put(key, consensus(found[key])))
        seen = set(keys)
        for derivation in DERIVATIONS:
            targets = _targets(derivation, table, seen)
            found = facts.of(targets)
            for key in sorted(targets):
                value = _merge(consensus(found[key]), derivation.compute(table, key), derivation)
                _record(changes, key, table.put(key, value))
            seen |= targets  # a later derivation may read what this one wrote
        table.flush(conn, now)
    if fx is not None:
        refresh_reporting_values(conn, fx_table)
    return list(changes.values())


def _targets(derivation: Derivation, table: MetricTable, seen: set[Key]) -> set[Key]:
    """Return the keys a derivation writes, given the keys recomputed so far."""
    targets = {k for k in seen if derivation.writes(k[1])}
    for key in sorted(seen):
        if derivation.reads(key[1]):
            targets |= derivation.targets(table, key)
    return targets


def _derivation_targets(table: MetricTable, keys: set[Key]) -> set[Key]:
    """Return the keys and every derived key the derivations would visit for them, without computing any."""
    seen = set(keys)
    for derivation in DERIVATIONS:
        seen |= _targets(derivation, table, seen)
    return seen


class TrustedFacts:
    """The trusted facts of parsed documents per key, fetched in as few scans of the facts table as possible."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, *, complete: bool = False) -> None:
        self.conn = conn
        self.known: dict[Key, list] = defaultdict(list)
        self.fetched: set[Key] = set()
        self.complete = complete  # every trusted fact is loaded: a key not known has none

    @classmethod
    def everything(cls, conn: duckdb.DuckDBPyConnection) -> TrustedFacts:
        """Load every trusted fact in one scan (a full recompute needs them all)."""
        facts = cls(conn, complete=True)
        facts._add(conn.execute(f"{_FACTS_SQL} WHERE f.reason IS NULL AND d.status = 'parsed'").fetchall())
        return facts

    def fetch(self, keys: set[Key]) -> None:
        """Load the facts of the keys not loaded yet, in one query."""
        missing = set() if self.complete else keys - self.fetched
        if not missing:
            return
        companies, metrics, periods = (list(col) for col in zip(*sorted(missing), strict=True))
        self._add(self.conn.execute(
            f"""WITH k AS (SELECT unnest(?::VARCHAR[]) AS company, unnest(?::VARCHAR[]) AS metric,
                                  unnest(?::VARCHAR[]) AS period)
                {_FACTS_SQL} JOIN k USING (company, metric, period)
                WHERE f.reason IS NULL AND d.status = 'parsed'""", [companies, metrics, periods]).fetchall())
        self.fetched |= missing

    def of(self, keys: set[Key]) -> dict[Key, list]:
        """Return {key: [(value, unit, qualifier, document id, document kind), ...]} for these keys."""
        self.fetch(keys)
        return {k: self.known.get(k, []) for k in keys}

    def _add(self, rows: list[tuple]) -> None:
        for company, metric, period, *rest in rows:
            self.known[(company, metric, period)].append(tuple(rest))


_FACTS_SQL = """SELECT f.company, f.metric, f.period, f.value, f.unit, f.qualifier, f.document_id, d.kind
                FROM facts f JOIN documents d ON d.id = f.document_id"""


def _record(changes: dict[Key, MetricChange], key: Key, change: MetricChange | None) -> None:
    if change is None:
        changes.pop(key, None)
    else:
        changes[key] = change


def _merge(stated: MetricValue | None, derived: MetricValue | None, derivation: Derivation) -> MetricValue | None:
    """A stated value wins; a derivation that checks notes (and flags) how far the derived one is."""
    if stated is None or derived is None or not derivation.check_stated or stated.unit != derived.unit:
        return stated or derived
    apart = abs(stated.value - derived.value)
    tolerance = CHECK_TOLERANCE_PP if stated.unit == "%" else AMOUNT_TOLERANCE_REL * max(abs(stated.value), 1e-9)
    disagree = stated.qualifier == "eq" and derived.qualifier == "eq" and apart > tolerance
    note = f"; check {derived.basis} = {derived.value:g}{'' if derived.unit == '%' else ' '}{derived.unit}"
    return replace(stated, conflict=stated.conflict or disagree,
                   basis=stated.basis + note + (" (disagrees)" if disagree else ""),
                   document_ids=sorted(set(stated.document_ids) | set(derived.document_ids)))


def _same(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def refresh_reporting_values(conn: duckdb.DuckDBPyConnection, fx: FxTable) -> int:
    """Bring every amount's reporting value in line with the FX table; return the rows changed (usually 0).

    A rate depends only on (currency, period), so the rates of the few distinct pairs are worked out here
    and one UPDATE fixes the rows that disagree, instead of reading every amount into Python on every run.
    """
    pairs = conn.execute(
        """SELECT DISTINCT unit, period FROM metrics
           WHERE regexp_full_match(unit, '[A-Z]{3}') OR reporting_value IS NOT NULL
              OR reporting_currency IS NOT NULL""").fetchall()
    if not pairs:
        return 0
    units, periods, rates = (list(col) for col in zip(
        *[(u, p, fx.rate(u, p) if is_currency(u) else None) for u, p in pairs], strict=True))
    # Same product as FxTable.convert (value * rate) and the same tolerance as _same.
    return conn.execute(
        """UPDATE metrics SET reporting_value = metrics.value * r.rate,
                              reporting_currency = CASE WHEN r.rate IS NOT NULL THEN $currency END
           FROM (SELECT unnest($units::VARCHAR[]) AS unit, unnest($periods::VARCHAR[]) AS period,
                        unnest($rates::DOUBLE[]) AS rate) r
           WHERE metrics.unit = r.unit AND metrics.period = r.period
             AND ((metrics.reporting_value IS NULL) <> (r.rate IS NULL)
                  OR abs(metrics.reporting_value - metrics.value * r.rate)
                     > 1e-9 * greatest(abs(metrics.reporting_value), abs(metrics.value * r.rate), 1.0)
                  OR metrics.reporting_currency IS DISTINCT FROM CASE WHEN r.rate IS NOT NULL THEN $currency END)""",
        {"units": units, "periods": periods, "rates": rates, "currency": fx.reporting_currency}).fetchone()[0]


def metric_history(conn: duckdb.DuckDBPyConnection, company: str, metric: str) -> list[tuple[str, float, str]]:
    """Return (period, value, unit) of one company's metric over time, oldest first (no spans)."""
    return metric_histories(conn, {(company, metric)}).get((company, metric), [])


def metric_histories(conn: duckdb.DuckDBPyConnection, pairs: Iterable[tuple[str, str]],
                     ) -> dict[tuple[str, str], list[tuple[str, float, str]]]:
    """Return {(company, metric): [(period, value, unit), ...] oldest first (no spans)} in one query."""
    pairs = sorted(set(pairs))
    if not pairs:
        return {}
    companies, metrics = (list(col) for col in zip(*pairs, strict=True))
    rows = conn.execute(
        """WITH p AS (SELECT unnest(?::VARCHAR[]) AS company, unnest(?::VARCHAR[]) AS metric)
           SELECT company, metric, period, value, unit FROM metrics JOIN p USING (company, metric)""",
        [companies, metrics]).fetchall()
    dated: dict[tuple[str, str], list] = defaultdict(list)
    for company, metric, p, v, u in rows:
        if period_end(p) is not None and period_kind(p) not in ("SPAN", "OPEN"):
            dated[(company, metric)].append((period_end(p), period_kind(p), p, v, u))
    # At one end date the longer period first (FY2025 before 2025H2), then by name for stability.
    order = {"FY": 0, "Q1-Q3": 1, "H2": 2, "H1": 2, "Q": 3, "M": 4, "D": 5}
    return {pair: [(p, v, u) for _, _, p, v, u in sorted(series, key=lambda r: (r[0], order.get(r[1], 9), r[2]))]
            for pair, series in dated.items()}
