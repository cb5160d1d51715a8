"""How the press lays out tables the extractor had not seen: rules found on tests/blind5, pinned on tables of our own.

Each test uses other companies, figures and wording than the article that showed the rule: companies as the
columns of a comparison table, a broker's "1H25A"/"2H25E" columns and "(US$m, Dec year-end)" caption, a growth
row written "营收同比", and a ratio row written "研发开支/营业收入".
"""

from datetime import date
from decimal import Decimal
from importlib import resources

from pipeline.extract.cues import load_cue_book
from pipeline.extract.entities import find_companies
from pipeline.extract.sentences import lower_ascii
from pipeline.extract.tables import find_tables, table_facts
from tests.extract.conftest import facts as qualified
from tests.extract.conftest import unqualified_facts as facts

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


# --- rules found on tests/blind6: companies as rows, the period in a note under the table ---------------


def test_a_note_under_a_table_of_companies_as_rows_dates_it(watchlist):
    text = ("两家公司的上半年数据放在一起看：\n\n"
            "| 公司 | 营收 | 同比增速 | 毛利率 |\n|---|---|---|---|\n"
            "| 月之暗面 | 2.9亿元 | 88.5% | 39.0% |\n| DeepSeek | 4100万美元 | 120.4% | 57.2% |\n\n"
            "注：均为2025年上半年未经审计数据。\n")
    assert facts(text, watchlist, published=date(2025, 9, 1)) == {
        ("moonshot", "revenue", "2025H1", Decimal("290000000"), "CNY"),
        ("moonshot", "revenue_growth", "2025H1", Decimal("88.5"), "%"),
        ("moonshot", "gross_margin", "2025H1", Decimal("39.0"), "%"),
        ("deepseek", "revenue", "2025H1", Decimal("41000000"), "USD"),
        ("deepseek", "revenue_growth", "2025H1", Decimal("120.4"), "%"),
        ("deepseek", "gross_margin", "2025H1", Decimal("57.2"), "%"),
    }
    english = ("How the two compare\n\n"
               "                 Revenue     Adj. net loss\n"
               "Zhipu            RMB655m     RMB2.1bn\n"
               "MiniMax          US$60.2m    US$190m\n\n"
               "Notes: all figures are for the 2025 financial year.\n")
    assert facts(english, watchlist, published=date(2026, 4, 10)) == {
        ("zhipu", "revenue", "FY2025", Decimal("655000000"), "CNY"),
        ("zhipu", "adjusted_net_loss", "FY2025", Decimal("2100000000"), "CNY"),
        ("minimax", "revenue", "FY2025", Decimal("60200000"), "USD"),
        ("minimax", "adjusted_net_loss", "FY2025", Decimal("190000000"), "USD"),
    }


def test_a_note_naming_only_a_day_dates_a_table_of_market_values(watchlist):
    text = ("| 公司 | 总市值 |\n|---|---|\n| 智谱 | 1875亿港元 |\n| MiniMax | 1610亿港元 |\n\n"
            "数据来源：港交所，截至2026年5月29日收盘。\n")
    assert facts(text, watchlist, published=date(2026, 6, 1)) == {
        ("zhipu", "market_cap", "2026-05-29", Decimal("187500000000"), "HKD"),
        ("minimax", "market_cap", "2026-05-29", Decimal("161000000000"), "HKD"),
    }


def test_a_sentence_introducing_a_table_dates_it_by_its_span_not_its_day(watchlist):
    # "5月28日" is when the figures came out, "2025年度" and "全年" the one period they cover.
    text = ("随着DeepSeek在5月28日公布2025年度财务摘要，两家公司的全年数据可以对照：\n\n"
            "| 公司 | 营业收入 | 毛利率 |\n|---|---|---|\n| DeepSeek | 5.6亿元 | 62.3% |\n| 月之暗面 | 4.4亿元 | 40.8% |\n")
    assert facts(text, watchlist, published=date(2026, 5, 30)) == {
        ("deepseek", "revenue", "FY2025", Decimal("560000000"), "CNY"),
        ("deepseek", "gross_margin", "FY2025", Decimal("62.3"), "%"),
        ("moonshot", "revenue", "FY2025", Decimal("440000000"), "CNY"),
        ("moonshot", "gross_margin", "FY2025", Decimal("40.8"), "%"),
    }


