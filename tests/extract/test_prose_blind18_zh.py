"""General rules of how the Chinese-language press, fund and broker pieces write, found on the eighteenth blind set
and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_list_whose_companies_are_named_in_a_bracket_after_it(watchlist):
    # "分别为A、B和C（依次为X、Y、Z）": the bracket's order, not the order companies were named in before
    text = ("月之暗面三季度市值一路上行，MiniMax和智谱紧随其后。\n\n"
            "三家公司三季度毛利率分别为51.2%、46.0%和56.3%（依次为MiniMax、智谱、月之暗面），均高于去年同期。")
    got = facts(text, watchlist, published=date(2029, 11, 30))
    assert ("minimax", "gross_margin", "2029Q3", Decimal("51.2"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "2029Q3", Decimal("46.0"), "%", "eq") in got
    assert ("moonshot", "gross_margin", "2029Q3", Decimal("56.3"), "%", "eq") in got
    text = "两家公司上半年经调整净亏损分别为37.8亿元和2.82亿美元（分别为智谱、月之暗面）。"
    got = facts(text, watchlist, published=date(2029, 9, 2))
    assert ("zhipu", "adjusted_net_loss", "2029H1", Decimal("3780000000"), "CNY", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "2029H1", Decimal("282000000"), "USD", "eq") in got


def test_a_market_value_at_a_month_end_on_a_weekend_is_the_last_weekdays_close(watchlist):
    # "3月末的市值": March 31 2029 is a Saturday, so the value is the close of Friday the 30th
    text = "一季度MiniMax股价持续走高，3月末市值为4,960亿港元。"
    got = facts(text, watchlist, published=date(2029, 4, 8))
    assert ("minimax", "market_cap", "2029-03-30", Decimal("496000000000"), "HKD", "eq") in got
    # December 31 2028 is a Sunday: Friday the 29th
    text = "MiniMax去年12月末的市值为4,120亿港元。"
    got = facts(text, watchlist, published=date(2029, 4, 8))
    assert ("minimax", "market_cap", "2028-12-29", Decimal("412000000000"), "HKD", "eq") in got
    text = "Moonshot AI's market value at the end of September was HK$702 billion."
    got = facts(text, watchlist, published=date(2029, 10, 8))
    assert ("moonshot", "market_cap", "2029-09-28", Decimal("702000000000"), "HKD", "eq") in got


def test_the_day_after_the_results_is_the_day_after_their_release(watchlist):
    # "业绩发布次日": the day after the evening the results came out, not after the last day named (the period's end)
    text = ("11月18日晚，月之暗面发布三季度业绩，截至9月30日止三个月收入7.35亿美元。\n\n"
            "业绩发布次日，月之暗面股价收涨5.1%，市值约7,480亿港元。")
    got = facts(text, watchlist, published=date(2029, 11, 20))
    assert ("moonshot", "market_cap", "2029-11-19", Decimal("748000000000"), "HKD", "approx") in got
    text = "MiniMax于8月12日公布中期业绩，截至6月30日收入3.21亿美元。财报公布后的次日，其市值约5,180亿港元。"
    got = facts(text, watchlist, published=date(2029, 8, 14))
    assert ("minimax", "market_cap", "2029-08-13", Decimal("518000000000"), "HKD", "approx") in got
