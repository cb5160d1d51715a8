""""the first half of this year", "the second quarter of this year": a part of the year of writing, read as one period
like "the first half of last year" (session 16; "of this year" used to be read as a second period, the running year,
and the figure dropped as unfinished). Our own sentences, invented figures."""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts

LATE_AUG = date(2031, 8, 28)


def test_the_first_half_of_this_year(watchlist):
    text = ("DeepSeek said revenue for the first half of this year reached 2.41 billion yuan. Its net loss was 0.62 "
            "billion yuan, compared with 0.95 billion yuan in the same period last year.")
    got = facts(text, watchlist, published=LATE_AUG)
    assert ("deepseek", "revenue", "2031H1", Decimal("2410000000"), "CNY", "eq") in got
    assert ("deepseek", "net_loss", "2031H1", Decimal("620000000"), "CNY", "eq") in got
    assert ("deepseek", "net_loss", "2030H1", Decimal("950000000"), "CNY", "eq") in got
    assert not {f for f in got if f[2] == "FY2030"}


def test_a_quarter_of_this_year_and_of_last_year(watchlist):
    text = "MiniMax said revenue in the second quarter of this year rose to $342 million, from $251 million in the second quarter of last year."
    got = facts(text, watchlist, published=LATE_AUG)
    assert ("minimax", "revenue", "2031Q2", Decimal("342000000"), "USD", "eq") in got
    assert ("minimax", "revenue", "2030Q2", Decimal("251000000"), "USD", "eq") in got
