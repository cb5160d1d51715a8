"""A one-page, self-contained HTML dashboard per company (`marketmon report`): charts as base64 PNG.

Sections: key figures, revenue and its mix over time, losses, token volume, conflicts between sources,
and the sources behind every number (quote and link). Every string from a document is HTML-escaped;
only http(s) and file links become links.
"""

from __future__ import annotations

import base64
import html
from datetime import datetime
from urllib.parse import urlsplit

import duckdb

from alerts.messages import format_value, metric_label
from pipeline.metrics import metric_history
from pipeline.periods import period_end, period_kind

MIX_SEGMENTS = ("on_premise", "cloud", "consumer")
LOSS_METRICS = ("net_loss", "adjusted_net_loss")
TOKEN_METRICS = ("daily_token_volume", "token_volume")
KEY_FIGURES = ("revenue", "revenue_growth", "revenue_cagr", "rd_expense", "rd_intensity", "rd_to_revenue",
               "net_loss", "adjusted_net_loss", "adjusted_loss_ratio", "loss_ratio", "daily_token_volume",
               "token_share", "market_cap")

CSS = """
body{font-family:-apple-system,Segoe UI,Helvetica,Arial,"Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:1100px;
color:#222;padding:0 1rem}
h1{margin-bottom:.2rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
.meta{color:#666;font-size:.9rem}table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0}
th,td{border-bottom:1px solid #eee;padding:.3rem .4rem;text-align:left;vertical-align:top}th{background:#fafafa}
td.num{text-align:right;white-space:nowrap}.conflict{color:#b00;font-weight:600}.derived{color:#666;font-style:italic}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.charts img{max-width:100%;border:1px solid #eee}
blockquote{margin:0;color:#444}.empty{color:#888}
"""


class ReportError(ValueError):
    """A report that cannot be made (unknown company, no data); the message says why."""


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text))


def _link(url: str | None, label: str | None) -> str:
    if not url:
        return _e(label)
    if urlsplit(url).scheme not in ("http", "https", "file"):
        return f"{_e(label or url)} ({_e(url)})"
    return f'<a href="{_e(url)}" rel="noopener noreferrer">{_e(label or url)}</a>'


def _img(png: bytes, alt: str) -> str:
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">'


def _sorted_periods(periods: set[str]) -> list[str]:
    return sorted((p for p in periods if period_end(p) and period_kind(p) not in ("SPAN", "OPEN")),
                  key=lambda p: (period_end(p), p))


