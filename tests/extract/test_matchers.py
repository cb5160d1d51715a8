"""The fast matchers give exactly what the plain patterns they replace gave."""

import re
from decimal import Decimal

import pytest

from pipeline.extract import extract_facts
from pipeline.extract.cues import _trie, compile_words, default_cue_book
from pipeline.extract.periods import _ANCHOR, _ANCHOR_WORDS, _PERIOD_SPANS
from pipeline.extract.sentences import (
    _CLAUSE,
    _END,
    _LONG_DIGITS,
    lower_ascii,
    normalize_text,
    split_sentences,
)
from pipeline.watchlist import Company, Watchlist

from .conftest import ALIASES, FULL_PERIOD, LABELLED, build_watchlist

TRICKY = [
    "xz.ai Z.ai z.aiX 智谱AI智谱 ZHIPU AI zhipu aix Kimi kimi2 \u212aimi MINIMAX稀宇科技 Moonshot AIx Moonshot",
    "aZhipu Zhipu_ _Zhipu AI Zhipu A 月之暗面Kimi深度求索DeepSeekOpenRouter openrouter2 ſ İ ı",
    "2024年上半年 H1 2025 1H25 Q3 FY24 fiscal 2023 the first half of 2024 nine months ended September 30, 2024",
    "截至2025年6月30日止六个月 2022年至2024年 since 2021 去年同期 early 2024 2024-12-31 19h 20q 29m 123h",
    "ſince 2021 ſecond half of 2024 İn 2024 Kimi 营收。。！\n\n…… end. e.g.x 1,159 a - b —— c – d ;: " + "9" * 31,
]


def _old_find(watchlist: Watchlist, text: str) -> list[tuple[int, int, str]]:
    """The alias matcher as first written: one longest-first alternation."""
    aliases = sorted(watchlist._by_alias, key=len, reverse=True)
    parts = [rf"(?<![A-Za-z0-9]){re.escape(a)}(?![A-Za-z0-9])" if a.isascii() else re.escape(a) for a in aliases]
    pattern = re.compile("|".join(parts), re.IGNORECASE)
    return [(m.start(), m.end(), watchlist._by_alias[m.group(0).casefold()]) for m in pattern.finditer(text)]


def _documents() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((LABELLED / "docs").iterdir())]


@pytest.mark.parametrize("text", TRICKY)
def test_watchlist_trie_matches_the_alternation(text):
    watchlist = build_watchlist()
    assert watchlist.find(text) == _old_find(watchlist, text)


def test_watchlist_on_documents_and_its_api():
    watchlist = build_watchlist()
    for text in _documents():
        assert watchlist.find(text) == _old_find(watchlist, text)
    assert watchlist.find("Kimi与MOONSHOT AI、xkimi") == [(0, 4, "moonshot"), (5, 16, "moonshot")]
    assert watchlist.mentions("智谱和DeepSeek") == {"zhipu", "deepseek"}
    assert watchlist.resolve("z.AI") == "zhipu" and watchlist.get("minimax").names == tuple(ALIASES["minimax"])
    assert watchlist.unwatched(("Kimi", "OpenAI")) == ("OpenAI",)
    assert Watchlist([]).find("智谱") == [] and Watchlist([Company("x", ("",))]).find("abc") == []


@pytest.mark.parametrize("text", TRICKY)
def test_period_spans_match_the_full_pattern(text):
    assert [m.span() for m in _PERIOD_SPANS.finditer(text)] == [m.span() for m in FULL_PERIOD.finditer(text)]


def test_period_spans_on_documents():
    for text in _documents():
        assert [m.span() for m in _PERIOD_SPANS.finditer(text)] == [m.span() for m in FULL_PERIOD.finditer(text)]


def test_anchor_trie_matches_the_alternation():
    plain = re.compile(r"(?:19|20)[0-9]{2}|[0-9]{1,2}[hqm月]|[hq][1-4]|" + "|".join(map(re.escape, _ANCHOR_WORDS)))
    for text in [*TRICKY, *_documents()]:
        lowered = lower_ascii(text)
        assert [m.span() for m in _ANCHOR.finditer(lowered)] == [m.span() for m in plain.finditer(lowered)]


def test_lowering_and_width_keep_every_offset():
    text = "Revenue ＲＭＢ１２３．４５％ 收入\ud800X\x00\r\nİK"
    assert lower_ascii(text) == text.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))
    assert normalize_text(text) == "Revenue ＲＭＢ123.45% 收入\ud800X  \nİK"


