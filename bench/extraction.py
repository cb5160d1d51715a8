"""Benchmark 6: extraction speed in MB of text per CPU-second, on one core."""

from __future__ import annotations

import time
from pathlib import Path

from bench.corpus import SAMPLE_INBOX, SHARED, unpack_pages
from bench.report import BenchResult, Profiled
from pipeline.config import load_config, sample_config_path
from pipeline.parse import ParseError, parse_document

MB_PER_SECOND_TARGET = 2.0
MIN_CPU_SECONDS = 2.0
_LABELS = {"relevant": "sample texts", "pages": "real page texts", "articles": "real articles (shared corpus)",
           "heldout": "held-out articles (tests/)"}
TESTS = Path(__file__).resolve().parent.parent / "tests"


def _texts(paths: list[Path]) -> list[tuple[str, object, object]]:
    texts = []
    for path in paths:
        try:
            parsed = parse_document(path.read_bytes(), None, path.name)
        except ParseError:
            continue
        texts.append((parsed.text, parsed.published, parsed.title))
    return texts


def _heldout_texts() -> list[tuple[str, object, object]]:
    """The labelled articles of tests/holdout and tests/blind*: our own writing, article length and fact-dense."""
    from pipeline.evaluate import read_document

    texts = []
    for folder in sorted([TESTS / "holdout", *TESTS.glob("blind*")]):
        for path in sorted((folder / "docs").glob("*.txt")):
            text, title, published = read_document(path)
            texts.append((text, published, title))
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
            "mb_per_cpu_second": round(size * rounds / cpu / 1e6, 2),
            # what the cost follows: facts (binding) and documents, far more than bytes
            "us_per_fact": round(cpu / facts * 1e6) if facts else None,
            "us_per_document": round(cpu / (rounds * len(texts)) * 1e6) if texts else None}


def bench_extraction(quick: bool, work: Path) -> BenchResult:
    """extract_facts over relevant texts (the samples), real articles (the shared corpus), real page texts and the
    held-out articles of tests/.

    The samples are snippets dense with facts (one per ~120 bytes), the corpus articles are real press about
    watched companies (what passes the relevance gate), the pages are what --no-gate extracts from, the held-out
    articles are press-like articles of our own with 10-40 facts each.
    """
    result = BenchResult("extraction", "6. extraction speed per core", unit="MB/s",
                         target=f">= {MB_PER_SECOND_TARGET:g} MB/s")
    watchlist = load_config(sample_config_path()).watchlist
    relevant = _texts(sorted(p for p in SAMPLE_INBOX.iterdir() if "weather" not in p.name))
    pages = _texts(unpack_pages(work / "pages", limit=30 if quick else 80))
    articles = _texts(sorted((SHARED / "corpus").glob("*.txt")))
    rates = {"relevant": _rate(relevant, watchlist, "extraction-relevant"),
             "pages": _rate(pages, watchlist, "extraction-pages")}
    if articles:  # ../shared is beside the repository in CI; a bare clone measures the others
        rates["articles"] = _rate(articles, watchlist, "extraction-articles")
    heldout = _heldout_texts()
    rates["heldout"] = _rate(heldout[::4] if quick else heldout, watchlist, "extraction-heldout")
    result.figure = min(r["mb_per_cpu_second"] for r in rates.values())
    result.ok = result.figure >= MB_PER_SECOND_TARGET
    result.details = rates
    result.note = ", ".join(f"{_LABELS[name]} {r['mb_per_cpu_second']} MB/s" for name, r in rates.items())
    result.note += " (the lowest is the figure)"
    return result