def build_report(conn: duckdb.DuckDBPyConnection, company: str, company_name: str | None = None,
                 generated: datetime | None = None) -> str:
    """Return the HTML dashboard of one company."""
    n = conn.execute("SELECT count(*) FROM metrics WHERE company = ?", [company]).fetchone()[0]
    if not n:
        raise ReportError(f"no metrics stored for company {company!r} (run `marketmon run` first?)")
    from alerts.charts import render_history, render_stacked_shares  # matplotlib: only when there is a page
    who = company_name or company
    label = who if who.isascii() else company  # the bundled chart fonts have no CJK glyphs
    parts = [f"<h1>{_e(who)}</h1>",
             f'<p class="meta">company id {_e(company)} · {n} metric values · generated '
             f"{_e(f'{generated:%Y-%m-%d %H:%M}') if generated else ''}</p>"]

    parts.append("<h2>Key figures</h2>" + _key_figures(conn, company))

    charts = []
    revenue = metric_history(conn, company, "revenue")
    if revenue:
        charts.append(_img(render_history([(p, v) for p, v, _ in revenue], f"{label}: revenue", revenue[-1][2],
                                          kind="bar"), "revenue over time"))
    mix_rows = {s: {p: v for p, v, _ in metric_history(conn, company, f"revenue_share.{s}")} for s in MIX_SEGMENTS}
    mix_periods = _sorted_periods({p for rows in mix_rows.values() for p in rows})
    if mix_periods:
        series = {metric_label(f"revenue_share.{s}").replace(" share of revenue", ""): [mix_rows[s].get(p)
                  for p in mix_periods] for s in MIX_SEGMENTS if mix_rows[s]}
        charts.append(_img(render_stacked_shares(mix_periods, series, f"{label}: revenue mix"), "revenue mix"))
    parts.append("<h2>Revenue and mix</h2>" + (f'<div class="charts">{"".join(charts)}</div>' if charts
                                                 else '<p class="empty">No revenue figures yet.</p>'))
    parts.append(_metric_table(conn, company, ["revenue", "revenue_growth", "revenue_cagr"], like="revenue_share.%"))

    loss_charts = []
    for metric in LOSS_METRICS:
        points = metric_history(conn, company, metric)
        if points:
            loss_charts.append(_img(render_history([(p, v) for p, v, _ in points], f"{label}: {metric_label(metric)}",
                                                   points[-1][2], kind="bar"), metric_label(metric)))
    parts.append("<h2>Losses</h2>" + (f'<div class="charts">{"".join(loss_charts)}</div>' if loss_charts
                                       else '<p class="empty">No loss figures yet.</p>'))
    parts.append(_metric_table(conn, company, [*LOSS_METRICS, "loss_ratio", "adjusted_loss_ratio", "rd_expense",
                                               "rd_intensity", "rd_to_revenue"]))

    token_charts = []
    for metric in TOKEN_METRICS:
        points = metric_history(conn, company, metric)
        if points:
            token_charts.append(_img(render_history([(p, v) for p, v, _ in points],
                                                    f"{label}: {metric_label(metric)}", points[-1][2]),
                                     metric_label(metric)))
    parts.append("<h2>Token volume</h2>" + (f'<div class="charts">{"".join(token_charts)}</div>' if token_charts
                                             else '<p class="empty">No token figures yet.</p>'))
    parts.append(_metric_table(conn, company, [*TOKEN_METRICS, "token_share", "daily_token_share",
                                               "daily_token_volume_growth", "token_volume_growth"]))

    parts.append("<h2>Conflicts between sources</h2>" + _conflicts(conn, company))
    parts.append("<h2>Sources behind each number</h2>" + _sources(conn, company))
    parts.append("<h2>Recent alerts</h2>" + _alerts(conn, company))
    body = "\n".join(parts)
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>marketmon: {_e(who)}</title>'
            f"<style>{CSS}</style></head><body>\n{body}\n</body></html>\n")


def _value_cell(value: float | None, unit: str | None, reporting: float | None = None,
                currency: str | None = None) -> str:
    text = _e(format_value(value, unit))
    if reporting is not None and currency and currency != unit:
        text += f'<br><span class="derived">≈ {_e(format_value(reporting, currency))}</span>'
    return f'<td class="num">{text}</td>'


def _key_figures(conn: duckdb.DuckDBPyConnection, company: str) -> str:
    rows = conn.execute(
        """SELECT metric, period, value, unit, derived, conflict, basis, reporting_value, reporting_currency
           FROM metrics WHERE company = ? AND list_contains(?, metric)""", [company, list(KEY_FIGURES)]).fetchall()
    latest: dict[str, tuple] = {}
    for row in rows:
        end = period_end(row[1])
        if end is None:
            continue
        if row[0] not in latest or (end, period_kind(row[1]) == "FY") > (period_end(latest[row[0]][1]),
                                                                         period_kind(latest[row[0]][1]) == "FY"):
            latest[row[0]] = row
    if not latest:
        return '<p class="empty">No key figures yet.</p>'
    out = ["<table><tr><th>metric</th><th>period</th><th>value</th><th>how</th></tr>"]
    for metric in KEY_FIGURES:
        if metric in latest:
            _, period, value, unit, derived, conflict, basis, rv, rc = latest[metric]
            how = f'<span class="derived">{_e(basis)}</span>' if derived else _e(basis)
            if conflict:
                how += ' <span class="conflict">sources disagree</span>'
            out.append(f"<tr><td>{_e(metric_label(metric))}</td><td>{_e(period)}</td>"
                       f"{_value_cell(value, unit, rv, rc)}<td>{how}</td></tr>")
    return "".join(out) + "</table>"


