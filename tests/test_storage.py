"""Storage on a real DuckDB file: migrations, idempotent upserts, read-only queries."""

from datetime import datetime
from decimal import Decimal

import pytest

from pipeline.models import Fact, FetchedDocument
from storage.db import (
    StorageError,
    available_migrations,
    connect,
    migrate,
    open_db,
    schema_version,
    transaction,
)
from storage.query import QueryError, run_query
from storage.records import (
    documents_by_id,
    find_duplicates,
    get_source_state,
    known_values,
    mark_document,
    mark_documents,
    nearest_known,
    record_source_error,
    record_source_success,
    replace_facts,
    upsert_document,
    upsert_documents,
)

NOW = datetime(2026, 1, 8, 12, 0)
TABLES = {"documents", "facts", "metrics", "alerts", "runs", "source_state", "schema_migrations"}
VIEWS = {"latest_metrics", "revenue_mix", "token_volume", "conflicting_sources", "source_health", "fact_sources"}


def test_migrations_from_empty_create_every_table_and_view(db_path):
    conn = connect(db_path)
    assert schema_version(conn) == 0
    applied = migrate(conn)
    assert applied == [v for v, _, _ in available_migrations()]
    names = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert TABLES <= names
    assert VIEWS <= names
    assert schema_version(conn) == max(applied)
    assert migrate(conn) == []  # forward-only and idempotent
    conn.close()


def test_views_answer_on_an_empty_database(db_path):
    with open_db(db_path) as conn:
        for view in VIEWS:
            assert conn.execute(f"SELECT count(*) FROM {view}").fetchone()[0] == 0


def _doc(raw=b"<p>hello</p>", url="https://example.org/a"):
    return FetchedDocument(source="test", url=url, raw=raw, content_type="text/html")


def test_upserting_the_same_document_twice_changes_nothing(db_path):
    with open_db(db_path) as conn:
        first = upsert_document(conn, _doc(), NOW)
        before = conn.execute("SELECT * FROM documents").fetchall()
        second = upsert_document(conn, _doc(), NOW.replace(hour=13))
        assert (first.outcome, second.outcome) == ("inserted", "unchanged")
        assert conn.execute("SELECT * FROM documents").fetchall() == before


def test_changed_content_at_the_same_url_updates_the_document_and_resets_it(db_path):
    with open_db(db_path) as conn:
        doc_id = upsert_document(conn, _doc(), NOW).id
        conn.execute("UPDATE documents SET status = 'parsed', text = 'old' WHERE id = ?", [doc_id])
        assert upsert_document(conn, _doc(raw=b"<p>changed</p>"), NOW).outcome == "updated"
        row = conn.execute("SELECT status, text, raw FROM documents WHERE id = ?", [doc_id]).fetchone()
        assert row == ("new", None, b"<p>changed</p>")
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def _fact(value="312400000", period="FY2024", quote="2024年收入为3.124亿元"):
    return Fact("zhipu", "revenue", period, Decimal(value), "CNY", "eq", quote, 0, len(quote), 0.9)


def test_a_batch_upsert_does_what_one_upsert_per_document_does(tmp_path):
    docs = [_doc(url="https://example.org/kept"), _doc(url="https://example.org/changed"),
            FetchedDocument("test", "https://example.org/new", b"<p>new</p>", "text/html", "T", NOW, "filing",
                            {"canonical_url": "https://example.org/n", "path": "\u6587.html"}),
            _doc(b"<p>v1</p>", url="https://example.org/twice"), _doc(b"<p>v2</p>", url="https://example.org/twice"),
            FetchedDocument("test", "https://example.org/broken", b"", error="HTTP 500")]
    tables = []
    for name, store in (("one", lambda c, batch: [upsert_document(c, d, NOW) for d in batch]),
                        ("batch", lambda c, batch: upsert_documents(c, batch, NOW))):
        with open_db(tmp_path / f"{name}.duckdb") as conn:
            assert [d.outcome for d in store(conn, docs[:2])] == ["inserted", "inserted"]
            again = [docs[0], _doc(b"<p>changed</p>", url="https://example.org/changed"), *docs[2:]]
            outcomes = [(d.id, d.outcome) for d in store(conn, again)]
            tables.append((outcomes, conn.execute("SELECT * EXCLUDE (fetched_at) FROM documents ORDER BY id").fetchall()))
    assert tables[0] == tables[1]
    outcomes, rows = tables[1]
    assert [o for _, o in outcomes] == ["unchanged", "updated", "inserted", "inserted", "updated", "inserted"]
    by_url = {r[3]: r for r in rows}  # id, source, kind, url, canonical_url, ..., raw (10), text, status, error
    assert by_url["https://example.org/new"][4] == "https://example.org/n"  # canonical URL stored at ingest
    assert bytes(by_url["https://example.org/twice"][10]) == b"<p>v2</p>"
    assert by_url["https://example.org/broken"][12:14] == ("failed", "HTTP 500")


