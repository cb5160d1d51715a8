"""PDF to text with pdfplumber, within page, size and text limits (filings run to hundreds of pages).

A PDF has no paragraphs, only lines placed on a page: a filing's sentence "本集團的收入為人民幣" / "190.9百萬元，
較2024年同期增長325.0%。" comes out as two lines, and the extractor, for which a line break ends a sentence (a
table row, a list item, a heading), would see a figure apart from what it counts. So the lines of a page are
joined back where the page's geometry says the text wrapped: the line ran to the right margin (the next line's
first word would not have fitted after it), the next line starts at the left margin with the same size and the
usual spacing, and neither looks like a table row or starts a list item. Anything else keeps its line break:
the rule errs towards what the text was without it.
"""

from __future__ import annotations

import io
import re
from itertools import pairwise

MAX_PDF_PAGES = 400
MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PDF_CHARS = 5_000_000


def pdf_text(raw: bytes, max_pages: int = MAX_PDF_PAGES, max_chars: int = MAX_PDF_CHARS) -> str:
    """Return the text of a PDF's first pages; raise ParseError for an empty, encrypted, corrupt or huge file."""
    from pipeline.parse.document import ParseError

    if not raw:
        raise ParseError("empty PDF: zero bytes")
    if len(raw) > MAX_PDF_BYTES:
        raise ParseError(f"PDF too large: {len(raw)} bytes (limit {MAX_PDF_BYTES})")
    if not raw.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in raw[:1024]:
        raise ParseError("not a PDF: no %PDF header")
    import pdfplumber

    pages: list[str] = []
    total = 0
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            for page in pdf.pages[:max_pages]:
                text = _page_text(page)
                pages.append(text)
                total += len(text)
                if total >= max_chars:
                    break
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files; pdfplumber wraps them
        raise ParseError(describe_pdf_error(exc)) from None
    return "\n\n".join(pages)[:max_chars]


def describe_pdf_error(exc: Exception) -> str:
    """Return the reason stored for a PDF that pdfplumber/pdfminer could not read."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc
    # pdfplumber wraps pdfminer's exception as its first argument.
    while type(inner).__name__ == "PdfminerException" and inner.args and isinstance(inner.args[0], Exception):
        inner = inner.args[0]
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError) or "encrypt" in type(inner).__name__.lower():
        return "encrypted PDF: no password"
    detail = str(inner).strip()
    return f"corrupt PDF: {type(inner).__name__}{': ' + detail if detail else ''}"[:300]


# A list item or numbered heading starts a line of its own, whatever ran to the margin before it ("（1）", "1.收入",
# a Symbol-font bullet from a word processor in the private-use area).
_ITEM_START = re.compile(
    r"[•·●○▪■◆►➢➤❖\-–—*\uf000-\uf0ff]|[(（]?[0-9]{1,2}(?:\.(?=\s|[\u4e00-\u9fff])|[)）、])|\(?[a-zA-Z][.)]\s"
    r"|[(（](?:[ivx]{1,4}|[a-z])[)）]"
    r"|[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[章節节條条部]")
# A row of figures ("Revenue 190,937 120,345 58.6%"): the last two words are numbers.
_FIGURES_END = re.compile(r"[(\-–]?[0-9][0-9.,]*%?\)?\s+[(\-–]?[0-9][0-9.,]*%?\)?\s*$")
_CJK_FROM = 0x2E80  # CJK radicals onwards: scripts written without spaces between words


def _page_text(page) -> str:
    """The text of a page, its lines joined back where they wrapped (see the module's docstring)."""
    lines = [line for line in page.extract_text_lines(return_chars=True) if line["text"]]
    if not lines:
        return ""
    left = min(line["x0"] for line in lines)
    # the text block's right edge: its widest line, or as far from the page's right side as the left margin is from
    # the left, whichever is further; on a page of short lines (a cover, a list of highlights) the widest line is no
    # margin, and nothing there wrapped
    right = max(max(line["x1"] for line in lines), page.width - left)
    rows = [_table_row(line) for line in lines]
    parts = [lines[0]["text"]]
    for k in range(1, len(lines)):
        above, below = lines[k - 1], lines[k]
        wrapped = not rows[k - 1] and not rows[k] and _wrapped(above, below, left, right)
        parts.append(_joint(above, below) if wrapped else "\n")
        parts.append(below["text"])
    return "".join(parts)


def _wrapped(above: dict, below: dict, left: float, right: float) -> bool:
    """True when the line below carries on the sentence of the line above, broken only by the page's width."""
    size = above["bottom"] - above["top"]
    if size <= 0 or abs((below["bottom"] - below["top"]) - size) > 0.2 * size:
        return False  # a heading or a footnote in another size
    if not 0 <= below["top"] - above["bottom"] <= 0.8 * size or below["x0"] - left > 0.5 * size:
        return False  # a paragraph's spacing or indent, or a line placed elsewhere on the page
    if _ITEM_START.match(below["text"]):
        return False
    space = 0.0 if _cjk(above["text"][-1]) or _cjk(below["text"][0]) else 0.25 * size
    return above["x1"] + space + _first_word_width(below) > right + 0.1 * size


def _first_word_width(line: dict) -> float:
    """The width of the line's first word; of its first character in a script without spaces."""
    chars = [c for c in line["chars"] if c["text"].strip()]
    if not chars:
        return 0.0
    end = chars[0]
    for c in chars[1:]:
        if _cjk(end["text"]) or _cjk(c["text"]) or c["x0"] - end["x1"] > 0.1 * (c["bottom"] - c["top"]):
            break
        end = c
    return end["x1"] - chars[0]["x0"]


def _table_row(line: dict) -> bool:
    """True for a row of a table, which never wraps into the next: its last two words are figures, or two of its
    characters stand more than two em apart (cells set apart by space, not by a space character)."""
    if _FIGURES_END.search(line["text"]):
        return True
    size = line["bottom"] - line["top"]
    chars = [c for c in line["chars"] if c["text"].strip()]
    return any(b["x0"] - a["x1"] > 2 * size for a, b in pairwise(chars))


def _joint(above: dict, below: dict) -> str:
    """What replaces a line break inside a sentence: nothing between CJK or after a hyphen, else a space."""
    last, first = above["text"][-1], below["text"][0]
    if _cjk(last) or _cjk(first) or (last == "-" and first.islower()):
        return ""
    return " "


def _cjk(ch: str) -> bool:
    return ord(ch) >= _CJK_FROM
