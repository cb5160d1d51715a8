"""extract_facts: companies, metrics, segments, periods, qualifiers and forecasts on short texts."""

from datetime import date
from decimal import Decimal

from pipeline.extract import EXTRACTOR_VERSION, extract_facts


def facts(text, watchlist, **kw):
    return {(f.company, f.metric, f.period, f.value, f.unit, f.qualifier) for f in extract_facts(text, watchlist, **kw)}


def test_version_is_set():
    assert EXTRACTOR_VERSION.count(".") == 2


def test_chinese_revenue_series(watchlist):
    text = "智谱的收入连续三年增长：2022年为5740万元,2023年飙升至1.245亿元,2024年更是达到了3.124亿元。"
    assert facts(text, watchlist) == {
        ("zhipu", "revenue", "FY2022", Decimal("57400000"), "CNY", "eq"),
        ("zhipu", "revenue", "FY2023", Decimal("124500000"), "CNY", "eq"),
        ("zhipu", "revenue", "FY2024", Decimal("312400000"), "CNY", "eq"),
    }


def test_english_revenue_with_trailing_periods(watchlist):
    text = ("MiniMax reported revenue of $3.46 million in 2023, $30.52 million in 2024, "
            "and $53.44 million in the first nine months of 2025.")
    assert facts(text, watchlist) == {
        ("minimax", "revenue", "FY2023", Decimal("3460000"), "USD", "eq"),
        ("minimax", "revenue", "FY2024", Decimal("30520000"), "USD", "eq"),
        ("minimax", "revenue", "2025Q1-Q3", Decimal("53440000"), "USD", "eq"),
    }


def test_respectively_binds_lists_in_order(watchlist):
    text = "智谱在2022年至2024年以及今年上半年，经调整净亏损分别为0.97亿元、6.21亿元、24.66亿元和17.52亿元。"
    got = facts(text, watchlist, published=date(2025, 12, 20))
    assert {(p, v) for _, m, p, v, _, _ in got if m == "adjusted_net_loss"} == {
        ("FY2022", Decimal("97000000")), ("FY2023", Decimal("621000000")),
        ("FY2024", Decimal("2466000000")), ("2025H1", Decimal("1752000000")),
    }
    english = "Zhipu's net loss was RMB1m, RMB2m and RMB3m in 2022, 2023 and 2024, respectively."
    assert {(p, v) for _, _, p, v, _, _ in facts(english, watchlist)} == {
        ("FY2022", Decimal("1000000")), ("FY2023", Decimal("2000000")), ("FY2024", Decimal("3000000"))}


def test_from_to_with_two_periods(watchlist):
    text = "智谱日均token消耗量从2022年的5亿增长至2025年上半年的4.6万亿。"
    assert facts(text, watchlist) == {
        ("zhipu", "daily_token_volume", "FY2022", Decimal("500000000"), "tokens/day", "eq"),
        ("zhipu", "daily_token_volume", "2025H1", Decimal("4600000000000"), "tokens/day", "eq"),
    }


def test_segments_and_as_of_dates(watchlist):
    text = "截至2025年6月30日，智谱私有化部署的收入占比降至84.8%，而云端MaaS平台的收入占比达到15.2%。"
    assert facts(text, watchlist) == {
        ("zhipu", "revenue_share.on_premise", "2025H1", Decimal("84.8"), "%", "eq"),
        ("zhipu", "revenue_share.cloud", "2025H1", Decimal("15.2"), "%", "eq"),
    }
    text = "截至2025年6月30日，智谱拥有657名研发人员，占员工总数的74%。"
    assert facts(text, watchlist) == {
        ("zhipu", "headcount.rd", "2025-06-30", Decimal("657"), "count", "eq"),
        ("zhipu", "headcount_share.rd", "2025-06-30", Decimal("74"), "%", "eq"),
    }


