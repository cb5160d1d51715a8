"""How the press lays out tables the extractor had not seen: rules found on tests/blind8, pinned on tables of our own.

Each test uses other companies, figures and wording than the article that showed the rule: a plain-text table
whose segment rows leave the change columns blank, a header of two period groups each followed by its own "YoY"
column, a growth row dated by the row above it, and company names written against the year in a header
("DeepSeek2024年").
"""

from datetime import date
from decimal import Decimal

from pipeline.extract import extract_facts
from pipeline.extract.tables import find_tables
from tests.extract.conftest import unqualified_facts as facts

# --- rows that leave a cell blank ----------------------------------------------------------------

RELEASE = (
    "Moonshot AI Reports First Half 2026 Results\n\n"
    "Key figures\n(US$ thousands, except percentages)\n\n"
    "                          1H 2026     1H 2025      YoY     FY 2025\n"
    "Total revenue              96,400      41,800    130.6%     102,300\n"
    "  Consumer subscriptions   60,100      30,900                67,000\n"
    "  Open platform            36,300      10,900                35,300\n"
    "Gross margin                38.5%       29.0%                 33.1%\n"
    "Net loss                 (151,000)   (122,600)             (250,400)\n"
)


def test_a_row_leaving_the_change_column_blank_keeps_its_cells_under_their_columns(watchlist):
    got = facts(RELEASE, watchlist, published=date(2026, 8, 20))
    assert {
        ("moonshot", "revenue.consumer", "2025H1", Decimal("30900000"), "USD"),
        ("moonshot", "revenue.consumer", "FY2025", Decimal("67000000"), "USD"),
        ("moonshot", "revenue.cloud", "2026H1", Decimal("36300000"), "USD"),
        ("moonshot", "gross_margin", "FY2025", Decimal("33.1"), "%"),
        ("moonshot", "net_loss", "2025H1", Decimal("122600000"), "USD"),
        ("moonshot", "net_loss", "FY2025", Decimal("250400000"), "USD"),
    } <= got
    assert ("moonshot", "revenue_growth", "2026H1", Decimal("130.6"), "%") in got
    assert not any(v == Decimal("33.1") and p != "FY2025" for _, _, p, v, _ in got)


def test_the_blank_cells_are_read_as_one_table(watchlist):
    (table,) = find_tables(RELEASE)
    assert len(table.rows) == 6
    assert all(len(row) == 5 for row in table.rows[1:])


def test_a_row_straddling_two_columns_ends_the_table(watchlist):
    text = ("| 项目 | 2025年 | 2024年 |\n|---|---|---|\n| 收入 | 1 | 2 |\n\n"
            "                 2025年      2024年      同比\n"
            "营业收入（亿元）   4.12        1.95      111.3%\n"
            "注：数据未经审计，  最终以年报为准\n")
    tables = find_tables(text)
    assert len(tables[-1].rows) == 2  # the note's cells do not line up under the columns: no row of the table
    tabbed = ("\t2025\t2024\tYoY\nRevenue\t41.2\t19.5\t111.3%\n"
              "  Cloud\t12.0\t\t\n")  # columns cut by tabs: no positions to line a short row up by
    assert len(find_tables(tabbed)[0].rows) == 2


# --- a change column for each group of periods ---------------------------------------------------


def test_each_change_column_is_about_the_latest_period_just_left_of_it(watchlist):
    text = ("DeepSeek: selected data (CNY million)\n\n"
            "                Q2 2026    Q2 2025    YoY     1H 2026    1H 2025    YoY\n"
            "Revenue           310.0      120.0   158.3%     560.0      230.0   143.5%\n")
    got = facts(text, watchlist, published=date(2026, 8, 30))
    assert ("deepseek", "revenue_growth", "2026Q2", Decimal("158.3"), "%") in got
    assert ("deepseek", "revenue_growth", "2026H1", Decimal("143.5"), "%") in got
    assert not any(m == "revenue_growth" and p == "2026Q2" and v == Decimal("143.5") for _, m, p, v, _ in got)


# --- a growth row under a row naming its period --------------------------------------------------


def test_a_growth_row_takes_the_period_of_the_row_above_it(watchlist):
    text = ("Peer snapshot (figures as reported; market values at the close on 30 June 2026):\n\n"
            "                      DeepSeek        Moonshot AI\n"
            "Revenue, FY25         US$210.0m       US$96.5m\n"
            "  change y/y          +88.4%          +305.0%\n"
            "Gross margin, FY25    61.2%           35.7%\n")
    got = facts(text, watchlist, published=date(2026, 7, 15))
    assert ("deepseek", "revenue_growth", "FY2025", Decimal("88.4"), "%") in got
    assert ("moonshot", "revenue_growth", "FY2025", Decimal("305.0"), "%") in got
    assert not any(m == "revenue_growth" and p != "FY2025" for _, m, p, _, _ in got)