def test_a_caption_two_lines_above_a_markdown_table_is_read(watchlist):
    text = ("月之暗面2025年上半年经营数据\n（单位：人民币亿元）\n\n"
            "| 指标 | 数值 |\n|---|---|\n| 营业收入 | 2.9 |\n| 研发开支 | 6.4 |\n")
    assert facts(text, watchlist, published=date(2025, 9, 1)) == {
        ("moonshot", "revenue", "2025H1", Decimal("290000000"), "CNY"),
        ("moonshot", "rd_expense", "2025H1", Decimal("640000000"), "CNY"),
    }


def test_a_unit_written_in_a_note_under_the_table_scales_its_cells(watchlist):
    text = ("| 公司 | 营收 |\n|---|---|\n| 智谱 | 3.4 |\n| 月之暗面 | 2.2 |\n\n"
            "注：2025年上半年数据，金额单位为人民币亿元。\n")
    assert facts(text, watchlist, published=date(2025, 9, 1)) == {
        ("zhipu", "revenue", "2025H1", Decimal("340000000"), "CNY"),
        ("moonshot", "revenue", "2025H1", Decimal("220000000"), "CNY"),
    }


def test_a_cell_with_a_qualifier_word_is_read_with_that_qualifier(watchlist):
    text = ("2025年数据对比\n\n"
            "| 公司 | 营收 | 海外收入占比 |\n|---|---|---|\n"
            "| 智谱 | 约6.8亿元 | 15% |\n| DeepSeek | 4800万美元 | 50%以上 |\n")
    got = qualified(text, watchlist, published=date(2026, 4, 1))
    assert ("zhipu", "revenue", "FY2025", Decimal("680000000"), "CNY", "approx") in got
    assert ("deepseek", "revenue", "FY2025", Decimal("48000000"), "USD", "eq") in got
    assert not any(f[1] == "revenue" and f[2] != "FY2025" for f in got)  # the sentence reader left "约6.8亿元" alone
    english = ("Moonshot AI, first half of 2026 (US$ m)\n\n"
               "                   Revenue      Gross margin\n"
               "Moonshot AI        over 85.0    about 42%\n")
    assert qualified(english, watchlist, published=date(2026, 9, 1)) == {
        ("moonshot", "revenue", "2026H1", Decimal("85000000"), "USD", "gt"),
        ("moonshot", "gross_margin", "2026H1", Decimal("42"), "%", "approx"),
    }


def test_a_total_row_under_rows_of_companies_is_no_companys(watchlist):
    text = ("月之暗面、DeepSeek 2025年营收（亿元）\n\n"
            "| 公司 | 营收（亿元） |\n|---|---|\n| 月之暗面 | 3.3 |\n| DeepSeek | 4.1 |\n| 合计 | 7.4 |\n")
    assert facts(text, watchlist, published=date(2026, 4, 1)) == {
        ("moonshot", "revenue", "FY2025", Decimal("330000000"), "CNY"),
        ("deepseek", "revenue", "FY2025", Decimal("410000000"), "CNY"),
    }
    english = ("Revenue, 1H26 (US$ m)\n\n"
               "                 Revenue     Adj. net loss\n"
               "Zhipu               61.0             (150)\n"
               "MiniMax             74.3             (119)\n"
               "Total              135.3             (269)\n")
    assert facts(english, watchlist, published=date(2026, 9, 1)) == {
        ("zhipu", "revenue", "2026H1", Decimal("61000000"), "USD"),
        ("zhipu", "adjusted_net_loss", "2026H1", Decimal("150000000"), "USD"),
        ("minimax", "revenue", "2026H1", Decimal("74300000"), "USD"),
        ("minimax", "adjusted_net_loss", "2026H1", Decimal("119000000"), "USD"),
    }