def test_qualifiers(watchlist):
    got = facts("2026年1月8日，智谱AI上市，市值一度突破570亿港元，超额认购达到了1159倍。", watchlist)
    assert ("zhipu", "market_cap", "2026-01-08", Decimal("57000000000"), "HKD", "gt") in got
    assert ("zhipu", "ipo_oversubscription", "2026-01-08", Decimal("1159"), "x", "eq") in got
    got = facts("2024年，智谱本地化部署的收入占比接近85%。", watchlist)
    assert got == {("zhipu", "revenue_share.on_premise", "FY2024", Decimal("85"), "%", "approx")}
    got = facts("Zhipu's annual recurring revenue topped more than RMB100 million as of June 30, 2025.", watchlist)
    # a rate as of a month's last day is the month's, as every labelled set dates ARR (blind20 round)
    assert got == {("zhipu", "arr", "2025-06", Decimal("100000000"), "CNY", "gt")}


def test_traditional_chinese(watchlist):
    text = "智譜2024年營收為3.124億元人民幣，研發開支為21.954億元。"
    assert facts(text, watchlist) == {
        ("zhipu", "revenue", "FY2024", Decimal("312400000"), "CNY", "eq"),
        ("zhipu", "rd_expense", "FY2024", Decimal("2195400000"), "CNY", "eq"),
    }


def test_pronoun_goes_to_subject_and_others_are_dropped(watchlist):
    text = "智谱递表港交所。公司2024年收入为3.124亿元。OpenAI的年化收入据报道已超过100亿美元。"
    assert facts(text, watchlist) == {("zhipu", "revenue", "FY2024", Decimal("312400000"), "CNY", "eq")}


def test_two_companies_in_one_article(watchlist):
    text = "智谱2024年收入为3.124亿元。MiniMax 2024年收入为3052万美元。"
    assert facts(text, watchlist, title="智谱与MiniMax") == {
        ("zhipu", "revenue", "FY2024", Decimal("312400000"), "CNY", "eq"),
        ("minimax", "revenue", "FY2024", Decimal("30520000"), "USD", "eq"),
    }


def test_forecasts_are_dropped(watchlist):
    text = "智谱2024年收入为3.124亿元。分析师预计智谱2025年收入将达到7亿元，2026年有望增至15亿元。"
    assert facts(text, watchlist, published=date(2025, 12, 20)) == {
        ("zhipu", "revenue", "FY2024", Decimal("312400000"), "CNY", "eq")}
    future = "Zhipu revenue will be RMB2bn in 2027."
    assert facts(future, watchlist, published=date(2025, 12, 20)) == set()


def test_no_period_no_fact(watchlist):
    assert facts("智谱收入为3.124亿元。", watchlist) == set()


def test_conversions_are_not_second_facts(watchlist):
    text = "截至2025年6月30日，智谱的ARR已突破1亿元人民币，约合1400万美元。"
    assert facts(text, watchlist) == {("zhipu", "arr", "2025-06", Decimal("100000000"), "CNY", "gt")}


def test_instant_takes_the_document_date(watchlist):
    text = "智谱的年度经常性收入（ARR）已突破1亿元。"
    assert facts(text, watchlist, published=date(2025, 12, 19)) == {
        ("zhipu", "arr", "2025-12-19", Decimal("100000000"), "CNY", "gt")}


def test_quote_is_the_sentence(watchlist):
    text = "第一段没有数字。\n智谱2024年收入为3.124亿元。后一句。"
    (f,) = extract_facts(text, watchlist)
    assert f.quote == "智谱2024年收入为3.124亿元。" == text[f.start:f.end]


def test_duplicates_keep_the_first(watchlist):
    text = "智谱2024年收入为3.124亿元。重申：智谱2024年收入为3.124亿元。"
    got = extract_facts(text, watchlist)
    assert len(got) == 1 and got[0].start == 0


def test_no_watched_company_no_facts(watchlist):
    assert extract_facts("某公司2024年收入为3.124亿元。", watchlist) == []
