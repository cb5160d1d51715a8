"""Sentences and clauses of a text, as character spans; width normalisation that keeps offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# One character in, one character out, so every offset into the normalised text is an offset
# into the original: full-width digits and signs become ASCII, NUL and other controls become spaces.
_WIDTH = {0xFF10 + i: ord("0") + i for i in range(10)}
_WIDTH.update({ord("．"): ".", ord("％"): "%", ord("＄"): "$", ord("－"): "-", ord("＋"): "+", ord("～"): "~"})
_WIDTH.update({c: " " for c in range(0x20) if chr(c) not in "\n\t"})
_WIDTH.update({0x7F: " ", 0x2028: "\n", 0x2029: "\n", 0xA0: " ", 0x3000: " "})

MAX_SENTENCE = 600  # longer runs without an end mark are cut, so no step ever sees a huge "sentence"

_END = re.compile(r"[。！？!?\n]+|\.(?=\s|$)|…+")
_CLAUSE = re.compile(r"[，,；;：:]|[—–]{1,2}|\s[-–—]\s")
_CUT = re.compile(r"[，,；;：:\s]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span of the text and the paragraph (line block) it belongs to."""

    start: int
    end: int
    paragraph: int


def normalize_text(text: str) -> str:
    """Return the text with full-width digits and signs made ASCII, same length."""
    return text.translate(_WIDTH)


_LONG_DIGITS = re.compile(r"[0-9]{31,}")


def mask_digit_runs(text: str) -> str:
    """Blank out digit runs too long to be any number (IDs, hashes, garbage), keeping offsets."""
    return _LONG_DIGITS.sub(lambda m: " " * len(m.group(0)), text)


def split_sentences(text: str) -> list[Sentence]:
    """Split text into trimmed sentence spans, cutting over-long ones at clause marks."""
    sentences: list[Sentence] = []
    paragraph = 0
    pos = 0
    for m in _END.finditer(text):
        _add(text, pos, m.end() if m.group(0)[0] in "。！？!?.…" else m.start(), paragraph, sentences)
        if "\n" in m.group(0):
            paragraph += 1
        pos = m.end()
    _add(text, pos, len(text), paragraph, sentences)
    return sentences


def _add(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        marks = [m.end() for m in _CUT.finditer(text, start + MAX_SENTENCE // 2, start + MAX_SENTENCE)]
        cut = marks[-1] if marks else start + MAX_SENTENCE
        out.append(Sentence(start, cut, paragraph))
        start = cut
    if end > start:
        out.append(Sentence(start, end, paragraph))


def clause_bounds(text: str, start: int, end: int) -> list[int]:
    """Return the offsets of clause breaks (commas, semicolons, colons) inside a sentence."""
    bounds = []
    for m in _CLAUSE.finditer(text, start, end):
        # a comma between digits groups thousands ("1,159"), it does not end a clause
        if m.group(0) == "," and 0 < m.start() and text[m.start() - 1].isdigit() and text[m.end():m.end() + 1].isdigit():
            continue
        bounds.append(m.start())
    return bounds
