"""Phrasings common in results stories that no labelled set had taught: found by the lead writing sentences of the
kind wires and business papers use and reading what came out (session 13), each pinned on text of our own.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts

OCTOBER = date(2026, 10, 20)


def test_a_change_measured_year_on_year_on_its_way_to_the_level_takes_the_levels_period(watchlist):
    for between in ("year on year", "year-over-year", "from a year earlier", "on the year"):
        text = f"Zhipu said revenue climbed 38% {between} to RMB 1.02 billion in the first half of 2026."
        got = facts(text, watchlist, published=OCTOBER)
        assert {
            ("zhipu", "revenue_growth", "2026H1", Decimal("38"), "%", "eq"),
            ("zhipu", "revenue", "2026H1", Decimal("1020000000"), "CNY", "eq"),
        } <= got, between
    # a growth rate said to be measured against the same period a year before, after the level
    text = "Moonshot generated $96 million in revenue in the first quarter of 2026, a 61% jump from the same period last year."
    assert ("moonshot", "revenue_growth", "2026Q1", Decimal("61"), "%", "eq") in facts(text, watchlist, published=OCTOBER)


def test_growth_verbs_of_the_press_name_revenue_growth_but_not_a_share_price_move(watchlist):
    text = "MiniMax's revenue soared 71% to $412 million in 2025, while Zhipu's climbed 58% to RMB3.1 billion."
    got = facts(text, watchlist, published=OCTOBER)
    assert {
        ("minimax", "revenue_growth", "FY2025", Decimal("71"), "%", "eq"),
        ("zhipu", "revenue_growth", "FY2025", Decimal("58"), "%", "eq"),
        ("zhipu", "revenue", "FY2025", Decimal("3100000000"), "CNY", "eq"),
    } <= got
    assert not facts("Zhipu shares climbed 12% on Monday after its results for 2025.", watchlist, published=OCTOBER)


def test_a_loss_named_without_net_is_the_net_loss(watchlist):
    text = "Zhipu narrowed its loss to 1.1 billion yuan in the first half of 2026 from 1.4 billion yuan a year earlier."
    got = facts(text, watchlist, published=OCTOBER)
    assert {
        ("zhipu", "net_loss", "2026H1", Decimal("1100000000"), "CNY", "eq"),
        ("zhipu", "net_loss", "2025H1", Decimal("1400000000"), "CNY", "eq"),
    } <= got
    for text in ("MiniMax posted a loss of $150 million in the second quarter of 2026.",
                 "MiniMax's loss widened to $150 million in the second quarter of 2026."):
        assert facts(text, watchlist, published=OCTOBER) == {
            ("minimax", "net_loss", "2026Q2", Decimal("150000000"), "USD", "eq")}, text


def test_an_operating_loss_or_a_loss_on_one_deal_is_no_net_loss(watchlist):
    text = "MiniMax's operating loss was $50 million in 2025, and its net loss was $80 million."
    assert facts(text, watchlist, published=OCTOBER) == {("minimax", "net_loss", "FY2025", Decimal("80000000"), "USD", "eq")}
    for text in ("Zhipu's operating loss narrowed to 800 million yuan in 2025.",
                 "Zhipu booked a loss of 30 million yuan on the disposal of a subsidiary in 2025."):
        assert not facts(text, watchlist, published=OCTOBER), text


def test_revenue_from_a_kind_of_customer_keeps_no_segment_named_before_it(watchlist):
    # B端 (business customers) spans API and on-premise work: no segment of facts.md, and not the consumer one before
    text = "MiniMax第三季度C端业务收入1.4亿美元，占总收入的57%；B端及开发者业务收入1.3亿美元。"
    got = facts(text, watchlist, published=OCTOBER)
    assert {
        ("minimax", "revenue.consumer", "2026Q3", Decimal("140000000"), "USD", "eq"),
        ("minimax", "revenue_share.consumer", "2026Q3", Decimal("57"), "%", "eq"),
    } == got


def test_employed_with_a_count_right_after_it_is_the_headcount(watchlist):
    text = "Zhipu employed 1,250 people at the end of June 2026."
    assert facts(text, watchlist, published=OCTOBER) == {("zhipu", "headcount", "2026-06-30", Decimal("1250"), "count", "eq")}
    # not money put to work, nor a change in hiring
    for text in ("The fund employed $2 billion of capital in Zhipu in 2026.",
                 "Zhipu employed 40% more engineers in 2026 than in 2025."):
        assert not facts(text, watchlist, published=OCTOBER), text


def test_a_filings_bracketed_comparative_is_the_same_months_of_that_year(watchlist):
    # "(2025: RMB645.1 million)" after a half's figure is the first half of 2025, not the year 2025
    text = "Revenue for the six months ended 30 June 2026 was RMB980.2 million (2025: RMB645.1 million), Zhipu said."
    assert {
        ("zhipu", "revenue", "2026H1", Decimal("980200000"), "CNY", "eq"),
        ("zhipu", "revenue", "2025H1", Decimal("645100000"), "CNY", "eq"),
    } == facts(text, watchlist, published=OCTOBER)
    text = "截至2026年9月30日止三個月，MiniMax收入為270.4百萬美元（2025年：191.2百萬美元）。"
    assert ("minimax", "revenue", "2025Q3", Decimal("191200000"), "USD", "eq") in facts(text, watchlist, published=OCTOBER)
    # after a year's figure, the year before
    text = "Zhipu: revenue for the year ended 31 December 2025 was RMB3,105 million (2024: RMB1,806 million)."
    assert ("zhipu", "revenue", "FY2024", Decimal("1806000000"), "CNY", "eq") in facts(text, watchlist, published=OCTOBER)


def test_a_year_earlier_period_with_a_colon_dates_the_figure_after_it(watchlist):
    text = "智谱上半年实现营收9.8亿元（去年同期：6.45亿元）。"
    assert {
        ("zhipu", "revenue", "2026H1", Decimal("980000000"), "CNY", "eq"),
        ("zhipu", "revenue", "2025H1", Decimal("645000000"), "CNY", "eq"),
    } == facts(text, watchlist, published=OCTOBER)


def test_zhongqi_before_a_results_word_is_the_first_half(watchlist):
    text = "智谱公布2026年中期业绩：期内收入9.8亿元，按年增加52%；期内亏损收窄至9.6亿元。"
    assert {
        ("zhipu", "revenue", "2026H1", Decimal("980000000"), "CNY", "eq"),
        ("zhipu", "revenue_growth", "2026H1", Decimal("52"), "%", "eq"),
        ("zhipu", "net_loss", "2026H1", Decimal("960000000"), "CNY", "eq"),
    } == facts(text, watchlist, published=OCTOBER)
    assert ("zhipu", "revenue", "2026H1", Decimal("980000000"), "CNY", "eq") in facts(
        "智谱公布中期业绩，期内收入9.8亿元。", watchlist, published=OCTOBER)
    # a medium-term target is no period
    assert not facts("智谱2026年中期目标是收入9.8亿元。", watchlist, published=OCTOBER)


NOVEMBER = date(2026, 11, 14)


def test_the_prior_year_quarter_is_a_year_before_the_quarter_reported(watchlist):
    text = "MiniMax's net loss was US$52.7 million in the third quarter of 2026, compared with US$96.0 million in the prior-year quarter."
    assert {
        ("minimax", "net_loss", "2026Q3", Decimal("52700000"), "USD", "eq"),
        ("minimax", "net_loss", "2025Q3", Decimal("96000000"), "USD", "eq"),
    } == facts(text, watchlist, published=NOVEMBER)


def test_what_analysts_polled_had_expected_is_no_result(watchlist):
    text = "MiniMax's Q3 revenue came in at $270.4 million, ahead of the $262 million analysts polled by LSEG had expected."
    assert facts(text, watchlist, published=NOVEMBER) == {("minimax", "revenue", "2026Q3", Decimal("270400000"), "USD", "eq")}


def test_a_letter_magnitude_right_before_tokens_is_one(watchlist):
    # "214T tokens", "1.2B tokens": the letters count tokens; "a 7B model" stays a model size
    text = "DeepSeek averaged 214T tokens/day in October 2026 (vs 198T tokens/day in September)."
    assert facts(text, watchlist, published=NOVEMBER) == {
        ("deepseek", "daily_token_volume", "2026-10", Decimal("214000000000000"), "tokens/day", "eq"),
        ("deepseek", "daily_token_volume", "2026-09", Decimal("198000000000000"), "tokens/day", "eq"),
    }
    assert not facts("Zhipu released a 7B model and a 32B model in October 2026.", watchlist, published=NOVEMBER)


def test_last_month_beside_a_daily_rate_is_the_month_before_the_writing(watchlist):
    text = "Moonshot's Kimi handled an average of 58 trillion tokens per day last month, the company said."
    assert facts(text, watchlist, published=NOVEMBER) == {
        ("moonshot", "daily_token_volume", "2026-10", Decimal("58000000000000"), "tokens/day", "eq")}


def test_the_company_under_a_markdown_heading_naming_one_company_is_that_company(watchlist):
    text = ("# The quarter in AI labs\n\n"
            "Zhipu had a strong quarter: revenue rose to RMB 1.21 billion in the third quarter of 2026.\n\n"
            "## MiniMax: steady\n\n"
            "Gross margin of 34.8% is now within a few points of Zhipu's.\n\n"
            "Usage: the company said it was processing about 66 trillion tokens per day in October 2026.\n")
    got = facts(text, watchlist, published=NOVEMBER)
    assert {
        ("zhipu", "revenue", "2026Q3", Decimal("1210000000"), "CNY", "eq"),
        ("minimax", "gross_margin", "2026Q3", Decimal("34.8"), "%", "eq"),
        ("minimax", "daily_token_volume", "2026-10", Decimal("66000000000000"), "tokens/day", "approx"),
    } == got


def test_a_month_in_chinese_numerals_is_that_month(watchlist):
    text = "DeepSeek今年十月日均token调用量约214万亿，九月为198万亿。"
    assert facts(text, watchlist, published=NOVEMBER) == {
        ("deepseek", "daily_token_volume", "2026-10", Decimal("214000000000000"), "tokens/day", "approx"),
        ("deepseek", "daily_token_volume", "2026-09", Decimal("198000000000000"), "tokens/day", "eq"),
    }
    got = facts("2026年十二月，智谱日均token调用量约为120万亿；三月份约为61万亿。", watchlist, published=date(2027, 1, 20))
    assert {
        ("zhipu", "daily_token_volume", "2026-12", Decimal("120000000000000"), "tokens/day", "approx"),
        ("zhipu", "daily_token_volume", "2026-03", Decimal("61000000000000"), "tokens/day", "approx"),
    } <= got


def test_chinese_numeral_months_are_read_without_moving_any_offset(watchlist):
    from pipeline.extract.sentences import normalize_text

    for text in ("今年三月底", "2026年十一月", "九月为198万亿", "三月的最后一周", "统一月度", "唯一月票", "二十月"):
        assert len(normalize_text(text)) == len(text)
    assert normalize_text("2026年十一月、三月份") == "2026年11月、3月份"
    # an event's month, words that hold 一月, and numerals inside larger ones stay as written
    for text in ("三月的最后一周", "统一月度", "唯一月票", "二十月"):
        assert normalize_text(text) == text


def test_run_rate_wordings_and_a_period_after_in_annualized_revenue_date_the_arr(watchlist):
    text = "OpenRouter crossed $1 billion in annualized revenue in November 2026, the keynote said."
    assert facts(text, watchlist, published=date(2026, 12, 5)) == {
        ("openrouter", "arr", "2026-11", Decimal("1000000000"), "USD", "gt")}
    text = "OpenRouter's annual revenue run-rate was about $1.05 billion at the end of November 2026."
    assert facts(text, watchlist, published=date(2026, 12, 5)) == {
        ("openrouter", "arr", "2026-11", Decimal("1050000000"), "USD", "approx")}


PROSPECTUS_DAY = date(2025, 12, 30)


def test_a_span_of_years_ending_on_part_of_its_last_year_lists_that_part_last(watchlist):
    # a prospectus's track record: two full years, then the first nine months (or half) of the third
    text = "2023年至2025年前三季度，MiniMax毛利率分别为-24.7%、12.2%和23.3%。"
    assert facts(text, watchlist, published=PROSPECTUS_DAY) == {
        ("minimax", "gross_margin", "FY2023", Decimal("-24.7"), "%", "eq"),
        ("minimax", "gross_margin", "FY2024", Decimal("12.2"), "%", "eq"),
        ("minimax", "gross_margin", "2025Q1-Q3", Decimal("23.3"), "%", "eq"),
    }
    text = "2023年至2025年上半年，MiniMax收入分别为1.1亿、2.3亿和3.4亿美元。"
    assert ("minimax", "revenue", "2025H1", Decimal("340000000"), "USD", "eq") in facts(text, watchlist, published=PROSPECTUS_DAY)
    # a span of whole years is as before, and still a CAGR's span
    assert ("zhipu", "revenue_cagr", "FY2022-FY2024", Decimal("130"), "%", "eq") in facts(
        "2022年至2024年，智谱收入的复合增长率为130%。", watchlist, published=PROSPECTUS_DAY)


def test_a_share_of_a_companys_whole_names_the_share(watchlist):
    for text in ("2024年，云端部署收入占智谱总收入的46.3%。", "2024年，智谱云端部署收入为5.1亿元，占当年总收入的46.3%。"):
        assert ("zhipu", "revenue_share.cloud", "FY2024", Decimal("46.3"), "%", "eq") in facts(
            text, watchlist, published=PROSPECTUS_DAY), text
    text = "2024年，来自前五大客户的收入占智谱总收入的46.3%。"
    assert facts(text, watchlist, published=PROSPECTUS_DAY) == {
        ("zhipu", "customer_share.top5", "FY2024", Decimal("46.3"), "%", "eq")}


def test_a_margin_in_the_clause_after_an_english_segment_share_is_the_companys(watchlist):
    text = ("MiniMax Group said Wednesday its revenue for the first quarter of 2030 was US$221.8 million. The "
            "Shanghai-based company said its consumer apps accounted for 58.2 percent of sales, while gross margin rose "
            "to 51.4 percent.")
    got = facts(text, watchlist, published=date(2030, 4, 30))
    assert ("minimax", "gross_margin", "2030Q1", Decimal("51.4"), "%", "eq") in got
    assert ("minimax", "revenue_share.consumer", "2030Q1", Decimal("58.2"), "%", "eq") in got
    # a margin the clause gives back to the segment stays the segment's
    text = "MiniMax said its consumer apps accounted for 58.2% of sales, and their gross margin was 49.0%, in the first quarter of 2030."
    assert ("minimax", "gross_margin.consumer", "2030Q1", Decimal("49.0"), "%", "eq") in facts(text, watchlist, published=date(2030, 4, 30))
