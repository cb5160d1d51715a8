"""General rules of how the Chinese-language press, investor forums and filings write, found on the seventeenth
blind set and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_last_quarter_is_the_quarter_before_the_one_reported(watchlist):
    # 上季度 / 上个季度 / 上一季度: the quarter before the one the sentence reports, not that quarter itself
    text = "MiniMax二季度毛利率为45.0%，较上年同期提升5.5个百分点，也高于上一季度的44.2%。"
    got = facts(text, watchlist, published=date(2029, 8, 20))
    assert ("minimax", "gross_margin", "2029Q1", Decimal("44.2"), "%", "eq") in got
    assert ("minimax", "gross_margin", "2029Q2", Decimal("45.0"), "%", "eq") in got
    text = "月之暗面三季度毛利率50.3%。去年同期是45.8%，上个季度是49.6%。"
    got = facts(text, watchlist, published=date(2029, 11, 20))
    assert ("moonshot", "gross_margin", "2029Q2", Decimal("49.6"), "%", "eq") in got
    # across the year: the quarter before a first quarter is last year's fourth
    text = "智谱第一季度经调整净亏损15.2亿元，上季度为19.8亿元。"
    got = facts(text, watchlist, published=date(2030, 5, 28))
    assert ("zhipu", "adjusted_net_loss", "2029Q4", Decimal("1980000000"), "CNY", "eq") in got


def test_the_period_a_filing_defines_is_its_reporting_period_far_from_the_opening(watchlist):
    # "（「本期間」）" defined in the opening; in the MD&A, after a sentence comparing with last year's fourth quarter,
    # "本期間" is still the period announced
    text = ("月之暗面 截至2029年3月31日止三個月之第一季度業績公告\n\n"
            "董事會欣然宣佈本集團截至2029年3月31日止三個月（「本期間」）之未經審核綜合業績。\n\n"
            + "本公告所載資料未經審核，僅供參考。" * 30 + "\n\n"
            "1. 收入\n收入較2028年第四季度按季下降8.0%，主要由於企業客戶的季節性採購。\n\n"
            "2. 研發開支\n本期間研發開支為322.4百萬美元，約為收入的0.6倍。\n")
    got = facts(text, watchlist, published=date(2029, 5, 21))
    assert ("moonshot", "rd_expense", "2029Q1", Decimal("322400000"), "USD", "eq") in got
    assert not {f for f in got if f[2] == "2028Q4"}


def test_a_difference_written_with_shaoliao_or_duoliao_is_no_level(watchlist):
    # "少了" / "多了" before an amount: the change between two levels, not a level of the metric
    text = "MiniMax二季度经调整净亏损2,450万美元，去年同期是3,670万美元，绝对额少了1,220万美元左右。"
    got = facts(text, watchlist, published=date(2029, 8, 20))
    assert ("minimax", "adjusted_net_loss", "2029Q2", Decimal("24500000"), "USD", "eq") in got
    assert not {f for f in got if f[3] == Decimal("12200000")}
    text = "截至6月底，智谱员工总数为2,210人，比3月底多了164人。"
    got = facts(text, watchlist, published=date(2029, 7, 15))
    assert ("zhipu", "headcount", "2029-06-30", Decimal("2210"), "count", "eq") in got
    assert not {f for f in got if f[3] == Decimal("164")}


def test_a_wires_dateline_is_not_one_of_the_periods_a_list_is_zipped_with(watchlist):
    # "新华社8月20日电，…二季度…分别为A和B": the day of dispatch and the quarter are no list of two periods
    text = ("新华社8月20日电，月之暗面二季度订阅收入3.10亿美元，开放平台收入3.32亿美元，占总收入比重分别为48.3%和"
            "51.7%。")
    got = facts(text, watchlist, published=date(2029, 8, 20))
    assert ("moonshot", "revenue_share.consumer", "2029Q2", Decimal("48.3"), "%", "eq") in got
    assert ("moonshot", "revenue_share.cloud", "2029Q2", Decimal("51.7"), "%", "eq") in got


def test_an_item_going_on_for_a_second_sentence_keeps_its_list_under_the_heading(watchlist):
    # a bullet of two sentences on one line: the bullets after it are still under the heading naming their metric
    text = ("二、营收\n\n"
            "- 月之暗面：二季度6.42亿美元，去年同期3.68亿美元。\n"
            "- 环比看，一季度是5.84亿美元。二季度是企业客户续约的淡季，但增长没停。\n"
            "- MiniMax：1.68亿美元，去年同期1.10亿美元。\n")
    got = facts(text, watchlist, published=date(2029, 9, 2))
    assert ("minimax", "revenue", "2029Q2", Decimal("168000000"), "USD", "eq") in got
    assert ("minimax", "revenue", "2028Q2", Decimal("110000000"), "USD", "eq") in got


def test_a_loss_headed_as_adjusted_in_brackets_is_the_adjusted_loss(watchlist):
    # "亏损（经调整）" / "淨虧損（經調整）": the bracket says which loss; the items under it do not repeat it
    text = "三、亏损（经调整）\n\n- 月之暗面1.35亿美元、MiniMax 2,210万美元，都是二季度的数。\n"
    got = facts(text, watchlist, published=date(2029, 9, 2))
    assert ("moonshot", "adjusted_net_loss", "2029Q2", Decimal("135000000"), "USD", "eq") in got
    assert ("minimax", "adjusted_net_loss", "2029Q2", Decimal("22100000"), "USD", "eq") in got
    assert not {f for f in got if f[1] == "net_loss"}
    text = "智谱上半年淨虧損（經調整）為人民幣36.1億元。"
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert ("zhipu", "adjusted_net_loss", "2029H1", Decimal("3610000000"), "CNY", "eq") in got


def test_a_metric_the_writer_multiplies_names_no_figure_of_its_own(watchlist):
    # "二季度营收×4", "收入乘以4": the figures after it are the writer's annualisation, not the quarter's revenue
    text = "- 二季度营收×4简单年化：月之暗面25.7亿美元，MiniMax 6.72亿美元。"
    got = facts(text, watchlist, published=date(2029, 9, 2))
    assert not {f for f in got if f[1] == "revenue"}
    text = "智谱二季度收入乘以4，大约是61亿元。"
    got = facts(text, watchlist, published=date(2029, 9, 2))
    assert not {f for f in got if f[1] == "revenue"}


def test_yijing_dao_after_a_period_is_has_reached_not_a_range(watchlist):
    # "占比二季度已经到72.1%": 到 after 已经 is "has reached", the period before it is the figure's
    text = "智谱估值最高，但云端收入占比二季度已经到72.1%，结构在变。"
    got = facts(text, watchlist, published=date(2029, 9, 2))
    assert ("zhipu", "revenue_share.cloud", "2029Q2", Decimal("72.1"), "%", "eq") in got


def test_a_respective_list_after_figures_of_two_metrics_takes_those_metrics_in_order(watchlist):
    # "期内亏损A，经调整净亏损B，上年同期分别为C和D": C is last year's loss for the period, D the adjusted one
    text = "月之暗面二季度期内亏损2.41亿美元，经调整净亏损1.35亿美元，上年同期分别为2.96亿美元和1.81亿美元。"
    got = facts(text, watchlist, published=date(2029, 8, 21))
    assert ("moonshot", "net_loss", "2028Q2", Decimal("296000000"), "USD", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "2028Q2", Decimal("181000000"), "USD", "eq") in got
    assert ("moonshot", "net_loss", "2029Q2", Decimal("241000000"), "USD", "eq") in got
    assert not {f for f in got if f[3] == Decimal("296000000") and f[1] != "net_loss"}


def test_a_signed_percentage_after_a_metrics_figures_is_its_change(watchlist):
    # "A，去年同期B，+C%": a rate written with its sign as its own item after revenue figures is revenue growth
    text = ("一、营收\n\n- 月之暗面：二季度6.42亿美元，去年同期3.68亿美元，同比+74.5%。\n"
            "- 智谱：15.20亿元，去年同期9.42亿元，+61.4%。\n- MiniMax：1.48亿美元，去年同期1.52亿美元，−2.6%。\n")
    got = facts(text, watchlist, published=date(2029, 9, 2))
    assert ("zhipu", "revenue_growth", "2029Q2", Decimal("61.4"), "%", "eq") in got
    assert ("minimax", "revenue_growth", "2029Q2", Decimal("-2.6"), "%", "eq") in got


def test_a_company_compared_with_a_period_in_brackets_gives_that_periods_level_of_the_metric_just_said(watchlist):
    # "…毛利率：…。月之暗面比上一季度（49.1%）高了1.2个点": the bracket holds the level of the period compared with,
    # of the metric the sentence before named
    text = "二季度毛利率：MiniMax 45.0%，月之暗面50.3%。月之暗面比上一季度（49.1%）高了1.2个点，主要是推理成本下降。"
    got = facts(text, watchlist, published=date(2029, 9, 2))
    assert ("moonshot", "gross_margin", "2029Q1", Decimal("49.1"), "%", "eq") in got
    assert ("moonshot", "gross_margin", "2029Q2", Decimal("50.3"), "%", "eq") in got
    assert not {f for f in got if f[3] == Decimal("1.2")}


def test_a_filing_announcing_three_and_six_months_dates_the_same_period_by_the_figure_before_it(watchlist):
    # "截至…止三個月及六個月" announces two periods: "2027年同期" after a half-year figure is that half a year before,
    # not the quarter the title names first
    text = ("月之暗面科技有限公司\n截至2028年6月30日止三個月及六個月之未經審核中期業績公告\n\n2028年8月26日\n\n財務摘要\n"
            "．截至2028年6月30日止六個月，收入為1,080.5百萬美元，同比增長88.0%。\n"
            "．API收入佔總收入的44.0%（2027年同期：39.5%）。\n")
    got = facts(text, watchlist, published=date(2028, 8, 26))
    assert ("moonshot", "revenue_share.cloud", "2028H1", Decimal("44.0"), "%", "eq") in got
    assert ("moonshot", "revenue_share.cloud", "2027H1", Decimal("39.5"), "%", "eq") in got
    assert not {f for f in got if f[2] == "2027Q2"}
