"""How the press lays out tables the extractor had not seen: rules found on tests/blind5, pinned on tables of our own.

Each test uses other companies, figures and wording than the article that showed the rule: companies as the
columns of a comparison table, a broker's "1H25A"/"2H25E" columns and "(US$m, Dec year-end)" caption, a growth
row written "营收同比", and a ratio row written "研发开支/营业收入".
"""

from datetime import date
from decimal import Decimal

from pipeline.extract import extract_facts


def facts(text, watchlist, **kw):
    return {(f.company, f.metric, f.period, f.value, f.unit) for f in extract_facts(text, watchlist, **kw)}


# --- companies as columns ------------------------------------------------------------------------


def test_a_header_naming_companies_gives_each_column_to_its_company(watchlist):
    text = ("月之暗面与DeepSeek财务对比\n\n"
            "| 项目 | 月之暗面（2025年上半年） | DeepSeek（2024年） |\n|---|---|---|\n"
            "| 营业收入 | 2.4亿元 | 8600万美元 |\n| 毛利率 | 41.2% | 63.0% |\n| 经调整净亏损 | 9.8亿元 | 1.2亿美元 |\n")
    assert facts(text, watchlist, published=date(2025, 9, 1)) == {
        ("moonshot", "revenue", "2025H1", Decimal("240000000"), "CNY"),
        ("moonshot", "gross_margin", "2025H1", Decimal("41.2"), "%"),
        ("moonshot", "adjusted_net_loss", "2025H1", Decimal("980000000"), "CNY"),
        ("deepseek", "revenue", "FY2024", Decimal("86000000"), "USD"),
        ("deepseek", "gross_margin", "FY2024", Decimal("63.0"), "%"),
        ("deepseek", "adjusted_net_loss", "FY2024", Decimal("120000000"), "USD"),
    }


def test_a_column_headed_by_a_company_off_the_watchlist_is_not_the_subjects(watchlist):
    text = ("Zhipu versus a US peer\n\n"
            "| Metric | Zhipu (1H25) | OpenAI (1H25) |\n|---|---|---|\n"
            "| Revenue | US$26.6m | US$4.3bn |\n| Gross margin | 50.0% | 48.0% |\n")
    assert facts(text, watchlist, published=date(2025, 10, 1)) == {
        ("zhipu", "revenue", "2025H1", Decimal("26600000"), "USD"),
        ("zhipu", "gross_margin", "2025H1", Decimal("50.0"), "%"),
    }


# --- rows that are a change or a ratio of a metric -----------------------------------------------


def test_a_row_naming_a_metric_and_a_change_word_is_that_metrics_growth(watchlist):
    text = ("| 指标 | 2024年 | 2025年上半年 |\n|---|---|---|\n"
            "| 营收（亿元） | 3.1 | 2.6 |\n| 营收同比 | 85% | 120% |\n| 毛利率 | 50.2% | 44.0% |\n")
    got = facts("月之暗面核心数据\n\n" + text, watchlist, published=date(2025, 9, 1))
    assert ("moonshot", "revenue_growth", "FY2024", Decimal("85"), "%") in got
    assert ("moonshot", "revenue_growth", "2025H1", Decimal("120"), "%") in got
    english = ("DeepSeek snapshot (US$ m)\n\n"
               "                   FY2024     1H25\n"
               "Revenue              40.0     35.5\n"
               "Revenue YoY (%)       210      160\n")
    assert {(m, p, v) for _, m, p, v, _ in facts(english, watchlist, published=date(2025, 9, 1))} == {
        ("revenue", "FY2024", Decimal("40000000")), ("revenue", "2025H1", Decimal("35500000")),
        ("revenue_growth", "FY2024", Decimal("210")), ("revenue_growth", "2025H1", Decimal("160"))}