def test_a_growth_row_under_a_row_of_another_period_is_not_dated_by_it(watchlist):
    text = ("Zhipu key figures\n\n"
            "                      Zhipu\n"
            "Gross margin, FY25    47.5%\n"
            "  change y/y          +136.2%\n")
    got = facts(text, watchlist, published=date(2026, 5, 1))
    assert not any(m == "revenue_growth" for _, m, _, _, _ in got)  # not the change of a gross margin


# --- a company name written against the year -----------------------------------------------------


def test_a_header_gluing_a_latin_name_to_the_year_gives_the_column_to_that_company(watchlist):
    text = ("DeepSeek与智谱的规模差距仍然明显。下表为两家公司的主要数据：\n\n"
            "指标          DeepSeek2024年    DeepSeek2025年    智谱2025年\n"
            "营业收入      6.1亿元           9.8亿元           7.38亿元\n"
            "毛利率        58.0%             61.5%             47.5%\n")
    got = facts(text, watchlist, published=date(2026, 4, 10))
    assert {
        ("deepseek", "revenue", "FY2024", Decimal("610000000"), "CNY"),
        ("deepseek", "revenue", "FY2025", Decimal("980000000"), "CNY"),
        ("deepseek", "gross_margin", "FY2025", Decimal("61.5"), "%"),
        ("zhipu", "revenue", "FY2025", Decimal("738000000"), "CNY"),
    } <= got
    assert not any(c == "zhipu" and v in (Decimal("610000000"), Decimal("61.5")) for c, _, _, v, _ in got)


def test_a_glued_word_the_article_does_not_name_as_a_company_gives_no_column(watchlist):
    text = ("月之暗面近两年主要数据如下：\n\n"
            "指标          FY2024     FY2025\n"
            "营业收入      2.1亿元    4.6亿元\n")
    got = facts(text, watchlist, published=date(2026, 4, 10))
    assert ("moonshot", "revenue", "FY2025", Decimal("460000000"), "CNY") in got


# --- a cell reads its number as a sentence does --------------------------------------------------


def test_a_cell_with_duo_or_yu_after_its_figure_is_a_lower_bound_as_in_a_sentence(watchlist):
    table = ("月之暗面主要数据\n\n"
             "| 指标 | 2025年 |\n|---|---|\n| 营业收入 | 30多亿元 |\n| 研发开支 | 1200余万美元 |\n")
    got = {(f.metric, f.value, f.qualifier) for f in extract_facts(table, watchlist, published=date(2026, 4, 1))}
    assert got == {("revenue", Decimal("3000000000"), "gt"), ("rd_expense", Decimal("12000000"), "gt")}
    prose = "月之暗面2025年营业收入30多亿元。"
    assert {(f.metric, f.value, f.qualifier) for f in extract_facts(prose, watchlist, published=date(2026, 4, 1))} == {
        ("revenue", Decimal("3000000000"), "gt")}


def test_a_blank_markdown_cell_keeps_the_cells_after_it_under_their_columns(watchlist):
    text = ("DeepSeek: first-half figures (US$ thousands)\n\n"
            "| | 1H 2026 | 1H 2025 | YoY | FY 2025 |\n|---|---|---|---|---|\n"
            "| Revenue | 88,200 | 40,100 | 120.0% | 97,600 |\n"
            "| Gross margin | 44.0% | 36.5% | | 39.8% |\n")
    got = facts(text, watchlist, published=date(2026, 8, 25))
    assert {
        ("deepseek", "gross_margin", "2026H1", Decimal("44.0"), "%"),
        ("deepseek", "gross_margin", "2025H1", Decimal("36.5"), "%"),
        ("deepseek", "gross_margin", "FY2025", Decimal("39.8"), "%"),
    } <= got
    assert not any(m == "gross_margin" and p == "2025H1" and v == Decimal("44.0") for _, m, p, v, _ in got)
    chinese = ("月之暗面主要数据\n\n| 指标 | 2025年 | 2024年 |\n|---|---|---|\n"
               "| 营业收入（亿元） | 4.6 | |\n| 毛利率 | 35.2% | 30.1% |\n")
    got = facts(chinese, watchlist, published=date(2026, 4, 1))
    assert ("moonshot", "revenue", "FY2025", Decimal("460000000"), "CNY") in got
    assert not any(m == "revenue" and p == "FY2024" for _, m, p, _, _ in got)  # the blank is 2024's, not 4.6


def test_a_row_label_gluing_a_latin_name_to_the_year_gives_the_row_to_that_company(watchlist):
    text = ("DeepSeek与月之暗面的年度数据对比如下：\n\n"
            "公司             营业收入      毛利率\n"
            "DeepSeek2025年   9.8亿元       61.5%\n"
            "月之暗面2025年   4.6亿元       35.2%\n")
    got = facts(text, watchlist, published=date(2026, 4, 10))
    assert got == {
        ("deepseek", "revenue", "FY2025", Decimal("980000000"), "CNY"),
        ("deepseek", "gross_margin", "FY2025", Decimal("61.5"), "%"),
        ("moonshot", "revenue", "FY2025", Decimal("460000000"), "CNY"),
        ("moonshot", "gross_margin", "FY2025", Decimal("35.2"), "%"),
    }
