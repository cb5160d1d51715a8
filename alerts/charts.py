"""PNG charts of metric histories (matplotlib, Agg backend, imported only when a chart is drawn)."""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence

from alerts.messages import format_value

WIDTH_IN, HEIGHT_IN, DPI = 6.4, 3.2, 100


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)  # no display, no GUI toolkit: safe in Airflow workers and CI
    import matplotlib.pyplot as plt

    # A label the bundled fonts cannot draw (CJK) is drawn as boxes; that is not worth a warning per glyph.
    warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
    return plt


def _scale(values: Sequence[float], unit: str | None) -> tuple[float, str]:
    if unit in ("%", "pp", "x"):
        return 1.0, unit or ""
    top = max((abs(v) for v in values), default=0)
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if top >= size:
            return size, f"{suffix} {unit or ''}".strip()
    return 1.0, unit or ""


def render_history(points: Sequence[tuple[str, float]], title: str, unit: str | None,
                   highlight: str | None = None, kind: str = "line") -> bytes:
    """Return a PNG of one metric over periods; the highlighted period (the news) is marked.

    A series spanning more than two orders of magnitude (token volumes) is drawn on a log scale.
    """
    plt = _pyplot()
    labels = [p for p, _ in points]
    positive = [v for _, v in points if v > 0]
    log_scale = len(positive) == len(points) and len(points) > 1 and max(positive) / min(positive) > 100
    size, axis_unit = (1.0, unit or "") if log_scale else _scale([v for _, v in points], unit)
    values = [v / size for _, v in points]
    fig, ax = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    try:
        colors = ["#d62728" if p == highlight else "#1f77b4" for p in labels]
        if kind == "bar":
            ax.bar(labels, values, color=colors)
        else:
            ax.plot(labels, values, marker="o", color="#1f77b4")
            for x, y, c in zip(labels, values, colors, strict=True):
                if c != "#1f77b4":
                    ax.plot([x], [y], marker="o", markersize=9, color=c)
        for x, (_, raw) in zip(labels, points, strict=True):
            ax.annotate(format_value(raw, unit), (x, raw / size), textcoords="offset points", xytext=(0, 5),
                        ha="center", fontsize=7)
        if log_scale:
            from matplotlib.ticker import FuncFormatter

            ax.set_yscale("log")
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_value(v, None)))
            axis_unit += " (log scale)"
        ax.set_title(title, fontsize=10)
        ax.set_ylabel(axis_unit, fontsize=8)
        ax.tick_params(labelsize=8)
        ax.grid(axis="y", alpha=0.3)
        ax.margins(y=0.2)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return buf.getvalue()
    finally:
        plt.close(fig)


def render_stacked_shares(periods: Sequence[str], series: dict[str, Sequence[float | None]], title: str) -> bytes:
    """Return a PNG of segment shares (in %) stacked per period, e.g. the revenue mix over time."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    try:
        bottom = [0.0] * len(periods)
        for name, values in series.items():
            heights = [v or 0.0 for v in values]
            ax.bar(list(periods), heights, bottom=bottom, label=name)
            for i, (h, b) in enumerate(zip(heights, bottom, strict=True)):
                if h >= 6:
                    ax.text(i, b + h / 2, f"{h:.3g}%", ha="center", va="center", fontsize=7, color="white")
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        ax.set_ylim(0, max(100.0, *bottom) if bottom else 100.0)
        ax.set_ylabel("% of revenue", fontsize=8)
        ax.set_title(title, fontsize=10)
        ax.tick_params(labelsize=8)
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return buf.getvalue()
    finally:
        plt.close(fig)
