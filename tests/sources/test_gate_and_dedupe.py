"""The relevance gate, canonical-URL and near-duplicate linking, on a real DuckDB file."""

from datetime import datetime
from pathlib import Path

from pipeline.dedupe import canonical_url, find_canonical_link, fingerprint, is_near_duplicate
from pipeline.ingest import ingest_sources
from pipeline.models import FetchedDocument
from pipeline.process import process_documents
from storage.records import upsert_document
from tests.sources.conftest import build_config

NOW = datetime(2026, 1, 8, 9, 0)
SAMPLES = Path(__file__).resolve().parents[2] / "pipeline" / "samples"
ORIGINAL = (SAMPLES / "inbox" / "2025-12-23-minimax-prospectus.txt").read_text(encoding="utf-8")
REPRINT = (SAMPLES / "recorded" / "feed" / "minimax-ipo-filing.html").read_text(encoding="utf-8")
OTHER = (SAMPLES / "inbox" / "2025-12-22-zhipu-tokens.html").read_text(encoding="utf-8")


def hamming(a: int, b: int) -> int:
    """Differing bits of two 64-bit fingerprints (what near_duplicate_candidates counts with bit_count in SQL)."""
    return bin((a ^ b) & (2**64 - 1)).count("1")


def test_irrelevant_document_is_stored_irrelevant_and_never_parsed(loopback_server, http, tmp_path, db):
    s = loopback_server
    s.serve("/weather.html", "<html><head><title>Snow</title></head><body><article><p>Snow is expected in the "
            "mountains, with delays on some rail routes.</p></article></body></html>", content_type="text/html")
    s.serve("/zhipu.html", "<html><head><title>Z</title></head><body><article><p>Zhipu AI opened a new office."
            "</p></article></body></html>", content_type="text/html")
    config = build_config(tmp_path, [{"kind": "page", "id": "w", "url": s.url("/weather.html")},
                                     {"kind": "page", "id": "z", "url": s.url("/zhipu.html")}])
    ingest_sources(db, config, NOW, http=http)
    report = process_documents(db, config, NOW)
    assert (report.irrelevant, report.parsed) == (1, 1)
    rows = dict((r[0], r[1:]) for r in db.execute(
        "SELECT source, status, text, lang, extractor_version FROM documents").fetchall())
    # Never parsed: no text, no language, no extractor ran; the raw bytes are kept for a later reprocess.
    assert rows["w"] == ("irrelevant", None, None, None)
    assert rows["z"][0] == "parsed" and "new office" in rows["z"][1]
    assert db.execute("SELECT count(*) FROM facts JOIN documents d ON d.id = document_id "
                      "WHERE d.source = 'w'").fetchone()[0] == 0
    assert db.execute("SELECT octet_length(raw) > 0 FROM documents WHERE source = 'w'").fetchone()[0]


def test_gate_can_be_turned_off(tmp_path, db):
    config = build_config(tmp_path, [])
    upsert_document(db, FetchedDocument("x", "https://a/1", b"Snow in the mountains today.", "text/plain"), NOW)
    assert process_documents(db, config, NOW, gate=False).parsed == 1


def test_canonical_url():
    assert canonical_url("HTTPS://News.Example.org:443/a/b.html?utm_source=rss&id=3&fbclid=x#top") == \
        "https://news.example.org/a/b.html?id=3"
    assert canonical_url("../c.html?spm=1", "http://h:8080/a/b/") == "http://h:8080/a/c.html"
    html = '<head><link href="/story?id=1&amp;utm_medium=s" rel="canonical"></head>'
    assert find_canonical_link(html, "https://h/x") == "https://h/story?id=1"
    assert find_canonical_link('<link rel="canonical" href="javascript:alert(1)">', "https://h/") is None


def test_reprint_is_a_near_duplicate_and_another_article_is_not():
    from pipeline.parse import parse_document

    reprint_text = parse_document(REPRINT.encode(), "text/html").text
    other_text = parse_document(OTHER.encode(), "text/html").text
    assert is_near_duplicate(ORIGINAL, reprint_text)
    assert not is_near_duplicate(ORIGINAL, other_text)
    a, b, c = fingerprint(ORIGINAL), fingerprint(reprint_text), fingerprint(other_text)
    assert hamming(a.simhash, b.simhash) < hamming(a.simhash, c.simhash)
    assert fingerprint("too short") is None


