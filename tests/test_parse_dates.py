"""The document date read from a text's head: a dateline, never the end of a reporting period."""

from datetime import date

import pytest

from pipeline.parse.document import find_date, parse_text


@pytest.mark.parametrize(("head", "expected"), [
    ("新浪科技 2026年1月9日讯", date(2026, 1, 9)),
    ("Published: March 3, 2026", date(2026, 3, 3)),
    ("截至2024年12月31日止年度，公司收入3.12亿元。\n2026年1月12日 财经快讯", date(2026, 1, 12)),
    ("For the six months ended 30 June 2025, revenue rose.\nHong Kong, 28 August 2025", date(2025, 8, 28)),
    ("2025年6月30日止六个月的收入为1.91亿元", None),
    ("As at 31 December 2024 the group had cash of RMB2.5bn.", None),
    ("Nine months ending September 30, 2025 (unaudited); filed 2025-11-14", date(2025, 11, 14)),
])
def test_a_period_end_is_not_the_publication_date(head, expected):
    assert find_date(head) == expected


def test_a_results_statement_takes_its_dateline():
    doc = parse_text("MiniMax interim results\nFor the six months ended 30 June 2025\n"
                     "Shanghai, 29 August 2025 - MiniMax reported revenue of US$50.3 million.")
    assert doc.published == date(2025, 8, 29)
