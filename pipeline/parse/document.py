"""Turn a stored document's bytes into a ParsedDocument, whatever its format."""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePosixPath

from pipeline.models import ParsedDocument
from pipeline.parse.charset import DecodeError, decode_bytes

MAX_TEXT_CHARS = 5_000_000


class ParseError(ValueError):
    """A document that cannot be turned into text; the message is the reason stored with it."""


def detect_format(raw: bytes, content_type: str | None = None, name: str | None = None) -> str:
    """Return 'html', 'pdf', 'text' or 'feed' from the content type, the name and the bytes."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    suffix = PurePosixPath(name or "").suffix.lower()
    head = raw[:1024].lstrip().lower()
    if raw.startswith(b"%PDF") or ctype == "application/pdf" or suffix == ".pdf":
        return "pdf"
    if ctype in ("text/html", "application/xhtml+xml") or suffix in (".html", ".htm"):
        return "html"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def decode_document(raw: bytes, content_type: str | None = None, name: str | None = None) -> tuple[str, str]:
    """Return (decoded text, format) without the full parse: what the relevance gate reads."""
    if not raw or not raw.strip():
        raise ParseError("empty document")
    fmt = detect_format(raw, content_type, name)
    if fmt == "pdf":
        from pipeline.parse.pdf import pdf_text

        return pdf_text(raw), fmt
    sample = raw[:8192]
    controls = sum(sample.count(bytes([c])) for c in (*range(0, 9), *range(14, 27), *range(28, 32)))
    if controls > len(sample) // 20 or sample.count(b"\x00") > len(sample) // 100 + 1:
        raise ParseError("binary content: not text, HTML or PDF")
    declared = None
    if content_type and "charset=" in content_type.lower():
        declared = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    try:
        text, _ = decode_bytes(raw, declared, html=fmt == "html")
    except DecodeError as exc:
        raise ParseError(str(exc)) from None
    if text.count("\ufffd") > max(16, len(text) // 50):
        raise ParseError("undecodable: too many invalid bytes for any charset")
    return text.replace("\x00", ""), fmt


def parse_document(
    raw: bytes, content_type: str | None = None, name: str | None = None, *, decoded: tuple[str, str] | None = None
) -> ParsedDocument:
    """Parse HTML, PDF or plain text bytes into title, date, language and clean text."""
    text, fmt = decoded or decode_document(raw, content_type, name)
    if fmt == "html":
        from pipeline.parse.html import parse_html

        parsed = parse_html(text)
    else:
        parsed = parse_text(text)
    if not parsed.text.strip():
        raise ParseError(f"no text found in the {fmt} document")
    if len(parsed.text) > MAX_TEXT_CHARS:
        parsed.text = parsed.text[:MAX_TEXT_CHARS]
    return parsed


_DATE_ZH = re.compile(r"(20\d\d|19\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_DATE_ISO = re.compile(r"(?<!\d)(20\d\d|19\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_DATE_EN = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s+(\d{1,2}),?\s+(20\d\d)\b", re.IGNORECASE
)
_DATE_EN_DMY = re.compile(
    r"\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,?\s+(20\d\d)\b", re.IGNORECASE
)


# A date that ends a reporting period ("截至2024年12月31日止年度", "six months ended 30 June 2025") is what the
# text is about, not when it was written.
_PERIOD_END_BEFORE = re.compile(r"(?:截至|截止|ended|ending|end of|as at|as of)\s*$", re.IGNORECASE)
_PERIOD_END_AFTER = re.compile(r"\s*(?:止|为止|為止)")


def find_date(text: str) -> date | None:
    """Return the first full date stated in a short piece of text (a dateline or a 'Published:' line).

    Dates that end a reporting period are skipped: a heading like "for the six months ended 30 June 2025"
    does not say when the article was published.
    """
    found = []
    for pattern, order in ((_DATE_ZH, "ymd"), (_DATE_ISO, "ymd"), (_DATE_EN, "mdy"), (_DATE_EN_DMY, "dmy")):
        for m in pattern.finditer(text):
            if _PERIOD_END_BEFORE.search(text, max(0, m.start() - 12), m.start()) or \
                    _PERIOD_END_AFTER.match(text, m.end()):
                continue
            groups = dict(zip(order, m.groups(), strict=True))
            month = groups["m"]
            month = _MONTHS[month[:3].lower()] if not month.isdigit() else int(month)
            try:
                found.append((m.start(), date(int(groups["y"]), month, int(groups["d"]))))
            except ValueError:
                continue
            break
    return min(found)[1] if found else None


def detect_lang(text: str) -> str | None:
    """Guess 'zh' or 'en' from the script of the first few thousand characters."""
    sample = text[:4000]
    letters = sum(ch.isalpha() for ch in sample)
    if not letters:
        return None
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in sample)
    if cjk / letters > 0.2:
        return "zh"
    ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in sample)
    return "en" if ascii_letters / letters > 0.9 else None


def parse_text(text: str) -> ParsedDocument:
    """Parse plain text or Markdown: the first non-empty line is the title, a date near the top is the date."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln.strip() for ln in text.split("\n")]
    title = next((ln.lstrip("# ").strip() for ln in lines if ln), None)
    head = "\n".join(lines[:12])
    return ParsedDocument(title=title[:500] if title else None, published=find_date(head), lang=detect_lang(text), text=text)
