"""RSS/Atom sources end to end: loopback server -> real HttpClient -> ingest -> DuckDB."""

from datetime import datetime

from pipeline.ingest import ingest_sources
from pipeline.sources.feeds import FeedError, parse_feed
from storage.records import get_source_state
from tests.sources.conftest import build_config

NOW = datetime(2026, 1, 7, 12, 0)


def rss(*items: tuple[str, str, str]) -> str:
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate></item>" for t, link, d in items)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>{body}</channel></rss>'


ARTICLE = ("<html><head><title>Zhipu update</title>"
           '<link rel="canonical" href="{canon}"></head><body><article><p>Zhipu AI said its open platform grew.'
           "</p></article></body></html>")


def docs(conn):
    return conn.execute("SELECT url, status, error, metadata->>'canonical_url', title FROM documents ORDER BY url").fetchall()


def test_feed_articles_are_fetched_and_stored(loopback_server, http, tmp_path, db):
    s = loopback_server
    s.serve("/feed.xml", rss(("One", s.url("/a1.html?utm_source=rss&id=7"), "Mon, 05 Jan 2026 10:00:00 GMT"),
                             ("Two", "/a2.html", "Tue, 06 Jan 2026 10:00:00 GMT")),
            content_type="application/rss+xml", etag='"f1"')
    s.serve("/a1.html", ARTICLE.format(canon=s.url("/story/1?utm_medium=x")), content_type="text/html; charset=utf-8")
    s.serve("/a2.html", ARTICLE.format(canon="/"), content_type="text/html")
    config = build_config(tmp_path, [{"kind": "rss", "id": "f", "url": s.url("/feed.xml")}])
    report = ingest_sources(db, config, NOW, http=http)
    assert (report.inserted, report.source_errors) == (2, {})
    rows = docs(db)
    assert [r[0] for r in rows] == [s.url("/a1.html?id=7"), s.url("/a2.html")]  # tracking params stripped
    assert rows[0][3] == s.url("/story/1")  # rel=canonical, without its tracking parameter
    assert rows[1][3] == s.url("/a2.html")  # a canonical pointing at the front page is ignored
    assert rows[0][4] == "One" and rows[0][1] == "new"
    published = db.execute("SELECT published_at FROM documents ORDER BY url").fetchall()
    assert published[0][0] == datetime(2026, 1, 5, 10, 0)


def test_second_run_uses_conditional_get_and_refetches_nothing(loopback_server, http, tmp_path, db):
    s = loopback_server
    s.serve("/feed.xml", rss(("One", "/a1.html", "Mon, 05 Jan 2026 10:00:00 GMT")), etag='"f1"')
    s.serve("/a1.html", ARTICLE.format(canon=""), content_type="text/html")
    config = build_config(tmp_path, [{"kind": "rss", "id": "f", "url": s.url("/feed.xml")}])
    ingest_sources(db, config, NOW, http=http)
    state = get_source_state(db, "f", "rss")
    assert state.etag == '"f1"' and list(state.validators["articles"]) == [s.url("/a1.html")]
    report = ingest_sources(db, config, NOW, http=http)
    assert (report.inserted, report.updated) == (0, 0)
    assert s.hits("/feed.xml") == 2 and s.hits("/a1.html") == 1
    assert s.requests[-1].headers["If-None-Match"] == '"f1"'


def test_failed_article_is_stored_failed_with_reason_and_retried(loopback_server, http, tmp_path, db):
    from tests.support.http_server import Reply

    s = loopback_server
    s.serve("/feed.xml", rss(("Gone", "/gone.html", "Mon, 05 Jan 2026 10:00:00 GMT"),
                             ("Loop", "/loop-a", "Mon, 05 Jan 2026 11:00:00 GMT"),
                             ("Big", "/big.html", "Mon, 05 Jan 2026 12:00:00 GMT"),
                             ("Ok", "/ok.html", "Mon, 05 Jan 2026 13:00:00 GMT")))
    s.route("/gone.html", Reply(status=404), Reply(body=b"<html><body><p>Zhipu is back</p></body></html>",
                                                   content_type="text/html"))
    s.redirect_loop("/loop-a", "/loop-b")
    s.oversize("/big.html", size=3_000_000)
    s.serve("/ok.html", ARTICLE.format(canon=""), content_type="text/html")
    config = build_config(tmp_path, [{"kind": "rss", "id": "f", "url": s.url("/feed.xml"), "max_bytes": 1_000_000}])
    report = ingest_sources(db, config, NOW, http=http)
    assert report.fetch_errors == 3 and report.source_errors == {}
    errors = {url.rsplit("/", 1)[1]: (status, error) for url, status, error, *_ in docs(db)}
    assert errors["gone.html"] == ("failed", f"HTTP 404 from {s.url('/gone.html')}")
    assert errors["loop-a"][0] == "failed" and errors["loop-a"][1].startswith("redirect loop")
    assert errors["big.html"] == ("failed", "too large: 3000000 bytes declared (limit 1000000)")
    assert errors["ok.html"] == ("new", None)
    raw = db.execute("SELECT octet_length(raw) FROM documents WHERE url LIKE '%big.html'").fetchone()[0]
    assert raw == 0  # nothing partial is stored
    ingest_sources(db, config, NOW, http=http)  # the 404 recovers: the failed document becomes a new one
    assert db.execute("SELECT status FROM documents WHERE url LIKE '%gone.html'").fetchone()[0] == "new"
    assert s.hits("/ok.html") == 1


