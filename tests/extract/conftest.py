"""Fixtures for the extractor tests: the default watchlist and the labelled document folders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.extract import extract_facts, periods
from pipeline.watchlist import Company, Watchlist

ALIASES = {
    "zhipu": ["智谱", "智谱AI", "智谱华章", "北京智谱华章科技股份有限公司", "Zhipu", "Zhipu AI", "Z.ai", "智譜", "智譜AI"],
    "minimax": ["MiniMax", "稀宇科技", "上海稀宇科技有限公司", "稀宇極智"],
    "moonshot": ["月之暗面", "Moonshot AI", "Kimi"],
    "deepseek": ["DeepSeek", "深度求索"],
    "openrouter": ["OpenRouter"],
}

REPO = Path(__file__).resolve().parents[2]
SHARED_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
LABELLED = REPO / "tests" / "labelled"
# The period finder's one pattern, its branches in order: the reference its faster scan must read as
FULL_PERIOD = re.compile(periods._FIRST + "(?:" + "|".join(periods._BRANCHES) + ")")


def build_watchlist() -> Watchlist:
    """The default watchlist the lead's sample config uses."""
    return Watchlist([Company(id=cid, names=tuple(names)) for cid, names in ALIASES.items()])


@pytest.fixture(scope="session")
def watchlist() -> Watchlist:
    """The default watchlist."""
    return build_watchlist()


def facts(text: str, watchlist: Watchlist, **kw) -> set[tuple]:
    """(company, metric, period, value, unit, qualifier) of every fact extract_facts finds in the text."""
    return {(f.company, f.metric, f.period, f.value, f.unit, f.qualifier) for f in extract_facts(text, watchlist, **kw)}


def unqualified_facts(text: str, watchlist: Watchlist, **kw) -> set[tuple]:
    """(company, metric, period, value, unit) of every fact: for tests about where a figure goes, not its qualifier."""
    return {(f.company, f.metric, f.period, f.value, f.unit) for f in extract_facts(text, watchlist, **kw)}
