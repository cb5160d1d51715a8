"""How comparison features and filings lay out tables the extractor had not seen: rules found on tests/blind16,
pinned on tables of our own.

Each test uses other companies, figures and wording than the article that showed the rule: a table whose period is
written once, in the cell over the row labels, with one column per company; a statement whose unit is given in a
caption the reader did not know ("以人民幣千元列示", "in thousands of US$"); and a statement whose period groups are
headed over two lines ("Three Months Ended" over "September 30,").
"""

from datetime import date
from decimal import Decimal

from pipeline.extract.tables import find_tables
from tests.extract.conftest import unqualified_facts as facts

# --- the period written once, in the cell over the row labels ------------------------------------------------------

CORNER_ZH = (
    "两家公司上半年业绩对比如下：\n\n"
    "指标（2027年上半年）      智谱             月之暗面\n"
    "营业收入                  11.52亿元        3.86亿美元\n"
    "毛利率                    49.8%            40.2%\n"
    "研发开支                  24.60亿元        2.31亿美元\n"
    "第二季度收入              6.37亿元         2.05亿美元\n"
)

CORNER_EN = (
    "Nine-month figures at a glance\n\n"
    "Item (9M27)            Zhipu              MiniMax\n"
    "Revenue                RMB1,866m          US$210.3m\n"
    "Adjusted net loss      RMB4,590m          US$148.6m\n"
)


def test_a_period_in_the_corner_cell_dates_every_column_of_companies(watchlist):
    got = facts(CORNER_ZH, watchlist, published=date(2027, 8, 30))
    assert {
        ("zhipu", "revenue", "2027H1", Decimal("1152000000"), "CNY"),
        ("moonshot", "revenue", "2027H1", Decimal("386000000"), "USD"),
        ("zhipu", "gross_margin", "2027H1", Decimal("49.8"), "%"),
        ("moonshot", "gross_margin", "2027H1", Decimal("40.2"), "%"),
        ("zhipu", "rd_expense", "2027H1", Decimal("2460000000"), "CNY"),
        ("moonshot", "rd_expense", "2027H1", Decimal("231000000"), "USD"),
    } <= got


def test_a_row_naming_its_own_period_keeps_it_under_a_dated_corner(watchlist):
    got = facts(CORNER_ZH, watchlist, published=date(2027, 8, 30))
    assert ("zhipu", "revenue", "2027Q2", Decimal("637000000"), "CNY") in got
    assert not any(v == Decimal("637000000") and p == "2027H1" for _, _, p, v, _ in got)


def test_an_english_corner_period_dates_the_columns(watchlist):
    got = facts(CORNER_EN, watchlist, published=date(2027, 11, 28))
    assert {
        ("zhipu", "revenue", "2027Q1-Q3", Decimal("1866000000"), "CNY"),
        ("minimax", "revenue", "2027Q1-Q3", Decimal("210300000"), "USD"),
        ("zhipu", "adjusted_net_loss", "2027Q1-Q3", Decimal("4590000000"), "CNY"),
        ("minimax", "adjusted_net_loss", "2027Q1-Q3", Decimal("148600000"), "USD"),
    } <= got


# --- a unit given as "以…列示" or "in thousands of US$" ------------------------------------------------------------

LISTED_ZHT = (
    "智譜 截至2027年6月30日止六個月之中期業績公告\n\n"
    "簡明綜合損益表\n"
    "（除另有說明外，以人民幣百萬元列示）\n\n"
    "                         截至6月30日止六個月\n"
    "                         2027年         2026年\n"
    "收入                     1,152.0          640.5\n"
    "研發開支                (2,460.3)      (1,702.8)\n"
    "期內虧損                (3,311.6)      (2,248.9)\n"
)

LISTED_ZH_USD = (
    "MiniMax 2026年度未经审核业绩\n\n"
    "（以千美元列示，百分比除外）\n\n"
    "                    2026年         2025年\n"
    "收入                298,410        79,040\n"
    "毛利率              37.6%          23.3%\n"
)

THOUSANDS_OF = (
    "Zhipu AI Announces Fiscal Year 2026 Results\n\n"
    "Summary of results\n"
    "(in thousands of RMB, except for percentages)\n\n"
    "                                       2026           2025\n"
    "Revenue                            1,742,300        724,600\n"
    "Research and development expenses   (3,402,900)   (2,195,300)\n"
)


