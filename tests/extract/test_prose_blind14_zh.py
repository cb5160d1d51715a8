"""General rules of how the Chinese press writes, found on the fourteenth blind set and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_full_width_stop_opens_the_items_of_a_data_box(watchlist):
    # Hong Kong papers set the lines of a box of figures with "．" (a full-width stop) where others put "•" or "-":
    # each line is an item of the list its heading names the metric and period of
    text = ("信報　2028年5月12日\n\n╔══ 一季度數據 ══╗\n\n首季研發開支\n．DeepSeek　5.6億元人民幣\n．月之暗面　1.94億美元\n\n"
            "首季毛利率\n．智譜　　　49.8%\n．MiniMax　38.2%\n")
    got = facts(text, watchlist, published=date(2028, 5, 12))
    assert ("deepseek", "rd_expense", "2028Q1", Decimal("560000000"), "CNY", "eq") in got
    assert ("moonshot", "rd_expense", "2028Q1", Decimal("194000000"), "USD", "eq") in got
    assert ("zhipu", "gross_margin", "2028Q1", Decimal("49.8"), "%", "eq") in got
    assert ("minimax", "gross_margin", "2028Q1", Decimal("38.2"), "%", "eq") in got


def test_a_box_heading_that_names_its_month_dates_the_items_under_it(watchlist):
    # "上月（4月）日均調用量" heads a list: its month (digits in it are a period, not a figure) dates every line
    text = ("明報　2028年5月6日\n\n上月（4月）日均token調用量\n．DeepSeek　約58萬億\n．Kimi　　　約24萬億\n")
    got = facts(text, watchlist, published=date(2028, 5, 6))
    assert ("deepseek", "daily_token_volume", "2028-04", Decimal("58000000000000"), "tokens/day", "approx") in got
    assert ("moonshot", "daily_token_volume", "2028-04", Decimal("24000000000000"), "tokens/day", "approx") in got
    text = "3月日均调用量：\n- 智谱 约92万亿\n- MiniMax 约30万亿\n"
    got = facts(text, watchlist, published=date(2028, 4, 8))
    assert ("zhipu", "daily_token_volume", "2028-03", Decimal("92000000000000"), "tokens/day", "approx") in got
    assert ("minimax", "daily_token_volume", "2028-03", Decimal("30000000000000"), "tokens/day", "approx") in got


def test_a_respectively_list_takes_the_companies_listed_right_before_it(watchlist):
    # "…，A與B分別約X、Y": when the sentence named other companies earlier, with figures of their own, the list of
    # numbers takes the list of companies joined right before it, not the nearest one for all
    text = "各家7月日均调用量：DeepSeek约61万亿，智谱和MiniMax分别约103万亿、33万亿。"
    got = facts(text, watchlist, published=date(2028, 8, 12))
    assert ("zhipu", "daily_token_volume", "2028-07", Decimal("103000000000000"), "tokens/day", "approx") in got
    assert ("minimax", "daily_token_volume", "2028-07", Decimal("33000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[0] == "minimax" and f[3] != Decimal("33000000000000")}
    text = "上半年毛利率方面，智譜為50.2%，MiniMax及月之暗面分別為39.7%及44.1%。"
    got = facts(text, watchlist, published=date(2028, 8, 30))
    assert ("minimax", "gross_margin", "2028H1", Decimal("39.7"), "%", "eq") in got
    assert ("moonshot", "gross_margin", "2028H1", Decimal("44.1"), "%", "eq") in got


def test_a_qualifier_written_once_after_respectively_holds_for_every_number(watchlist):
    # "分别约X、Y" / "分別超過X及Y": the 约 or 超过 after 分别 qualifies each number of the list, not the first alone
    text = "DeepSeek和Kimi 6月日均调用量分别约60万亿、27万亿。"
    got = facts(text, watchlist, published=date(2028, 7, 9))
    assert ("moonshot", "daily_token_volume", "2028-06", Decimal("27000000000000"), "tokens/day", "approx") in got
    text = "智譜及MiniMax上半年研發開支分別超過30億元人民幣及2億美元。"
    got = facts(text, watchlist, published=date(2028, 9, 2))
    assert ("minimax", "rd_expense", "2028H1", Decimal("200000000"), "USD", "gt") in got


def test_the_three_named_one_by_one_take_a_respectively_list_in_order(watchlist):
    # "三家…分别为A、B及C" after a sentence that went through the companies one by one, each with its figures: the
    # list takes them in the order they were named, not the last one named for all three
    text = ("首季业绩方面，DeepSeek收入9.1亿元；MiniMax收入9,630万美元；月之暗面收入3.02亿美元。"
            "三家首季研发开支分别为12.4亿元、9,850万美元及1.86亿美元。")
    got = facts(text, watchlist, published=date(2028, 5, 28))
    assert ("deepseek", "rd_expense", "2028Q1", Decimal("1240000000"), "CNY", "eq") in got
    assert ("minimax", "rd_expense", "2028Q1", Decimal("98500000"), "USD", "eq") in got
    assert ("moonshot", "rd_expense", "2028Q1", Decimal("186000000"), "USD", "eq") in got
    # two named one by one, then "两家"
    text = "智谱上半年毛利率50.4%，MiniMax为39.9%。两家的经调整净亏损分别为31.2亿元和7,020万美元。"
    got = facts(text, watchlist, published=date(2028, 8, 30))
    assert ("zhipu", "adjusted_net_loss", "2028H1", Decimal("3120000000"), "CNY", "eq") in got
    assert ("minimax", "adjusted_net_loss", "2028H1", Decimal("70200000"), "USD", "eq") in got


def test_the_loss_for_the_period_is_the_whole_periods_not_a_quarter_singled_out(watchlist):
    # "期内亏损" is the loss for the period the report covers: a quarter singled out before it ("二季度单季") dates
    # only its own figure
    text = "MiniMax上半年经调整净亏损7,410万美元，二季度单季3,580万美元；期内亏损1.27亿美元。"
    got = facts(text, watchlist, published=date(2028, 8, 20))
    assert ("minimax", "net_loss", "2028H1", Decimal("127000000"), "USD", "eq") in got
    assert ("minimax", "adjusted_net_loss", "2028Q2", Decimal("35800000"), "USD", "eq") in got
    text = "智譜首三季收入27.4億元，第三季單季8.9億元，期內虧損61.2億元。"
    got = facts(text, watchlist, published=date(2028, 11, 20))
    assert ("zhipu", "net_loss", "2028Q1-Q3", Decimal("6120000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1] == "net_loss" and f[2] == "2028Q3"}


def test_last_month_before_a_daily_average_is_that_month(watchlist):
    # "上月日均调用量" dates the daily average by the month before the one of writing, as "上月底" dates a stock
    got = facts("MiniMax上月日均token调用量约35万亿，6月约32万亿。", watchlist, published=date(2028, 8, 3))
    assert ("minimax", "daily_token_volume", "2028-07", Decimal("35000000000000"), "tokens/day", "approx") in got
    assert ("minimax", "daily_token_volume", "2028-06", Decimal("32000000000000"), "tokens/day", "approx") in got
    got = facts("據業內人士透露，智譜上個月每日調用量突破95萬億。", watchlist, published=date(2028, 5, 14))
    assert ("zhipu", "daily_token_volume", "2028-04", Decimal("95000000000000"), "tokens/day", "gt") in got


def test_this_multiple_written_with_zhege_is_the_ratio_just_given(watchlist):
    # "这个倍数" / "這個比例" is "这一倍数" in speech (interviews, calls): the R&D-to-revenue multiple just given
    text = "MiniMax上半年研发开支约为收入的0.95倍。去年全年这个倍数是1.1倍左右，今年一季度是0.98倍。"
    got = facts(text, watchlist, published=date(2028, 8, 21))
    assert ("minimax", "rd_to_revenue", "FY2027", Decimal("1.1"), "x", "approx") in got
    assert ("minimax", "rd_to_revenue", "2028Q1", Decimal("0.98"), "x", "eq") in got
    text = "DeepSeek研發開支為收入的2.4倍。2026年這個比例是3.1倍。"
    got = facts(text, watchlist, published=date(2028, 3, 30))
    assert ("deepseek", "rd_to_revenue", "FY2026", Decimal("3.1"), "x", "eq") in got


def test_rd_over_revenue_written_with_a_slash_is_the_multiple(watchlist):
    # investor posts and broker notes write the ratio as a fraction: "研发/收入约1.86倍"
    text = "- 一季度研发开支15.1亿元，研发/收入约1.86倍"
    got = facts("智谱一季度收入8.12亿元。\n" + text, watchlist, published=date(2028, 5, 20))
    assert ("zhipu", "rd_to_revenue", "2028Q1", Decimal("1.86"), "x", "approx") in got
    got = facts("DeepSeek上半年研發開支42.3億元，研發/營收為2.3倍。", watchlist, published=date(2028, 8, 28))
    assert ("deepseek", "rd_to_revenue", "2028H1", Decimal("2.3"), "x", "eq") in got


def test_a_posters_own_arithmetic_gives_no_figure(watchlist):
    # "一季度收入×4 ≈ 32亿元": the result of the writer's sum, and the divisor of "市值 / 收入 ≈ 倍数", are no figures
    # the company reported
    text = "智谱2028年5月20日\n\n- 一季度收入8.12亿元\n- 一季度收入×4 ≈ 32.5亿元年化\n- 4,150亿港元市值 / 35.6亿港元 ≈ 117倍市销率"
    got = facts(text, watchlist, published=date(2028, 5, 20))
    assert ("zhipu", "revenue", "2028Q1", Decimal("812000000"), "CNY", "eq") in got
    assert not {f for f in got if f[3] in (Decimal("3250000000"), Decimal("3560000000"))}
    got = facts("Kimi上月日均调用量约31万亿，31万亿 × 30 = 930万亿", watchlist, published=date(2028, 9, 3))
    assert not {f for f in got if f[3] == Decimal("930000000000000")}


def test_a_question_whether_a_level_will_be_reached_is_no_result(watchlist):
    # "能不能到七成" / "能否突破40%" asks about a level to come: no figure of any period
    text = "上半年毛利率是40.5%。至于开放平台的毛利率能不能到七成，管理层没有回答。"
    got = facts("MiniMax 2028年8月18日\n\n" + text, watchlist, published=date(2028, 8, 18))
    assert ("minimax", "gross_margin", "2028H1", Decimal("40.5"), "%", "eq") in got
    assert not {f for f in got if f[3] == Decimal("70")}
    got = facts("市场关注月之暗面下半年API收入占比能否突破50%。", watchlist, published=date(2028, 9, 1))
    assert not got


def test_a_rate_compared_with_that_of_a_period_is_that_periods(watchlist):
    # "比一季度的58.2%还快": the rate written right after "period + 的" in a comparison is that period's rate, not the
    # rate of the period the sentence is about
    got = facts("MiniMax二季度收入增速比一季度的58.2%还快。", watchlist, published=date(2028, 8, 20))
    assert ("minimax", "revenue_growth", "2028Q1", Decimal("58.2"), "%", "eq") in got
    assert not {f for f in got if f[2] == "2028Q2"}
    got = facts("月之暗面上半年營收增速較去年同期的95.1%更快。", watchlist, published=date(2028, 8, 31))
    assert ("moonshot", "revenue_growth", "2027H1", Decimal("95.1"), "%", "eq") in got


def test_a_period_and_we_first_passed_a_figure_is_the_metric_just_given(watchlist):
    # an executive goes on "6月我们第一次突破了100万亿": the same metric, for that month, the company speaking
    text = "月之暗面：上月日均token调用量约31万亿。5月我们首次突破了25万亿。"
    got = facts(text, watchlist, published=date(2028, 9, 6))
    assert ("moonshot", "daily_token_volume", "2028-05", Decimal("25000000000000"), "tokens/day", "gt") in got
    text = "MiniMax：二季度毛利率41.2%。一季度我们第一次达到了39.6%。"
    got = facts(text, watchlist, published=date(2028, 8, 20))
    assert ("minimax", "gross_margin", "2028Q1", Decimal("39.6"), "%", "eq") in got
