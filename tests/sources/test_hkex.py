"""HKEXnews against a loopback server serving the recorded sample responses (and broken ones)."""

import json
from datetime import datetime
from pathlib import Path

from pipeline.ingest import ingest_sources
from pipeline.process import process_documents
from pipeline.sources.hkex import parse_title_search
from storage.records import get_source_state
from tests.sources.conftest import build_config
from tests.sources.pdfs import corrupt_pdf, make_pdf

RECORDED = Path(__file__).resolve().parents[2] / "pipeline" / "samples" / "recorded"
NOW = datetime(2026, 1, 13, 9, 0)
TITLE_SEARCH = "/search/titleSearchServlet.do"


def hkex_source(server, **options):
    return {"kind": "hkex", "id": "hkex", "base_url": server.base_url, **options}


def filings(conn):
    return conn.execute(
        "SELECT url, status, error, metadata FROM documents WHERE kind = 'filing' ORDER BY url").fetchall()


def test_filings_of_watched_codes_are_stored_once_with_event_metadata(loopback_server, http, tmp_path, db):
    loopback_server.load_recorded(RECORDED)
    config = build_config(tmp_path, [hkex_source(loopback_server)])
    report = ingest_sources(db, config, NOW, http=http)
    assert report.source_errors == {} and report.inserted == 2
    rows = filings(db)
    assert [r[0].rsplit("/", 1)[1] for r in rows] == ["sehk25122100123.pdf", "2026011200917.pdf"]
    phip, announcement = (json.loads(r[3]) for r in rows)
    assert announcement == {
        "event": "new_filing", "exchange": "HKEX", "company": "zhipu",
        "filing_type": "Announcements and Notices - [Other - Business Update]", "stock_code": "02513",
        "news_id": "11920417", "title": "VOLUNTARY ANNOUNCEMENT - BUSINESS UPDATE",
        "link": loopback_server.url("/listedco/listconews/sehk/2026/0112/2026011200917.pdf"),
        "released_at": "2026-01-12T19:05:00+08:00", "backfill": True,
    }
    assert (phip["company"], phip["stage"], phip["filing_type"]) == (
        "minimax", "ipo_application", "Post Hearing Information Pack")
    assert loopback_server.hits("/app/sehk/2025/107950/documents/sehk25122000456.pdf") == 0  # not watched
    assert loopback_server.hits("/listedco/listconews/sehk/2026/0112/2026011200880.pdf") == 0
    state = get_source_state(db, "hkex", "hkex")
    assert state.validators["stock_ids"] == {"02513": 1000251, "00100": 1000100}
    assert state.cursor == "2026-01-12T19:05:00"
    query = next(r.query for r in loopback_server.requests if r.path == TITLE_SEARCH)
    assert "stockId=1000251" in query and "fromDate=20251214" in query and "toDate=20260113" in query

    process_documents(db, config, NOW)
    text, status = db.execute(
        "SELECT text, status FROM documents WHERE url LIKE '%2026011200917.pdf'").fetchone()
    assert status == "parsed" and "VOLUNTARY ANNOUNCEMENT - BUSINESS UPDATE" in text


def test_second_run_is_incremental(loopback_server, http, tmp_path, db):
    loopback_server.load_recorded(RECORDED)
    config = build_config(tmp_path, [hkex_source(loopback_server)])
    ingest_sources(db, config, NOW, http=http)
    report = ingest_sources(db, config, NOW, http=http)
    assert (report.inserted, report.updated, report.source_errors) == (0, 0, {})
    assert loopback_server.hits("/search/prefix.do") == 2  # stock ids looked up once, then kept
    assert loopback_server.hits("/listedco/listconews/sehk/2026/0112/2026011200917.pdf") == 1
    latest = [r for r in loopback_server.requests if r.path.endswith("lcisehk1relsde_1.json")]
    assert latest[-1].headers["If-None-Match"] == '"latest-20260112-1930"'
    query = [r.query for r in loopback_server.requests if r.path == TITLE_SEARCH][-1]
    assert "fromDate=20260110" in query  # from the cursor, with two days of overlap


def _title_search(rows):
    return json.dumps({"result": json.dumps(rows), "hasNextRow": False, "recordCnt": len(rows)})


def _row(news_id, link):
    return {"NEWS_ID": news_id, "STOCK_CODE": "02513", "TITLE": f"DOC {news_id}", "FILE_TYPE": "PDF",
            "LONG_TEXT": "Announcements and Notices", "DATE_TIME": "12/01/2026 10:00", "FILE_LINK": link}


