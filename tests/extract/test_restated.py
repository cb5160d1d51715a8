"""Restated and rounded figures are dropped by look-ups, with the same result as comparing every pair."""

import random
from decimal import ROUND_HALF_UP, Decimal

from pipeline.extract.binding import ROUNDED, _without_restated, _without_rounded
from pipeline.models import Fact


def _pairwise_rounded(facts):
    """The definition: an exact figure is dropped when another of its key, rounded to its last digit, is it."""
    def rounds(coarse, fine):
        c, f = coarse.normalize(), fine.normalize()
        place = c.as_tuple().exponent
        return place > f.as_tuple().exponent and f.quantize(Decimal(1).scaleb(place), rounding=ROUND_HALF_UP) == c

    return [f for f in facts if f.qualifier != "eq" or not any(
        rounds(f.value, g.value) for g in facts if (g.company, g.metric, g.period) == (f.company, f.metric, f.period))]


def _pairwise_restated(facts, undated):
    """The definition: an undated figure is dropped when a dated one of its company and metric is it (or, when it
    is not written as exact, is within a tenth of it)."""
    def restates(f, g):
        return f.value == g.value if f.qualifier == "eq" else abs(f.value - g.value) <= ROUNDED * abs(g.value)

    return [f for f in facts if id(f) not in undated or not any(
        restates(f, g) for g in facts if id(g) not in undated and (g.company, g.metric) == (f.company, f.metric))]


def _random_facts(rng, n):
    values = [Decimal(v) for v in ("677500000", "678000000", "680000000", "7E+8", "1E+9", "0.3", "0", "-0.4", "-0.44",
                                   "2046", "2200", "1850", "2046.5", "100", "95", "110", "111", "-100", "-91", "0.05")]
    return [Fact(rng.choice(["zhipu", "minimax"]), rng.choice(["revenue", "market_cap"]), rng.choice(["FY2024", "2025-06-09"]),
                 rng.choice(values), "CNY", rng.choice(["eq", "eq", "approx", "gt"])) for _ in range(n)]


def test_rounded_figures_dropped_as_by_pairwise_comparison():
    rng = random.Random(5)
    for _ in range(400):
        facts = _random_facts(rng, rng.randint(1, 12))
        assert _without_rounded(facts) == _pairwise_rounded(facts)


def test_restated_figures_dropped_as_by_pairwise_comparison():
    rng = random.Random(6)
    for _ in range(400):
        facts = _random_facts(rng, rng.randint(1, 12))
        undated = {id(f) for f in facts if rng.random() < 0.4}
        assert _without_restated(facts, undated) == _pairwise_restated(facts, undated)


def test_a_headline_rounding_of_the_body_figure_is_dropped():
    body = Fact("zhipu", "revenue", "FY2025", Decimal("677500000"), "CNY")
    headline = Fact("zhipu", "revenue", "FY2025", Decimal("678000000"), "CNY")
    bound = Fact("zhipu", "revenue", "FY2025", Decimal("600000000"), "CNY", "gt")
    assert _without_rounded([headline, body, bound]) == [body, bound]
