"""A filing for three and nine (or six) months writes the longer period bare, "九個月毛利率", "六个月收入": the year's
first nine or six months, as an English "nine-month revenue" is. Found by the lead from the blind19 round's leftovers
(the prose round had taught the English form), pinned on text of our own.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_bare_nine_or_six_months_before_a_metric_are_the_year_to_date(watchlist):
    text = ("月之暗面公布截至2030年9月30日止三個月及九個月未經審核業績。第三季度收入為9.12億美元。"
            "九個月收入為24.3億美元，按年增長71.2%；九個月毛利率為52.4%（2029年同期：49.9%）。")
    got = facts(text, watchlist, published=date(2030, 11, 20))
    assert {
        ("moonshot", "revenue", "2030Q3", Decimal("912000000"), "USD", "eq"),
        ("moonshot", "revenue", "2030Q1-Q3", Decimal("2430000000"), "USD", "eq"),
        ("moonshot", "revenue_growth", "2030Q1-Q3", Decimal("71.2"), "%", "eq"),
        ("moonshot", "gross_margin", "2030Q1-Q3", Decimal("52.4"), "%", "eq"),
        ("moonshot", "gross_margin", "2029Q1-Q3", Decimal("49.9"), "%", "eq"),
    } <= got
    text = "MiniMax公布截至2030年6月30日止三个月及六个月业绩。第二季度收入为2.41亿美元。六个月经调整净亏损为0.83亿美元。"
    got = facts(text, watchlist, published=date(2030, 8, 21))
    assert ("minimax", "adjusted_net_loss", "2030H1", Decimal("83000000"), "USD", "eq") in got


def test_nine_months_that_trail_or_bound_something_are_no_year_to_date(watchlist):
    # "過去九個月" counts back from the day of writing, "九個月內" is a deadline: neither is the year's first nine months
    for text in ("過去九個月，智譜收入增長了60%。", "智譜計劃九個月內收入翻倍。", "过去六个月智谱毛利率为55%。"):
        got = facts(text, watchlist, published=date(2030, 11, 20))
        assert not any(p.endswith(("Q1-Q3", "H1")) for _, _, p, *_ in got), text
    # and the rule reads the period only before a metric's noun, never a duration elsewhere ("九個月的禁售期")
    got = facts("智譜2029年收入為78.6億元。基石投資者須遵守九個月的禁售期。", watchlist, published=date(2030, 3, 30))
    assert got == {("zhipu", "revenue", "FY2029", Decimal("7860000000"), "CNY", "eq")}
