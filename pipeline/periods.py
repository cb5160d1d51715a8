"""The canonical period strings of spec/facts.md: their kind, end date and ordering."""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

_FY = re.compile(r"^FY(\d{4})$")
_HALF = re.compile(r"^(\d{4})H([12])$")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_QRANGE = re.compile(r"^(\d{4})Q([1-4])-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SPAN = re.compile(r"^FY(\d{4})-FY(\d{4})$")


@lru_cache(maxsize=4096)  # labels repeat by the hundred in a document and a recompute: each is parsed once
def period_kind(period: str) -> str:
    """Return FY, H1, H2, Q, Q1-Q3 (a quarter range), M (month), D (instant), SPAN or OPEN."""
    if _FY.match(period):
        return "FY"
    if m := _HALF.match(period):
        return f"H{m.group(2)}"
    if _QUARTER.match(period):
        return "Q"
    if m := _QRANGE.match(period):
        return f"Q{m.group(2)}-Q{m.group(3)}"
    if _MONTH.match(period):
        return "M"
    if _DAY.match(period):
        return "D"
    if _SPAN.match(period):
        return "SPAN"
    return "OPEN"


@lru_cache(maxsize=4096)
def period_end(period: str) -> date | None:
    """Return the last day a period covers (None for an open period such as '*')."""
    try:
        if m := _FY.match(period):
            return date(int(m.group(1)), 12, 31)
        if m := _HALF.match(period):
            year = int(m.group(1))
            return date(year, 6, 30) if m.group(2) == "1" else date(year, 12, 31)
        if m := _QUARTER.match(period):
            return _quarter_end(int(m.group(1)), int(m.group(2)))
        if m := _QRANGE.match(period):
            return _quarter_end(int(m.group(1)), int(m.group(3)))
        if m := _MONTH.match(period):
            year, month = int(m.group(1)), int(m.group(2))
            return date(year, month, calendar.monthrange(year, month)[1])
        if m := _DAY.match(period):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _SPAN.match(period):
            return date(int(m.group(2)), 12, 31)
    except ValueError:
        return None
    return None


def period_start(period: str) -> date | None:
    """Return the first day a period covers (None for an open period such as '*')."""
    try:
        if m := (_FY.match(period) or _SPAN.match(period)):
            return date(int(m.group(1)), 1, 1)
        if m := _HALF.match(period):
            return date(int(m.group(1)), 1 if m.group(2) == "1" else 7, 1)
        if m := (_QUARTER.match(period) or _QRANGE.match(period)):
            return date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
        if m := _MONTH.match(period):
            return date(int(m.group(1)), int(m.group(2)), 1)
        if m := _DAY.match(period):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return None


def previous_like_period(period: str) -> str | None:
    """Return the same kind of period one year earlier (FY2024 -> FY2023, 2025H1 -> 2024H1)."""
    if m := _FY.match(period):
        return f"FY{int(m.group(1)) - 1}"
    if m := _HALF.match(period):
        return f"{int(m.group(1)) - 1}H{m.group(2)}"
    if m := _QUARTER.match(period):
        return f"{int(m.group(1)) - 1}Q{m.group(2)}"
    if m := _QRANGE.match(period):
        return f"{int(m.group(1)) - 1}Q{m.group(2)}-Q{m.group(3)}"
    if m := _MONTH.match(period):
        return f"{int(m.group(1)) - 1}-{m.group(2)}"
    return None


def span_years(period: str) -> tuple[int, int] | None:
    """Return (first, last) fiscal year of a span such as FY2022-FY2024."""
    m = _SPAN.match(period)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _quarter_end(year: int, quarter: int) -> date:
    month = quarter * 3
    return date(year, month, calendar.monthrange(year, month)[1])
