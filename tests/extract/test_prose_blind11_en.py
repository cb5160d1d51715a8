"""General rules of how the English-language press writes, found on the eleventh blind set and pinned on text of
our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_box_of_key_figures_without_a_header_dates_each_line_by_its_own_label(watchlist):
    # a broker's box of "label   figure   (note)" lines has no header: its first line is a figure's, not the
    # column headings of the lines under it, and a period in it dates nothing below
    text = ("MiniMax (100 HK): 2Q27 results\n\n"
            "HEADLINE FIGURES\n"
            "2Q26 revenue              US$51.3m\n"
            "1H27 revenue              US$129.7m   (+58.0% YoY)\n"
            "2Q27 gross margin         36.3%       (2Q26: 33.9%)\n"
            "2Q27 R&D expense          US$71.2m\n")
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("minimax", "revenue", "2027H1", Decimal("129700000"), "USD", "eq") in got
    assert ("minimax", "gross_margin", "2027Q2", Decimal("36.3"), "%", "eq") in got
    assert ("minimax", "rd_expense", "2027Q2", Decimal("71200000"), "USD", "eq") in got
    assert not {f for f in got if f[2] == "2026Q2" and f[3] != Decimal("51300000") and f[3] != Decimal("33.9")}


def test_a_month_with_its_years_two_last_digits_after_a_hyphen(watchlist):
    # "Sep-27", "Dec-26": a broker's month, as "September 2027"
    text = ("DeepSeek usage snapshot\n\n"
            "Avg. daily tokens, Sep-27       ~38tn\n"
            "Avg. daily tokens, Dec-26       ~21tn\n")
    got = facts(text, watchlist, published=date(2027, 10, 20))
    assert ("deepseek", "daily_token_volume", "2027-09", Decimal("38000000000000"), "tokens/day", "approx") in got
    assert ("deepseek", "daily_token_volume", "2026-12", Decimal("21000000000000"), "tokens/day", "approx") in got


def test_a_month_with_its_year_in_an_earlier_sentence_does_not_date_a_bare_nine_months(watchlist):
    # "since it listed in January 2026.…For the first nine months of the year": a day or month with its year dates
    # an event; in a later sentence a period without a year is the year of writing's
    text = ("Zhipu's shares have tripled since its debut in Hong Kong in January 2026. "
            "For the first nine months of the year, Zhipu's revenue came to 1.9 billion yuan, up 70.4%.")
    got = facts(text, watchlist, published=date(2027, 11, 26))
    assert ("zhipu", "revenue", "2027Q1-Q3", Decimal("1900000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue_growth", "2027Q1-Q3", Decimal("70.4"), "%", "eq") in got
    assert not {f for f in got if f[2].startswith("2026")}


def test_a_weekday_after_closed_without_on(watchlist):
    # American copy drops the "on": "the stock closed Tuesday up 2%, giving it a market value of ..."
    text = "Zhipu's stock closed Tuesday up 2.3%, giving the company a market value of about HK$362 billion."
    got = facts(text, watchlist, published=date(2027, 12, 2))
    assert ("zhipu", "market_cap", "2027-11-30", Decimal("362000000000"), "HKD", "approx") in got


def test_a_figure_with_its_own_period_after_it_leaves_the_one_before_it_to_the_first(watchlist):
    # "X a day on average in October, up from Y in September": October is X's, though Y follows it
    text = ("DeepSeek processed roughly 41 trillion tokens per day on average in November, up from about 38 trillion "
            "in October.")
    got = facts(text, watchlist, published=date(2027, 12, 5))
    assert ("deepseek", "daily_token_volume", "2027-11", Decimal("41000000000000"), "tokens/day", "approx") in got
    assert ("deepseek", "daily_token_volume", "2027-10", Decimal("38000000000000"), "tokens/day", "approx") in got


def test_a_day_in_an_earlier_sentence_dates_a_price_not_the_amounts_after_it(watchlist):
    # "X closed on Friday, valued at HK$298bn. Revenue rose 14.1% from RMB520m": the day is the price's; an amount or
    # a rate with no period of its own is not that day's
    text = ("Zhipu's shares closed on Friday up 4% on the week, giving it a market value of HK$298bn. "
            "Revenue rose 14.1% from RMB520m, and the consumer business made up 41.2% of revenue.")
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("zhipu", "market_cap", "2027-08-27", Decimal("298000000000"), "HKD", "eq") in got
    assert not {f for f in got if f[1] != "market_cap" and len(f[2]) == 10}


def test_a_compound_rate_over_a_number_of_years_counts_back_from_the_last_year_named(watchlist):
    # "X in 2025 and Y in 2026, a CAGR of 95% over the two years": two years of growth end in 2026, from 2024
    text = ("MiniMax's revenue climbed to $79.0 million in 2025 and $160.2 million in 2026, a compound annual growth "
            "rate of roughly 95% over the two years.")
    got = facts(text, watchlist, published=date(2027, 4, 2))
    assert ("minimax", "revenue_cagr", "FY2024-FY2026", Decimal("95"), "%", "approx") in got
    text = "DeepSeek's revenue grew at a compound annual growth rate of 210% between 2024 and 2026."
    got = facts(text, watchlist, published=date(2027, 4, 2))
    assert ("deepseek", "revenue_cagr", "FY2024-FY2026", Decimal("210"), "%", "eq") in got


def test_end_hyphen_month_is_the_end_of_that_month(watchlist):
    # "at end-September" as "at the end of September": a rate or ARR then is the month's
    text = "Moonshot AI's annualised revenue run-rate was about US$950m at end-September, a person said."
    got = facts(text, watchlist, published=date(2027, 10, 20))
    assert ("moonshot", "arr", "2027-09", Decimal("950000000"), "USD", "approx") in got
    assert not {f for f in got if f[2] != "2027-09"}


def test_the_day_results_were_announced_on_does_not_date_the_figures_after_it(watchlist):
    # "reported 2Q27 revenue … on 20 August, with gross margin of 35.2%": the day is the announcement's
    text = "Zhipu (2513 HK) reported 2Q27 revenue of RMB640m on 20 August, with gross margin of 44.9%."
    got = facts(text, watchlist, published=date(2027, 8, 25))
    assert ("zhipu", "gross_margin", "2027Q2", Decimal("44.9"), "%", "eq") in got
    assert not {f for f in got if len(f[2]) == 10}


def test_a_level_after_down_from_is_the_figure_befores_metric(watchlist):
    # "…was roughly 1.9x revenue, down from about 2.6x for FY2026": the level a ratio changed from is that ratio
    text = "For 1H27, MiniMax's R&D spending was roughly 0.9x revenue, down from about 1.3x for FY2026."
    got = facts(text, watchlist, published=date(2027, 9, 2))
    assert ("minimax", "rd_to_revenue", "2027H1", Decimal("0.9"), "x", "approx") in got
    assert ("minimax", "rd_to_revenue", "FY2026", Decimal("1.3"), "x", "approx") in got


def test_a_share_of_its_periods_revenue(watchlist):
    # "41.5% of its first-half revenue": "of its" before the period, as "of 1H27 revenue"
    text = "Zhipu's cloud business, which generated 41.5% of its first-half revenue, is growing fastest."
    got = facts(text, watchlist, published=date(2027, 9, 1))
    assert ("zhipu", "revenue_share.cloud", "2027H1", Decimal("41.5"), "%", "eq") in got


def test_a_share_of_sales_from_abroad_named_after_the_number_is_no_segments(watchlist):
    # "with about 25% of total sales coming from outside China": a split by market, even when the market is named
    # after the number
    text = ("DeepSeek's consumer app made up 58.0% of revenue in the first half, with about 25% of total sales "
            "coming from outside China.")
    got = facts(text, watchlist, published=date(2027, 9, 1))
    assert ("deepseek", "revenue_share.consumer", "2027H1", Decimal("58.0"), "%", "eq") in got
    assert not {f for f in got if f[3] == Decimal("25")}


def test_an_amount_in_another_currency_in_a_dash_aside_is_a_conversion(watchlist):
    # "X yuan for 2023 -- about Y yen at today's rate", "$30.5m in 2024 — roughly HK$238m": the same amount restated
    text = "MiniMax booked revenue of $30.5 million for 2024 -- roughly 4.7 billion yen at current exchange rates."
    got = facts(text, watchlist, published=date(2027, 12, 1))
    assert ("minimax", "revenue", "FY2024", Decimal("30500000"), "USD", "eq") in got
    assert not {f for f in got if f[4] == "JPY"}
    text = "Zhipu's revenue was 312.4 million yuan in 2024 — about US$43 million."
    got = facts(text, watchlist, published=date(2027, 12, 1))
    assert not {f for f in got if f[4] == "USD"}


def test_a_company_named_in_an_appositive_clause_is_an_aside(watchlist):
    # "DeepSeek, the Hangzhou lab that spun out … before Zhipu, said its volume topped …": the figure is DeepSeek's
    text = ("Meanwhile DeepSeek, the Hangzhou lab that spun out of a hedge fund years before Zhipu, said its daily "
            "token volume topped 45 trillion in November.")
    got = facts(text, watchlist, published=date(2027, 12, 10))
    assert ("deepseek", "daily_token_volume", "2027-11", Decimal("45000000000000"), "tokens/day", "gt") in got
    assert not {f for f in got if f[0] == "zhipu"}


def test_a_period_in_an_aside_clause_dates_the_aside_not_the_figure(watchlist):
    # "Moonshot AI, the lab that launched Kimi in October 2023, now has ARR of …": October 2023 is the launch's
    text = ("Moonshot AI, the lab that launched Kimi in October 2023, now has annual recurring revenue of about "
            "$1.2 billion.")
    got = facts(text, watchlist, published=date(2027, 12, 10))
    assert ("moonshot", "arr", "2027-12-10", Decimal("1200000000"), "USD", "approx") in got
    assert not {f for f in got if f[2].startswith("2023")}


def test_it_and_a_change_go_on_about_the_metric_of_the_sentence_before(watchlist):
    # "X's revenue rose to … in 2024. It nearly tripled to … in 2025": "it" is the revenue
    text = ("MiniMax's revenue rose to $30.5 million in 2024. It nearly tripled to $79.0 million in 2025 and "
            "reached $160.2 million in 2026.")
    got = facts(text, watchlist, published=date(2027, 4, 2))
    assert ("minimax", "revenue", "FY2025", Decimal("79000000"), "USD", "eq") in got
    assert ("minimax", "revenue", "FY2026", Decimal("160200000"), "USD", "eq") in got
    # a sentence opening "It" with no change is about something else
    text = "MiniMax's revenue rose to $30.5 million in 2024. It raised $600 million in 2025."
    got = facts(text, watchlist, published=date(2027, 4, 2))
    assert not {f for f in got if f[3] == Decimal("600000000")}
