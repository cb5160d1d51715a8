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


_ARTICLE = ("<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>{dateline}"
            "<p>智谱今日公布上半年业绩，收入同比大幅增长，亏损收窄，研发投入继续加大，管理层对下半年保持乐观。</p>"
            "<p>公司表示，将继续投入基础模型研发，扩大云端业务规模，并进一步拓展海外市场与生态合作伙伴。</p>"
            "</article></body></html>")


@pytest.mark.parametrize(("meta", "dateline", "expected"), [
    ('<meta property="article:published_time" content="2025-08-28T09:00:00+08:00">', "", date(2025, 8, 28)),
    ("", '<p class="date">2025-08-27 21:30</p>', date(2025, 8, 27)),
    ("", "<p>新浪科技 2025年8月26日讯</p>", date(2025, 8, 26)),
    ("", "", None),  # only the title's "2025年": no date, not 1 January 2025
])
def test_an_html_page_is_dated_by_its_markup_or_dateline_never_by_a_bare_year(meta, dateline, expected):
    from pipeline.parse.html import parse_html

    page = _ARTICLE.format(title="智谱发布2025年中期业绩", meta=meta, dateline=dateline)
    assert parse_html(page).published == expected


@pytest.mark.parametrize(("footer", "expected"), [
    ('<div class="footer">更新时间：2025-03-01 10:00</div>', date(2025, 3, 1)),  # the first of a month, written out
    ('<div class="footer">2025年3月1日 10:00</div>', date(2025, 3, 1)),
    ('<div class="footer">版权所有 2025</div>', None),  # a year alone, which htmldate reads as 1 January
])
def test_the_page_wide_date_search_keeps_a_first_of_the_month_only_when_written(footer, expected):
    from pipeline.parse.html import _page_date

    body = "<p>智谱今日公布业绩，收入同比大幅增长，亏损收窄，研发投入继续加大，管理层对下半年保持乐观。</p>" * 3
    assert _page_date(f"<html><head><title>智谱业绩</title></head><body><article>{body}</article>{footer}</body></html>") \
        == expected
