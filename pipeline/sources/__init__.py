"""One module per source kind; `fetch_source` picks the module for a configured source."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from pipeline.config import Config, SourceConfig
from pipeline.models import Fact, FetchedDocument
from storage.records import SourceState

# kind -> module under pipeline.sources that defines fetch(source, config, http, state, now)
SOURCE_MODULES = {
    "inbox": "pipeline.sources.inbox",
    "rss": "pipeline.sources.feeds",
    "page": "pipeline.sources.feeds",
    "hkex": "pipeline.sources.hkex",
    "sec": "pipeline.sources.sec",
    "openrouter": "pipeline.sources.openrouter",
}


class SourceError(RuntimeError):
    """A source that failed as a whole (not one bad document); recorded on the source's health."""


@dataclass(slots=True)
class FetchContext:
    """What a source needs besides its own config: the whole config, the HTTP client, its state, the clock."""

    config: Config
    state: SourceState
    now: datetime
    http: object | None = None  # pipeline.http.HttpClient; None for sources that never touch the network


def fetch_source(source: SourceConfig, ctx: FetchContext) -> Iterator[FetchedDocument]:
    """Yield the documents a source has that are new since its stored state; update ctx.state."""
    module = importlib.import_module(SOURCE_MODULES[source.kind])
    return module.fetch(source, ctx)


# metadata["parser"] of a stored document -> function turning it into facts without text extraction.
StructuredParser = Callable[[bytes, dict, Config], list[Fact]]


def structured_parser(name: str) -> StructuredParser:
    """Return the parser registered under a document's metadata['parser'] (e.g. 'sec.companyfacts')."""
    module_name, _, func = name.rpartition(".")
    module = importlib.import_module(f"pipeline.sources.{module_name}")
    return getattr(module, f"parse_{func}")
