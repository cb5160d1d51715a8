"""Alert text and Slack Block Kit: pure functions from alerts and their evidence to what people read.

Everything that came from a document (titles, quotes, URLs) is untrusted: `escape_mrkdwn` escapes &, < and >
as Slack's docs ask and breaks @everyone/@channel/@here, so an article cannot ping a channel or inject a link.
"""

from __future__ import annotations

import re
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from alerts.outbox import Digest, OutboxAlert
from alerts.rules import Alert

METRIC_NAMES = {
    "revenue": "revenue", "revenue_growth": "revenue growth", "revenue_cagr": "revenue CAGR",
    "rd_expense": "R&D expense", "net_loss": "net loss", "adjusted_net_loss": "adjusted net loss",
    "daily_token_volume": "daily token volume", "token_volume": "token volume", "arr": "ARR",
    "market_cap": "market cap", "gross_margin": "gross margin", "rd_intensity": "R&D intensity",
    "rd_to_revenue": "R&D to revenue", "loss_ratio": "net loss ratio",
    "adjusted_loss_ratio": "adjusted net loss ratio", "token_share": "token share",
    "daily_token_share": "daily token share", "token_volume_growth": "token volume growth",
    "daily_token_volume_growth": "daily token volume growth", "arr_growth": "ARR growth",
}
SEGMENTS = {"on_premise": "on-premise", "cloud": "cloud/API", "consumer": "consumer apps"}
CURRENCIES = ("CNY", "USD", "HKD", "EUR")

# Slack's limits (docs.slack.dev/reference/block-kit): per message, per block type.
MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_FIELD_TEXT = 2000
MAX_FIELDS = 10
MAX_CONTEXT_ELEMENTS = 10
MAX_FALLBACK_TEXT = 3000
ALERTS_PER_MESSAGE = 12  # 3 blocks an alert + header + footer stays well under 50 blocks

SEVERITY_MARK = {"high": ":red_circle:", "medium": ":large_orange_circle:", "low": ":white_circle:"}
_BROADCAST = re.compile(r"@(everyone|channel|here)\b", re.IGNORECASE)
_ZWSP = "\u200b"


def metric_label(metric: str | None) -> str:
    """Return a human name for a metric id ('revenue_share.cloud' -> 'cloud/API share of revenue')."""
    if not metric:
        return "filing"
    base, _, segment = metric.partition(".")
    if base == "revenue_share" and segment:
        return f"{SEGMENTS.get(segment, segment)} share of revenue"
    name = METRIC_NAMES.get(base, base.replace("_", " "))
    return f"{name} ({SEGMENTS.get(segment, segment)})" if segment else name


def format_value(value: float | None, unit: str | None) -> str:
    """Return a value with its unit for people (312400000 CNY -> 'CNY 312.4M', 84.8 % -> '84.8%')."""
    if value is None:
        return "?"
    if unit in ("%",):
        return f"{value:.4g}%"
    if unit == "pp":
        return f"{value:+.4g} pp"
    if unit == "x":
        return f"{value:.4g}x"
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            number = f"{value / size:.4g}{suffix}"
            break
    else:
        number = f"{value:.4g}"
    if unit in CURRENCIES or (unit and len(unit) == 3 and unit.isupper()):
        return f"{unit} {number}"
    return f"{number} {unit}" if unit else number


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def build_alert_text(alert: Alert, company_name: str | None = None) -> tuple[str, str]:
    """Return (title, body) for an alert: what happened, and why the rule fired."""
    who = company_name or alert.company or "market"
    label = metric_label(alert.metric)
    value = format_value(alert.value, alert.unit)
    if alert.kind == "new_filing":
        d = alert.details
        title = f"{who}: new {d.get('exchange') + ' ' if d.get('exchange') else ''}filing: {d.get('title') or ''}"
        body = f"{_capital(alert.reason)}" + (f" ({d['form']})" if d.get("form") else "") + (
            f", filed {d['filed']}." if d.get("filed") else ".")
        return title.rstrip(": "), body
    if alert.kind == "conflict":
        lo, hi, n = (alert.details.get(k) for k in ("min", "max", "n_sources"))
        title = f"{who}: sources disagree on {label} {alert.period}"
        spread = f" from {format_value(lo, alert.unit)} to {format_value(hi, alert.unit)}" if lo is not None else ""
        body = (f"{n or 'Several'} sources give {label} for {alert.period}{spread}; "
                f"the consensus used is {value}.")
        return title, body
    if alert.kind == "implausible":
        title = f"{who}: implausible {label} {alert.period} {value}"
        body = (f"{_capital(label)} {value} for {alert.period} was set aside: {alert.details.get('why') or alert.reason}. "
                "It is kept with its source but not used in metrics.")
        return title, body
    if alert.kind == "first_seen":
        title = f"{who}: first {label} figure ({alert.period} {value})"
        periods = alert.details.get("periods") or [alert.period]
        body = f"{_capital(label)} is reported for {who} for the first time: {value} in {alert.period}" + (
            f" ({len(periods)} periods: {', '.join(periods)})." if len(periods) > 1 else ".")
        return title, body
    title = f"{who}: {label} {alert.period} {value}"
    if alert.previous_period:
        body = (f"{_capital(label)} {alert.reason}: {value} in "
                f"{alert.period}, from {format_value(alert.previous_value, alert.unit)} in {alert.previous_period}.")
    else:
        body = f"{_capital(label)} for {alert.period}: {alert.reason}."
    return title, body


def trend_text(history: list[list], unit: str | None, limit: int = 6) -> str:
    """Return a metric's recent history as 'FY2022 CNY 57.4M → FY2023 CNY 124.5M → ...'."""
    points = history[-limit:]
    return " → ".join(f"{p} {format_value(v, unit)}" for p, v in points)


