"""General rules of how the Chinese-language press writes (flash items, interviews, columns, reviews), found on the
twenty-first blind set and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_the_former_and_the_latter_of_a_list_of_two_segments(watchlist):
    # "A、B收入分别为X和Y，前者占…": 前者 is A, though B is written nearer the share
    text = "智谱三季度云端部署、本地化部署收入分别为21.4亿元和6.3亿元，前者占当季总收入的77.3%。"
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "revenue_share.cloud", "2031Q3", Decimal("77.3"), "%", "eq") in got
    assert not {f for f in got if f[1] == "revenue_share.on_premise"}
    text = text.replace("前者", "后者").replace("77.3%", "22.7%")
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "revenue_share.on_premise", "2031Q3", Decimal("22.7"), "%", "eq") in got


def test_a_list_of_segments_after_a_heading_naming_one_of_them(watchlist):
    # a flash item's 【heading】 runs into its body with no full stop: the segment the heading names is not a list member
    text = ("【智谱云端收入占比再创新高】财联社11月20日电，智谱三季度云端部署、本地化部署收入分别为21.4亿元和6.3亿元。")
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "revenue.cloud", "2031Q3", Decimal("2140000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue.on_premise", "2031Q3", Decimal("630000000"), "CNY", "eq") in got


def test_a_period_taken_as_a_whole_leaves_the_metric_of_the_sentence_before_unsaid(watchlist):
    # "上半年合计是…": the metric just said, for the half as a whole
    text = "DeepSeek三季度毛利率为66.8%。前三季度合计是65.9%，去年前三季度是63.1%。"
    got = facts(text, watchlist, published=date(2031, 11, 25))
    assert ("deepseek", "gross_margin", "2031Q3", Decimal("66.8"), "%", "eq") in got
    assert ("deepseek", "gross_margin", "2031Q1-Q3", Decimal("65.9"), "%", "eq") in got
    assert ("deepseek", "gross_margin", "2030Q1-Q3", Decimal("63.1"), "%", "eq") in got


def test_a_band_between_two_rates_states_neither(watchlist):
    # "增速都在40%至60%之间": a band the figures fell in, not a growth rate of 40%
    text = "智谱三季度收入为28.4亿元，同比增长52.7%，已连续四个季度增速保持在40%至60%之间。"
    got = facts(text, watchlist, published=date(2031, 11, 25))
    assert ("zhipu", "revenue_growth", "2031Q3", Decimal("52.7"), "%", "eq") in got
    assert not {f for f in got if f[3] in (Decimal("40"), Decimal("60"))}
