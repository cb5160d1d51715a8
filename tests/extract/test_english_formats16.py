"""How English newsletters and briefs put a figure before what it is ("→ 412 trillion: …"), and how they date it,
found on diagnostic sets (blind23, blind24) and pinned on text of our own.

Each test uses other companies, figures and wording than the documents the rule was found on, so that a fix
cannot be a match for one sentence of one document.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts, unqualified_facts

JULY = date(2032, 7, 6)


def test_an_arrow_opens_a_list_item_as_a_bullet_does(watchlist):
    # "→ $2.3 billion: OpenRouter's ARR …": the arrow is the item's mark, the words after the colon its caption
    text = ("Figures of the fortnight\n\n"
            "→ $2.3 billion: OpenRouter's annualized recurring revenue at the end of June.\n"
            "➤ HK$1,020 billion: MiniMax's market value at Thursday's close.")
    got = unqualified_facts(text, watchlist, published=JULY)
    assert ("openrouter", "arr", "2032-06", Decimal("2300000000"), "USD") in got
    assert ("minimax", "market_cap", "2032-07-01", Decimal("1020000000000"), "HKD") in got


def test_a_dash_stands_for_the_colon_after_a_leading_figure(watchlist):
    text = ("Figures of the fortnight\n\n"
            "• $2.3 billion — OpenRouter's annualized recurring revenue at the end of June.\n"
            "• 518 trillion – average daily tokens on DeepSeek's models in June.")
    got = unqualified_facts(text, watchlist, published=JULY)
    assert ("openrouter", "arr", "2032-06", Decimal("2300000000"), "USD") in got
    assert ("deepseek", "daily_token_volume", "2032-06", Decimal("518000000000000"), "tokens/day") in got
    # a figure in the middle of a sentence before a dash is no caption's
    mid = unqualified_facts("DeepSeek crossed 518 trillion — a record, its staff said.", watchlist, published=JULY)
    assert not mid


def test_a_change_in_a_caption_that_names_its_base(watchlist):
    # "27.9%: Zhipu's second-quarter revenue growth": a change is the caption's when it names what changed
    text = "In brief\n\n→ 27.9%: Zhipu's second-quarter revenue growth."
    got = unqualified_facts(text, watchlist, published=date(2032, 8, 30))
    assert ("zhipu", "revenue_growth", "2032Q2", Decimal("27.9"), "%") in got
    # and in a sentence, "revenue growth" before its rate
    said = unqualified_facts("MiniMax's 2031 revenue growth was 51.6%.", watchlist, published=date(2032, 4, 2))
    assert ("minimax", "revenue_growth", "FY2031", Decimal("51.6"), "%") in said
    # a bare "growth" after an amount of another period is not read as the growth of that period
    bare = unqualified_facts("The third quarter of 2031 brought in 612 million yuan for Zhipu, so growth was 38.2%.",
                             watchlist, published=date(2032, 11, 2))
    assert not {f for f in bare if f[1] == "revenue_growth"}


def test_a_level_after_down_from_past_a_figure_of_another_kind(watchlist):
    # "27.9% growth, on revenue of $1.46 billion, down from 30.5%": the level the growth fell from, not of revenue
    text = ("→ 27.9%: Moonshot's second-quarter revenue growth, on revenue of $1.46 billion — down from 30.5% in the "
            "first quarter.")
    got = unqualified_facts(text, watchlist, published=date(2032, 8, 30))
    assert ("moonshot", "revenue_growth", "2032Q2", Decimal("27.9"), "%") in got
    assert ("moonshot", "revenue", "2032Q2", Decimal("1460000000"), "USD") in got
    assert ("moonshot", "revenue_growth", "2032Q1", Decimal("30.5"), "%") in got


def test_a_quarter_compared_with_is_one_that_has_happened(watchlist):
    # in August, "down from 30.5% in the December quarter" is last December's: a result is not measured against a
    # quarter still to come
    text = "MiniMax's second-quarter revenue rose 27.9%, down from 30.5% in the December quarter."
    got = unqualified_facts(text, watchlist, published=date(2032, 8, 30))
    assert ("minimax", "revenue_growth", "2032Q2", Decimal("27.9"), "%") in got
    assert ("minimax", "revenue_growth", "2031Q4", Decimal("30.5"), "%") in got
    # a quarter to come, named without a comparison, is still no result
    ahead = unqualified_facts("MiniMax's revenue rose 30.5% in the December quarter.", watchlist,
                              published=date(2032, 8, 30))
    assert not ahead


def test_last_month_after_a_figure_dates_it(watchlist):
    # "… 61 trillion tokens a day on average last month": the month before the one of writing
    text = "Kimi averaged about 61 trillion tokens a day last month, and MiniMax handled about 44 trillion."
    got = unqualified_facts(text, watchlist, published=JULY)
    assert ("moonshot", "daily_token_volume", "2032-06", Decimal("61000000000000"), "tokens/day") in got
    caption = unqualified_facts("By the numbers\n\n→ 518 trillion: average daily tokens on DeepSeek's models last "
                                "month, up from 497 trillion in May.", watchlist, published=JULY)
    assert ("deepseek", "daily_token_volume", "2032-06", Decimal("518000000000000"), "tokens/day") in caption
    assert ("deepseek", "daily_token_volume", "2032-05", Decimal("497000000000000"), "tokens/day") in caption


def test_last_month_dates_a_report_when_the_clause_names_the_period(watchlist):
    # "reported second-quarter revenue of … last month": the month is when it was reported
    text = "MiniMax reported second-quarter revenue of $251.2 million last month."
    got = unqualified_facts(text, watchlist, published=date(2032, 9, 3))
    assert ("minimax", "revenue", "2032Q2", Decimal("251200000"), "USD") in got
    assert not {f for f in got if f[2] == "2032-08"}


def test_a_daily_average_is_a_daily_token_volume(watchlist):
    text = "Usage notes\n\n→ 518 trillion: DeepSeek's daily average for June."
    got = unqualified_facts(text, watchlist, published=JULY)
    assert ("deepseek", "daily_token_volume", "2032-06", Decimal("518000000000000"), "tokens/day") in got


def test_the_same_figure_in_a_caption_is_the_metric_of_the_item_before(watchlist):
    # "→ 207 trillion and 188 trillion: the same figure for Zhipu and for MiniMax, respectively"
    text = ("Usage notes\n\n"
            "→ 518 trillion: DeepSeek's daily average for June.\n"
            "→ 207 trillion and 188 trillion: the same figure for Zhipu and for MiniMax, respectively.")
    got = unqualified_facts(text, watchlist, published=JULY)
    assert ("zhipu", "daily_token_volume", "2032-06", Decimal("207000000000000"), "tokens/day") in got
    assert ("minimax", "daily_token_volume", "2032-06", Decimal("188000000000000"), "tokens/day") in got


def test_a_rate_right_after_a_sequential_change_word_is_no_share(watchlist):
    # a headline's "營收季增4.2% 雲端占比達88.1%": the 4.2% is a change on the quarter before, not the cloud's share
    text = "智譜首季營收季增4.2% 雲端占比達88.1%"
    got = facts(text, watchlist, published=date(2032, 4, 29))
    assert ("zhipu", "revenue_share.cloud", "2032Q1", Decimal("88.1"), "%", "eq") in got
    assert not {f for f in got if f[3] == Decimal("4.2")}


def test_a_period_then_it_was_gives_the_figure_just_said_for_that_period(watchlist):
    # "A year ago it was …": the metric of the sentence before, a year before its period
    text = "DeepSeek's second-quarter revenue was 3.74 billion yuan. A year ago it was 2.61 billion yuan."
    got = unqualified_facts(text, watchlist, published=date(2032, 8, 25))
    assert ("deepseek", "revenue", "2032Q2", Decimal("3740000000"), "CNY") in got
    assert ("deepseek", "revenue", "2031Q2", Decimal("2610000000"), "CNY") in got
    # and a clause of its own: ", and at the end of April it was above …"
    arr = facts("Moonshot's annualized recurring revenue reached $9.8 billion at the end of June. A month earlier it "
                "was about $9.5 billion, and at the end of April it was above $9.1 billion.", watchlist,
                published=date(2032, 7, 8))
    assert ("moonshot", "arr", "2032-05", Decimal("9500000000"), "USD", "approx") in arr
    assert ("moonshot", "arr", "2032-04", Decimal("9100000000"), "USD", "gt") in arr
    # a company opening the clause is another company's figure, not this one's
    other = unqualified_facts("DeepSeek's second-quarter revenue was 3.74 billion yuan. A year ago Zhipu said it was "
                              "bigger.", watchlist, published=date(2032, 8, 25))
    assert {f[1] for f in other} == {"revenue"} and len(other) == 1


def test_a_rate_said_with_now_is_of_the_month_of_writing(watchlist):
    text = "MiniMax now processes roughly 233 trillion tokens a day, its chief executive told reporters."
    got = unqualified_facts(text, watchlist, published=date(2032, 10, 14))
    assert ("minimax", "daily_token_volume", "2032-10", Decimal("233000000000000"), "tokens/day") in got
    # without "now" (or a period), a rate stays undated
    assert not unqualified_facts("MiniMax processes roughly 233 trillion tokens a day.", watchlist,
                                 published=date(2032, 10, 14))
    # a month named in the sentence still dates it
    named = unqualified_facts("In September MiniMax processed roughly 221 trillion tokens a day.", watchlist,
                              published=date(2032, 10, 14))
    assert ("minimax", "daily_token_volume", "2032-09", Decimal("221000000000000"), "tokens/day") in named


def test_a_month_in_capitals_is_a_month(watchlist):
    # a wire brief's "AS AT SEP 30, 2032 HAD 2,214 FULL-TIME EMPLOYEES"
    text = "BRIEF-MiniMax nine-month results\n\n* AS AT SEP 30, 2032 HAD 2,214 FULL-TIME EMPLOYEES"
    got = unqualified_facts(text, watchlist, published=date(2032, 11, 20))
    assert ("minimax", "headcount", "2032-09-30", Decimal("2214"), "count") in got
    assert not {f for f in got if f[3] == Decimal("30")}
