"""General rules of how the press writes, found on unseen articles and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from pipeline.extract import extract_facts


def facts(text, watchlist, **kw):
    return {(f.company, f.metric, f.period, f.value, f.unit, f.qualifier) for f in extract_facts(text, watchlist, **kw)}


def test_a_count_with_the_generic_classifier_is_a_bare_number(watchlist):
    # "5亿个": 个 is the classifier of any noun, so the tokens are counted as in "5亿"
    text = "Kimi开放平台日均token调用量从2024年的8000亿个增长到2025年上半年的2.5万亿个。"
    assert facts(text, watchlist) == {
        ("moonshot", "daily_token_volume", "FY2024", Decimal("800000000000"), "tokens/day", "eq"),
        ("moonshot", "daily_token_volume", "2025H1", Decimal("2500000000000"), "tokens/day", "eq")}
    assert facts("2025年第三季度，DeepSeek日均处理token约3万亿個。", watchlist) == {
        ("deepseek", "daily_token_volume", "2025Q3", Decimal("3000000000000"), "tokens/day", "approx")}


def test_people_and_firms_counted_are_no_tokens(watchlist):
    text = "2025年上半年，MiniMax日均调用量突破2万亿，付费企业超过5000家，开发者逾30万名。"
    assert facts(text, watchlist) == {
        ("minimax", "daily_token_volume", "2025H1", Decimal("2000000000000"), "tokens/day", "gt")}


def test_a_change_after_a_year_earlier_figure_is_of_this_year(watchlist):
    text = "2025年上半年，智谱实现营收1.9亿元，上年同期为4500万元，同比增长325%。"
    assert facts(text, watchlist) == {
        ("zhipu", "revenue", "2025H1", Decimal("190000000"), "CNY", "eq"),
        ("zhipu", "revenue", "2024H1", Decimal("45000000"), "CNY", "eq"),
        ("zhipu", "revenue_growth", "2025H1", Decimal("325"), "%", "eq")}


def test_a_year_earlier_period_does_not_date_the_sentences_after_it(watchlist):
    # the report is on the third quarter: the segments listed next are its, not the comparison's
    text = ("2025年第三季度，DeepSeek收入为2000万美元，去年同期为800万美元。\n\n"
            "其中API业务收入1500万美元，占总收入的75%。")
    got = facts(text, watchlist)
    assert ("deepseek", "revenue.cloud", "2025Q3", Decimal("15000000"), "USD", "eq") in got
    assert ("deepseek", "revenue_share.cloud", "2025Q3", Decimal("75"), "%", "eq") in got
    assert not {f for f in got if f[2] == "2024Q3" and f[1] != "revenue"}


def test_a_rate_at_a_months_end_is_the_months(watchlist):
    text = "截至9月底，Kimi开放平台日均token调用量已突破1.5万亿。"
    assert facts(text, watchlist, published=date(2025, 10, 20)) == {
        ("moonshot", "daily_token_volume", "2025-09", Decimal("1500000000000"), "tokens/day", "gt")}
    text = "截至2025年12月末，智谱的年化经常性收入（ARR）约为3亿元。"
    assert facts(text, watchlist) == {("zhipu", "arr", "2025-12", Decimal("300000000"), "CNY", "approx")}
