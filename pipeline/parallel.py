"""Parse and extract stored documents in worker processes, in input order, for one writer to store."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from pipeline.config import Config
from pipeline.process import Analysis, analyse_document
from storage.records import PendingDocument

# Documents per task: large enough that pickling and scheduling stay small next to parsing,
# small enough that one slow page does not leave the other worker idle at the end.
CHUNK = 8
# Chunks in flight per worker: enough to keep workers busy while the writer stores, and a bound on memory.
AHEAD = 3

# Imported once in the forkserver, so that every worker forked from it has them.
PRELOAD = ["pipeline.parallel", "pipeline.extract", "pipeline.parse", "pipeline.parse.html", "pipeline.sources"]

_config: Config | None = None


def default_workers() -> int:
    """Return how many worker processes this machine can keep busy (the CPUs this process may use)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyse_in_processes(
    docs: Iterable[PendingDocument], config: Config, *, gate: bool, workers: int
) -> Iterator[Analysis]:
    """Yield `analyse_document` of each document, computed in `workers` processes, in input order."""
    if workers <= 1:
        for doc in docs:
            yield analyse_document(doc, config, gate=gate)
        return
    source = iter(docs)
    pool: ProcessPoolExecutor | None = None
    pending: deque[tuple[list[PendingDocument], Future]] = deque()
    try:
        while True:
            while len(pending) < workers * AHEAD:
                chunk = list(islice(source, CHUNK))
                if not chunk:
                    break
                pool = pool or _start_pool(config, workers)  # lazily: no processes for an empty input
                pending.append((chunk, pool.submit(_analyse_chunk, chunk, gate)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                analyses = future.result()
            except BrokenProcessPool:
                # A document crashed its worker (e.g. a C extension on hostile markup) and took the pool and
                # every chunk in flight with it. Redo those one by one, so only the culprit is lost.
                pool.shutdown(cancel_futures=True)
                pool = None
                redo = [doc for c in (chunk, *(c for c, _ in pending)) for doc in c]
                pending.clear()
                yield from _analyse_one_by_one(redo, config, gate)
                continue
            yield from analyses
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _start_pool(config: Config, workers: int) -> ProcessPoolExecutor:
    # Workers are forked from a forkserver: a fresh interpreter (never a fork of this process, which holds
    # an open DuckDB connection and maybe threads) that imports the parser and extractor once, so each
    # worker starts in milliseconds instead of re-importing them (~2 s with spawn). The server stays up
    # for later pools of this process. The config is sent once per worker, not once per task.
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(),
        initializer=_init_worker, initargs=(config,),
    )


def _context() -> multiprocessing.context.BaseContext:
    """Return the forkserver context with the heavy modules preloaded (spawn where there is no forkserver)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _init_worker(config: Config) -> None:
    global _config
    _config = config


def _analyse_chunk(chunk: list[PendingDocument], gate: bool) -> list[Analysis]:
    if _config is None:
        raise RuntimeError("worker process started without its initializer")
    return [analyse_document(doc, _config, gate=gate) for doc in chunk]


def _analyse_one_by_one(docs: list[PendingDocument], config: Config, gate: bool) -> Iterator[Analysis]:
    """Analyse documents singly in a one-worker pool; a document that crashes it is marked failed."""
    pool: ProcessPoolExecutor | None = None
    try:
        for doc in docs:
            pool = pool or _start_pool(config, 1)
            try:
                yield pool.submit(_analyse_chunk, [doc], gate).result()[0]
            except BrokenProcessPool:
                pool.shutdown(cancel_futures=True)
                pool = None
                yield Analysis(doc.id, "failed",
                               error="internal error: analysing this document crashed the worker process")
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
