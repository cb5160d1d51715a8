"""General rules of how the Chinese-language press (mainland and Hong Kong) writes, found on the twentieth blind set
and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_forecast_a_result_is_measured_against_stops_at_the_semicolon(watchlist):
    # "收入…，高於公司早前的指引；其中…": the guidance is the comparison's, the figures after the semicolon are results
    text = ("智譜截至2029年6月30日止六個月收入為32.15億元人民幣，高於管理層早前給出的指引上限；"
            "其中第二季收入17.06億元，按年增長61.9%。")
    got = facts(text, watchlist, published=date(2029, 8, 30))
    assert ("zhipu", "revenue", "2029H1", Decimal("3215000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue", "2029Q2", Decimal("1706000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue_growth", "2029Q2", Decimal("61.9"), "%", "eq") in got
    # the figure inside the forecast's own clause stays dropped
    text = "智譜上半年收入為32.15億元，比指引的30億元高；第二季收入17.06億元。"
    got = facts(text, watchlist, published=date(2029, 8, 30))
    assert not {f for f in got if f[3] == Decimal("3000000000")}


def test_the_year_of_an_outlook_clause_dates_no_figure(watchlist):
    # "…，管理層暗示今年有機會轉虧為盈": 今年 is the outlook's; the loss before it and the R&D after it are the year reported
    text = ("MiniMax公佈2029年全年業績。\n\n"
            "年度虧損收窄至2.12億美元，經調整淨虧損只有8,640萬美元，公司在業績會上表示今年有機會實現盈利。"
            "研發開支則增至3.95億美元。")
    got = facts(text, watchlist, published=date(2030, 3, 20))
    assert ("minimax", "net_loss", "FY2029", Decimal("212000000"), "USD", "eq") in got
    assert ("minimax", "adjusted_net_loss", "FY2029", Decimal("86400000"), "USD", "eq") in got
    assert ("minimax", "rd_expense", "FY2029", Decimal("395000000"), "USD", "eq") in got
    assert not {f for f in got if f[2] == "FY2030"}


def test_an_analysts_estimate_is_no_fact(watchlist):
    # "他估计…毛利率可能只有四成": 估计 marks an estimate, as 预估 does
    text = "月之暗面2029年毛利率为51.2%。一位分析师估计，按全口径计算，其毛利率可能只有45%左右。"
    got = facts(text, watchlist, published=date(2030, 3, 20))
    assert ("moonshot", "gross_margin", "FY2029", Decimal("51.2"), "%", "eq") in got
    assert not {f for f in got if f[3] == Decimal("45")}


def test_an_oversubscription_takes_the_listing_day_its_sentence_names(watchlist):
    # "超額認購X倍，上市首日（1月8日）收報…": the listing day, not the article's date, though the day stands after
    # the multiple and before the closing price
    text = ("【新股追蹤】MiniMax\n\n2026年3月2日\n\n"
            "MiniMax公開發售部分錄得超額認購1,837倍，掛牌首日（1月9日）收報165.0元，市值約1,010億元。")
    got = facts(text, watchlist)
    assert ("minimax", "ipo_oversubscription", "2026-01-09", Decimal("1837"), "x", "eq") in got
    assert not {f for f in got if f[1] == "ipo_oversubscription" and f[2] != "2026-01-09"}


def test_a_market_value_in_bare_yuan_is_in_hong_kong_dollars(watchlist):
    # Hong Kong papers write 元 for their own dollar: a closing price in bare 元 ("收報280.4元") says the market
    # value beside it ("市值約7,010億元") is in Hong Kong dollars too
    text = "上周五（3月29日）智譜收報2,140.0元，市值約8,450億元；同日MiniMax市值約6,020億元人民幣。"
    got = facts(text, watchlist, published=date(2030, 4, 1))
    assert ("zhipu", "market_cap", "2030-03-29", Decimal("845000000000"), "HKD", "approx") in got
    # a value the text says is in yuan keeps the yuan
    assert ("minimax", "market_cap", "2030-03-29", Decimal("602000000000"), "CNY", "approx") in got
    # no price in bare 元 beside it: 元 stays the yuan (see test_prose_blind8)
    text = "上周五（3月29日）智譜市值約8,450億元。"
    got = facts(text, watchlist, published=date(2030, 4, 1))
    assert ("zhipu", "market_cap", "2030-03-29", Decimal("845000000000"), "CNY", "approx") in got
