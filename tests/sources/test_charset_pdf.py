"""Charsets as Chinese sites serve them, and PDFs within limits: pure functions over bytes."""

from decimal import Decimal

import pytest

from pipeline.parse import ParseError, decode_document
from pipeline.parse.charset import decode_bytes
from pipeline.parse.pdf import pdf_text
from tests.sources.pdfs import corrupt_pdf, make_pdf

SIMPLIFIED = "智谱于2026年1月8日在香港联交所主板挂牌上市，公司表示将继续加大研发投入。"
TRADITIONAL = "智譜於2026年1月8日在香港聯交所主板掛牌上市，公司表示將繼續加大研發投入。"


@pytest.mark.parametrize("raw, declared, expected", [
    (SIMPLIFIED.encode("gbk"), "gb2312", SIMPLIFIED),
    (SIMPLIFIED.encode("gb18030"), None, SIMPLIFIED),
    (TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
    (TRADITIONAL.encode("big5"), None, TRADITIONAL),  # undeclared Big5 is not read as GB18030
    (TRADITIONAL.encode("big5"), "gbk", TRADITIONAL),  # a header that lies about Big5
    (SIMPLIFIED.encode("gbk"), "iso-8859-1", SIMPLIFIED),  # a header that lies about GBK
    (SIMPLIFIED.encode("utf-8"), "gbk", SIMPLIFIED),  # valid UTF-8 beats a wrong declaration
    ("Le café était très bon à Zürich".encode("cp1252"), "gbk", "Le café était très bon à Zürich"),
])
def test_decode_bytes(raw, declared, expected):
    assert decode_bytes(raw, declared)[0] == expected


def test_header_and_meta_disagree_the_one_that_decodes_wins():
    page = ('<html><head><meta charset="gbk"><title>t</title></head><body><p>' + SIMPLIFIED + "</p></body></html>")
    text, fmt = decode_document(page.encode("gbk"), "text/html; charset=utf-8")
    assert fmt == "html" and SIMPLIFIED in text
    page_big5 = page.replace('charset="gbk"', 'charset="big5"').replace(SIMPLIFIED, TRADITIONAL)
    assert TRADITIONAL in decode_document(page_big5.encode("big5"), "text/html; charset=gb2312")[0]


def test_pdf_text_and_page_limit():
    raw = make_pdf([["Knowledge Atlas (Zhipu) announcement"], ["second page"], ["third page"]])
    assert pdf_text(raw) == "Knowledge Atlas (Zhipu) announcement\n\nsecond page\n\nthird page"
    assert pdf_text(raw, max_pages=1) == "Knowledge Atlas (Zhipu) announcement"
    assert pdf_text(raw, max_chars=20) == "Knowledge Atlas (Zhi"


@pytest.mark.parametrize("raw, reason", [
    (make_pdf([["secret"]], encrypted=True), "encrypted PDF: no password"),
    (corrupt_pdf(), "corrupt PDF"),
    (b"", "empty PDF: zero bytes"),
    (b"<html>not a pdf</html>", "not a PDF"),
])
def test_bad_pdfs(raw, reason):
    with pytest.raises(ParseError, match=reason):
        pdf_text(raw)


# A results announcement's paragraphs as a PDF sets them: each line as wide as the page allows.
FILING_ZH = [
    "MiniMax",
    "　　截至2025年6月30日止六個月，本集團錄得收入為",  # an indented paragraph, wrapped at the margin
    "5,030萬美元，較2024年同期增長181.3%；期內虧損為",
    "5.12億美元。",
    "　　董事會不建議派發中期股息。",  # a new paragraph: indented
    "收入（百萬美元）　　　　　50.3　　　　　17.9",  # a table row: figures set apart
    "毛利　　　　　　　　　　　12.2　　　　　　2.1",
]
FILING_EN = [
    "Knowledge Atlas Technology Joint Stock Company Limited",
    "For the six months ended 30 June 2025, the Group recorded revenue of",
    "RMB190.9 million, representing an increase of 325.0% over the same period",
    "of 2024.",
    "The Board does not recommend an interim dividend for the period.",
    "(a) research and development expenses were RMB1,145.1 million, up from",
    "(b) RMB529.2 million a year earlier, driven by the training of models.",
]


def test_pdf_lines_wrapped_at_the_margin_are_joined_back():
    zh = pdf_text(make_pdf([FILING_ZH], cjk=True, fit=True)).split("\n")
    assert zh[:3] == ["MiniMax", "截至2025年6月30日止六個月，本集團錄得收入為5,030萬美元，較2024年同期增長181.3%；期內虧損為5.12億美元。",
                      "董事會不建議派發中期股息。"]
    assert len(zh) == 5 and zh[3].startswith("收入") and zh[4].startswith("毛利")  # table rows stay rows
    en = pdf_text(make_pdf([FILING_EN], fit=True)).split("\n")
    assert en == [FILING_EN[0], " ".join(FILING_EN[1:4]), FILING_EN[4], FILING_EN[5], FILING_EN[6]]  # items stay apart


def test_pdf_lines_that_end_short_or_change_size_keep_their_break():
    # every line here is shorter than the next one's first word would need: none of them wrapped
    lines = ["Interim results", "Revenue up", "Highlights of the period follow."]
    assert pdf_text(make_pdf([lines])) == "\n".join(lines)
    # a page of statements, each far from the page's margin: the widest of them is no margin to wrap at
    lines = ["Revenue rose to RMB312.4 million for the year", "Gross profit was RMB100.2 million for the year"]
    assert pdf_text(make_pdf([lines])) == "\n".join(lines)


def test_pdf_list_items_start_their_own_line_after_a_full_one():
    lines = ["本集團的主要財務數據摘要如下，除另有說明外，金額均以人民幣列示：", "（1）收入為3.12億元；", "1.毛利為1.02億元。"]
    assert pdf_text(make_pdf([lines], cjk=True, fit=True)) == "\n".join(lines)


def test_a_wrapped_filing_sentence_yields_its_facts(sample_config):
    from pipeline.extract import extract_facts

    text, _ = decode_document(make_pdf([FILING_ZH], cjk=True, fit=True), "application/pdf")
    facts = {(f.company, f.metric, f.period, f.value, f.unit) for f in extract_facts(text, sample_config.watchlist)}
    assert ("minimax", "revenue", "2025H1", 50300000, "USD") in facts
    assert ("minimax", "revenue_growth", "2025H1", Decimal("181.3"), "%") in facts