def _metric_table(conn: duckdb.DuckDBPyConnection, company: str, metrics: list[str], like: str | None = None) -> str:
    rows = conn.execute(
        """SELECT metric, period, value, unit, n_sources, min_value, max_value, conflict, derived, basis,
                  reporting_value, reporting_currency
           FROM metrics WHERE company = ? AND (list_contains(?, metric) OR metric LIKE coalesce(?, ''))""",
        [company, metrics, like]).fetchall()
    if not rows:
        return ""
    rows.sort(key=lambda r: (r[0], period_end(r[1]) or datetime.min.date(), r[1]))
    out = ["<table><tr><th>metric</th><th>period</th><th>value</th><th>sources</th><th>range</th><th>how</th></tr>"]
    for metric, period, value, unit, n, lo, hi, conflict, derived, basis, rv, rc in rows:
        spread = "" if lo == hi else f"{_e(format_value(lo, unit))} – {_e(format_value(hi, unit))}"
        cls = ' class="conflict"' if conflict else ""
        how = f'<span class="derived">{_e(basis)}</span>' if derived else _e(basis)
        out.append(f"<tr{cls}><td>{_e(metric_label(metric))}</td><td>{_e(period)}</td>"
                   f"{_value_cell(value, unit, rv, rc)}<td>{n}</td><td>{spread}</td><td>{how}</td></tr>")
    return "".join(out) + "</table>"


def _conflicts(conn: duckdb.DuckDBPyConnection, company: str) -> str:
    rows = conn.execute(
        """SELECT m.metric, m.period, m.value, f.value, f.unit, f.quote, d.title, d.url
           FROM metrics m JOIN facts f USING (company, metric, period) JOIN documents d ON d.id = f.document_id
           WHERE m.company = ? AND m.conflict AND f.reason IS NULL
           ORDER BY m.metric, m.period, f.value""", [company]).fetchall()
    if not rows:
        return '<p class="empty">No conflicting sources.</p>'
    out = ["<table><tr><th>metric</th><th>period</th><th>consensus</th><th>this source says</th><th>quote</th>"
           "<th>source</th></tr>"]
    for metric, period, consensus, value, unit, quote, title, url in rows:
        out.append(f'<tr class="conflict"><td>{_e(metric_label(metric))}</td><td>{_e(period)}</td>'
                   f"<td class=\"num\">{_e(format_value(consensus, unit))}</td>"
                   f"<td class=\"num\">{_e(format_value(value, unit))}</td>"
                   f"<td><blockquote>{_e(quote)}</blockquote></td><td>{_link(url, title)}</td></tr>")
    return "".join(out) + "</table>"


def _sources(conn: duckdb.DuckDBPyConnection, company: str) -> str:
    rows = conn.execute(
        """SELECT f.metric, f.period, f.value, f.unit, f.qualifier, f.reason, f.quote, d.title, d.url, d.kind,
                  d.published_at
           FROM facts f JOIN documents d ON d.id = f.document_id
           WHERE f.company = ? ORDER BY f.metric, f.period, d.published_at NULLS LAST, f.value""",
        [company]).fetchall()
    if not rows:
        return '<p class="empty">No facts stored.</p>'
    out = ["<table><tr><th>metric</th><th>period</th><th>value</th><th>quote</th><th>source</th></tr>"]
    for metric, period, value, unit, qualifier, reason, quote, title, url, kind, published in rows:
        note = f' <span class="conflict">set aside: {_e(reason)}</span>' if reason else ""
        q = "" if qualifier == "eq" else f" ({_e(qualifier)})"
        date = f" · {published:%Y-%m-%d}" if published else ""
        out.append(f"<tr><td>{_e(metric_label(metric))}</td><td>{_e(period)}</td>"
                   f'<td class="num">{_e(format_value(value, unit))}{q}</td>'
                   f"<td><blockquote>{_e(quote)}</blockquote>{note}</td>"
                   f"<td>{_link(url, title)}<br><span class=\"meta\">{_e(kind)}{_e(date)}</span></td></tr>")
    return "".join(out) + "</table>"


def _alerts(conn: duckdb.DuckDBPyConnection, company: str) -> str:
    rows = conn.execute(
        """SELECT created_at, severity, title, body, status FROM alerts WHERE company = ?
           ORDER BY created_at DESC, key LIMIT 20""", [company]).fetchall()
    if not rows:
        return '<p class="empty">No alerts.</p>'
    out = ["<table><tr><th>when</th><th>severity</th><th>alert</th><th>status</th></tr>"]
    for created, severity, title, body, status in rows:
        out.append(f"<tr><td>{created:%Y-%m-%d %H:%M}</td><td>{_e(severity)}</td>"
                   f"<td><b>{_e(title)}</b><br>{_e(body)}</td><td>{_e(status)}</td></tr>")
    return "".join(out) + "</table>"