def test_links_to_private_addresses_are_refused_unless_allowed(loopback_server, http, tmp_path, db):
    s = loopback_server
    other_host = f"http://localhost:{s.port}/internal.html"  # loopback, but not the feed's own host
    s.serve("/feed.xml", rss(("Internal", other_host, "Mon, 05 Jan 2026 10:00:00 GMT"),
                             ("Own host", "/own.html", "Mon, 05 Jan 2026 11:00:00 GMT")))
    s.serve("/own.html", ARTICLE.format(canon=""), content_type="text/html")
    s.serve("/internal.html", "<html><body>secret</body></html>", content_type="text/html")
    config = build_config(tmp_path, [{"kind": "rss", "id": "f", "url": s.url("/feed.xml")}])
    ingest_sources(db, config, NOW, http=http)
    by_url = {url: (status, error) for url, status, error, *_ in docs(db)}
    assert by_url[other_host][0] == "failed" and "private or loopback" in by_url[other_host][1]
    assert by_url[s.url("/own.html")] == ("new", None)
    assert s.hits("/internal.html") == 0
    allowed = build_config(tmp_path, [{"kind": "rss", "id": "g", "url": s.url("/feed.xml"), "allow_private": True}])
    ingest_sources(db, allowed, NOW, http=http)
    assert s.hits("/internal.html") == 1


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><title>&lol2;</title><item><title>x</title><link>http://a/b</link></item></channel></rss>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&x;</title><link>http://a/b</link></item></channel></rss>"""


def test_bad_feeds_are_source_errors_and_other_sources_go_on(loopback_server, http, tmp_path, db):
    s = loopback_server
    s.serve("/laughs.xml", BILLION_LAUGHS)
    s.serve("/xxe.xml", XXE)
    s.serve("/truncated.xml", rss(("One", "/a1.html", "Mon, 05 Jan 2026 10:00:00 GMT"))[:-40])
    s.serve("/html.xml", "<html><body>not a feed</body></html>", content_type="text/html")
    s.serve("/ok.xml", rss(("Ok", "/ok.html", "Mon, 05 Jan 2026 10:00:00 GMT")))
    s.serve("/ok.html", ARTICLE.format(canon=""), content_type="text/html")
    s.route("/forbidden.xml")  # the default reply of an empty route is a 404
    sources = [{"kind": "rss", "id": name, "url": s.url(f"/{name}.xml")}
               for name in ("laughs", "xxe", "truncated", "html", "forbidden", "ok")]
    report = ingest_sources(db, build_config(tmp_path, sources), NOW, http=http)
    assert report.inserted == 1 and set(report.source_errors) == {"laughs", "xxe", "truncated", "html", "forbidden"}
    health = dict(db.execute("SELECT source, last_error FROM source_health WHERE NOT healthy").fetchall())
    assert "declares XML entities" in health["laughs"] and "declares XML entities" in health["xxe"]
    assert "truncated or invalid feed XML" in health["truncated"]
    assert "not an RSS or Atom feed" in health["html"]
    assert "HTTP 404" in health["forbidden"]
    assert s.hits("/a1.html") == 0  # nothing from the truncated feed was followed
    assert db.execute("SELECT consecutive_errors FROM source_state WHERE source = 'ok'").fetchone()[0] == 0


def test_parse_feed_reads_atom_and_resolves_relative_links():
    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
    <entry><title>Kimi climbs</title><link href="/2026/kimi.html"/><id>tag:x,2026:1</id>
    <updated>2026-01-06T08:00:00Z</updated></entry></feed>"""
    [entry] = parse_feed(atom, "application/atom+xml", "https://news.example.org/feed")
    assert (entry.link, entry.title, entry.published) == (
        "https://news.example.org/2026/kimi.html", "Kimi climbs", datetime(2026, 1, 6, 8, 0))


def test_parse_feed_refuses_empty_and_entity_documents():
    import pytest

    for raw, reason in ((b"  ", "empty feed"), (BILLION_LAUGHS, "declares XML entities")):
        with pytest.raises(FeedError, match=reason):
            parse_feed(raw)


def test_page_source_conditional(loopback_server, http, tmp_path, db):
    s = loopback_server
    s.serve("/page.html", ARTICLE.format(canon=""), content_type="text/html",
            last_modified="Wed, 07 Jan 2026 10:00:00 GMT")
    config = build_config(tmp_path, [{"kind": "page", "id": "p", "url": s.url("/page.html")}])
    assert ingest_sources(db, config, NOW, http=http).inserted == 1
    assert ingest_sources(db, config, NOW, http=http).inserted == 0
    assert s.requests[-1].headers["If-Modified-Since"] == "Wed, 07 Jan 2026 10:00:00 GMT"
