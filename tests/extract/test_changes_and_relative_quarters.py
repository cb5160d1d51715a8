"""Amounts a value moved by are not the value; a loss verb names a loss only right before its amount; "last quarter"
with no quarter named is the last one ended before the writing. Found by the lead while merging the blind18 rounds,
pinned on text of our own.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_an_amount_a_market_value_moved_by_is_not_the_market_value(watchlist):
    # "shed HK$31 billion of market value", "市值蒸发", "市值大增": a day's move, not the company's value that day
    for text in ("MiniMax shed HK$31 billion of market value on Monday as chip stocks fell.",
                 "Moonshot AI added US$4.2 billion in market value on Friday, its best day since listing.",
                 "周一MiniMax市值蒸发310亿港元。", "週五月之暗面市值大增約42億美元。"):
        got = facts(text, watchlist, published=date(2029, 10, 14))
        assert not {f for f in got if f[1] == "market_cap"}, text
    # the level the move left it at is still the market value of that day
    text = "周一MiniMax市值蒸发310亿港元，收盘总市值为1,820亿港元。"
    got = facts(text, watchlist, published=date(2029, 10, 14))
    assert {f for f in got if f[1] == "market_cap"} == {
        ("minimax", "market_cap", "2029-10-08", Decimal("182000000000"), "HKD", "eq")}


def test_lost_names_a_loss_only_with_its_amount_right_after_it(watchlist):
    text = "DeepSeek rival Moonshot AI lost about $196 million in the first half of 2029, against $240 million a year earlier."
    got = facts(text, watchlist, published=date(2029, 8, 30))
    assert ("moonshot", "net_loss", "2029H1", Decimal("196000000"), "USD", "approx") in got
    assert ("moonshot", "net_loss", "2028H1", Decimal("240000000"), "USD", "eq") in got
    # a share price that lost ground, and the value the fall wiped off, are no loss of the company's
    text = "Zhipu's shares lost 7.5% on Wednesday, wiping about HK$48 billion off the company's value."
    got = facts(text, watchlist, published=date(2029, 9, 13))
    assert not {f for f in got if f[1] in ("net_loss", "market_cap")}


def test_last_quarter_with_no_quarter_named_is_the_last_one_ended(watchlist):
    text = "Moonshot AI's revenue was $684 million last quarter, the company said on Thursday."
    got = facts(text, watchlist, published=date(2029, 11, 15))
    assert ("moonshot", "revenue", "2029Q3", Decimal("684000000"), "USD", "eq") in got
    text = "月之暗面上季度收入约为48.5亿元，同比增长71.2%。"
    got = facts(text, watchlist, published=date(2030, 2, 3))
    assert ("moonshot", "revenue", "2029Q4", Decimal("4850000000"), "CNY", "approx") in got
    assert ("moonshot", "revenue_growth", "2029Q4", Decimal("71.2"), "%", "eq") in got
    # with a quarter named before it, it is still the quarter before that one
    text = "智谱第三季度收入为19.6亿元，上季度为17.2亿元。"
    got = facts(text, watchlist, published=date(2029, 11, 20))
    assert ("zhipu", "revenue", "2029Q2", Decimal("1720000000"), "CNY", "eq") in got