# --- a rule that requires words: the caption or the row's label may hold them ------------------------


def test_a_ratio_rule_takes_its_required_words_from_the_tables_caption(watchlist):
    text = ("Zhipu: R&D intensity\n\n| | FY2023 | FY2024 |\n|---|---|---|\n| Relative to revenue (x) | 6.2 | 7.4 |\n")
    assert facts(text, watchlist, published=date(2025, 6, 1)) == {
        ("zhipu", "rd_to_revenue", "FY2023", Decimal("6.2"), "x"),
        ("zhipu", "rd_to_revenue", "FY2024", Decimal("7.4"), "x"),
    }
    chinese = ("DeepSeek研发投入强度\n\n| 指标 | 2024年 | 2025年 |\n|---|---|---|\n| 相当于收入（倍） | 3.9 | 2.6 |\n")
    assert facts(chinese, watchlist, published=date(2026, 4, 1)) == {
        ("deepseek", "rd_to_revenue", "FY2024", Decimal("3.9"), "x"),
        ("deepseek", "rd_to_revenue", "FY2025", Decimal("2.6"), "x"),
    }


def test_a_market_cap_rule_that_requires_words_keeps_the_tables_market_values(watchlist):
    # A cue book where market value needs its words (so "valuing the company at" could name it in prose): a
    # table's market values still count when its caption or the row's label says what they are.
    yaml_text = resources.files("pipeline.extract").joinpath("cues.yaml").read_text(encoding="utf-8")
    yaml_text = yaml_text.replace(
        "    before: [市值, 总市值, 總市值, market cap,",
        "    requires: [市值, market cap, market value, shares, stock]\n"
        "    before: [valuing the company at, valuation, 估值, 市值, 总市值, 總市值, market cap,")
    book = load_cue_book(yaml_text)
    assert book.metrics["market_cap"].requires
    text = ("Market value of the listed model makers, 29 May 2026 close\n\n"
            "| Company | Valuation |\n|---|---|\n| Zhipu | HK$187.5bn |\n| MiniMax | HK$161.0bn |\n")
    companies = find_companies(text, watchlist, book.others)
    found, _ = table_facts(text, lower_ascii(text), book, "zhipu", date(2026, 6, 1), companies, find_tables(text))
    assert {(f.company, f.metric, f.period, f.value) for f in found} == {
        ("zhipu", "market_cap", "2026-05-29", Decimal("187500000000")),
        ("minimax", "market_cap", "2026-05-29", Decimal("161000000000")),
    }
    unsaid = text.replace("Market value of the listed model makers", "Listed model makers")
    companies = find_companies(unsaid, watchlist, book.others)
    found, _ = table_facts(unsaid, lower_ascii(unsaid), book, "zhipu", date(2026, 6, 1), companies, find_tables(unsaid))
    assert found == []  # "Valuation" alone may be a funding round's: the required words are nowhere


# --- columns a year earlier, rows of segments, a unit header cell with a magnitude and 元 ----------------


def test_a_column_headed_year_earlier_is_the_column_to_its_left_a_year_before(watchlist):
    text = ("月之暗面中期数据\n\n| 指标 | 2026年上半年 | 去年同期 |\n|---|---|---|\n"
            "| 营业收入 | 4.6亿元 | 2.2亿元 |\n| 毛利率 | 43.5% | 38.9% |\n")
    assert facts(text, watchlist, published=date(2026, 9, 1)) == {
        ("moonshot", "revenue", "2026H1", Decimal("460000000"), "CNY"),
        ("moonshot", "revenue", "2025H1", Decimal("220000000"), "CNY"),
        ("moonshot", "gross_margin", "2026H1", Decimal("43.5"), "%"),
        ("moonshot", "gross_margin", "2025H1", Decimal("38.9"), "%"),
    }
    english = ("DeepSeek third quarter (US$ m)\n\n"
               "                  Q3 2026    A year earlier\n"
               "Revenue              31.2              14.0\n")
    assert facts(english, watchlist, published=date(2026, 11, 20)) == {
        ("deepseek", "revenue", "2026Q3", Decimal("31200000"), "USD"),
        ("deepseek", "revenue", "2025Q3", Decimal("14000000"), "USD"),
    }


