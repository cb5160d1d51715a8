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
