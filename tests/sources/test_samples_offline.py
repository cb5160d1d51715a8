"""The embedded default reads its recorded feed, HKEX and OpenRouter responses with no network."""

from datetime import datetime

from pipeline.config import load_config
from pipeline.http import HttpClient, ReplayHttpClient
from pipeline.ingest import ingest_sources
from pipeline.process import process_documents
from pipeline.wiring import make_http

NOW = datetime(2026, 1, 13, 9, 0)


def test_make_http_picks_replay_for_recorded_sources(tmp_path):
    from pipeline.config import sample_config_path

    config = load_config(sample_config_path(), db=tmp_path / "m.duckdb")
    http = make_http(config, env={})
    assert isinstance(http, ReplayHttpClient) and http.fallback is None
    assert type(make_http(config, env={"MARKETMON_HTTP_REPLAY": ""})) is ReplayHttpClient
    live_only = load_config(sample_config_path(), db=tmp_path / "m.duckdb")
    for source in live_only.sources:
        source.options.pop("recorded", None)
    assert type(make_http(live_only, env={"MARKETMON_USER_AGENT": "a b@c.d"})) is HttpClient
    mixed = load_config(sample_config_path(), db=tmp_path / "m.duckdb")
    mixed.sources[1].options.pop("recorded")
    assert type(make_http(mixed, env={}).fallback) is HttpClient


def test_sample_sources_run_offline(tmp_path):
    from pipeline.config import sample_config_path
    from storage.db import open_db

    config = load_config(sample_config_path(), db=tmp_path / "m.duckdb")
    http = make_http(config, env={})
    with open_db(config.db) as conn:
        report = ingest_sources(conn, config, NOW, http=http, kinds={"rss", "hkex", "openrouter"})
        assert report.source_errors == {}
        assert report.per_source == {"sample-feed": 2, "hkex": 2, "openrouter": 3}
        process_documents(conn, config, NOW)
        text = conn.execute("SELECT text FROM documents WHERE url LIKE '%deepseek-kimi%'").fetchone()[0]
        assert "深度求索" in text  # GBK page behind a header claiming ISO-8859-1
        again = ingest_sources(conn, config, NOW, http=http, kinds={"rss", "hkex", "openrouter"})
        assert (again.inserted, again.updated, again.source_errors) == (0, 0, {})