def test_rows_naming_segments_give_the_columns_metrics_to_that_segment(watchlist):
    text = ("MiniMax 2025年收入构成\n\n| 业务 | 收入（亿美元） | 占比 |\n|---|---|---|\n"
            "| AI原生产品 | 0.55 | 66.6% |\n| 开放平台 | 0.28 | 33.4% |\n| 合计 | 0.83 | 100% |\n")
    assert facts(text, watchlist, published=date(2026, 4, 1)) == {
        ("minimax", "revenue.consumer", "FY2025", Decimal("55000000"), "USD"),
        ("minimax", "revenue_share.consumer", "FY2025", Decimal("66.6"), "%"),
        ("minimax", "revenue.cloud", "FY2025", Decimal("28000000"), "USD"),
        ("minimax", "revenue_share.cloud", "FY2025", Decimal("33.4"), "%"),
        ("minimax", "revenue", "FY2025", Decimal("83000000"), "USD"),
    }


def test_a_header_cell_naming_currency_magnitude_and_yuan_is_the_tables_unit(watchlist):
    text = ("月之暗面 截至2025年12月31日止年度\n\n| 人民币千元 | 2025年 | 2024年 |\n|---|---|---|\n"
            "| 收入 | 455,210 | 198,034 |\n| 年內虧損 | (1,902,115) | (1,270,480) |\n")
    assert facts(text, watchlist, published=date(2026, 3, 30)) == {
        ("moonshot", "revenue", "FY2025", Decimal("455210000"), "CNY"),
        ("moonshot", "revenue", "FY2024", Decimal("198034000"), "CNY"),
        ("moonshot", "net_loss", "FY2025", Decimal("1902115000"), "CNY"),
        ("moonshot", "net_loss", "FY2024", Decimal("1270480000"), "CNY"),
    }


def test_a_table_naming_no_metric_takes_the_one_its_caption_names(watchlist):
    text = ("月之暗面与DeepSeek营收对比\n\n| 公司 | 2024年 | 2025年 |\n|---|---|---|\n"
            "| 月之暗面 | 1.9亿元 | 4.4亿元 |\n| DeepSeek | 2600万美元 | 7800万美元 |\n")
    assert facts(text, watchlist, published=date(2026, 4, 1)) == {
        ("moonshot", "revenue", "FY2024", Decimal("190000000"), "CNY"),
        ("moonshot", "revenue", "FY2025", Decimal("440000000"), "CNY"),
        ("deepseek", "revenue", "FY2024", Decimal("26000000"), "USD"),
        ("deepseek", "revenue", "FY2025", Decimal("78000000"), "USD"),
    }
    english = ("Zhipu revenue by business (RMB m)\n\n"
               "                          1H25      1H26\n"
               "On-premise deployment    121.0     160.5\n"
               "Cloud deployment          69.1     189.7\n")
    assert facts(english, watchlist, published=date(2026, 9, 1)) == {
        ("zhipu", "revenue.on_premise", "2025H1", Decimal("121000000"), "CNY"),
        ("zhipu", "revenue.on_premise", "2026H1", Decimal("160500000"), "CNY"),
        ("zhipu", "revenue.cloud", "2025H1", Decimal("69100000"), "CNY"),
        ("zhipu", "revenue.cloud", "2026H1", Decimal("189700000"), "CNY"),
    }


