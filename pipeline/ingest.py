"""Fetch every configured source and store what is new; one failing source never stops the others."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from pipeline.config import Config, SourceConfig
from pipeline.sources import FetchContext, fetch_source
from storage.db import transaction
from storage.records import get_source_state, record_source_error, record_source_success, upsert_document

log = logging.getLogger(__name__)
COMMIT_EVERY = 200


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
    """Fetch one source; documents are committed in batches, the source's state only when it completes."""
    state = get_source_state(conn, source.id, source.kind)
    ctx = FetchContext(config=config, state=state, now=now, http=http)
    count = 0
    try:
        conn.execute("BEGIN TRANSACTION")
        for doc in fetch_source(source, ctx):
            outcome = upsert_document(conn, doc, now).outcome
            setattr(report, outcome, getattr(report, outcome) + 1)
            report.fetch_errors += doc.error is not None
            count += outcome != "unchanged"
            if count and count % COMMIT_EVERY == 0:
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
