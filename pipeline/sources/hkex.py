"""HKEXnews: announcements of the watchlist's stock codes, and IPO applications of watched companies.

Three listings, all JSON served by hkexnews.hk (undocumented but stable; shapes as observed):

- title search, per stock: `/search/titleSearchServlet.do?...&stockId=<HKEX internal id>&fromDate=YYYYMMDD...`
  answers `{"result": "<a JSON array, encoded as a string>", "hasNextRow": false, "recordCnt": n}`, rows with
  NEWS_ID, STOCK_CODE, TITLE, LONG_TEXT (the headline category), FILE_TYPE, FILE_LINK, DATE_TIME
  ("dd/mm/yyyy HH:MM", Hong Kong time). The internal id comes from `/search/prefix.do?...&name=<code>`
  (JSONP: `callback({"stockInfo": [{"stockId": 1234567, "code": "02513", ...}]});`) and is kept in the state.
- latest listed-company information: `/ncms/json/eds/lcisehk1relsde_1.json` with `newsInfoLst` rows
  (newsId, title, lTxt, ext, webPath, relTime, stock: [{sc, sn}]), fetched conditionally.
- IPO applications (application proofs, post-hearing information packs): `ipo_path`, default
  `/ncms/json/eds/appactive_app_sehk_e.json`, `{"app": [{"a": applicant, "d": date, "ls": [{"nF": document
  name, "d": date, "u1": link}]}]}`; an applicant naming a watched company is followed before it lists.

Each new announcement's file (PDF, or HTML) is downloaded and stored as a `filing` document with
metadata {"event": "new_filing", "company", "filing_type", "stock_code", "news_id", "released_at", ...};
`backfill` is true on a source's first run, so alerts can skip history. Options: `base_url`, `lang`
(E or ZH), `lookback_days` (30), `max_filings` per run (50), `max_bytes` per file (50 MB), `title_search`,
`latest`, `ipo` (each default true), `latest_path`, `ipo_path`, `stock_ids` ({code: internal id}),
`rate_limit` (requests per second to the host, default 1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode, urljoin, urlsplit

from pipeline.config import SourceConfig
from pipeline.http import HttpError, load_json
from pipeline.models import FetchedDocument
from pipeline.sources import FetchContext, SourceError

BASE_URL = "https://www1.hkexnews.hk"
LATEST_PATH = "/ncms/json/eds/lcisehk1relsde_1.json"
IPO_PATH = "/ncms/json/eds/appactive_app_sehk_e.json"
HKT = timezone(timedelta(hours=8))
MAX_FILINGS = 50
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ATTEMPTS = 3
SEEN_LIMIT = 5000
_JSONP = re.compile(r"^\s*[A-Za-z_$][\w$]*\s*\((.*)\)\s*;?\s*$", re.DOTALL)


@dataclass(slots=True)
class Filing:
    """One announcement or application document, from whichever listing named it."""

    key: str  # news id, or "app:<link>" for IPO application documents
    title: str
    filing_type: str
    released: datetime | None  # Hong Kong time, naive
    link: str
    company: str | None
    stock_code: str | None = None
    file_type: str | None = None
    extra: dict = field(default_factory=dict)


def fetch(source: SourceConfig, ctx: FetchContext) -> Iterator[FetchedDocument]:
    """Yield new filings of watched companies (title search, latest listings, IPO applications)."""
    if ctx.http is None:
        raise SourceError("hkex source needs an HTTP client")
    opts = source.options
    base = str(opts.get("base_url") or BASE_URL).rstrip("/")
    ctx.http.set_rate_limit(urlsplit(base).hostname or "", float(opts.get("rate_limit") or 1.0))
    state = ctx.state
    validators = dict(state.validators or {})
    first_run = state.cursor is None and not validators.get("seen")
    codes = {_code(c.hkex): c.id for c in ctx.config.watchlist.companies if c.hkex}
    filings: dict[str, Filing] = {}
    errors: list[tuple[str, str]] = []
    attempted = 0

    def collect(url: str, rows: list[Filing] | None, error: str | None) -> None:
        nonlocal attempted
        attempted += 1
        if error:
            errors.append((url, error))
        for row in rows or []:
            filings.setdefault(row.key, row)

    if opts.get("title_search", True):
        stock_ids = {**validators.get("stock_ids", {}), **{_code(k): v for k, v in (opts.get("stock_ids") or {}).items()}}
        since = _since(state.cursor, ctx.now, int(opts.get("lookback_days") or 30))
        for code in codes:
            try:
                if code not in stock_ids:
                    stock_ids[code] = lookup_stock_id(ctx.http, base, code)
                url = title_search_url(base, stock_ids[code], since, _hk_now(ctx.now), str(opts.get("lang") or "E"))
                collect(url, parse_title_search(ctx.http.get(url).json(), base, codes), None)
            except (HttpError, ValueError) as exc:
                collect(f"{base}/search/titleSearchServlet.do#{code}", None, _reason(exc))
        validators["stock_ids"] = stock_ids
    if opts.get("latest", True):
        url = base + str(opts.get("latest_path") or LATEST_PATH)
        try:
            response = ctx.http.get(url, etag=validators.get("latest_etag"))
            if not response.not_modified:
                collect(url, parse_latest(response.json(), base, codes), None)
                validators["latest_etag"] = response.etag
            else:
                collect(url, [], None)
        except (HttpError, ValueError) as exc:
            collect(url, None, _reason(exc))
    if opts.get("ipo", True):
        url = base + str(opts.get("ipo_path") or IPO_PATH)
        try:
            response = ctx.http.get(url, etag=validators.get("ipo_etag"))
            if not response.not_modified:
                collect(url, parse_ipo_applications(response.json(), base, ctx.config.watchlist), None)
                validators["ipo_etag"] = response.etag
            else:
                collect(url, [], None)
        except (HttpError, ValueError) as exc:
            collect(url, None, _reason(exc))
    if attempted and len(errors) == attempted:
        raise SourceError("; ".join(f"{url}: {reason}" for url, reason in errors)[:500])
    for url, reason in errors:
        # Part of the source failed: record it as a failed document and keep what the rest returned.
        yield FetchedDocument(source.id, url, b"", kind="filing", error=reason, metadata={"listing": url})

    seen = list(validators.get("seen") or [])
    seen_set = set(seen)
    failures = dict(validators.get("failures") or {})
    limit = int(opts.get("max_filings") or MAX_FILINGS)
    max_bytes = int(opts.get("max_bytes") or MAX_FILE_BYTES)
    fresh = sorted((f for f in filings.values() if f.key not in seen_set and failures.get(f.key, 0) < MAX_ATTEMPTS),
                   key=lambda f: (f.released or datetime.min, f.key))
    cursor = state.cursor
    for filing in fresh[:limit]:
        doc = download_filing(ctx.http, source.id, filing, max_bytes, backfill=first_run)
        if doc.error:
            failures[filing.key] = failures.get(filing.key, 0) + 1
        else:
            failures.pop(filing.key, None)
            seen.append(filing.key)
            if filing.released and (cursor is None or filing.released.isoformat() > cursor):
                cursor = filing.released.isoformat()
        yield doc
    validators["seen"] = seen[-SEEN_LIMIT:]
    validators["failures"] = failures
    state.validators = validators
    state.cursor = cursor


def download_filing(http, source_id: str, filing: Filing, max_bytes: int, *, backfill: bool) -> FetchedDocument:
    """Download a filing's file; a failure comes back as a document with its error."""
    metadata = {
        "event": "new_filing", "exchange": "HKEX", "company": filing.company, "filing_type": filing.filing_type,
        "stock_code": filing.stock_code, "news_id": filing.key, "title": filing.title, "link": filing.link,
        "released_at": filing.released.replace(tzinfo=HKT).isoformat() if filing.released else None,
        "backfill": backfill, **filing.extra,
    }
    metadata = {k: v for k, v in metadata.items() if v is not None}
    try:
        response = http.get(filing.link, max_bytes=max_bytes, accept="application/pdf, text/html;q=0.9, */*;q=0.1")
    except HttpError as exc:
        return FetchedDocument(source_id, filing.link, b"", None, filing.title, filing.released, "filing", metadata,
                               error=exc.reason)
    content_type = response.content_type
    if not content_type or content_type.startswith(("application/octet-stream", "binary/")):
        content_type = "application/pdf" if response.body.startswith(b"%PDF") else content_type
    return FetchedDocument(source_id, filing.link, response.body, content_type, filing.title, filing.released,
                           "filing", metadata)


