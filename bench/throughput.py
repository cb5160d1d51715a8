"""Benchmarks 1 and 2: a whole run over real pages against trafilatura alone; a no-op re-run."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from bench.corpus import NOW, copy_samples, make_config, quiet_sender, unpack_pages, write_synthetic_inbox
from bench.report import BenchResult, Profiled
from pipeline.runner import run_pipeline

SPEEDUP_TARGET = 3.0
NOOP_TARGET = 0.05


def _relevant_facts(db: Path) -> set[tuple]:
    """Return the facts stored for the project's sample documents (the relevant ones), keyed by file name."""
    with duckdb.connect(str(db), read_only=True) as conn:
        rows = conn.execute(
            """SELECT json_extract_string(d.metadata, '$.path'), f.company, f.metric, f.period, f.value, f.unit,
                      f.qualifier
               FROM facts f JOIN documents d ON d.id = f.document_id"""
        ).fetchall()
    return {r for r in rows if r[0].startswith("samples/")}


def _page_facts(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(
            """SELECT count(*) FROM facts f JOIN documents d ON d.id = f.document_id
               WHERE json_extract_string(d.metadata, '$.path') LIKE 'pages/%'"""
        ).fetchone()[0]


def _timed_run(config, *, gate: bool, profile: str):
    """Run the whole pipeline once; return (seconds, summary). Profiled under `profile` with --profile."""
    started = time.perf_counter()
    with Profiled(profile):
        summary = run_pipeline(config, sender=quiet_sender(), now=NOW, gate=gate)
    return time.perf_counter() - started, summary


def _cli_seconds(config_path: Path, db: Path) -> float:
    """Time `marketmon run` as a user runs it: a new process, imports and all."""
    exe = Path(sys.executable).with_name("marketmon")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MARKETMON_"))}
    started = time.perf_counter()
    subprocess.run([str(exe), "run", "--config", str(config_path), "--db", str(db)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)
    return time.perf_counter() - started


def bench_throughput(quick: bool, work: Path) -> BenchResult:
    """Whole run (gate on) over real pages + samples vs trafilatura.extract alone over the same pages."""
    result = BenchResult("throughput", "1. throughput vs trafilatura", unit="x",
                         target=f">= {SPEEDUP_TARGET:g}x, same facts as --no-gate")
    inbox = work / "inbox"
    pages = unpack_pages(inbox / "pages", limit=60 if quick else None)
    samples = copy_samples(inbox / "samples")
    import trafilatura

    import pipeline.extract  # noqa: F401  (imports are not what either side is measured on)
    from pipeline.parse.html import parse_html

    parse_html("<html><body><p>warm up the parser and its date finder</p></body></html>")
    trafilatura.extract("<html><body><p>warm up</p></body></html>")

    started = time.perf_counter()
    extracted = 0
    for page in pages:
        extracted += trafilatura.extract(page.read_bytes()) is not None
    traf_seconds = time.perf_counter() - started

    gate_on = make_config(_folder(work / "gate-on"), inbox, work / "gate-on" / "db.duckdb")
    on_seconds, on = _timed_run(gate_on, gate=True, profile="throughput")
    gate_off = make_config(_folder(work / "gate-off"), inbox, work / "gate-off" / "db.duckdb")
    off_seconds, off = _timed_run(gate_off, gate=False, profile="throughput-no-gate")
    cli_dir = _folder(work / "cli")
    cli_config = make_config(cli_dir, inbox, cli_dir / "db.duckdb")
    cli_seconds = _cli_seconds(cli_config.path, cli_dir / "db.duckdb")

    facts_on, facts_off = _relevant_facts(gate_on.db), _relevant_facts(gate_off.db)
    speedup = traf_seconds / on_seconds
    page_bytes = sum(p.stat().st_size for p in pages)
    result.figure = round(speedup, 2)
    result.ok = speedup >= SPEEDUP_TARGET and facts_on == facts_off and bool(facts_on)
    result.details = {
        "pages": len(pages), "page_mb": round(page_bytes / 1e6, 1), "samples": len(samples),
        "trafilatura_seconds": round(traf_seconds, 2), "trafilatura_texts": extracted,
        "run_seconds": round(on_seconds, 2), "run_counts": on.counts(),
        "cli_run_seconds": round(cli_seconds, 2), "cli_speedup": round(traf_seconds / cli_seconds, 2),
        "no_gate_run_seconds": round(off_seconds, 2), "no_gate_counts": off.counts(),
        "relevant_facts": len(facts_on), "relevant_facts_no_gate": len(facts_off),
        "facts_only_with_gate": sorted(map(str, facts_on - facts_off)),
        "facts_only_without_gate": sorted(map(str, facts_off - facts_on)),
        "page_facts_no_gate": _page_facts(gate_off.db),
    }
    if facts_on != facts_off:
        result.note = (f"{len(facts_off - facts_on)} relevant facts found only with the gate off, "
                       f"{len(facts_on - facts_off)} only with it on")
    return result


def bench_noop(quick: bool, work: Path) -> BenchResult:
    """The same run twice over a large inbox: the second finds nothing new and must be nearly free."""
    count = 1_000 if quick else 10_000
    result = BenchResult("noop", f"2. no-op re-run ({count:,} docs)", unit="%",
                         target=f"<= {NOOP_TARGET:.0%} of the first run")
    inbox = work / "inbox"
    size = write_synthetic_inbox(inbox, count)
    config = make_config(work, inbox, work / "db.duckdb")
    first_seconds, first = _timed_run(config, gate=True, profile="noop-first")
    second_seconds, second = _timed_run(config, gate=True, profile="noop")
    ratio = second_seconds / first_seconds
    result.figure = round(ratio * 100, 2)
    result.ok = ratio <= NOOP_TARGET and not second.changed_anything
    result.details = {
        "documents": count, "inbox_mb": round(size / 1e6, 1),
        "first_seconds": round(first_seconds, 2), "second_seconds": round(second_seconds, 3),
        "first_ms_per_document": round(first_seconds / count * 1000, 2),
        "first_counts": first.counts(), "second_counts": second.counts(),
    }
    return result


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