def test_a_caption_naming_two_metrics_gives_a_table_naming_none_no_metric(watchlist):
    text = ("月之暗面营收与研发开支（亿元）\n\n| 公司 | 2024年 | 2025年 |\n|---|---|---|\n| 月之暗面 | 1.9 | 4.4 |\n")
    assert facts(text, watchlist, published=date(2026, 4, 1)) == set()


def test_a_table_naming_no_company_is_the_one_its_caption_names_not_the_subjects(watchlist):
    text = ("月之暗面公布上半年业绩，月之暗面称付费用户增长强劲，月之暗面将继续加码海外市场。\n\n"
            "作为对照，DeepSeek 2026年上半年主要数据如下：\n\n"
            "| 指标 | 数值 |\n|---|---|\n| 营业收入 | 2.7亿元 |\n| 毛利率 | 58.8% |\n")
    assert facts(text, watchlist, published=date(2026, 9, 1), title="月之暗面上半年业绩") == {
        ("deepseek", "revenue", "2026H1", Decimal("270000000"), "CNY"),
        ("deepseek", "gross_margin", "2026H1", Decimal("58.8"), "%"),
    }
    english = ("MiniMax beat estimates, MiniMax said, as MiniMax's consumer apps grew.\n\n"
               "For comparison, Moonshot AI (US$ m):\n\n"
               "                 1H25      1H26\n"
               "Revenue          31.0      52.4\n")
    assert facts(english, watchlist, published=date(2026, 9, 1), title="MiniMax interim results") == {
        ("moonshot", "revenue", "2025H1", Decimal("31000000"), "USD"),
        ("moonshot", "revenue", "2026H1", Decimal("52400000"), "USD"),
    }
    unwatched = ("MiniMax beat estimates, MiniMax said.\n\nFor comparison, OpenAI:\n\n"
                 "                 1H25          1H26\n"
                 "Revenue          US$4.3bn      US$8.1bn\n")
    assert facts(unwatched, watchlist, published=date(2026, 9, 1), title="MiniMax interim results") == set()
    chinese = "MiniMax发布业绩。\n\n作为对照，OpenAI主要数据：\n\n| 指标 | 2025年上半年 |\n|---|---|\n| 营业收入 | 43亿美元 |\n"
    assert facts(chinese, watchlist, published=date(2026, 9, 1), title="MiniMax业绩") == set()


def test_a_bare_number_in_a_column_of_people_is_a_count(watchlist):
    text = ("| 公司 | 员工总数 | 研发人员 |\n|---|---|---|\n| 月之暗面 | 1,210 | 905 |\n| DeepSeek | 385 | 300 |\n\n"
            "注：截至2025年末。\n")
    assert facts(text, watchlist, published=date(2026, 4, 1)) == {
        ("moonshot", "headcount", "2025-12-31", Decimal("1210"), "count"),
        ("moonshot", "headcount.rd", "2025-12-31", Decimal("905"), "count"),
        ("deepseek", "headcount", "2025-12-31", Decimal("385"), "count"),
        ("deepseek", "headcount.rd", "2025-12-31", Decimal("300"), "count"),
    }
    english = ("Zhipu headcount\n\n                  2024-12-31    2025-12-31\n"
               "Employees                820          1,048\n")
    assert facts(english, watchlist, published=date(2026, 4, 1)) == {
        ("zhipu", "headcount", "2024-12-31", Decimal("820"), "count"),
        ("zhipu", "headcount", "2025-12-31", Decimal("1048"), "count"),
    }


def test_a_change_in_points_beside_a_margin_is_no_margin(watchlist):
    text = ("DeepSeek quarterly results\n\n"
            "                        Q2 2026     Q2 2025    Change\n"
            "Gross margin (%)           61.4        57.0    +4.4 pts\n"
            "Revenue (US$ m)            30.2        12.5       +142%\n")
    assert facts(text, watchlist, published=date(2026, 8, 20)) == {
        ("deepseek", "gross_margin", "2026Q2", Decimal("61.4"), "%"),
        ("deepseek", "gross_margin", "2025Q2", Decimal("57.0"), "%"),
        ("deepseek", "revenue", "2026Q2", Decimal("30200000"), "USD"),
        ("deepseek", "revenue", "2025Q2", Decimal("12500000"), "USD"),
        ("deepseek", "revenue_growth", "2026Q2", Decimal("142"), "%"),
    }