def test_bad_pdfs_become_failed_documents_with_reasons(loopback_server, http, tmp_path, db):
    s = loopback_server
    s.serve("/search/prefix.do", 'callback({"stockInfo": [{"stockId": 7, "code": "02513"}]});')
    s.serve(TITLE_SEARCH, _title_search([_row("1", "/enc.pdf"), _row("2", "/corrupt.pdf"), _row("3", "/empty.pdf"),
                                         _row("4", "/missing.pdf"), _row("5", "/good.pdf")]))
    s.serve("/enc.pdf", make_pdf([["Zhipu secret"]], encrypted=True), content_type="application/pdf")
    s.serve("/corrupt.pdf", corrupt_pdf(), content_type="application/pdf")
    s.serve("/empty.pdf", b"", content_type="application/pdf")
    s.serve("/good.pdf", make_pdf([["Knowledge Atlas announcement"], ["page two"]]), content_type="application/pdf")
    config = build_config(tmp_path, [hkex_source(s, latest=False, ipo=False)],
                          watchlist=[{"id": "zhipu", "names": ["Knowledge Atlas", "Zhipu"], "hkex": "2513"}])
    report = ingest_sources(db, config, NOW, http=http)
    assert report.inserted == 5 and report.fetch_errors == 1
    process_documents(db, config, NOW)
    outcome = {url.rsplit("/", 1)[1]: (status, error) for url, status, error, _ in filings(db)}
    assert outcome["enc.pdf"] == ("failed", "encrypted PDF: no password")
    assert outcome["corrupt.pdf"][0] == "failed" and outcome["corrupt.pdf"][1].startswith("corrupt PDF")
    assert outcome["empty.pdf"] == ("failed", "empty document")
    assert outcome["missing.pdf"] == ("failed", f"HTTP 404 from {s.url('/missing.pdf')}")
    assert outcome["good.pdf"] == ("parsed", None)
    state = get_source_state(db, "hkex", "hkex")
    assert state.validators["failures"] == {"4": 1} and sorted(state.validators["seen"]) == ["1", "2", "3", "5"]


def test_wrong_shape_json_is_recorded_and_the_rest_kept(loopback_server, http, tmp_path, db):
    s = loopback_server
    s.load_recorded(RECORDED)
    s.serve("/ncms/json/eds/lcisehk1relsde_1.json", '{"newsInfo": "renamed"}')
    s.serve("/ncms/json/eds/appactive_app_sehk_e.json", "<html>maintenance</html>")
    config = build_config(tmp_path, [hkex_source(s)])
    report = ingest_sources(db, config, NOW, http=http)
    assert report.source_errors == {}
    errors = {url.rsplit("/", 1)[1]: error for url, status, error, _ in filings(db) if status == "failed"}
    assert errors["lcisehk1relsde_1.json"] == \
        "wrong shape: latest listings: expected an object with a 'newsInfoLst' list"
    assert errors["appactive_app_sehk_e.json"].startswith("invalid JSON from")
    assert db.execute("SELECT count(*) FROM documents WHERE url LIKE '%2026011200917.pdf'").fetchone()[0] == 1


def test_whole_source_failing_is_a_source_error(loopback_server, http, tmp_path, db):
    s = loopback_server
    s.route("/search/prefix.do")
    s.too_many("/ncms/json/eds/lcisehk1relsde_1.json", retry_after="1")
    s.serve("/ncms/json/eds/appactive_app_sehk_e.json", "[]")
    config = build_config(tmp_path, [hkex_source(s)])
    report = ingest_sources(db, config, NOW, http=http)
    assert set(report.source_errors) == {"hkex"}
    error, count = db.execute("SELECT last_error, consecutive_errors FROM source_state").fetchone()
    assert "HTTP 429" in error and "HTTP 404" in error and count == 1
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_title_search_shapes():
    codes = {"02513": "zhipu"}
    assert parse_title_search({"result": "null", "recordCnt": 0}, "https://h", codes) == []
    [f] = parse_title_search({"result": [_row("9", "/x.pdf") | {"STOCK_CODE": "02513<br/>80513"}]}, "https://h", codes)
    assert (f.key, f.link, f.released, f.company) == ("9", "https://h/x.pdf", datetime(2026, 1, 12, 10, 0), "zhipu")
