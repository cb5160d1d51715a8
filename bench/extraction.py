"""Benchmark 6: extraction speed in MB of text per CPU-second, on one core."""

from __future__ import annotations

import time
from pathlib import Path

from bench.corpus import SAMPLE_INBOX, unpack_pages
from bench.report import BenchResult, Profiled
from pipeline.config import load_config, sample_config_path
from pipeline.parse import ParseError, parse_document

MB_PER_SECOND_TARGET = 2.0
MIN_CPU_SECONDS = 2.0


def _texts(paths: list[Path]) -> list[tuple[str, object, object]]:
    texts = []
    for path in paths:
        try:
            parsed = parse_document(path.read_bytes(), None, path.name)
        except ParseError:
            continue
        texts.append((parsed.text, parsed.published, parsed.title))
    return texts


def _rate(texts: list[tuple[str, object, object]], watchlist, name: str) -> dict:
    """Extract from the texts over and over for at least MIN_CPU_SECONDS of CPU; return MB/s and counts."""
    from pipeline.extract import extract_facts

    size = sum(len(t.encode("utf-8")) for t, _, _ in texts)
    rounds = facts = 0
    started = time.process_time()
    with Profiled(name):
        while time.process_time() - started < MIN_CPU_SECONDS:
            for text, published, title in texts:
                facts += len(extract_facts(text, watchlist, published=published, title=title))
            rounds += 1
    cpu = time.process_time() - started
    return {"documents": len(texts), "text_mb": round(size / 1e6, 3), "rounds": rounds,
            "cpu_seconds": round(cpu, 2), "facts_per_round": facts // rounds,
            "mb_per_cpu_second": round(size * rounds / cpu / 1e6, 2)}


def bench_extraction(quick: bool, work: Path) -> BenchResult:
    """extract_facts over relevant texts (the samples) and over real page texts (what --no-gate extracts)."""
    result = BenchResult("extraction", "6. extraction speed per core", unit="MB/s",
                         target=f">= {MB_PER_SECOND_TARGET:g} MB/s")
    watchlist = load_config(sample_config_path()).watchlist
    relevant = _texts(sorted(p for p in SAMPLE_INBOX.iterdir() if "weather" not in p.name))
    pages = _texts(unpack_pages(work / "pages", limit=30 if quick else 80))
    rates = {"relevant": _rate(relevant, watchlist, "extraction-relevant"),
             "pages": _rate(pages, watchlist, "extraction-pages")}
    result.figure = min(r["mb_per_cpu_second"] for r in rates.values())
    result.ok = result.figure >= MB_PER_SECOND_TARGET
    result.details = rates
    result.note = (f"relevant sample texts {rates['relevant']['mb_per_cpu_second']} MB/s, "
                   f"real page texts {rates['pages']['mb_per_cpu_second']} MB/s (the lower is the figure)")
    return result
