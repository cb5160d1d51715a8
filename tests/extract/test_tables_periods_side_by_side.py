"""Results tables with period groups side by side: a quarter and the year to date (or the year), each over two years.

Quarterly filings and releases (an HKEX third-quarter announcement, a 10-Q style release, a 三季报) print their
statement of profit or loss with column groups: "Three months ended 30 September" over "2028   2027" beside "Nine
months ended 30 September" over "2028   2027" (截至9月30日止三個月 / 九個月 over 2028年 / 2027年), sometimes with a change
column in each group; an annual release does the same with "Three months ended 31 December" / "Year ended 31
December". Every figure column takes its group's months in its year; a change column gives no amount. The tables
here are our own: other companies, figures, row labels and captions than the article that showed the layout.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import unqualified_facts as facts

# --- HKEX, Traditional Chinese: 截至…止三個月 / 九個月 over 2028年 / 2027年, RMB'000 in the caption -----

HKEX_ZHT = (
    "月之暗面科技有限公司\n"
    "截至2028年9月30日止九個月之未經審核業績公告\n\n"
    "簡明綜合損益表\n"
    "（人民幣千元，括號內數字為虧損）\n\n"
    "                          截至9月30日止三個月          截至9月30日止九個月\n"
    "                          2028年        2027年          2028年        2027年\n"
    "營業收入                  3,204,500     1,640,700       8,012,300     3,877,900\n"
    "  －API                   1,468,200       702,300       3,561,900     1,622,400\n"
    "  －訂閱                  1,736,300       938,400       4,450,400     2,255,500\n"
    "研發開支                 (1,893,100)   (1,210,600)     (5,004,800)   (3,260,300)\n"
    "期內虧損                 (2,148,900)   (1,776,200)     (5,987,400)   (4,853,000)\n"
)


def test_a_chinese_filing_dates_each_year_column_by_its_group(watchlist):
    got = facts(HKEX_ZHT, watchlist, published=date(2028, 11, 27))
    assert {
        ("moonshot", "revenue", "2028Q3", Decimal("3204500000"), "CNY"),
        ("moonshot", "revenue", "2027Q3", Decimal("1640700000"), "CNY"),
        ("moonshot", "revenue", "2028Q1-Q3", Decimal("8012300000"), "CNY"),
        ("moonshot", "revenue", "2027Q1-Q3", Decimal("3877900000"), "CNY"),
        ("moonshot", "revenue.cloud", "2028Q3", Decimal("1468200000"), "CNY"),
        ("moonshot", "revenue.cloud", "2027Q1-Q3", Decimal("1622400000"), "CNY"),
        ("moonshot", "rd_expense", "2028Q3", Decimal("1893100000"), "CNY"),
        ("moonshot", "rd_expense", "2027Q1-Q3", Decimal("3260300000"), "CNY"),
        ("moonshot", "net_loss", "2028Q3", Decimal("2148900000"), "CNY"),
        ("moonshot", "net_loss", "2027Q3", Decimal("1776200000"), "CNY"),
        ("moonshot", "net_loss", "2028Q1-Q3", Decimal("5987400000"), "CNY"),
        ("moonshot", "net_loss", "2027Q1-Q3", Decimal("4853000000"), "CNY"),
    } <= got
    assert not any(p.startswith("FY") for _, _, p, _, _ in got)
    assert not any(v < 0 for _, _, _, v, _ in got)  # a bracketed expense is an expense, not a negative one


# --- the same in Simplified Chinese, with a 变动 column in each group ---------------------------------

SANJIBAO_CHANGE = (
    "稀宇科技2028年第三季度业绩摘要\n"
    "单位：人民币千元\n\n"
    "                  截至9月30日止三个月                 截至9月30日止九个月\n"
    "                  2028年      2027年      变动          2028年      2027年      变动\n"
    "收入              918,400     577,900     58.9%        2,411,300   1,506,800   60.0%\n"
    "经调整净亏损     (240,100)   (341,700)   -29.7%       (783,500)   (1,073,000)  -27.0%\n"
)


def test_a_change_column_in_each_group_gives_no_amount(watchlist):
    got = facts(SANJIBAO_CHANGE, watchlist, published=date(2028, 11, 18))
    assert {
        ("minimax", "revenue", "2028Q3", Decimal("918400000"), "CNY"),
        ("minimax", "revenue", "2027Q3", Decimal("577900000"), "CNY"),
        ("minimax", "revenue", "2028Q1-Q3", Decimal("2411300000"), "CNY"),
        ("minimax", "revenue", "2027Q1-Q3", Decimal("1506800000"), "CNY"),
        ("minimax", "adjusted_net_loss", "2028Q3", Decimal("240100000"), "CNY"),
        ("minimax", "adjusted_net_loss", "2027Q1-Q3", Decimal("1073000000"), "CNY"),
    } <= got
    assert not any(v in (Decimal("58.9"), Decimal("60.0"), Decimal("29.7"), Decimal("-29.7")) and m != "revenue_growth"
                   for _, m, _, v, _ in got)
    assert not any(p.startswith("FY") for _, _, p, _, _ in got)


# --- SEC style: "Three Months Ended September 30," over years and a "% Change" column ----------------

SEC_STYLE = (
    "OpenRouter, Inc.\n"
    "Condensed Consolidated Statements of Operations\n"
    "(in thousands, unaudited)\n\n"
    "                       Three Months Ended September 30,        Nine Months Ended September 30,\n"
    "                       2028        2027       % Change         2028        2027       % Change\n"
    "Revenue                $84,200     $41,600    102%             $219,500    $103,800   111%\n"
    "R&D expenses           (26,300)    (15,100)   74%              (70,900)    (40,200)   76%\n"
    "Net loss               (12,400)    (19,800)   (37)%            (41,700)    (55,300)   (25)%\n"
)


def test_an_sec_style_statement_with_change_columns(watchlist):
    got = facts(SEC_STYLE, watchlist, published=date(2028, 11, 10))
    assert {
        ("openrouter", "revenue", "2028Q3", Decimal("84200000"), "USD"),
        ("openrouter", "revenue", "2027Q3", Decimal("41600000"), "USD"),
        ("openrouter", "revenue", "2028Q1-Q3", Decimal("219500000"), "USD"),
        ("openrouter", "revenue", "2027Q1-Q3", Decimal("103800000"), "USD"),
        ("openrouter", "rd_expense", "2027Q3", Decimal("15100000"), "USD"),
        ("openrouter", "net_loss", "2028Q1-Q3", Decimal("41700000"), "USD"),
    } <= got
    assert not any(m in ("revenue", "rd_expense", "net_loss") and v < 1000 for _, m, _, v, _ in got)


# --- an annual release: the fourth quarter beside the year ---------------------------------------------

ANNUAL = (
    "DeepSeek annual results announcement\n"
    "(US$ millions)\n\n"
    "                      Three months ended 31 December     Year ended 31 December\n"
    "                        2028         2027                2028         2027\n"
    "Revenue                 412.6        250.3               1,391.8      802.5\n"
    "Adjusted net loss       (38.2)       (61.9)              (170.4)      (233.6)\n"
)


def test_an_annual_release_dates_its_quarter_and_its_year(watchlist):
    got = facts(ANNUAL, watchlist, published=date(2029, 3, 20))
    assert {
        ("deepseek", "revenue", "2028Q4", Decimal("412600000"), "USD"),
        ("deepseek", "revenue", "2027Q4", Decimal("250300000"), "USD"),
        ("deepseek", "revenue", "FY2028", Decimal("1391800000"), "USD"),
        ("deepseek", "revenue", "FY2027", Decimal("802500000"), "USD"),
        ("deepseek", "adjusted_net_loss", "2028Q4", Decimal("38200000"), "USD"),
        ("deepseek", "adjusted_net_loss", "FY2027", Decimal("233600000"), "USD"),
    } <= got


# --- markdown: merged group cells over years, and quarter codes in one cell ----------------------------

MARKDOWN_GROUPS = (
    "智谱2028年第三季度业绩（单位：人民币百万元）\n\n"
    "| 项目 | 截至9月30日止三个月 | | 截至9月30日止九个月 | |\n"
    "|---|---|---|---|---|\n"
    "| | 2028年 | 2027年 | 2028年 | 2027年 |\n"
    "| 营业收入 | 1,402.7 | 811.2 | 3,388.9 | 1,930.4 |\n"
    "| 研发开支 | (1,802.5) | (1,455.0) | (5,116.2) | (4,020.8) |\n"
)


def test_a_markdown_header_of_merged_groups_over_years(watchlist):
    got = facts(MARKDOWN_GROUPS, watchlist, published=date(2028, 11, 22))
    assert {
        ("zhipu", "revenue", "2028Q3", Decimal("1402700000"), "CNY"),
        ("zhipu", "revenue", "2027Q3", Decimal("811200000"), "CNY"),
        ("zhipu", "revenue", "2028Q1-Q3", Decimal("3388900000"), "CNY"),
        ("zhipu", "revenue", "2027Q1-Q3", Decimal("1930400000"), "CNY"),
        ("zhipu", "rd_expense", "2028Q3", Decimal("1802500000"), "CNY"),
        ("zhipu", "rd_expense", "2027Q1-Q3", Decimal("4020800000"), "CNY"),
    } <= got


# --- the unit over the labels, beside the groups; a line of review notes under the years ------------

UNIT_BESIDE_GROUPS = (
    "稀宇極智有限公司\n"
    "截至2028年9月30日止九個月業績\n\n"
    "人民幣千元            截至9月30日止三個月          截至9月30日止九個月\n"
    "                     2028年        2027年         2028年        2027年\n"
    "                   （未經審核）  （未經審核）  （未經審核）  （未經審核）\n"
    "收入                  918,400       577,900      2,411,300     1,506,800\n"
    "經調整虧損淨額       (240,100)     (341,700)      (783,500)   (1,073,000)\n"
)


def test_a_unit_written_beside_the_groups_heads_them_all(watchlist):
    got = facts(UNIT_BESIDE_GROUPS, watchlist, published=date(2028, 11, 25))
    assert {
        ("minimax", "revenue", "2028Q3", Decimal("918400000"), "CNY"),
        ("minimax", "revenue", "2027Q3", Decimal("577900000"), "CNY"),
        ("minimax", "revenue", "2028Q1-Q3", Decimal("2411300000"), "CNY"),
        ("minimax", "revenue", "2027Q1-Q3", Decimal("1506800000"), "CNY"),
        ("minimax", "adjusted_net_loss", "2028Q3", Decimal("240100000"), "CNY"),
        ("minimax", "adjusted_net_loss", "2027Q1-Q3", Decimal("1073000000"), "CNY"),
    } <= got


# --- group headings naming the period alone (第三季度 / 前三季度), centred over wider columns ------------

QUARTER_GROUPS = (
    "深度求索2028年第三季度主要财务数据\n"
    "单位：人民币万元\n\n"
    "                第三季度                      前三季度\n"
    "            2028年       2027年         2028年        2027年\n"
    "营业收入    52,310       30,120         138,900       79,640\n"
    "研发费用    41,020       33,870         119,300       95,210\n"
)


def test_a_group_heading_naming_a_quarter_dates_the_years_under_it(watchlist):
    got = facts(QUARTER_GROUPS, watchlist, published=date(2028, 10, 30))
    assert {
        ("deepseek", "revenue", "2028Q3", Decimal("523100000"), "CNY"),
        ("deepseek", "revenue", "2027Q3", Decimal("301200000"), "CNY"),
        ("deepseek", "revenue", "2028Q1-Q3", Decimal("1389000000"), "CNY"),
        ("deepseek", "revenue", "2027Q1-Q3", Decimal("796400000"), "CNY"),
        ("deepseek", "rd_expense", "2028Q3", Decimal("410200000"), "CNY"),
        ("deepseek", "rd_expense", "2027Q1-Q3", Decimal("952100000"), "CNY"),
    } <= got
    assert not any(p.startswith("FY") for _, _, p, _, _ in got)


# --- the unit on the line of years, over the labels; "Quarter Ended" -----------------------------------

UNIT_BESIDE_YEARS = (
    "Moonshot AI Holdings Limited\n"
    "Results for the three and nine months ended 30 September 2028\n\n"
    "                       Quarter ended 30 September     Nine months ended 30 September\n"
    "RMB'000                   2028          2027             2028          2027\n"
    "Revenue                 3,204,500     1,640,700        8,012,300     3,877,900\n"
    "Loss for the period    (2,148,900)   (1,776,200)      (5,987,400)   (4,853,000)\n"
)


def test_a_unit_on_the_line_of_years_and_a_quarter_ended_group(watchlist):
    got = facts(UNIT_BESIDE_YEARS, watchlist, published=date(2028, 11, 27))
    assert {
        ("moonshot", "revenue", "2028Q3", Decimal("3204500000"), "CNY"),
        ("moonshot", "revenue", "2027Q3", Decimal("1640700000"), "CNY"),
        ("moonshot", "revenue", "2028Q1-Q3", Decimal("8012300000"), "CNY"),
        ("moonshot", "revenue", "2027Q1-Q3", Decimal("3877900000"), "CNY"),
        ("moonshot", "net_loss", "2028Q3", Decimal("2148900000"), "CNY"),
        ("moonshot", "net_loss", "2027Q1-Q3", Decimal("4853000000"), "CNY"),
    } <= got


# --- two groups named over a header that does not line up with them: no year column is dated -----------

TABBED_GROUPS = (
    "Zhipu AI quarterly results (RMB'000)\n"
    "\tThree months ended 30 September\t\tNine months ended 30 September\n"
    "\t2028\t2027\t2028\t2027\n"
    "Revenue\t1,402,700\t811,200\t3,388,900\t1,930,400\n"
)


def test_years_under_two_groups_they_do_not_line_up_with_get_neither(watchlist):
    got = facts(TABBED_GROUPS, watchlist, published=date(2028, 11, 22))
    assert not any(v in (Decimal("811200000"), Decimal("3388900000")) and p.endswith("Q3") for _, _, p, v, _ in got)


# --- markdown: a page repeats the group over each of its columns instead of merging them ---------------

REPEATED_GROUPS = (
    "月之暗面三季度业绩一览（单位：百万美元）\n\n"
    "| 项目 | 截至9月30日止三个月 | 截至9月30日止三个月 | 截至9月30日止九个月 | 截至9月30日止九个月 |\n"
    "|---|---|---|---|---|\n"
    "| | 2028年 | 2027年 | 2028年 | 2027年 |\n"
    "| 收入 | 452.1 | 231.7 | 1,122.4 | 540.3 |\n"
    "| 经调整净亏损 | (171.9) | (160.2) | (519.8) | (488.0) |\n"
)


def test_a_group_repeated_over_its_columns_dates_the_years_under_it(watchlist):
    got = facts(REPEATED_GROUPS, watchlist, published=date(2028, 11, 29))
    assert {
        ("moonshot", "revenue", "2028Q3", Decimal("452100000"), "USD"),
        ("moonshot", "revenue", "2027Q3", Decimal("231700000"), "USD"),
        ("moonshot", "revenue", "2028Q1-Q3", Decimal("1122400000"), "USD"),
        ("moonshot", "revenue", "2027Q1-Q3", Decimal("540300000"), "USD"),
        ("moonshot", "adjusted_net_loss", "2028Q3", Decimal("171900000"), "USD"),
        ("moonshot", "adjusted_net_loss", "2027Q1-Q3", Decimal("488000000"), "USD"),
    } <= got
    assert not any(v == Decimal("452100000") and p != "2028Q3" for _, _, p, v, _ in got)


# --- markdown 三季报: the unit over the labels, a 增减变动幅度（%） column in each group ---------------------

CHANGE_PER_GROUP = (
    "深度求索2028年第三季度主要数据\n\n"
    "| 项目 | 第三季度 | | | 前三季度 | | |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 人民币千元 | 2028年 | 2027年 | 增减变动幅度（%） | 2028年 | 2027年 | 增减变动幅度（%） |\n"
    "| 营业收入 | 523,100 | 301,200 | 73.7 | 1,389,000 | 796,400 | 74.4 |\n"
    "| 研发费用 | 410,200 | 338,700 | 21.1 | 1,193,000 | 952,100 | 25.3 |\n"
)


def test_a_change_column_under_a_group_is_the_change_of_its_latest_year(watchlist):
    got = facts(CHANGE_PER_GROUP, watchlist, published=date(2028, 10, 25))
    assert {
        ("deepseek", "revenue", "2028Q3", Decimal("523100000"), "CNY"),
        ("deepseek", "revenue", "2027Q1-Q3", Decimal("796400000"), "CNY"),
        ("deepseek", "revenue_growth", "2028Q3", Decimal("73.7"), "%"),
        ("deepseek", "revenue_growth", "2028Q1-Q3", Decimal("74.4"), "%"),
        ("deepseek", "rd_expense", "2028Q3", Decimal("410200000"), "CNY"),
        ("deepseek", "rd_expense", "2027Q1-Q3", Decimal("952100000"), "CNY"),
    } <= got
    assert not any(v in (Decimal("21.1"), Decimal("25.3")) for _, _, _, v, _ in got)
