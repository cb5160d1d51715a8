"""Stored documents to facts: decode, relevance gate, parse, extract, check, store."""

from __future__ import annotations

import dataclasses
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
    find_duplicates,
    known_values,
    mark_document,
    mark_documents,
    nearest_known,
    pending_ids,
    replace_facts,
    set_canonical_urls,
)

BATCH = 200
# Pending documents from which a worker pool pays for its start-up (~1 s of CPU for the forkserver's imports):
# ~80 ms each to parse and extract, but ~6 ms for the many the relevance gate stops.
PARALLEL_FROM = 200
PARALLEL_FROM_GATED = 1000


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
    """Write one parsed document's text and facts (checked against history) in the caller's transaction."""
    from pipeline.extract.plausibility import check_history

    parsed = analysis.parsed
    checked = []
    known = known_values(conn, ((f.company, f.metric) for f in analysis.facts if f.reason is None), doc.id)
    for fact in analysis.facts:
        if not _storable(fact.value):
            continue  # a 400-digit figure is no fact: stored as a DOUBLE it becomes inf and poisons every check after
        if fact.reason is None:
            last = nearest_known(known[(fact.company, fact.metric)], fact.period)
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
        workers = default_workers() if total >= (PARALLEL_FROM_GATED if gate else PARALLEL_FROM) else 1
    writer = _Writer(conn, now, report)
    in_flight: deque[tuple[PendingDocument, bool]] = deque()  # (document, whether it is a twin)
    fed: set[int] = set()  # hash() of the content hashes and canonical URLs fed in this pass

    def feed() -> Iterator[PendingDocument]:
        for start in range(0, total, BATCH):
            docs = documents_by_id(conn, ids[start:start + BATCH])
            originals = writer.mark_known_duplicates(docs)
            for doc in docs:
                if doc.id in originals:
                    continue
                keys = {hash(k) for k in (doc.content_hash, doc.metadata.get("canonical_url")) if k}
                # Fed after another with the same bytes or URL: re-checked once that one is stored (a hash()
                # collision only costs that re-check).
                in_flight.append((doc, bool(keys & fed)))
                fed.update(keys)
                yield doc
            del docs  # the batch's raw bytes live only in the documents still in flight
            writer.commit_when_full(on_progress, total)

    conn.execute("BEGIN TRANSACTION")
    try:
        for analysis in analyse_in_processes(feed(), config, gate=gate, workers=workers):
            doc, twin = in_flight.popleft()
            writer.store(doc, analysis, twin)
            writer.commit_when_full(on_progress, total)
        writer.flush()
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if on_progress:
        on_progress(total, total)
    return report


