"""Bad input through the real `marketmon run`: 200+ hostile files in the inbox beside the good samples, and a
loopback feed, OpenRouter and HKEX answering with broken bodies and transport faults. Nothing crashes, every
input is recorded with a reason, the good documents are processed, time and memory stay bounded."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.faults.conftest import (
    assert_clean,
    copy_samples,
    read_db,
    record_figure,
    run_marketmon,
    write_config,
)
from tests.faults.hostile import FAILED, hostile_articles, hostile_documents, hostile_json
from tests.support.http_server import Reply

NETWORK_ENV = {"MARKETMON_HTTP_RETRIES": "1", "MARKETMON_HTTP_TIMEOUT": "3", "MARKETMON_HTTP_MAX_BYTES": str(2 * 2**20),
               "MARKETMON_USER_AGENT": "marketmon-faults tests@example.org"}


def _serve_network_faults(server) -> list[dict]:
    """Script the loopback server with hostile articles, JSON answers and faults; return the sources to configure."""
    items = []
    for article in hostile_articles():
        if article.action is None:
            server.serve(article.path, article.body, content_type=article.content_type)
        elif article.action == "gzip-bomb":
            server.route(article.path, Reply(body=b" " * (60 * 2**20), gzip=True, content_type="text/html"))
        elif article.action == "truncate":
            server.truncate(article.path, article.body, missing=5000)
        elif article.action == "reset":
            server.reset(article.path)
        elif article.action == "oversize":
            server.oversize(article.path, size=8 * 2**20, declare_length=False)
        elif article.action == "redirect_loop":
            server.redirect_loop(article.path, article.path + "-b")
        elif article.action == "500":
            server.route(article.path, Reply(status=500))
        elif article.action == "redirect_file":
            server.redirect(article.path, "file:///etc/passwd")
        items.append(f"<item><title>智谱 {article.path}</title><link>{server.url(article.path)}</link>"
                     f"<guid>{article.path}</guid></item>")
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>hostile</title>'
            + "".join(items) + "</channel></rss>")
    server.serve("/feed.xml", feed, content_type="application/rss+xml; charset=utf-8")
    # The OpenRouter source goes first: its rate_limit lifts the 1 request/second politeness for the loopback host.
    sources: list[dict] = [{"kind": "openrouter", "id": "or-good", "base_url": server.base_url, "path": "/or/good",
                            "rate_limit": 1000}]
    server.serve("/or/good", b'{"data": [{"date": "2026-01-05", "model_permaslug": "z-ai/glm-4.6", '
                             b'"total_prompt_tokens": 800, "total_completion_tokens": 200}]}',
                 content_type="application/json")
    for name, body in hostile_json():
        server.serve(f"/or/{name}", body, content_type="application/json")
        server.serve(f"/hk/{name}", body, content_type="application/json")
        sources.append({"kind": "openrouter", "id": f"or-{name}", "base_url": server.base_url, "path": f"/or/{name}",
                        "rate_limit": 1000})
        sources.append({"kind": "hkex", "id": f"hk-{name}", "base_url": server.base_url, "title_search": False,
                        "ipo": False, "latest_path": f"/hk/{name}", "rate_limit": 1000})
    sources.append({"kind": "rss", "id": "hostile-feed", "url": server.url("/feed.xml"), "max_attempts": 1})
    return sources


@pytest.mark.slow
def test_hostile_inputs_are_recorded_and_the_good_ones_processed(tmp_path: Path, loopback_server):
    inbox = tmp_path / "inbox"
    good = copy_samples(inbox)
    hostile = hostile_documents()
    for doc in hostile:
        (inbox / doc.name).write_bytes(doc.data)
    sources = [*_serve_network_faults(loopback_server), {"kind": "inbox", "id": "inbox", "path": str(inbox)}]
    config = write_config(tmp_path, sources=sources)
    db = tmp_path / "marketmon.duckdb"

    result = run_marketmon("run", "--config", str(config), cwd=tmp_path, env=NETWORK_ENV)
    assert_clean(result)
    inputs = len(hostile) + len(hostile_articles()) + 2 * len(hostile_json())
    record_figure(f"bad inputs: {len(hostile)} hostile inbox files + {len(hostile_articles())} hostile feed articles "
                  f"+ {2 * len(hostile_json())} hostile JSON answers = {inputs} inputs, beside {len(good)} good samples; "
                  f"marketmon run {result.seconds:.1f} s wall, peak RSS {result.peak_rss_mb:.0f} MB")
    assert len(hostile) >= 200

    # Every inbox file is a document with an outcome; nothing is left unprocessed; every failure has a reason.
    rows = read_db(db, "SELECT url, status, error FROM documents WHERE source = 'inbox'")
    by_name = {unquote(url.rsplit("/", 1)[-1]): (status, error) for url, status, error in rows}
    assert len(rows) == len(hostile) + len(good)
    for doc in hostile:
        status, error = by_name[doc.name]
        assert status in doc.expect, (doc.name, status, error)
        if status == "failed":
            assert error and error.strip(), doc.name
            assert "Traceback" not in error
        if doc.reason:
            assert doc.reason in (error or "").lower(), (doc.name, error)
    assert read_db(db, "SELECT count(*) FROM documents WHERE status = 'new'") == [(0,)]
    statuses = dict(read_db(db, "SELECT status, count(*) FROM documents WHERE source = 'inbox' GROUP BY status"))
    record_figure(f"bad inputs: inbox outcomes {dict(sorted(statuses.items()))}")
    assert statuses.get("failed", 0) >= sum(1 for d in hostile if d.expect == FAILED)

    # The good samples beside them: processed, with the facts an analyst reads in them.
    # (a mutated copy of a sample may be read first; the sample is then its near-duplicate, counted once)
    for name in good:
        assert by_name[name][0] in ("parsed", "irrelevant", "duplicate"), (name, by_name[name])
    originals = read_db(db, "SELECT d.url, o.status FROM documents d JOIN documents o ON o.id = d.duplicate_of "
                            "WHERE d.status = 'duplicate'")
    assert all(status == "parsed" for url, status in originals if unquote(url.rsplit("/", 1)[-1]) in good), originals
    assert all(status in ("parsed", "irrelevant") for _, status in originals), originals
    facts = set(read_db(db, "SELECT company, metric, period, value, unit FROM facts"))
    assert ("zhipu", "revenue", "FY2024", 312400000.0, "CNY") in facts
    assert ("zhipu", "revenue_share.on_premise", "2025H1", 84.8, "%") in facts
    assert ("minimax", "revenue", "FY2024", 30520000.0, "USD") in facts
    assert ("zhipu", "rd_expense", "FY2024", 2195400000.0, "CNY") in facts
    assert by_name["2026-01-15-weather-roundup.html"][0] == "irrelevant"

    # Nothing absurd slipped through as a number: no infinities or NaN, and an absurd size is set aside (flagged).
    assert read_db(db, "SELECT count(*) FROM facts WHERE isinf(value) OR isnan(value)") == [(0,)]
    assert read_db(db, "SELECT count(*) FROM facts WHERE abs(value) > 1e18 AND reason IS NULL") == [(0,)]

    # The network-shaped inputs: the hostile feed source itself succeeded, its bad articles are failed documents.
    health = {r[0]: r[1:] for r in read_db(db, "SELECT source, consecutive_errors, last_error FROM source_state")}
    assert health["hostile-feed"] == (0, None)
    assert health["or-good"] == (0, None)
    articles = {url.rsplit("/", 1)[-1]: (status, error) for url, status, error in
                read_db(db, "SELECT url, status, error FROM documents WHERE source = 'hostile-feed'")}
    for article in hostile_articles():
        name = article.path.rsplit("/", 1)[-1]
        assert name in articles, name
        status, error = articles[name]
        if article.action is not None:
            # A transport fault stores no body at all: never a half document marked parsed.
            assert status == "failed" and error, (name, status, error)
        else:
            assert status in article.stored, (name, status, error)
    reasons = {name: (error or "").lower() for name, (_, error) in articles.items()}
    assert "too large" in reasons["gzip-bomb.html"]
    assert "too large" in reasons["oversize.html"]
    assert "redirect loop" in reasons["loop.html"]
    assert "only http and https" in reasons["file-scheme.html"]
    assert "http 500" in reasons["server-error.html"]
    assert read_db(db, "SELECT count(*) FROM documents WHERE source = 'hostile-feed' AND status = 'parsed' "
                       "AND url LIKE '%truncated%'") == [(0,)]
    # The wrong-shaped JSON answers: each source is unhealthy with a reason, or stored what it could.
    for name, _ in hostile_json():
        for sid in (f"or-{name}", f"hk-{name}"):
            errors, reason = health[sid]
            stored = read_db(db, "SELECT count(*) FROM documents WHERE source = ?", [sid])[0][0]
            assert (errors == 1 and reason) or (errors == 0 and reason is None), (sid, errors, reason, stored)
    assert health["or-not-json"][0] == 1 and "json" in health["or-not-json"][1].lower()
    assert health["hk-list"][0] == 1 and health["or-deep"][0] == 1

    # A second run over the same inputs: nothing new, nothing crashes.
    again = run_marketmon("run", "--config", str(config), cwd=tmp_path, env=NETWORK_ENV)
    assert_clean(again)
    assert read_db(db, "SELECT count(*) FROM documents WHERE source = 'inbox'") == [(len(hostile) + len(good),)]
    record_figure(f"bad inputs: second run {again.seconds:.1f} s wall, peak RSS {again.peak_rss_mb:.0f} MB")


def test_gzip_encoded_inbox_bytes_are_not_inflated(tmp_path: Path):
    """A compressed bomb in the inbox is stored as the bytes it is (binary), never inflated to 1 GB."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bomb.html").write_bytes(gzip.compress(b"<p>" + b"Zhipu " * (40 * 2**20) + b"</p>"))
    config = write_config(tmp_path, sources=[{"kind": "inbox", "id": "inbox", "path": str(inbox)}])
    result = run_marketmon("run", "--config", str(config), cwd=tmp_path)
    assert_clean(result)
    [(status, error)] = read_db(tmp_path / "marketmon.duckdb", "SELECT status, error FROM documents")
    assert status == "failed" and ("binary" in error or "undecodable" in error), error
    assert result.peak_rss_mb < 1024
