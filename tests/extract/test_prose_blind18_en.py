"""General rules of how the English-language press, newsletters and columns write, found on the eighteenth blind
set and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_the_quarter_ended_on_a_day_is_that_quarter_not_the_year_to_date(watchlist):
    # "the quarter ended June 30": three months, not the half that the day June 30 closes
    text = "Zhipu's revenue in the quarter ended June 30 was RMB1.52 billion, up 61.0% from RMB944 million a year earlier."
    got = facts(text, watchlist, published=date(2029, 8, 29))
    assert ("zhipu", "revenue", "2029Q2", Decimal("1520000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue_growth", "2029Q2", Decimal("61.0"), "%", "eq") in got
    assert ("zhipu", "revenue", "2028Q2", Decimal("944000000"), "CNY", "eq") in got
    assert not {f for f in got if f[2].endswith("H1")}


def test_a_quarter_or_period_named_by_its_months_is_those_months(watchlist):
    # the Japanese press: "the July-September quarter", "the January-June period"
    text = ("Moonshot AI's gross margin in the July-September quarter rose to 51.2%. For the January-June period, "
            "API and enterprise services made up 49.6% of revenue.")
    got = facts(text, watchlist, published=date(2029, 11, 25))
    assert ("moonshot", "gross_margin", "2029Q3", Decimal("51.2"), "%", "eq") in got
    assert ("moonshot", "revenue_share.cloud", "2029H1", Decimal("49.6"), "%", "eq") in got
    text = "For the January-September period, Zhipu's revenue came to RMB4.71 billion."
    got = facts(text, watchlist, published=date(2029, 11, 28))
    assert ("zhipu", "revenue", "2029Q1-Q3", Decimal("4710000000"), "CNY", "eq") in got


def test_a_percentage_more_than_a_year_before_is_growth(watchlist):
    # "53.9% more than a year before", "64% higher than a year earlier": a year-on-year change, told after the number
    text = "Moonshot AI said third-quarter revenue was $735.0 million, 65.1% more than a year earlier."
    got = facts(text, watchlist, published=date(2029, 11, 20))
    assert ("moonshot", "revenue_growth", "2029Q3", Decimal("65.1"), "%", "eq") in got
    text = "Zhipu's first-quarter sales came to RMB1.33 billion, 63.8% higher than a year ago."
    got = facts(text, watchlist, published=date(2029, 5, 28))
    assert ("zhipu", "revenue_growth", "2029Q1", Decimal("63.8"), "%", "eq") in got


def test_an_amount_after_or_roughly_in_another_currency_is_a_conversion(watchlist):
    # "HK$712 billion, or roughly $91 billion": the same value restated, no second market value
    text = "Zhipu closed Tuesday with a market value of HK$712 billion, or roughly $91 billion."
    got = facts(text, watchlist, published=date(2029, 9, 5))
    assert ("zhipu", "market_cap", "2029-09-04", Decimal("712000000000"), "HKD", "eq") in got
    assert not {f for f in got if f[4] == "USD"}


def test_an_amount_a_month_is_a_pace_not_a_run_rate(watchlist):
    # "has grown about $25 million a month": how fast the run rate climbs, not the run rate
    text = ("OpenRouter's annualized revenue run rate has grown about $25 million a month this year, according to "
            "people familiar with it.")
    got = facts(text, watchlist, published=date(2029, 10, 2))
    assert not {f for f in got if f[1] == "arr"}
    # "a month earlier" is a period, not a pace
    text = "OpenRouter's annualized revenue run rate was about $610 million at the end of September, up from $580 million a month earlier."
    got = facts(text, watchlist, published=date(2029, 10, 2))
    assert ("openrouter", "arr", "2029-08", Decimal("580000000"), "USD", "eq") in got


def test_figures_listed_before_the_companies_they_belong_to_respectively(watchlist):
    # "grew 71, 58 and 66 per cent at MiniMax, Zhipu and Moonshot AI respectively": the companies come after
    text = "In the third quarter revenue grew 71, 58 and 66 per cent at MiniMax, Zhipu and Moonshot AI respectively."
    got = facts(text, watchlist, published=date(2029, 11, 30))
    assert ("minimax", "revenue_growth", "2029Q3", Decimal("71"), "%", "eq") in got
    assert ("zhipu", "revenue_growth", "2029Q3", Decimal("58"), "%", "eq") in got
    assert ("moonshot", "revenue_growth", "2029Q3", Decimal("66"), "%", "eq") in got


def test_in_the_same_order_takes_the_companies_of_the_list_before(watchlist):
    # a column's second list: "in the same order" as the companies just listed
    text = ("In the third quarter, MiniMax and Zhipu grew revenue 71 and 58 per cent respectively. Gross margins of "
            "47 and 56 per cent, in the same order, held up well.")
    got = facts(text, watchlist, published=date(2029, 11, 30))
    assert ("minimax", "gross_margin", "2029Q3", Decimal("47"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "2029Q3", Decimal("56"), "%", "eq") in got


def test_a_company_lost_an_amount_on_an_adjusted_basis(watchlist):
    # "MiniMax lost $51mn on an adjusted basis": a company's loss, the scope after the amount
    text = "In the first half MiniMax lost $51mn on an adjusted basis."
    got = facts(text, watchlist, published=date(2029, 8, 30))
    assert ("minimax", "adjusted_net_loss", "2029H1", Decimal("51000000"), "USD", "eq") in got
    # a scope after another amount is that amount's, not the one before it
    text = "Zhipu's net loss was RMB2.40 billion in the second quarter and RMB1.92 billion on an adjusted basis."
    got = facts(text, watchlist, published=date(2029, 8, 30))
    assert ("zhipu", "net_loss", "2029Q2", Decimal("2400000000"), "CNY", "eq") in got
    assert ("zhipu", "adjusted_net_loss", "2029Q2", Decimal("1920000000"), "CNY", "eq") in got
