"""Number formats of Chinese, Hong Kong and English financial press, read through the whole extractor.

Each case is a sentence an analyst would want read (or left alone), with figures and companies other than
those of the labelled sets: Chinese-numeral amounts, 个 as a classifier, "pc"/"pct", "bln"/"mln", euros,
百分之, and ranges, which state no one value and must not yield one.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from pipeline.extract import extract_facts
from pipeline.extract.numbers import fill_list_units, find_quantities

PUBLISHED = datetime.date(2025, 11, 20)


def facts(text: str, watchlist) -> set[tuple]:
    """(company, metric, period, value, unit, qualifier) of every fact in text."""
    return {(f.company, f.metric, f.period, f.value, f.unit, f.qualifier)
            for f in extract_facts(text, watchlist, published=PUBLISHED)}


def quantities(text: str) -> list[tuple]:
    return [(text[q.start:q.end], q.value, q.unit) for q in fill_list_units(text, find_quantities(text))]


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("月之暗面2024年研发投入五千万元。", ("moonshot", "rd_expense", "FY2024", Decimal("50000000"), "CNY", "eq")),
        ("智谱2024年净亏损一百二十亿元。", ("zhipu", "net_loss", "FY2024", Decimal("12000000000"), "CNY", "eq")),
        ("DeepSeek 2024年收入为三百亿元。", ("deepseek", "revenue", "FY2024", Decimal("30000000000"), "CNY", "eq")),
        ("截至2025年11月18日，MiniMax市值接近两千亿港元。",
         ("minimax", "market_cap", "2025-11-18", Decimal("200000000000"), "HKD", "approx")),
        ("智谱2024年收入为一亿二千万元。", ("zhipu", "revenue", "FY2024", Decimal("120000000"), "CNY", "eq")),
        ("截至2025年9月，智谱员工一千二百名。", ("zhipu", "headcount", "2025-09", Decimal("1200"), "count", "eq")),
        ("截至2025年9月，月之暗面員工超過八百人。", ("moonshot", "headcount", "2025-09", Decimal("800"), "count", "gt")),
    ],
)
def test_amounts_in_chinese_numerals(text, fact, watchlist):
    assert fact in facts(text, watchlist)


@pytest.mark.parametrize(
    "text",
    [
        "阿里通义千问与百度文心一言",  # model names with 千 and 百
        "零一万物发布新模型",  # a company name: a numeral does not start with 零
        "跻身世界五百强的公司",  # a plain 500 at most, never an amount
        "营收达数十亿元",  # vague: 数十亿
        "收入上百亿元",  # vague: 上百亿
        "营收几千万元",  # vague: 几千万
        "收入（亿元）",  # a unit label
        "员工四五百人",  # a guess between two numbers
    ],
)
def test_chinese_words_with_numerals_are_not_amounts(text):
    assert [q for q in quantities(text) if q[2] is not None or q[1] >= 10000] == []


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("MiniMax 2024年毛利率为百分之二十五。", ("minimax", "gross_margin", "FY2024", Decimal("25"), "%", "eq")),
        ("智谱2024年收入同比增长百分之一百二十。", ("zhipu", "revenue_growth", "FY2024", Decimal("120"), "%", "eq")),
        ("月之暗面2024年毛利率为百分之31.5。", ("moonshot", "gross_margin", "FY2024", Decimal("31.5"), "%", "eq")),
    ],
)
def test_percent_written_as_bai_fen_zhi(text, fact, watchlist):
    assert fact in facts(text, watchlist)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("截至2025年9月，MiniMax开放平台日均token调用量为3.2万亿个。",
         {("minimax", "daily_token_volume", "2025-09", Decimal("3200000000000"), "tokens/day", "eq")}),
        ("月之暗面日均token消耗量从2024年的2亿个增长至2025年上半年的1.5萬億個。",
         {("moonshot", "daily_token_volume", "FY2024", Decimal("200000000"), "tokens/day", "eq"),
          ("moonshot", "daily_token_volume", "2025H1", Decimal("1500000000000"), "tokens/day", "eq")}),
        ("截至2025年9月，智谱员工800人，其中研发人员600个。",
         {("zhipu", "headcount", "2025-09", Decimal("800"), "count", "eq"),
          ("zhipu", "headcount.rd", "2025-09", Decimal("600"), "count", "eq")}),
    ],
)
def test_ge_is_a_classifier_not_a_unit(text, expected, watchlist):
    """"5亿个" counts tokens as well as people: 个 says nothing of what is counted, the cue does."""
    assert expected <= facts(text, watchlist)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("MiniMax's gross margin was 24.7pc in 2024.", ("minimax", "gross_margin", "FY2024", Decimal("24.7"), "%", "eq")),
        ("Zhipu's revenue rose 32 pct in 2024.", ("zhipu", "revenue_growth", "FY2024", Decimal("32"), "%", "eq")),
        ("Moonshot AI's revenue reached 1.4 bln yuan in 2024.",
         ("moonshot", "revenue", "FY2024", Decimal("1400000000"), "CNY", "eq")),
        ("DeepSeek's R&D expenses were 85 mln dollars in 2024.",
         ("deepseek", "rd_expense", "FY2024", Decimal("85000000"), "USD", "eq")),
    ],
)
def test_wire_abbreviations(text, fact, watchlist):
    assert fact in facts(text, watchlist)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("MiniMax's revenue was €30 million in 2024.", Decimal("30000000")),
        ("MiniMax's revenue was EUR 42.5m in 2024; its R&D expenses were US$12 million.", Decimal("42500000")),
        ("MiniMax 2024年营收为8000万欧元。", Decimal("80000000")),
        ("MiniMax's revenue was 12 million euros in 2024.", Decimal("12000000")),
    ],
)
def test_euro_amounts_are_euros(text, value, watchlist):
    """An amount in euros is never given the document's dollars or yuan."""
    revenue = {f[3:5] for f in facts(text, watchlist) if f[1] == "revenue"}
    assert revenue == {(value, "EUR")}


