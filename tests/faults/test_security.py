"""Security through the real console script: secrets never leak, SQL is parameterized for every user-supplied
field, `marketmon query` cannot write, Slack text is neutralised, only http(s) is fetched and feed links to
private addresses are refused unless allowed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.faults.conftest import (
    assert_clean,
    copy_samples,
    read_db,
    record_figure,
    run_marketmon,
    write_config,
)

TOKEN = "xoxb-SECRET-9f8e7d6c5b4a-token"
HOSTILE = "x'); DROP TABLE documents; --\"; DELETE FROM facts WHERE '1'='1"


def test_secrets_never_reach_output_logs_or_the_database(tmp_path: Path, slack):
    inbox = tmp_path / "inbox"
    copy_samples(inbox)
    config = write_config(tmp_path, sources=[{"kind": "inbox", "id": "inbox", "path": str(inbox)}])
    slack.token = TOKEN
    webhook_secret = "T0SECRET/B0SECRET/hooksecretvalue123"
    outputs = []
    # The bot token (with a 500 first, so an error path is logged too), then a webhook URL that fails.
    slack.fail_next(1, status=500, methods={"chat.postMessage"})
    for args in (["-v", "run", "--config", str(config)], ["-v", "run", "--config", str(config)],
                 ["-v", "status", "--config", str(config), "--live"]):
        result = run_marketmon(*args, cwd=tmp_path, env=slack.bot_env())
        assert_clean(result)
        outputs.append(result.output)
    (inbox / "more.txt").write_text("截至2033年1月1日，智谱员工总数为900人。", encoding="utf-8")
    bad_hook = {"SLACK_WEBHOOK_URL": f"{slack.url}nowhere/{webhook_secret}"}
    result = run_marketmon("-v", "run", "--config", str(config), cwd=tmp_path, env=bad_hook)
    assert_clean(result)
    outputs.append(result.output)
    db = tmp_path / "marketmon.duckdb"
    assert read_db(db, "SELECT count(*) FROM alerts WHERE status = 'sent'")[0][0] >= 1
    for text in outputs:
        assert TOKEN not in text and webhook_secret not in text
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix != ".png"]
    for path in files:
        data = path.read_bytes()
        assert TOKEN.encode() not in data and webhook_secret.encode() not in data, path
    tables = [t for (t,) in read_db(db, "SELECT table_name FROM information_schema.tables "
                                        "WHERE table_schema = 'main' AND table_type = 'BASE TABLE'")]
    for table in tables:
        dump = json.dumps(read_db(db, f'SELECT * FROM "{table}"'), default=str)
        assert TOKEN not in dump and webhook_secret not in dump, table
    record_figure(f"security: secrets absent from {len(outputs)} verbose outputs, {len(files)} files "
                  f"(DuckDB bytes, WAL, snapshot) and {len(tables)} tables")


def test_quotes_and_semicolons_in_every_field_are_data(tmp_path: Path, loopback_server):
    server = loopback_server
    inbox = tmp_path / f"in'box; {HOSTILE[:20]}"
    copy_samples(inbox)
    (inbox / f"{HOSTILE[:60].replace('/', '_')}.txt").write_text(f"{HOSTILE}\n智谱2024年收入为3.124亿元。{HOSTILE}",
                                                                 encoding="utf-8")
    article = f"<html><head><title>{HOSTILE}</title></head><body><p>智谱 {HOSTILE} 收入为3.124亿元</p></body></html>"
    server.serve("/a", article, content_type="text/html; charset=utf-8")
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{_xml(HOSTILE)}</title>'
            f'<item><title>{_xml(HOSTILE)}</title><link>{server.url("/a")}?q={_xml(HOSTILE)}</link></item>'
            "</channel></rss>")
    server.serve("/feed.xml", feed, content_type="application/rss+xml")
    watchlist = [{"id": f"co'; {HOSTILE[:30]}", "names": ["智谱", f"na'me; {HOSTILE[:30]}"]}]
    sources = [{"kind": "inbox", "id": f"src'; {HOSTILE}", "path": str(inbox)},
               {"kind": "rss", "id": f"feed\"; {HOSTILE}", "url": server.url("/feed.xml")}]
    config = write_config(tmp_path, sources=sources, watchlist=watchlist)
    result = run_marketmon("run", "--config", str(config), cwd=tmp_path)
    assert_clean(result)
    db = tmp_path / "marketmon.duckdb"
    assert read_db(db, "SELECT count(*) FROM documents")[0][0] == 11
    assert read_db(db, "SELECT count(*) FROM documents WHERE status = 'new'") == [(0,)]
    assert read_db(db, "SELECT count(*) FROM facts WHERE company = ?", [watchlist[0]["id"]])[0][0] >= 1
    assert {s for (s,) in read_db(db, "SELECT source FROM source_state")} == {s["id"] for s in sources}
    assert read_db(db, "SELECT count(*) FROM documents WHERE title = ?", [HOSTILE]) == [(2,)]  # file and article
    # Query parameters: the analyst's SQL text with quotes in a literal is one statement, run read-only.
    literal = HOSTILE.replace("'", "''")
    query = run_marketmon("query", f"SELECT count(*) AS n FROM documents WHERE title IS DISTINCT FROM '{literal}'", "--config",
                          str(config), "--format", "csv", "--live", cwd=tmp_path)
    assert_clean(query)
    assert query.stdout.split() == ["n", "9"]
    assert read_db(db, "SELECT count(*) FROM documents")[0][0] == 11


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


WRITES = [
    "INSERT INTO runs (id, command, started_at, status) VALUES ('x', 'x', now(), 'ok')",
    "UPDATE documents SET status = 'new'",
    "DELETE FROM facts",
    "DROP TABLE facts",
    "CREATE TABLE t AS SELECT 1",
    "COPY documents TO 'stolen.csv'",
    "COPY (SELECT * FROM documents) TO 'stolen2.csv'",
    "ATTACH 'other.duckdb' AS other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "EXPORT DATABASE 'exported'",
    "SELECT 1; DELETE FROM facts",
    "SELECT 1; DROP TABLE documents",
    "PRAGMA enable_profiling",
    "CHECKPOINT",
    "VACUUM",
    "CALL dbgen(sf=0.01)",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/passwd')",
    "WITH x AS (DELETE FROM facts RETURNING *) SELECT * FROM x",
]


@pytest.fixture(scope="module")
def stored_db(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("readonly")
    inbox = folder / "inbox"
    copy_samples(inbox)
    config = write_config(folder, sources=[{"kind": "inbox", "id": "inbox", "path": str(inbox)}])
    assert_clean(run_marketmon("run", "--config", str(config), cwd=folder))
    return folder, config


@pytest.mark.parametrize("live", [False, True], ids=["snapshot", "live"])
def test_query_cannot_write_nor_reach_outside(stored_db, live):
    folder, config = stored_db
    db = folder / "marketmon.duckdb"
    before = read_db(db, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM facts), "
                         "(SELECT count(*) FROM runs)")
    refused = 0
    for sql in WRITES:
        result = run_marketmon("query", sql, "--config", str(config), *(["--live"] if live else []), cwd=folder)
        assert "Traceback" not in result.output, (sql, result.output)
        assert result.returncode == 1, (sql, result.output)
        assert result.stderr.startswith("error: "), (sql, result.stderr)
        refused += 1
    assert read_db(db, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM facts), "
                       "(SELECT count(*) FROM runs)") == before
    assert not [p.name for p in folder.iterdir() if p.name.startswith(("stolen", "exported", "other"))]
    record_figure(f"security: {refused} write/escape statements refused by `marketmon query`"
                  f"{' --live' if live else ''}")


def test_broadcasts_and_links_in_an_article_reach_slack_neutralised(tmp_path: Path, slack):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    hostile = "<!channel> <!here> @everyone @channel <http://evil.example|click me> &lt;!subteam^S1&gt;"
    (inbox / "a.txt").write_text(f"{hostile} 智谱\n智谱2024年收入为3.124亿元，2023年收入为1.245亿元。{hostile}\n",
                                 encoding="utf-8")
    (inbox / "b.txt").write_text(f"{hostile}\n截至2025年6月30日止六个月，智谱本地化部署收入占比为84.8%。"
                                 f"2024年，智谱本地化部署收入占比为60.0%。{hostile}", encoding="utf-8")
    config = write_config(tmp_path, sources=[{"kind": "inbox", "id": "inbox", "path": str(inbox)}])
    result = run_marketmon("run", "--config", str(config), cwd=tmp_path, env=slack.bot_env())
    assert_clean(result)
    assert slack.messages, result.output
    for message in slack.messages:
        text = json.dumps([message["text"], message["blocks"]], ensure_ascii=False)
        for raw in ("<!channel>", "<!here>", "<http://evil.example|", "@everyone", "@channel", "<!subteam"):
            assert raw not in text, (raw, text)
    assert any("evil.example" in json.dumps(m["blocks"]) for m in slack.messages)  # shown as text, not a link


def test_only_http_and_https_and_no_private_links_unless_allowed(tmp_path: Path, loopback_server):
    server = loopback_server
    server.serve("/a.html", "<html><body><p>智谱2024年收入为3.124亿元。</p></body></html>", content_type="text/html")
    links = ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/x", "data:text/html,hi",
             f"http://localhost:{server.port}/a.html", f"http://[::1]:{server.port}/a.html",
             "http://10.0.0.1/a.html", "http://169.254.169.254/latest/meta-data/"]
    items = "".join(f"<item><title>t{i}</title><link>{_xml(link)}</link></item>" for i, link in enumerate(links))
    server.serve("/feed.xml", f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>',
                 content_type="application/rss+xml")
    config = write_config(tmp_path, sources=[{"kind": "rss", "id": "feed", "url": server.url("/feed.xml")}])
    result = run_marketmon("run", "--config", str(config), cwd=tmp_path, env={"MARKETMON_HTTP_RETRIES": "0"})
    assert_clean(result)
    db = tmp_path / "marketmon.duckdb"
    rows = read_db(db, "SELECT url, status, error FROM documents")
    # Each link is a failed document with the refusal as its reason; nothing was fetched from loopback.
    assert len(rows) >= len(links) - 2  # (feedparser may drop a link it cannot read at all)
    for url, status, error in rows:
        assert status == "failed", (url, status)
        assert "refused" in error, (url, error)
    assert server.hits("/a.html") == 0
    # With allow_private a loopback link on another host name is fetched.
    server.serve("/feed2.xml", f'<?xml version="1.0"?><rss version="2.0"><channel><item><title>t</title>'
                               f"<link>http://localhost:{server.port}/a.html</link></item></channel></rss>",
                 content_type="application/rss+xml")
    allowed = write_config(tmp_path, name="allowed.yaml", db="allowed.duckdb",
                           sources=[{"kind": "rss", "id": "feed", "url": server.url("/feed2.xml"),
                                     "allow_private": True}])
    result = run_marketmon("run", "--config", str(allowed), cwd=tmp_path, env={"MARKETMON_HTTP_RETRIES": "0"})
    assert_clean(result)
    assert server.hits("/a.html") >= 1
    assert read_db(tmp_path / "allowed.duckdb", "SELECT count(*) FROM documents WHERE status = 'parsed'")[0][0] >= 1
