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


MAR = date(2031, 3, 28)


def test_a_figure_no_period_is_in_sight_of_takes_the_year_whose_results_the_lede_names(watchlist):
    text = ("华夏财经　2031-03-28\n\n3月27日晚，MiniMax发布2030年度业绩公告。\n\n"
            "| 项目 | 数值 |\n| --- | --- |\n| 收入（亿美元） | 10.27 |\n| 毛利率（%） | 49.1 |\n\n表：公司公告\n\n"
            "从业务构成看，MiniMax的开放平台收入为5.61亿美元，占总收入的54.6%。")
    got = facts(text, watchlist, published=MAR)
    assert ("minimax", "revenue.cloud", "FY2030", Decimal("561000000"), "USD", "eq") in got
    assert ("minimax", "revenue_share.cloud", "FY2030", Decimal("54.6"), "%", "eq") in got


def test_a_heading_line_no_period_is_in_sight_of_stays_undated(watchlist):
    # a heading sums up the section under it ("增近六成" is no share): the lede's year does not date it
    text = ("華夏財經　2031-03-28\n\nMiniMax前日公布2030年財報，股價應聲上漲。分析師普遍認為表現穩健。市場關注後續指引。"
            "公司未有進一步評論。投資者情緒有所改善。\n\n■ 法說會重點：開放平台營收增近六成\n\n管理層在會上作了詳細說明，"
            "2030年全年收入為10.43億美元。")
    got = facts(text, watchlist, published=MAR)
    assert ("minimax", "revenue", "FY2030", Decimal("1043000000"), "USD", "eq") in got  # the section is read
    assert not any(f[1] == "revenue_share.cloud" for f in got)


def test_the_year_before_is_the_one_before_the_year_whose_results_the_lede_names(watchlist):
    text = ("华夏财经　2031-03-28\n\nMiniMax发布2030年度业绩。盈利能力方面，MiniMax毛利率由上年的47.2%提升至49.1%；"
            "上年经调整净亏损0.52亿美元。")
    got = facts(text, watchlist, published=MAR)
    assert ("minimax", "gross_margin", "FY2029", Decimal("47.2"), "%", "eq") in got
    assert ("minimax", "gross_margin", "FY2030", Decimal("49.1"), "%", "eq") in got
    assert ("minimax", "adjusted_net_loss", "FY2029", Decimal("52000000"), "USD", "eq") in got
    assert not any(f[2] == "FY2028" for f in got)


def test_the_same_period_a_year_before_is_not_counted_from_a_base_year(watchlist):
    # "较2029年": the base a change was measured from is not the period "上年同期" is a year before
    text = ("3月27日晚，智谱发布2030年年度报告。报告期内，公司实现营业收入121.3亿元，较2029年增长59.4%；"
            "净亏损为79.9亿元，上年同期亏损66.1亿元。")
    got = facts(text, watchlist, published=MAR)
    assert ("zhipu", "net_loss", "FY2030", Decimal("7990000000"), "CNY", "eq") in got
    assert ("zhipu", "net_loss", "FY2029", Decimal("6610000000"), "CNY", "eq") in got


MAR4 = date(2031, 3, 4)


def test_last_month_with_its_figure_in_its_clause(watchlist):
    text = ("华夏财经　2031年3月4日\n\n据MiniMax披露，其2030年12月开放平台日均token调用量约为139万亿，今年1月约为143万亿，"
            "上月进一步升至约151万亿。")
    got = facts(text, watchlist, published=MAR4)
    assert ("minimax", "daily_token_volume", "2031-02", Decimal("151000000000000"), "tokens/day", "approx") in got
    assert ("minimax", "daily_token_volume", "2031-01", Decimal("143000000000000"), "tokens/day", "approx") in got