def test_a_story_sentence_above_a_table_is_no_caption_for_its_company_or_metric(watchlist):
    text = ("智谱发布年报，智谱称收入翻番，智谱将继续投入。\n\n值得注意的是，竞争对手MiniMax同期亏损更大。\n\n"
            "| 指标 | 2025年 |\n|---|---|\n| 营业收入 | 7.4亿元 |\n")
    assert facts(text, watchlist, published=date(2026, 4, 1), title="智谱年报") == {
        ("zhipu", "revenue", "FY2025", Decimal("740000000"), "CNY"),
    }
    metricless = ("月之暗面表示，将继续加大研发投入。\n\n"
                  "| 公司 | 2024年 | 2025年 |\n|---|---|---|\n| 月之暗面 | 1.9亿元 | 4.4亿元 |\n| DeepSeek | 1.1亿元 | 2.0亿元 |\n")
    assert not any(m == "rd_expense" for _, m, *_ in facts(metricless, watchlist, published=date(2026, 4, 1)))


# --- rules found on tests/blind7: a sentence pointing down to the table, a unit written under it ----------


def test_a_sentence_pointing_down_to_the_table_is_its_caption(watchlist):
    text = ("说明：以下均为各公司披露的营业收入，部分为未经审计数据，请谨慎比较。\n\n"
            "| 公司 | 2024年 | 2025年 |\n|---|---|---|\n| 月之暗面 | 1.9亿元 | 4.4亿元 |\n| DeepSeek | 2600万美元 | 7800万美元 |\n")
    assert facts(text, watchlist, published=date(2026, 4, 1)) == {
        ("moonshot", "revenue", "FY2024", Decimal("190000000"), "CNY"),
        ("moonshot", "revenue", "FY2025", Decimal("440000000"), "CNY"),
        ("deepseek", "revenue", "FY2024", Decimal("26000000"), "USD"),
        ("deepseek", "revenue", "FY2025", Decimal("78000000"), "USD"),
    }
    english = ("Each company's revenue, as it reported it, is set out below.\n\n"
               "                 1H25         1H26\n"
               "Moonshot AI      US$31.0m     US$52.4m\n"
               "DeepSeek         US$20.5m     US$33.8m\n")
    assert facts(english, watchlist, published=date(2026, 9, 1)) == {
        ("moonshot", "revenue", "2025H1", Decimal("31000000"), "USD"),
        ("moonshot", "revenue", "2026H1", Decimal("52400000"), "USD"),
        ("deepseek", "revenue", "2025H1", Decimal("20500000"), "USD"),
        ("deepseek", "revenue", "2026H1", Decimal("33800000"), "USD"),
    }


def test_below_a_bound_is_no_pointer_to_the_table(watchlist):
    # "30岁以下" is "under 30": the sentence is still the story's, not the table's caption.
    text = ("月之暗面表示，员工中30岁以下的占七成，营收增长强劲。\n\n"
            "| 公司 | 2024年 | 2025年 |\n|---|---|---|\n| 月之暗面 | 1.9亿元 | 4.4亿元 |\n| DeepSeek | 1.1亿元 | 2.0亿元 |\n")
    assert not any(m == "revenue" for _, m, *_ in facts(text, watchlist, published=date(2026, 4, 1)))


