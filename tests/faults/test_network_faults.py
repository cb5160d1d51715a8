"""Network faults from the loopback server through one whole pass (`run_pipeline`, the function `marketmon run`
calls) with the real HTTP client: timeouts, resets, 429 with Retry-After, 500s, redirect loops, oversize and
slow-drip bodies, truncation. Retries are bounded, the failing source is marked unhealthy with its reason, the
other sources are unaffected, and nothing partial is stored."""

from __future__ import annotations

import io
import time
from datetime import datetime
from pathlib import Path

from rich.console import Console

from alerts.console import ConsoleSender
from pipeline.config import load_config
from pipeline.http import HttpClient, RateLimiter
from pipeline.runner import run_pipeline
from tests.faults.conftest import copy_samples, read_db, record_figure, write_config
from tests.support.http_server import Reply
from tests.support.sleeps import SleepLog

NOW = datetime(2026, 4, 1, 8, 0)
GOOD_ARTICLE = ("<html><head><title>智谱收入</title></head><body><article><p>智谱2024年收入为3.124亿元，"
                "较2023年的1.245亿元增长约151%。</p></article></body></html>").encode()
RETRIES = 2
DRIP_SECONDS = 40  # the drip would take this long; the client gives up after max_seconds
DRIP_INTERVAL = 0.25  # well inside the 1 s read timeout, so each attempt meets the total time limit first


def _client(sleeps: SleepLog) -> HttpClient:
    return HttpClient(user_agent="marketmon-faults tests@example.org", connect_timeout=2, read_timeout=1,
                      max_seconds=2, max_retries=RETRIES, backoff=0.5, max_bytes=2 * 2**20,
                      limiter=RateLimiter(default_rate=None, rates={}), sleep=sleeps)


FAULTS = {
    # name: (how the server answers, attempts the client may make (a number or a range), a word of the reason)
    "timeout": (lambda s, p: s.delay(p, seconds=4), RETRIES + 1, "timeout"),
    "reset": (lambda s, p: s.reset(p), RETRIES + 1, "connection"),
    "busy": (lambda s, p: s.too_many(p, retry_after="7", times=100), RETRIES + 1, "http 429"),
    "error": (lambda s, p: s.route(p, Reply(status=500)), RETRIES + 1, "http 500"),
    "loop": (lambda s, p: s.redirect_loop(p, p + "-again"), 1, "redirect loop"),
    "oversize": (lambda s, p: s.oversize(p, size=30 * 2**20, declare_length=False), 1, "too large"),
    "declared": (lambda s, p: s.oversize(p, size=30 * 2**20), 1, "too large"),
    # Bytes arrive every quarter second, so the 2 s total time limit ("too slow", never retried) ends each
    # attempt. Only a stall of the loaded machine longer than the 1 s read timeout ends one first: that error
    # is retryable, hence the range of attempts. (With a gap equal to the read timeout, every attempt could.)
    "drip": (lambda s, p: s.drip(p, b"x" * int(10 * DRIP_SECONDS / DRIP_INTERVAL), chunk=10, interval=DRIP_INTERVAL),
             range(1, RETRIES + 2), "too slow"),
    "truncated": (lambda s, p: s.truncate(p, GOOD_ARTICLE, missing=500), RETRIES + 1, "connection broken"),
}


def test_each_fault_is_bounded_recorded_and_isolated(tmp_path: Path, loopback_server):
    server = loopback_server
    inbox = tmp_path / "inbox"
    copy_samples(inbox)
    sources = [{"kind": "inbox", "id": "inbox", "path": str(inbox)}]
    for name, (script, _, _) in FAULTS.items():
        script(server, f"/{name}")
        sources.append({"kind": "page", "id": f"page-{name}", "url": server.url(f"/{name}")})
    # A feed whose articles meet the same faults: the feed stays healthy, each bad article is a failed document.
    items = "".join(f"<item><title>{n}</title><link>{server.url('/' + n)}</link></item>" for n in FAULTS)
    server.serve("/good.html", GOOD_ARTICLE, content_type="text/html; charset=utf-8")
    items += f"<item><title>good</title><link>{server.url('/good.html')}</link></item>"
    server.serve("/feed.xml", f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>',
                 content_type="application/rss+xml")
    sources.append({"kind": "rss", "id": "feed", "url": server.url("/feed.xml")})
    config = load_config(write_config(tmp_path, sources=sources), tmp_path / "m.duckdb")
    sleeps = SleepLog()

    started = time.monotonic()
    summary = run_pipeline(config, sender=ConsoleSender(Console(file=io.StringIO())), now=NOW, http=_client(sleeps))
    seconds = time.monotonic() - started
    db = tmp_path / "m.duckdb"

    health = {r[0]: r[1:] for r in read_db(db, "SELECT source, consecutive_errors, last_error FROM source_state")}
    for name, (_, attempts, reason) in FAULTS.items():
        errors, last_error = health[f"page-{name}"]
        assert errors == 1, name
        assert reason in last_error.lower(), (name, last_error)
        # Two requests per page (the page source, then the feed's article): each bounded by its own retries.
        allowed = attempts if isinstance(attempts, range) else range(attempts, attempts + 1)
        assert 2 * allowed.start <= server.hits(f"/{name}") <= 2 * (allowed.stop - 1), (name, server.hits(f"/{name}"))
    assert 7.0 in sleeps.calls  # Retry-After honoured
    assert set(summary.ingest.source_errors) == {f"page-{n}" for n in FAULTS}
    # The other sources are unaffected: the inbox and the feed are healthy and their documents processed.
    assert health["inbox"] == (0, None) and health["feed"] == (0, None)
    assert read_db(db, "SELECT count(*) FROM documents WHERE source = 'inbox' AND status IN ('parsed', 'irrelevant', "
                       "'duplicate')") == [(9,)]
    articles = dict(read_db(db, "SELECT regexp_extract(url, '[^/]+$'), status FROM documents WHERE source = 'feed'"))
    assert articles.pop("good.html") in ("parsed", "duplicate")
    assert articles == {name: "failed" for name in FAULTS}
    # Nothing partial stored: a failed fetch keeps no body, and no page source stored a document at all.
    assert read_db(db, "SELECT count(*) FROM documents WHERE source = 'feed' AND status = 'failed' "
                       "AND octet_length(raw) > 0") == [(0,)]
    assert read_db(db, "SELECT count(*) FROM documents WHERE source LIKE 'page-%'") == [(0,)]
    # A second pass: the sources that fail again count up, the healthy ones stay at zero.
    run_pipeline(config, sender=ConsoleSender(Console(file=io.StringIO())), now=NOW.replace(hour=9),
                 http=_client(SleepLog()))
    health = {r[0]: r[1] for r in read_db(db, "SELECT source, consecutive_errors FROM source_state")}
    assert {s: n for s, n in health.items() if s.startswith("page-")} == {f"page-{n}": 2 for n in FAULTS}
    assert health["inbox"] == 0 and health["feed"] == 0
    assert seconds < DRIP_SECONDS  # sanity: the drip did not hold the run for its whole length
    record_figure(f"network: {len(FAULTS)} fault kinds x (page source + feed article) = {2 * len(FAULTS)} faults "
                  f"survived, {sum(server.hits('/' + n) for n in FAULTS)} requests in all; first pass {seconds:.1f} s")
