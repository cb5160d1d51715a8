"""General rules of how the English-language press and fund letters write, found on the sixteenth blind set and
pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_market_value_is_of_the_day_named_not_of_a_period_in_an_aside_after_it(watchlist):
    # "At the June 30 close -- the last trading day of the half --": the half is the day's aside
    text = ("The portfolio gained 4.1% in the second quarter of 2028.\n\n"
            "At the June 30 close -- the final session of the quarter -- MiniMax was worth HK$388 billion and "
            "Zhipu HK$512 billion.")
    got = facts(text, watchlist, published=date(2028, 7, 15))
    assert ("minimax", "market_cap", "2028-06-30", Decimal("388000000000"), "HKD", "eq") in got
    assert ("zhipu", "market_cap", "2028-06-30", Decimal("512000000000"), "HKD", "eq") in got


def test_a_headcount_is_of_the_day_named_before_a_period_aside(watchlist):
    # a count held on a day, with a year-end aside after the day: still the day's
    text = ("Zhipu's results for the first half of 2028 were out in August. As of September 15, a fortnight after "
            "the half ended, Zhipu had 1,870 employees.")
    got = facts(text, watchlist, published=date(2028, 9, 20))
    assert ("zhipu", "headcount", "2028-09-15", Decimal("1870"), "count", "eq") in got


def test_full_year_written_before_its_year_frames_the_quarter_after_it(watchlist):
    # "Full-year 2027 revenue …" after a month of this year ("reported in March"): a bare fourth quarter after it is
    # 2027's, as after "2027年全年"
    text = ("Both companies reported in February. Full-year 2027 revenue at Zhipu was RMB2.83 billion. Fourth-quarter "
            "revenue at MiniMax came to US$89.6 million, and Zhipu's fourth-quarter gross margin was 50.2%.")
    got = facts(text, watchlist, published=date(2028, 3, 20))
    assert ("minimax", "revenue", "2027Q4", Decimal("89600000"), "USD", "eq") in got
    assert ("zhipu", "gross_margin", "2027Q4", Decimal("50.2"), "%", "eq") in got
    assert not {f for f in got if f[2] == "2028Q4"}
