"""The period finder's shortcuts read exactly what the full period pattern reads."""

import re

import pytest

from pipeline.extract.periods import (
    _FROM_LEVEL,
    _SENTENCE_END,
    _from_level,
    _period_matches,
)

from .conftest import FULL_PERIOD, REPO, SHARED_CORPUS

TRICKY = [
    "2024年上半年 H1 2025 1H25 Q3 FY24 fiscal 2023 the first half of 2024 nine months ended September 30, 2024",
    "截至2025年6月30日止六个月 2022年至2024年 since 2021 去年同期 early 2024 2024-12-31 19h 20q 29m 123h",
    "ſince 2021 ſecond half of 2024 İn 2024 THE FIRST QUARTER of 2025 \u212a 3月 1-9月 13日收盘 上周五 on Thursday",
    "in March, for the year ended Dec. 31, 2024A 2026E Oct-27 the same period of 2025 2024年同期 那一年 次日 FY REVENUE",
]


def _documents() -> list[str]:
    """The labelled, held-out and latest blind set's texts, the samples' and the shared corpus'."""
    folders = [REPO / "tests" / name / "docs" for name in ("labelled", "holdout", "blind15")]
    folders.append(REPO / "pipeline" / "samples" / "inbox")
    paths = [*(p for folder in folders for p in sorted(folder.iterdir())), *sorted(SHARED_CORPUS.glob("*.txt"))]
    return [p.read_text(encoding="utf-8") for p in paths if p.suffix in (".txt", ".md")]


def _read(m) -> tuple:
    """A match's span, branch and every named group it sets."""
    return m.span(), m.lastgroup, {k: v for k, v in m.groupdict().items() if v is not None}


def _check(text: str, start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    assert [_read(m) for m in _period_matches(text, start, end)] == [_read(m) for m in FULL_PERIOD.finditer(text, start, end)]


@pytest.mark.parametrize("text", TRICKY)
def test_branch_patterns_read_what_the_full_pattern_reads(text):
    _check(text)
    _check(text, 5, len(text) - 7)


def test_branch_patterns_on_documents():
    for text in _documents():
        _check(text)


BEFORE = [
    "与2024年 與 较較比 相比 相较 超过超過 远超 遠超 高于 高於 低于低於 对比，2024 對比,x 一年前的（2024 一年前( 一年前2024",
    "higher than 2024 THAN\n2024 versus \n2024 VERſUS\n\n2024 vs. 2024 VS 2024 compared with 2024 Compared To\n2024 x",
    "down from 45% in 2024, up from $240 million in January; FROM RMB3.1 BILLION FOR\n2025 from 3 per cent at\t2026 fromage",
]


@pytest.mark.parametrize("text", BEFORE)
def test_guarded_searches_say_what_the_searches_say(text):
    for at in range(len(text) + 1):
        assert _from_level(text, at) == (_FROM_LEVEL.search(text, max(0, at - 40), at) is not None)


def test_guarded_searches_on_documents():
    for text in _documents()[:40]:
        for at in range(len(text) + 1):
            assert _from_level(text, at) == (_FROM_LEVEL.search(text, max(0, at - 40), at) is not None)


def test_sentence_end_is_the_class_it_replaces():
    plain = re.compile(r"[。！？!?\n]|\.\s")
    for text in [*BEFORE, *TRICKY, *_documents()]:
        assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in _SENTENCE_END.finditer(text, 3, len(text) - 1)] == [
            m.span() for m in plain.finditer(text, 3, len(text) - 1)]
