"""Fixtures for metrics and alerts tests: a real migrated DuckDB file, facts stored the way the pipeline does."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from pipeline.models import Fact, FetchedDocument
from storage.db import connect, migrate
from storage.records import mark_document, replace_facts, upsert_document
from tests.support.slack_server import SlackStandIn

NOW = datetime(2026, 4, 1, 8, 0)


@pytest.fixture
def conn(db_path):
    """A fresh, migrated DuckDB file in this test's folder."""
    connection = connect(db_path)
    migrate(connection)
    yield connection
    connection.close()


@pytest.fixture
def slack():
    """A running Slack stand-in on 127.0.0.1."""
    with SlackStandIn() as stand_in:
        yield stand_in


def store(conn, name: str, facts: list[tuple], *, kind: str = "news", when: datetime = NOW,
          metadata: dict | None = None, title: str | None = None, url: str | None = None,
          reason: dict | None = None) -> tuple[str, set]:
    """Store one parsed document and its facts (company, metric, period, value, unit[, qualifier[, quote]]).

    Returns (document id, the metric keys touched); `reason` maps (metric, period) to a plausibility reason.
    """
    doc = FetchedDocument(source="test", url=url or f"https://news.example.org/{name}", raw=name.encode(),
                          content_type="text/plain", title=title or name, published_at=when, kind=kind,
                          metadata=metadata or {})
    doc_id = upsert_document(conn, doc, when).id
    built = []
    for i, row in enumerate(facts):
        company, metric, period, value, unit, *rest = row
        qualifier = rest[0] if rest else "eq"
        quote = rest[1] if len(rest) > 1 else f"{name}: {metric} {period} was {value} {unit}."
        built.append(Fact(company, metric, period, Decimal(str(value)), unit, qualifier, quote, i * 100,
                          i * 100 + len(quote), 0.9, (reason or {}).get((metric, period))))
    touched = replace_facts(conn, doc_id, built, "test-1")
    mark_document(conn, doc_id, status="parsed", processed_at=when, text=name)
    return doc_id, touched


def metric(conn, company: str, name: str, period: str) -> dict | None:
    """Return one metrics row as a dict, or None."""
    cur = conn.execute("SELECT * FROM metrics WHERE company = ? AND metric = ? AND period = ?",
                       [company, name, period])
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None
