"""Which periods a statement figure (revenue, a margin, a loss, R&D) can take from the sentences before it: a quarter,
a half or a year, never a month or a plain day. Results stories name a month for the token count or the run rate
between the quarter's headline and its statement figures; those figures stay the quarter's (session 14).
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts

AUGUST = date(2031, 8, 20)


def test_a_month_named_for_tokens_does_not_date_the_statement_figures_after_it(watchlist):
    text = ("MiniMax reported second-quarter results on Tuesday. Daily token volume reached 150 trillion in July, the "
            "company said. Revenue was $301.2 million, up 41.5% from a year earlier, and gross margin improved to 54.3%.")
    got = facts(text, watchlist, published=AUGUST)
    assert {
        ("minimax", "daily_token_volume", "2031-07", Decimal("150000000000000"), "tokens/day", "eq"),
        ("minimax", "revenue", "2031Q2", Decimal("301200000"), "USD", "eq"),
        ("minimax", "revenue_growth", "2031Q2", Decimal("41.5"), "%", "eq"),
        ("minimax", "gross_margin", "2031Q2", Decimal("54.3"), "%", "eq"),
    } <= got
    assert not {f for f in got if f[1] != "daily_token_volume" and f[2] == "2031-07"}


def test_a_year_earlier_after_a_month_named_for_tokens_is_the_reported_periods_year_earlier(watchlist):
    for text in (
        "Moonshot AI reported results for the three months ended June 30, 2031. Kimi's daily token volume rose to about "
        "120 trillion in July. Gross margin was 57.2%, up from 53.9% a year earlier.",
        "Moonshot AI reported second-quarter results on Monday. Kimi's daily token volume rose to about 120 trillion in "
        "July. Gross margin was 57.2%, compared with 53.9% in the same period last year.",
    ):
        got = facts(text, watchlist, published=AUGUST)
        assert {
            ("moonshot", "daily_token_volume", "2031-07", Decimal("120000000000000"), "tokens/day", "approx"),
            ("moonshot", "gross_margin", "2031Q2", Decimal("57.2"), "%", "eq"),
            ("moonshot", "gross_margin", "2030Q2", Decimal("53.9"), "%", "eq"),
        } <= got, text


def test_the_same_in_chinese_and_a_token_count_still_takes_its_month(watchlist):
    text = "智谱8月19日晚间公布中期业绩。7月日均token调用量约410万亿。毛利率为61.2%，上年同期为58.0%。"
    got = facts(text, watchlist, published=AUGUST)
    assert {
        ("zhipu", "daily_token_volume", "2031-07", Decimal("410000000000000"), "tokens/day", "approx"),
        ("zhipu", "gross_margin", "2031H1", Decimal("61.2"), "%", "eq"),
        ("zhipu", "gross_margin", "2030H1", Decimal("58.0"), "%", "eq"),
    } <= got
    # a rate measured by the month keeps the month a year earlier
    text = "Kimi's daily token volume rose to about 120 trillion in July, up from 60 trillion a year earlier, Moonshot said."
    assert ("moonshot", "daily_token_volume", "2030-07", Decimal("60000000000000"), "tokens/day", "eq") in facts(
        text, watchlist, published=AUGUST)


def test_a_statement_figure_with_only_a_month_before_it_and_no_reported_period_is_dropped(watchlist):
    text = "Zhipu's daily token volume passed 400 trillion in July. Gross margin was 61.2%."
    got = facts(text, watchlist, published=AUGUST)
    assert ("zhipu", "daily_token_volume", "2031-07", Decimal("400000000000000"), "tokens/day", "gt") in got
    assert not {f for f in got if f[1] == "gross_margin"}


def test_a_year_ago_after_the_prior_quarter_steps_back_from_the_quarter_reported(watchlist):
    for text in (
        "MiniMax posted second-quarter revenue of $301.2 million, versus $276.7 million in the prior quarter and "
        "$212.9 million a year ago.",
        "MiniMax二季度收入3.012亿美元，上一季度为2.767亿美元，一年前为2.129亿美元。",
    ):
        got = facts(text, watchlist, published=AUGUST)
        assert {
            ("minimax", "revenue", "2031Q2", Decimal("301200000"), "USD", "eq"),
            ("minimax", "revenue", "2031Q1", Decimal("276700000"), "USD", "eq"),
            ("minimax", "revenue", "2030Q2", Decimal("212900000"), "USD", "eq"),
        } <= got, text
        assert ("minimax", "revenue", "2030Q1", Decimal("212900000"), "USD", "eq") not in got


def test_a_value_held_on_a_day_takes_no_year_or_month(watchlist):
    # a market value is a day's close: "this year" or "late May" names no day, so no fact; a run rate is a month's
    got = facts("智谱股价今年以来上涨了85%，市值约为3,200亿港元。MiniMax的市值在5月下旬一度逼近2,900亿港元。", watchlist,
                published=AUGUST)
    assert not {f for f in got if f[1] == "market_cap"}
    got = facts("8月19日收盘，智谱市值约为3,200亿港元。", watchlist, published=AUGUST)
    assert ("zhipu", "market_cap", "2031-08-19", Decimal("320000000000"), "HKD", "approx") in got
    got = facts("Moonshot's annualized revenue run rate passed $3 billion in July.", watchlist, published=AUGUST)
    assert ("moonshot", "arr", "2031-07", Decimal("3000000000"), "USD", "gt") in got


def test_a_year_earlier_period_opening_the_sentence_dates_the_figures_after_it(watchlist):
    got = facts("MiniMax's second-quarter revenue rose 41.5% to $301.2 million. In the year-earlier quarter, gross margin "
                "was 51.0%; this time it reached 54.3%.", watchlist, published=AUGUST)
    assert ("minimax", "gross_margin", "2030Q2", Decimal("51.0"), "%", "eq") in got
    assert ("minimax", "gross_margin", "2031Q2", Decimal("54.3"), "%", "eq") in got  # past the semicolon: this year's
    got = facts("MiniMax二季度收入3.012亿美元。而在去年同期，公司收入为2.129亿美元，毛利率为51.0%。", watchlist, published=AUGUST)
    assert {
        ("minimax", "revenue", "2030Q2", Decimal("212900000"), "USD", "eq"),
        ("minimax", "gross_margin", "2030Q2", Decimal("51.0"), "%", "eq"),
    } <= got
    # a year-earlier period closing a clause with its own figure still dates nothing after it
    got = facts("Zhipu's first-half revenue was up 58% on the same period last year, and gross margin was 61.2%.",
                watchlist, published=AUGUST)
    assert ("zhipu", "gross_margin", "2031H1", Decimal("61.2"), "%", "eq") in got


def test_a_level_a_change_started_from_written_before_it_is_not_the_periods_own(watchlist):
    # "由X提升至Y" / "from X to Y" with no period of its own: X is where the period's figure came from, not a second
    # figure of the period; for a year it is the year before's
    got = facts("智谱2030年毛利率由55.1%提升至58.8%。", watchlist, published=AUGUST)
    assert ("zhipu", "gross_margin", "FY2030", Decimal("58.8"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "FY2029", Decimal("55.1"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "FY2030", Decimal("55.1"), "%", "eq") not in got
    got = facts("MiniMax Group Inc.\nFor the six months ended 30 June 2031, revenue increased by 58.3% to US$577.9 "
                "million. Gross profit margin increased from 52.7% to 54.9%.", watchlist, published=AUGUST)
    assert ("minimax", "gross_margin", "2031H1", Decimal("54.9"), "%", "eq") in got
    assert ("minimax", "gross_margin", "2031H1", Decimal("52.7"), "%", "eq") not in got
    # each level with its own period keeps it
    got = facts("智谱营收从2029年的18.2亿元增至2030年的26.1亿元。", watchlist, published=AUGUST)
    assert {("zhipu", "revenue", "FY2029", Decimal("1820000000"), "CNY", "eq"),
            ("zhipu", "revenue", "FY2030", Decimal("2610000000"), "CNY", "eq")} <= got


def test_the_six_months_after_an_aside_on_the_half_is_that_half(watchlist):
    # "For the first half, …" in a story on the quarter is an aside that dates nothing further, but "the six months"
    # in the next sentence names it back
    text = ("MiniMax said revenue for the three months ended June 30 rose 41.5% to $301.2 million. For the first half, "
            "revenue reached $577.9 million, up 40.6%. Adjusted net loss for the six months narrowed to $171.0 million.")
    got = facts(text, watchlist, published=AUGUST)
    assert {
        ("minimax", "revenue", "2031H1", Decimal("577900000"), "USD", "eq"),
        ("minimax", "adjusted_net_loss", "2031H1", Decimal("171000000"), "USD", "eq"),
    } <= got
    assert ("minimax", "adjusted_net_loss", "2031Q2", Decimal("171000000"), "USD", "eq") not in got


def test_a_quarters_end_is_its_last_day(watchlist):
    got = facts("公司披露7月Kimi日均Token调用量约120万亿，较二季度末的105万亿继续增长。", watchlist,
                published=date(2031, 8, 19))
    assert ("moonshot", "daily_token_volume", "2031-06", Decimal("105000000000000"), "tokens/day", "eq") in got
    assert ("zhipu", "headcount", "2031-03-31", Decimal("1820"), "count", "eq") in facts(
        "截至2031年一季度末，智谱员工总数为1,820人。", watchlist, published=AUGUST)
    assert ("zhipu", "market_cap", "2031-06-30", Decimal("305000000000"), "HKD", "approx") in facts(
        "智谱二季度末市值约为3,050亿港元。", watchlist, published=AUGUST)
    assert ("zhipu", "revenue", "2031Q2", Decimal("680000000"), "CNY", "eq") in facts(
        "智谱2031年第二季度收入为6.8亿元。", watchlist, published=AUGUST)


ANNUAL_ZHT = (
    "北京智譜華章科技股份有限公司 截至2030年12月31日止年度業績公告\n"
    "董事會欣然宣佈本集團截至2030年12月31日止年度的經審核綜合業績。\n\n"
    "管理層討論及分析\n\n"
    "第四季度回顧\n"
    "第四季度，本集團收入為人民幣8.12億元，按年增長61.2%。\n\n"
    "毛利及毛利率\n"
    "毛利率為58.8%，上年為55.1%。\n\n"
    "研發開支\n"
    "研發開支為人民幣26.4億元，約為收入的1.0倍。\n"
)


def test_a_filings_section_after_one_on_the_quarter_is_of_the_year_it_reports_on(watchlist):
    got = facts(ANNUAL_ZHT, watchlist, published=date(2031, 3, 28))
    assert {
        ("zhipu", "revenue", "2030Q4", Decimal("812000000"), "CNY", "eq"),
        ("zhipu", "gross_margin", "FY2030", Decimal("58.8"), "%", "eq"),
        ("zhipu", "gross_margin", "FY2029", Decimal("55.1"), "%", "eq"),  # 上年: the year before the one announced
        ("zhipu", "rd_expense", "FY2030", Decimal("2640000000"), "CNY", "eq"),
        ("zhipu", "rd_to_revenue", "FY2030", Decimal("1.0"), "x", "approx"),
    } <= got
    assert not {f for f in got if f[1].startswith("rd_") and f[2] == "2030Q4"}
    # the quarter's own section goes on with the quarter
    got = facts(ANNUAL_ZHT.replace("按年增長61.2%。", "按年增長61.2%。研發開支為人民幣7.1億元。"), watchlist,
                published=date(2031, 3, 28))
    assert ("zhipu", "rd_expense", "2030Q4", Decimal("710000000"), "CNY", "eq") in got


def test_the_same_in_an_english_annual_announcement(watchlist):
    text = ("MiniMax Group Inc. announces annual results for the year ended December 31, 2030\n"
            "The board announces the audited consolidated results for the year ended December 31, 2030.\n\n"
            "Fourth quarter review\n"
            "In the fourth quarter, revenue was US$318.4 million, up 44.2% year over year.\n\n"
            "Gross profit and gross margin\n"
            "Gross margin was 54.0%, compared with 50.3% in the prior year.\n\n"
            "Research and development expenses\n"
            "Research and development expenses were US$1,162.5 million, about 1.0 times revenue.\n")
    got = facts(text, watchlist, published=date(2031, 3, 20))
    assert {
        ("minimax", "revenue", "2030Q4", Decimal("318400000"), "USD", "eq"),
        ("minimax", "gross_margin", "FY2030", Decimal("54.0"), "%", "eq"),
        ("minimax", "gross_margin", "FY2029", Decimal("50.3"), "%", "eq"),
        ("minimax", "rd_expense", "FY2030", Decimal("1162500000"), "USD", "eq"),
    } <= got
    assert not {f for f in got if f[1] == "gross_margin" and "Q4" in f[2]}