@pytest.mark.parametrize(
    "text",
    [
        "MiniMax 2024年收入同比增长30%-35%。",
        "智谱2024年收入为30至35亿元。",
        "DeepSeek's revenue was $30-35 million in 2024.",
        "Moonshot AI's revenue was $40 to 45 million in 2024.",
        "MiniMax's gross margin was between 30% and 35% in 2024.",
        "MiniMax 2024年营收增长三至五成。",
        "月之暗面2024年营收增长两到三倍。",
        "截至2025年9月，智谱员工300至500人。",
        "截至2025年9月，智谱员工三百至五百人。",
        "截至2025年9月，DeepSeek日均token调用量300亿至500亿。",
    ],
)
def test_a_range_yields_no_fact(text, watchlist):
    assert facts(text, watchlist) == set()


@pytest.mark.parametrize(
    "text",
    ["30%-35%", "30至35亿元", "$30-35 million", "$40 to 45 million", "between 30% and 35%", "三至五成", "两到三倍",
     "300至500人", "三百至五百人", "300亿至500亿", "1.2亿-1.5亿元"],
)
def test_a_range_is_no_number(text):
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("MiniMax's gross margin rose from 30 to 35 per cent in 2024.",
         ("minimax", "gross_margin", "FY2024", Decimal("35"), "%", "eq")),
        ("Zhipu's revenue grew 30% to RMB312 million in 2024.",
         ("zhipu", "revenue", "FY2024", Decimal("312000000"), "CNY", "eq")),
        ("智谱2024年收入同比增长30%至3.12亿元。", ("zhipu", "revenue_growth", "FY2024", Decimal("30"), "%", "eq")),
    ],
)
def test_a_change_is_not_a_range(text, fact, watchlist):
    assert fact in facts(text, watchlist)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("人民币1.2亿元", "120000000", "CNY"),
        ("1.2亿人民币", "120000000", "CNY"),
        ("12.5亿美元", "1250000000", "USD"),
        ("HK$570亿", "57000000000", "HKD"),
        ("RMB1.2bn", "1200000000", "CNY"),
        ("Rmb 312mn", "312000000", "CNY"),
        ("US$ 30.5 mn", "30500000", "USD"),
        ("$1.2B", "1200000000", "USD"),
        ("USD30.52m", "30520000", "USD"),
        ("30.52 million US dollars", "30520000", "USD"),
        ("￥3.5亿", "350000000", "CNY"),
        ("1,234.5百万元", "1234500000", "CNY"),
        ("305百万美元", "305000000", "USD"),
        ("12.4萬億", "12400000000000", None),
        ("24.7 per cent", "24.7", "%"),
        ("负24.7%", "-24.7", "%"),
        ("3億元人民幣", "300000000", "CNY"),
    ],
)
def test_formats_already_read(text, value, unit):
    """Formats read right before these fixes, kept as a guard."""
    assert [(v, u) for _, v, u in quantities(text)] == [(Decimal(value), unit)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("3.5 billion Hong Kong dollars", "3500000000", "HKD"),
        ("420 million HK dollars", "420000000", "HKD"),
        ("2 billion U.S. dollars", "2000000000", "USD"),
        ("800 million renminbi", "800000000", "CNY"),
        ("1.6 billion New Taiwan dollars", "1600000000", "TWD"),
    ],
)
def test_currencies_written_out_in_english(text, value, unit):
    """A currency named in words after the amount, as English wires and translations write it."""
    assert [(v, u) for _, v, u in quantities(text)] == [(Decimal(value), unit)]


