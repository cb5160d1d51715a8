"""Duplicate detection beyond the content hash: canonical URLs and near-duplicate text (SimHash + shingles).

A reprint of an article under another URL with light edits (a new headline, a dropped sentence, another
site's boilerplate) has a different content hash but nearly the same text. Each parsed news document gets
a 64-bit SimHash over character 4-gram shingles of its normalised text, stored in `document_fingerprints`;
a new document is compared with earlier ones in SQL (Hamming distance, one XOR per row), and a candidate
is confirmed on the shingles themselves, so its facts count once.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from html import unescape
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

SHINGLE = 4
MIN_SHINGLES = 40  # shorter texts say too little to call two of them the same article
MAX_DISTANCE = 16  # SimHash bits: unrelated texts differ in about 32 of 64
MIN_CONTAINMENT = 0.6  # share of the shorter text's shingles found in the other
TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|spm|scm|share_token|shareid|"
    r"from|isappinstalled|wxfrom|_hsenc|_hsmi|mkt_tok|ref|ref_src|cmpid|ncid|sr_share)$",
    re.IGNORECASE,
)
_CANONICAL_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(rel|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def canonical_url(url: str, base: str | None = None) -> str:
    """Return a URL without tracking parameters, fragment or default port, with a lower-case scheme and host."""
    absolute = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(absolute)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def find_canonical_link(html: str, base: str | None = None) -> str | None:
    """Return the page's <link rel="canonical"> as a canonical URL, if it has one (http or https only)."""
    for tag in _CANONICAL_LINK.findall(html[:200_000]):
        attrs = {m.group(1).lower(): unescape(m.group(2) or m.group(3) or m.group(4) or "")
                 for m in _ATTR.finditer(tag)}
        if "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            url = canonical_url(attrs["href"], base)
            if urlsplit(url).scheme in ("http", "https"):
                return url
    return None


def normalise_text(text: str) -> str:
    """Fold case, width and Simplified-looking punctuation; keep letters and digits only."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """Return the hashed character n-grams of a text's normalised form."""
    norm = normalise_text(text)
    return {
        int.from_bytes(hashlib.blake2b(norm[i:i + size].encode(), digest_size=8).digest(), "big")
        for i in range(max(0, len(norm) - size + 1))
    }


def simhash(features: set[int]) -> int:
    """Return the 64-bit SimHash of a set of 64-bit features, as a signed integer (DuckDB BIGINT)."""
    counts = [0] * 64
    for feature in features:
        for bit in range(64):
            counts[bit] += 1 if feature >> bit & 1 else -1
    value = sum(1 << bit for bit in range(64) if counts[bit] > 0)
    return value - (1 << 64) if value >= 1 << 63 else value


def containment(a: set[int], b: set[int]) -> float:
    """Return the share of the smaller set's shingles found in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(slots=True)
class Fingerprint:
    """What is stored per parsed news document to find its near-duplicates cheaply."""

    simhash: int
    shingles: int


def fingerprint(text: str) -> Fingerprint | None:
    """Return a text's fingerprint, or None when it is too short to compare."""
    features = shingles(text)
    if len(features) < MIN_SHINGLES:
        return None
    return Fingerprint(simhash(features), len(features))


def is_near_duplicate(text: str, other: str) -> bool:
    """Return whether two texts are the same article with light edits (confirmed on shingles)."""
    a, b = shingles(text), shingles(other)
    if min(len(a), len(b)) < MIN_SHINGLES:
        return False
    return containment(a, b) >= MIN_CONTAINMENT


@dataclass(slots=True)
class NearDuplicate:
    """The outcome of the near-duplicate check for one document."""

    duplicate_of: str | None = None  # this document repeats an earlier one
    demoted: list[str] = field(default_factory=list)  # earlier-processed documents that turned out to be reprints
    touched: set = field(default_factory=set)  # metric keys whose facts were withdrawn from the reprints


def resolve_near_duplicate(conn, doc, analysis, now: datetime) -> NearDuplicate:
    """Link a parsed news document to the first publication of the same article, storing its fingerprint.

    Documents are processed in publication order, but one without a date can be processed after its own
    reprint; then the reprint, already parsed, is demoted to a duplicate of this one and its facts withdrawn.
    """
    from storage.records import mark_document, near_duplicate_candidates, replace_facts, store_fingerprint

    outcome = NearDuplicate()
    parsed = getattr(analysis, "parsed", None)
    if analysis.status != "parsed" or parsed is None or doc.kind != "news":
        return outcome
    fp = fingerprint(parsed.text)
    if fp is None:
        return outcome
    mine = _as_date(doc.published_at) or parsed.published
    for cand_id, cand_text, cand_published in near_duplicate_candidates(conn, doc.id, fp.simhash, MAX_DISTANCE):
        if not is_near_duplicate(parsed.text, cand_text or ""):
            continue
        theirs = _as_date(cand_published)
        if mine and theirs and mine < theirs:
            outcome.touched |= replace_facts(conn, cand_id, [], "")
            mark_document(conn, cand_id, status="duplicate", duplicate_of=doc.id, processed_at=now)
            outcome.demoted.append(cand_id)
            continue
        outcome.duplicate_of = cand_id
        break
    # Every duplicate points at the first publication itself, never at another duplicate.
    original = outcome.duplicate_of or doc.id
    for demoted in outcome.demoted:
        conn.execute("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?", [original, demoted])
    if outcome.duplicate_of is not None:
        conn.execute("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?", [original, doc.id])
    if outcome.duplicate_of is None:
        store_fingerprint(conn, doc.id, doc.content_hash, fp.simhash, fp.shingles)
    return outcome


def _as_date(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value
