"""RSS/Atom feeds (each entry's article fetched and stored) and single `page` sources.

Options of an `rss` source: `url` (required), `allow_private` (follow links to loopback/private addresses
on other hosts than the feed's own; default false), `max_articles` (entries looked at per run, default 50),
`articles` (fetch each entry's link, default true; false stores the entry's own content), `max_bytes`
(per article, default 20 MB), `max_attempts` (tries for an article that fails, default 3).
A `page` source takes `url` and `max_bytes`.

Incremental: the feed is fetched with its stored ETag/Last-Modified; an article already stored is not
fetched again unless its entry's `updated` stamp changes (then with its own validators).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import urljoin, urlsplit

from pipeline.config import SourceConfig
from pipeline.dedupe import canonical_url, find_canonical_link
from pipeline.http import HttpError
from pipeline.models import FetchedDocument
from pipeline.sources import FetchContext, SourceError

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, application/pdf;q=0.8, */*;q=0.1"
MAX_FEED_BYTES = 10 * 1024 * 1024
MAX_ARTICLES = 50
MAX_ATTEMPTS = 3
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ROOT_END = re.compile(rb"</(rss|feed|rdf:RDF|RDF)\s*>\s*$", re.IGNORECASE)


class FeedError(ValueError):
    """A feed document that cannot be trusted or read; the message is recorded on the source."""


@dataclass(slots=True)
class FeedEntry:
    """One entry of a feed: where its article is and what the feed says about it."""

    link: str | None
    title: str | None
    published: datetime | None
    updated: str | None  # the entry's own change stamp, to notice an edited article
    entry_id: str | None
    content: str | None


def parse_feed(raw: bytes, content_type: str | None = None, base: str | None = None) -> list[FeedEntry]:
    """Parse RSS or Atom bytes into entries; refuse entity declarations, truncated and non-feed documents."""
    import feedparser

    if not raw.strip():
        raise FeedError("empty feed document")
    if _ENTITY_DECL.search(raw):
        # feedparser does not expand them, but a document that declares entities is refused outright:
        # there is no legitimate reason for a news feed to, and "billion laughs" / XXE is the usual one.
        raise FeedError("refused: the feed declares XML entities (<!ENTITY>), a known expansion attack")
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(raw, response_headers=headers)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and type(problem).__name__ == "SAXParseException":
        if not _ROOT_END.search(raw.rstrip()[-200:]):
            raise FeedError(f"truncated or invalid feed XML: {problem}")
        if not parsed.entries:
            raise FeedError(f"invalid feed XML: {problem}")
    if not parsed.get("version") and not parsed.entries:
        raise FeedError("not an RSS or Atom feed")
    with warnings.catch_warnings():
        # feedparser warns when `updated` falls back to `published`; that fallback is what we want.
        warnings.simplefilter("ignore", DeprecationWarning)
        return [_entry(item, base) for item in parsed.entries]


def _entry(item, base: str | None) -> FeedEntry:
    """Turn one feedparser entry into a FeedEntry (links resolved against the feed's URL)."""
    link = item.get("link") or next(
        (ln.get("href") for ln in item.get("links", []) if ln.get("rel") in (None, "alternate")), None)
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    content = None
    if item.get("content"):
        content = item["content"][0].get("value")
    return FeedEntry(
        link=urljoin(base, link.strip()) if link and base else (link.strip() if link else None),
        title=(item.get("title") or "").strip() or None,
        published=datetime(*stamp[:6]) if stamp else None,
        updated=item.get("updated") or item.get("published"),
        entry_id=item.get("id"),
        content=content or item.get("summary"),
    )


def fetch(source: SourceConfig, ctx: FetchContext) -> Iterator[FetchedDocument]:
    """Yield the new articles of a feed, or a single page, fetched politely and conditionally."""
    if ctx.http is None:
        raise SourceError(f"{source.kind} source needs an HTTP client")
    if source.kind == "page":
        yield from fetch_page(source, ctx)
    else:
        yield from fetch_feed(source, ctx)


def fetch_page(source: SourceConfig, ctx: FetchContext) -> Iterator[FetchedDocument]:
    """Yield one page when it changed since the stored validators."""
    url = source.options["url"]
    state = ctx.state
    try:
        response = ctx.http.get(url, etag=state.etag, last_modified=state.last_modified, accept=PAGE_ACCEPT,
                                max_bytes=_configured_limit(source))
    except HttpError as exc:
        raise SourceError(f"page {url}: {exc.reason}") from None
    if response.not_modified:
        return
    yield FetchedDocument(source.id, canonical_url(url), response.body, response.content_type,
                          metadata=_page_metadata(response, url))
    state.etag, state.last_modified = response.etag, response.last_modified


def fetch_feed(source: SourceConfig, ctx: FetchContext) -> Iterator[FetchedDocument]:
    """Yield the feed's new or updated articles; failed articles are yielded with their error and retried."""
    url = source.options["url"]
    state = ctx.state
    validators = dict(state.validators or {})
    articles: dict[str, dict] = dict(validators.get("articles") or {})
    try:
        response = ctx.http.get(url, etag=state.etag, last_modified=state.last_modified, accept=FEED_ACCEPT,
                                max_bytes=MAX_FEED_BYTES)
    except HttpError as exc:
        raise SourceError(f"feed {url}: {exc.reason}") from None
    if response.not_modified:
        entries = [FeedEntry(link, None, None, info.get("updated"), None, None)
                   for link, info in articles.items() if not info.get("done")]
    else:
        try:
            entries = parse_feed(response.body, response.content_type, response.url)
        except FeedError as exc:
            raise SourceError(f"feed {url}: {exc}") from None
    limit = int(source.options.get("max_articles") or MAX_ARTICLES)
    current: dict[str, dict] = {}
    for entry in entries[:limit]:
        if not entry.link:
            continue
        link = canonical_url(entry.link)
        known = articles.get(link) or {}
        if known.get("done") and known.get("updated") == entry.updated:
            current[link] = known
            continue
        if not known.get("done") and known.get("attempts", 0) >= int(source.options.get("max_attempts")
                                                                       or MAX_ATTEMPTS):
            current[link] = known
            continue
        doc, info = _fetch_article(source, ctx, url, entry, link, known)
        current[link] = info
        if doc is not None:
            yield doc
    if not response.not_modified:
        state.etag, state.last_modified = response.etag, response.last_modified
        articles = current  # entries that left the feed will not come back; forget them
    else:
        articles.update(current)
    state.validators = {**validators, "articles": articles}


def _fetch_article(source: SourceConfig, ctx: FetchContext, feed_url: str, entry: FeedEntry, link: str,
                   known: dict) -> tuple[FetchedDocument | None, dict]:
    """Fetch one entry's article; return the document (None when unchanged) and its new state."""
    base = {"feed": feed_url}
    if entry.entry_id:
        base["entry_id"] = entry.entry_id
    if source.options.get("articles") is False:
        body = f"<html><head><title>{escape(entry.title or '')}</title></head><body>{entry.content or ''}</body></html>"
        doc = FetchedDocument(source.id, link, body.encode("utf-8"), "text/html; charset=utf-8", entry.title,
                              entry.published, metadata={**base, "canonical_url": link, "from_feed": True})
        return doc, {"done": True, "updated": entry.updated}
    feed_host = (urlsplit(feed_url).hostname or "").lower()
    try:
        response = ctx.http.get(
            link, etag=known.get("etag"), last_modified=known.get("last_modified"), accept=PAGE_ACCEPT,
            max_bytes=_configured_limit(source),
            allow_private=bool(source.options.get("allow_private", False)), trusted_hosts=[feed_host],
        )
    except HttpError as exc:
        failed = FetchedDocument(source.id, link, b"", None, entry.title, entry.published,
                                 metadata=base, error=exc.reason)
        return failed, {"done": False, "attempts": known.get("attempts", 0) + 1, "updated": entry.updated}
    info = {"done": True, "updated": entry.updated, "etag": response.etag, "last_modified": response.last_modified,
            "fetched": ctx.now.date().isoformat()}
    if response.not_modified:
        return None, {**known, **info, "etag": known.get("etag"), "last_modified": known.get("last_modified")}
    doc = FetchedDocument(source.id, link, response.body, response.content_type, entry.title, entry.published,
                          metadata={**base, **_page_metadata(response, link)})
    return doc, {k: v for k, v in info.items() if v is not None}


def _page_metadata(response, url: str) -> dict:
    metadata = {"canonical_url": canonical_url(url)}
    if response.url != url:
        metadata["final_url"] = response.url
    if "html" in (response.content_type or "html"):
        declared = find_canonical_link(response.body[:200_000].decode("latin-1"), response.url)
        # A rel=canonical pointing at the site's front page is a template bug, not this article's address.
        if declared and urlsplit(declared).path.strip("/"):
            metadata["canonical_url"] = declared
    return metadata


def _configured_limit(source: SourceConfig) -> int | None:
    """Return the source's own body-size limit, or None to use the HTTP client's (MARKETMON_HTTP_MAX_BYTES)."""
    value = source.options.get("max_bytes")
    return int(value) if value else None
