"""How the press and filings lay out tables the extractor had not seen: rules found on tests/blind9, pinned on tables
of our own.

Each test uses other companies, figures and wording than the article that showed the rule: an exchange filing's
header of two lines (years over units) with label lines inside the table and expenses in brackets, a segment table
whose amount columns take the caption's metric, a header of metrics naming its year once, a growth row under a
current and a year-earlier row, a unit line naming what a table counts, a profit row in brackets, and a sentence
restating a table's figure rounded.
"""

from datetime import date
from decimal import Decimal

from pipeline.extract.tables import find_tables
from tests.extract.conftest import unqualified_facts as facts

# --- a filing's header of two lines, label lines inside the table --------------------------------

INTERIM = (
    "Moonshot AI Holdings Limited\n"
    "INTERIM RESULTS ANNOUNCEMENT FOR THE SIX MONTHS ENDED JUNE 30, 2027\n\n"
    "KEY FIGURES\n\n"
    "                                      Six months ended June 30\n"
    "                                         2027          2026      Change\n"
    "                                      RMB'000       RMB'000\n"
    "Revenue                                 812,450       395,120     105.6%\n"
    "Research and development\n"
    "  expenses                           (1,104,300)     (880,250)     25.5%\n"
    "Loss for the period                    (930,010)   (1,020,700)     (8.9%)\n"
    "Non-IFRS measure:\n"
    "Adjusted net loss                      (701,600)     (815,330)    (13.9%)\n\n"
    "Revenue for the period rose to RMB812.5 million, while research and development expenses came to RMB1,104.3 "
    "million.\n"
)


def test_a_row_of_units_under_the_years_heads_the_columns_with_them(watchlist):
    got = facts(INTERIM, watchlist, published=date(2027, 8, 25))
    assert {
        ("moonshot", "revenue", "2027H1", Decimal("812450000"), "CNY"),
        ("moonshot", "revenue", "2026H1", Decimal("395120000"), "CNY"),
        ("moonshot", "revenue_growth", "2027H1", Decimal("105.6"), "%"),
        ("moonshot", "net_loss", "2027H1", Decimal("930010000"), "CNY"),
        ("moonshot", "net_loss", "2026H1", Decimal("1020700000"), "CNY"),
        ("moonshot", "adjusted_net_loss", "2027H1", Decimal("701600000"), "CNY"),
        ("moonshot", "adjusted_net_loss", "2026H1", Decimal("815330000"), "CNY"),
    } <= got


def test_a_label_wrapped_over_two_lines_names_its_row_and_an_expense_in_brackets_is_positive(watchlist):
    got = facts(INTERIM, watchlist, published=date(2027, 8, 25))
    assert ("moonshot", "rd_expense", "2027H1", Decimal("1104300000"), "CNY") in got
    assert ("moonshot", "rd_expense", "2026H1", Decimal("880250000"), "CNY") in got


def test_label_lines_keep_the_table_whole(watchlist):
    (table,) = find_tables(INTERIM)
    assert [len(row) for row in table.rows] == [3, 4, 1, 4, 4, 1, 4]
    header = table.rows[0]
    assert [INTERIM[c.over.start:c.over.end] for c in header[:2]] == ["2027", "2026"]


def test_a_sentence_restating_a_table_figure_rounded_adds_no_fact(watchlist):
    got = facts(INTERIM, watchlist, published=date(2027, 8, 25))
    assert not any(v in (Decimal("812500000"), Decimal("1104300000.0")) and m == "revenue" for _, m, _, v, _ in got)
    assert sum(1 for _, m, _, _, _ in got if m == "rd_expense") == 2


BILINGUAL = (
    "深度求索 DeepSeek\n"
    "ANNUAL RESULTS FOR THE YEAR ENDED DECEMBER 31, 2027 / 截至2027年12月31日止年度之全年業績\n\n"
    "REVENUE BY BUSINESS LINE / 按業務劃分的收入\n\n"
    "                                        2027                     2026\n"
    "                                RMB'000   % of total     RMB'000   % of total\n"
    "Open platform / 開放平台           903,200      71.5%       410,800      64.0%\n"
    "Consumer subscriptions\n"
    "  訂閱                            360,100      28.5%       231,100      36.0%\n"
    "Total / 總計                     1,263,300     100.0%       641,900     100.0%\n"
)


