"""OpenRouter token rankings: tokens per model author per day (or week) and each author's share.

OpenRouter publishes its rankings as a web page, not a documented API; this source reads a JSON form of
the same data from `{base_url}{path}` (both configurable, so a mirror, a proxy or a recorded folder can
stand in). The expected shape (recorded samples under pipeline/samples/recorded/openrouter/)::

    {"granularity": "day",
     "data": [{"date": "2026-01-05", "model_permaslug": "z-ai/glm-4.6", "variant": "standard",
               "total_prompt_tokens": 812000000000, "total_completion_tokens": 41000000000, "count": 5120000}, ...]}

A row may give `total_tokens` instead of prompt + completion, and `model` or `slug` instead of
`model_permaslug`. Each date becomes its own stored document (metadata["parser"] = "openrouter.rankings"),
so a later response that no longer lists old dates never withdraws their facts. `parse_rankings` turns a
day into `token_volume` facts per watched author (Company.openrouter) in tokens, `token_share` facts in %
of all tokens that day, and the day's total for the `openrouter` company when it is watched.
Options: `base_url`, `path`, `granularity` (day or week), `rate_limit`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from urllib.parse import urlencode, urlsplit

from pipeline.config import Config, SourceConfig
from pipeline.http import HttpError, load_json
from pipeline.models import Fact, FetchedDocument
from pipeline.sources import FetchContext, SourceError

BASE_URL = "https://openrouter.ai"
PATH = "/api/frontend/rankings"
GRANULARITIES = ("day", "week")


def fetch(source: SourceConfig, ctx: FetchContext) -> Iterator[FetchedDocument]:
    """Yield one stats document per date of the rankings that is new or changed."""
    if ctx.http is None:
        raise SourceError("openrouter source needs an HTTP client")
    opts = source.options
    granularity = str(opts.get("granularity") or "day")
    if granularity not in GRANULARITIES:
        raise SourceError(f"openrouter: granularity must be one of {', '.join(GRANULARITIES)}")
    base = str(opts.get("base_url") or BASE_URL).rstrip("/")
    ctx.http.set_rate_limit(urlsplit(base).hostname or "", float(opts.get("rate_limit") or 1.0))
    url = f"{base}{opts.get('path') or PATH}?{urlencode({'period': granularity})}"
    state = ctx.state
    try:
        response = ctx.http.get(url, etag=state.etag, last_modified=state.last_modified, accept="application/json")
    except HttpError as exc:
        raise SourceError(f"rankings {url}: {exc.reason}") from None
    if response.not_modified:
        return
    try:
        by_date = split_by_date(response.json())
    except (HttpError, ValueError) as exc:
        raise SourceError(f"rankings {url}: {getattr(exc, 'reason', None) or f'wrong shape: {exc}'}") from None
    for day, rows in sorted(by_date.items()):
        raw = json.dumps({"granularity": granularity, "date": day, "data": rows}, sort_keys=True,
                         ensure_ascii=False).encode("utf-8")
        yield FetchedDocument(
            source.id, f"{url}#date={day}", raw, "application/json", f"OpenRouter token rankings {day}",
            None, "stats", {"parser": "openrouter.rankings", "date": day, "granularity": granularity},
        )
    state.etag, state.last_modified = response.etag, response.last_modified
    state.cursor = max(by_date) if by_date else state.cursor


def split_by_date(data: object) -> dict[str, list[dict]]:
    """Group a rankings answer's rows by date; raise ValueError on a wrong shape."""
    rows = data.get("data") if isinstance(data, dict) else data
    if isinstance(rows, dict):
        rows = rows.get("rows") or rows.get("data")
    if not isinstance(rows, list):
        raise ValueError("expected a 'data' list of rows")
    by_date: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if not isinstance(row, dict):
            raise ValueError("a row is not an object")
        day = str(row.get("date") or "")[:10]
        try:
            date.fromisoformat(day)
        except ValueError:
            raise ValueError(f"a row without an ISO date: {row.get('date')!r}") from None
        if _slug(row) is None or _tokens(row) is None:
            raise ValueError(f"a row without a model slug 'author/model' or token counts on {day}")
        by_date[day].append(row)
    return dict(by_date)


def parse_rankings(raw: bytes, metadata: dict, config: Config) -> list[Fact]:
    """Turn one date's rankings into token_volume and token_share facts per watched model author."""
    data = load_json(raw)
    granularity = data.get("granularity") or metadata.get("granularity") or "day"
    by_date = split_by_date(data)
    authors = {c.openrouter.lower(): c.id for c in config.watchlist.companies if c.openrouter}
    watched_total = config.watchlist.get("openrouter") is not None
    facts: list[Fact] = []
    for day, rows in sorted(by_date.items()):
        period = _period(day, granularity)
        per_author: dict[str, Decimal] = defaultdict(Decimal)
        for row in rows:
            per_author[_slug(row).split("/", 1)[0].lower()] += _tokens(row)
        total = sum(per_author.values(), Decimal(0))
        if total <= 0:
            continue
        for author, tokens in sorted(per_author.items()):
            company = authors.get(author)
            if company is None:
                continue
            share = (tokens * 100 / total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            models = sorted({_slug(r) for r in rows if _slug(r).split("/", 1)[0].lower() == author})
            quote = (f"OpenRouter rankings {day} ({granularity}): {author} models ({', '.join(models)}) "
                     f"processed {tokens} tokens of {total} in total")
            facts.append(Fact(company, "token_volume", period, tokens, "tokens", "eq", quote, 0, 0, 1.0))
            facts.append(Fact(company, "token_share", period, share, "%", "eq", f"{quote} ({share}%)", 0, 0, 1.0))
        if watched_total:
            facts.append(Fact("openrouter", "token_volume", period, total, "tokens", "eq",
                              f"OpenRouter rankings {day} ({granularity}): {total} tokens across "
                              f"{len(rows)} models", 0, 0, 1.0))
    return facts


def _period(day: str, granularity: str) -> str:
    if granularity == "week":
        year, week, _ = date.fromisoformat(day).isocalendar()
        return f"{year}-W{week:02d}"
    return day


def _slug(row: dict) -> str | None:
    slug = row.get("model_permaslug") or row.get("model") or row.get("slug")
    return str(slug) if slug and "/" in str(slug) else None


def _tokens(row: dict) -> Decimal | None:
    try:
        if row.get("total_tokens") is not None:
            value = Decimal(str(row["total_tokens"]))
        else:
            value = Decimal(str(row["total_prompt_tokens"])) + Decimal(str(row["total_completion_tokens"]))
    except (KeyError, InvalidOperation):
        return None
    return value if value >= 0 else None
