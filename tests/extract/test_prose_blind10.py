"""General rules of how the press writes, found on the tenth blind set and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from pipeline.extract import extract_facts


def facts(text, watchlist, **kw):
    return {(f.company, f.metric, f.period, f.value, f.unit, f.qualifier) for f in extract_facts(text, watchlist, **kw)}


def test_last_years_quarter_named_in_passing_does_not_date_the_next_sentences(watchlist):
    # "去年第三季" counts from the day of writing like "去年" does: it dates its own sentence, not the half or the
    # month written without a year in the sentences after it
    text = ("MiniMax前三季度收入增長八成。管理層指出，去年第三季有一筆大額授權收入，基數較高。"
            "上半年毛利率為37.2%。公司稱8月日均token調用量約19萬億。")
    got = facts(text, watchlist, published=date(2027, 10, 28))
    assert ("minimax", "gross_margin", "2027H1", Decimal("37.2"), "%", "eq") in got
    assert ("minimax", "daily_token_volume", "2027-08", Decimal("19000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[2].startswith("2026")}
    text = ("Zhipu's results beat forecasts. Last year's fourth quarter was flattered by one large contract. "
            "In the first half, revenue was 1.3 billion yuan.")
    got = facts(text, watchlist, published=date(2027, 8, 31))
    assert ("zhipu", "revenue", "2027H1", Decimal("1300000000"), "CNY", "eq") in got


def test_a_half_put_in_last_year_as_a_guess_lends_no_year(watchlist):
    # "下半年將放緩招聘" in September is this year's half still under way; read as last year's, it must not carry
    # that year into the month named next
    text = ("智譜稱下半年將放緩招聘。\n\n"
            "用量方面，智譜表示8月份開放平台日均token調用量逾70萬億。")
    got = facts(text, watchlist, published=date(2027, 9, 15))
    assert ("zhipu", "daily_token_volume", "2027-08", Decimal("70000000000000"), "tokens/day", "gt") in got
    assert not {f for f in got if f[2] == "2026-08"}
