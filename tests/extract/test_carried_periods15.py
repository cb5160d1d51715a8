"""A comparison's period is not the period later sentences are read in (session 15): the year a text reports on
stays the one its quarter or whole year was of, whatever base year a clause before compared it with."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts

FEB = date(2031, 2, 20)


def test_a_base_year_after_a_semicolon_does_not_date_the_next_paragraph(watchlist):
    text = ("智谱季度收入创新高\n\n华夏日报　2031年2月20日　星期四\n\n"
            "智谱前日（18日）公布第四季度业绩，收入31.2亿元，按年增长38.5%。全年收入105.3亿元，增长46.7%，"
            "创上市以来新高；2029年全年为71.8亿元。\n\n"
            "全年毛利率59.8%。第四季度经调整净亏损收窄至3.1亿元，第三季度为4.2亿元。")
    got = facts(text, watchlist, published=FEB)
    assert ("zhipu", "revenue", "FY2029", Decimal("7180000000"), "CNY", "eq") in got
    assert ("zhipu", "gross_margin", "FY2030", Decimal("59.8"), "%", "eq") in got
    assert ("zhipu", "adjusted_net_loss", "2030Q4", Decimal("310000000"), "CNY", "eq") in got
    assert ("zhipu", "adjusted_net_loss", "2030Q3", Decimal("420000000"), "CNY", "eq") in got
    assert not any(f[2] in ("2029Q4", "2029Q3") or f[1] == "gross_margin" and f[2] == "FY2029" for f in got)


def test_a_trailing_base_year_does_not_date_the_next_paragraph_when_the_headline_is_read_apart(watchlist):
    # the headline names the year, but sentences without figures stand between it and the figures: the window read
    # around the figures starts at the quarter written without its year
    text = ("智谱的2030年：收入过百亿\n\n华夏财经　2031-02-20\n\n"
            "业绩会开始前半小时，会议室里坐满了人。财务负责人把讲稿又改了一遍。有人在门口核对名单。\n\n"
            "这是智谱上市后的第一份完整年度成绩单。外界最关心的是亏损。\n\n"
            "第四季度，智谱收入31.2亿元，同比增长38.5%，去年同期是22.5亿元。全年收入105.3亿元，2029年是71.8亿元。\n\n"
            "毛利率四季度为61.2%，全年59.8%。四季度经调整净亏损3.1亿元，三季度为4.2亿元。")
    got = facts(text, watchlist, published=FEB)
    assert ("zhipu", "revenue", "FY2029", Decimal("7180000000"), "CNY", "eq") in got
    assert ("zhipu", "gross_margin", "2030Q4", Decimal("61.2"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "FY2030", Decimal("59.8"), "%", "eq") in got
    assert ("zhipu", "adjusted_net_loss", "2030Q4", Decimal("310000000"), "CNY", "eq") in got
    assert ("zhipu", "adjusted_net_loss", "2030Q3", Decimal("420000000"), "CNY", "eq") in got


def test_a_base_year_still_dates_the_rest_of_its_own_sentence(watchlist):
    text = ("华夏日报　2031年2月20日\n\n"
            "智谱前日（18日）公布第四季度业绩，收入31.2亿元，按年增长38.5%。全年收入105.3亿元，创新高；"
            "2029年全年为71.8亿元，其中第四季度为20.1亿元。")
    got = facts(text, watchlist, published=FEB)
    assert ("zhipu", "revenue", "2029Q4", Decimal("2010000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue", "2030Q4", Decimal("3120000000"), "CNY", "eq") in got


def test_the_quarter_before_written_with_a_measure_word(watchlist):
    got = facts("华夏日报　2031年2月20日\n\n智谱第四季度研发开支9.8亿元，比上一个季度的9.1亿元多出约7000万元。", watchlist,
                published=FEB)
    assert ("zhipu", "rd_expense", "2030Q3", Decimal("910000000"), "CNY", "eq") in got
    assert ("zhipu", "rd_expense", "2030Q4", Decimal("980000000"), "CNY", "eq") in got
    got = facts("华夏日报　2031年2月20日\n\nMiniMax第四季度研發開支2.15億美元，較前一個季度的1.98億美元增加。", watchlist,
                published=FEB)
    assert ("minimax", "rd_expense", "2030Q3", Decimal("198000000"), "USD", "eq") in got