def test_a_segment_table_takes_the_caption_metric_for_its_amount_columns(watchlist):
    got = facts(BILINGUAL, watchlist, published=date(2028, 3, 20))
    assert {
        ("deepseek", "revenue.cloud", "FY2027", Decimal("903200000"), "CNY"),
        ("deepseek", "revenue_share.cloud", "FY2027", Decimal("71.5"), "%"),
        ("deepseek", "revenue.cloud", "FY2026", Decimal("410800000"), "CNY"),
        ("deepseek", "revenue_share.cloud", "FY2026", Decimal("64.0"), "%"),
        ("deepseek", "revenue.consumer", "FY2027", Decimal("360100000"), "CNY"),
        ("deepseek", "revenue_share.consumer", "FY2026", Decimal("36.0"), "%"),
        ("deepseek", "revenue", "FY2027", Decimal("1263300000"), "CNY"),
    } <= got
    assert not any(m.startswith("revenue_share") and v == 100 for _, m, _, v, _ in got)


# --- a header of metrics naming its year once -------------------------------------------------

SCORECARD = (
    "两家公司的年度成绩单如下：\n\n"
    "| 公司 | 2027年营收 | 同比 | 毛利率 | 研发投入 | 研发投入/营收 |\n"
    "|---|---|---|---|---|---|\n"
    "| 月之暗面（人民币亿元） | 25.4 | +96.0% | 38.2% | 31.5 | 1.2倍 |\n"
    "| 智谱（人民币亿元） | 30.8 | +83.8% | 44.0% | 52.0 | 1.7倍 |\n"
)


def test_columns_of_a_header_naming_its_year_once_take_that_year(watchlist):
    got = facts(SCORECARD, watchlist, published=date(2028, 4, 2))
    assert {
        ("moonshot", "revenue", "FY2027", Decimal("2540000000"), "CNY"),
        ("moonshot", "revenue_growth", "FY2027", Decimal("96.0"), "%"),
        ("moonshot", "gross_margin", "FY2027", Decimal("38.2"), "%"),
        ("moonshot", "rd_expense", "FY2027", Decimal("3150000000"), "CNY"),
        ("zhipu", "gross_margin", "FY2027", Decimal("44.0"), "%"),
        ("zhipu", "rd_expense", "FY2027", Decimal("5200000000"), "CNY"),
    } <= got


def test_a_ratio_column_heading_names_the_ratio(watchlist):
    got = facts(SCORECARD, watchlist, published=date(2028, 4, 2))
    assert ("moonshot", "rd_to_revenue", "FY2027", Decimal("1.2"), "x") in got
    assert ("zhipu", "rd_to_revenue", "FY2027", Decimal("1.7"), "x") in got


def test_a_header_of_period_columns_lends_no_year_and_an_instant_takes_none(watchlist):
    text = ("| 公司 | 2027年营收 | 市值（亿港元） |\n|---|---|---|\n"
            "| 月之暗面 | 25.4亿元 | 1,980 |\n| 智谱 | 30.8亿元 | 2,210 |\n")
    got = facts(text, watchlist, published=date(2028, 4, 2))
    assert not any(m == "market_cap" and p.startswith("FY") for _, m, p, _, _ in got)


# --- a growth row under rows of two periods ------------------------------------------------

QUARTERS = (
    "| | Kimi / Moonshot (RMB m) | DeepSeek (RMB m) |\n"
    "|---|---:|---:|\n"
    "| Revenue, 2Q27 | 688.0 | 402.5 |\n"
    "| Revenue, 2Q26 | 371.9 | 255.0 |\n"
    "| Growth y/y | +85.0% | +57.8% |\n"
)