def test_a_currency_written_out_gives_the_fact_its_unit(watchlist):
    text = ("Zhipu booked revenue of 3.5 billion Hong Kong dollars in the first half of 2025. "
            "MiniMax's revenue for the first half of 2025 was 800 million U.S. dollars.")
    assert facts(text, watchlist) == {
        ("zhipu", "revenue", "2025H1", Decimal("3500000000"), "HKD", "eq"),
        ("minimax", "revenue", "2025H1", Decimal("800000000"), "USD", "eq"),
    }


@pytest.mark.parametrize("text", ["GLM-4.5", "Kimi K2", "a 7B model", "MiniMax-M1", "FY25", "3月31日"])
def test_names_and_dates_are_not_amounts(text):
    assert [q for q in quantities(text) if q[2] is not None or q[1] >= 100] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("截至2025年9月，DeepSeek日均token调用量在6个月内增长10倍。", set()),
        ("截至2025年9月，智谱员工总数在12個月內達到900名。",
         {("zhipu", "headcount", "2025-09", Decimal("900"), "count", "eq")}),
        ("截至2025年9月，Kimi日均token消耗量3个季度翻了一番，达到5000亿。",
         {("moonshot", "daily_token_volume", "2025-09", Decimal("500000000000"), "tokens/day", "eq")}),
    ],
)
def test_months_are_a_duration_not_a_count(text, expected, watchlist):
    """"6个月" is how long, not how many: it is neither a token volume nor a headcount."""
    assert facts(text, watchlist) == expected


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("MiniMax 2024年营收3000多万美元。", ("minimax", "revenue", "FY2024", Decimal("30000000"), "USD", "gt")),
        ("月之暗面2024年净亏损20余亿元。", ("moonshot", "net_loss", "FY2024", Decimal("2000000000"), "CNY", "gt")),
        ("智谱2024年研發投入1.5億多元。", ("zhipu", "rd_expense", "FY2024", Decimal("150000000"), "CNY", "gt")),
    ],
)
def test_duo_and_yu_make_a_lower_bound(text, fact, watchlist):
    """"20余亿元" is more than 20亿元: the magnitude and unit after 多/余 still belong to the number."""
    assert fact in facts(text, watchlist)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("截至2025年11月18日，MiniMax市值突破千亿港元。",
         ("minimax", "market_cap", "2025-11-18", Decimal("100000000000"), "HKD", "gt")),
        ("截至2025年9月，智谱员工逾千人。", ("zhipu", "headcount", "2025-09", Decimal("1000"), "count", "gt")),
        ("DeepSeek 2024年營收近億元。", ("deepseek", "revenue", "FY2024", Decimal("100000000"), "CNY", "approx")),
    ],
)
def test_a_magnitude_alone_after_a_threshold(text, fact, watchlist):
    assert fact in facts(text, watchlist)


@pytest.mark.parametrize("text", ["入选千人计划", "收入（亿元）", "亿万富翁", "成为千亿港元市值公司", "千万不要"])
def test_a_magnitude_alone_without_a_threshold_is_no_number(text):
    assert quantities(text) == []


@pytest.mark.parametrize(("label", "power", "unit"), [("Revenue (RMB mln)", 6, "CNY"), ("Market value (US$ bln)", 9, "USD")])
def test_wire_style_labels_scale_a_row(label, power, unit):
    from pipeline.extract.numbers import find_labels

    assert [(p, u) for _, _, p, u in find_labels(label, 0, len(label))] == [(power, unit)]


@pytest.mark.parametrize(("text", "expected"), [
    # PDF text wraps a figure before its magnitude word: the word on the next line still scales it
    ("Revenue for the period was HK$1,482.6\nmillion, up 30%.",
     [("HK$1,482.6\nmillion", Decimal("1482600000"), "HKD"), ("30%", Decimal("30"), "%")]),
    ("净亏损为US$88.1\nbillion", [("US$88.1\nbillion", Decimal("88100000000"), "USD")]),
    # a capitalised word opening the next line is a new line's text, not a magnitude
    ("Revenue was RMB512.0\nMillion-dollar contracts drove it.", [("RMB512.0", Decimal("512.0"), "CNY")]),
])
def test_a_magnitude_word_wrapped_onto_the_next_line(text, expected):
    assert quantities(text) == expected
