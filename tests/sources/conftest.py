"""Fixtures for the source tests: the loopback server and a client aimed at it."""

import pytest

from pipeline.http import HttpClient, RateLimiter
from tests.support.http_server import loopback_server  # noqa: F401
from tests.support.sleeps import SleepLog


def _no_sleep(_seconds: float) -> None:
    return None


@pytest.fixture
def sleeps() -> SleepLog:
    return SleepLog()


@pytest.fixture
def http(sleeps) -> HttpClient:
    """A live client with short timeouts, no politeness delay and recorded (not slept) backoff."""
    return HttpClient(user_agent="marketmon-tests tests@example.org", connect_timeout=2, read_timeout=2,
                      max_seconds=10, max_retries=2, backoff=0.5, limiter=RateLimiter(default_rate=None, rates={}, sleep=_no_sleep),
                      sleep=sleeps)


WATCHLIST = [
    {"id": "zhipu", "names": ["智谱", "智譜", "Zhipu", "Zhipu AI", "Knowledge Atlas"], "hkex": "2513",
     "openrouter": "z-ai", "cik": "1990001"},
    {"id": "minimax", "names": ["MiniMax", "稀宇科技"], "hkex": "0100", "openrouter": "minimax"},
    {"id": "deepseek", "names": ["DeepSeek", "深度求索"], "openrouter": "deepseek"},
    {"id": "openrouter", "names": ["OpenRouter"]},
]


def build_config(tmp_path, sources, watchlist=None):
    """A validated Config over a DuckDB file in tmp_path."""
    from pipeline.config import parse_config

    data = {"db": str(tmp_path / "m.duckdb"), "watchlist": watchlist or WATCHLIST, "sources": sources}
    return parse_config(data, tmp_path / "marketmon.yaml")


@pytest.fixture
def db(tmp_path):
    from storage.db import open_db

    with open_db(tmp_path / "m.duckdb") as conn:
        yield conn
