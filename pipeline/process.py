"""Stored documents to facts: decode, relevance gate, parse, extract, check, store."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import PurePosixPath

import duckdb

from pipeline.config import Config
from pipeline.dedupe import resolve_near_duplicate
from pipeline.models import Fact, ParsedDocument
from pipeline.parse import ParseError, decode_document, parse_document
from storage.records import (
    PendingDocument,
    documents_by_id,
    find_duplicate,
    last_known_value,
    mark_document,
    pending_ids,
    replace_facts,
    set_canonical_url,
)

BATCH = 200
PARALLEL_FROM = 200  # pending documents from which a worker pool pays for its start-up


@dataclass(slots=True)
class Analysis:
    """What parsing and extraction made of one document (no database involved)."""

    doc_id: str
    status: str  # parsed | irrelevant | failed
    parsed: ParsedDocument | None = None
    facts: list[Fact] = field(default_factory=list)
    error: str | None = None
    extractor_version: str | None = None


@dataclass(slots=True)
class ProcessReport:
    """Counts of one processing pass and the metric keys it touched."""

    parsed: int = 0
    irrelevant: int = 0
    duplicate: int = 0
    failed: int = 0
    facts: int = 0
    flagged: int = 0
    touched: set = field(default_factory=set)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)


def analyse_document(doc: PendingDocument, config: Config, *, gate: bool = True) -> Analysis:
    """Parse and extract one stored document; a bad document becomes a failed Analysis, never an exception."""
    from pipeline.extract import EXTRACTOR_VERSION, extract_facts

    try:
        parser = doc.metadata.get("parser")
        if parser:
            from pipeline.sources import structured_parser

            facts = structured_parser(parser)(doc.raw, doc.metadata, config)
            return Analysis(doc.id, "parsed", facts=facts, extractor_version=parser)
        name = doc.metadata.get("path") or PurePosixPath(doc.url.split("?")[0]).name
        decoded = decode_document(doc.raw, doc.content_type, name)
        # A filing fetched for a watched company's stock code is relevant even if its text never names it.
        if gate and not doc.metadata.get("company") and not config.watchlist.mentions(decoded[0]):
            return Analysis(doc.id, "irrelevant")
        parsed = parse_document(doc.raw, doc.content_type, name, decoded=decoded)
        if doc.title and not parsed.title:
            parsed.title = doc.title
        published = doc.published_at.date() if doc.published_at else parsed.published
        facts = extract_facts(parsed.text, config.watchlist, published=published, title=parsed.title)
        return Analysis(doc.id, "parsed", parsed=parsed, facts=facts, extractor_version=EXTRACTOR_VERSION)
    except ParseError as exc:
        return Analysis(doc.id, "failed", error=str(exc))
    except Exception as exc:  # a parser bug on one document must not stop the run or lose the input
        return Analysis(doc.id, "failed", error=f"internal error: {type(exc).__name__}: {exc}"[:500])


def store_analysis(conn: duckdb.DuckDBPyConnection, doc: PendingDocument, analysis: Analysis, now: datetime,
                   report: ProcessReport) -> None:
    """Write one document's outcome and facts (checked against history) in the caller's transaction."""
    from pipeline.extract.plausibility import check_history

    parsed = analysis.parsed
    if analysis.status != "parsed":
        mark_document(conn, doc.id, status=analysis.status, processed_at=now, error=analysis.error)
        if analysis.status == "failed":
            report.failed += 1
            report.failures.append((doc.url, analysis.error or "unknown error"))
        else:
            report.irrelevant += 1
        return
    checked = []
    for fact in analysis.facts:
        if not _storable(fact.value):
            continue  # a 400-digit figure is no fact: stored as a DOUBLE it becomes inf and poisons every check after
        if fact.reason is None:
            last = last_known_value(conn, fact.company, fact.metric, doc.id, fact.period)
            fact = check_history(fact, None if last is None else Decimal(str(last)))
        report.flagged += fact.reason is not None
        checked.append(fact)
    report.touched |= replace_facts(conn, doc.id, checked, analysis.extractor_version or "")
    report.facts += len(checked)
    report.parsed += 1
    mark_document(
        conn, doc.id, status="parsed", processed_at=now,
        text=parsed.text if parsed else None, title=parsed.title if parsed else None,
        lang=parsed.lang if parsed else None, published=_as_date(parsed.published) if parsed else None,
        extractor_version=analysis.extractor_version,
    )


def process_documents(
    conn: duckdb.DuckDBPyConnection, config: Config, now: datetime, *, gate: bool = True,
    on_progress: Callable[[int, int], None] | None = None, workers: int | None = None,
) -> ProcessReport:
    """Process every document with status `new`: analysed in worker processes, stored by this one writer."""
    from pipeline.parallel import analyse_in_processes, default_workers

    report = ProcessReport()
    ids = pending_ids(conn)
    total = len(ids)
    if workers is None:
        # A pool costs a second or two to start: worth it only for a large backlog.
        workers = default_workers() if total >= PARALLEL_FROM else 1
    parsed_now: set[str] = set()  # parsed in this pass: a later reprint may demote one to duplicate
    in_flight: deque[PendingDocument] = deque()
    hashes_fed: set[str] = set()
    twins: set[str] = set()  # content hashes fed more than once in this pass: re-checked when stored
    done = 0

    def feed() -> Iterator[PendingDocument]:
        nonlocal done
        for start in range(0, total, BATCH):
            for doc in documents_by_id(conn, ids[start:start + BATCH]):
                canonical = doc.metadata.get("canonical_url")
                set_canonical_url(conn, doc.id, canonical)
                if _mark_if_duplicate(conn, doc, now, report):
                    done += 1
                    continue
                if doc.content_hash in hashes_fed:
                    twins.add(doc.content_hash)
                hashes_fed.add(doc.content_hash)
                in_flight.append(doc)
                yield doc

    batch: list[tuple[PendingDocument, Analysis]] = []  # stored since the last commit, replayed after a poison
    conn.execute("BEGIN TRANSACTION")
    try:
        for analysis in analyse_in_processes(feed(), config, gate=gate, workers=workers):
            doc = in_flight.popleft()
            done += 1
            try:
                _store(conn, doc, analysis, now, report, parsed_now, twins)
            except Exception as exc:  # a document that breaks storing must not fail this run and every later one
                conn.execute("ROLLBACK")
                conn.execute("BEGIN TRANSACTION")
                for earlier, earlier_analysis in batch:
                    _store(conn, earlier, earlier_analysis, now, ProcessReport(), set(), twins)
                mark_document(conn, doc.id, status="failed", processed_at=now,
                              error=f"internal error while storing: {type(exc).__name__}: {exc}"[:500])
                report.failed += 1
                report.failures.append((doc.url, f"internal error while storing: {exc}"[:200]))
                continue
            batch.append((doc, analysis))
            if len(batch) >= BATCH:
                conn.execute("COMMIT")  # what is stored stays stored if a later document breaks the run
                conn.execute("BEGIN TRANSACTION")
                batch.clear()
                if on_progress:
                    on_progress(done, total)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if on_progress:
        on_progress(total, total)
    return report


def _store(conn: duckdb.DuckDBPyConnection, doc: PendingDocument, analysis: Analysis, now: datetime,
           report: ProcessReport, parsed_now: set[str], twins: set[str]) -> None:
    """Store one analysed document: a duplicate, a near-duplicate reprint, or its own facts."""
    # An exact twin fed in the same pass is a duplicate only once its original is stored as parsed or
    # irrelevant; twins that both fail keep their own errors.
    if doc.content_hash in twins and _mark_if_duplicate(conn, doc, now, report):
        return
    near = resolve_near_duplicate(conn, doc, analysis, now)
    report.touched |= near.touched
    report.duplicate += len(near.demoted)
    report.parsed -= len(parsed_now & set(near.demoted))
    if near.duplicate_of:
        parsed = analysis.parsed
        mark_document(conn, doc.id, status="duplicate", duplicate_of=near.duplicate_of,
                      processed_at=now, text=parsed.text, title=parsed.title, lang=parsed.lang,
                      published=parsed.published)
        report.duplicate += 1
    else:
        store_analysis(conn, doc, analysis, now, report)
        parsed_now.add(doc.id)


def _mark_if_duplicate(conn: duckdb.DuckDBPyConnection, doc: PendingDocument, now: datetime,
                       report: ProcessReport) -> bool:
    """Mark a document whose bytes (or canonical URL) an already processed document has; return whether it was."""
    original = find_duplicate(conn, doc.id, doc.content_hash, doc.metadata.get("canonical_url"))
    if original:
        mark_document(conn, doc.id, status="duplicate", duplicate_of=original, processed_at=now)
        report.duplicate += 1
    return original is not None


def _as_date(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def _storable(value: Decimal) -> bool:
    """Return whether a value fits a DOUBLE as a finite number (a 400-digit figure does not)."""
    try:
        return math.isfinite(float(value)) and abs(value) < Decimal("1e20")
    except (OverflowError, ValueError, ArithmeticError):
        return False
