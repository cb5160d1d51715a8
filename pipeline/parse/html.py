"""HTML to clean article text with trafilatura (boilerplate, comments and navigation removed)."""

from __future__ import annotations

import re
from datetime import date

import htmldate
import trafilatura

from pipeline.models import ParsedDocument
from pipeline.parse.document import detect_lang, find_date

# The publication date as the page marks it up (meta tags, structured data, elements classed as dates): htmldate's
# search of the whole page's text, which ends by taking a year written anywhere ("智谱发布2025年中期业绩") as 1 January
# of it, runs only when neither the markup nor the article's dateline gives a date (_page_date).
_MARKED_DATES = {"extensive_search": False, "original_date": True}
_LANG_ATTR = re.compile(r"<html[^>]{0,300}?\blang\s*=\s*[\"']?([A-Za-z]{2})", re.IGNORECASE)


def parse_html(html: str) -> ParsedDocument:
    """Extract the main text, title, publication date and language of an HTML page."""
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True,
        date_extraction_params=_MARKED_DATES,
    )
    text = (doc.text if doc is not None else "") or ""
    title = doc.title if doc is not None else None
    published = _as_date(doc.date if doc is not None else None) or find_date(text[:400]) or _page_date(html)
    lang_attr = _LANG_ATTR.search(html[:4000])
    lang = lang_attr.group(1).lower() if lang_attr else None
    return ParsedDocument(title=title, published=published, lang=lang or detect_lang(text), text=text)


def _page_date(html: str) -> date | None:
    """A full date found in the page's text by htmldate's wider search; a year or month alone (which it reads as the
    month's first day) is no publication date: relative periods ("上半年", "yesterday") would be read from 1 January."""
    found = _as_date(htmldate.find_date(html, extensive_search=True, original_date=True))
    if found is None or found.day != 1:
        return found
    # the first of a month is a date when the page writes it out ("2025-03-01", "2025年3月1日"), a guess otherwise
    written = re.compile(rf"{found.year}\s?[-/.年]\s?0?{found.month}\s?[-/.月]\s?0?1(?![0-9])")
    return found if written.search(html) else None


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