def test_same_period_after_a_skipped_window_reads_the_whole_history(watchlist):
    # The window holding "2023年" names no metric and lies ten sentences before the next one that does,
    # so it is skipped, until "同期" asks for the last period named before it.
    text = ("智谱2024年收入为3.124亿元。" + "没有数字。" * 6 + "2023年天气晴，气温20度。" + "没有数字。" * 13
            + "同期，研发投入为5亿元。")
    facts = [(f.metric, f.period, f.value) for f in extract_facts(text, watchlist)]
    assert facts == [("revenue", "FY2024", Decimal("312400000")), ("rd_expense", "FY2023", Decimal("500000000"))]


def test_text_without_a_metric_cue_yields_nothing(watchlist):
    assert extract_facts("智谱2024年天气晴，气温20度。" * 2000, watchlist) == []
    assert extract_facts("智谱" * 100_000 + "2024年", watchlist) == []


# What the sentence and clause patterns were before they started with one character class.
_MONTH_DOT = r"(?<=Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sep\.|Oct\.|Nov\.|Dec\.)"
_PLAIN_END = re.compile(rf"[。！？!?\n]+|\.(?=\s|$)(?<!\bvs\.)(?![ \t]{{1,3}}[a-z])(?!{_MONTH_DOT}\s[0-9])(?!(?<=Sept\.)\s[0-9])"
                        r"|…+")
_PLAIN_CLAUSE = re.compile(r"[，,；;：:]|[—–]{1,2}|\s[-–—]\s")
_PLAIN_LONG_DIGITS = re.compile(r"[0-9]{31,}")


@pytest.mark.parametrize(("fast", "plain"), [(_END, _PLAIN_END), (_CLAUSE, _PLAIN_CLAUSE),
                                             (_LONG_DIGITS, _PLAIN_LONG_DIGITS)])
def test_sentence_patterns_match_the_alternations(fast, plain):
    texts = [*TRICKY, *_documents(), "a.\n b. c.", "。！？\n!?x…", "—–—x – y\t-\tz", "1" * 40 + "x" + "2" * 30,
             "on Jan. 8 it listed. In Dec. It fell. Sept. 30. Sam. 3 x. 2024", "up 76% vs. 68% a year ago. canvs. Vs. x"]
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in fast.finditer(text, 3, len(text) - 2)] == [
            m.span() for m in plain.finditer(text, 3, len(text) - 2)]


def test_cue_trie_with_grouped_first_characters_matches_the_plain_trie():
    book = default_cue_book()
    trie: dict = {}
    for word in book._entries:
        node = trie
        for ch in lower_ascii(word):
            node = node.setdefault(ch, {})
        node[""] = word[-1:].isascii() and word[-1:].isalnum()
    plain = re.compile(_trie(trie))
    fast = compile_words(book._entries)
    assert fast.pattern != plain.pattern  # the grouping is in use
    for text in [*TRICKY, *_documents()]:
        lowered = lower_ascii(text)
        assert [m.span() for m in fast.finditer(lowered)] == [m.span() for m in plain.finditer(lowered)]


@pytest.mark.parametrize("before", [
    "收入超过", "约为", "more than ", "MORE THAN", "ſome ", "İn excess of ", "at Keast ", "xover ", "revenue over ",
    "nearly under ", "逾近", "研发投入为", "about (", "up to the ", "", "startup ",
])
def test_qualifier_hint_never_hides_a_qualifier(before):
    book = default_cue_book()
    full = book._qual_before.search(before)
    expected = full.lastgroup if full else (m.lastgroup if (m := book._qual_after.match("")) else "eq")
    assert book.qualifier(before, "") == expected


def test_a_month_abbreviation_before_a_day_ends_no_sentence():
    text = "Zhipu, which listed on Jan. 8, said revenue rose. It was weak in Dec. Then it fell. To Sept. 30, fine."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "Zhipu, which listed on Jan. 8, said revenue rose.", "It was weak in Dec.", "Then it fell.",
        "To Sept. 30, fine."]


def test_an_abbreviation_a_lower_case_word_goes_on_from_ends_no_sentence():
    text = "Revenue was 800 million U.S. dollars. Zhipu Inc. said little. The U.S. Market fell. it goes on."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "Revenue was 800 million U.S. dollars.", "Zhipu Inc. said little.", "The U.S.", "Market fell. it goes on."]