def lookup_stock_id(http, base: str, code: str) -> int:
    """Return HKEXnews' internal stock id for a stock code (the prefix search, JSONP)."""
    url = f"{base}/search/prefix.do?" + urlencode(
        {"callback": "callback", "lang": "EN", "type": "A", "name": code, "market": "SEHK"})
    text = http.get(url).body.decode("utf-8", "replace")
    match = _JSONP.match(text)
    data = load_json(match.group(1) if match else text)
    for info in (data.get("stockInfo") or []) if isinstance(data, dict) else []:
        if _code(str(info.get("code", ""))) == code and info.get("stockId") is not None:
            return int(info["stockId"])
    raise ValueError(f"stock code {code} not found by the HKEXnews prefix search")


def title_search_url(base: str, stock_id: int, since: datetime, until: datetime, lang: str = "E") -> str:
    """Return the title-search URL for one stock's announcements between two dates."""
    params = {
        "sortDir": "0", "sortByOptions": "DateTime", "category": "0", "market": "SEHK", "stockId": str(stock_id),
        "documentType": "-1", "fromDate": f"{since:%Y%m%d}", "toDate": f"{until:%Y%m%d}", "title": "",
        "searchType": "0", "t1code": "-2", "t2Gcode": "-2", "t2code": "-2", "rowRange": "100", "lang": lang,
    }
    return f"{base}/search/titleSearchServlet.do?{urlencode(params)}"