def test_a_growth_row_under_a_current_and_a_year_earlier_row_is_about_the_later(watchlist):
    got = facts(QUARTERS, watchlist, published=date(2027, 8, 30))
    assert ("moonshot", "revenue_growth", "2027Q2", Decimal("85.0"), "%") in got
    assert ("deepseek", "revenue_growth", "2027Q2", Decimal("57.8"), "%") in got
    assert not any(m == "revenue_growth" and p == "2026Q2" for _, m, p, _, _ in got)


# --- a unit line naming what the table counts --------------------------------------------------

TOKENS = (
    "我们把各家去年同期的数字也翻了出来，看看增速到底有多快（单位：万亿tokens/日）：\n\n"
    "  公司          2026年6月     2027年6月\n"
    "  DeepSeek        约12          约31\n"
    "  月之暗面        约4.2         20以上\n"
)


def test_a_declared_unit_of_tokens_per_day_names_the_metric(watchlist):
    got = facts(TOKENS, watchlist, published=date(2027, 7, 12))
    assert {
        ("deepseek", "daily_token_volume", "2026-06", Decimal("12000000000000"), "tokens/day"),
        ("deepseek", "daily_token_volume", "2027-06", Decimal("31000000000000"), "tokens/day"),
        ("moonshot", "daily_token_volume", "2026-06", Decimal("4200000000000"), "tokens/day"),
        ("moonshot", "daily_token_volume", "2027-06", Decimal("20000000000000"), "tokens/day"),
    } <= got
    assert not any(m == "revenue_growth" for _, m, _, _, _ in got)


# --- a profit row in brackets -------------------------------------------------------------

FORECAST = (
    "盈利预测（单位：百万元人民币）\n\n"
    "                     2026A      2027A      2028E\n"
    "营业收入              1,230      2,540      4,100\n"
    "经调整净利润           (2,870)    (1,960)       310\n"
    "净利润                (3,400)    (2,450)      (120)\n"
)


def test_a_profit_row_in_brackets_is_a_loss_and_a_positive_one_no_fact(watchlist):
    got = facts(FORECAST, watchlist, title="月之暗面：盈利拐点临近", published=date(2028, 4, 10))
    assert {
        ("moonshot", "adjusted_net_loss", "FY2026", Decimal("2870000000"), "CNY"),
        ("moonshot", "adjusted_net_loss", "FY2027", Decimal("1960000000"), "CNY"),
        ("moonshot", "net_loss", "FY2026", Decimal("3400000000"), "CNY"),
        ("moonshot", "net_loss", "FY2027", Decimal("2450000000"), "CNY"),
    } <= got
    assert not any(p == "FY2028" for _, _, p, _, _ in got)
    text = FORECAST.replace("(2,870)", "  2,870 ").replace("(1,960)", "  1,960 ")
    assert not any(m == "adjusted_net_loss" for _, m, _, _, _ in facts(text, watchlist, title="月之暗面：盈利拐点临近",
                                                                          published=date(2028, 4, 10)))


SIDE_BY_SIDE = (
    "Z.ai and DeepSeek: the 2Q27 numbers side by side\n\n"
    "| | Z.ai (RMB m) | DeepSeek (RMB m) |\n|---|---:|---:|\n"
    "| Revenue, 2Q27 | 640.5 | 402.5 |\n"
    "| Adj. net loss, 2Q27 | (1,210) | (318.6) |\n\n"
    "Z.ai first. Revenue beat my number again, helped by the coding plan.\n\n"
    "DeepSeek's quarter was quieter, and the API business kept carrying it.\n\n"
    "Adjusted net loss of RMB318.6m was smaller than in 2Q26. That is progress.\n"
)


def test_a_sentence_restating_a_table_figure_gives_it_to_no_other_company_or_period(watchlist):
    got = facts(SIDE_BY_SIDE, watchlist, published=date(2027, 8, 26))
    assert ("deepseek", "adjusted_net_loss", "2027Q2", Decimal("318600000"), "CNY") in got
    assert [(c, p) for c, m, p, v, _ in got if v == Decimal("318600000")] == [("deepseek", "2027Q2")]