def test_a_unit_line_under_a_table_in_brackets_scales_its_cells(watchlist):
    text = ("各家日均token调用量\n\n| 公司 | 2026年3月 | 2026年6月 |\n|---|---|---|\n"
            "| 智谱 | 14.2 | 20.5 |\n| DeepSeek | 10.1 | 13.3 |\n\n（单位：万亿tokens/日）\n")
    assert facts(text, watchlist, published=date(2026, 7, 15)) == {
        ("zhipu", "daily_token_volume", "2026-03", Decimal("14200000000000"), "tokens/day"),
        ("zhipu", "daily_token_volume", "2026-06", Decimal("20500000000000"), "tokens/day"),
        ("deepseek", "daily_token_volume", "2026-03", Decimal("10100000000000"), "tokens/day"),
        ("deepseek", "daily_token_volume", "2026-06", Decimal("13300000000000"), "tokens/day"),
    }
    english = ("Revenue by company\n\n"
               "                 1H25      1H26\n"
               "Moonshot AI      31.0      52.4\n"
               "DeepSeek         20.5      33.8\n\n"
               "(Unit: US$ m)\n")
    assert facts(english, watchlist, published=date(2026, 9, 1)) == {
        ("moonshot", "revenue", "2025H1", Decimal("31000000"), "USD"),
        ("moonshot", "revenue", "2026H1", Decimal("52400000"), "USD"),
        ("deepseek", "revenue", "2025H1", Decimal("20500000"), "USD"),
        ("deepseek", "revenue", "2026H1", Decimal("33800000"), "USD"),
    }


# --- a header of two rows, as a page renders merged cells -------------------------------------------------


def test_a_header_of_two_rows_heads_each_column_with_both(watchlist):
    # "2025年" spans two columns and "业务" two rows: the empty cells keep every column in its place.
    text = ("智谱2025年收入构成\n\n| 业务 | 2025年 |  | 2024年 |  | \n|---|---|---|---|---|\n"
            "|  | 收入（亿元） | 占比 | 收入（亿元） | 占比 | \n"
            "| 本地化部署 | 5.00 | 67.8% | 2.63 | 84.5% | \n| 云端部署 | 2.38 | 32.2% | 0.48 | 15.5% | \n")
    assert facts(text, watchlist, published=date(2026, 4, 1)) == {
        ("zhipu", "revenue.on_premise", "FY2025", Decimal("500000000"), "CNY"),
        ("zhipu", "revenue_share.on_premise", "FY2025", Decimal("67.8"), "%"),
        ("zhipu", "revenue.on_premise", "FY2024", Decimal("263000000"), "CNY"),
        ("zhipu", "revenue_share.on_premise", "FY2024", Decimal("84.5"), "%"),
        ("zhipu", "revenue.cloud", "FY2025", Decimal("238000000"), "CNY"),
        ("zhipu", "revenue_share.cloud", "FY2025", Decimal("32.2"), "%"),
        ("zhipu", "revenue.cloud", "FY2024", Decimal("48000000"), "CNY"),
        ("zhipu", "revenue_share.cloud", "FY2024", Decimal("15.5"), "%"),
    }


