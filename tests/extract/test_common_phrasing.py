"""Phrasings common in financial press that no labelled set had taught: found by the lead writing sentences of the
kind results stories use and reading what came out (session 12), each pinned on text of our own.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_list_of_bare_numbers_takes_the_magnitude_its_last_member_names(watchlist):
    # "58、30和25万亿": the magnitude written once, as "1.2、3.1和8.1亿元" writes its currency once
    text = "智谱、MiniMax和月之暗面3月的日均token调用量分别为61、33和27万亿。"
    got = facts(text, watchlist, published=date(2026, 4, 10))
    assert {
        ("zhipu", "daily_token_volume", "2026-03", Decimal("61000000000000"), "tokens/day", "eq"),
        ("minimax", "daily_token_volume", "2026-03", Decimal("33000000000000"), "tokens/day", "eq"),
        ("moonshot", "daily_token_volume", "2026-03", Decimal("27000000000000"), "tokens/day", "eq"),
    } <= got
    assert not {f for f in got if f[3] < 1000}, "no member is read as a bare count of tokens"


def test_one_period_after_a_list_zipped_with_companies_dates_every_member(watchlist):
    text = ("Daily token volumes at Zhipu, MiniMax and Moonshot AI stood at 61 trillion, 33 trillion and 27 trillion, "
            "respectively in March 2026.")
    got = facts(text, watchlist, published=date(2026, 4, 10))
    assert {
        ("zhipu", "daily_token_volume", "2026-03", Decimal("61000000000000"), "tokens/day", "eq"),
        ("minimax", "daily_token_volume", "2026-03", Decimal("33000000000000"), "tokens/day", "eq"),
        ("moonshot", "daily_token_volume", "2026-03", Decimal("27000000000000"), "tokens/day", "eq"),
    } <= got
    # segments zipped the same way
    text = "Zhipu's cloud and on-premise revenue were RMB1.31 billion and RMB0.52 billion respectively in 2025."
    got = facts(text, watchlist, published=date(2026, 4, 10))
    assert {
        ("zhipu", "revenue.cloud", "FY2025", Decimal("1310000000"), "CNY", "eq"),
        ("zhipu", "revenue.on_premise", "FY2025", Decimal("520000000"), "CNY", "eq"),
    } <= got


def test_total_revenue_after_a_segment_is_the_whole_companys(watchlist):
    text = "Zhipu's cloud revenue jumped 92% in 2025, while total revenue rose 47% to RMB1.83 billion."
    got = facts(text, watchlist, published=date(2026, 4, 10))
    assert ("zhipu", "revenue", "FY2025", Decimal("1830000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue_growth", "FY2025", Decimal("47"), "%", "eq") in got
    assert not {f for f in got if f[1] == "revenue.cloud"}, "the total is not the segment named before it"
    text = "智谱2025年云端部署收入同比增长92%，营业总收入为18.3亿元。"
    got = facts(text, watchlist, published=date(2026, 4, 10))
    assert ("zhipu", "revenue", "FY2025", Decimal("1830000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1] == "revenue.cloud"}


def test_a_signed_rate_in_brackets_after_revenue_is_its_growth(watchlist):
    text = "智谱2025年营收18.30亿元（+47.2%），经调整净亏损26.1亿元（-6.5%）。"
    got = facts(text, watchlist, published=date(2026, 4, 10))
    assert ("zhipu", "revenue", "FY2025", Decimal("1830000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue_growth", "FY2025", Decimal("47.2"), "%", "eq") in got
    # a loss has no growth metric, and the rate is no share of the 营收 written before it
    assert {f[1] for f in got} == {"revenue", "revenue_growth", "adjusted_net_loss"}
    got = facts("2025年，MiniMax营收1.52亿美元，+159.0%。", watchlist, published=date(2026, 4, 10))
    assert ("minimax", "revenue_growth", "FY2025", Decimal("159.0"), "%", "eq") in got


def test_the_year_before_the_one_reported_is_no_reason_to_drop_a_figure_dated_by_the_lead(watchlist):
    # "上年同期" counts from the year the report is on (2025), not from the day of writing: the revenue before it is
    # that year's, which the sentence before names
    text = ("3月30日晚，智谱发布2025年年度报告。报告期内，公司实现营业收入7.31亿元，较上年增长128.4%；"
            "净亏损为29.9亿元，上年同期亏损24.1亿元。")
    got = facts(text, watchlist, published=date(2026, 3, 31))
    assert {
        ("zhipu", "revenue", "FY2025", Decimal("731000000"), "CNY", "eq"),
        ("zhipu", "revenue_growth", "FY2025", Decimal("128.4"), "%", "eq"),
        ("zhipu", "net_loss", "FY2025", Decimal("2990000000"), "CNY", "eq"),
        ("zhipu", "net_loss", "FY2024", Decimal("2410000000"), "CNY", "eq"),
    } <= got


def test_the_share_of_rd_staff_written_as_one_word(watchlist):
    text = "截至2025年12月31日，智谱共有员工1,120名，其中研发人员占比约75%。"
    got = facts(text, watchlist, published=date(2026, 3, 31))
    assert ("zhipu", "headcount", "2025-12-31", Decimal("1120"), "count", "eq") in got
    assert ("zhipu", "headcount_share.rd", "2025-12-31", Decimal("75"), "%", "approx") in got
    assert not {f for f in got if f[1].startswith("revenue")}, "占比 here is no share of revenue"
    got = facts("截至2025年末，月之暗面研發人員佔比超過七成。", watchlist, published=date(2026, 3, 31))
    assert ("moonshot", "headcount_share.rd", "2025-12-31", Decimal("70"), "%", "gt") in got


def test_a_year_before_to_and_a_currency_opens_no_range(watchlist):
    # "…in 2023 to $30.52 million": "2023 to $30.52" is no range (a range names its currency on both ends or on
    # neither), so the figure after "to" is read
    text = ("MiniMax's revenue grew from $3.46 million in 2023 to $30.52 million in 2024, and reached $53.44 million "
            "in the first nine months of 2025.")
    got = facts(text, watchlist, published=date(2026, 1, 2))
    assert {
        ("minimax", "revenue", "FY2023", Decimal("3460000"), "USD", "eq"),
        ("minimax", "revenue", "FY2024", Decimal("30520000"), "USD", "eq"),
        ("minimax", "revenue", "2025Q1-Q3", Decimal("53440000"), "USD", "eq"),
    } <= got
    # ranges still state no value
    got = facts("MiniMax reported revenue of $30 to $35 million in the fourth quarter of 2025.", watchlist,
                published=date(2026, 1, 2))
    assert not {f for f in got if f[1] == "revenue"}


def test_hong_kong_press_writes_growth_as_a_bare_rise_or_fall_on_the_year(watchlist):
    got = facts("智譜去年收入7.42億元人民幣，按年升131%。", watchlist, published=date(2026, 3, 31))
    assert ("zhipu", "revenue_growth", "FY2025", Decimal("131"), "%", "eq") in got
    got = facts("MiniMax截至去年12月31日止年度收入為1.61億美元，按年升4倍。", watchlist, published=date(2026, 3, 31))
    assert ("minimax", "revenue_growth", "FY2025", Decimal("400"), "%", "eq") in got
    got = facts("2025年第四季，月之暗面收入按年跌5.5%。", watchlist, published=date(2026, 3, 31))
    assert ("moonshot", "revenue_growth", "2025Q4", Decimal("-5.5"), "%", "eq") in got
    got = facts("智谱2025年营收7.42亿元，同比大增131%。", watchlist, published=date(2026, 3, 31))
    assert ("zhipu", "revenue_growth", "FY2025", Decimal("131"), "%", "eq") in got


def test_a_rival_reporting_a_bare_amount_gives_the_metric_just_said(watchlist):
    text = "Zhipu AI posted revenue of 1.95 billion yuan for the first half. Rival MiniMax reported $147.3 million."
    got = facts(text, watchlist, published=date(2026, 8, 28))
    assert ("minimax", "revenue", "2026H1", Decimal("147300000"), "USD", "eq") in got
    text = "Zhipu AI posted revenue of 1.95 billion yuan for the first half. By comparison, MiniMax posted about $147.3 million."
    assert ("minimax", "revenue", "2026H1", Decimal("147300000"), "USD", "approx") in facts(
        text, watchlist, published=date(2026, 8, 28))
    # an amount the sentence goes on to name is not the metric just said
    text = "Zhipu AI posted revenue of 1.95 billion yuan for the first half. MiniMax had $300 million in cash."
    assert not {f for f in facts(text, watchlist, published=date(2026, 8, 28)) if f[0] == "minimax"}


def test_the_estimate_a_result_is_set_against_is_no_result(watchlist):
    text = ("MiniMax Group Inc. on Tuesday reported first-quarter revenue of $81.4 million, a 94% increase from a year "
            "earlier, beating the $77 million analysts had expected.")
    got = facts(text, watchlist, published=date(2026, 5, 20))
    assert ("minimax", "revenue", "2026Q1", Decimal("81400000"), "USD", "eq") in got
    assert ("minimax", "revenue_growth", "2026Q1", Decimal("94"), "%", "eq") in got
    assert not {f for f in got if f[3] == Decimal("77000000")}
    got = facts("MiniMax reported first-quarter revenue of $81.4 million, above the $77 million expected by analysts.",
                watchlist, published=date(2026, 5, 20))
    assert {f[3] for f in got} == {Decimal("81400000")}


def test_a_loss_a_year_earlier_is_the_loss_just_said(watchlist):
    got = facts("智谱一季度经调整亏损收窄至6.4亿元，去年同期亏损7.9亿元。", watchlist, published=date(2026, 5, 20))
    assert {
        ("zhipu", "adjusted_net_loss", "2026Q1", Decimal("640000000"), "CNY", "eq"),
        ("zhipu", "adjusted_net_loss", "2025Q1", Decimal("790000000"), "CNY", "eq"),
    } <= got
    assert not {f for f in got if f[1] == "net_loss"}
    # an IFRS loss written after the adjusted one is the net loss
    got = facts("智谱一季度经调整净亏损为6.4亿元，按国际财务报告准则计的亏损为9.3亿元。", watchlist, published=date(2026, 5, 20))
    assert ("zhipu", "net_loss", "2026Q1", Decimal("930000000"), "CNY", "eq") in got
    text = ("Zhipu's first-quarter adjusted net loss narrowed to 640 million yuan from a loss of 790 million yuan a year "
            "earlier.")
    got = facts(text, watchlist, published=date(2026, 5, 20))
    assert ("zhipu", "adjusted_net_loss", "2025Q1", Decimal("790000000"), "CNY", "eq") in got


def test_the_noun_after_a_lists_last_member_names_every_members_metric(watchlist):
    for text in ("In March 2026 the three processed 61, 33 and 27 trillion tokens a day for DeepSeek, MiniMax and Kimi "
                 "respectively.",
                 "In March 2026 they processed 61 trillion, 33 trillion and 27 trillion tokens a day at DeepSeek, MiniMax "
                 "and Kimi respectively."):
        got = facts(text, watchlist, published=date(2026, 4, 10))
        assert got == {
            ("deepseek", "daily_token_volume", "2026-03", Decimal("61000000000000"), "tokens/day", "eq"),
            ("minimax", "daily_token_volume", "2026-03", Decimal("33000000000000"), "tokens/day", "eq"),
            ("moonshot", "daily_token_volume", "2026-03", Decimal("27000000000000"), "tokens/day", "eq"),
        }, text
