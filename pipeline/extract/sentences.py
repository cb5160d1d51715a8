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

# Each pattern starts with one character class, so the engine skips the positions that cannot start
# a match in C; a lookbehind on that character then picks the branch. They match what the plain
# alternations in tests/extract/test_matchers.py match, three times faster. "Jan. 8": a month's abbreviation
# before a day number ends no sentence; nor does "vs." ("47% vs. 44%"), nor an abbreviation a lower-case word goes
# on from ("800 million U.S. dollars", "Inc. said").
_END = re.compile(r"[。！？!?\n.…](?:(?<=[。！？!?\n])[。！？!?\n]*"
                  r"|(?<=\.)(?<!\bvs\.)(?![ \t]{1,3}[a-z])(?!(?:(?<=Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sep\.|Oct\.|Nov\.|Dec\.)|(?<=Sept\.))"
                  r"\s[0-9])(?=\s|$)|(?<=…)…*)")
_CLAUSE = re.compile(r"[，,；;：:—–\s](?:(?<=[，,；;：:])|(?<=[—–])[—–]?|(?<=\s)[-–—]\s)")
_CUT = re.compile(r"[，,；;：:\s]")
# A figure in bold alone on its line ("**约20万亿**", "**66.5%**"), as data pieces set their figures over captions
FIGURE_LINE = re.compile(r"\*\*(?:约|約|超过|超過|逾|近)?[0-9][0-9,.]{0,20}[^\s*0-9]{0,6}\*\*[ \t]*")


@dataclass(slots=True)  # treated as immutable; not frozen=True, whose __init__ costs a setattr call per field
class Sentence:
    """A sentence span of the text and the paragraph (line block) it belongs to."""

    start: int
    end: int
    paragraph: int


_WIDTH_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in _WIDTH) + "]")
_WIDTH_STR = {chr(k): v if isinstance(v, str) else chr(v) for k, v in _WIDTH.items()}


def normalize_text(text: str) -> str:
    """Return the text with full-width digits and signs made ASCII, and years and months written in Chinese numerals
    ("二〇三〇年", "三月", "十二月") in digits, same length."""
    # str.translate looks up every character of a CJK text in a dict; the few characters to replace
    # are found far faster by a regex character class.
    text = _WIDTH_CHARS.sub(lambda m: _WIDTH_STR[m.group(0)], text)
    if "年" in text:
        text = _with_year_digits(text)
    return _with_month_digits(text) if "月" in text else text


# "今年三月", "三月份", "九月为198万亿": a month in Chinese numerals, as long as its digits ("3月", "12月"), after a year
# or before what a month is written with in figures; not "三月的最后一周", which dates an event (an Arabic "3月" there
# would frame the text's periods as a report on March), nor a numeral inside a larger one ("二十月") or a word ("统一月度",
# "同一月", "第一月", "每一月"), nor "一月" after any other character than 年 or a non-Chinese one ("唯一月票").
# ("十月" is one character longer in digits: periods reads it as it is.)
CN_MONTH_AFTER = "份|底|末|初|中旬|上旬|下旬|为|為|日均|的日均|每日|平均"
_CN_MONTH_AFTER = tuple(CN_MONTH_AFTER.split("|"))
_CN_DIGIT = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_NOT_BEFORE_MONTH = set("一二三四五六七八九十〇零两兩统統同唯每单單某这這那该該第个個几幾数數")
# "一月及二月分別約為…": months listed together, each as the others are
_MONTH_JOIN = ("及", "和", "与", "與", "、", "至", "到", "以及")
_NEXT_MONTH = re.compile(r"(?:及|和|与|與|、|至|到|以及)(?:十[一二]?|[一二三四五六七八九])月")


def _with_month_digits(text: str) -> str:
    """normalize_text's months: each 月 is looked at where it stands (a CJK text has few), not every position."""
    out = None
    last = -9  # where the 月 of the last month turned into digits stands
    i = text.find("月", 1)
    while i > 0:
        two = text[i - 2:i] if i >= 2 else ""
        if two in ("十一", "十二"):
            start, digits = i - 2, "1" + ("1" if two[1] == "一" else "2")
        elif text[i - 1] in _CN_DIGIT:
            start, digits = i - 1, _CN_DIGIT[text[i - 1]]
        else:
            start = -1
        if start >= 0:
            before = text[start - 1] if start else ""
            dated = before == "年" or text[last + 1:start] in _MONTH_JOIN
            fits = before not in _NOT_BEFORE_MONTH and (
                digits != "1" or dated or not before or not "\u4e00" <= before <= "\u9fff")
            if fits and (dated or text.startswith(_CN_MONTH_AFTER, i + 1) or _NEXT_MONTH.match(text, i + 1)):
                if out is None:
                    out = list(text)
                out[start:i] = digits
                last = i
        i = text.find("月", i + 1)
    return text if out is None else "".join(out)


# "二〇三〇年", "二零二五年度": a year in Chinese numerals, as Hong Kong filings and formal Chinese write it, is four
# digits long in figures too. Only a year of this century or the last ("一九…", "二〇…"), not a numeral run inside a
# longer one.
_YEAR_DIGIT = {"〇": "0", "零": "0", "○": "0", **_CN_DIGIT}


def _with_year_digits(text: str) -> str:
    """normalize_text's years: each 年 is looked at where it stands."""
    out = None
    i = text.find("年", 4)
    while i > 0:
        written = text[i - 4:i]
        if written[:2] in ("一九", "二〇", "二零", "二○") and all(c in _YEAR_DIGIT for c in written) \
                and (i == 4 or text[i - 5] not in _YEAR_DIGIT):
            if out is None:
                out = list(text)
            out[i - 4:i] = [_YEAR_DIGIT[c] for c in written]
        i = text.find("年", i + 1)
    return text if out is None else "".join(out)


def lower_ascii(text: str) -> str:
    """Lower-case ASCII letters only, so offsets stay the same."""
    # bytes.lower() touches ASCII bytes only, and no byte of a multi-byte UTF-8 sequence is ASCII: this is
    # ten times faster than str.translate on CJK text ("surrogatepass" keeps lone surrogates as they were).
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


_LONG_DIGITS = re.compile(r"[0-9][0-9]{30,}")  # a leading class: positions skipped in C


def mask_digit_runs(text: str) -> str:
    """Blank out digit runs too long to be any number (IDs, hashes, garbage), keeping offsets."""
    return _LONG_DIGITS.sub(lambda m: " " * len(m.group(0)), text)


def split_sentences(text: str) -> list[Sentence]:
    """Split text into trimmed sentence spans, cutting over-long ones at clause marks."""
    sentences: list[Sentence] = []
    paragraph = 0
    pos = 0
    for m in _END.finditer(text):
        mark = m.group(0)
        if mark[0] == "\n" and text.startswith("**", pos) and FIGURE_LINE.fullmatch(text, pos, m.start()):
            continue  # "**7690万美元**" alone on its line is said by the caption under it: one sentence with it
        end = m.start() if mark[0] == "\n" else m.end()  # a line break ends a sentence without joining it
        if pos < end and not text[pos].isspace() and not text[end - 1].isspace() and end - pos <= MAX_SENTENCE:
            sentences.append(Sentence(pos, end, paragraph))  # nothing to trim or cut: the common case
        else:
            _add(text, pos, end, paragraph, sentences)
        if "\n" in mark:
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