def test_batch_duplicate_lookup_finds_the_first_processed_copy_by_bytes_or_canonical_url(db_path):
    with open_db(db_path) as conn:
        first = upsert_document(conn, _doc(url="https://a.example/1"), NOW).id
        later = upsert_document(conn, _doc(url="https://b.example/1"), NOW.replace(hour=13)).id
        canon = upsert_document(conn, FetchedDocument("test", "https://c.example/1", b"<p>other</p>",
                                                      metadata={"canonical_url": "https://c.example/c"}), NOW).id
        failed = upsert_document(conn, _doc(b"<p>failed</p>", url="https://d.example/1"), NOW).id
        mark_documents(conn, [(first, "parsed", None, None), (later, "irrelevant", None, None),
                              (canon, "parsed", None, None), (failed, "failed", "bad", None)], NOW)
        pending = [upsert_document(conn, d, NOW).id for d in (
            _doc(url="https://e.example/1"),  # the same bytes as first and later
            FetchedDocument("test", "https://f.example/1", b"<p>new</p>", metadata={"canonical_url": "https://c.example/c"}),
            _doc(b"<p>failed</p>", url="https://g.example/1"),  # a failed copy is no original
        )]
        docs = documents_by_id(conn, pending)
        assert find_duplicates(conn, docs) == {pending[0]: first, pending[1]: canon}
        assert find_duplicates(conn, []) == {}


def test_bulk_marks_equal_one_mark_per_document(tmp_path):
    marks = [("irrelevant", None, None), ("failed", "empty document", None), ("duplicate", None, "x")]
    tables = []
    for name in ("one", "bulk"):
        with open_db(tmp_path / f"{name}.duckdb") as conn:
            ids = [upsert_document(conn, _doc(url=f"https://example.org/{i}"), NOW).id for i in range(3)]
            mark_document(conn, ids[0], status="parsed", processed_at=NOW, text="t", title="T", extractor_version="v")
            rows = [(i, *m) for i, m in zip(ids, marks, strict=True)]
            if name == "one":
                for doc_id, status, error, original in rows:
                    mark_document(conn, doc_id, status=status, error=error, duplicate_of=original, processed_at=NOW)
            else:
                mark_documents(conn, rows, NOW)
            tables.append(conn.execute("SELECT * FROM documents ORDER BY id").fetchall())
    assert tables[0] == tables[1]


def test_replacing_facts_twice_leaves_the_same_rows(db_path):
    with open_db(db_path) as conn:
        doc_id = upsert_document(conn, _doc(), NOW).id
        facts = [_fact(), _fact("124500000", "FY2023"), _fact()]  # the duplicate is stored once
        touched = replace_facts(conn, doc_id, facts, "v1")
        rows = conn.execute("SELECT * FROM facts ORDER BY period").fetchall()
        assert touched == {("zhipu", "revenue", "FY2024"), ("zhipu", "revenue", "FY2023")}
        replace_facts(conn, doc_id, facts, "v1")
        assert conn.execute("SELECT * FROM facts ORDER BY period").fetchall() == rows
        assert [(r[3], r[4]) for r in rows] == [("FY2023", 124500000.0), ("FY2024", 312400000.0)]


