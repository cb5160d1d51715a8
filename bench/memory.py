"""Benchmark 4: peak RSS of a run processing 100,000 stored documents, measured in a child process."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import NOW, make_config, quiet_sender
from bench.report import BenchResult
from bench.synthetic import insert_documents
from storage.db import open_db, transaction

RSS_TARGET_MB = 500
# Seconds the child may process before it stops and reports what it saw (0: no limit). The whole set takes
# far longer than the benchmark budget at today's per-document cost (see BENCHMARKS.md).
deadline = {True: 45.0, False: 150.0}


class _Deadline(Exception):
    pass


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def _peak_mb() -> float:
    """Return this process's peak RSS.

    From VmHWM where there is /proc: Linux's ru_maxrss carries over the parent's RSS at fork into the child
    it execs, so after the parent has built a large database it reported the parent's peak, not the child's.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(config_path: str, limit: float) -> dict:
    """Run the pipeline over the stored documents; return what it processed and the RSS it reached."""
    import pipeline.extract  # noqa: F401  (so the baseline includes every module a run imports)
    import pipeline.parse.html  # noqa: F401
    from pipeline.config import load_config
    from pipeline.runner import run_pipeline

    config = load_config(config_path)
    baseline = _rss_mb()
    samples: list[tuple[int, float, float, float]] = []  # (done, seconds, RSS, peak RSS so far)
    started = time.perf_counter()
    done_at_stop = None

    def on_progress(done: int, total: int) -> None:
        nonlocal done_at_stop
        elapsed = time.perf_counter() - started
        if not samples or done - samples[-1][0] >= 1000 or done == total:
            samples.append((done, round(elapsed, 1), round(_rss_mb(), 1), round(_peak_mb(), 1)))
        if limit and elapsed > limit:
            done_at_stop = done
            raise _Deadline

    try:
        summary = run_pipeline(config, sender=quiet_sender(), now=NOW, on_progress=on_progress)
        processed = summary.process.parsed + summary.process.irrelevant + summary.process.failed
    except _Deadline:
        processed = done_at_stop or 0
    return {
        "processed": processed, "complete": done_at_stop is None, "seconds": round(time.perf_counter() - started, 1),
        "baseline_rss_mb": round(baseline, 1),
        "peak_rss_mb": round(_peak_mb(), 1),
        "samples": samples,
    }


def bench_memory(quick: bool, work: Path) -> BenchResult:
    """Store 100,000 new documents in bulk, then measure a child process that runs the pipeline over them."""
    count = 10_000 if quick else 100_000
    result = BenchResult("memory", f"4. peak RSS ({count:,} docs)", unit="MB", target=f"<= {RSS_TARGET_MB} MB")
    inbox = work / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    config = make_config(work, inbox, work / "db.duckdb")
    with open_db(config.db) as conn, transaction(conn):
        insert_documents(conn, count, status="new")
    limit = deadline[quick]
    proc = subprocess.run([sys.executable, "-m", "bench.memory", str(config.path), str(limit)],
                          capture_output=True, text=True, timeout=7200, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"the measuring process failed: {proc.stderr.strip()[-2000:]}")
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    result.figure = seen["peak_rss_mb"]
    result.details = {"documents": count, "deadline_seconds": limit} | seen
    samples = seen["samples"]
    if len(samples) >= 3:
        (d0, _, r0, _), (d1, _, r1, _) = samples[1], samples[-1]
        slope = (r1 - r0) / max(d1 - d0, 1) * 1000
        result.details["rss_growth_mb_per_1000_documents"] = round(slope, 2)
    else:
        slope = None
    if seen["complete"]:
        result.ok = seen["peak_rss_mb"] <= RSS_TARGET_MB
    else:
        rate = seen["processed"] / max(seen["seconds"], 1e-9)
        result.details["projected_seconds_for_all"] = round(count / rate) if rate else None
        projected = None if slope is None else samples[-1][2] + slope * (count - samples[-1][0]) / 1000
        result.details["projected_rss_mb_at_end"] = None if projected is None else round(projected, 1)
        result.note = (f"stopped after {seen['processed']:,} of {count:,} documents ({seen['seconds']:.0f} s deadline; "
                       f"all would take ~{count / rate / 60:.0f} min); peak so far {seen['peak_rss_mb']:.0f} MB"
                       + ("" if projected is None else f", RSS trend projects {projected:.0f} MB at the end"))
    return result


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1], float(sys.argv[2]))))
