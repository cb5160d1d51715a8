"""HTML to clean article text with trafilatura (boilerplate, comments and navigation removed)."""

from __future__ import annotations

import re
from datetime import date

import trafilatura

from pipeline.models import ParsedDocument
from pipeline.parse.document import detect_lang, find_date

_LANG_ATTR = re.compile(r"<html[^>]{0,300}?\blang\s*=\s*[\"']?([A-Za-z]{2})", re.IGNORECASE)


def parse_html(html: str) -> ParsedDocument:
    """Extract the main text, title, publication date and language of an HTML page."""
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
    )
    text = (doc.text if doc is not None else "") or ""
    title = doc.title if doc is not None else None
    published = _as_date(doc.date if doc is not None else None) or find_date(text[:400])
    lang_attr = _LANG_ATTR.search(html[:4000])
    lang = lang_attr.group(1).lower() if lang_attr else None
    return ParsedDocument(title=title, published=published, lang=lang or detect_lang(text), text=text)


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
