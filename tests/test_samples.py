"""The embedded default end to end: the bundled samples into a real DuckDB file, twice."""

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from rich.console import Console

from alerts.console import ConsoleSender
from pipeline.config import load_config, sample_config_path
from pipeline.runner import run_pipeline
from storage.query import run_query

NOW = datetime(2026, 4, 1, 8, 0)
SAMPLES = sample_config_path().parent


@pytest.fixture
def config(db_path):
    cfg = load_config(sample_config_path(), db=db_path)
    # Only the inbox: this test is about the flow, not the (replayed) network sources.
    cfg.sources = [s for s in cfg.sources if s.kind == "inbox"]
    return cfg


def _run(config, when=NOW):
    out = io.StringIO()
    sender = ConsoleSender(Console(file=out, width=200, color_system=None))
    return run_pipeline(config, sender=sender, now=when), out.getvalue()


def _facts(db):
    _, rows = run_query(db, "SELECT company, metric, period, value, unit FROM facts WHERE reason IS NULL")
    return {(c, m, p, round(v, 4), u) for c, m, p, v, u in rows}


def test_the_samples_give_their_labelled_facts(config, db_path):
    summary, _ = _run(config)
    expected = list(csv.DictReader((SAMPLES / "expected_facts.csv").open(encoding="utf-8")))
    stored = _facts(db_path)
    found = [row for row in expected
             if (row["company"], row["metric"], row["period"], round(float(row["value"]), 4), row["unit"]) in stored]
    assert len(found) / len(expected) >= 0.95, sorted(
        set((r["doc"], r["metric"], r["period"], r["value"]) for r in expected) -
        set((r["doc"], r["metric"], r["period"], r["value"]) for r in found))
    for key in [("zhipu", "revenue", "FY2022", 57400000.0, "CNY"),
                ("zhipu", "revenue", "FY2024", 312400000.0, "CNY"),
                ("zhipu", "revenue_share.on_premise", "2025H1", 84.8, "%"),
                ("zhipu", "daily_token_volume", "2025H1", 4.6e12, "tokens/day"),
                ("minimax", "revenue", "2025Q1-Q3", 53440000.0, "USD")]:
        assert key in stored
    assert summary.process.irrelevant == 1  # the weather page names no watched company
    assert summary.process.failed == 0


def test_metrics_show_consensus_and_the_conflict(config, db_path):
    _run(config)
    _, rows = run_query(db_path, "SELECT value, n_sources, min_value, max_value, conflict FROM latest_metrics "
                                 "WHERE company = 'zhipu' AND metric = 'revenue_share.on_premise' AND period = '2025H1'")
    value, n, lo, hi, conflict = rows[0]
    assert (n, lo, hi, conflict) == (2, 84.5, 84.8, True)
    assert value == pytest.approx(84.65)
    _, mix = run_query(db_path, "SELECT period, on_premise_pct, cloud_pct FROM revenue_mix WHERE company = 'zhipu' "
                                "ORDER BY period")
    assert ("FY2025", 72.0, 28.0) in mix
    _, revenue = run_query(db_path, "SELECT value, n_sources FROM latest_metrics WHERE company = 'zhipu' "
                                    "AND metric = 'revenue' AND period = 'FY2024'")
    assert revenue == [(312400000.0, 2)]


def test_the_samples_raise_the_expected_alerts_once(config, db_path):
    summary, printed = _run(config)
    _, rows = run_query(db_path, "SELECT rule, company, metric, period, status, quote, document_url FROM alerts")
    alerts = {(r[0], r[1], r[2], r[3]) for r in rows}
    assert ("revenue_mix_shift", "zhipu", "revenue_share.cloud", "FY2025") in alerts
    assert ("token_volume_milestone", "zhipu", "daily_token_volume", "2026-03") in alerts
    assert ("sources_disagree", "zhipu", "revenue_share.on_premise", "2025H1") in alerts
    assert all(r[4] == "sent" for r in rows)
    assert all(r[5] and r[6] for r in rows), "every alert carries its sentence and document"
    assert summary.alerts_new == len(rows) == summary.delivery.sent
    # The console shows the sentence and the document each alert came from.
    assert "28%" in printed and "2026-03-31-zhipu-annual-results.md" in printed

    again, printed_again = _run(config, NOW.replace(hour=9))
    assert not again.changed_anything
    assert (again.ingest.inserted, again.process.parsed, again.alerts_new, again.delivery.sent) == (0, 0, 0, 0)
    assert printed_again == ""
    _, count = run_query(db_path, "SELECT count(*) FROM alerts")
    assert count[0][0] == len(rows)