SPARK_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float], limit: int = 12) -> str:
    """Return the last `limit` values as a one-line bar chart ('▁▃▅█'), scaled between their min and max."""
    points = values[-limit:]
    if not points:
        return ""
    low, high = min(points), max(points)
    if high == low:
        return SPARK_BARS[3] * len(points)
    top = len(SPARK_BARS) - 1
    return "".join(SPARK_BARS[round((v - low) / (high - low) * top)] for v in points)


# --- escaping -------------------------------------------------------------------------------------


def escape_mrkdwn(text: str | None) -> str:
    """Escape untrusted text for Slack mrkdwn: &, <, > as entities; broadcast mentions broken."""
    if not text:
        return ""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub(lambda m: "@" + _ZWSP + m.group(1), text)


def escape_plain(text: str | None) -> str:
    """Neutralise untrusted text for plain_text fields (shown as is): no mention syntax, no broadcasts."""
    if not text:
        return ""
    text = text.replace("<", "‹").replace(">", "›")
    return _BROADCAST.sub(lambda m: "@" + _ZWSP + m.group(1), text)


def safe_link(url: str | None, label: str | None) -> str:
    """Return a mrkdwn link to an http(s) URL with an escaped label; anything else as escaped text."""
    label_text = escape_mrkdwn(label or url or "")
    if not url:
        return label_text
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return label_text + (f" ({escape_mrkdwn(url)})" if url != label else "")
    # <, >, | and whitespace would end or split the link; percent-encode them, then escape &.
    target = url_quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~-._").replace("&", "&amp;")
    return f"<{target}|{label_text.replace('|', '¦')}>"


def truncate(text: str, limit: int) -> str:
    """Cut text to a limit with an ellipsis, never splitting an &entity;."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + "…"


# --- Block Kit ------------------------------------------------------------------------------------


def digest_fallback_text(digest: Digest) -> str:
    """Return the notification text of a digest (what push notifications and screen readers show)."""
    if len(digest.alerts) == 1:
        return truncate(escape_mrkdwn(digest.alerts[0].title), MAX_FALLBACK_TEXT)
    titles = "; ".join(a.title for a in digest.alerts)
    return truncate(escape_mrkdwn(f"{digest.company_name}: {len(digest.alerts)} alerts: {titles}"), MAX_FALLBACK_TEXT)


def alert_blocks(alert: OutboxAlert) -> list[dict]:
    """Return the blocks of one alert: the finding with its fields and quote, then its sources."""
    payload = alert.payload or {}
    data = payload.get("alert") or {}
    unit = data.get("unit")
    mark = SEVERITY_MARK.get(alert.severity, "")
    quote = alert.quote if alert.kind != "new_filing" else None
    text = f"{mark} *{escape_mrkdwn(alert.title)}*\n{escape_mrkdwn(alert.body)}"
    if quote:
        text += "\n>" + escape_mrkdwn(" ".join(quote.split()))
    fields = []
    if alert.value is not None:
        fields.append(("Value", f"{format_value(alert.value, unit)} ({alert.period})"))
    if data.get("previous_period"):
        fields.append(("Before", f"{format_value(data.get('previous_value'), unit)} ({data['previous_period']})"))
    history = payload.get("history") or []
    if len(history) >= 2:
        fields.append(("Trend", trend_text(history, unit)))
    fields.append(("Severity", alert.severity))
    section: dict = {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, MAX_SECTION_TEXT)}}
    if fields:
        section["fields"] = [
            {"type": "mrkdwn", "text": truncate(f"*{name}*\n{escape_mrkdwn(value)}", MAX_FIELD_TEXT)}
            for name, value in fields[:MAX_FIELDS]]
    sources = []
    for item in (payload.get("evidence") or [])[:3]:
        if item.get("document_url") or item.get("document_title"):
            link = safe_link(item.get("document_url"), item.get("document_title") or item.get("document_url"))
            if link not in sources:
                sources.append(link)
    if not sources and (alert.document_url or alert.document_title):
        sources.append(safe_link(alert.document_url, alert.document_title or alert.document_url))
    context = [{"type": "mrkdwn", "text": truncate("Source: " + " · ".join(sources), MAX_SECTION_TEXT)}] if sources else []
    context.append({"type": "mrkdwn", "text": escape_mrkdwn(f"rule {alert.rule} · key {alert.key}")})
    return [section, {"type": "context", "elements": context[:MAX_CONTEXT_ELEMENTS]}]


def build_digest_blocks(digest: Digest) -> tuple[str, list[dict]]:
    """Return (fallback text, blocks) for one digest message, within Slack's limits."""
    if len(digest.alerts) == 1:
        header = digest.alerts[0].title
    else:
        header = f"{digest.company_name}: {len(digest.alerts)} alerts"
    blocks: list[dict] = [{"type": "header", "text": {"type": "plain_text", "emoji": True,
                                                      "text": truncate(escape_plain(header), MAX_HEADER_TEXT)}}]
    footer = {"type": "context", "elements": [{"type": "mrkdwn", "text": "marketmon"}]}
    for i, alert in enumerate(digest.alerts):
        more = alert_blocks(alert) + ([{"type": "divider"}] if i < len(digest.alerts) - 1 else [])
        if len(blocks) + len(more) + 1 > MAX_BLOCKS:
            left = len(digest.alerts) - i
            footer["elements"][0]["text"] = f"marketmon · {left} more alert(s) in `marketmon status`"
            break
        blocks += more
    blocks.append(footer)
    return digest_fallback_text(digest), blocks
