"""General rules of how the press writes, found on the eighth blind set and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from pipeline.extract import extract_facts


def facts(text, watchlist, **kw):
    return {(f.company, f.metric, f.period, f.value, f.unit, f.qualifier) for f in extract_facts(text, watchlist, **kw)}


def test_a_year_compared_against_does_not_date_the_months_after_it(watchlist):
    # "已超过2025年全年", "作为对比，2025年…", "一年前的2025年8月": bases of comparisons; a month written without its
    # year later on is the latest such month by the document's date
    text = ("DeepSeek前十个月的API收入已超过2025年全年。\n\n"
            "8月DeepSeek开放平台日均token调用量约为12万亿。")
    assert ("deepseek", "daily_token_volume", "2026-08", Decimal("12000000000000"), "tokens/day", "approx") in \
        facts(text, watchlist, published=date(2026, 11, 3))
    text = ("作为对比，2025年MiniMax海外收入占比为70%。\n\n"
            "3月份，MiniMax开放平台日均token调用量达到6万亿。")
    assert ("minimax", "daily_token_volume", "2026-03", Decimal("6000000000000"), "tokens/day", "eq") in \
        facts(text, watchlist, published=date(2026, 4, 20))
    text = "7月Kimi日均token调用量约9万亿；一年前的2025年7月，这一数字约为3万亿。5月，月之暗面ARR首次突破2亿美元。"
    got = facts(text, watchlist, published=date(2026, 8, 15))
    assert ("moonshot", "arr", "2026-05", Decimal("200000000"), "USD", "gt") in got
    assert not {f for f in got if f[1] == "arr" and f[2] != "2026-05"}


def test_a_currency_declared_for_the_rest_of_the_text(watchlist):
    # "（港元，下同）": a Hong Kong paper's 億元 is Hong Kong dollars from there on, the figure just before included;
    # a figure that names 人民幣 stays in yuan
    text = ("智譜昨日收市報502元，市值約2210億元（港元，下同）。\n\n"
            "智譜上半年收入3.8億元人民幣，按年增長180%。MiniMax今日收市市值突破900億元。")
    got = facts(text, watchlist, published=date(2026, 10, 9))
    assert ("zhipu", "market_cap", "2026-10-08", Decimal("221000000000"), "HKD", "approx") in got
    assert ("minimax", "market_cap", "2026-10-09", Decimal("90000000000"), "HKD", "gt") in got
    assert ("zhipu", "revenue", "2026H1", Decimal("380000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1] == "market_cap" and f[4] == "CNY"}


def test_without_a_declaration_yuan_stays_yuan(watchlist):
    text = "智谱市值约2210亿元（下同为收盘数据）。智谱上半年收入3.8亿元。"
    assert {f[4] for f in facts(text, watchlist, published=date(2026, 10, 9))} == {"CNY"}
