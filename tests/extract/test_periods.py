"""Periods: years, halves, nine months, quarters, instants, spans, relative words."""

from datetime import date

import pytest

from pipeline.extract.periods import find_document_date, find_periods

DOC = date(2025, 12, 19)


def labels(text: str, doc: date | None = DOC):
    return [(p.kind, p.label) for p in find_periods(text, doc)]


@pytest.mark.parametrize(
    ("text", "kind", "label"),
    [
        ("2024年", "flow", "FY2024"),
        ("FY2024", "flow", "FY2024"),
        ("2024財年", "flow", "FY2024"),
        ("2025年上半年", "flow", "2025H1"),
        ("H1 2025", "flow", "2025H1"),
        ("1H25", "flow", "2025H1"),
        ("the first half of 2025", "flow", "2025H1"),
        ("2025年前三季度", "flow", "2025Q1-Q3"),
        ("2025年1-9月", "flow", "2025Q1-Q3"),
        ("first nine months of 2025", "flow", "2025Q1-Q3"),
        ("nine months ended September 30, 2025", "flow", "2025Q1-Q3"),
        ("six months ended June 30, 2025", "flow", "2025H1"),
        ("截至2025年6月30日止六个月", "flow", "2025H1"),
        ("截至2025年9月30日止九個月", "flow", "2025Q1-Q3"),
        ("Q3 2025", "flow", "2025Q3"),
        ("2025年第三季度", "flow", "2025Q3"),
        ("June 2025", "flow", "2025-06"),
        ("截至2025年6月30日", "date", "2025-06-30"),
        ("June 30, 2025", "date", "2025-06-30"),
        ("2026年1月8日", "date", "2026-01-08"),
        ("2024年底", "date", "2024-12-31"),
        ("2022年至2024年", "span", "FY2022-FY2024"),
        ("2022-2024年", "span", "FY2022-FY2024"),
        ("今年上半年", "flow", "2025H1"),
        ("去年", "flow", "FY2024"),
        ("昨日", "date", "2025-12-18"),
    ],
)
def test_period_labels(text, kind, label):
    assert labels(text) == [(kind, label)]


def test_quarter_end_dates_close_a_flow_period():
    (p,) = find_periods("截至2025年6月30日", DOC)
    assert p.flow == "2025H1"
    (p,) = find_periods("截至2024年12月31日", DOC)
    assert p.flow == "FY2024"


def test_open_periods_are_not_guessed():
    assert labels("今年上半年", None) == [("open", "")]
    assert labels("自2022年起") == [("since", "")]
    assert [k for k, _ in labels("2024年初到2025年中")] == ["vague", "vague"]


def test_span_expands_to_years_for_lists():
    (p,) = find_periods("2022年至2024年", DOC)
    assert [x.label for x in p.expand()] == ["FY2022", "FY2023", "FY2024"]


def test_amounts_are_not_years():
    assert labels("2,000名员工") == []
    assert labels("$2023") == []


def test_document_date_near_the_top():
    assert find_document_date("标题\n\n2025年12月19日。\n正文") == date(2025, 12, 19)
    assert find_document_date("Title\nPublished: March 31, 2026\n") == date(2026, 3, 31)
    assert find_document_date("Title\nPublished 2028.09.20 17:31\n") == date(2028, 9, 20)
    assert find_document_date("标题\n2026.1.8 来源：某报\n") == date(2026, 1, 8)
    assert find_document_date("Version 2026.13.40 notes") is None
    assert find_document_date("no date here") is None
