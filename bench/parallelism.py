"""Benchmark 7: both cores used on a large inbox: analysis in worker processes, one writer storing."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from bench.corpus import NOW, copy_samples, make_config, unpack_pages
from bench.report import BenchResult, Profiled
from pipeline.ingest import ingest_sources
from pipeline.parallel import analyse_in_processes, default_workers
from pipeline.process import analyse_document, process_documents
from storage.db import open_db
from storage.records import pending_documents

SPEEDUP_TARGET = 1.6  # two workers on two cores, after pool start-up and the writer's share


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

    cpu0, started = time.process_time(), time.perf_counter()
    expected = [analyse_document(doc, config, gate=False) for doc in docs]
    serial, serial_cpu = time.perf_counter() - started, time.process_time() - cpu0

    started = time.perf_counter()
    with Profiled("parallelism"):
        got = list(analyse_in_processes(docs, config, gate=False, workers=workers))
    parallel = time.perf_counter() - started
    # The analysis work (one process's CPU time for it) over the cores' time in the parallel run: pool
    # start-up and idle workers lower it. (Forked workers are the forkserver's children, not ours, so their
    # own CPU time is not in our rusage.)
    busy = serial_cpu / parallel / workers

    # The whole process stage: one process against worker processes feeding one writer.
    stage = {}
    for name, stage_workers in (("stage-serial", 1), ("stage-parallel", workers)):
        cfg = databases[name]
        with open_db(cfg.db) as conn:
            started = time.perf_counter()
            report = process_documents(conn, cfg, NOW, gate=False, workers=stage_workers)
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


