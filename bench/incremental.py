"""Benchmarks 3 and 5: ten new documents on a large store, against a full recompute; the analyst views."""

from __future__ import annotations

import shutil
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from bench.corpus import NOW, SAMPLE_INBOX, make_config, quiet_sender, relevant_snippets, synthetic_html
from bench.report import BenchResult, Profiled
from bench.synthetic import insert_documents, insert_facts, key_count
from pipeline.config import Config
from pipeline.metrics import recompute_metrics
from pipeline.runner import run_pipeline
from storage.db import open_db, transaction

INCREMENTAL_SECONDS = 2.0
INCREMENTAL_SHARE = 0.02
QUERY_MS = 100.0
VIEWS = ("latest_metrics", "revenue_mix")
FETCHES = {"fetchall": lambda result: result.fetchall(), "fetchnumpy": lambda result: result.fetchnumpy()}


@dataclass(slots=True)
class Store:
    """A synthetic store built once per benchmark session and shared by the benchmarks that need it."""

    config: Config
    documents: int
    facts: int
    build_seconds: float
    fill_seconds: float  # the first recompute, which fills an empty metrics table
    recompute_seconds: float  # a full recompute over a store whose metrics exist: the baseline
    metrics: int


_stores: dict[Path, Store] = {}


def big_store(folder: Path, quick: bool) -> Store:
    """Build (once) a store of 100,000 documents and 1,000,000 facts (a tenth of that with --quick)."""
    if folder in _stores:
        return _stores[folder]
    documents = 10_000 if quick else 100_000
    facts = documents * 10
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "inbox").mkdir(exist_ok=True)
    config = make_config(folder, folder / "inbox", folder / "store.duckdb")
    started = time.perf_counter()
    with open_db(config.db) as conn:
        with transaction(conn):
            insert_documents(conn, documents, status="parsed")
            # Earlier runs stored these: without this they would count as fetched by the measured run, whose
            # document rules would then raise an implausible-value alert for every doubted synthetic fact.
            conn.execute("UPDATE documents SET fetched_at = fetched_at - INTERVAL 1 DAY, "
                         "processed_at = processed_at - INTERVAL 1 DAY")
        with transaction(conn):
            insert_facts(conn, facts, documents)
    build = time.perf_counter() - started
    with open_db(config.db) as conn:
        started = time.perf_counter()
        with transaction(conn):
            recompute_metrics(conn, None, NOW)
        fill = time.perf_counter() - started
        started = time.perf_counter()
        with Profiled("full-recompute"), transaction(conn):
            recompute_metrics(conn, None, NOW)
        recompute = time.perf_counter() - started
        metrics = conn.execute("SELECT count(*) FROM metrics").fetchone()[0]
    _stores[folder] = Store(config, documents, facts, build, fill, recompute, metrics)
    return _stores[folder]


def _store_details(store: Store) -> dict:
    return {
        "documents": store.documents, "facts": store.facts, "keys": key_count(), "metrics": store.metrics,
        "build_seconds": round(store.build_seconds, 2), "first_recompute_seconds": round(store.fill_seconds, 2),
        "full_recompute_seconds": round(store.recompute_seconds, 2),
    }


def _new_documents(inbox: Path) -> int:
    """Drop ten new documents in the store's inbox: the project's nine samples and one relevant page."""
    for path in SAMPLE_INBOX.iterdir():
        shutil.copy(path, inbox / path.name)
    (inbox / "extra-page.html").write_bytes(synthetic_html(10_000_001, relevant_snippets()[0]))
    return len(list(inbox.iterdir()))


def _warm_imports() -> float:
    """Import the parser and extractor and compile the cue book, as a worker that already ran has them; return
    the seconds it took (reported apart: whether they are paid depends on what ran before in this process)."""
    started = time.perf_counter()
    import pipeline.parse.html  # noqa: F401 - trafilatura, the largest import
    from pipeline.extract.cues import default_cue_book

    default_cue_book()
    return time.perf_counter() - started


def bench_incremental(quick: bool, work: Path) -> BenchResult:
    """Ten new documents through store, extract, metrics and alerts on the large store."""
    store = big_store(work.parent / "store", quick)
    result = BenchResult("incremental", f"3. incremental (10 docs, {store.facts:,} facts)", unit="s",
                         target=f"<= {INCREMENTAL_SECONDS:g} s and <= {INCREMENTAL_SHARE:.0%} of a full recompute")
    new = _new_documents(store.config.sources[0].path())
    imports = _warm_imports()
    started = time.perf_counter()
    with Profiled("incremental"):
        summary = run_pipeline(store.config, sender=quiet_sender(), now=NOW)
    seconds = time.perf_counter() - started
    share = seconds / store.recompute_seconds
    result.figure = round(seconds, 3)
    result.ok = seconds <= INCREMENTAL_SECONDS and share <= INCREMENTAL_SHARE
    result.details = _store_details(store) | {
        "new_documents": new, "seconds": round(seconds, 3), "share_of_full_recompute": round(share, 4),
        "counts": summary.counts(), "touched_keys": len(summary.process.touched),
        "one_off_imports_seconds": round(imports, 3),
    }
    result.note = f"{share:.1%} of a full recompute ({store.recompute_seconds:.1f} s)"
    return result


def bench_queries(quick: bool, work: Path) -> BenchResult:
    """The analyst views over the large store: the first query and the median of seven, per view and fetch.

    Rows fetched as Python tuples (what `marketmon query` does; the figure) and as numpy columns (what a
    notebook does; pyarrow is not a dependency, numpy is).
    """
    store = big_store(work.parent / "store", quick)
    import numpy  # noqa: F401 - a notebook has it loaded; keeps the one-off import out of the first fetch

    result = BenchResult("queries", f"5. views over {store.facts:,} facts", unit="ms", target=f"<= {QUERY_MS:g} ms")
    timings: dict[str, dict] = {}
    with duckdb.connect(str(store.config.db), read_only=True) as conn:
        for view in VIEWS:
            for fetch in FETCHES:
                runs = []
                for _ in range(8):
                    started = time.perf_counter()
                    rows = FETCHES[fetch](conn.execute(f"SELECT * FROM {view}"))
                    runs.append((time.perf_counter() - started) * 1000)
                timings.setdefault(view, {"rows": len(rows) if isinstance(rows, list) else len(rows["company"])})
                timings[view] |= {f"{fetch}_first_ms": round(runs[0], 1),
                                  f"{fetch}_median_ms": round(statistics.median(runs[1:]), 1)}
    worst = max(max(t["fetchall_first_ms"], t["fetchall_median_ms"]) for t in timings.values())
    result.figure = round(worst, 1)
    result.ok = worst <= QUERY_MS
    result.details = _store_details(store) | {"views": timings}
    result.note = "; ".join(
        f"{v}: {t['rows']:,} rows, fetchall first {t['fetchall_first_ms']} / median {t['fetchall_median_ms']} ms, "
        f"numpy {t['fetchnumpy_first_ms']} / {t['fetchnumpy_median_ms']} ms" for v, t in timings.items())
    return result
