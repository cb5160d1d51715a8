"""Worker processes give exactly the analyses that `analyse_document` gives one by one, in input order."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from pipeline.config import load_config, sample_config_path
from pipeline.ingest import ingest_sources
from pipeline.parallel import CHUNK, analyse_in_processes
from pipeline.process import analyse_document
from storage.db import open_db
from storage.records import pending_documents

NOW = datetime(2026, 4, 1, 12, 0)
SAMPLE_INBOX = sample_config_path().parent / "inbox"


@pytest.fixture
def stored_docs(tmp_path: Path):
    """The sample inbox plus two broken files, ingested into a real DuckDB; returns (config, pending docs)."""
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox)
    (inbox / "zz-binary.html").write_bytes(b"\x00\x01\x02\x03" * 512)
    (inbox / "zz-blank.txt").write_bytes(b"   \n")
    config_file = tmp_path / "marketmon.yaml"
    text = sample_config_path().read_text(encoding="utf-8").replace("path: inbox", f"path: {inbox}")
    config_file.write_text(text, encoding="utf-8")
    config = load_config(config_file, db=tmp_path / "marketmon.duckdb")
    with open_db(config.db) as conn:
        report = ingest_sources(conn, config, NOW)
        assert report.inserted == 11
        docs = pending_documents(conn)
    return config, docs


@pytest.mark.parametrize("gate", [True, False])
def test_processes_match_one_by_one(stored_docs, gate: bool) -> None:
    config, docs = stored_docs
    expected = [analyse_document(doc, config, gate=gate) for doc in docs]
    got = list(analyse_in_processes(docs, config, gate=gate, workers=2))
    assert got == expected
    assert [a.doc_id for a in got] == [d.id for d in docs]
    statuses = sorted(a.status for a in got)
    relevant = 8  # every sample but the weather roundup names a watched company
    if gate:
        assert statuses == ["failed"] * 2 + ["irrelevant"] + ["parsed"] * relevant
    else:
        assert statuses == ["failed"] * 2 + ["parsed"] * (relevant + 1)


def test_bad_documents_fail_with_their_reason(stored_docs) -> None:
    config, docs = stored_docs
    by_path = {d.metadata["path"]: d for d in docs}
    broken = [by_path["zz-binary.html"], by_path["zz-blank.txt"]]
    got = list(analyse_in_processes(broken, config, gate=True, workers=2))
    assert [(a.status, a.error) for a in got] == [
        ("failed", "binary content: not text, HTML or PDF"),
        ("failed", "empty document"),
    ]


def test_order_kept_across_many_chunks(stored_docs) -> None:
    config, docs = stored_docs
    # Ten copies under distinct ids: many more chunks than the pool keeps in flight at once.
    many = [dataclasses.replace(d, id=f"{d.id}-{i}") for i in range(10) for d in docs]
    assert len(many) > CHUNK * 2 * 3
    got = list(analyse_in_processes(iter(many), config, gate=True, workers=2))
    assert [a.doc_id for a in got] == [d.id for d in many]
    first_round = [dataclasses.replace(a, doc_id=a.doc_id.rsplit("-", 1)[0]) for a in got[: len(docs)]]
    last_round = [dataclasses.replace(a, doc_id=a.doc_id.rsplit("-", 1)[0]) for a in got[-len(docs):]]
    assert first_round == last_round


def test_one_worker_and_empty_input(stored_docs) -> None:
    config, docs = stored_docs
    assert list(analyse_in_processes([], config, gate=True, workers=2)) == []
    assert list(analyse_in_processes(docs[:3], config, gate=True, workers=1)) == [
        analyse_document(d, config, gate=True) for d in docs[:3]
    ]


def test_processing_with_two_workers_stores_what_one_worker_stores(tmp_path):
    from datetime import datetime

    from pipeline.config import load_config, sample_config_path
    from pipeline.ingest import ingest_sources
    from pipeline.process import process_documents
    from storage.db import open_db

    now = datetime(2026, 4, 1, 8, 0)
    results = []
    for workers in (1, 2):
        config = load_config(sample_config_path(), db=tmp_path / f"w{workers}.duckdb")
        config.sources = [s for s in config.sources if s.kind == "inbox"]
        with open_db(config.db) as conn:
            ingest_sources(conn, config, now)
            report = process_documents(conn, config, now, workers=workers)
            statuses = conn.execute("SELECT url, status FROM documents ORDER BY url").fetchall()
            facts = conn.execute("SELECT d.url, f.company, f.metric, f.period, f.value, f.quote FROM facts f "
                                 "JOIN documents d ON d.id = f.document_id ORDER BY ALL").fetchall()
        results.append((report.parsed, report.irrelevant, report.failed, statuses, facts))
    assert results[0] == results[1]
    assert results[0][0] == 8 and len(results[0][4]) >= 37


def test_workers_fork_from_a_server_that_already_imported_the_parser(stored_docs) -> None:
    from pipeline.parallel import _start_pool

    config, _ = stored_docs
    pool = _start_pool(config, 1)
    try:
        assert pool._mp_context.get_start_method() == "forkserver"  # never a fork of this DuckDB-holding process
        # Forked from the preloaded server: the parser is there before the worker's first document.
        assert pool.submit(eval, "'trafilatura' in __import__('sys').modules").result()
    finally:
        pool.shutdown()
