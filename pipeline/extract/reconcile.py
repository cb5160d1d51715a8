"""Figures dated by the total they are part of.

A segment paragraph seldom repeats its period: "分業務看，開放平台收入1.591億美元，佔收入54.2%；AI原生產品收入1.347億
美元" follows a lede that gave the quarter's revenue (2.938億) and then the year's (10.271億), and binding dates it by the
period read last: the year. An analyst dates it by arithmetic: 1.591 + 1.347 is the quarter's 2.938, and 1.591 is 54.2%
of 2.938, not of 10.271. Likewise "研发投入67.3亿元，是收入的1.4倍左右" after a year's revenue of 47.63亿 and a quarter's
of 16.08亿 is the year's R&D: 67.3 / 47.63 is 1.4.

So figures of one paragraph and one company that binding dated alike, none by a period named in its own sentence, and
that state how they relate to the company's revenue (segments adding up to it, a segment's share of it, R&D as a
multiple of it) take the one period whose revenue, stated in the document, they fit, when the period they were given
has a revenue they do not fit, or none.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from decimal import Decimal

from pipeline.models import Fact

_TOTAL = "revenue"
_AMOUNT = _TOTAL + "."  # revenue.cloud, revenue.consumer, revenue.on_premise
_SHARE = "revenue_share."
_SPEND, _RATIO = "rd_expense", "rd_to_revenue"  # R&D as a multiple of revenue (unit x)
# how far a sum may be from the total it restates: figures stated to three or four digits, rounded
_SUM_SLACK = Decimal("0.002")
# how far a share or multiple computed from rounded amounts may be from the one stated, over half its last digit
_RATIO_SLACK = Decimal("0.004")
_ROUGH_SLACK = Decimal("0.03")  # "1.4倍左右": said as rough


def redate_breakdowns(facts: list[Fact], text: str, periods: list) -> list[Fact]:
    """Return facts (ordered by offset) with each group of undated parts moved to the period of the total they fit.
    periods: the period mentions of the text (offset, label), ordered by offset."""
    totals: dict[tuple[str, str], dict[str, list[Decimal]]] = {}
    for f in facts:
        if f.metric == _TOTAL and f.qualifier in ("eq", "approx"):
            totals.setdefault((f.company, f.unit), {}).setdefault(f.period, []).append(f.value)
    if not totals:
        return facts
    starts = [p.start for p in periods]
    groups: dict[tuple[str, str, int], list[int]] = {}
    for i, f in enumerate(facts):
        if f.metric.startswith((_AMOUNT, _SHARE)) or f.metric in (_SPEND, _RATIO):
            if not _dated_here(f, periods, starts):
                groups.setdefault((f.company, f.period, text.rfind("\n\n", 0, f.start)), []).append(i)
    out = list(facts)
    for (company, period, _), members in groups.items():
        target = _fitting_period([facts[i] for i in members], totals, company, period)
        if target is not None:
            for i in members:
                out[i] = replace(facts[i], period=target)
    return out


def _dated_here(fact: Fact, periods: list, starts: list[int]) -> bool:
    """Whether the fact's sentence names the period the fact was given."""
    return any(p.label == fact.period for p in periods[bisect_left(starts, fact.start):bisect_right(starts, fact.end)])


def _fitting_period(group: list[Fact], totals, company: str, period: str) -> str | None:
    """The one other period whose revenue the group fits, if the group has something to check and its own does not."""
    shares = [f for f in group if f.metric.startswith(_SHARE)]
    ratios = [f for f in group if f.metric == _RATIO]
    fits: set[str] = set()
    for unit in {f.unit for f in group if f.metric.startswith(_AMOUNT) or f.metric == _SPEND}:
        amounts = {f.metric[len(_AMOUNT):]: f.value for f in group
                   if f.metric.startswith(_AMOUNT) and f.unit == unit and f.qualifier in ("eq", "approx")}
        spends = [f.value for f in group if f.metric == _SPEND and f.unit == unit]
        checks = [(amounts[f.metric[len(_SHARE):]] * 100, f) for f in shares if f.metric[len(_SHARE):] in amounts]
        if len(spends) == 1:
            checks += [(spends[0], f) for f in ratios]
        if len(amounts) < 2 and not checks:
            continue  # nothing the group says of a total in this unit
        by_period = totals.get((company, unit), {})
        fitting = {label for label, values in by_period.items()
                   if any(_fits(amounts, checks, total) for total in values)}
        if period in fitting:
            return None  # the period they were given fits: nothing to mend
        fits |= fitting
    return fits.pop() if len(fits) == 1 else None


def _fits(amounts: dict[str, Decimal], checks: list[tuple[Decimal, Fact]], total: Decimal) -> bool:
    """Whether what a group states of the total holds: its segments (two or more) adding up to it, and each share or
    multiple stated beside an amount being that amount over it (checks: the amount, times 100 for a share, and the
    fact stating the ratio)."""
    if total <= 0 or any(value > total for value in amounts.values()):
        return False
    if len(amounts) >= 2 and abs(sum(amounts.values()) - total) > total * _SUM_SLACK:
        return False
    return all(_near(part / total, stated) for part, stated in checks)


def _near(computed: Decimal, stated: Fact) -> bool:
    """A share or multiple computed from amounts, against the one stated (to its last digit, or roughly)."""
    half_digit = Decimal(1).scaleb(min(0, stated.value.as_tuple().exponent)) / 2  # 60 (6E+1): to the unit
    slack = _ROUGH_SLACK if stated.qualifier == "approx" else _RATIO_SLACK
    return abs(computed - stated.value) <= half_digit + abs(stated.value) * slack