def parse_title_search(data: object, base: str, codes: dict[str, str]) -> list[Filing]:
    """Turn a title-search answer into filings of watched stock codes; raise ValueError on a wrong shape."""
    if not isinstance(data, dict) or "result" not in data:
        raise ValueError("title search: expected an object with 'result'")
    rows = data["result"]
    if rows in (None, "", "null"):
        return []
    if isinstance(rows, str):
        rows = load_json(rows)
    if not isinstance(rows, list):
        raise ValueError("title search: 'result' is not a list")
    filings = []
    for row in rows:
        if not isinstance(row, dict) or not row.get("FILE_LINK") or not row.get("NEWS_ID"):
            raise ValueError("title search: a row without NEWS_ID or FILE_LINK")
        stock_codes = [_code(c) for c in re.split(r"<br\s*/?>|,", str(row.get("STOCK_CODE") or "")) if c.strip()]
        watched = next((c for c in stock_codes if c in codes), None)
        if watched is None:
            continue
        filings.append(Filing(
            key=str(row["NEWS_ID"]), title=_clean(row.get("TITLE")), filing_type=_clean(row.get("LONG_TEXT")),
            released=_hk_time(row.get("DATE_TIME")), link=urljoin(base + "/", str(row["FILE_LINK"])),
            company=codes[watched], stock_code=watched, file_type=row.get("FILE_TYPE"),
        ))
    return filings


def parse_latest(data: object, base: str, codes: dict[str, str]) -> list[Filing]:
    """Turn the latest-listings JSON into filings of watched stock codes; raise ValueError on a wrong shape."""
    if not isinstance(data, dict) or not isinstance(data.get("newsInfoLst"), list):
        raise ValueError("latest listings: expected an object with a 'newsInfoLst' list")
    filings = []
    for row in data["newsInfoLst"]:
        if not isinstance(row, dict):
            raise ValueError("latest listings: a row is not an object")
        stocks = [_code(str(s.get("sc", ""))) for s in row.get("stock") or [] if isinstance(s, dict)]
        watched = next((c for c in stocks if c in codes), None)
        if watched is None or not row.get("webPath") or not row.get("newsId"):
            continue
        filings.append(Filing(
            key=str(row["newsId"]), title=_clean(row.get("title")), filing_type=_clean(row.get("lTxt")),
            released=_hk_time(row.get("relTime")), link=urljoin(base + "/", str(row["webPath"])),
            company=codes[watched], stock_code=watched, file_type=row.get("ext"),
        ))
    return filings


def parse_ipo_applications(data: object, base: str, watchlist) -> list[Filing]:
    """Turn the IPO applications JSON into filings of applicants that name a watched company."""
    rows = data.get("app", data.get("data")) if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise ValueError("IPO applications: expected an object with an 'app' list")
    filings = []
    for row in rows:
        if not isinstance(row, dict):
            raise ValueError("IPO applications: a row is not an object")
        applicant = _clean(row.get("a") or row.get("name"))
        companies = sorted(watchlist.mentions(applicant))
        if not companies:
            continue
        for doc in row.get("ls") or row.get("documents") or []:
            link = doc.get("u1") or doc.get("url") or doc.get("link") if isinstance(doc, dict) else None
            if not link:
                continue
            url = urljoin(base + "/", str(link))
            kind = _clean(doc.get("nF") or doc.get("title") or "Application document")
            filings.append(Filing(
                key=f"app:{url}", title=f"{applicant} - {kind}", filing_type=kind,
                released=_hk_time(doc.get("d") or row.get("d")), link=url, company=companies[0],
                extra={"stage": "ipo_application", "applicant": applicant},
            ))
    return filings


def _code(code: str | None) -> str:
    digits = re.sub(r"\D", "", str(code or ""))
    return digits.zfill(5) if digits else ""


def _clean(value: object) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", str(value or ""))).strip()


def _hk_time(value: object) -> datetime | None:
    text = str(value or "").strip()
    for fmt in ("%d/%m/%Y %H:%M", "%d/%m/%Y", "%d-%m-%Y %H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _hk_now(now: datetime) -> datetime:
    return now.astimezone(HKT) if now.tzinfo else now


def _since(cursor: str | None, now: datetime, lookback_days: int) -> datetime:
    if cursor:
        try:
            # A small overlap: late-published items carry an earlier release time.
            return datetime.fromisoformat(cursor) - timedelta(days=2)
        except ValueError:
            pass
    return _hk_now(now) - timedelta(days=lookback_days)


def _reason(exc: Exception) -> str:
    return exc.reason if isinstance(exc, HttpError) else f"wrong shape: {exc}"
