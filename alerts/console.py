"""Deliver alerts to the terminal: the default when no Slack setting is present."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from alerts.messages import format_value, sparkline, trend_text
from alerts.outbox import Digest, OutboxAlert

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}


class ConsoleSender:
    """Print one panel per company with each alert, its trend (a sparkline and the last values), the sentence
    and document it came from, and its chart file when charts are drawn (policy "always")."""

    name = "console"
    redelivery = "safe"  # printing an alert again after a crash harms nobody
    shows_charts = False  # a terminal cannot show a PNG; the sparkline stands in

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console()

    def send(self, digest: Digest) -> str | None:
        """Print one digest; return no message id."""
        charts = {c.alert_key: c.path for c in digest.charts if c.path}
        parts = [self._alert(alert, charts.get(alert.key)) for alert in digest.alerts]
        worst = min((a.severity for a in digest.alerts), key=lambda s: list(SEVERITY_STYLE).index(s)
                    if s in SEVERITY_STYLE else 9)
        style = SEVERITY_STYLE.get(worst, "white")
        title = digest.alerts[0].title if len(digest.alerts) == 1 else f"{digest.company_name}: {len(digest.alerts)} alerts"
        self.console.print(Panel(Group(*parts), title=f"[{style}]{escape(title)}[/]", title_align="left",
                                 subtitle=", ".join(sorted({a.rule for a in digest.alerts}))))
        return None

    def _alert(self, alert: OutboxAlert, chart: str | None) -> Text:
        lines = [f"[bold]{escape(alert.title)}[/] [dim]({alert.severity})[/]", escape(alert.body)]
        unit = alert.unit
        history = alert.payload.get("history") or []
        if len(history) >= 2:
            lines.append(f"[dim]trend:[/] {sparkline([v for _, v in history])} {escape(trend_text(history, unit))}")
        evidence = alert.payload.get("evidence") or []
        if alert.kind == "conflict" and len(evidence) > 1:
            for item in evidence:
                lines.append(f"  • {escape(format_value(item.get('value'), unit))}: "
                             f"“{escape(item.get('quote') or '')}” — {escape(item.get('document_title') or '')}"
                             f" [dim]{escape(item.get('document_url') or '')}[/]")
        elif alert.quote and alert.kind != "new_filing":
            lines.append(f"[italic]“{escape(alert.quote)}”[/]")
            lines.append(f"— {escape(alert.document_title or '')} [dim]{escape(alert.document_url or '')}[/]")
        elif alert.document_url:
            lines.append(f"— {escape(alert.document_title or '')} [dim]{escape(alert.document_url)}[/]")
        if chart:
            lines.append(f"[dim]chart:[/] {escape(chart)}")
        return Text.from_markup("\n".join(lines) + "\n")

    def find_delivered(self, keys: list[str]) -> dict[str, str]:
        """The console keeps no record of what it printed."""
        return {}

    def attach_charts(self, digest: Digest, message_id: str | None) -> None:
        """Charts are already on disk; their paths were printed with the alerts."""
