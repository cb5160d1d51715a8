"""The faster scans give exactly what the single patterns they stand in for give."""

import random
import re

import pytest

from pipeline.extract.cues import WordScanner, compile_words, default_cue_book, lower_ascii
from pipeline.extract.numbers import _EN_TIMES, _EN_WORDS
from pipeline.extract.sentences import normalize_text

from .conftest import LABELLED, SHARED_CORPUS

MIXED = [
    "日均token调用量达到10万亿，日均 token 调用量 3万亿, token调用量 and tokens/日 24小时内 24 hours",
    "xrevenue growth, net income  rose; startup revenue营收 同比+5% 研发/收入 的arr c端 ai原生产品 AI原生产品",
    "Revenue 收入 营业收入 revenues of 3 up 5% 同比增长 year-on-year",
]


def _raw_texts() -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted((LABELLED / "docs").iterdir())]
    return [*MIXED, *docs, *(p.read_text(encoding="utf-8") for p in sorted(SHARED_CORPUS.glob("*.txt")))]


def _texts() -> list[str]:
    return [lower_ascii(normalize_text(t)) for t in _raw_texts()]


def _words() -> list[list[str]]:
    book = default_cue_book()
    metric = [w for w, entries in book._entries.items() if any(r == "metric" for r, _, _ in entries)]
    return [list(book._entries), metric, list(book.others), ["ai", "日均token", "token调用量", "调用"], ["abc"], ["营收"], []]


@pytest.mark.parametrize("spaced", [True, False])
def test_word_scanner_finds_what_the_one_pattern_finds(spaced):
    rng = random.Random(7)
    for words in _words():
        one, scanner = compile_words(words, spaced=spaced), WordScanner(words, spaced=spaced)
        for text in _texts():
            spans = [(0, len(text))] + [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(5)]
            for start, end in spans:
                assert [m.span() for m in scanner.matches(text, start, end)] == [
                    m.span() for m in one.finditer(text, start, end)]


def test_a_mixed_word_overlapping_another_match_is_read_by_the_one_pattern():
    words = ["日均token", "token调用量", "ai"]
    text = "日均token调用量 日均 token ai token调用量"
    assert [m.span() for m in WordScanner(words, spaced=True).matches(text)] == [
        m.span() for m in compile_words(words, spaced=True).finditer(text)] == [(0, 7), (11, 19), (20, 22), (23, 31)]


def test_english_multiples_find_what_the_plain_alternation_finds():
    plain = re.compile(r"(?i)(?<![A-Za-z-])(?:(?P<en>" + "|".join(sorted(_EN_WORDS, key=len, reverse=True))
                       + r")[ ]times\b|(?P<twice>twice)(?=[ ](?:the|its|their|that)\b))")
    texts = [normalize_text(t) for t in _raw_texts()] + [
        "Eight times its revenue, TWELVE TIMES, ſix times, xten times, ten-times, twice the size, Twice a year, twice"]
    for text in texts:
        assert [m.span() for m in _EN_TIMES.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in _EN_TIMES.finditer(text, 5, len(text) - 3)] == [
            m.span() for m in plain.finditer(text, 5, len(text) - 3)]


def test_comments_heading_found_after_its_line_break_is_the_one_found_at_a_line_start():
    import pipeline.extract as extract

    at_line_start = re.compile(r"^[ \t]*(?:" + "|".join(extract.COMMENT_HEADINGS) + "|(?i:"
                               + "|".join(extract.COMMENT_HEADINGS_EN) + r"))[ \t]*[:：]?[ \t]*$", re.MULTILINE)

    def plain(text):
        m = at_line_start.search(text, len(text) // 3)
        return text[:m.start()] if m else text

    rng = random.Random(3)
    heads = ["热门评论", "\n评论区\n", "\nComments:\n", "\n  top comments ：\n", "x\n留言区", "\n\tREADERS' COMMENTS",
             "\nReader comments", "\n熱門評論", "\n精選留言 :", "\n网友评论", "\n讀者留言", "\n全部評論", "\n最新评论"]
    texts = _raw_texts()
    cases = [*texts, "", "a", "评论区", "\n评论区", "ab\n评论区", "abc\n评论区\nx", "评论区\nabc\n", "\n\n\n评论区"]
    for text in texts[:20]:
        for _ in range(8):
            i = rng.randrange(len(text) + 1)
            cases.append(text[:i] + rng.choice(heads) + text[i:])
    for case in cases:
        assert extract._without_comments(case) == plain(case)
