"""General rules behind the held-out misses, each checked on sentences of our own (other companies, figures, wording).

tests/holdout/ measures the extractor on articles nobody tuned it to; these tests pin the rules found there
on text that is not in it, so that a fix cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def periods_of(text, watchlist, metric, **kw):
    return {(p, v) for _, m, p, v, _, _ in facts(text, watchlist, **kw) if m == metric}


# --- 1. periods ------------------------------------------------------------------------------------


def test_first_nine_months_in_chinese_is_q1_to_q3(watchlist):
    assert periods_of("月之暗面2024年前九个月营收为1.2亿元。", watchlist, "revenue") == {
        ("2024Q1-Q3", Decimal("120000000"))}
    assert periods_of("今年前9个月，智谱营收达到2亿元。", watchlist, "revenue", published=date(2025, 10, 30)) == {
        ("2025Q1-Q3", Decimal("200000000"))}
    assert periods_of("深度求索2024年首六個月收入為3,000萬美元。", watchlist, "revenue") == {
        ("2024H1", Decimal("30000000"))}


def test_first_nine_months_listed_with_years_takes_its_place(watchlist):
    text = "2022年、2023年及2024年前九个月，DeepSeek的收入分别为100万美元、800万美元及1500万美元。"
    assert periods_of(text, watchlist, "revenue") == {
        ("FY2022", Decimal("1000000")), ("FY2023", Decimal("8000000")), ("2024Q1-Q3", Decimal("15000000"))}


def test_months_to_a_month_in_english(watchlist):
    assert periods_of("DeepSeek's revenue in the nine months to September 2024 was $12.5 million.", watchlist,
                      "revenue") == {("2024Q1-Q3", Decimal("12500000"))}
    assert periods_of("Moonshot AI posted revenue of $7 million for the six months to June 2025.", watchlist,
                      "revenue") == {("2025H1", Decimal("7000000"))}


def test_first_three_quarters_in_other_wordings(watchlist):
    assert periods_of("DeepSeek's revenue in the first three quarters of 2024 was $30 million.", watchlist,
                      "revenue") == {("2024Q1-Q3", Decimal("30000000"))}
    assert periods_of("Moonshot AI reported revenue of US$20 million for the nine-month period ended September 30, "
                      "2025.", watchlist, "revenue") == {("2025Q1-Q3", Decimal("20000000"))}
    assert periods_of("月之暗面2025年首三季收入為2億元。", watchlist, "revenue") == {("2025Q1-Q3", Decimal("200000000"))}


def test_quarters_and_months_to_a_month_without_their_year(watchlist):
    text = ("Published November 2, 2025. Moonshot AI's revenue for the nine months through September was about "
            "$60 million. Kimi served 3 trillion tokens a day in the third quarter, against 1.1 trillion in the "
            "first quarter.")
    got = facts(text, watchlist)
    assert ("moonshot", "revenue", "2025Q1-Q3", Decimal("60000000"), "USD", "approx") in got
    assert {(p, v) for _, m, p, v, _, _ in got if m == "daily_token_volume"} == {
        ("2025Q3", Decimal("3000000000000")), ("2025Q1", Decimal("1100000000000"))}


def test_a_period_written_before_a_later_number_is_not_an_earlier_ones(watchlist):
    # "年初" (early in the year) is no period to report under; "9月" belongs to the 6000亿 after it
    text = "DeepSeek的日均token消耗量由年初的约800亿升至9月的6000亿以上。"
    assert facts(text, watchlist, published=date(2025, 10, 15)) == {
        ("deepseek", "daily_token_volume", "2025-09", Decimal("600000000000"), "tokens/day", "gt")}


def test_a_day_without_its_year_is_the_nearest_such_day(watchlist):
    # written on 30 December, "1月15日" is next January: a market value then is not a result yet
    text = "2025年12月30日\n智谱预定1月15日上市。以发行价计算，上市首日市值约为600亿港元。"
    assert facts(text, watchlist) == set()
    text = "2026年1月3日\n12月30日，月之暗面完成新一轮融资。DeepSeek当日市值约为900亿港元。"
    assert facts(text, watchlist) == {("deepseek", "market_cap", "2025-12-30", Decimal("90000000000"), "HKD", "approx")}


def test_each_number_takes_the_period_written_with_it(watchlist):
    text = "Moonshot AI's adjusted net loss was US$90m for 9M24, against US$150m for the whole of FY2023."
    assert periods_of(text, watchlist, "adjusted_net_loss") == {
        ("2024Q1-Q3", Decimal("90000000")), ("FY2023", Decimal("150000000"))}
    text = "DeepSeek's net loss was US$40m for 1H25 versus US$75m for the full year of 2024."
    assert periods_of(text, watchlist, "net_loss") == {("2025H1", Decimal("40000000")), ("FY2024", Decimal("75000000"))}


def test_a_change_from_a_year_earlier_to_a_level(watchlist):
    text = ("Moonshot AI's revenue for the first half of 2025 rose 120% from a year earlier to $35 million, and its "
            "net loss narrowed to $60 million.")
    assert facts(text, watchlist) == {
        ("moonshot", "revenue_growth", "2025H1", Decimal("120"), "%", "eq"),
        ("moonshot", "revenue", "2025H1", Decimal("35000000"), "USD", "eq"),
        ("moonshot", "net_loss", "2025H1", Decimal("60000000"), "USD", "eq")}


def test_a_comparison_base_does_not_date_the_next_sentence(watchlist):
    text = ("DeepSeek 2025年上半年收入為5億元人民幣，較去年同期的2億元人民幣增長150%。"
            "API業務收入佔比約七成。")
    got = facts(text, watchlist)
    assert ("deepseek", "revenue_share.cloud", "2025H1", Decimal("70"), "%", "approx") in got
    assert ("deepseek", "revenue", "2024H1", Decimal("200000000"), "CNY", "eq") in got


def test_the_same_nine_months_is_the_last_nine_months_named(watchlist):
    text = ("MiniMax's revenue for the nine months ended September 30, 2024 was US$20m, compared with US$10m in "
            "FY2023. R&D expense over the same nine months was US$50m.")
    assert periods_of(text, watchlist, "rd_expense") == {("2024Q1-Q3", Decimal("50000000"))}
    # "over the same nine months" names a period again, it is no comparison with it
    text = text.replace("was US$50m.", "was US$50m, about 2.5 times revenue.")
    assert periods_of(text, watchlist, "rd_to_revenue") == {("2024Q1-Q3", Decimal("2.5"))}


def test_a_month_without_its_year_takes_the_documents_year(watchlist):
    text = "DeepSeek的日均token消耗量从3月的2000亿增长到8月的8000亿。"
    assert periods_of(text, watchlist, "daily_token_volume", published=date(2025, 9, 10)) == {
        ("2025-03", Decimal("200000000000")), ("2025-08", Decimal("800000000000"))}
    # a month later than the document's own is last year's
    text = "智谱MaaS平台12月的日均调用量为5000亿。"
    assert periods_of(text, watchlist, "daily_token_volume", published=date(2026, 1, 5)) == {
        ("2025-12", Decimal("500000000000"))}


def test_a_month_dating_an_event_does_not_date_the_figures_after_it(watchlist):
    text = "7月，月之暗面发布Kimi K2。\n公司API收入为1亿元。"
    assert facts(text, watchlist, published=date(2025, 9, 1)) == set()


def test_a_comparison_year_does_not_date_the_next_half_year(watchlist):
    text = ("2024年上半年，智谱云端收入占比为20%。与2021年的水平相比，这一比例明显提升。\n"
            "上半年研发投入为8亿元，仍高于收入。")
    assert periods_of(text, watchlist, "rd_expense") == {("2024H1", Decimal("800000000"))}


def test_the_day_before_is_the_day_before_the_document(watchlist):
    text = "2026年3月2日\n就在前一天，智谱市值一度突破800亿港元。"
    assert facts(text, watchlist) == {("zhipu", "market_cap", "2026-03-01", Decimal("80000000000"), "HKD", "gt")}


# --- 2. tables -------------------------------------------------------------------------------------


def test_markdown_table_with_its_unit_in_a_caption_and_a_header_without_label_cell(watchlist):
    text = ("月之暗面主要财务数据如下（单位：人民币万元）\n\n"
            "| 2023年 | 2024年 | 2025年1-6月 |\n|---|---|---|\n"
            "| 营业收入 | 1200 | 5600 | 4100 |\n| 研发开支 | 30000 | 52000 | 31000 |\n")
    got = facts(text, watchlist)
    assert {(m, p, v) for _, m, p, v, u, _ in got if u == "CNY"} == {
        ("revenue", "FY2023", Decimal("12000000")), ("revenue", "FY2024", Decimal("56000000")),
        ("revenue", "2025H1", Decimal("41000000")), ("rd_expense", "FY2023", Decimal("300000000")),
        ("rd_expense", "FY2024", Decimal("520000000")), ("rd_expense", "2025H1", Decimal("310000000"))}
    assert {c for c, *_ in got} == {"moonshot"}


def test_aligned_table_with_periods_and_companies_in_rows(watchlist):
    text = ("Peer comparison, all figures in US$ millions\n\n"
            "Company       Period    Revenue    Net loss\n"
            "DeepSeek      FY2024    45.0       12.5\n"
            "Moonshot AI   1H25      18.2       30.1\n"
            "OpenAI        FY2024    3700       5000\n")
    assert facts(text, watchlist) == {
        ("deepseek", "revenue", "FY2024", Decimal("45000000"), "USD", "eq"),
        ("deepseek", "net_loss", "FY2024", Decimal("12500000"), "USD", "eq"),
        ("moonshot", "revenue", "2025H1", Decimal("18200000"), "USD", "eq"),
        ("moonshot", "net_loss", "2025H1", Decimal("30100000"), "USD", "eq"),
    }


def test_table_with_abbreviated_periods_and_units_per_row(watchlist):
    text = ("MiniMax key metrics\n\n"
            "| | FY2024 | 1H25 | 9M25 |\n|---|---|---|---|\n"
            "| Revenue (US$ million) | 30.5 | 19.1 | 53.4 |\n"
            "| Gross margin (%) | 12.2 | 20.1 | 23.3 |\n"
            "| Adj. net loss (US$ million) | 244 | 120 | 186 |\n")
    got = facts(text, watchlist, published=date(2026, 1, 10))
    assert ("minimax", "gross_margin", "2025Q1-Q3", Decimal("23.3"), "%", "eq") in got
    assert ("minimax", "adjusted_net_loss", "2025H1", Decimal("120000000"), "USD", "eq") in got
    assert ("minimax", "revenue", "FY2024", Decimal("30500000"), "USD", "eq") in got
    assert len(got) == 9


def test_aligned_table_with_a_unit_header_cell_or_a_header_without_label_cell(watchlist):
    expected = {
        ("moonshot", "revenue", "FY2023", Decimal("21500000"), "USD", "eq"),
        ("moonshot", "revenue", "FY2024", Decimal("68000000"), "USD", "eq"),
        ("moonshot", "net_loss", "FY2023", Decimal("150000000"), "USD", "eq"),
        ("moonshot", "net_loss", "FY2024", Decimal("210500000"), "USD", "eq")}
    rows = "Revenue           21.5        68.0\nNet loss          150.0       210.5\n"
    assert facts("Moonshot AI in figures\n\nUS$ million       2023        2024\n" + rows, watchlist) == expected
    assert facts("Moonshot AI in figures (in US$ millions)\n\n                  2023        2024\n" + rows,
                 watchlist) == expected


def test_table_estimate_columns_are_left_out_and_growth_rows_follow_their_base(watchlist):
    text = ("DeepSeek: figures and estimates\n\nResearch note, 5 December 2025\n\nFigures in US$ million unless stated.\n\n"
            "| Metric | FY2024 | 1H25 | FY2025E |\n|---|---|---|---|\n"
            "| Revenue | 40.0 | 35.5 | 90.0 |\n| YoY growth (%) | 210 | 160 | 125 |\n| Gross margin | 55.0% | 60.2% | 61.0% |\n\n"
            "We expect the gross margin to stay near 61% this year.")
    got = facts(text, watchlist)
    assert got == {
        ("deepseek", "revenue", "FY2024", Decimal("40000000"), "USD", "eq"),
        ("deepseek", "revenue", "2025H1", Decimal("35500000"), "USD", "eq"),
        ("deepseek", "revenue_growth", "FY2024", Decimal("210"), "%", "eq"),
        ("deepseek", "revenue_growth", "2025H1", Decimal("160"), "%", "eq"),
        ("deepseek", "gross_margin", "FY2024", Decimal("55.0"), "%", "eq"),
        ("deepseek", "gross_margin", "2025H1", Decimal("60.2"), "%", "eq"),
    }


# --- 3. Chinese numerals: tenths (七成) and multiples (两倍) ------------------------------------------


def test_shares_in_tenths(watchlist):
    assert facts("月之暗面2025年上半年超过六成的收入来自订阅。", watchlist) == {
        ("moonshot", "revenue_share.consumer", "2025H1", Decimal("60"), "%", "gt")}
    assert facts("深度求索2024年API收入佔比約八成五。", watchlist) == {
        ("deepseek", "revenue_share.cloud", "FY2024", Decimal("85"), "%", "approx")}
    assert facts("2024年，智谱消费者业务收入占比逾六成，云服务约占四成。", watchlist) == {
        ("zhipu", "revenue_share.consumer", "FY2024", Decimal("60"), "%", "gt"),
        ("zhipu", "revenue_share.cloud", "FY2024", Decimal("40"), "%", "approx")}


def test_tenths_after_a_share_verb(watchlist):
    text = "2025年上半年，月之暗面訂閱收入佔八成五，API業務約佔一成半。"
    assert facts(text, watchlist) == {
        ("moonshot", "revenue_share.consumer", "2025H1", Decimal("85"), "%", "eq"),
        ("moonshot", "revenue_share.cloud", "2025H1", Decimal("15"), "%", "approx")}


def test_market_share_is_not_a_revenue_share(watchlist):
    assert facts("2024年，智谱云端业务在国内市场占有率为15%。", watchlist) == set()
    assert facts("In 2024, DeepSeek's API business had a market share of 15%.", watchlist) == set()


def test_tenths_far_from_a_share_word_are_not_a_share(watchlist):
    assert facts("智谱2024年的收入占比变化不大，云服务八成会继续扩张。", watchlist) == set()
    assert facts("2024年DeepSeek的收入中，超过九成来自订阅。", watchlist) == set()


def test_multiples_of_revenue_in_chinese_numerals_and_english(watchlist):
    assert facts("2024年DeepSeek研发开支相当于收入逾五倍。", watchlist) == {
        ("deepseek", "rd_to_revenue", "FY2024", Decimal("5"), "x", "gt")}
    assert facts("月之暗面2024年研发投入是收入的两倍。", watchlist) == {
        ("moonshot", "rd_to_revenue", "FY2024", Decimal("2"), "x", "eq")}
    assert facts("Moonshot AI's R&D spending in 2024 was about 2.5 times revenue.", watchlist) == {
        ("moonshot", "rd_to_revenue", "FY2024", Decimal("2.5"), "x", "approx")}


def test_growth_by_a_multiple_in_chinese_is_a_percentage(watchlist):
    assert facts("2024年月之暗面营收同比增长两倍。", watchlist) == {
        ("moonshot", "revenue_growth", "FY2024", Decimal("200"), "%", "eq")}
    assert facts("DeepSeek的收入2024年增长了3倍。", watchlist) == {
        ("deepseek", "revenue_growth", "FY2024", Decimal("300"), "%", "eq")}
    # "grew 3x" reads as "tripled" as often as "+300%": not a growth rate
    assert facts("Moonshot AI's revenue grew 3x in 2024.", watchlist) == set()


# --- 4. precision: forecasts with 将 / "will", quarter-on-quarter changes ----------------------------


def test_will_be_is_a_forecast(watchlist):
    assert facts("以发行价上限计算，月之暗面上市后市值将达到800亿港元。", watchlist, published=date(2026, 2, 1)) == set()
    assert facts("智谱今年全年收入將超過7億元人民幣。", watchlist, published=date(2025, 11, 1)) == set()
    assert facts("Zhipu said its market value will be about HK$80 billion after the share sale.", watchlist,
                 published=date(2026, 1, 2)) == set()


def test_will_be_only_reaches_its_own_clause(watchlist):
    text = "Management said it would be cautious; DeepSeek's R&D spending was $90 million in the first half of 2025."
    assert facts(text, watchlist) == {("deepseek", "rd_expense", "2025H1", Decimal("90000000"), "USD", "eq")}


def test_jiang_as_an_object_marker_is_no_forecast(watchlist):
    assert facts("智谱将2024年的收入3.124亿元大部分投入研发。", watchlist) == {
        ("zhipu", "revenue", "FY2024", Decimal("312400000"), "CNY", "eq")}


def test_quarter_on_quarter_change_is_not_revenue_growth(watchlist):
    assert facts("月之暗面2025年第二季度收入为8000万元，环比增长25%，同比增长150%。", watchlist) == {
        ("moonshot", "revenue", "2025Q2", Decimal("80000000"), "CNY", "eq"),
        ("moonshot", "revenue_growth", "2025Q2", Decimal("150"), "%", "eq")}
    assert facts("Sequentially, Zhipu's revenue rose 40% in the third quarter of 2025.", watchlist) == set()
    text = "DeepSeek's revenue was $20 million in Q3 2025, up 12% quarter-on-quarter; revenue grew 90% year over year."
    assert facts(text, watchlist) == {
        ("deepseek", "revenue", "2025Q3", Decimal("20000000"), "USD", "eq"),
        ("deepseek", "revenue_growth", "2025Q3", Decimal("90"), "%", "eq")}


# --- 5. smaller: a quarter in Traditional Chinese, a level whose metric is named after it --------------


def test_daily_volume_in_a_traditional_chinese_quarter(watchlist):
    text = "2025年11月20日\n月之暗面今年第二季日均處理約8,000億個token。"
    assert facts(text, watchlist) == {("moonshot", "daily_token_volume", "2025Q2", Decimal("800000000000"), "tokens/day",
                                       "approx")}
    assert periods_of("DeepSeek 2024年第四季日均调用约2万亿。", watchlist, "daily_token_volume") == {
        ("2024Q4", Decimal("2000000000000"))}


def test_a_compared_level_takes_the_metric_named_after_it(watchlist):
    text = "2024年，與2023年62%的水平相比，月之暗面訂閱收入佔比升至75%。"
    assert facts(text, watchlist) == {
        ("moonshot", "revenue_share.consumer", "FY2023", Decimal("62"), "%", "eq"),
        ("moonshot", "revenue_share.consumer", "FY2024", Decimal("75"), "%", "eq")}
    text = "Compared with 95.5% in 2022, Zhipu's on-premise share of revenue was 84.8% in the first half of 2025."
    assert facts(text, watchlist) == {
        ("zhipu", "revenue_share.on_premise", "FY2022", Decimal("95.5"), "%", "eq"),
        ("zhipu", "revenue_share.on_premise", "2025H1", Decimal("84.8"), "%", "eq")}


def test_a_clause_opened_by_and_without_a_comparison_takes_no_metric_after_it(watchlist):
    # 与/和 open a comparison only when the clause closes it with 相比
    assert facts("與此同時，62%來自海外，2024年月之暗面訂閱收入佔比為75%。", watchlist) == {
        ("moonshot", "revenue_share.consumer", "FY2024", Decimal("75"), "%", "eq")}


# --- blind2: periods carried across sentences --------------------------------------------------------


def test_same_period_after_a_list_of_periods_is_that_list(watchlist):
    text = ("截至2021年、2022年及2023年12月31日止年度以及截至2024年3月31日止三个月，月之暗面的收入分别为1亿元、"
            "2亿元、3亿元及0.9亿元。2021年至2023年的收入复合年增长率为73%。于往绩记录期间，毛利率分别为10%、20%、30%及35%。"
            "同期研发开支分别为0.5亿元、0.8亿元、1.1亿元及0.4亿元。")
    expected = {("FY2021", Decimal("10")), ("FY2022", Decimal("20")), ("FY2023", Decimal("30")), ("2024Q1", Decimal("35"))}
    assert periods_of(text, watchlist, "gross_margin") == expected
    assert periods_of(text, watchlist, "rd_expense") == {
        ("FY2021", Decimal("50000000")), ("FY2022", Decimal("80000000")), ("FY2023", Decimal("110000000")),
        ("2024Q1", Decimal("40000000"))}


def test_the_track_record_period_alone_is_the_years_of_the_last_span(watchlist):
    text = "2021年至2023年，DeepSeek的收入複合年增長率為100%。於往績記錄期間，其毛利率分別為12%、18%及25%。"
    assert periods_of(text, watchlist, "gross_margin") == {
        ("FY2021", Decimal("12")), ("FY2022", Decimal("18")), ("FY2023", Decimal("25"))}


def test_a_period_stated_as_ended_after_the_document_date_is_no_forecast(watchlist):
    # the date taken for the text (a year end in its first lines) came before the period it reports had ended
    text = "截至2024年12月31日止年度及截至2025年6月30日止六个月，月之暗面收入分别为2亿元及1.5亿元。"
    assert periods_of(text, watchlist, "revenue", published=date(2024, 12, 31)) == {
        ("FY2024", Decimal("200000000")), ("2025H1", Decimal("150000000"))}


def test_months_ended_with_the_day_before_the_month(watchlist):
    text = ("For the nine months ended 30 September 2025, DeepSeek recorded revenue of US$40.0 million, compared with "
            "US$22.5 million for the nine months ended 30 September 2024.")
    assert periods_of(text, watchlist, "revenue") == {
        ("2025Q1-Q3", Decimal("40000000")), ("2024Q1-Q3", Decimal("22500000"))}
    text = "Gross margin was 31.5% for the three months ended 31 March 2025, compared with 20.1% for the three months ended 31 March 2024."
    assert periods_of(text, watchlist, "gross_margin", title="Moonshot AI results") == {
        ("2025Q1", Decimal("31.5")), ("2024Q1", Decimal("20.1"))}


def test_the_period_of_a_comparisons_base_figure_does_not_date_the_next_sentence(watchlist):
    text = ("Gross margin was 40.2% for the six months ended 30 June 2025, compared with 31.0% for the six months ended "
            "30 June 2024. Revenue from subscriptions was US$8.1 million.")
    assert periods_of(text, watchlist, "revenue.consumer", title="DeepSeek interim") == {("2025H1", Decimal("8100000"))}
    text = "月之暗面2025年上半年收入为3亿元，较2024年上半年的1亿元大幅增长。其中订阅收入为2亿元。"
    assert periods_of(text, watchlist, "revenue.consumer") == {("2025H1", Decimal("200000000"))}


def test_the_nine_months_and_the_same_period_and_all_of_a_year(watchlist):
    text = ("DeepSeek's gross margin for the first nine months of 2025 was 30%. It spent about $90 million on research "
            "and development in the nine months. Adjusted net loss for the same period was $70 million, compared with "
            "$120 million for all of 2024.")
    got = facts(text, watchlist)
    assert ("deepseek", "rd_expense", "2025Q1-Q3", Decimal("90000000"), "USD", "approx") in got
    assert ("deepseek", "adjusted_net_loss", "2025Q1-Q3", Decimal("70000000"), "USD", "eq") in got
    assert ("deepseek", "adjusted_net_loss", "FY2024", Decimal("120000000"), "USD", "eq") in got


# --- blind2: cues ---------------------------------------------------------------------------------


def test_a_change_cue_naming_its_base(watchlist):
    assert periods_of("Moonshot AI grew revenue 210% in 2024.", watchlist, "revenue_growth") == {("FY2024", Decimal("210"))}
    text = "In 2024, DeepSeek recorded revenue of US$50 million, an increase of 96.5% from US$25.4 million in 2023."
    assert periods_of(text, watchlist, "revenue_growth") == {("FY2024", Decimal("96.5"))}
    assert periods_of(text, watchlist, "revenue") == {("FY2024", Decimal("50000000")), ("FY2023", Decimal("25400000"))}


def test_loss_for_the_period_is_the_net_loss(watchlist):
    text = "For the year ended 31 December 2024, Moonshot AI's loss for the year was RMB1.2 billion."
    assert periods_of(text, watchlist, "net_loss") == {("FY2024", Decimal("1200000000"))}


def test_segments_listed_respectively(watchlist):
    text = ("In 2024, DeepSeek's API services and subscriptions accounted for 64% and 36% of total revenue, "
            "respectively.")
    got = facts(text, watchlist)
    assert ("deepseek", "revenue_share.cloud", "FY2024", Decimal("64"), "%", "eq") in got
    assert ("deepseek", "revenue_share.consumer", "FY2024", Decimal("36"), "%", "eq") in got


# --- blind2: tables -------------------------------------------------------------------------------


def test_aligned_table_in_thousands_with_the_months_over_its_year_columns(watchlist):
    text = ("Moonshot AI - interim summary\n\n"
            "                              Nine months ended 30 September\n"
            "(RMB'000)                          2024           2025\n"
            "Revenue                          52,300         98,450\n"
            "Loss for the period            (410,200)      (655,900)\n")
    got = facts(text, watchlist, title="Moonshot AI - interim summary")
    assert ("moonshot", "revenue", "2025Q1-Q3", Decimal("98450000"), "CNY", "eq") in got
    assert ("moonshot", "net_loss", "2024Q1-Q3", Decimal("410200000"), "CNY", "eq") in got
    text = ("深度求索财务摘要\n\n截至6月30日止六個月\n"
            "（US$'000）        2024        2025\n"
            "收入              8,120      20,300\n")
    assert periods_of(text, watchlist, "revenue", title="深度求索财务摘要") == {
        ("2024H1", Decimal("8120000")), ("2025H1", Decimal("20300000"))}


def test_markdown_table_with_actual_and_estimate_year_columns(watchlist):
    text = ("月之暗面盈利预测（单位：百万元）\n\n"
            "| 指标 | 2023A | 2024A | 2025E |\n|---|---|---|---|\n"
            "| 营业收入 | 12.50 | 88.00 | 300.00 |\n| 毛利率(%) | 10.0 | 25.5 | 40.0 |\n")
    got = facts(text, watchlist, published=date(2025, 3, 1), title="月之暗面盈利预测")
    assert {(m, p, v) for _, m, p, v, _, _ in got} == {
        ("revenue", "FY2023", Decimal("12500000")), ("revenue", "FY2024", Decimal("88000000")),
        ("gross_margin", "FY2023", Decimal("10.0")), ("gross_margin", "FY2024", Decimal("25.5"))}


def test_taiwanese_year_on_year_and_quarter_on_quarter(watchlist):
    text = "月之暗面2024年營收5億元人民幣，年增約80%；第四季營收季增15%。"
    assert periods_of(text, watchlist, "revenue_growth") == {("FY2024", Decimal("80"))}
    assert periods_of("DeepSeek 2025年前三季營收年減12%。", watchlist, "revenue_growth") == {("2025Q1-Q3", Decimal("-12"))}


def test_rd_as_a_multiple_of_operating_revenue_or_reaching_revenue(watchlist):
    assert periods_of("深度求索2024年研发投入是营业收入的4.5倍。", watchlist, "rd_to_revenue") == {("FY2024", Decimal("4.5"))}
    assert periods_of("月之暗面2023年研發開支達收入三倍", watchlist, "rd_to_revenue") == {("FY2023", Decimal("3"))}


def test_a_headline_compound_rate_restates_the_one_with_its_span(watchlist):
    text = "月之暗面：两年收入复合增长85%\n\n2022年至2024年，月之暗面收入复合年增长率为85%，2024年收入为3亿元。"
    assert periods_of(text, watchlist, "revenue_cagr", title="月之暗面：两年收入复合增长85%") == {
        ("FY2022-FY2024", Decimal("85"))}
    assert periods_of(text, watchlist, "revenue_growth", title="月之暗面：两年收入复合增长85%") == set()


def test_a_chinese_magnitude_running_into_a_latin_word(watchlist):
    got = facts("截至2025年6月，月之暗面日均调用量已超过3万亿Tokens。", watchlist)
    assert {v for _, m, _, v, _, _ in got if m == "daily_token_volume"} == {Decimal("3000000000000")}


def test_a_conversion_into_new_taiwan_dollars_is_not_a_second_fact(watchlist):
    got = facts("月之暗面2024年營收2億元人民幣（約新台幣9億元），年增逾一倍。", watchlist)
    assert {(m, v, u) for _, m, _, v, u, _ in got if m == "revenue"} == {("revenue", Decimal("200000000"), "CNY")}


def test_figures_of_companies_off_the_watchlist_in_english(watchlist):
    text = ("Zhipu's revenue rose 150% in 2024. SenseTime said its generative AI revenue rose 103% in 2024. "
            "Baidu said revenue from its AI cloud business rose 33% in the third quarter.")
    assert periods_of(text, watchlist, "revenue_growth", published=date(2025, 11, 30), title="Zhipu") == {
        ("FY2024", Decimal("150"))}


def test_a_period_that_had_not_begun_is_no_result(watchlist):
    text = "MiniMax第三季收入按年增約1.7倍"
    assert periods_of(text, watchlist, "revenue_growth", published=date(2026, 1, 20)) == set()
    assert periods_of(text, watchlist, "revenue_growth", published=date(2025, 11, 30)) == {("2025Q3", Decimal("170.0"))}


def test_over_the_level_it_is_compared_with_is_no_more_than(watchlist):
    text = ("DeepSeek's gross margin for the first nine months of 2025 reached 41%, up 9 percentage points over the 32% "
            "it posted for full-year 2024.")
    got = facts(text, watchlist)
    assert ("deepseek", "gross_margin", "FY2024", Decimal("32"), "%", "eq") in got
    assert ("deepseek", "gross_margin", "2025Q1-Q3", Decimal("41"), "%", "eq") in got
    assert ("deepseek", "revenue", "FY2024", Decimal("5000000"), "USD", "gt") in facts(
        "DeepSeek's revenue in 2024 was over $5 million.", watchlist)


# --- 3. third round: long features ----------------------------------------------------------------


def test_english_money_shorthand_with_an_rmb_prefix(watchlist):
    got = facts("Moonshot AI's revenue was Rmb84mn in the first half of 2025, and its adjusted net loss was "
                "Rmb2.3bn.", watchlist)
    assert ("moonshot", "revenue", "2025H1", Decimal("84000000"), "CNY", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "2025H1", Decimal("2300000000"), "CNY", "eq") in got
    assert periods_of("DeepSeek reported revenue of HK$12.6mn in 2024.", watchlist, "revenue") == {
        ("FY2024", Decimal("12600000"))}


def test_a_change_leading_to_a_level_takes_the_levels_period(watchlist):
    got = facts("DeepSeek's revenue jumped 80% to $30 million in 2024.", watchlist)
    assert ("deepseek", "revenue_growth", "FY2024", Decimal("80"), "%", "eq") in got
    assert ("deepseek", "revenue", "FY2024", Decimal("30000000"), "USD", "eq") in got
    assert periods_of("Moonshot AI's revenue rose 140 per cent to Rmb420mn in the first half of 2025.", watchlist,
                      "revenue_growth") == {("2025H1", Decimal("140"))}


def test_a_multiple_in_english_words_and_the_qualifier_before_its_base(watchlist):
    got = facts("In 2024 Moonshot AI's research spending was more than six times its revenue.", watchlist)
    assert ("moonshot", "rd_to_revenue", "FY2024", Decimal("6"), "x", "gt") in got
    got = facts("2024年，月之暗面的研发开支超过了同期收入的6倍；2023年研发开支约为收入的5倍。", watchlist)
    assert ("moonshot", "rd_to_revenue", "FY2024", Decimal("6"), "x", "gt") in got
    assert ("moonshot", "rd_to_revenue", "FY2023", Decimal("5"), "x", "approx") in got


def test_passed_and_topped_are_more_than(watchlist):
    got = facts("Moonshot AI's annual recurring revenue passed $50 million in December 2025. MiniMax's market "
                "capitalisation topped HK$80bn on 3 January 2026.", watchlist, published=date(2026, 1, 14))
    assert ("moonshot", "arr", "2025-12", Decimal("50000000"), "USD", "gt") in got
    assert ("minimax", "market_cap", "2026-01-03", Decimal("80000000000"), "HKD", "gt") in got
    assert facts("DeepSeek's market value could top $90bn.", watchlist, published=date(2026, 1, 14)) == set()


def test_a_day_without_its_year_and_the_day_after_it(watchlist):
    text = ("DeepSeek began trading on March 3. By the close its market value was above $40bn. The next day Moonshot "
            "AI's market capitalisation topped $25bn.")
    got = facts(text, watchlist, published=date(2026, 3, 10))
    assert ("deepseek", "market_cap", "2026-03-03", Decimal("40000000000"), "USD", "gt") in got
    assert ("moonshot", "market_cap", "2026-03-04", Decimal("25000000000"), "USD", "gt") in got
    got = facts("月之暗面于12月30日上市，市值突破800亿港元。", watchlist, published=date(2026, 1, 5))
    assert ("moonshot", "market_cap", "2025-12-30", Decimal("80000000000"), "HKD", "gt") in got
    assert periods_of("On 2 February MiniMax's market value was HK$90bn.", watchlist, "market_cap",
                      published=date(2026, 2, 20)) == {("2026-02-02", Decimal("90000000000"))}


def test_a_segment_in_a_relative_clause_is_an_aside(watchlist):
    text = ("Moonshot AI, which earns most of its money from consumer subscriptions, reported revenue of $12mn "
            "for 2024.")
    assert {m for _, m, _, _, _, _ in facts(text, watchlist)} == {"revenue"}
    text = "DeepSeek, best known for its cloud API, posted revenue of $40mn in 2024."
    assert {m for _, m, _, _, _, _ in facts(text, watchlist)} == {"revenue"}
    got = facts("MiniMax's cloud business grew fast, and in 2024 cloud revenue was $9mn.", watchlist)
    assert {m for _, m, _, _, _, _ in got} == {"revenue.cloud"}


def test_the_company_whose_share_it_is(watchlist):
    text = ("OpenAI dominates the market. In 2024, on-premise deployments made up 60% of Moonshot AI's revenue. "
            "Cloud made up 30% of DeepSeek's revenue.")
    got = {(c, m, v) for c, m, _, v, _, _ in facts(text, watchlist, title="DeepSeek")}
    assert ("moonshot", "revenue_share.on_premise", Decimal("60")) in got
    assert ("deepseek", "revenue_share.cloud", Decimal("30")) in got


def test_compounded_at_a_rate_between_two_years(watchlist):
    text = "MiniMax's revenue compounded at 210% a year between 2023 and 2025."
    assert periods_of(text, watchlist, "revenue_cagr", published=date(2026, 3, 1)) == {
        ("FY2023-FY2025", Decimal("210"))}
    assert periods_of("Between 2022 and 2024, DeepSeek's revenue compounding at 95% a year made it a leader.",
                      watchlist, "revenue_cagr") == {("FY2022-FY2024", Decimal("95"))}
    assert periods_of("DeepSeek's revenue rose 50% in 2024 and 2025 respectively.", watchlist, "revenue_growth",
                      published=date(2026, 1, 2)) == {("FY2024", Decimal("50"))}


def test_tokens_processed_each_day_in_a_quote(watchlist):
    text = "DeepSeek创始人表示：“到今年6月，我们每天处理的token已经超过5万亿。”"
    assert ("deepseek", "daily_token_volume", "2025-06", Decimal("5000000000000"), "tokens/day", "gt") in facts(
        text, watchlist, published=date(2025, 7, 20))
    text = "月之暗面透露，2025年9月Kimi每天調用的token約為2萬億。"
    assert periods_of(text, watchlist, "daily_token_volume") == {("2025-09", Decimal("2000000000000"))}


def test_a_stock_as_of_a_month_is_dated_to_that_month(watchlist):
    text = "截至2025年9月，DeepSeek的年化收入（ARR）已超过2亿美元。截至2025年6月底，MiniMax员工约400人。"
    got = facts(text, watchlist)
    assert ("deepseek", "arr", "2025-09", Decimal("200000000"), "USD", "gt") in got
    assert ("minimax", "headcount", "2025-06-30", Decimal("400"), "count", "approx") in got


def test_a_half_without_its_year_still_under_way_is_last_years(watchlist):
    text = "上半年收入按年增長210%　MiniMax去年上半年收入為5,000萬美元。"
    assert periods_of("上半年收入按年增長210%。月之暗面仍在虧損。", watchlist, "revenue_growth",
                      published=date(2026, 2, 3)) == {("2025H1", Decimal("210"))}
    assert ("minimax", "revenue", "2025H1", Decimal("50000000"), "USD", "eq") in facts(
        text, watchlist, published=date(2026, 3, 1))
    assert periods_of("DeepSeek's revenue for the first nine months rose 90%.", watchlist, "revenue_growth",
                      published=date(2025, 11, 20)) == {("2025Q1-Q3", Decimal("90"))}


def test_plans_hopes_and_hypotheticals_are_no_results(watchlist):
    assert facts("月之暗面的内部规划是在2028年前让海外收入占比超过60%，开放平台收入占比超过30%。", watchlist) == set()
    assert facts("闫俊杰说：“我们希望在未来三年内让MiniMax云端收入占比提升到50%以上。”", watchlist) == set()
    assert facts("按DeepSeek的测算，若全部按标价收费，当日理论收入可达80万美元。", watchlist,
                 published=date(2025, 3, 1)) == set()
    assert facts("Moonshot AI hopes to lift its cloud revenue share to 45% by 2027.", watchlist) == set()
    got = facts("如果计入优先股公允价值变动，MiniMax 2024年的净亏损为4.65亿美元。", watchlist)
    assert ("minimax", "net_loss", "FY2024", Decimal("465000000"), "USD", "eq") in got


def test_a_level_held_for_years_has_no_period_of_its_own(watchlist):
    text = "2024年，月之暗面收入为5亿元。公司的毛利率一直保持在60%以上。"
    assert periods_of(text, watchlist, "gross_margin") == set()
    text = "DeepSeek posted revenue of $80mn in 2024. Its gross margin has long been above 55%."
    assert periods_of(text, watchlist, "gross_margin") == set()
    assert periods_of("2024年，月之暗面的毛利率长期以来首次达到45%。", watchlist, "gross_margin") == {
        ("FY2024", Decimal("45"))}


def test_a_figure_of_the_peers_a_company_is_compared_with(watchlist):
    text = "与海外同行普遍80%以上的毛利率相比，月之暗面2024年的毛利率仅为35%。"
    assert facts(text, watchlist) == {("moonshot", "gross_margin", "FY2024", Decimal("35"), "%", "eq")}
    text = "Against an industry average of 65% gross margin, DeepSeek's gross margin was 48% in 2024."
    assert periods_of(text, watchlist, "gross_margin") == {("FY2024", Decimal("48"))}


def test_a_daily_rate_as_of_a_month_is_that_months(watchlist):
    text = "据月之暗面披露，截至2025年11月，Kimi每日处理的token已超过4万亿。"
    assert periods_of(text, watchlist, "daily_token_volume") == {("2025-11", Decimal("4000000000000"))}
    text = "截至2025年6月30日止六个月，DeepSeek日均token消耗量为3万亿。"
    assert periods_of(text, watchlist, "daily_token_volume") == {("2025H1", Decimal("3000000000000"))}


def test_a_segments_growth_after_its_share_is_no_fact(watchlist):
    # facts.md gives revenue_growth no segment: a segment's growth is neither the company's nor stored as the
    # segment's (metrics.py derives segment growth from the segment's revenue in two periods)
    text = "2025年上半年，月之暗面开放平台收入约3000万元，占比20%，同比增长约三倍。"
    got = facts(text, watchlist)
    assert ("moonshot", "revenue_share.cloud", "2025H1", Decimal("20"), "%", "eq") in got
    assert not any(m.startswith("revenue_growth") for _, m, *_ in got)
    text = "2024年，MiniMax收入为3亿元，其中AI原生产品占比七成，总收入同比增长120%。"
    assert periods_of(text, watchlist, "revenue_growth") == {("FY2024", Decimal("120"))}
    got = facts("DeepSeek's cloud revenue rose 80% in 2024, to $60 million.", watchlist)
    assert ("deepseek", "revenue.cloud", "FY2024", Decimal("60000000"), "USD", "eq") in got
    assert not any(m.startswith("revenue_growth") for _, m, *_ in got)


def test_rd_as_a_percentage_of_revenue(watchlist):
    text = "Moonshot AI spent $95 million on research and development in 2024, equal to 250% of revenue."
    assert ("moonshot", "rd_to_revenue", "FY2024", Decimal("2.5"), "x", "eq") in facts(text, watchlist)
    text = "2024年，DeepSeek研发开支为2亿元，占收入的180%。"
    assert periods_of(text, watchlist, "rd_to_revenue") == {("FY2024", Decimal("1.8"))}
    assert periods_of("2024年，DeepSeek云端部署收入占比为30%。", watchlist, "rd_to_revenue") == set()


def test_a_bare_half_or_quarter_keeps_the_reported_period_past_an_earlier_year(watchlist):
    text = ("截至2024年12月31日止年度，月之暗面收入為3.2億元；毛利率由2023年的20%升至35%。"
            "單計第四季，收入為1.1億元。研發開支全年為5億元。")
    got = periods_of(text, watchlist, "revenue")
    assert ("2024Q4", Decimal("110000000")) in got and not any(p.startswith("2023") for p, _ in got)
    assert periods_of(text, watchlist, "rd_expense") == {("FY2024", Decimal("500000000"))}
    text = ("DeepSeek's revenue rose to $40 million in the first half of 2025. It earned $9 million in 2023. "
            "Its net loss in the first half was $70 million.")
    assert periods_of(text, watchlist, "net_loss") == {("2025H1", Decimal("70000000"))}


def test_months_written_with_both_months_named(watchlist):
    text = "2024年、2025年1月至6月，月之暗面分别实现收入1.5亿元和2.1亿元。"
    assert periods_of(text, watchlist, "revenue") == {
        ("FY2024", Decimal("150000000")), ("2025H1", Decimal("210000000"))}
    text = "今年1月至9月，DeepSeek收入为2,000萬美元。"
    assert periods_of(text, watchlist, "revenue", published=date(2025, 11, 20)) == {("2025Q1-Q3", Decimal("20000000"))}


def test_a_full_year_without_its_year_in_a_headline_is_the_last_full_year(watchlist):
    text = "月之暗面全年收入3.5億元，虧損收窄\n\n2025年4月2日\n\n月之暗面公布2024年度業績，收入3.5億元。"
    assert periods_of(text, watchlist, "revenue") == {("FY2024", Decimal("350000000"))}
    text = "DeepSeek全年营收达12亿元"
    assert periods_of(text, watchlist, "revenue", published=date(2026, 2, 10)) == {("FY2025", Decimal("1200000000"))}
    text = "2025年，智谱全年营收为7亿元。"
    assert periods_of(text, watchlist, "revenue", published=date(2025, 12, 30)) == {("FY2025", Decimal("700000000"))}


def test_a_brokers_actual_year_row_and_a_change_column(watchlist):
    text = ("表2：可比公司\n\n| 公司 | 期间 | 收入 | 同比 | 毛利率 |\n|---|---|---|---|---|\n"
            "| 月之暗面 | 2024A | 2.5亿元 | +80% | 40.0% |\n| 月之暗面 | 2027E | 9.0亿元 | +50% | 55.0% |\n")
    got = facts(text, watchlist, published=date(2025, 6, 1))
    assert ("moonshot", "revenue", "FY2024", Decimal("250000000"), "CNY", "eq") in got
    assert ("moonshot", "revenue_growth", "FY2024", Decimal("80"), "%", "eq") in got
    assert ("moonshot", "gross_margin", "FY2024", Decimal("40.0"), "%", "eq") in got
    assert not any(p == "FY2027" for _, _, p, *_ in got)
    text = "| Company | Period | Revenue | YoY |\n|---|---|---|---|\n| DeepSeek | 2023A | US$12m | +300% |\n"
    assert periods_of(text, watchlist, "revenue_growth", published=date(2024, 6, 1)) == {("FY2023", Decimal("300"))}


def test_an_aligned_table_with_indented_segments_and_a_change_column(watchlist):
    text = ("Moonshot AI results\n\nSelected data\n(US$ million, unless otherwise noted)\n\n"
            "                          Year ended December 31\n"
            "                          2024        2023       Change\n"
            "Revenue                   120.0        40.0      +200.0%\n"
            "  Consumer subscriptions   90.0        35.0      +157.1%\n"
            "  Open platform            30.0         5.0      +500.0%\n"
            "Net loss                  300.0       250.0      +20.0%\n")
    got = facts(text, watchlist, published=date(2025, 3, 1))
    assert ("moonshot", "revenue.cloud", "FY2023", Decimal("5000000"), "USD", "eq") in got
    assert ("moonshot", "revenue.consumer", "FY2024", Decimal("90000000"), "USD", "eq") in got
    assert ("moonshot", "revenue_growth", "FY2024", Decimal("200.0"), "%", "eq") in got
    assert not any(v in (Decimal("157.1"), Decimal("500.0")) for *_, v, _, _ in got)  # the segments' growth: no fact
    assert ("moonshot", "net_loss", "FY2023", Decimal("250000000"), "USD", "eq") in got
    assert not any(m.startswith("net_loss") and v == Decimal("20.0") for _, m, _, v, *_ in got)


def test_the_same_period_of_a_year_is_the_reported_half_or_quarter(watchlist):
    text = ("DeepSeek reported results for the six months ended June 30, 2025. Net loss was $80.0 million, "
            "compared with $95.5 million in the same period of 2024.")
    got = periods_of(text, watchlist, "net_loss")
    assert ("2024H1", Decimal("95500000")) in got and ("FY2024", Decimal("95500000")) not in got
    text = ("Moonshot AI's revenue in the third quarter of 2025 was $30 million, against $12 million "
            "in the same quarter of 2024.")
    assert ("2024Q3", Decimal("12000000")) in periods_of(text, watchlist, "revenue")


def test_minus_in_words_and_broke_through(watchlist):
    text = "DeepSeek's gross margin was minus 12.5% in 2024."
    assert periods_of(text, watchlist, "gross_margin") == {("FY2024", Decimal("-12.5"))}
    text = "2月3日，月之暗面估值冲破300亿美元。MiniMax市值昨日衝破800億港元。"
    got = facts(text, watchlist, published=date(2026, 2, 4))
    assert ("minimax", "market_cap", "2026-02-03", Decimal("80000000000"), "HKD", "gt") in got


def test_scenario_cases_are_forecasts(watchlist):
    text = "Our base case has DeepSeek's revenue reaching $400 million in 2027, and in our bull case it grows faster."
    assert periods_of(text, watchlist, "revenue", published=date(2026, 3, 1)) == set()
    text = "在我们的乐观情形下，月之暗面2027年收入可到50亿元；基准情形为30亿元。"
    assert periods_of(text, watchlist, "revenue", published=date(2026, 3, 1)) == set()


def test_the_figure_a_span_of_years_starts_from(watchlist):
    text = "2021年至2023年，月之暗面的收入从800万元起步，2023年达到6000万元。"
    got = periods_of(text, watchlist, "revenue")
    assert ("FY2021", Decimal("8000000")) in got and not any("-" in p for p, _ in got)
    text = "Between 2022 and 2024, DeepSeek's revenue climbed from $2 million to $30 million."
    assert ("FY2022", Decimal("2000000")) in periods_of(text, watchlist, "revenue")


def test_more_wordings_of_revenue_growth_shares_and_losses(watchlist):
    text = "2024年上半年，月之暗面收入2亿元，较上年同期增加90%；其中开放平台贡献6000万元，对应30%的份额。"
    got = facts(text, watchlist)
    assert ("moonshot", "revenue_growth", "2024H1", Decimal("90"), "%", "eq") in got
    assert ("moonshot", "revenue.cloud", "2024H1", Decimal("60000000"), "CNY", "eq") in got
    assert ("moonshot", "revenue_share.cloud", "2024H1", Decimal("30"), "%", "eq") in got
    text = "2023年到2025年，DeepSeek营收的年均复合增速为210%。MiniMax年度虧損為5億美元。"
    got = facts(text, watchlist)
    assert ("deepseek", "revenue_cagr", "FY2023-FY2025", Decimal("210"), "%", "eq") in got
    text = "In 2024 Moonshot AI took in $80 million; its adjusted loss came to $150 million."
    got = facts(text, watchlist)
    assert ("moonshot", "revenue", "FY2024", Decimal("80000000"), "USD", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "FY2024", Decimal("150000000"), "USD", "eq") in got


def test_a_change_on_the_same_period_of_a_named_year(watchlist):
    text = "2024年1月至6月，DeepSeek收入为4000万美元，比2023年同期多出120%。"
    assert periods_of(text, watchlist, "revenue_growth") == {("2024H1", Decimal("120"))}
    text = "2025年前三季度，智谱收入为3亿元；2024年同期为1.2亿元。"
    assert ("2024Q1-Q3", Decimal("120000000")) in periods_of(text, watchlist, "revenue")


def test_reader_comments_are_not_the_article(watchlist):
    text = ("月之暗面2024年收入为3亿元。\n\n" + "这家公司仍在扩张。" * 10 + "\n\n精彩评论\n\n"
            "网友甲：月之暗面2024年收入5亿元才合理。\n")
    assert periods_of(text, watchlist, "revenue") == {("FY2024", Decimal("300000000"))}
    text = "DeepSeek's revenue was $20 million in 2024.\n\n" + "More to come. " * 10 + "\n\nComments\n\nBob: DeepSeek revenue was $90 million in 2024, surely.\n"
    assert periods_of(text, watchlist, "revenue") == {("FY2024", Decimal("20000000"))}


def test_a_day_restated_as_the_day_after_another_and_a_fiscal_year_near_it(watchlist):
    text = ("2025年上半年，智谱收入为1.9亿元。\n\n3月5日，也就是月之暗面发布新模型的次日，MiniMax市值超过900亿港元。")
    got = facts(text, watchlist, published=date(2026, 3, 20))
    assert ("minimax", "market_cap", "2026-03-05", Decimal("90000000000"), "HKD", "gt") in got
    text = "2025年前三季度，DeepSeek收入为1亿元。1月2日，即元旦假期后的次日，MiniMax市值超过800亿港元。"
    got = facts(text, watchlist, published=date(2026, 1, 5))
    assert ("minimax", "market_cap", "2026-01-02", Decimal("80000000000"), "HKD", "gt") in got


def test_the_day_before_a_named_day_and_a_sentence_about_our_company(watchlist):
    text = ("MiniMax招股熱度不及預期\n\n【本報訊】2026年3月6日\n\nMiniMax昨日（3月5日）在港上市，MiniMax股價平穩。\n\n"
            "熱度不及智譜。公司公布，公開發售錄得約900倍超額認購。前一日上市的智譜超額認購1,200倍；前一日掛牌的智譜市值逾500億港元。")
    got = facts(text, watchlist)
    assert ("minimax", "ipo_oversubscription", "2026-03-05", Decimal("900"), "x", "approx") in got
    assert ("zhipu", "ipo_oversubscription", "2026-03-04", Decimal("1200"), "x", "eq") in got
    assert ("zhipu", "market_cap", "2026-03-04", Decimal("50000000000"), "HKD", "gt") in got


def test_the_prior_year_period_and_a_segment_before_an_aside(watchlist):
    text = ("Moonshot AI reported results for the six months ended June 30, 2025. "
            "Gross margin was 41.0%, compared with 35.5% in the prior-year period.")
    assert periods_of(text, watchlist, "gross_margin") == {("2025H1", Decimal("41.0")), ("2024H1", Decimal("35.5"))}
    text = ("In 2024, revenue from DeepSeek's open platform, which includes consumer subscriptions sold through partners, "
            "was $12.0 million.")
    assert ("deepseek", "revenue.cloud", "FY2024", Decimal("12000000"), "USD", "eq") in facts(text, watchlist)


def test_a_share_after_an_aside_naming_another_segment(watchlist):
    text = ("In 2024, revenue from Moonshot AI's open platform, which includes consumer subscriptions resold by partners, "
            "was $30.0 million, or 25.0% of total revenue.")
    assert ("moonshot", "revenue_share.cloud", "FY2024", Decimal("25.0"), "%", "eq") in facts(text, watchlist)


def test_a_results_announcement_reports_on_the_period_its_opening_names(watchlist):
    text = ("MiniMax Announces Unaudited Results for the Nine Months Ended September 30, 2025\n\n"
            "MiniMax today announced its results.\n\nBusiness review\n\nThe team grew. Customers stayed. Usage rose.\n\n"
            "Products shipped. Partners joined. Markets opened.\n\n"
            "Gross margin for the open platform improved to 21.5%, reflecting better utilisation.")
    assert periods_of(text, watchlist, "gross_margin.cloud") == {("2025Q1-Q3", Decimal("21.5"))}
    text = ("DeepSeek revenue up fivefold, margin at 30%\n\nA feature about its history.\n\n"
            + "Nothing dated here. " * 30 + "\n\nThe gross margin was 30%.")
    assert periods_of(text, watchlist, "gross_margin") == set()


def test_segments_in_brackets_describe_the_segment_before_them(watchlist):
    text = "2024年，月之暗面开放平台业务（含API及企业订阅）收入占比为35%，对应收入1.4亿元。"
    got = facts(text, watchlist)
    assert ("moonshot", "revenue_share.cloud", "FY2024", Decimal("35"), "%", "eq") in got
    assert ("moonshot", "revenue.cloud", "FY2024", Decimal("140000000"), "CNY", "eq") in got
    text = "In 2024, DeepSeek's cloud business (including consumer subscriptions sold via partners) made up 40% of revenue."
    assert ("deepseek", "revenue_share.cloud", "FY2024", Decimal("40"), "%", "eq") in facts(text, watchlist)


def test_a_headline_instant_restating_a_dated_one_is_the_same_fact(watchlist):
    text = "月之暗面市值冲破800亿港元\n\n截至1月20日收盘，月之暗面市值冲破800亿港元，较发行价上涨四成。"
    assert {(p, v) for _, m, p, v, _, _ in facts(text, watchlist, published=date(2026, 1, 21)) if m == "market_cap"} == {
        ("2026-01-20", Decimal("80000000000"))}
