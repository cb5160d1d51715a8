"""The HTTP client against a loopback server: the real requests path, faults included."""

import gzip

import pytest

from pipeline.http import HttpClient, HttpError, RateLimiter, ReplayHttpClient, parse_retry_after
from tests.support.http_server import Reply


def test_get_sends_user_agent_and_returns_body(loopback_server, http):
    loopback_server.serve("/a", "hello", content_type="text/plain; charset=utf-8")
    response = http.get(loopback_server.url("/a"))
    assert (response.status, response.body, response.content_type) == (200, b"hello", "text/plain; charset=utf-8")
    assert loopback_server.requests[0].headers["User-Agent"] == "marketmon-tests tests@example.org"


def test_user_agent_comes_from_the_environment():
    client = HttpClient.from_env({"MARKETMON_USER_AGENT": "Acme Research ops@acme.example"})
    assert client.user_agent == "Acme Research ops@acme.example"
    assert client.live is True


def test_conditional_get_with_etag_answers_not_modified(loopback_server, http):
    loopback_server.serve("/feed", "v1", etag='"abc"')
    first = http.get(loopback_server.url("/feed"))
    assert (first.status, first.etag) == (200, '"abc"')
    second = http.get(loopback_server.url("/feed"), etag=first.etag)
    assert second.not_modified and second.body == b""
    assert loopback_server.requests[1].headers["If-None-Match"] == '"abc"'


def test_conditional_get_with_last_modified(loopback_server, http):
    stamp = "Wed, 07 Jan 2026 10:00:00 GMT"
    loopback_server.serve("/page", "v1", last_modified=stamp)
    assert http.get(loopback_server.url("/page")).last_modified == stamp
    again = http.get(loopback_server.url("/page"), last_modified=stamp)
    assert again.status == 304
    assert loopback_server.requests[1].headers["If-Modified-Since"] == stamp


def test_retries_500_with_exponential_backoff(loopback_server, http, sleeps):
    loopback_server.route("/flaky", Reply(status=500), Reply(status=503), Reply(body=b"ok"))
    response = http.get(loopback_server.url("/flaky"))
    assert (response.body, response.attempts) == (b"ok", 3)
    assert sleeps.calls == [0.5, 1.0]


def test_gives_up_after_max_retries_with_the_reason(loopback_server, http, sleeps):
    loopback_server.route("/down", Reply(status=500))
    with pytest.raises(HttpError) as err:
        http.get(loopback_server.url("/down"))
    assert err.value.status == 500
    assert "HTTP 500" in err.value.reason and "after 3 attempts" in err.value.reason
    assert loopback_server.hits("/down") == 3


def test_429_honours_retry_after_capped(loopback_server, sleeps):
    client = HttpClient(max_retries=2, backoff=0.5, max_retry_after=5, sleep=sleeps,
                        limiter=RateLimiter(default_rate=None, rates={}))
    loopback_server.route("/busy", Reply(status=429, headers={"Retry-After": "3"}),
                          Reply(status=429, headers={"Retry-After": "3600"}), Reply(body=b"done"))
    assert client.get(loopback_server.url("/busy")).body == b"done"
    assert sleeps.calls == [3.0, 5.0]


def test_retry_after_as_http_date():
    from datetime import UTC, datetime

    now = datetime(2026, 1, 7, 10, 0, 0, tzinfo=UTC)
    assert parse_retry_after("Wed, 07 Jan 2026 10:00:30 GMT", now) == 30.0
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("soon") is None


@pytest.mark.parametrize("status", [403, 404])
def test_client_errors_are_not_retried(loopback_server, http, status):
    loopback_server.route("/x", Reply(status=status))
    with pytest.raises(HttpError) as err:
        http.get(loopback_server.url("/x"))
    assert err.value.status == status and err.value.reason.startswith(f"HTTP {status}")
    assert loopback_server.hits("/x") == 1


def test_connection_reset_is_retried_then_reported(loopback_server, http, sleeps):
    loopback_server.reset("/reset")
    with pytest.raises(HttpError) as err:
        http.get(loopback_server.url("/reset"))
    assert err.value.reason.startswith("connection")
    assert loopback_server.hits("/reset") == 3 and sleeps.calls == [0.5, 1.0]


def test_read_timeout_is_reported(loopback_server, sleeps):
    client = HttpClient(read_timeout=0.2, max_retries=0, sleep=sleeps, limiter=RateLimiter(default_rate=None))
    loopback_server.delay("/slow", seconds=1.0)
    with pytest.raises(HttpError) as err:
        client.get(loopback_server.url("/slow"))
    assert err.value.reason.startswith("timeout") or "timed out" in err.value.reason


def test_slow_drip_hits_the_total_time_limit(loopback_server):
    client = HttpClient(read_timeout=2, max_seconds=0.3, max_retries=0, limiter=RateLimiter(default_rate=None))
    loopback_server.drip("/drip", b"x" * 40, chunk=1, interval=0.05)
    with pytest.raises(HttpError) as err:
        client.get(loopback_server.url("/drip"))
    assert err.value.reason.startswith("too slow")


def test_truncated_body_is_an_error_not_a_short_document(loopback_server, http):
    loopback_server.truncate("/cut", b"<html>half a page")
    with pytest.raises(HttpError) as err:
        http.get(loopback_server.url("/cut"))
    assert "connection broken while reading" in err.value.reason


