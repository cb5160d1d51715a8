"""General rules of how the English-language press, wires, call transcripts and show notes write, found on the
twenty-first blind set and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_quarter_named_by_the_month_it_ends_with_without_its_year(watchlist):
    # "the September quarter", "the June quarter": a wire's calendar quarter, the latest such one by the date of writing
    text = ("Zhipu said revenue for the September quarter climbed to 2.84 billion yuan.\n\n"
            "Cloud deployments made up 61.5% of sales, against 58.2% in the June quarter.")
    got = facts(text, watchlist, published=date(2031, 11, 4))
    assert ("zhipu", "revenue", "2031Q3", Decimal("2840000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue_share.cloud", "2031Q3", Decimal("61.5"), "%", "eq") in got
    assert ("zhipu", "revenue_share.cloud", "2031Q2", Decimal("58.2"), "%", "eq") in got
    # written with a hyphen before its noun
    got = facts("DeepSeek's September-quarter revenue reached 1.93 billion yuan.", watchlist,
                published=date(2031, 11, 20))
    assert ("deepseek", "revenue", "2031Q3", Decimal("1930000000"), "CNY", "eq") in got


def test_three_months_earlier_is_the_quarter_before(watchlist):
    text = ("DeepSeek's third-quarter gross margin widened to 66.3% from 64.8% three months earlier.")
    got = facts(text, watchlist, published=date(2031, 11, 18))
    assert ("deepseek", "gross_margin", "2031Q3", Decimal("66.3"), "%", "eq") in got
    assert ("deepseek", "gross_margin", "2031Q2", Decimal("64.8"), "%", "eq") in got
    assert not {f for f in got if f[2] == "2030Q3"}


def test_the_first_six_months_of_the_year_is_its_first_half(watchlist):
    # "For the first six months of the year" after a quarter's figures: the half, not the quarter named before
    text = ("MiniMax's third-quarter revenue was $301.2 million.\n\n"
            "In the first six months of the year, its adjusted net loss narrowed to $11.7 million.")
    got = facts(text, watchlist, published=date(2031, 11, 12))
    assert ("minimax", "adjusted_net_loss", "2031H1", Decimal("11700000"), "USD", "eq") in got
    assert not {f for f in got if f[1] == "adjusted_net_loss" and f[2] != "2031H1"}


def test_a_half_of_last_year_is_that_half_of_the_year_before_the_writing(watchlist):
    # "the first six months of last year", "the first half of last year": not this year's half with "last year" after it
    for base in ("the first six months of last year", "the first half of last year"):
        text = (f"Moonshot AI's gross margin for the half was 55.4%, compared with 51.9% in {base}.")
        got = facts(text, watchlist, published=date(2031, 8, 25))
        assert ("moonshot", "gross_margin", "2030H1", Decimal("51.9"), "%", "eq") in got, base
        assert not {f for f in got if f[3] == Decimal("51.9") and f[2] != "2030H1"}, base


def test_a_month_a_rate_ended_at(watchlist):
    # "it ended May at a run-rate of …": May's level, not a level on the day of writing
    text = "OpenRouter ended May at an annualized revenue run-rate of roughly $1.12 billion, its chief executive said."
    got = facts(text, watchlist, published=date(2031, 6, 17))
    assert ("openrouter", "arr", "2031-05", Decimal("1120000000"), "USD", "approx") in got
    assert not {f for f in got if f[2] == "2031-06-17"}
    # a stock at the end of the month it ended: the month's last day
    got = facts("Zhipu ended September with 2,406 employees.", watchlist, published=date(2031, 10, 14))
    assert ("zhipu", "headcount", "2031-09-30", Decimal("2406"), "count", "eq") in got


def test_the_former_is_the_first_of_the_two_segments_listed(watchlist):
    text = ("In the first half, Moonshot AI's API and consumer revenue came to $1.21 billion and $0.63 billion "
            "respectively, the former making up 65.8% of the total.")
    got = facts(text, watchlist, published=date(2031, 8, 25))
    assert ("moonshot", "revenue_share.cloud", "2031H1", Decimal("65.8"), "%", "eq") in got
    assert not {f for f in got if f[1] == "revenue_share.consumer"}


def test_a_bound_a_stated_token_volume_meets_restates_it(watchlist):
    # "about 243 trillion…, the first month above 240 trillion": the milestone the figure passed, not a second figure
    text = "DeepSeek processed about 243 trillion tokens a day in October, its first month above 240 trillion."
    got = facts(text, watchlist, published=date(2031, 11, 6))
    assert ("deepseek", "daily_token_volume", "2031-10", Decimal("243000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[5] == "gt"}
    # a bound alone stays
    got = facts("DeepSeek processed more than 240 trillion tokens a day in October.", watchlist,
                published=date(2031, 11, 6))
    assert ("deepseek", "daily_token_volume", "2031-10", Decimal("240000000000000"), "tokens/day", "gt") in got