def test_a_second_run_stores_nothing_new(config, db_path):
    _run(config)
    tables = ["documents", "facts", "metrics", "alerts"]
    before = {t: run_query(db_path, f"SELECT * FROM {t} ORDER BY ALL")[1] for t in tables}
    _run(config, NOW.replace(hour=9))
    after = {t: run_query(db_path, f"SELECT * FROM {t} ORDER BY ALL")[1] for t in tables}
    assert after == before


def test_bad_inbox_files_are_recorded_and_the_good_ones_processed(config, db_path, tmp_path):
    inbox = Path(config.sources[0].options["path"])
    bad = tmp_path / "inbox"
    bad.mkdir()
    for doc in inbox.iterdir():
        (bad / doc.name).write_bytes(doc.read_bytes())
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.html").write_bytes(bytes(range(256)) * 40)
    (bad / "undecodable.txt").write_bytes(bytes([0x81, 0xFF, 0xFE, 0x80]) * 3000)
    (bad / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    unreadable = bad / "secret.md"
    unreadable.write_text("智谱 2024年收入为3.124亿元")
    unreadable.chmod(0)
    config.sources[0].options["path"] = str(bad)
    summary, _ = _run(config)
    _, failed = run_query(db_path, "SELECT url, error FROM documents WHERE status = 'failed' ORDER BY url")
    reasons = {Path(url).name: error for url, error in failed}
    assert reasons["empty.txt"] == "empty document"
    assert reasons["binary.html"].startswith("binary content")
    assert reasons["undecodable.txt"].startswith("undecodable")
    assert reasons["broken.pdf"].startswith("corrupt PDF")
    import os
    if os.geteuid() != 0:  # root reads a chmod-0 file anyway
        assert reasons["secret.md"].startswith("unreadable")
    assert summary.process.failed == len(failed) >= 4
    assert ("zhipu", "revenue", "FY2024", 312400000.0, "CNY") in _facts(db_path)


def test_reprocess_re_extracts_from_stored_raw_without_refetching_or_realerting(config, db_path):
    from storage.db import open_db, transaction
    from storage.records import reset_for_reprocess

    _run(config)
    facts = _facts(db_path)
    with open_db(db_path) as conn, transaction(conn):
        assert reset_for_reprocess(conn, outdated_than="no-such-version") == 9
    config.sources[0].options["path"] = "/nonexistent/inbox"  # proves nothing is fetched
    out = io.StringIO()
    summary = run_pipeline(config, sender=ConsoleSender(Console(file=out)), now=NOW.replace(hour=10),
                           fetch=False, command="reprocess")
    assert (summary.process.parsed, summary.process.irrelevant, summary.alerts_new) == (8, 1, 0)
    assert _facts(db_path) == facts
    assert out.getvalue() == ""


def test_a_document_that_breaks_storing_is_failed_and_the_rest_stored(config, db_path, monkeypatch):
    import pipeline.process as process

    real = process.store_analysis

    def store_or_break(conn, doc, analysis, now, report):
        if doc.url.endswith("2025-12-21-zhipu-rd-losses.html"):
            raise RuntimeError("injected storage fault")
        return real(conn, doc, analysis, now, report)

    monkeypatch.setattr(process, "store_analysis", store_or_break)
    summary, _ = _run(config)
    _, rows = run_query(db_path, "SELECT url, status, error FROM documents WHERE status = 'failed'")
    assert [(r[0].rsplit("/", 1)[1], r[2]) for r in rows] == [
        ("2025-12-21-zhipu-rd-losses.html", "internal error while storing: RuntimeError: injected storage fault")]
    assert summary.process.parsed == 7 and summary.process.failed == 1
    stored = _facts(db_path)
    assert ("zhipu", "revenue", "FY2022", 57400000.0, "CNY") in stored  # stored before the poison
    assert ("zhipu", "revenue_share.cloud", "FY2025", 28.0, "%") in stored  # stored after it
    assert not any(metric == "rd_expense" for _, metric, *_ in stored)
