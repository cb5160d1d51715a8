"""General rules of how the Chinese-language press, Q&A sites and filings write, found on the sixteenth blind set and
pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from pipeline.extract.periods import find_document_date
from tests.extract.conftest import facts


def test_a_period_end_above_the_dateline_is_not_the_date_of_writing(watchlist):
    # a Q&A page quotes the question ("发布截至2027年6月30日止六个月业绩") above the answer's "发布于 2027-08-30"
    text = ("如何看待MiniMax的中期业绩？\n\n问题描述：8月28日，MiniMax发布截至2027年6月30日止六个月业绩。\n\n"
            "编辑于 2027-08-30 21:05\n\n"
            "7月日均token调用量约31万亿，比去年12月的约24万亿高了不少。昨天收盘市值2,150亿港元。")
    got = facts(text, watchlist)
    assert ("minimax", "daily_token_volume", "2027-07", Decimal("31000000000000"), "tokens/day", "approx") in got
    assert ("minimax", "daily_token_volume", "2026-12", Decimal("24000000000000"), "tokens/day", "approx") in got
    assert ("minimax", "market_cap", "2027-08-29", Decimal("215000000000"), "HKD", "eq") in got


def test_a_period_end_is_the_date_only_when_the_top_names_no_other():
    # an English filing title with "the year ended" before its dateline; a filing with no dateline keeps its period end
    assert find_document_date("Results for the year ended December 31, 2027\n\nBEIJING, March 18, 2028 -- Zhipu") \
        .isoformat() == "2028-03-18"
    assert find_document_date("截至2027年12月31日止年度業績公告\n\n董事會欣然宣佈").isoformat() == "2027-12-31"


def test_the_next_quarters_column_of_last_years_quarterly_table_is_last_years(watchlist):
    # late March: a table of last year's quarters read cell by cell; its 第二季度 column has begun no results this year
    text = ("月之暗面2027年度业绩公告\n\n2027年季度数据（未经审核）\n（千美元）\n\n"
            "                    第一季度      第二季度      第三季度      第四季度\n"
            "收入                 142,300       171,820       220,860       277,140\n")
    got = facts(text, watchlist, published=date(2028, 3, 24))
    assert ("moonshot", "revenue", "2027Q2", Decimal("171820000"), "USD", "eq") in got
    assert not {f for f in got if f[2].startswith("2028")}


def test_a_quarter_singled_out_with_qizhong_does_not_date_the_years_loss_after_it(watchlist):
    # "其中第四季度…" is a part of the year just reported; "年内亏损" / "期内亏损" after it is the whole year's
    text = ("2027年，月之暗面经调整净亏损为5.96亿美元，其中第四季度为1.71亿美元。按国际财务报告准则计，公司年内亏损为"
            "10.34亿美元。")
    got = facts(text, watchlist, published=date(2028, 3, 21))
    assert ("moonshot", "net_loss", "FY2027", Decimal("1034000000"), "USD", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "2027Q4", Decimal("171000000"), "USD", "eq") in got
    # in one sentence: the loss for the year is not of the quarter singled out before it
    text = "2027年，智谱经调整净亏损为62.8亿元，其中第四季度为17.1亿元，年內虧損為79.3億元。"
    got = facts(text, watchlist, published=date(2028, 3, 27))
    assert ("zhipu", "net_loss", "FY2027", Decimal("7930000000"), "CNY", "eq") in got


def test_last_month_with_a_daily_average_later_in_its_clause_is_that_month(watchlist):
    # "上个月智谱开放平台日均…": the company and platform may come between 上个月 and the daily average it dates
    text = "2027年，智谱收入28.3亿元。据第三方数据，上个月智谱开放平台日均token调用量约为96万亿，1月约为90万亿。"
    got = facts(text, watchlist, published=date(2028, 3, 27))
    assert ("zhipu", "daily_token_volume", "2028-02", Decimal("96000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[1] == "daily_token_volume" and f[2] == "FY2027"}


def test_a_consensus_in_brackets_does_not_make_the_reported_figures_forecasts(watchlist):
    # a flash's bullets: "（预期…）" after each figure is the consensus; the figures outside the brackets are results
    text = ("MiniMax公布2027年第四季度及全年业绩。\n\n"
            "· 四季度营收8,960万美元（预期8,700万美元），同比增长72.4%，上年同期为5,200万美元；\n"
            "· 四季度毛利率40.1%（市场预期39.0%）；全年毛利率37.8%。\n")
    got = facts(text, watchlist, published=date(2028, 3, 16))
    assert ("minimax", "revenue", "2027Q4", Decimal("89600000"), "USD", "eq") in got
    assert ("minimax", "revenue_growth", "2027Q4", Decimal("72.4"), "%", "eq") in got
    assert ("minimax", "revenue", "2026Q4", Decimal("52000000"), "USD", "eq") in got
    assert ("minimax", "gross_margin", "2027Q4", Decimal("40.1"), "%", "eq") in got
    assert ("minimax", "gross_margin", "FY2027", Decimal("37.8"), "%", "eq") in got
    assert not {f for f in got if f[3] in (Decimal("87000000"), Decimal("39.0"))}  # the consensus is no fact


def test_a_years_same_period_is_the_quarter_its_sentence_names_before_it(watchlist):
    # an annual results filing's MD&A: "第四季度…較2026年同期…" is 2026's fourth quarter, not 2026's year
    text = ("截至2027年12月31日止年度業績公告\n\n本集團年內收入增長60.2%。第四季度收入為89.6百萬美元，較2026年同期的"
            "52.0百萬美元增長72.3%。第四季度毛利率為40.1%（2026年同期：35.2%）。")
    got = facts(text, watchlist, published=date(2028, 3, 14), title="MiniMax 年度業績公告")
    assert ("minimax", "revenue", "2026Q4", Decimal("52000000"), "USD", "eq") in got
    assert ("minimax", "gross_margin", "2026Q4", Decimal("35.2"), "%", "eq") in got
    assert not {f for f in got if f[2] == "FY2026"}


def test_a_change_on_a_quarter_named_without_its_year_is_sequential(watchlist):
    # "较第二季度" / "較三季度" with no year between: the quarter before, a sequential change, not year-on-year growth
    text = "月之暗面第三季度收入为4.12亿美元，较2027年同期增长71.5%，较第二季度增长18.2%。"
    got = facts(text, watchlist, published=date(2028, 11, 20))
    assert ("moonshot", "revenue_growth", "2028Q3", Decimal("71.5"), "%", "eq") in got
    assert not {f for f in got if f[3] == Decimal("18.2")}
    text = "智譜第二季度收入人民幣10.46億元，同比增長58.2%，較一季度增長28.8%。"
    got = facts(text, watchlist, published=date(2028, 8, 28))
    assert ("zhipu", "revenue_growth", "2028Q2", Decimal("58.2"), "%", "eq") in got
    assert not {f for f in got if f[3] == Decimal("28.8")}


def test_an_amount_after_a_sequential_change_word_is_no_level(watchlist):
    # "三个月增加约4亿美元": "月增" (a sequential word) overlaps "增加"; the amount is what ARR grew by, not ARR
    text = "截至6月底，MiniMax的年化经常性收入（ARR）约为9.6亿美元，三个月增加约4亿美元。"
    got = facts(text, watchlist, published=date(2028, 7, 5))
    assert got == {("minimax", "arr", "2028-06", Decimal("960000000"), "USD", "approx")}
    text = "智譜5月營收人民幣13.1億元，月增1.4億元，按年增長61.2%。"
    got = facts(text, watchlist, published=date(2028, 6, 10))
    assert ("zhipu", "revenue", "2028-05", Decimal("1310000000"), "CNY", "eq") in got
    assert not {f for f in got if f[3] == Decimal("140000000")}