def test_revenue_after_a_segments_share_and_a_semicolon_is_the_whole_companys(watchlist):
    text = ("华夏财经　2031年3月4日\n\n智谱2030年第四季度收入为38.1亿元，云端部署收入占比为77.3%；"
            "全年收入121.3亿元，同比增长59.4%。")
    got = facts(text, watchlist, published=MAR4)
    assert ("zhipu", "revenue", "FY2030", Decimal("12130000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue_growth", "FY2030", Decimal("59.4"), "%", "eq") in got
    assert not any(f[1] == "revenue.cloud" for f in got)
    # a pointer back keeps the segment
    text = "华夏财经　2031年3月4日\n\nMiniMax方面，2030年四季度开放平台收入占比为54.2%；2030年全年这部分收入为5.6亿美元。"
    got = facts(text, watchlist, published=MAR4)
    assert ("minimax", "revenue.cloud", "FY2030", Decimal("560000000"), "USD", "eq") in got


def test_the_reply_of_an_unwatched_company_on_its_own_qa_page_is_none_of_ours(watchlist):
    text = ("澜海智算：关于算力租赁业务等问题的投资者问答汇总\n\n深交所互动易　>　澜海智算（301777）　>　投资者问答\n"
            "汇总时间：2031年3月4日\n\n问：公司和月之暗面有没有业务往来？\n提问时间：2031-02-21 11:36\n"
            "澜海智算：您好！公司不便披露具体客户信息。据月之暗面公开披露，截至2031年1月底，Kimi年度经常性收入（ARR）约为76.5亿美元。谢谢！\n"
            "回复时间：2031-03-03 17:04\n\n问：公司2030年业绩快报什么时候出？\n提问时间：2031-02-27 15:22\n"
            "澜海智算：您好！公司已于2月27日披露2030年度业绩快报，全年营业收入21.35亿元，同比增长31.2%。谢谢！\n"
            "回复时间：2031-03-03 17:09")
    got = facts(text, watchlist, published=MAR4)
    assert ("moonshot", "arr", "2031-01", Decimal("7650000000"), "USD", "approx") in got
    assert not any(f[1] in ("revenue", "revenue_growth") for f in got)


def test_hearsay_is_no_result(watchlist):
    text = ("华夏财经　2031年3月4日\n\n问：听说MiniMax上月日均调用量已经突破200万亿了，是不是真的？\n"
            "答：公司未掌握相关数据。根据MiniMax公开信息，其2031年2月日均token调用量约为151万亿。")
    got = facts(text, watchlist, published=MAR4)
    assert ("minimax", "daily_token_volume", "2031-02", Decimal("151000000000000"), "tokens/day", "approx") in got
    assert not any(f[3] == Decimal("200000000000000") for f in got)


def test_an_earlier_sentences_year_does_not_put_a_month_after_the_day_of_writing(watchlist):
    text = ("2030年，大模型行业的几个数字\n\n华夏财经　2031年1月3日\n\n"
            "照这个速度，2031年内冲过100亿美元并非难事。\n\nOpenRouter的ARR在12月底约为11.5亿美元，比9月底的约10.1亿美元多。")
    got = facts(text, watchlist, published=date(2031, 1, 3))
    assert ("openrouter", "arr", "2030-12", Decimal("1150000000"), "USD", "approx") in got
    assert ("openrouter", "arr", "2030-09", Decimal("1010000000"), "USD", "approx") in got


def test_a_milestone_the_figure_of_its_sentence_passed_is_no_second_figure(watchlist):
    text = "华夏财经　2031年3月4日\n\n智谱2030年全年收入121.3亿元，同比增长59.4%，首次突破100亿元大关。"
    got = facts(text, watchlist, published=MAR4)
    assert ("zhipu", "revenue", "FY2030", Decimal("12130000000"), "CNY", "eq") in got
    assert not any(f[5] == "gt" for f in got)
    # a bound in a sentence of its own is how someone else put it, and stays
    text = "华夏财经　2031年3月4日\n\n智谱2030年全年收入121.3亿元。分析师称，公司年收入已超100亿元。"
    got = facts(text, watchlist, published=MAR4)
    assert ("zhipu", "revenue", "FY2030", Decimal("10000000000"), "CNY", "gt") in got
