"""General rules of how the English-language press, wires and call transcripts write, found on the seventeenth blind
set and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_the_same_quarter_named_with_last_year_is_a_year_before_the_quarter_reported(watchlist):
    # "versus 38.1% in the second quarter last year": not this year's quarter, nor the whole of last year
    text = ("MiniMax reported second-quarter revenue of $171.4 million. Gross margin was 45.3%, versus 38.1% in the "
            "second quarter last year.")
    got = facts(text, watchlist, published=date(2029, 8, 20))
    assert ("minimax", "gross_margin", "2029Q2", Decimal("45.3"), "%", "eq") in got
    assert ("minimax", "gross_margin", "2028Q2", Decimal("38.1"), "%", "eq") in got
    assert not {f for f in got if f[2].startswith("FY")}


def test_this_quarter_against_a_year_ago_in_a_call_is_the_quarter_reported_and_that_quarter_a_year_earlier(watchlist):
    # a CFO answering an analyst: "this quarter" is the quarter the call reports on, "a year ago" that quarter in 2028
    text = ("Moonshot AI held its third-quarter 2029 earnings call on Tuesday. "
            "Sure. API and enterprise revenue was US$341 million this quarter, compared with US$205 million a year ago.")
    got = facts(text, watchlist, published=date(2029, 11, 20))
    assert ("moonshot", "revenue.cloud", "2029Q3", Decimal("341000000"), "USD", "eq") in got
    assert ("moonshot", "revenue.cloud", "2028Q3", Decimal("205000000"), "USD", "eq") in got


def test_the_previous_quarter_is_the_quarter_before_the_one_named(watchlist):
    # "up from … last quarter", "the previous quarter": the quarter before the one the figure next to it is of
    text = "Zhipu's gross margin was 56.0% in the second quarter of 2029, up from 54.2% in the previous quarter."
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert ("zhipu", "gross_margin", "2029Q1", Decimal("54.2"), "%", "eq") in got
    text = "MiniMax's first-quarter 2029 revenue was $152.3 million, down 3.1% from $157.2 million last quarter."
    got = facts(text, watchlist, published=date(2029, 5, 20))
    assert ("minimax", "revenue", "2028Q4", Decimal("157200000"), "USD", "eq") in got


def test_a_month_earlier_than_a_months_end_is_the_month_before(watchlist):
    # a run rate at the end of a month against "a month earlier": the month before, not the month named
    text = ("OpenRouter said its annualized revenue run rate was about $410 million at the end of March, compared "
            "with about $380 million a month earlier.")
    got = facts(text, watchlist, published=date(2029, 4, 9))
    assert ("openrouter", "arr", "2029-02", Decimal("380000000"), "USD", "approx") in got
    assert ("openrouter", "arr", "2029-03", Decimal("410000000"), "USD", "approx") in got


def test_a_respective_list_after_figures_of_two_metrics_takes_those_metrics_in_order(watchlist):
    # "R&D was A and revenue B; a year earlier C and D, respectively": C is last year's R&D, D its revenue
    text = ("In the second quarter of 2029, Zhipu's R&D expenses were RMB1.81 billion and revenue RMB1.52 billion; "
            "in the same quarter of 2028 they were RMB1.66 billion and RMB0.94 billion, respectively.")
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert ("zhipu", "rd_expense", "2028Q2", Decimal("1660000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue", "2028Q2", Decimal("940000000"), "CNY", "eq") in got


def test_a_starting_level_after_year_earlier_comparisons_is_that_quarter_a_year_before(watchlist):
    # "narrowed to X from Y" with no period: year on year when the story has just compared with "a year earlier"
    text = ("Moonshot AI said its second-quarter revenue rose 74.5% from a year earlier to $642.0 million. "
            "Its adjusted net loss narrowed to $135.0 million from $181.2 million.")
    got = facts(text, watchlist, published=date(2029, 8, 21))
    assert ("moonshot", "adjusted_net_loss", "2029Q2", Decimal("135000000"), "USD", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "2028Q2", Decimal("181200000"), "USD", "eq") in got
    # with no year-earlier comparison in sight, the starting level may be the quarter before's: no period for it
    text = ("Moonshot AI said its second-quarter revenue was $642.0 million. Its adjusted net loss narrowed to "
            "$135.0 million from $181.2 million.")
    got = facts(text, watchlist, published=date(2029, 8, 21))
    assert not {f for f in got if f[3] == Decimal("181200000")}


def test_a_month_put_at_a_level_is_that_month(watchlist):
    # "put December at about 51 trillion": a month followed by "at" and its level names the month of the level
    text = "MiniMax said daily token volume averaged about 72 trillion in July, and it put December at about 51 trillion."
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert ("minimax", "daily_token_volume", "2028-12", Decimal("51000000000000"), "tokens/day", "approx") in got
    assert ("minimax", "daily_token_volume", "2029-07", Decimal("72000000000000"), "tokens/day", "approx") in got


def test_of_which_a_count_in_rd_is_the_rd_headcount(watchlist):
    # "Headcount was N, of which M in R&D": M is the R&D staff, not a second total
    text = "Moonshot AI's headcount was 1,410 at the end of June, of which 1,020 in R&D."
    got = facts(text, watchlist, published=date(2029, 8, 21))
    assert ("moonshot", "headcount", "2029-06-30", Decimal("1410"), "count", "eq") in got
    assert ("moonshot", "headcount.rd", "2029-06-30", Decimal("1020"), "count", "eq") in got
    assert not {f for f in got if f[1] == "headcount" and f[3] == Decimal("1020")}
