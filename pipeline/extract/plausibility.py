"""Plausibility checks: numbers that cannot be right are kept, but flagged with low confidence and a reason."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from pipeline.extract.cues import CueBook, default_cue_book
from pipeline.extract.numbers import CURRENCIES
from pipeline.models import Fact


def flag_fact(fact: Fact, reason: str, book: CueBook | None = None) -> Fact:
    """Return the fact with confidence lowered to the flagged level and the reason recorded."""
    limit = float(_limit("flagged_confidence", "0.2", book))
    reasons = f"{fact.reason}; {reason}" if fact.reason else reason
    return replace(fact, confidence=min(fact.confidence, limit), reason=reasons)


def check_document(fact: Fact, book: CueBook | None = None) -> Fact:
    """Flag a fact that is implausible on its own: a share over 100%, a truncated amount, a negative sum (limits from
    the cue book the fact was read with, the bundled one by default)."""
    metric, value = fact.metric, fact.value
    if fact.unit == "%" and "share" in metric.split(".")[0] and not Decimal(0) <= value <= _limit("max_percent", 100, book):
        return flag_fact(fact, f"a share of {value}% is outside 0-100%", book)
    if metric.startswith("gross_margin") and not _limit("min_margin", -1000, book) <= value <= 100:
        return flag_fact(fact, f"a gross margin of {value}% is impossible", book)
    if fact.unit in CURRENCIES:
        if value < 0:
            return flag_fact(fact, f"a negative amount ({value}) for {metric}", book)
        if value < _limit("min_amount", 1000, book):
            return flag_fact(fact, f"{value} {fact.unit} is too small for {metric}: probably a truncated figure", book)
    if fact.unit in ("tokens", "tokens/day") and value < _limit("min_tokens", 1000, book):
        return flag_fact(fact, f"{value} tokens is too small for {metric}: probably a truncated figure", book)
    if metric == "ipo_oversubscription" and not 0 < value <= _limit("max_oversubscription", 100000, book):
        return flag_fact(fact, f"oversubscription of {value}x is implausible", book)
    return fact


def _limit(name: str, default: int | str, book: CueBook | None = None) -> Decimal:
    """A limit of the cue book's plausibility section (cues.yaml; Decimals since loading), or the default when it sets
    none."""
    found = (book or default_cue_book()).plausibility.get(name)
    return Decimal(default) if found is None else found


def check_history(fact: Fact, last_known: Decimal | None) -> Fact:
    """Return the fact, flagged when it is orders of magnitude away from the last known value."""
    if last_known is None or fact.unit in ("%", "pp"):
        return fact
    last = Decimal(str(last_known))
    if last <= 0 or fact.value <= 0:
        return fact
    limit = _limit("history_max_ratio", 1000)
    ratio = fact.value / last
    if ratio <= 1 / limit:
        return flag_fact(fact, f"{_times(1 / ratio)}x below the last known value {last}")
    if ratio >= limit:
        return flag_fact(fact, f"{_times(ratio)}x above the last known value {last}")
    return fact


def _times(ratio: Decimal) -> str:
    return f"{ratio:,.0f}"
