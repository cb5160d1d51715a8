"""General rules of how the English-language press and wires write, found on the twentieth blind set and pinned on
text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from pipeline.extract.periods import find_document_date
from tests.extract.conftest import facts


def test_a_wire_dateline_without_a_year_takes_it_from_the_weekday_its_lead_names(watchlist):
    # "TOKYO, Aug 20 (Kyodo) --" names no year: of the years the text names, the one where Aug 20 is the lead's weekday
    text = ("Zhipu beats forecasts\n\n"
            "TOKYO, Aug 20 (Kyodo) -- Zhipu said Thursday its second-quarter revenue reached 1.71 billion yuan.\n\n"
            "The Beijing firm had booked 0.31 billion yuan of revenue in 2025 and targets profit by 2031.")
    assert find_document_date(text) == date(2026, 8, 20)  # Aug 20 is a Thursday in 2026 (the year after 2025), not in 2025, 2031 or 2032
    got = facts(text, watchlist)
    assert ("zhipu", "revenue", "2026Q2", Decimal("1710000000"), "CNY", "eq") in got
    # no weekday in the lead: no year guessed, and a figure dated only relative to it is dropped
    text = text.replace("said Thursday", "said")
    assert find_document_date(text) is None
    assert not {f for f in facts(text, watchlist) if f[2] != "FY2025"}


def test_a_wire_dateline_with_an_agency_and_a_dash(watchlist):
    text = ("BEIJING, March 3 (Reuters) - MiniMax on Tuesday reported fourth-quarter revenue of $96.2 million "
            "for 2025.")
    assert find_document_date(text) == date(2026, 3, 3)  # the year after the last one named: a Tuesday in 2026


def test_growth_after_its_revenue_for_a_period_is_revenue_growth(watchlist):
    # "its revenue for the first quarter came to X, up N percent": "its revenue" is also rd_to_revenue's after-cue
    text = ("Moonshot AI said its revenue for the April-June period came to US$604.7 million, up 51.3 percent "
            "from $399.7 million a year earlier.")
    got = facts(text, watchlist, published=date(2029, 8, 19))
    assert ("moonshot", "revenue", "2029Q2", Decimal("604700000"), "USD", "eq") in got
    assert ("moonshot", "revenue_growth", "2029Q2", Decimal("51.3"), "%", "eq") in got
    assert ("moonshot", "revenue", "2028Q2", Decimal("399700000"), "USD", "eq") in got


def test_a_month_naming_an_event_dates_no_figure_after_it(watchlist):
    # "its March 2027 debut": a month as the name of an event, not the period the next sentence's revenue is of
    text = ("The results are Moonshot AI's first full-year figures since its March 2027 debut in Hong Kong.\n\n"
            "Rival Zhipu reported last week that its revenue rose 71% to 9.4 billion yuan, with a narrower loss.")
    got = facts(text, watchlist, published=date(2028, 3, 28))
    assert not {f for f in got if f[2] == "2027-03"}
    assert ("zhipu", "revenue", "FY2027", Decimal("9400000000"), "CNY", "eq") in got


def test_the_same_quarter_a_year_earlier_is_one_period_the_year_before(watchlist):
    # "compared with X in the same quarter a year earlier": the quarter of the year before, not "the same quarter"
    # (this one) followed by "a year earlier", which swapped the two figures
    text = ("Zhipu Reports Second Quarter 2029 Results\n\nSecond Quarter 2029 Highlights\n\n"
            "- Gross margin was 55.3%, compared with 51.8% in the same quarter a year earlier.\n")
    got = facts(text, watchlist, published=date(2029, 8, 27))
    assert ("zhipu", "gross_margin", "2029Q2", Decimal("55.3"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "2028Q2", Decimal("51.8"), "%", "eq") in got
    assert len({f for f in got if f[1] == "gross_margin"}) == 2


def test_a_quarter_named_by_the_month_it_ends_with(watchlist):
    # "the September quarter of 2028" is 2028Q3, as the Australian and US press write it
    text = ("MiniMax's open platform made up 49.1% of revenue in the third quarter of 2029, compared with 44.0% "
            "in the September quarter of 2028.")
    got = facts(text, watchlist, published=date(2029, 11, 20))
    assert ("minimax", "revenue_share.cloud", "2029Q3", Decimal("49.1"), "%", "eq") in got
    assert ("minimax", "revenue_share.cloud", "2028Q3", Decimal("44.0"), "%", "eq") in got
    assert not {f for f in got if f[2].startswith("FY")}


def test_a_rate_as_of_a_months_last_day_is_the_months(watchlist):
    # ARR and daily volumes are labelled by month: "as of June 30, 2029" is 2029-06, as "at the end of June" is
    text = "OpenRouter said its ARR reached about US$640 million as of June 30, 2029."
    got = facts(text, watchlist, published=date(2029, 7, 9))
    assert ("openrouter", "arr", "2029-06", Decimal("640000000"), "USD", "approx") in got
    # a market value is an instant: the day itself
    text = "Zhipu's market value was HK$301 billion as of June 30, 2029."
    got = facts(text, watchlist, published=date(2029, 7, 9))
    assert ("zhipu", "market_cap", "2029-06-30", Decimal("301000000000"), "HKD", "eq") in got