@pytest.mark.parametrize("declare_length", [True, False])
def test_oversize_body_is_aborted(loopback_server, declare_length):
    client = HttpClient(max_bytes=1_000_000, max_retries=0, limiter=RateLimiter(default_rate=None))
    loopback_server.oversize("/big", size=50 * 1024 * 1024, declare_length=declare_length)
    with pytest.raises(HttpError) as err:
        client.get(loopback_server.url("/big"))
    assert err.value.reason.startswith("too large")


def test_gzip_is_decoded_and_the_limit_applies_to_the_decoded_size(loopback_server):
    client = HttpClient(max_bytes=10_000, max_retries=0, limiter=RateLimiter(default_rate=None))
    loopback_server.serve("/small", "ab" * 100, gzip=True)
    assert client.get(loopback_server.url("/small")).body == b"ab" * 100
    assert "gzip" in loopback_server.requests[0].headers["Accept-Encoding"]
    bomb = b"\0" * 5_000_000
    assert len(gzip.compress(bomb)) < 10_000
    loopback_server.serve("/bomb", bomb, gzip=True)
    with pytest.raises(HttpError, match="too large"):
        client.get(loopback_server.url("/bomb"))


def test_redirects_are_followed_and_bounded(loopback_server, http):
    loopback_server.redirect("/old", "/new", status=301)
    loopback_server.serve("/new", "moved")
    response = http.get(loopback_server.url("/old"))
    assert (response.body, response.url) == (b"moved", loopback_server.url("/new"))
    for i in range(8):
        loopback_server.redirect(f"/r{i}", f"/r{i + 1}")
    with pytest.raises(HttpError, match="too many redirects"):
        http.get(loopback_server.url("/r0"))


def test_redirect_loop_is_detected(loopback_server, http):
    loopback_server.redirect_loop("/a", "/b")
    with pytest.raises(HttpError, match="redirect loop"):
        http.get(loopback_server.url("/a"))
    assert loopback_server.hits("/a") == 1 and loopback_server.hits("/b") == 1


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_only_http_and_https(http, url):
    with pytest.raises(HttpError, match="only http and https"):
        http.get(url)


def test_redirect_to_another_scheme_is_refused(loopback_server, http):
    loopback_server.redirect("/sneaky", "file:///etc/passwd")
    with pytest.raises(HttpError, match="only http and https"):
        http.get(loopback_server.url("/sneaky"))


def test_private_addresses_refused_unless_trusted(loopback_server, http):
    loopback_server.serve("/internal", "secret")
    with pytest.raises(HttpError, match="private or loopback"):
        http.get(loopback_server.url("/internal"), allow_private=False)
    assert http.get(loopback_server.url("/internal"), allow_private=False, trusted_hosts=["127.0.0.1"]).body == b"secret"
    assert loopback_server.hits("/internal") == 1


def test_rate_limit_spaces_requests_per_host():
    clock = [100.0]
    waits = []

    def sleep(seconds):
        waits.append(round(seconds, 3))
        clock[0] += seconds

    limiter = RateLimiter(default_rate=1.0, clock=lambda: clock[0], sleep=sleep)
    for _ in range(3):
        limiter.wait("www1.hkexnews.hk")
    for _ in range(3):
        limiter.wait("data.sec.gov")
    limiter.wait("openrouter.ai")
    # 1/s for HKEX, 10/s for SEC, and a new host never waits for another host's budget.
    assert waits == [1.0, 1.0, 0.1, 0.1]


def test_rate_limit_is_applied_by_the_client(loopback_server, sleeps):
    clock = [0.0]
    limiter = RateLimiter(default_rate=2.0, clock=lambda: clock[0], sleep=sleeps)
    client = HttpClient(limiter=limiter, sleep=sleeps)
    loopback_server.serve("/p", "x")
    for _ in range(3):
        client.get(loopback_server.url("/p"))
    assert sleeps.calls == [0.5, 1.0]  # the fake clock does not advance, so the queue grows by 1/rate


def test_replay_serves_recorded_files_with_validators(tmp_path):
    (tmp_path / "feed.xml").write_bytes(b"<rss/>")
    (tmp_path / "index.json").write_text(
        '{"responses": [{"url": "https://example.org/feed.xml", "file": "feed.xml", "etag": "\\"r1\\"",'
        ' "headers": {"Content-Type": "application/rss+xml"}},'
        ' {"url": "https://example.org/search?q=1&from=20250101", "file": "feed.xml", "ignore_params": ["from"]},'
        ' {"url": "https://example.org/gone", "status": 404}]}'
    )
    client = ReplayHttpClient([tmp_path])
    first = client.get("https://example.org/feed.xml")
    assert (first.body, first.content_type, first.etag) == (b"<rss/>", "application/rss+xml", '"r1"')
    assert client.get("https://example.org/feed.xml", etag='"r1"').not_modified
    assert client.get("https://example.org/search?from=20260107&q=1").body == b"<rss/>"
    with pytest.raises(HttpError, match="HTTP 404"):
        client.get("https://example.org/gone")
    with pytest.raises(HttpError, match="not recorded"):
        client.get("https://example.org/elsewhere")
    assert client.live is False


def test_replay_client_from_env(tmp_path):
    (tmp_path / "index.json").write_text('{"responses": []}')
    client = HttpClient.from_env({"MARKETMON_HTTP_REPLAY": str(tmp_path)})
    assert isinstance(client, ReplayHttpClient)