def test_a_unit_listed_as_yi_renminbi_baiwanyuan_lie_shi(watchlist):
    got = facts(LISTED_ZHT, watchlist, published=date(2027, 8, 28))
    assert {
        ("zhipu", "revenue", "2027H1", Decimal("1152000000"), "CNY"),
        ("zhipu", "rd_expense", "2026H1", Decimal("1702800000"), "CNY"),
        ("zhipu", "net_loss", "2027H1", Decimal("3311600000"), "CNY"),
    } <= got


def test_a_unit_listed_in_thousands_of_dollars(watchlist):
    got = facts(LISTED_ZH_USD, watchlist, published=date(2027, 3, 2))
    assert {
        ("minimax", "revenue", "FY2026", Decimal("298410000"), "USD"),
        ("minimax", "revenue", "FY2025", Decimal("79040000"), "USD"),
    } <= got


def test_a_caption_in_thousands_of_a_currency(watchlist):
    got = facts(THOUSANDS_OF, watchlist, published=date(2027, 3, 25))
    assert {
        ("zhipu", "revenue", "FY2026", Decimal("1742300000"), "CNY"),
        ("zhipu", "rd_expense", "FY2025", Decimal("2195300000"), "CNY"),
    } <= got


# --- period groups headed over two lines, the day under the months -------------------------------------------------

WRAPPED_GROUPS = (
    "MiniMax Reports Third Quarter 2027 Unaudited Financial Results\n\n"
    "Condensed Consolidated Statements of Operations\n"
    "(in thousands of US$, except for percentages)\n\n"
    "                                  Three Months Ended        Nine Months Ended\n"
    "                                  September 30,             September 30,\n"
    "                                  2026         2027         2026         2027\n"
    "Revenues                          52,410       86,930       131,200      210,300\n"
    "Gross margin                      24.1%        36.8%        22.9%        35.2%\n"
    "Net loss                         (71,900)     (64,200)     (215,600)    (198,400)\n"
)

DAY_FIRST_GROUPS = (
    "Zhipu AI interim results\n\n"
    "Summary statement of profit or loss (RMB'000)\n\n"
    "                            Six months ended         Year ended\n"
    "                            30 June                  31 December\n"
    "                            2027        2026         2026        2025\n"
    "Revenue                     1,152,040   640,520      1,742,300   724,600\n"
    "Gross margin                49.8%       44.1%        46.0%       41.5%\n"
)


def test_a_group_heading_wrapped_over_two_lines_heads_its_years():
    (table,) = [t for t in find_tables(WRAPPED_GROUPS) if len(t.rows) > 2]
    groups = [WRAPPED_GROUPS[c.over.start:c.over.end] for c in table.rows[0]]
    assert groups == ["Three Months Ended", "Three Months Ended", "Nine Months Ended", "Nine Months Ended"]


def test_each_year_takes_the_months_of_its_wrapped_group(watchlist):
    got = facts(WRAPPED_GROUPS, watchlist, published=date(2027, 11, 20))
    assert {
        ("minimax", "revenue", "2027Q3", Decimal("86930000"), "USD"),
        ("minimax", "revenue", "2026Q3", Decimal("52410000"), "USD"),
        ("minimax", "revenue", "2027Q1-Q3", Decimal("210300000"), "USD"),
        ("minimax", "gross_margin", "2026Q3", Decimal("24.1"), "%"),
        ("minimax", "gross_margin", "2027Q1-Q3", Decimal("35.2"), "%"),
        ("minimax", "net_loss", "2027Q3", Decimal("64200000"), "USD"),
        ("minimax", "net_loss", "2026Q1-Q3", Decimal("215600000"), "USD"),
    } <= got
    assert not any(p.startswith("FY") for _, _, p, _, _ in got)


def test_a_day_written_before_its_month_under_the_group(watchlist):
    got = facts(DAY_FIRST_GROUPS, watchlist, published=date(2027, 8, 28))
    assert {
        ("zhipu", "revenue", "2027H1", Decimal("1152040000"), "CNY"),
        ("zhipu", "revenue", "FY2025", Decimal("724600000"), "CNY"),
        ("zhipu", "gross_margin", "2026H1", Decimal("44.1"), "%"),
        ("zhipu", "gross_margin", "FY2026", Decimal("46.0"), "%"),
    } <= got


