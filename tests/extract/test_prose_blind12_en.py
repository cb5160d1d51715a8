"""General rules of how the English-language press writes, found on the twelfth blind set and pinned on text of
our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_the_year_ended_a_day_without_its_year_is_the_last_such_year(watchlist):
    # a results story written in the spring: "for the year ended Dec. 31" is last year, and a quarter named after
    # it without a year is that year's, not the year of the comparison written in between
    text = ("BEIJING, April 2, 2027 - Zhipu said its net loss for the year ended December 31 widened to 6.7 billion "
            "yuan, against 3.9 billion yuan in 2025. The net loss in the fourth quarter came to 2.1 billion yuan.")
    got = facts(text, watchlist)
    assert ("zhipu", "net_loss", "FY2026", Decimal("6700000000"), "CNY", "eq") in got
    assert ("zhipu", "net_loss", "FY2025", Decimal("3900000000"), "CNY", "eq") in got
    assert ("zhipu", "net_loss", "2026Q4", Decimal("2100000000"), "CNY", "eq") in got


def test_for_the_year_is_the_year_reported_not_the_quarter_named_last(watchlist):
    # an annual story that singles out the fourth quarter goes back to the year with "for the year"
    text = ("Zhipu's revenue for 2026 rose to 1.68 billion yuan. Fourth-quarter revenue was 586 million yuan. "
            "Cloud services made up 45.1% of sales for the year, and the net loss for the year was 6.74 billion yuan.")
    got = facts(text, watchlist, published=date(2027, 3, 25))
    assert ("zhipu", "revenue", "2026Q4", Decimal("586000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue_share.cloud", "FY2026", Decimal("45.1"), "%", "eq") in got
    assert ("zhipu", "net_loss", "FY2026", Decimal("6740000000"), "CNY", "eq") in got
    assert not {f for f in got if f[2] == "2026Q4" and f[1] != "revenue"}


def test_for_the_year_ahead_is_no_reported_year(watchlist):
    # "for the year ahead" is an outlook: it does not take back the year just reported
    text = ("MiniMax's revenue for 2026 was $176.3 million. Fourth-quarter gross margin was 32.9%, and the company "
            "expects a gross margin of about 40% for the year ahead.")
    got = facts(text, watchlist, published=date(2027, 3, 20))
    assert not {f for f in got if f[1] == "gross_margin" and f[2] == "FY2026"}
    # what the text does report is read
    assert ("minimax", "revenue", "FY2026", Decimal("176300000"), "USD", "eq") in got
    assert ("minimax", "gross_margin", "2026Q4", Decimal("32.9"), "%", "eq") in got


def test_a_wire_brief_in_capitals_with_bln_pct_and_vs(watchlist):
    # a wire's BRIEF lines: magnitudes and per cents in capitals, the figure after "VS" the year before's
    text = ("BRIEF-MiniMax Group FY Revenue USD 296.2 MLN\n\n"
            "March 17, 2028 - MiniMax Group Inc:\n\n"
            "* FY REVENUE USD 296.2 MLN VS USD 176.3 MLN\n"
            "* FY GROSS MARGIN 36.8 PCT VS 32.9 PCT\n"
            "* FY LOSS FOR THE PERIOD USD 284.6 MLN VS USD 260.1 MLN\n")
    got = facts(text, watchlist)
    assert ("minimax", "revenue", "FY2027", Decimal("296200000"), "USD", "eq") in got
    assert ("minimax", "revenue", "FY2026", Decimal("176300000"), "USD", "eq") in got
    assert ("minimax", "gross_margin", "FY2027", Decimal("36.8"), "%", "eq") in got
    assert ("minimax", "gross_margin", "FY2026", Decimal("32.9"), "%", "eq") in got
    assert ("minimax", "net_loss", "FY2026", Decimal("260100000"), "USD", "eq") in got


def test_an_earnings_headline_compares_with_vs(watchlist):
    # "versus" between two levels of one metric in a sentence without a second period
    text = ("Zhipu's full-year 2027 revenue came in at 2.9 billion yuan versus 1.7 billion yuan, and its gross margin "
            "at 47% vs. 44%.")
    got = facts(text, watchlist, published=date(2028, 3, 24))
    assert ("zhipu", "revenue", "FY2026", Decimal("1700000000"), "CNY", "eq") in got
    assert ("zhipu", "gross_margin", "FY2026", Decimal("44"), "%", "eq") in got
    assert not {f for f in got if f[2] == "FY2027" and f[3] in (Decimal("1700000000"), Decimal("44"))}


def test_a_list_item_led_by_its_figure_is_named_by_the_words_after_its_colon(watchlist):
    # "By the numbers" / "In numbers" boxes: the figure first, then what it is
    text = ("Moonshot in numbers\n\n"
            "- $980 million: Moonshot's revenue in 2027\n"
            "- 22 trillion: Kimi's average daily tokens in December 2027\n"
            "- 9.8%: the share of the top five customers\n")
    got = facts(text, watchlist, published=date(2028, 4, 18))
    assert ("moonshot", "revenue", "FY2027", Decimal("980000000"), "USD", "eq") in got
    assert ("moonshot", "daily_token_volume", "2027-12", Decimal("22000000000000"), "tokens/day", "eq") in got


def test_a_figure_before_a_colon_in_running_prose_is_not_a_caption(watchlist):
    # a number ending a clause before a colon is no list item: "rose 40%: revenue…" names nothing for the 40%
    text = "Zhipu's shares rose 40%: revenue at the company doubled last year, analysts said."
    got = facts(text, watchlist, published=date(2028, 3, 24))
    assert not {f for f in got if f[3] == Decimal("40")}


def test_a_period_ending_a_figures_clause_is_its_own_before_a_comma(watchlist):
    # "…on R&D last year, roughly 1.1 times sales": the period closes the first figure's clause; the multiple after
    # the comma does not take it away (nor does a year named in an earlier sentence date the first figure)
    text = ("MiniMax's sales in 2024 were $30.5 million. "
            "MiniMax spent $331.2 million on R&D last year, roughly 1.1 times sales.")
    got = facts(text, watchlist, published=date(2028, 3, 30))
    assert ("minimax", "rd_expense", "FY2027", Decimal("331200000"), "USD", "eq") in got
    assert ("minimax", "rd_to_revenue", "FY2027", Decimal("1.1"), "x", "approx") in got
    assert not {f for f in got if f[1] == "rd_expense" and f[2] != "FY2027"}


def test_a_month_just_gone_is_not_put_back_a_year_by_an_earlier_sentence(watchlist):
    # a monthly roundup in early spring: "in February" is last month, though the sentence before named 2027 (or a
    # February a year earlier, as a comparison)
    text = ("Kimi's usage doubled over 2027. A year ago, in February 2027, Moonshot handled 9 trillion tokens a day. "
            "Moonshot's daily token volume reached about 22 trillion in February, the company said.")
    got = facts(text, watchlist, published=date(2028, 3, 10))
    assert ("moonshot", "daily_token_volume", "2028-02", Decimal("22000000000000"), "tokens/day", "approx") in got
    assert ("moonshot", "daily_token_volume", "2027-02", Decimal("9000000000000"), "tokens/day", "eq") in got


def test_a_month_long_gone_still_takes_the_year_of_the_sentence_before(watchlist):
    # a look back at 2026 written in March 2028: "in September" is 2026's, far from the news of the day
    text = ("Zhipu had a hard 2026. Its daily token volume fell to about 18 trillion in September, the company said.")
    got = facts(text, watchlist, published=date(2028, 3, 10))
    assert ("zhipu", "daily_token_volume", "2026-09", Decimal("18000000000000"), "tokens/day", "approx") in got


def test_the_year_of_a_compared_figure_does_not_date_a_figure_after_it(watchlist):
    # "X in 2027, against Y in 2026, and Z": 2026 is the base of the comparison, not Z's year
    text = ("Zhipu's gross margin was 47.1% in 2027, against 43.6% in 2026, and its R&D spending was roughly 2.0 "
            "times revenue.")
    got = facts(text, watchlist, published=date(2028, 3, 24))
    assert ("zhipu", "gross_margin", "FY2026", Decimal("43.6"), "%", "eq") in got
    assert ("zhipu", "rd_to_revenue", "FY2027", Decimal("2.0"), "x", "approx") in got
    assert not {f for f in got if f[1] == "rd_to_revenue" and f[2] == "FY2026"}


def test_a_month_of_writing_not_yet_over_keeps_the_year_of_the_sentence_before(watchlist):
    # on February 16, "at the end of February" after "early 2026" cannot be this February, not yet over
    text = ("The turning point came in early 2026, when Moonshot cut its prices. At the end of February, Kimi "
            "processed roughly 3 trillion tokens a day.")
    got = facts(text, watchlist, published=date(2027, 2, 16))
    assert not {f for f in got if f[2].startswith("2027-02")}
    assert ("moonshot", "daily_token_volume", "2026-02", Decimal("3000000000000"), "tokens/day", "approx") in got


def test_a_change_on_the_half_before_is_no_growth_rate(watchlist):
    # "up 37% half-on-half" compares with the half before, not with a year earlier
    text = ("Zhipu's revenue for the six months ended December 31, 2026 was 1.1 billion yuan, up 41.2% half-on-half.")
    got = facts(text, watchlist, published=date(2027, 3, 25))
    assert ("zhipu", "revenue", "2026H2", Decimal("1100000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1] == "revenue_growth"}


def test_an_amount_after_a_metric_and_by_is_a_change_not_a_level(watchlist):
    # "cut its net loss by 1.1 billion yuan", "reduced its adjusted loss by more than $30 million": what it changed by
    text = ("Zhipu cut its net loss by 1.1 billion yuan in 2027. "
            "MiniMax reduced its adjusted net loss by more than $30 million last year, to $190.7 million.")
    got = facts(text, watchlist, published=date(2028, 3, 20))
    assert not {f for f in got if f[3] in (Decimal("1100000000"), Decimal("30000000"))}
    assert ("minimax", "adjusted_net_loss", "FY2027", Decimal("190700000"), "USD", "eq") in got


def test_the_same_figure_in_the_next_sentence_is_the_metric_just_given(watchlist):
    # "By comparison, that figure was…": the metric of the figure just given, for the period named with it
    text = ("MiniMax's gross margin was 36.8% in 2027. By comparison, that figure was 32.9% in 2026.\n\n"
            "DeepSeek's platform handled about 45 trillion tokens a day in November 2027. "
            "For context, the same figure stood at roughly 24 trillion in November 2026.")
    got = facts(text, watchlist, published=date(2028, 1, 14))
    assert ("minimax", "gross_margin", "FY2026", Decimal("32.9"), "%", "eq") in got
    assert ("deepseek", "daily_token_volume", "2026-11", Decimal("24000000000000"), "tokens/day", "approx") in got
