"""OpenRouter token rankings: recorded format over loopback, per-date documents, share facts."""

import json
from datetime import datetime
from decimal import Decimal

import pytest

from pipeline.ingest import ingest_sources
from pipeline.process import process_documents
from pipeline.sources.openrouter import parse_rankings, split_by_date
from tests.sources.conftest import build_config

NOW = datetime(2026, 1, 8, 9, 0)
PATH = "/api/frontend/rankings"


def rows():
    return [
        {"date": "2026-01-06", "model_permaslug": "z-ai/glm-4.6", "total_prompt_tokens": 300, "total_completion_tokens": 100},
        {"date": "2026-01-06", "model_permaslug": "z-ai/glm-4.5-air", "total_tokens": 100},
        {"date": "2026-01-06", "model_permaslug": "deepseek/deepseek-v3.2", "total_tokens": 250},
        {"date": "2026-01-06", "model_permaslug": "anthropic/claude-sonnet-4.5", "total_tokens": 1250},
        {"date": "2026-01-07", "model": "z-ai/glm-4.6", "total_tokens": 600},
        {"date": "2026-01-07", "model": "minimax/minimax-m2", "total_tokens": 400},
    ]


def test_parse_rankings_volumes_and_shares(tmp_path):
    config = build_config(tmp_path, [])
    raw = json.dumps({"granularity": "day", "data": rows()}).encode()
    facts = {(f.company, f.metric, f.period): (f.value, f.unit) for f in parse_rankings(raw, {}, config)}
    assert facts == {
        ("zhipu", "token_volume", "2026-01-06"): (Decimal(500), "tokens"),
        ("zhipu", "token_share", "2026-01-06"): (Decimal("25.00"), "%"),
        ("deepseek", "token_volume", "2026-01-06"): (Decimal(250), "tokens"),
        ("deepseek", "token_share", "2026-01-06"): (Decimal("12.50"), "%"),
        ("openrouter", "token_volume", "2026-01-06"): (Decimal(2000), "tokens"),
        ("zhipu", "token_volume", "2026-01-07"): (Decimal(600), "tokens"),
        ("zhipu", "token_share", "2026-01-07"): (Decimal("60.00"), "%"),
        ("minimax", "token_volume", "2026-01-07"): (Decimal(400), "tokens"),
        ("minimax", "token_share", "2026-01-07"): (Decimal("40.00"), "%"),
        ("openrouter", "token_volume", "2026-01-07"): (Decimal(1000), "tokens"),
    }


def test_weekly_periods(tmp_path):
    raw = json.dumps({"granularity": "week", "data": rows()[:1]}).encode()
    assert {f.period for f in parse_rankings(raw, {}, build_config(tmp_path, []))} == {"2026-W02"}


@pytest.mark.parametrize("data, reason", [
    ({"rows": []}, "expected a 'data' list"),
    ({"data": [{"date": "yesterday", "model": "a/b", "total_tokens": 1}]}, "without an ISO date"),
    ({"data": [{"date": "2026-01-01", "model": "gpt", "total_tokens": 1}]}, "model slug"),
    ({"data": [{"date": "2026-01-01", "model": "a/b", "total_tokens": "many"}]}, "token counts"),
])
def test_wrong_shapes(data, reason):
    with pytest.raises(ValueError, match=reason):
        split_by_date(data)


def test_fetch_stores_one_document_per_date_and_is_conditional(loopback_server, http, tmp_path, db):
    s = loopback_server
    s.serve(PATH, json.dumps({"data": rows()}), content_type="application/json", etag='"r1"')
    config = build_config(tmp_path, [{"kind": "openrouter", "id": "or", "base_url": s.base_url}])
    report = ingest_sources(db, config, NOW, http=http)
    assert report.inserted == 2
    urls = [r[0] for r in db.execute("SELECT url FROM documents ORDER BY url").fetchall()]
    assert urls == [s.url(f"{PATH}?period=day#date=2026-01-06"), s.url(f"{PATH}?period=day#date=2026-01-07")]
    process_documents(db, config, NOW)
    share = db.execute("SELECT value, unit FROM facts WHERE company = 'zhipu' AND metric = 'token_share' "
                       "AND period = '2026-01-07'").fetchone()
    assert share == (60.0, "%")
    assert ingest_sources(db, config, NOW, http=http).inserted == 0
    assert s.requests[-1].headers["If-None-Match"] == '"r1"'


def test_bad_rankings_are_source_errors(loopback_server, http, tmp_path, db):
    s = loopback_server
    s.serve(PATH, '{"data": {"unexpected": true}}')
    config = build_config(tmp_path, [{"kind": "openrouter", "id": "or", "base_url": s.base_url}])
    report = ingest_sources(db, config, NOW, http=http)
    assert "wrong shape: expected a 'data' list of rows" in report.source_errors["or"]
    s.too_many(PATH, retry_after="2")
    report = ingest_sources(db, config, NOW, http=http)
    assert "HTTP 429" in report.source_errors["or"]
    assert db.execute("SELECT consecutive_errors FROM source_state WHERE source = 'or'").fetchone()[0] == 2
