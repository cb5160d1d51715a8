"""Network settings from the environment, and JSON answers too deeply nested to decode."""

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.http import HttpClient, HttpError, HttpResponse, load_json
from pipeline.sources.openrouter import parse_rankings
from tests.support.sleeps import SleepLog


def test_every_network_setting_comes_from_the_environment():
    client = HttpClient.from_env({
        "MARKETMON_HTTP_TIMEOUT": "12.5", "MARKETMON_HTTP_CONNECT_TIMEOUT": "2", "MARKETMON_HTTP_RETRIES": "0",
        "MARKETMON_HTTP_MAX_BYTES": "1000", "MARKETMON_HTTP_RATE": "4",
    })
    assert (client.read_timeout, client.connect_timeout, client.max_retries, client.max_bytes) == (12.5, 2.0, 0, 1000)
    assert client.limiter.rate_for("news.example.org") == 4.0
    assert client.limiter.rate_for("data.sec.gov") == 10.0  # SEC's own limit is not loosened or tightened


def test_rate_zero_means_unlimited_and_defaults_stay_polite():
    assert HttpClient.from_env({"MARKETMON_HTTP_RATE": "0"}).limiter.rate_for("news.example.org") is None
    default = HttpClient.from_env({})
    assert default.limiter.rate_for("news.example.org") == 1.0
    assert (default.connect_timeout, default.read_timeout) == (10.0, 30.0)


@pytest.mark.parametrize(("name", "value", "says"), [
    ("MARKETMON_HTTP_TIMEOUT", "soon", "is not a number"),
    ("MARKETMON_HTTP_RETRIES", "2.5", "is not a whole number"),
    ("MARKETMON_HTTP_CONNECT_TIMEOUT", "-1", "must be zero or more"),
    ("MARKETMON_HTTP_RATE", "nan", "must be zero or more"),
])
def test_a_malformed_setting_is_an_error_naming_the_variable(name, value, says):
    with pytest.raises(ValueError) as caught:
        HttpClient.from_env({name: value})
    assert str(caught.value).startswith(f"{name}={value!r}") and says in str(caught.value)


def test_the_rate_from_the_environment_spaces_requests(loopback_server):
    sleeps = SleepLog()
    client = HttpClient.from_env({"MARKETMON_HTTP_RATE": "0.5", "MARKETMON_USER_AGENT": "tests t@example.org"},
                                 sleep=sleeps)
    loopback_server.serve("/a", "one")
    client.get(loopback_server.url("/a"))
    client.get(loopback_server.url("/a"))
    assert len(loopback_server.requests) == 2
    # Two seconds apart at half a request per second, less what the first request itself took.
    assert len(sleeps.calls) == 1 and 0 < sleeps.calls[0] <= 2.0
    unlimited = HttpClient.from_env({"MARKETMON_HTTP_RATE": "0"}, sleep=sleeps)
    unlimited.get(loopback_server.url("/a"))
    unlimited.get(loopback_server.url("/a"))
    assert len(sleeps.calls) == 1


def test_deeply_nested_json_is_reported_as_such():
    deep = b"[" * 50_000 + b"]" * 50_000
    with pytest.raises(ValueError, match="nested too deeply"):
        load_json(deep)
    with pytest.raises(HttpError, match="invalid JSON from https://x.example/a: JSON nested too deeply"):
        HttpResponse(url="https://x.example/a", status=200, body=deep).json()
    with pytest.raises(ValueError, match="nested too deeply"):
        parse_rankings(b'{"data": ' + deep + b"}", {}, None)


def test_load_json_reasons():
    assert load_json(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}  # a byte-order mark is allowed
    with pytest.raises(ValueError, match="not UTF-8"):
        load_json(b'{"a": "\xff"}')
    with pytest.raises(ValueError, match="Expecting value"):
        load_json(b"<html>")


def test_marketmon_run_names_a_malformed_setting(tmp_path):
    config = tmp_path / "marketmon.yaml"
    config.write_text("db: data/m.duckdb\nwatchlist: []\nsources:\n  - {kind: rss, id: f, url: 'https://x.example/f'}\n")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "MARKETMON_HTTP_TIMEOUT": "soon"}
    done = subprocess.run([str(Path(sys.executable).parent / "marketmon"), "run", "--config", str(config)], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "MARKETMON_HTTP_TIMEOUT='soon' is not a number" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
