"""Numbers: exact values, magnitudes, currencies, percentages, multiples, lists."""

from decimal import Decimal

import pytest

from pipeline.extract.numbers import fill_list_units, find_quantities
from pipeline.extract.sentences import normalize_text


def one(text: str):
    found = fill_list_units(text, find_quantities(text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "kind", "unit"),
    [
        ("5740万元", "57400000", "currency", "CNY"),
        ("1.245亿元", "124500000", "currency", "CNY"),
        ("16.4亿", "1640000000", "plain", None),
        ("4.6万亿", "4600000000000", "plain", None),
        ("3.124億元人民幣", "312400000", "currency", "CNY"),
        ("8,440萬元", "84400000", "currency", "CNY"),
        ("US$30.52 million", "30520000", "currency", "USD"),
        ("RMB264m", "264000000", "currency", "CNY"),
        ("HK$116.20", "116.2", "currency", "HKD"),
        ("HK$57 billion", "57000000000", "currency", "HKD"),
        ("$1.2bn", "1200000000", "currency", "USD"),
        ("570亿港元", "57000000000", "currency", "HKD"),
        ("1400万美元", "14000000", "currency", "USD"),
        ("0.57亿元", "57000000", "currency", "CNY"),
        ("84.8%", "84.8", "percent", "%"),
        ("-0.4%", "-0.4", "percent", "%"),
        ("负3.5%", "-3.5", "percent", "%"),
        ("3个百分点", "3", "pp", "pp"),
        ("1159倍", "1159", "multiple", "x"),
        ("6x", "6", "multiple", "x"),
        ("1,159 times", "1159", "multiple", "x"),
        ("657名", "657", "count", "count"),
        ("12,345,678", "12345678", "plain", None),
    ],
)
def test_number_values_are_exact(text, value, kind, unit):
    q = one(text)
    assert q.value == Decimal(value)
    assert (q.kind, q.unit) == (kind, unit)
    assert str(q.value) == value  # no exponent notation, no float noise


def test_full_width_digits_keep_offsets():
    text = "收入５７４０万元"
    norm = normalize_text(text)
    assert len(norm) == len(text)
    q = one(norm[2:])
    assert q.value == Decimal("57400000")


def test_list_shares_its_unit_and_magnitude():
    text = "分别为0.97、6.21、24.66和17.52亿元"
    values = [q.value for q in fill_list_units(text, find_quantities(text))]
    assert values == [Decimal("97000000"), Decimal("621000000"), Decimal("2466000000"), Decimal("1752000000")]
    text = "$3.46, $30.52 and $53.44 million"
    values = [q.value for q in fill_list_units(text, find_quantities(text))]
    assert values == [Decimal("3460000"), Decimal("30520000"), Decimal("53440000")]


@pytest.mark.parametrize("text", ["GLM-4.5", "Qwen2.5", "GLM-130B", "a 7B model", "第1名", "5 minutes"])
def test_model_names_and_ordinals_are_not_amounts(text):
    assert all(q.kind == "plain" and not q.scaled for q in find_quantities(text)) or not find_quantities(text)
    assert not [q for q in find_quantities(text) if q.kind != "plain"]


def test_four_hundred_digits_are_not_a_number():
    assert find_quantities("9" * 400) == []
    assert find_quantities("收入" + "9" * 400 + "亿元") == []
