"""How English posts, transcripts and press write periods and companies, found on a diagnostic set (blind23) and
pinned on text of our own.

Each test uses other companies, figures and wording than the documents the rule was found on, so that a fix
cannot be a match for one sentence of one document.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts, unqualified_facts


def test_a_conversion_in_brackets_does_not_keep_the_period_after_it_from_the_figure(watchlist):
    # "9.41 billion yuan ($1.3 billion) last year": the year after the bracket is the amount's, as without the bracket
    text = "Zhipu said on Thursday that sales grew 48.2% to 9.41 billion yuan ($1.3 billion) last year."
    got = unqualified_facts(text, watchlist, published=date(2031, 4, 10))
    assert ("zhipu", "revenue", "FY2030", Decimal("9410000000"), "CNY") in got
    assert ("zhipu", "revenue_growth", "FY2030", Decimal("48.2"), "%") in got
    assert not {f for f in got if f[2] == "2031-04-10"}


def test_the_day_a_result_was_said_on_is_not_its_period(watchlist):
    # "said on Thursday that sales grew…": the day is when it was said; the year the story reports on dates the sales
    text = ("Zhipu posts 48% growth for 2030\n\n"
            "Zhipu said on Thursday that sales grew 48.2% to 9.41 billion yuan. Its net loss narrowed to 2.1 billion "
            "yuan.")
    got = unqualified_facts(text, watchlist, published=date(2031, 4, 10))
    assert ("zhipu", "revenue", "FY2030", Decimal("9410000000"), "CNY") in got
    assert not {f for f in got if f[2] == "2031-04-10"}
    # with no period at all, the figure is dropped rather than dated by the day
    alone = unqualified_facts("DeepSeek said on Monday that revenue rose 31% to 3.3 billion yuan.", watchlist,
                              published=date(2031, 4, 10))
    assert not {f for f in alone if f[1] == "revenue"}


def test_a_month_right_before_what_was_measured_in_it_dates_it(watchlist):
    # "February daily tokens: …", "Zhipu's March revenue": a month as an adjective, after a weekday's close
    text = ("Zhipu was valued at about HK$900 billion at Wednesday's close.\n\n"
            "Quick usage notes. February daily tokens: Zhipu about 310 trillion, DeepSeek about 205 trillion.")
    got = facts(text, watchlist, published=date(2031, 3, 14))
    assert ("zhipu", "daily_token_volume", "2031-02", Decimal("310000000000000"), "tokens/day", "approx") in got
    assert ("deepseek", "daily_token_volume", "2031-02", Decimal("205000000000000"), "tokens/day", "approx") in got
    got = facts("Zhipu's February revenue was $100 million.", watchlist, published=date(2031, 3, 14))
    assert ("zhipu", "revenue", "2031-02", Decimal("100000000"), "USD", "eq") in got
    assert not facts("May revenue estimates vary. Revenue may fall.", watchlist, published=date(2031, 3, 14))


def test_a_periods_figure_is_of_the_metric_just_named(watchlist):
    # "The end-of-February figure was…": the figure of the metric the sentence before named, for that month's end
    text = "Moonshot's ARR was $7 billion at the end of January. The end-of-February figure was about $7.3 billion."
    got = facts(text, watchlist, published=date(2031, 3, 14))
    assert ("moonshot", "arr", "2031-02", Decimal("7300000000"), "USD", "approx") in got


def test_that_is_up_from_sets_earlier_levels_of_the_metric_before(watchlist):
    # "That's up from X at the end of December and Y at the end of October": the earlier levels of the same metric
    text = ("Moonshot's ARR was $7 billion at the end of January. That's up from about $6.8 billion at the end of "
            "December and about $6.1 billion at the end of October.")
    got = facts(text, watchlist, published=date(2031, 3, 14))
    assert ("moonshot", "arr", "2030-12", Decimal("6800000000"), "USD", "approx") in got
    assert ("moonshot", "arr", "2030-10", Decimal("6100000000"), "USD", "approx") in got


def test_a_transcript_turn_naming_no_company_goes_on_about_the_one_named_last(watchlist):
    # "[hh:mm:ss] NAME:" turns: the figures of a turn that names no company are of the company the turn before named,
    # not of the article's subject
    text = ("Episode 12: Zhipu and DeepSeek close out 2030 (transcript)\n\n"
            "[00:04:10] ANNA: So, first Zhipu. Big quarter.\n\n"
            "[00:04:14] TOM: Yes. Fourth-quarter revenue was $980 million, up 51%.\n\n"
            "[00:04:20] ANNA: Now DeepSeek. They reported Friday.\n\n"
            "[00:04:23] TOM: Q4 revenue of $610 million, up 38%.\n\n"
            "[00:04:30] ANNA: And their gross margin was 58.1% in the quarter.\n")
    got = unqualified_facts(text, watchlist, published=date(2031, 3, 14))
    assert ("zhipu", "revenue", "2030Q4", Decimal("980000000"), "USD") in got
    assert ("deepseek", "revenue", "2030Q4", Decimal("610000000"), "USD") in got
    assert ("deepseek", "revenue_growth", "2030Q4", Decimal("38"), "%") in got
    assert ("deepseek", "gross_margin", "2030Q4", Decimal("58.1"), "%") in got
    assert not {f for f in got if f[0] == "zhipu" and f[3] in (Decimal("610000000"), Decimal("58.1"))}


def test_a_quarter_not_begun_named_in_its_results_season_is_last_years(watchlist):
    # "Fourth-quarter revenue was…" in March, in a text that names last year somewhere: the quarter just reported on
    text = ("Zhipu's fourth-quarter revenue came in at $980 million. " + "Analysts discussed pricing at length. " * 90
            + "Zhipu's first-quarter revenue in 2030 had been $700 million.")
    got = unqualified_facts(text, watchlist, published=date(2031, 3, 14))
    assert ("zhipu", "revenue", "2030Q4", Decimal("980000000"), "USD") in got
    # an outlook for it is still no result
    got = unqualified_facts("In 2030 Zhipu grew fast. Zhipu expects third-quarter revenue of $400 million.", watchlist,
                            published=date(2031, 3, 14))
    assert not {f for f in got if f[1] == "revenue"}


def test_headings_of_a_posts_blocks_date_the_lines_under_them(watchlist):
    # "Highlights from the quarter:" then "And the year:": each heading dates the lines under it ("from" opens no
    # comparison in a heading of lines)
    text = ("Zhipu's Q4 and full-year 2030 numbers are published today.\n\n"
            "A few numbers from the quarter:\n"
            "- Revenue US$410.2M, +38.1% YoY\n"
            "- Gross margin 44.3%\n\n"
            "And the year:\n"
            "- Revenue US$1,480.5M, +41.7%\n"
            "- Gross margin 43.2%\n")
    got = unqualified_facts(text, watchlist, published=date(2031, 3, 5))
    assert ("zhipu", "revenue", "2030Q4", Decimal("410200000"), "USD") in got
    assert ("zhipu", "gross_margin", "2030Q4", Decimal("44.3"), "%") in got
    assert ("zhipu", "revenue", "FY2030", Decimal("1480500000"), "USD") in got
    assert ("zhipu", "gross_margin", "FY2030", Decimal("43.2"), "%") in got
    assert len(got) == 6


def test_a_month_after_december_is_the_next_years(watchlist):
    # "in December, … in January" in February: each month is the latest such month; December lends January no year
    text = ("Zhipu handled about 300 trillion tokens a day on average in December and about 320 trillion in January. "
            "Its ARR was $2 billion at the end of December and $2.2 billion at the end of January.")
    got = unqualified_facts(text, watchlist, published=date(2031, 2, 20))
    assert ("zhipu", "daily_token_volume", "2030-12", Decimal("300000000000000"), "tokens/day") in got
    assert ("zhipu", "daily_token_volume", "2031-01", Decimal("320000000000000"), "tokens/day") in got
    assert ("zhipu", "arr", "2031-01", Decimal("2200000000"), "USD") in got
    assert not {f for f in got if f[2] == "2030-01"}


def test_a_respectively_list_after_one_companys_figure_is_of_its_metric(watchlist):
    # "DeepSeek and MiniMax reported about X and Y, respectively, while Kimi averaged Z": the metric the sentence
    # before gave one company, for each company listed; "about" before the list is every item's
    text = ("Zhipu said its platform handled about 300 trillion tokens a day in January. DeepSeek and MiniMax reported "
            "about 190 trillion and 120 trillion, respectively, while Moonshot's Kimi averaged roughly 110 trillion.")
    got = facts(text, watchlist, published=date(2031, 2, 12))
    assert ("deepseek", "daily_token_volume", "2031-01", Decimal("190000000000000"), "tokens/day", "approx") in got
    assert ("minimax", "daily_token_volume", "2031-01", Decimal("120000000000000"), "tokens/day", "approx") in got
    assert ("moonshot", "daily_token_volume", "2031-01", Decimal("110000000000000"), "tokens/day", "approx") in got
    got = unqualified_facts("Zhipu's revenue grew 40% in 2030. DeepSeek and MiniMax posted 35% and 31%, respectively.",
                            watchlist, published=date(2031, 4, 2))
    assert ("minimax", "revenue_growth", "FY2030", Decimal("31"), "%") in got


def test_a_sentence_about_a_company_it_does_not_name_gives_no_watched_company_its_figure(watchlist):
    # "A Tokyo startup said its models process…": an unnamed company's figure, not the story's subject's
    text = ("Zhipu handled 300 trillion tokens a day in January. A Tokyo startup said its models process about 9 "
            "trillion tokens a day. One Seoul-based developer put its own figure at 7 trillion tokens a day.")
    got = unqualified_facts(text, watchlist, published=date(2031, 2, 12))
    assert ("zhipu", "daily_token_volume", "2031-01", Decimal("300000000000000"), "tokens/day") in got
    assert len(got) == 1
