"""A segment paragraph that names no period of its own is dated by the total its segments add up to (or the total its
stated share is of), when the period it was carried to does not fit (pipeline/extract/reconcile.py, session 16).
Our own sentences, invented figures."""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts

LATE_FEB = date(2032, 2, 27)
LATE_OCT = date(2031, 10, 28)


def test_segments_adding_up_to_the_quarter_take_the_quarter_not_the_year_read_last(watchlist):
    text = ("MiniMax公布2031年第四季度收入3.52億美元，按年增長40%。全年收入12.64億美元，2030年全年為9.10億美元。\n\n"
            "分業務看，開放平台收入1.94億美元；AI原生產品收入1.58億美元。")
    got = facts(text, watchlist, published=LATE_FEB)
    assert ("minimax", "revenue.cloud", "2031Q4", Decimal("194000000"), "USD", "eq") in got
    assert ("minimax", "revenue.consumer", "2031Q4", Decimal("158000000"), "USD", "eq") in got
    assert not {f for f in got if f[1].startswith("revenue.") and f[2] == "FY2031"}


def test_english_segments_and_their_share_move_together(watchlist):
    text = ("Moonshot AI said its 2031 fourth-quarter revenue was $1.31 billion. Full-year revenue came to $4.95 "
            "billion, against $4.09 billion in 2030.\n\nCloud and API revenue was $702 million, 53.6% of the total; "
            "consumer subscriptions added $608 million.")
    got = facts(text, watchlist, published=LATE_FEB)
    assert {
        ("moonshot", "revenue.cloud", "2031Q4", Decimal("702000000"), "USD", "eq"),
        ("moonshot", "revenue_share.cloud", "2031Q4", Decimal("53.6"), "%", "eq"),
        ("moonshot", "revenue.consumer", "2031Q4", Decimal("608000000"), "USD", "eq"),
    } <= got
    assert ("moonshot", "revenue", "FY2031", Decimal("4950000000"), "USD", "eq") in got


def test_segments_adding_up_to_the_nine_months_take_the_nine_months(watchlist):
    text = ("智谱昨日公布第三季度业绩，季度收入6.20亿元。前三季度累计收入15.80亿元。\n\n"
            "按业务划分，本地化部署收入6.32亿元，云端部署收入9.48亿元。")
    got = facts(text, watchlist, published=LATE_OCT)
    assert ("zhipu", "revenue.on_premise", "2031Q1-Q3", Decimal("632000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue.cloud", "2031Q1-Q3", Decimal("948000000"), "CNY", "eq") in got


def test_one_segment_is_dated_by_the_total_its_stated_share_is_of(watchlist):
    text = "MiniMax公布第二季度收入3.10亿美元；上半年收入5.90亿美元。\n\n分业务看，开放平台收入1.72亿美元，占收入的55.5%。"
    got = facts(text, watchlist, published=date(2031, 8, 20))
    assert ("minimax", "revenue.cloud", "2031Q2", Decimal("172000000"), "USD", "eq") in got
    assert ("minimax", "revenue_share.cloud", "2031Q2", Decimal("55.5"), "%", "eq") in got


def test_segments_that_fit_their_own_period_or_no_total_stay_where_they_were(watchlist):
    fits_year = ("Moonshot AI said its 2031 fourth-quarter revenue was $1.31 billion. Full-year revenue came to $4.95 "
                 "billion.\n\nCloud and API revenue was $2.65 billion; consumer subscriptions added $2.30 billion.")
    got = facts(fits_year, watchlist, published=LATE_FEB)
    assert ("moonshot", "revenue.cloud", "FY2031", Decimal("2650000000"), "USD", "eq") in got
    assert ("moonshot", "revenue.consumer", "FY2031", Decimal("2300000000"), "USD", "eq") in got
    fits_none = ("智谱昨日公布第三季度业绩，季度收入6.20亿元。前三季度累计收入15.80亿元。\n\n"
                 "按业务划分，本地化部署收入5.00亿元，云端部署收入3.00亿元。")
    got = facts(fits_none, watchlist, published=LATE_OCT)
    assert ("zhipu", "revenue.on_premise", "2031Q3", Decimal("500000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue.cloud", "2031Q3", Decimal("300000000"), "CNY", "eq") in got


def test_a_segment_sentence_that_names_its_period_is_never_moved(watchlist):
    text = ("MiniMax公布2031年第四季度收入3.52億美元。全年收入12.64億美元。\n\n"
            "全年開放平台收入1.94億美元；AI原生產品收入1.58億美元。")
    got = facts(text, watchlist, published=LATE_FEB)
    assert ("minimax", "revenue.cloud", "FY2031", Decimal("194000000"), "USD", "eq") in got


def test_rounded_segments_count_when_they_add_up(watchlist):
    text = ("MiniMax今年第三季度收入4.05亿美元，上年同期为2.90亿美元。今年前三季度累计收入11.42亿美元。\n\n"
            "分业务看，开放平台收入约6.80亿美元，AI原生产品收入约4.62亿美元。")
    got = facts(text, watchlist, published=LATE_OCT)
    assert ("minimax", "revenue.cloud", "2031Q1-Q3", Decimal("680000000"), "USD", "approx") in got
    assert ("minimax", "revenue.consumer", "2031Q1-Q3", Decimal("462000000"), "USD", "approx") in got


def test_rd_stated_as_a_multiple_of_revenue_takes_the_period_of_that_revenue(watchlist):
    text = ("月之暗面2031年全年收入52.40亿美元。第四季度单季收入14.80亿美元。\n\n经调整净亏损31.2亿美元；单看四季度是8.1亿美元。\n\n"
            "研发投入约83.8亿美元，是收入的1.6倍左右，2030年这一倍数接近2倍。")
    got = facts(text, watchlist, published=date(2032, 3, 20))
    assert ("moonshot", "rd_expense", "FY2031", Decimal("8380000000"), "USD", "approx") in got
    assert ("moonshot", "rd_to_revenue", "FY2031", Decimal("1.6"), "x", "approx") in got
    assert not {f for f in got if f[1] in ("rd_expense", "rd_to_revenue") and f[2] == "2031Q4"}