def test_known_values_come_from_other_documents_trusted_facts_nearest_period_first(db_path):
    with open_db(db_path) as conn:
        first = upsert_document(conn, _doc(url="https://example.org/1"), NOW).id
        second = upsert_document(conn, _doc(b"<p>two</p>", url="https://example.org/2"), NOW).id
        replace_facts(conn, first, [_fact("57400000", "FY2022"), _fact("312400000", "FY2024")], "v1")
        flagged = Fact("zhipu", "revenue", "FY2023", Decimal("21.9"), "CNY", "eq", "21.9", 0, 4, 0.2, reason="truncated")
        replace_facts(conn, second, [flagged, Fact("minimax", "revenue", "FY2024", Decimal("30520000"), "USD", "eq",
                                                   "q", 0, 1, 0.9)], "v1")
        known = known_values(conn, [("zhipu", "revenue"), ("zhipu", "revenue"), ("minimax", "revenue"),
                                    ("zhipu", "rd_expense")], before_document=second)
        assert set(known) == {("zhipu", "revenue"), ("minimax", "revenue"), ("zhipu", "rd_expense")}
        assert sorted(v for _, _, v in known[("zhipu", "revenue")]) == [57400000.0, 312400000.0]  # flagged left out
        assert known[("minimax", "revenue")] == [] and known[("zhipu", "rd_expense")] == []  # own document left out
        zhipu = known[("zhipu", "revenue")]
        assert nearest_known(zhipu, "FY2023") in (57400000.0, 312400000.0)
        assert nearest_known(zhipu, "2025H1") == 312400000.0
        assert nearest_known(zhipu, "2022H1") == 57400000.0
        assert nearest_known(zhipu, None) == 312400000.0  # no period: the latest
        assert nearest_known([], "FY2024") is None
        assert known_values(conn, []) == {}


def test_quotes_and_semicolons_in_values_are_stored_verbatim(db_path):
    nasty = "'; DROP TABLE facts; --\"收入"
    with open_db(db_path) as conn:
        doc_id = upsert_document(conn, _doc(url=f"https://example.org/{nasty}"), NOW).id
        replace_facts(conn, doc_id, [_fact(quote=nasty)], "v1")
        assert conn.execute("SELECT quote FROM facts").fetchone()[0] == nasty
        assert conn.execute("SELECT url FROM documents").fetchone()[0].endswith(nasty)


def test_source_state_counts_errors_and_resets_on_success(db_path):
    with open_db(db_path) as conn:
        record_source_error(conn, "feed", "rss", NOW, "HTTP 500")
        record_source_error(conn, "feed", "rss", NOW, "HTTP 503")
        state = get_source_state(conn, "feed", "rss")
        assert (state.consecutive_errors, state.last_error) == (2, "HTTP 503")
        state.etag = '"abc"'
        record_source_success(conn, state, NOW, 3)
        state = get_source_state(conn, "feed", "rss")
        assert (state.consecutive_errors, state.last_error, state.etag) == (0, None, '"abc"')


def test_a_transaction_that_fails_stores_nothing(db_path):
    with open_db(db_path) as conn:
        with pytest.raises(RuntimeError), transaction(conn):
            upsert_document(conn, _doc(), NOW)
            raise RuntimeError("boom")
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


@pytest.mark.parametrize("sql", [
    "DELETE FROM facts", "DROP TABLE facts", "INSERT INTO runs VALUES (1)", "COPY facts TO 'x.csv'",
    "SELECT 1; DELETE FROM facts", "ATTACH 'other.duckdb'", "CREATE TABLE t (a INT)",
])
def test_query_refuses_anything_but_reading(db_path, sql):
    with open_db(db_path):
        pass
    with pytest.raises(QueryError, match="read-only"):
        run_query(db_path, sql)


def test_query_reads_with_parameters(db_path):
    with open_db(db_path) as conn:
        upsert_document(conn, _doc(), NOW)
    columns, rows = run_query(db_path, "SELECT url FROM documents WHERE source = ?", ["test"])
    assert (columns, rows) == (["url"], [("https://example.org/a",)])


def test_an_unopenable_database_is_a_storage_error_naming_the_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match=str(blocker)):
        connect(blocker / "db.duckdb")
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError, match="garbage.duckdb"):
        connect(garbage)
