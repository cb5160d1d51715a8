"""Chinese document structures that decide whose figure it is and of which period (session 16): a broker's morning
note gives each company a block under a bracketed heading, whose "公司" and unnamed figures are that company's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts

JUNE = date(2031, 6, 12)

_NOTE = ("南山证券 晨会速递（第112期）\n\n发布日期：2031年6月12日\n\n"
         "今日关注\n1. 海外科技：MiniMax、月之暗面相继披露五月经营数据。\n\n"
         "——————\n\n"
         "【海外科技｜MiniMax（0100.HK）】五月数据点评：海外收入提速（分析师：周一鸣）\n\n"
         "事件：公司6月10日晚发布五月未经审核经营数据。\n\n"
         "点评：\n· 一季度收入18.64亿元，环比增长7.2%。\n· 5月日均token调用量约96万亿。\n\n"
         "——————\n\n"
         "【海外科技｜月之暗面】五月数据点评：订阅用户稳步增长（分析师：周一鸣）\n\n"
         "点评：\n· 一季度收入21.37亿元，其中订阅收入9.05亿元。\n· 当季毛利率57.4%。\n"
         "· 6月11日收盘市值7,420亿港元。\n\n"
         "——————\n\n"
         "【传媒｜青禾文化（300999.SZ）】一季报点评：广告回暖\n\n"
         "公司一季度营收6.12亿元，同比增长12.5%。公司已在营销工具中接入月之暗面的模型。\n")


def test_a_bracketed_heading_naming_a_company_rules_its_block(watchlist):
    got = facts(_NOTE, watchlist, published=JUNE)
    assert ("minimax", "revenue", "2031Q1", Decimal("1864000000"), "CNY", "eq") in got
    assert ("minimax", "daily_token_volume", "2031-05", Decimal("96000000000000"), "tokens/day", "approx") in got
    assert ("moonshot", "revenue", "2031Q1", Decimal("2137000000"), "CNY", "eq") in got
    assert ("moonshot", "gross_margin", "2031Q1", Decimal("57.4"), "%", "eq") in got
    assert ("moonshot", "market_cap", "2031-06-11", Decimal("742000000000"), "HKD", "eq") in got
    assert not any(f[0] == "minimax" and f[3] in (Decimal("2137000000"), Decimal("57.4"), Decimal("742000000000"))
                   for f in got)


def test_a_bracketed_heading_with_the_stock_code_of_a_company_not_watched_keeps_its_figures_out(watchlist):
    got = facts(_NOTE, watchlist, published=JUNE)
    assert not any(f[3] in (Decimal("612000000"), Decimal("12.5")) for f in got)
    # the block before it stays its own company's: the unwatched block only drops its own figures
    assert ("moonshot", "market_cap", "2031-06-11", Decimal("742000000000"), "HKD", "eq") in got


def test_a_label_line_over_bullets_is_no_speaker(watchlist):
    # "点评" first appears right after MiniMax in the text; the "点评：" line over the bullets is a label, not a person
    text = ("MiniMax五月数据点评见昨日纪要。\n\n【海外科技｜月之暗面】一季报速评\n\n点评：\n· 一季度收入21.37亿元。\n")
    got = facts(text, watchlist, published=JUNE)
    assert ("moonshot", "revenue", "2031Q1", Decimal("2137000000"), "CNY", "eq") in got
    assert not any(f[0] == "minimax" for f in got)


MAY = date(2031, 5, 22)


def test_a_bare_amount_for_another_period_takes_the_currency_of_the_amount_before_it(watchlist):
    # a chat message names the currency once: the clause after it gives the previous quarter's figure bare
    text = ("[09:14] 小林：\nMiniMax一季度收入9.62亿美元。\n\n[09:16] 阿May：\n"
            "研发开支3.41亿美元，上季度3.18亿。经调整净亏损640万美元，上季度是1,870万。"
            "ARR：4月底约46.5亿美元，3月底约44.9亿。")
    got = facts(text, watchlist, published=MAY)
    assert ("minimax", "rd_expense", "2030Q4", Decimal("318000000"), "USD", "eq") in got
    assert ("minimax", "adjusted_net_loss", "2030Q4", Decimal("18700000"), "USD", "eq") in got
    assert ("minimax", "arr", "2031-03", Decimal("4490000000"), "USD", "approx") in got


def test_a_bare_count_after_an_amount_takes_no_currency(watchlist):
    text = "MiniMax一季度收入9.62亿美元，月活1.3亿，付费用户1,150万。"
    got = facts(text, watchlist, published=MAY)
    assert ("minimax", "revenue", "2031Q1", Decimal("962000000"), "USD", "eq") in got
    assert not any(f[4] == "USD" and f[3] in (Decimal("130000000"), Decimal("11500000")) for f in got)


def test_a_close_without_its_day_after_a_month_end_is_the_close_of_the_day_of_writing(watchlist):
    text = ("[10:02] 小林：\n另外公司说6月底员工2,150人。\n\n[16:11] 阿May：\n"
            "收盘了，MiniMax涨2.4%，总市值4,386亿港元。")
    got = facts(text, watchlist, published=date(2031, 7, 15))
    assert ("minimax", "headcount", "2031-06-30", Decimal("2150"), "count", "eq") in got
    assert ("minimax", "market_cap", "2031-07-15", Decimal("438600000000"), "HKD", "eq") in got
    # written on a Saturday: the close is Friday's
    got = facts(text, watchlist, published=date(2031, 7, 19))
    assert ("minimax", "market_cap", "2031-07-18", Decimal("438600000000"), "HKD", "eq") in got


def test_a_close_after_a_day_named_before_keeps_that_day(watchlist):
    text = "7月11日，MiniMax发布新模型，股价大涨。收盘时，MiniMax总市值4,386亿港元。"
    got = facts(text, watchlist, published=date(2031, 7, 15))
    assert ("minimax", "market_cap", "2031-07-11", Decimal("438600000000"), "HKD", "eq") in got


def test_amounts_after_segment_names_in_a_revenue_split_are_the_segments_revenue(watchlist):
    text = ("[08:50] 小林：\nMiniMax一季度收入9.62亿美元。\n\n[08:52] 阿May：\n"
            "拆一下：开放平台及企业服务5.38亿美元，占比55.9%；C端订阅4.24亿美元。")
    got = facts(text, watchlist, published=MAY)
    assert ("minimax", "revenue.cloud", "2031Q1", Decimal("538000000"), "USD", "eq") in got
    assert ("minimax", "revenue.consumer", "2031Q1", Decimal("424000000"), "USD", "eq") in got
    assert ("minimax", "revenue_share.cloud", "2031Q1", Decimal("55.9"), "%", "eq") in got


def test_an_amount_after_a_segment_name_is_no_revenue_without_a_revenue_word(watchlist):
    text = "MiniMax一季度收入9.62亿美元。C端订阅推广费用1.1亿美元，云端部署投入算力2.4亿美元。"
    got = facts(text, watchlist, published=MAY)
    assert ("minimax", "revenue", "2031Q1", Decimal("962000000"), "USD", "eq") in got
    assert not any(f[3] in (Decimal("110000000"), Decimal("240000000")) for f in got)