def test_reprint_processed_first_is_demoted_to_a_duplicate_of_the_original(tmp_path, db):
    config = build_config(tmp_path, [])
    # The reprint has a feed date, the inbox original has none yet, so the reprint is processed first.
    upsert_document(db, FetchedDocument("feed", "https://news.example.org/minimax.html", REPRINT.encode(),
                                        "text/html", "Reprint", datetime(2025, 12, 24, 0, 0)), NOW)
    original = upsert_document(db, FetchedDocument("inbox", "file:///inbox/minimax.txt", ORIGINAL.encode(),
                                                   "text/plain"), NOW)
    report = process_documents(db, config, NOW)
    rows = dict(db.execute("SELECT source, status FROM documents").fetchall())
    assert rows == {"feed": "duplicate", "inbox": "parsed"}
    assert db.execute("SELECT duplicate_of FROM documents WHERE source = 'feed'").fetchone()[0] == original.id
    assert db.execute("SELECT count(*) FROM facts f JOIN documents d ON d.id = f.document_id "
                      "WHERE d.source = 'feed'").fetchone()[0] == 0
    assert report.duplicate == 1
    # A third copy, processed later, links straight to the original.
    upsert_document(db, FetchedDocument("feed2", "https://mirror.example.org/m.html", REPRINT.encode() + b"<!-- -->",
                                        "text/html", "Copy", datetime(2025, 12, 25)), NOW)
    process_documents(db, config, NOW)
    assert db.execute("SELECT status, duplicate_of FROM documents WHERE source = 'feed2'").fetchone() == \
        ("duplicate", original.id)


def test_same_canonical_url_is_a_duplicate(tmp_path, db):
    config = build_config(tmp_path, [])
    for source, url, raw in (("a", "https://m.example.org/1", b"Zhipu news, mobile page."),
                             ("b", "https://www.example.org/1?utm_source=x", b"Zhipu news, desktop page.")):
        upsert_document(db, FetchedDocument(source, url, raw, "text/plain",
                                            metadata={"canonical_url": "https://example.org/1"}), NOW)
    process_documents(db, config, NOW)
    rows = db.execute("SELECT id, status, duplicate_of, canonical_url FROM documents ORDER BY status").fetchall()
    (dup_id, dup_status, dup_of, canon), (first_id, first_status, _, _) = rows
    assert (dup_status, first_status, dup_of, canon) == ("duplicate", "parsed", first_id, "https://example.org/1")


def _zhipu(i: int, metadata=None, raw: bytes | None = None) -> FetchedDocument:
    return FetchedDocument(f"s{i}", f"https://s{i}.example.org/z", raw or f"Zhipu news number {i}.".encode(),
                           "text/plain", metadata=metadata or {})


def test_twins_fed_in_one_pass_point_at_the_first_whether_in_flight_or_not(tmp_path, db):
    config = build_config(tmp_path, [])
    canonical = {"canonical_url": "https://example.org/zhipu"}
    docs = [_zhipu(0, raw=b"Zhipu opened an office."), _zhipu(1, canonical), _zhipu(2, raw=b"Zhipu opened an office."),
            _zhipu(3, canonical), _zhipu(4)]
    ids = [upsert_document(db, d, NOW.replace(minute=i)).id for i, d in enumerate(docs)]
    report = process_documents(db, config, NOW, workers=2)
    rows = dict((r[0], r[1:]) for r in db.execute("SELECT id, status, duplicate_of FROM documents").fetchall())
    assert [rows[i] for i in ids] == [("parsed", None), ("parsed", None), ("duplicate", ids[0]),
                                      ("duplicate", ids[1]), ("parsed", None)]
    assert (report.parsed, report.duplicate) == (3, 2)


def test_a_storing_fault_keeps_the_batch_including_known_duplicates(tmp_path, db, monkeypatch):
    import pipeline.process as process

    config = build_config(tmp_path, [])
    first = upsert_document(db, _zhipu(0), NOW).id
    process_documents(db, config, NOW)
    copy = upsert_document(db, _zhipu(1, raw=b"Zhipu news number 0."), NOW).id  # a duplicate known before analysis
    poison = upsert_document(db, _zhipu(2), NOW).id
    later = upsert_document(db, _zhipu(3), NOW).id
    real = process.store_analysis

    def store_or_break(conn, doc, analysis, now, report):
        if doc.id == poison:
            raise RuntimeError("injected storage fault")
        return real(conn, doc, analysis, now, report)

    monkeypatch.setattr(process, "store_analysis", store_or_break)
    report = process_documents(db, config, NOW.replace(hour=10))
    rows = dict((r[0], r[1:]) for r in db.execute("SELECT id, status, duplicate_of, error FROM documents").fetchall())
    assert rows[copy] == ("duplicate", first, None)
    assert rows[poison] == ("failed", None, "internal error while storing: RuntimeError: injected storage fault")
    assert rows[later][0] == "parsed"
    assert (report.parsed, report.duplicate, report.failed) == (1, 1, 1)
