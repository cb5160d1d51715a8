"""How data desks, filings, press releases and broker notes lay out figures the extractor had not seen: rules found
on tests/blind22, pinned on texts of our own.

Each test uses other companies, figures and wording than the article that showed the rule: a pipe table written
without its outer pipes, under a caption that gives its unit and dates it, beside a change column headed by a percent
sign and a month.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts as qualified_facts
from tests.extract.conftest import unqualified_facts as facts

# --- a pipe table without its outer pipes -------------------------------------------------------------------------

OPEN_PIPES = (
    "三月榜单：调用量排名稳定\n\n"
    "2029-04-06 08:10　来源：某数据终端\n\n"
    "据统计，3月各家调用量继续上升。\n\n"
    "表A　各公司日均调用量（单位：万亿tokens/日）\n\n"
    "公司 | 3月 | 2月 | 增幅（%）\n"
    "MiniMax | 88 | 85 | 3.5\n"
    "智谱 | 205 | 199 | 3.0\n"
    "某创业公司 | 40 | 38 | 5.3\n\n"
    "注：上述数据均为约数。\n\n"
    "市场表现方面，各家股价普遍上涨。\n\n"
    "表B　3月29日收盘市值（单位：亿港元）\n\n"
    "公司 | 市值 | 3月涨跌幅（%）\n"
    "MiniMax | 5,420 | 1.9\n"
    "智谱 | 8,330 | 2.6\n\n"
    "声明：不构成投资建议。\n"
)


def test_rows_between_pipes_without_outer_pipes_are_a_table(watchlist):
    got = qualified_facts(OPEN_PIPES, watchlist, published=date(2029, 4, 6))
    assert {
        ("minimax", "daily_token_volume", "2029-03", Decimal("88000000000000"), "tokens/day", "approx"),
        ("minimax", "daily_token_volume", "2029-02", Decimal("85000000000000"), "tokens/day", "approx"),
        ("zhipu", "daily_token_volume", "2029-03", Decimal("205000000000000"), "tokens/day", "approx"),
        ("zhipu", "daily_token_volume", "2029-02", Decimal("199000000000000"), "tokens/day", "approx"),
    } <= got
    assert not {f for f in got if f[1] == "daily_token_volume" and f[3] < 1000}  # the change column
    assert not {f for f in got if f[3] in (Decimal("40000000000000"), Decimal("38000000000000"))}  # not watched


def test_ideographic_spaces_around_the_pipes(watchlist):
    text = OPEN_PIPES.replace(" | ", "\u3000|\u3000")
    got = facts(text, watchlist, published=date(2029, 4, 6))
    assert ("zhipu", "daily_token_volume", "2029-03", Decimal("205000000000000"), "tokens/day") in got


def test_a_metric_column_the_header_leaves_undated_takes_the_captions_day(watchlist):
    got = qualified_facts(OPEN_PIPES, watchlist, published=date(2029, 4, 6))
    assert {
        ("minimax", "market_cap", "2029-03-29", Decimal("542000000000"), "HKD", "eq"),
        ("zhipu", "market_cap", "2029-03-29", Decimal("833000000000"), "HKD", "eq"),
    } <= got
    assert not {f for f in got if f[1] == "market_cap" and f[2] != "2029-03-29"}


def test_a_percent_sign_heading_one_column_is_not_the_tables_unit(watchlist):
    text = OPEN_PIPES.replace("（单位：万亿tokens/日）", "（万亿tokens/日）")
    got = facts(text, watchlist, published=date(2029, 4, 6))
    assert not {f for f in got if f[1] == "daily_token_volume" and f[4] == "%"}
    # the table is still read (its token cells lose their magnitude with 单位 gone, and are flagged as too small)
    assert ("minimax", "market_cap", "2029-03-29", Decimal("542000000000"), "HKD") in got


def test_a_line_with_one_pipe_in_prose_is_no_table(watchlist):
    text = ("r/stocks | posted 2029-04-06\n"
            "MiniMax | the March figure was 88 trillion tokens a day, up from 85 trillion in February\n")
    got = facts(text, watchlist, published=date(2029, 4, 6))
    assert not {f for f in got if f[3] == Decimal("88")}
    # the line is read as prose
    assert ("minimax", "daily_token_volume", "2029-02", Decimal("85000000000000"), "tokens/day") in got


# --- a filing's header of groups, years and units, the units line loosely under the years --------------------------

S = "\u3000"
LOOSE_UNITS = (
    "MiniMax（股份代號：0100）\n自願公告\n截至2029年6月30日止三個月及六個月之未經審核收入\n\n"
    "董事會宣佈，本集團未經審核收入如下：\n\n"
    + S * 9 + "截至6月30日止三個月" + S * 7 + "截至6月30日止六個月\n"
    + S * 9 + "2029年" + S * 2 + "2028年" + S * 2 + "變動" + S * 2 + "2029年" + S * 2 + "2028年" + S * 2 + "變動\n"
    + S * 9 + "美元千元" + S + "美元千元" + S + "%" + S * 3 + "美元千元" + S + "美元千元" + S + "%\n"
    + "收入" + S * 7 + "241,360" + S + " 170,020" + S + " 42.0" + S * 2 + "455,880" + S + " 318,300" + S + " 43.2\n\n"
    "承董事會命\n2029年7月28日\n"
)


def test_a_units_line_of_as_many_cells_pairs_with_the_years_in_order(watchlist):
    got = facts(LOOSE_UNITS, watchlist, published=date(2029, 7, 28))
    assert {
        ("minimax", "revenue", "2029Q2", Decimal("241360000"), "USD"),
        ("minimax", "revenue", "2028Q2", Decimal("170020000"), "USD"),
        ("minimax", "revenue", "2029H1", Decimal("455880000"), "USD"),
        ("minimax", "revenue", "2028H1", Decimal("318300000"), "USD"),
    } <= got
    assert not {f for f in got if f[1] == "revenue" and f[3] == Decimal("318300000") and f[2] != "2028H1"}


def test_a_change_column_under_a_period_group_is_the_groups_latest_period(watchlist):
    got = facts(LOOSE_UNITS, watchlist, published=date(2029, 7, 28))
    assert {
        ("minimax", "revenue_growth", "2029Q2", Decimal("42.0"), "%"),
        ("minimax", "revenue_growth", "2029H1", Decimal("43.2"), "%"),
    } <= got


# --- a press release's table of two quarter-end days under "Three Months Ended", segments over their total ---------

DAYS_TABLE = (
    "MiniMax Reports Second Quarter 2029 Results\n\n"
    "SHANGHAI, August 20, 2029 -- MiniMax today reported unaudited results for the quarter ended June 30, 2029.\n\n"
    "Selected Items\n"
    "(in US$ thousands)\n\n"
    "                              Three Months Ended\n"
    "                              June 30, 2029     March 31, 2029     QoQ\n"
    "Open platform                 131,240           118,930            10.4%\n"
    "Consumer apps                 109,520           101,060            8.4%\n"
    "Total revenues                240,760           219,990            9.4%\n"
    "Research and development      152,300           147,800            3.0%\n\n"
    "Outlook follows below.\n"
)


def test_days_under_three_months_ended_head_two_quarters(watchlist):
    got = facts(DAYS_TABLE, watchlist, published=date(2029, 8, 20))
    assert {
        ("minimax", "revenue", "2029Q2", Decimal("240760000"), "USD"),
        ("minimax", "revenue", "2029Q1", Decimal("219990000"), "USD"),
        ("minimax", "rd_expense", "2029Q2", Decimal("152300000"), "USD"),
        ("minimax", "rd_expense", "2029Q1", Decimal("147800000"), "USD"),
    } <= got
    assert not {f for f in got if f[2] in ("2029H1", "2029Q1-Q3")}


def test_days_under_six_months_ended_head_two_halves(watchlist):
    text = DAYS_TABLE.replace("Three Months Ended", "Six Months Ended").replace("March 31, 2029", "June 30, 2028")
    got = facts(text, watchlist, published=date(2029, 8, 20))
    assert ("minimax", "revenue", "2028H1", Decimal("219990000"), "USD") in got


def test_segment_rows_over_a_total_row_are_its_parts(watchlist):
    got = facts(DAYS_TABLE, watchlist, published=date(2029, 8, 20))
    assert {
        ("minimax", "revenue.cloud", "2029Q2", Decimal("131240000"), "USD"),
        ("minimax", "revenue.cloud", "2029Q1", Decimal("118930000"), "USD"),
        ("minimax", "revenue.consumer", "2029Q2", Decimal("109520000"), "USD"),
    } <= got
    assert not {f for f in got if f[1] == "revenue_growth"}  # the QoQ column, no year-on-year growth


def test_segment_rows_without_a_total_under_them_stay_unread(watchlist):
    text = DAYS_TABLE.replace("Total revenues   ", "Net revenues     ")
    got = facts(text, watchlist, published=date(2029, 8, 20))
    assert not {f for f in got if f[1].startswith("revenue.")}
    assert ("minimax", "revenue", "2029Q2", Decimal("240760000"), "USD") in got  # the net revenues row is read


# --- a broker's figure: actual, estimate, consensus, year-earlier, YoY; sub-rows marked by a dash ------------------

BROKER_FIGURE = (
    "Zhipu (2513 HK): 2Q29 first look\n\n"
    "Northgate Research | China AI | 21 August 2029\n\n"
    "Rating: HOLD | Target price: HK$410 | Market cap (20 August close): HK$620bn\n\n"
    "Figure 2: 2Q29 actual vs. forecasts (RMB m unless stated)\n\n"
    "| | 2Q29A | 2Q29E | Cons. | 2Q28A | YoY | 1Q29A | QoQ |\n"
    "|---|---|---|---|---|---|---|---|\n"
    "| Revenue | 2,140.5 | 2,090.0 | 2,101.2 | 1,402.3 | 52.6% | 1,951.7 | 9.7% |\n"
    "| - Cloud deployment | 1,610.2 | 1,570.0 | n.a. | n.a. | n.a. | 1,462.8 | 10.1% |\n"
    "| - On-premise deployment | 530.3 | 520.0 | n.a. | n.a. | n.a. | 488.9 | 8.5% |\n\n"
    "Source: company data, Northgate estimates\n"
)


def test_a_yoy_column_right_of_the_year_earlier_column_is_the_later_years(watchlist):
    got = facts(BROKER_FIGURE, watchlist, published=date(2029, 8, 21))
    assert ("zhipu", "revenue_growth", "2029Q2", Decimal("52.6"), "%") in got
    assert not {f for f in got if f[1] == "revenue_growth" and f[2] != "2029Q2"}
    assert {
        ("zhipu", "revenue", "2029Q2", Decimal("2140500000"), "CNY"),
        ("zhipu", "revenue", "2028Q2", Decimal("1402300000"), "CNY"),
        ("zhipu", "revenue", "2029Q1", Decimal("1951700000"), "CNY"),
    } <= got
    assert not {f for f in got if f[3] in (Decimal("2090000000"), Decimal("2101200000"))}  # estimate, consensus


def test_rows_marked_by_a_dash_are_the_row_aboves_segments(watchlist):
    got = facts(BROKER_FIGURE, watchlist, published=date(2029, 8, 21))
    assert {
        ("zhipu", "revenue.cloud", "2029Q2", Decimal("1610200000"), "CNY"),
        ("zhipu", "revenue.cloud", "2029Q1", Decimal("1462800000"), "CNY"),
        ("zhipu", "revenue.on_premise", "2029Q2", Decimal("530300000"), "CNY"),
        ("zhipu", "revenue.on_premise", "2029Q1", Decimal("488900000"), "CNY"),
    } <= got


def test_a_target_in_one_field_of_a_piped_line_is_not_the_next_fields(watchlist):
    got = qualified_facts(BROKER_FIGURE, watchlist, published=date(2029, 8, 21))
    assert ("zhipu", "market_cap", "2029-08-20", Decimal("620000000000"), "HKD", "eq") in got


def test_a_target_in_the_same_field_still_drops_the_figure(watchlist):
    text = BROKER_FIGURE.replace("Target price: HK$410 | Market cap", "Target market cap")
    got = facts(text, watchlist, published=date(2029, 8, 21))
    assert not {f for f in got if f[1] == "market_cap"}
    assert ("zhipu", "revenue", "2029Q2", Decimal("2140500000"), "CNY") in got  # the figure table is still read


# --- a post in numbered sections, each headed by the company it is about -------------------------------------------

SECTIONS = (
    "两家二季度数据捋一捋\n\n"
    "某股友　2029-08-25 20:10　来自雪球\n\n"
    "$MiniMax(00100)$ $智谱(02513)$\n\n"
    "一、MiniMax\n\n"
    "1、二季度收入2.41亿美元，同比增长41.9%。\n\n"
    "2、7月日均调用量约90万亿。\n\n"
    "二、智谱\n\n"
    "1、二季度收入21.40亿元，同比增长52.6%，增速比MiniMax快。\n\n"
    "2、7月日均调用量约210万亿。\n\n"
    "三、仓位\n\n"
    "仓位没动。\n"
)


def test_a_numbered_heading_naming_a_company_gives_its_section_the_company(watchlist):
    got = facts(SECTIONS, watchlist, published=date(2029, 8, 25))
    assert {
        ("minimax", "revenue", "2029Q2", Decimal("241000000"), "USD"),
        ("zhipu", "revenue", "2029Q2", Decimal("2140000000"), "CNY"),
        ("zhipu", "revenue_growth", "2029Q2", Decimal("52.6"), "%"),
        ("zhipu", "daily_token_volume", "2029-07", Decimal("210000000000000"), "tokens/day"),
    } <= got
    assert not {f for f in got if f[0] == "minimax" and f[3] in (Decimal("2140000000"), Decimal("210000000000000"))}


def test_a_numbered_heading_naming_no_company_ends_the_section(watchlist):
    text = SECTIONS.replace("仓位没动。", "市值：周五收在5000亿港元左右。")
    got = facts(text, watchlist, published=date(2029, 8, 25))
    assert not {f for f in got if f[0] == "zhipu" and f[1] == "market_cap"}
    assert ("zhipu", "revenue", "2029Q2", Decimal("2140000000"), "CNY") in got  # 二、智谱's own section still is


# --- a sidebar listing companies' market values after a caption giving day and unit --------------------------------

def test_a_sidebar_of_market_values_in_the_plural(watchlist):
    text = ("Conference notes\n\nPosted September 3, 2029\n\nSidebar: the tape\n\n"
            "Closing market values on Friday, August 30, 2029 (HK$ billion): Zhipu 905; MiniMax 611.\n")
    got = facts(text, watchlist, published=date(2029, 9, 3))
    assert {
        ("zhipu", "market_cap", "2029-08-30", Decimal("905000000000"), "HKD"),
        ("minimax", "market_cap", "2029-08-30", Decimal("611000000000"), "HKD"),
    } <= got


def test_a_headlines_bound_on_a_table_figure_is_its_rounding(watchlist):
    text = "3月调用量榜：智谱日均突破200万亿　各家环比均增长\n\n" + OPEN_PIPES.split("\n\n", 1)[1]
    got = qualified_facts(text, watchlist, published=date(2029, 4, 6))
    assert ("zhipu", "daily_token_volume", "2029-03", Decimal("205000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[5] == "gt"}


def test_a_bound_far_from_the_table_figure_stays(watchlist):
    text = "3月调用量榜：智谱日均突破100万亿　各家环比均增长\n\n" + OPEN_PIPES.split("\n\n", 1)[1]
    got = qualified_facts(text, watchlist, published=date(2029, 4, 6))
    assert ("zhipu", "daily_token_volume", "2029-03", Decimal("100000000000000"), "tokens/day", "gt") in got