def test_companies_or_metrics_merged_over_year_columns_head_them(watchlist):
    text = ("主要财务数据对比\n\n| 指标 | 月之暗面 |  | DeepSeek |  | \n|---|---|---|---|---|\n"
            "|  | 2024年 | 2025年 | 2024年 | 2025年 | \n"
            "| 营业收入（亿元） | 1.9 | 4.4 | 1.1 | 2.0 | \n| 毛利率 | 35.0% | 40.8% | 55.2% | 62.3% | \n")
    assert facts(text, watchlist, published=date(2026, 4, 1)) == {
        ("moonshot", "revenue", "FY2024", Decimal("190000000"), "CNY"),
        ("moonshot", "revenue", "FY2025", Decimal("440000000"), "CNY"),
        ("deepseek", "revenue", "FY2024", Decimal("110000000"), "CNY"),
        ("deepseek", "revenue", "FY2025", Decimal("200000000"), "CNY"),
        ("moonshot", "gross_margin", "FY2024", Decimal("35.0"), "%"),
        ("moonshot", "gross_margin", "FY2025", Decimal("40.8"), "%"),
        ("deepseek", "gross_margin", "FY2024", Decimal("55.2"), "%"),
        ("deepseek", "gross_margin", "FY2025", Decimal("62.3"), "%"),
    }
    english = ("Zhipu and MiniMax\n\n| Company | Revenue (RMB m) |  | Gross margin |  | \n|---|---|---|---|---|\n"
               "|  | 1H25 | 1H26 | 1H25 | 1H26 | \n"
               "| Zhipu | 190.7 | 677.5 | 50.0% | 40.6% | \n| MiniMax | 382.0 | 530.1 | 12.2% | 24.9% | \n")
    assert facts(english, watchlist, published=date(2026, 9, 1)) == {
        ("zhipu", "revenue", "2025H1", Decimal("190700000"), "CNY"),
        ("zhipu", "revenue", "2026H1", Decimal("677500000"), "CNY"),
        ("zhipu", "gross_margin", "2025H1", Decimal("50.0"), "%"),
        ("zhipu", "gross_margin", "2026H1", Decimal("40.6"), "%"),
        ("minimax", "revenue", "2025H1", Decimal("382000000"), "CNY"),
        ("minimax", "revenue", "2026H1", Decimal("530100000"), "CNY"),
        ("minimax", "gross_margin", "2025H1", Decimal("12.2"), "%"),
        ("minimax", "gross_margin", "2026H1", Decimal("24.9"), "%"),
    }


def test_a_second_row_of_numbers_under_a_merged_cell_is_a_row_of_the_body(watchlist):
    # The row under "| 指标 | 2025年 | |" holds figures, not headings: it is not merged into the header.
    text = ("| 指标 | 2025年上半年 |  | \n|---|---|---|\n|  | 2.9亿元 | 88% | \n| 营业收入 | 2.9亿元 | 88% | \n")
    tables = find_tables(text)
    assert len(tables) == 1 and len(tables[0].rows) == 3 and all(c.over is None for c in tables[0].rows[0])


def test_a_column_headed_by_the_percent_sign_beside_amounts_holds_shares(watchlist):
    # A prospectus's breakdown: a unit and "%" under each year; "84.5" under "%" is a share, not 84,500 yuan.
    text = ("下表載列月之暗面按業務劃分的收入明細：\n\n| | 2024年 |  | 2025年 |  | \n|---|---|---|---|---|\n"
            "|  | 人民幣千元 | % | 人民幣千元 | % | \n"
            "| 訂閱 | 120,500 | 61.2 | 260,300 | 58.9 | \n| 開放平台 | 76,400 | 38.8 | 181,700 | 41.1 | \n")
    assert facts(text, watchlist, published=date(2026, 4, 1)) == {
        ("moonshot", "revenue.consumer", "FY2024", Decimal("120500000"), "CNY"),
        ("moonshot", "revenue_share.consumer", "FY2024", Decimal("61.2"), "%"),
        ("moonshot", "revenue.consumer", "FY2025", Decimal("260300000"), "CNY"),
        ("moonshot", "revenue_share.consumer", "FY2025", Decimal("58.9"), "%"),
        ("moonshot", "revenue.cloud", "FY2024", Decimal("76400000"), "CNY"),
        ("moonshot", "revenue_share.cloud", "FY2024", Decimal("38.8"), "%"),
        ("moonshot", "revenue.cloud", "FY2025", Decimal("181700000"), "CNY"),
        ("moonshot", "revenue_share.cloud", "FY2025", Decimal("41.1"), "%"),
    }


def test_a_table_row_scoped_to_one_day_is_a_daily_volume_in_tokens_a_day(watchlist):
    # the unit follows the metric a scope turns the row into, in a table as in a sentence (one decision, binding's)
    text = "2025年12月各家调用量：\n\n| 公司 | 单日token调用量（亿） |\n|---|---|\n| 智谱 | 4,500 |\n"
    assert facts(text, watchlist, published=date(2026, 1, 5)) == {
        ("zhipu", "daily_token_volume", "2025-12", Decimal("450000000000"), "tokens/day")}
