"""General rules of how the press writes, found on unseen articles and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

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