class _Writer:
    """The one writer of a processing pass, inside the caller's open transaction.

    Outcomes without text (irrelevant, failed, duplicate of a stored document) are buffered and written in one
    statement; the buffer is written before any query that reads document state. Everything written since the
    last commit is journaled, so a document that breaks storing is left out of a replay of the rest.
    """

    def __init__(self, conn: duckdb.DuckDBPyConnection, now: datetime, report: ProcessReport) -> None:
        self.conn, self.now, self.report = conn, now, report
        self.marks: list[tuple[str, str, str | None, str | None]] = []  # (id, status, error, duplicate_of)
        self.journal: list[tuple] = []  # since the last commit, replayed after a poison document
        self.parsed_now: set[str] = set()  # parsed in this pass: a later reprint may demote one to duplicate
        self.done = 0

    def mark_known_duplicates(self, docs: list[PendingDocument]) -> dict[str, str]:
        """Record a batch's canonical URLs; mark those whose bytes or URL a processed document has, and return them."""
        urls = [(d.id, d.metadata["canonical_url"]) for d in docs if d.metadata.get("canonical_url")]
        if urls:
            set_canonical_urls(self.conn, urls)
            self.journal.append(("urls", urls))
        self.flush()  # the lookup reads statuses
        originals = find_duplicates(self.conn, docs)
        for doc_id, original in originals.items():
            self._mark(doc_id, "duplicate", original=original)
            self.report.duplicate += 1
            self.done += 1
        return originals

    def store(self, doc: PendingDocument, analysis: Analysis, twin: bool) -> None:
        """Store one analysed document; one that breaks storing is marked failed and the rest kept."""
        try:
            self._store(doc, analysis, twin, self.report, self.parsed_now)
        except Exception as exc:  # a document that breaks storing must not fail this run and every later one
            self._replay()
            reason = f"internal error while storing: {type(exc).__name__}: {exc}"
            self._mark(doc.id, "failed", error=reason[:500])
            self.report.failed += 1
            self.report.failures.append((doc.url, f"internal error while storing: {exc}"[:200]))
        else:
            # Raw bytes are not needed to store it again: the journal keeps none.
            self.journal.append(("store", dataclasses.replace(doc, raw=b""), analysis, twin))
        self.done += 1

    def commit_when_full(self, on_progress: Callable[[int, int], None] | None, total: int) -> None:
        """Commit once a batch is written, so a killed run loses at most one batch."""
        if len(self.journal) >= BATCH:
            self.commit()
            if on_progress:
                on_progress(self.done, total)

    def commit(self) -> None:
        """Commit what is written and open the next transaction."""
        self.flush()
        self.conn.execute("COMMIT")
        self.conn.execute("BEGIN TRANSACTION")
        self.journal.clear()

    def flush(self) -> None:
        """Write the buffered outcomes."""
        if self.marks:
            mark_documents(self.conn, self.marks, self.now)
            self.marks.clear()

    def _mark(self, doc_id: str, status: str, *, error: str | None = None, original: str | None = None) -> None:
        # A lone surrogate (undecodable input echoed in a message) cannot be stored: it would fail the whole buffer.
        error = error.encode("utf-8", "replace").decode("utf-8") if error else error
        self.marks.append((doc_id, status, error, original))
        self.journal.append(("mark", doc_id, status, error, original))

    def _store(self, doc: PendingDocument, analysis: Analysis, twin: bool, report: ProcessReport,
               parsed_now: set[str]) -> None:
        """Store one analysed document: a duplicate, a near-duplicate reprint, or its own outcome and facts."""
        if twin:
            # An exact twin fed in the same pass is a duplicate only once its original is stored as parsed or
            # irrelevant; twins that both fail keep their own errors.
            self.flush()
            original = find_duplicates(self.conn, [doc]).get(doc.id)
            if original:
                self._mark(doc.id, "duplicate", original=original)
                report.duplicate += 1
                return
        if analysis.status != "parsed":
            self._mark(doc.id, analysis.status, error=analysis.error)
            if analysis.status == "failed":
                report.failed += 1
                report.failures.append((doc.url, analysis.error or "unknown error"))
            else:
                report.irrelevant += 1
            return
        self.flush()  # near-duplicates, history checks and demotions read what is stored
        near = resolve_near_duplicate(self.conn, doc, analysis, self.now)
        report.touched |= near.touched
        report.duplicate += len(near.demoted)
        report.parsed -= len(parsed_now & set(near.demoted))
        if near.duplicate_of:
            parsed = analysis.parsed
            mark_document(self.conn, doc.id, status="duplicate", duplicate_of=near.duplicate_of,
                          processed_at=self.now, text=parsed.text, title=parsed.title, lang=parsed.lang,
                          published=parsed.published)
            report.duplicate += 1
        else:
            store_analysis(self.conn, doc, analysis, self.now, report)
            parsed_now.add(doc.id)

    def _replay(self) -> None:
        """Roll back to the last commit and write the journal again (counted once: into a throwaway report)."""
        self.conn.execute("ROLLBACK")
        self.conn.execute("BEGIN TRANSACTION")
        journal, self.journal, self.marks = self.journal, [], []
        scratch = ProcessReport()
        for entry in journal:
            if entry[0] == "urls":
                set_canonical_urls(self.conn, entry[1])
                self.journal.append(entry)
            elif entry[0] == "mark":
                self._mark(entry[1], entry[2], error=entry[3], original=entry[4])
            else:
                self._store(entry[1], entry[2], entry[3], scratch, set())
                self.journal.append(entry)


def _as_date(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def _storable(value: Decimal) -> bool:
    """Return whether a value fits a DOUBLE as a finite number (a 400-digit figure does not)."""
    try:
        return math.isfinite(float(value)) and abs(value) < Decimal("1e20")
    except (OverflowError, ValueError, ArithmeticError):
        return False
