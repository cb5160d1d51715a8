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


def test_the_year_of_a_level_compared_with_dates_nothing_after_the_semicolon(watchlist):
    # "与2028年的X基本持平；…年内亏损为Y，2028年为Z": 2028 is the compared level's, Y is the year the sentence opened with
    text = ("MiniMax 2029年经调整净亏损为0.86亿美元，与2028年的0.85亿美元大致持平；"
            "按国际财务报告准则计算的年内亏损为2.31亿美元，2028年为2.47亿美元。")
    got = facts(text, watchlist, published=date(2030, 3, 12))
    assert ("minimax", "net_loss", "FY2029", Decimal("231000000"), "USD", "eq") in got
    assert ("minimax", "net_loss", "FY2028", Decimal("247000000"), "USD", "eq") in got
    assert ("minimax", "adjusted_net_loss", "FY2028", Decimal("85000000"), "USD", "eq") in got
    assert not {f for f in got if f[1] == "net_loss" and f[3] == Decimal("231000000") and f[2] != "FY2029"}


def test_a_pointer_to_a_line_of_business_names_its_revenue(watchlist):
    # "这部分业务二季度收入为X": 这部分业务 points back to the segment the sentence before named, a period between
    text = ("智谱2029年第二季度收入为17.06亿元。增长主要来自云端部署（MaaS）。"
            "这部分业务二季度收入为12.51亿元，占总收入的73.3%，一年前这一比例为64.0%。")
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert ("zhipu", "revenue.cloud", "2029Q2", Decimal("1251000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue_share.cloud", "2029Q2", Decimal("73.3"), "%", "eq") in got
    # "一年前" is the same quarter a year before
    assert ("zhipu", "revenue_share.cloud", "2028Q2", Decimal("64.0"), "%", "eq") in got
    assert not {f for f in got if f[1] == "revenue" and f[3] == Decimal("1251000000")}


def test_the_latter_takes_the_segment_named_last_and_a_share_of_the_quarters_revenue(watchlist):
    # "后者占当季总收入的X%": 后者 is the segment named last before; "占当季总收入" is "占总收入" with 当季 between
    text = ("月之暗面第三季度C端订阅和API及企业服务的收入分别为2.91亿美元和3.28亿美元。"
            "后者占当季总收入的53.0%，创下新高。")
    got = facts(text, watchlist, published=date(2029, 11, 19))
    assert ("moonshot", "revenue_share.cloud", "2029Q3", Decimal("53.0"), "%", "eq") in got
    text = "智譜雲端部署收入佔第二季度總收入的72.4%。"
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert ("zhipu", "revenue_share.cloud", "2029Q2", Decimal("72.4"), "%", "eq") in got
