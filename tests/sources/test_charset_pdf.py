"""Charsets as Chinese sites serve them, and PDFs within limits: pure functions over bytes."""

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