# --- a currency sign written in a cell of its own ------------------------------------------------------------------

SIGN_CELLS = (
    "Moonshot AI Reports Second Quarter 2027 Results\n\n"
    "Condensed statements of operations (in thousands, except percentages)\n\n"
    "                              Three Months Ended          Six Months Ended\n"
    "                              June 30,                    June 30,\n"
    "                              2026          2027          2026          2027\n"
    "Revenues                  $   61,250    $   98,440    $   110,800   $   183,900\n"
    "Gross margin                  31.2%         37.9%         30.4%         36.5%\n"
    "Net loss                  $  (72,300)   $  (70,150)   $  (141,600)  $  (137,200)\n"
)

RMB_CELLS = (
    "Zhipu AI: selected annual figures (in thousands)\n\n"
    "                              2027                2026\n"
    "Revenue                 RMB   2,830,100     RMB   1,742,300\n"
    "Adjusted net loss       RMB  (6,279,960)    RMB  (4,410,500)\n"
)


def test_a_dollar_sign_in_its_own_cell_shifts_no_column(watchlist):
    got = facts(SIGN_CELLS, watchlist, published=date(2027, 8, 20))
    assert {
        ("moonshot", "revenue", "2026Q2", Decimal("61250000"), "USD"),
        ("moonshot", "revenue", "2027H1", Decimal("183900000"), "USD"),
        ("moonshot", "gross_margin", "2027Q2", Decimal("37.9"), "%"),
        ("moonshot", "gross_margin", "2026H1", Decimal("30.4"), "%"),
        ("moonshot", "net_loss", "2027Q2", Decimal("70150000"), "USD"),
        ("moonshot", "net_loss", "2026H1", Decimal("141600000"), "USD"),
    } <= got


def test_a_currency_word_in_its_own_cell_gives_the_figure_its_currency(watchlist):
    got = facts(RMB_CELLS, watchlist, published=date(2028, 3, 30))
    assert {
        ("zhipu", "revenue", "FY2027", Decimal("2830100000"), "CNY"),
        ("zhipu", "revenue", "FY2026", Decimal("1742300000"), "CNY"),
        ("zhipu", "adjusted_net_loss", "FY2026", Decimal("4410500000"), "CNY"),
    } <= got


def test_a_currency_sign_over_the_labels_leaves_the_years_apart():
    text = "Moonshot AI, selected data\n\nUS$          2028          2027\nARR       2,460.0       1,180.0\n"
    (table,) = find_tables(text)
    assert [text[c.start:c.end] for c in table.rows[0]] == ["US$", "2028", "2027"]


def test_a_market_value_under_a_dated_corner_takes_no_year(watchlist):
    text = (
        "两家公司2027年数据对比：\n\n"
        "项目（2027年度）      智谱             MiniMax\n"
        "收入                  28.30亿元        2.999亿美元\n"
        "总市值                3,120亿港元      1,980亿港元\n"
    )
    got = facts(text, watchlist, published=date(2028, 4, 2))
    assert ("zhipu", "revenue", "FY2027", Decimal("2830000000"), "CNY") in got
    assert not any(m == "market_cap" and p == "FY2027" for _, m, p, _, _ in got)


# --- prose restating a table's figure with a written zero ----------------------------------------------------------

RESTATED_WITH_ZERO = (
    "MiniMax 2026年度未经审核业绩\n\n"
    "（以千美元列示，百分比除外）\n\n"
    "                    2026年         2025年\n"
    "收入                298,410        79,040\n"
    "毛利率              37.64%         23.3%\n\n"
    "管理层讨论：2026年收入为2.980亿美元，毛利率约为37.6%。\n"
)


def test_an_amount_restated_with_a_written_zero_is_the_tables(watchlist):
    """"2.980亿美元" is 298,000,000 once its written zero goes (three digits): the table's 298,410 thousand rounded,
    not a second revenue. A three-digit rate is not matched by rounding: 37.6% stays beside the table's 37.64%."""
    got = facts(RESTATED_WITH_ZERO, watchlist, published=date(2027, 3, 2))
    revenues = {f for f in got if f[1] == "revenue" and f[2] == "FY2026"}
    assert revenues == {("minimax", "revenue", "FY2026", Decimal("298410000"), "USD")}
    assert ("minimax", "gross_margin", "FY2026", Decimal("37.6"), "%") in got
