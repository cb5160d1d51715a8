"""General rules of how the Chinese-language press writes (flash items, interviews, columns, reviews), found on the
twenty-first blind set and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_the_former_and_the_latter_of_a_list_of_two_segments(watchlist):
    # "A、B收入分别为X和Y，前者占…": 前者 is A, though B is written nearer the share
    text = "智谱三季度云端部署、本地化部署收入分别为21.4亿元和6.3亿元，前者占当季总收入的77.3%。"
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "revenue_share.cloud", "2031Q3", Decimal("77.3"), "%", "eq") in got
    assert not {f for f in got if f[1] == "revenue_share.on_premise"}
    text = text.replace("前者", "后者").replace("77.3%", "22.7%")
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "revenue_share.on_premise", "2031Q3", Decimal("22.7"), "%", "eq") in got


def test_a_list_of_segments_after_a_heading_naming_one_of_them(watchlist):
    # a flash item's 【heading】 runs into its body with no full stop: the segment the heading names is not a list member
    text = ("【智谱云端收入占比再创新高】财联社11月20日电，智谱三季度云端部署、本地化部署收入分别为21.4亿元和6.3亿元。")
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "revenue.cloud", "2031Q3", Decimal("2140000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue.on_premise", "2031Q3", Decimal("630000000"), "CNY", "eq") in got


def test_a_period_taken_as_a_whole_leaves_the_metric_of_the_sentence_before_unsaid(watchlist):
    # "上半年合计是…": the metric just said, for the half as a whole
    text = "DeepSeek三季度毛利率为66.8%。前三季度合计是65.9%，去年前三季度是63.1%。"
    got = facts(text, watchlist, published=date(2031, 11, 25))
    assert ("deepseek", "gross_margin", "2031Q3", Decimal("66.8"), "%", "eq") in got
    assert ("deepseek", "gross_margin", "2031Q1-Q3", Decimal("65.9"), "%", "eq") in got
    assert ("deepseek", "gross_margin", "2030Q1-Q3", Decimal("63.1"), "%", "eq") in got


def test_a_band_between_two_rates_states_neither(watchlist):
    # "增速都在40%至60%之间": a band the figures fell in, not a growth rate of 40%
    text = "智谱三季度收入为28.4亿元，同比增长52.7%，已连续四个季度增速保持在40%至60%之间。"
    got = facts(text, watchlist, published=date(2031, 11, 25))
    assert ("zhipu", "revenue_growth", "2031Q3", Decimal("52.7"), "%", "eq") in got
    assert not {f for f in got if f[3] in (Decimal("40"), Decimal("60"))}


def test_a_metric_named_in_a_phrase_of_what_moves_with_it_is_no_base_of_a_change(watchlist):
    # "费用率随收入规模扩大而下降，但绝对额仍增长…": the growth is of the expense, not of revenue
    text = ("MiniMax三季度研发开支1.52亿美元，约为同期收入的0.5倍，研发费用率随收入规模扩大而回落，但绝对额仍同比增长27.6%。")
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("minimax", "rd_expense", "2031Q3", Decimal("152000000"), "USD", "eq") in got
    assert not {f for f in got if f[1] == "revenue_growth"}


def test_a_threshold_a_condition_supposes_is_no_figure(watchlist):
    text = ("智谱三季度收入同比增长52.7%。有分析师表示：\u201c如果四季度毛利率跌破50%，市场会重新定价。\u201d")
    got = facts(text, watchlist, published=date(2031, 11, 25))
    assert ("zhipu", "revenue_growth", "2031Q3", Decimal("52.7"), "%", "eq") in got
    assert not {f for f in got if f[3] == Decimal("50")}
    # a way of looking at a reported figure is no condition
    text = "如果只看三季度，智谱单季收入是28.4亿元，比二季度多了三成。"
    got = facts(text, watchlist, published=date(2031, 11, 25))
    assert ("zhipu", "revenue", "2031Q3", Decimal("2840000000"), "CNY", "eq") in got


def test_a_bound_shared_by_a_list_of_companies_is_no_ones_figure(watchlist):
    text = "智谱、DeepSeek三季度收入分别为28.4亿元和25.1亿元，同比增速均超过五成。"
    got = facts(text, watchlist, published=date(2031, 11, 25))
    assert ("zhipu", "revenue", "2031Q3", Decimal("2840000000"), "CNY", "eq") in got
    assert ("deepseek", "revenue", "2031Q3", Decimal("2510000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1] == "revenue_growth"}
    # a daily average's 均 is no "both"
    got = facts("智谱三季度末日均超过300万亿token。", watchlist, published=date(2031, 11, 25))
    assert {f for f in got if f[1] == "daily_token_volume"}


def test_interest_income_is_no_revenue(watchlist):
    text = ("深度求索截至2031年6月30日止六個月之中期業績\n\n"
            "其他收入主要包括銀行利息收入人民幣418.3百萬元。")
    got = facts(text, watchlist, published=date(2031, 8, 26))
    assert not {f for f in got if f[1].startswith("revenue")}
    # beside the filing's own revenue line, which is read
    got = facts(text.replace("其他收入", "收入為人民幣2,140.5百萬元。其他收入"), watchlist, published=date(2031, 8, 26))
    assert {f for f in got if f[1].startswith("revenue")} == {("deepseek", "revenue", "2031H1", Decimal("2140500000"), "CNY", "eq")}


def test_the_same_period_in_a_filings_section_is_the_period_it_reports_on(watchlist):
    # a numbered MD&A section after one on monthly usage: "同期收入" is the half's, not the month named last
    text = ("深度求索\n截至2031年6月30日止六個月之中期業績公告\n\n"
            "1. 業務回顧\n2031年7月，本集團平台的日均Token調用量約為205萬億。\n\n"
            "2. 研發開支\n研發開支為人民幣3,912.4百萬元，約為同期收入的0.6倍（2030年同期：約0.7倍）。")
    got = facts(text, watchlist, published=date(2031, 8, 26))
    assert ("deepseek", "rd_to_revenue", "2031H1", Decimal("0.6"), "x", "approx") in got
    assert not {f for f in got if f[1] == "rd_to_revenue" and f[2] == "2031-07"}


def test_an_amount_written_right_before_profit_is_no_loss(watchlist):
    # "虧損…，按經調整計錄得X盈利": the adjusted figure is a profit, which facts.md has no metric for
    text = "MiniMax三季度期內虧損只有2,140萬美元，按經調整計更錄得860萬美元盈利。"
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("minimax", "net_loss", "2031Q3", Decimal("21400000"), "USD", "eq") in got
    assert not {f for f in got if f[1] == "adjusted_net_loss"}


def test_a_wire_dateline_dates_no_figure(watchlist):
    # "财联社11月20日电" dates the dispatch: a heading's share running into it takes no day, and the body's quarter holds
    text = ("2031年11月20日 星期四\n\n"
            "【智谱云端收入占比升至77.3%】财联社11月20日电，智谱三季度云端部署收入21.4亿元，占当季总收入的77.3%。")
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "revenue_share.cloud", "2031Q3", Decimal("77.3"), "%", "eq") in got
    assert not {f for f in got if f[2] == "2031-11-20"}
    # its digits are still no numbers
    assert not {f for f in got if f[3] in (Decimal("11"), Decimal("20"))}
