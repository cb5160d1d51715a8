"""Speed changes of session 14 that must change no result: the period dispatch's second-character test, and the
windows of sentences read closely."""

from __future__ import annotations

from re import _parser

from pipeline.extract import _windows, _within
from pipeline.extract.numbers import number_matches
from pipeline.extract.periods import _PERIOD_SPANS, _openings
from pipeline.extract.sentences import split_sentences
from tests.extract.conftest import FULL_PERIOD


def test_openings_are_the_first_two_characters_a_pattern_can_start_with():
    assert _openings(_parser.parse(r"(?:the\s)?(?:first|sixth)"), False) == {"th", "fi", "si"}
    assert _openings(_parser.parse(r"(?i:ab)"), False) >= {"ab", "AB", "aB", "Ab"}
    assert _openings(_parser.parse(r"x[0-9]{0,2}"), False) == {"x", *(f"x{d}" for d in "0123456789")}
    assert _openings(_parser.parse(r"a\sb"), False) >= {"a ", "a\t", "a\u3000"}
    assert _openings(_parser.parse(r"[^x]y"), False) is None  # a negated class: cannot tell


def test_second_character_test_keeps_every_period_at_any_window_edge():
    # a period word cut by the window's end, one letter left before it, a word that opens like a period and is none
    texts = ["Revenue in the first half of 2029 was up; it totals Q3 2028. T", "2029年上半年，同期为12月的三个月 the",
             "For the three months ended June 30, 2029 and the same period last year, then today", "ta th The first"]
    for text in texts:
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert [m.span() for m in _PERIOD_SPANS.finditer(text, start, end)] == \
                       [m.span() for m in FULL_PERIOD.finditer(text, start, end)], (text, start, end)


def test_windows_and_the_numbers_within_them():
    text = "智谱发布新模型。天气不错。今天很好。收入12亿元。利润3亿元。没有数字。也没有。还是没有。再没有。MiniMax营收5亿元。"
    numbers = number_matches(text)
    starts = [m.start() for m in numbers]
    sentences = split_sentences(text)
    windows = _windows(sentences, starts, reach=1)
    # the sentences of 12亿元 and 3亿元 with the one before, then the one of 5亿元 with the one before it
    assert [(first, last) for _, _, first, last in windows] == [(2, 4), (8, 9)]
    assert [text[s:e] for s, e, _, _ in windows] == ["今天很好。收入12亿元。利润3亿元。", "再没有。MiniMax营收5亿元。"]
    spans = [(s, e) for s, e, _, _ in windows]
    assert [m.group() for m in _within(numbers, starts, spans)] == [m.group() for m in numbers]
    assert [m.group() for m in _within(numbers, starts, spans[1:])] == [numbers[-1].group()]
