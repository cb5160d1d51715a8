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
    # a count held on a day, with a quarter in an aside after the day: still the day's
    text = ("Zhipu's results for the first half of 2028 were out in August. As of September 15 -- halfway through "
            "the third quarter -- Zhipu had 1,870 employees.")
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


def test_months_through_a_month_without_its_year_had_ended_by_the_writing(watchlist):
    # "the three months through December" in a March story is last year's fourth quarter, not this year's; a quarter
    # under way ("ending March" in March) is not moved
    text = ("MiniMax Beats Estimates\n\nMarch 6, 2028\n\n"
            "MiniMax's sales in the three months through December rose 58.1% from a year earlier to $97.2 million, "
            "the company said. Revenue in the three months to September had been $81.5 million. It will report "
            "the three months ending March in May.")
    got = facts(text, watchlist, published=date(2028, 3, 6))
    assert ("minimax", "revenue", "2027Q4", Decimal("97200000"), "USD", "eq") in got
    assert ("minimax", "revenue_growth", "2027Q4", Decimal("58.1"), "%", "eq") in got
    assert ("minimax", "revenue", "2027Q3", Decimal("81500000"), "USD", "eq") in got
    assert not {f for f in got if f[2] in ("2027Q1", "2028Q4", "2028Q3")}


def test_valuing_the_company_at_after_a_close_is_its_market_value(watchlist):
    # a wire's "closed … on Monday, valuing the company at": the day's market value; a round "valuing it at" is not
    text = ("Moonshot AI shares closed up 3% on Monday, valuing the company at HK$515 billion. Its backers had bought "
            "in at a round valuing it at $18 billion in 2025.")
    got = facts(text, watchlist, published=date(2028, 11, 22))
    assert ("moonshot", "market_cap", "2028-11-20", Decimal("515000000000"), "HKD", "eq") in got
    assert not {f for f in got if f[3] == Decimal("18000000000")}


def test_the_third_item_of_a_respectively_list_is_of_the_list_however_far_its_cue(watchlist):
    # "growth of 71%, 58% and 96%": each rate is of the list, and the list goes to the companies in order
    text = ("For 2027, revenue at MiniMax, Zhipu and Moonshot AI came to US$300 million, RMB2.83 billion and "
            "US$812 million respectively, growth of 71%, 58% and 96%.")
    got = facts(text, watchlist, published=date(2028, 4, 10))
    assert ("minimax", "revenue_growth", "FY2027", Decimal("71"), "%", "eq") in got
    assert ("zhipu", "revenue_growth", "FY2027", Decimal("58"), "%", "eq") in got
    assert ("moonshot", "revenue_growth", "FY2027", Decimal("96"), "%", "eq") in got
    assert len({f for f in got if f[1] == "revenue_growth"}) == 3


def test_daily_tokens_processed_is_a_daily_volume(watchlist):
    # a release's "Average daily tokens processed": a rate per day, not a month's total ("tokens processed")
    text = ("- Average daily tokens processed on the MiniMax open platform were approximately 31 trillion in "
            "September 2027.")
    got = facts(text, watchlist, published=date(2027, 11, 18))
    assert ("minimax", "daily_token_volume", "2027-09", Decimal("31000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[1] == "token_volume"}


def test_they_in_a_sentence_after_a_plural_metric_is_that_metric_and_at_names_the_company(watchlist):
    # "We follow daily token volumes. In October they were about 120 trillion at Zhipu, 41 trillion at MiniMax…":
    # "they" is the metric of the sentence before, "In October" its month, and each figure is the company's after "at"
    text = ("We follow daily token volumes closely. In October they were about 120 trillion at Zhipu, 41 trillion at "
            "MiniMax and 36 trillion at Moonshot AI.")
    got = facts(text, watchlist, published=date(2028, 11, 15))
    assert ("zhipu", "daily_token_volume", "2028-10", Decimal("120000000000000"), "tokens/day", "approx") in got
    assert {(f[0], f[3]) for f in got if f[1] == "daily_token_volume" and f[2] == "2028-10"} == {
        ("zhipu", Decimal("120000000000000")), ("minimax", Decimal("41000000000000")),
        ("moonshot", Decimal("36000000000000"))}


def test_a_month_after_a_capitalised_preposition_opening_a_sentence_is_a_period(watchlist):
    # "For September, …" / "In June …" at the start of a sentence date its figures as "in June" does mid-sentence
    text = ("MiniMax reported its first-half results in August. In June, its daily token volume was about 28 trillion. "
            "For September, Zhipu's daily token volume was about 101 trillion.")
    got = facts(text, watchlist, published=date(2027, 10, 12))
    assert ("minimax", "daily_token_volume", "2027-06", Decimal("28000000000000"), "tokens/day", "approx") in got
    assert ("zhipu", "daily_token_volume", "2027-09", Decimal("101000000000000"), "tokens/day", "approx") in got


def test_exited_a_month_at_an_amount_of_annual_recurring_revenue_is_that_months_arr(watchlist):
    # a letter's "exited June at about $610 million of annual recurring revenue": ARR at the end of June
    text = "OpenRouter exited June at about $410 million of annual recurring revenue, by our estimate."
    got = facts(text, watchlist, published=date(2028, 7, 20))
    assert ("openrouter", "arr", "2028-06", Decimal("410000000"), "USD", "approx") in got


def test_the_open_platform_share_of_the_quarters_revenue(watchlist):
    # "the open-platform business reached 41.3% of the quarter's revenue": a segment's share of that quarter
    text = ("Full-year 2027 revenue at MiniMax was US$299.9 million. In the fourth quarter, the open-platform business "
            "reached 41.3% of the quarter's revenue.")
    got = facts(text, watchlist, published=date(2028, 4, 2))
    assert ("minimax", "revenue_share.cloud", "2027Q4", Decimal("41.3"), "%", "eq") in got
