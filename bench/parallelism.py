"""Benchmark 7: both cores used on a large inbox: analysis in worker processes, one writer storing."""

from __future__ import annotations

import inspect
import json
import resource
import time
from collections import deque
from datetime import datetime
from pathlib import Path

import duckdb

from bench.corpus import NOW, copy_samples, make_config, unpack_pages
from bench.report import BenchResult, Profiled
from pipeline.config import Config
from pipeline.ingest import ingest_sources
from pipeline.parallel import analyse_in_processes, default_workers
from pipeline.process import BATCH, ProcessReport, analyse_document, process_documents, store_analysis
from storage.db import open_db
from storage.records import PendingDocument, find_duplicate, mark_document, pending_documents

SPEEDUP_TARGET = 1.6  # two workers on two cores, after pool start-up and the writer's share


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers count once the pool has joined them
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def process_with_workers(conn: duckdb.DuckDBPyConnection, config: Config, now: datetime, *, gate: bool,
                         workers: int) -> ProcessReport:
    """The wiring proposed for `process_documents` (see BENCHMARKS.md), until the lead lands it."""
    report = ProcessReport()
    ids = [r[0] for r in conn.execute(
        """SELECT id FROM documents WHERE status = 'new'
           ORDER BY published_at NULLS LAST, fetched_at, id""").fetchall()]
    in_flight: deque[PendingDocument] = deque()
    stored_hashes: dict[str, str] = {}

    def feed():
        for start in range(0, len(ids), BATCH):
            rows = conn.execute(
                """SELECT id, source, kind, url, title, published_at, content_type, content_hash, raw, metadata
                   FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[])) AND status = 'new'""",
                [ids[start:start + BATCH]]).fetchall()
            order = {doc_id: i for i, doc_id in enumerate(ids[start:start + BATCH])}
            for row in sorted(rows, key=lambda r: order[r[0]]):
                doc = PendingDocument(*row[:8], raw=bytes(row[8] or b""),
                                      metadata=json.loads(row[9]) if row[9] else {})
                original = find_duplicate(conn, doc.id, doc.content_hash)
                if original:  # known before analysis: no worker time spent on it
                    mark_document(conn, doc.id, status="duplicate", duplicate_of=original, processed_at=now)
                    report.duplicate += 1
                    continue
                in_flight.append(doc)
                yield doc

    done = 0
    conn.execute("BEGIN TRANSACTION")
    try:
        for analysis in analyse_in_processes(feed(), config, gate=gate, workers=workers):
            doc = in_flight.popleft()
            original = stored_hashes.get(doc.content_hash)  # its twin was still in flight when it was fed
            if original:
                mark_document(conn, doc.id, status="duplicate", duplicate_of=original, processed_at=now)
                report.duplicate += 1
            else:
                store_analysis(conn, doc, analysis, now, report)
                if analysis.status in ("parsed", "irrelevant"):
                    stored_hashes.setdefault(doc.content_hash, doc.id)
            done += 1
            if done % BATCH == 0:
                conn.execute("COMMIT")
                conn.execute("BEGIN TRANSACTION")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return report


def bench_parallelism(quick: bool, work: Path) -> BenchResult:
    """Real pages with the gate off (every page parsed): one process against `default_workers()` processes."""
    workers = max(2, default_workers())
    result = BenchResult("parallelism", f"7. parallelism ({workers} workers)", unit="x",
                         target=f">= {SPEEDUP_TARGET:g}x with {workers} workers (both cores busy)")
    inbox = work / "inbox"
    pages = unpack_pages(inbox / "pages", limit=60 if quick else None)
    copy_samples(inbox / "samples")
    import pipeline.extract  # noqa: F401
    import pipeline.parse.html  # noqa: F401

    databases = {}
    for name in ("serial", "analysis", "stage-serial", "stage-parallel"):
        config = make_config(_folder(work / name), inbox, work / name / "db.duckdb")
        with open_db(config.db) as conn:
            ingest_sources(conn, config, NOW)
        databases[name] = config
    config = databases["serial"]
    with open_db(config.db) as conn:
        docs = pending_documents(conn)

    started = time.perf_counter()
    expected = [analyse_document(doc, config, gate=False) for doc in docs]
    serial = time.perf_counter() - started

    cpu0, started = _cpu_seconds(), time.perf_counter()
    with Profiled("parallelism"):
        got = list(analyse_in_processes(docs, config, gate=False, workers=workers))
    parallel = time.perf_counter() - started
    busy = (_cpu_seconds() - cpu0) / parallel / workers

    # The whole process stage: today's serial loop against worker processes feeding one writer.
    stage = {}
    for name, run in (("stage-serial", lambda c, cfg: process_documents(c, cfg, NOW, gate=False)),
                      ("stage-parallel", lambda c, cfg: _parallel_stage(c, cfg, workers))):
        cfg = databases[name]
        with open_db(cfg.db) as conn:
            started = time.perf_counter()
            report = run(conn, cfg)
            stage[name] = (time.perf_counter() - started, report)
    same_store = _stored(databases["stage-serial"].db) == _stored(databases["stage-parallel"].db)

    speedup = serial / parallel
    stage_speedup = stage["stage-serial"][0] / stage["stage-parallel"][0]
    result.figure = round(speedup, 2)
    result.ok = speedup >= SPEEDUP_TARGET and got == expected and same_store
    result.details = {
        "documents": len(docs), "pages": len(pages), "workers": workers,
        "analysis_serial_seconds": round(serial, 2), "analysis_parallel_seconds": round(parallel, 2),
        "cpu_busy_share": round(busy, 2), "same_analyses": got == expected,
        "stage_serial_seconds": round(stage["stage-serial"][0], 2),
        "stage_parallel_seconds": round(stage["stage-parallel"][0], 2),
        "stage_speedup": round(stage_speedup, 2), "same_store": same_store,
    }
    result.note = (f"analysis {serial:.1f} s -> {parallel:.1f} s, CPUs {busy:.0%} busy; whole process stage with "
                   f"one writer {stage['stage-serial'][0]:.1f} s -> {stage['stage-parallel'][0]:.1f} s "
                   f"({stage_speedup:.2f}x)")
    return result


def _parallel_stage(conn: duckdb.DuckDBPyConnection, config: Config, workers: int) -> ProcessReport:
    if "workers" in inspect.signature(process_documents).parameters:  # the lead has wired it in
        return process_documents(conn, config, NOW, gate=False, workers=workers)
    return process_with_workers(conn, config, NOW, gate=False, workers=workers)


def _stored(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as conn:
        docs = conn.execute("SELECT url, status, text, error FROM documents ORDER BY url").fetchall()
        facts = conn.execute(
            """SELECT d.url, f.company, f.metric, f.period, f.value, f.reason FROM facts f
               JOIN documents d ON d.id = f.document_id ORDER BY ALL""").fetchall()
    return docs + facts


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


