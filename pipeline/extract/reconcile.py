"""Breakdowns dated by the total they add up to.

A segment paragraph seldom repeats its period: "分業務看，開放平台收入1.591億美元，佔收入54.2%；AI原生產品收入1.347億
美元" follows a lede that gave the quarter's revenue (2.938億) and then the year's (10.271億), and binding dates it by the
period read last: the year. An analyst dates it by arithmetic: 1.591 + 1.347 is the quarter's 2.938, and 1.591 is 54.2%
of 2.938, not of 10.271. So when the segments of one paragraph, dated by no period of their own sentences, add up to
the company's total revenue for another period the document states (or a segment over such a total is the share
stated beside it), and do not add up to the total of the period they were given, they take that period, with the
shares stated beside them.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from decimal import Decimal

from pipeline.models import Fact

_TOTAL = "revenue"
_AMOUNT = _TOTAL + "."  # revenue.cloud, revenue.consumer, revenue.on_premise
_SHARE = "revenue_share."
# how far a sum may be from the total it restates: the rounding of figures stated to three or four digits
_SUM_SLACK = Decimal("0.002")
_SHARE_SLACK = Decimal("0.06")  # a share rounded to one decimal, computed from rounded amounts


def redate_breakdowns(text: str, facts: list[Fact], period_starts: list[int], kept: set[int]) -> list[Fact]:
    """Return facts (ordered by offset) with each undated breakdown moved to the period of the total it adds up to.
    period_starts: the offsets of the period mentions the text has, sorted; kept: ids of facts never moved (a table's,
    dated by its header)."""
    totals: dict[tuple[str, str], dict[str, list[Decimal]]] = {}
    for f in facts:
        if f.metric == _TOTAL and f.qualifier in ("eq", "approx"):
            totals.setdefault((f.company, f.unit), {}).setdefault(f.period, []).append(f.value)
    if not totals:
        return facts
    groups: dict[tuple[str, str, int], list[int]] = {}
    for i, f in enumerate(facts):
        if id(f) in kept or not f.metric.startswith((_AMOUNT, _SHARE)) or _dated_here(f, period_starts):
            continue
        groups.setdefault((f.company, f.period, _paragraph(text, f.start)), []).append(i)
    out = list(facts)
    for (company, period, _), members in groups.items():
        target = _added_up(facts, members, totals, company, period)
        if target is not None:
            for i in members:
                out[i] = replace(facts[i], period=target)
    return out


def _dated_here(fact: Fact, period_starts: list[int]) -> bool:
    i = bisect_left(period_starts, fact.start)
    return i < len(period_starts) and period_starts[i] < fact.end


def _paragraph(text: str, at: int) -> int:
    return text.rfind("\n\n", 0, at)


def _added_up(facts: list[Fact], members: list[int], totals, company: str, period: str) -> str | None:
    """The one other period whose total the members add up to (or whose share they state), if theirs does not fit."""
    amounts: dict[str, dict[str, Decimal]] = {}  # unit -> segment -> amount
    shares: dict[str, Decimal] = {}
    for i in members:
        f = facts[i]
        if f.metric.startswith(_SHARE):
            shares[f.metric[len(_SHARE):]] = f.value
        elif f.qualifier in ("eq", "approx"):  # "约8.57亿元" and "约4.39亿元" adding up to 12.96亿
            amounts.setdefault(f.unit, {})[f.metric[len(_AMOUNT):]] = f.value
    fits: set[str] = set()
    for unit, by_segment in amounts.items():
        for label, values in totals.get((company, unit), {}).items():
            if any(_fits(by_segment, shares, total) for total in values):
                fits.add(label)
        own = totals.get((company, unit), {}).get(period, ())
        if any(_fits(by_segment, shares, total) for total in own):
            return None  # the period they were given fits: nothing to mend
    fits.discard(period)
    return fits.pop() if len(fits) == 1 else None


def _fits(by_segment: dict[str, Decimal], shares: dict[str, Decimal], total: Decimal) -> bool:
    """Two or more segments adding up to the total, or a segment being the share of it stated beside it."""
    if total <= 0:
        return False
    if len(by_segment) >= 2 and abs(sum(by_segment.values()) - total) <= total * _SUM_SLACK:
        return not any(abs(value * 100 / total - shares[s]) > _SHARE_SLACK * 10 for s, value in by_segment.items()
                       if s in shares)
    said = [s for s in by_segment if s in shares]
    return bool(said) and all(abs(by_segment[s] * 100 / total - shares[s]) <= _SHARE_SLACK for s in said) \
        and all(v <= total for v in by_segment.values())