def test_a_ratio_row_of_rd_over_revenue_is_rd_to_revenue(watchlist):
    text = ("DeepSeek与月之暗面对比\n\n"
            "| 项目 | DeepSeek（2024年） | 月之暗面（2024年） |\n|---|---|---|\n"
            "| 研发开支/营业收入 | 2.7倍 | 5.1倍 |\n")
    assert facts(text, watchlist, published=date(2025, 6, 1)) == {
        ("deepseek", "rd_to_revenue", "FY2024", Decimal("2.7"), "x"),
        ("moonshot", "rd_to_revenue", "FY2024", Decimal("5.1"), "x"),
    }
    english = ("Zhipu: spending (US$ m)\n\n"
               "                        FY2023     FY2024\n"
               "R&D to revenue (x)         6.2        7.4\n")
    assert facts(english, watchlist, published=date(2025, 6, 1)) == {
        ("zhipu", "rd_to_revenue", "FY2023", Decimal("6.2"), "x"),
        ("zhipu", "rd_to_revenue", "FY2024", Decimal("7.4"), "x"),
    }


# --- broker tables: A and E columns, a unit caption, losses in parentheses --------------------------


def test_columns_marked_actual_are_periods_and_those_marked_estimate_are_dropped(watchlist):
    text = ("Moonshot AI: key financials (RMB mn, Dec year-end)\n\n"
            "                   FY24A     1H25A     2H25E\n"
            "Revenue            310.0     245.5     400.0\n"
            "Adj. net loss      (820)     (515)     (600)\n")
    assert facts(text, watchlist, published=date(2025, 9, 1)) == {
        ("moonshot", "revenue", "FY2024", Decimal("310000000"), "CNY"),
        ("moonshot", "revenue", "2025H1", Decimal("245500000"), "CNY"),
        ("moonshot", "adjusted_net_loss", "FY2024", Decimal("820000000"), "CNY"),
        ("moonshot", "adjusted_net_loss", "2025H1", Decimal("515000000"), "CNY"),
    }


def test_a_parenthesised_unit_in_the_caption_scales_the_cells(watchlist):
    text = ("DeepSeek financial summary (US$ m; FY to December)\n\n"
            "| | 2023A | 9M24A | 2025F |\n|---|---|---|---|\n"
            "| Revenue | 12.8 | 25.1 | 60.0 |\n| Net loss | (40.5) | (22.0) | (10.0) |\n")
    assert facts(text, watchlist, published=date(2025, 2, 1)) == {
        ("deepseek", "revenue", "FY2023", Decimal("12800000"), "USD"),
        ("deepseek", "revenue", "2024Q1-Q3", Decimal("25100000"), "USD"),
        ("deepseek", "net_loss", "FY2023", Decimal("40500000"), "USD"),
        ("deepseek", "net_loss", "2024Q1-Q3", Decimal("22000000"), "USD"),
    }


# --- the period of a table in its caption --------------------------------------------------------


def test_a_table_whose_header_names_no_period_takes_the_one_in_its_caption(watchlist):
    text = ("2024年全年核心数据对比\n\n"
            "| 指标 | 月之暗面 | DeepSeek |\n|---|---|---|\n"
            "| 营业收入 | 3.1亿元 | 4500万美元 |\n| 毛利率 | 38.0% | 61.5% |\n")
    assert facts(text, watchlist, published=date(2025, 4, 1)) == {
        ("moonshot", "revenue", "FY2024", Decimal("310000000"), "CNY"),
        ("moonshot", "gross_margin", "FY2024", Decimal("38.0"), "%"),
        ("deepseek", "revenue", "FY2024", Decimal("45000000"), "USD"),
        ("deepseek", "gross_margin", "FY2024", Decimal("61.5"), "%"),
    }
    english = ("Zhipu and MiniMax, first half of 2025 (US$ m)\n\n"
               "                  Zhipu     MiniMax\n"
               "Revenue            26.6        19.1\n")
    assert facts(english, watchlist, published=date(2025, 10, 1)) == {
        ("zhipu", "revenue", "2025H1", Decimal("26600000"), "USD"),
        ("minimax", "revenue", "2025H1", Decimal("19100000"), "USD"),
    }


def test_a_caption_naming_two_periods_dates_no_column(watchlist):
    text = ("2023年与2024年数据\n\n"
            "| 指标 | 月之暗面 | DeepSeek |\n|---|---|---|\n"
            "| 营业收入 | 3.1亿元 | 4500万美元 |\n")
    assert facts(text, watchlist, published=date(2025, 4, 1)) == set()
