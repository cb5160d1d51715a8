"""Fixtures for the extractor tests: the default watchlist and the labelled document folders."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def build_watchlist() -> Watchlist:
    """The default watchlist the lead's sample config uses."""
    return Watchlist([Company(id=cid, names=tuple(names)) for cid, names in ALIASES.items()])


@pytest.fixture(scope="session")
def watchlist() -> Watchlist:
    """The default watchlist."""
    return build_watchlist()
