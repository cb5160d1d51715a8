"""Fetch every configured source and store what is new; one failing source never stops the others."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from pipeline.config import Config, SourceConfig
from pipeline.models import FetchedDocument
from pipeline.sources import FetchContext, fetch_source
from storage.db import transaction
from storage.records import get_source_state, record_source_error, record_source_success, upsert_documents

log = logging.getLogger(__name__)
COMMIT_EVERY = 200
BATCH_BYTES = 64 * 2**20  # raw bytes held before a batch is stored, whatever its count


@dataclass(slots=True)
class IngestReport:
    """Counts per outcome of one ingest pass, and the sources that failed."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    fetch_errors: int = 0
    source_errors: dict[str, str] = field(default_factory=dict)
    per_source: dict[str, int] = field(default_factory=dict)


def ingest_sources(
    conn: duckdb.DuckDBPyConnection, config: Config, now: datetime, *, http=None,
    kinds: set[str] | None = None,
) -> IngestReport:
    """Fetch the configured sources (optionally only some kinds) and upsert their documents."""
    report = IngestReport()
    for source in config.sources:
        if kinds and source.kind not in kinds:
            continue
        ingest_source(conn, config, source, now, report, http=http)
    return report


def ingest_source(
    conn: duckdb.DuckDBPyConnection, config: Config, source: SourceConfig, now: datetime, report: IngestReport,
    *, http=None,
) -> None:
    """Fetch one source; documents are stored and committed in batches, the source's state only when it completes."""
    state = get_source_state(conn, source.id, source.kind)
    ctx = FetchContext(config=config, state=state, now=now, http=http)
    count = 0
    try:
        conn.execute("BEGIN TRANSACTION")
        for batch in _batches(fetch_source(source, ctx)):
            for doc, stored in zip(batch, upsert_documents(conn, batch, now), strict=True):
                setattr(report, stored.outcome, getattr(report, stored.outcome) + 1)
                report.fetch_errors += doc.error is not None
                count += stored.outcome != "unchanged"
            conn.execute("COMMIT")
            conn.execute("BEGIN TRANSACTION")
        record_source_success(conn, ctx.state, now, count)
        conn.execute("COMMIT")
    except Exception as exc:  # one broken source is recorded on its health; the others go on
        conn.execute("ROLLBACK")
        reason = f"{type(exc).__name__}: {exc}"[:500]
        log.warning("source %s failed: %s", source.id, reason)
        with transaction(conn):
            record_source_error(conn, source.id, source.kind, now, reason)
        report.source_errors[source.id] = reason
    report.per_source[source.id] = count


def _batches(docs: Iterable[FetchedDocument]) -> Iterator[list[FetchedDocument]]:
    """Group fetched documents into batches of at most COMMIT_EVERY documents or BATCH_BYTES of raw bytes."""
    batch: list[FetchedDocument] = []
    size = 0
    for doc in docs:
        batch.append(doc)
        size += len(doc.raw)
        if len(batch) >= COMMIT_EVERY or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
