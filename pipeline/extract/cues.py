"""The cue book: metric, segment, qualifier and marker words from cues.yaml, and a matcher for them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources

import yaml

from pipeline.extract.sentences import lower_ascii

UNIT_KINDS = ("currency", "percent", "pp", "multiple", "count", "tokens", "plain")


SEGMENT_MODES = ("none", "optional", "required", "whole")


@dataclass(frozen=True, slots=True)
class MetricRule:
    """How one metric is recognised and what it accepts."""

    id: str
    units: frozenset[str]
    segment: str = "none"  # none | optional | required | whole (the company's only: a segment's figure is dropped)
    segment_set: str = "segments"  # segments | groups
    instant: bool = False
    span: bool = False
    gap: int = 1000  # a sentence is at most MAX_SENTENCE long, so this is "anywhere before"
    base: str | None = None
    requires: tuple[str, ...] = ()
    times_percent: bool = False  # a multiple after a Chinese cue is a change of N x 100%
    # cues naming a ratio written as a percentage, N / 100 times ("研发费用率为112.5%": R&D 1.125x revenue), casefolded
    percent_times: frozenset[str] = frozenset()
    rate: bool = False  # a rate at a moment (tokens per day): "as of" a month is that month, not the months up to it
    on_trading_day: frozenset[str] = frozenset()  # cues naming it only on a trading day ("valued at"), casefolded
    tight: frozenset[str] = frozenset()  # cues naming it only with the number right after them ("lost"), casefolded
    loss: bool = False  # a loss: stated as a positive number; a bare loss word after its figure restates it
    counts: str | None = None  # the unit of a count of things (tokens, tokens/day), whatever the number was written as
    listing_day: bool = False  # dated by the listing's first day its sentence names, wherever that stands
    hong_kong_yuan: bool = False  # a bare 元 at a Hong Kong price or 收市 close is the Hong Kong dollar


@dataclass(slots=True, eq=False)  # made by the hundred per document: a plain __init__, compared by identity
class Cue:
    """One cue word found in the text: what it signals and where."""

    start: int
    end: int
    role: str  # metric | negate | change | segment | group | scope | anaphor | total | forecast | conversion | respectively | measure
    names: tuple[str, ...]  # metric ids, or the segment / group / scope id
    side: str = "before"  # for metric cues: written before or after the number


@dataclass(slots=True)
class CueBook:
    """Everything cues.yaml says, compiled for matching."""

    metrics: dict[str, MetricRule]
    scopes: dict[str, dict[str, str]]
    qualifiers: dict[str, dict[str, list[str]]]
    others: tuple[str, ...]
    plausibility: dict[str, Decimal]
    _entries: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict, repr=False)
    _words: WordScanner | None = field(default=None, repr=False)
    _qual_before: re.Pattern | None = field(default=None, repr=False)
    _qual_after: re.Pattern | None = field(default=None, repr=False)
    _groups: dict[str, tuple] = field(default_factory=dict, repr=False)
    _qual_hint: re.Pattern | None = field(default=None, repr=False)
    _metric_pattern: re.Pattern | None = field(default=None, repr=False)
    # True when some metric takes both bare numbers and amounts: a bare one then gets the document's currency
    blends_currency: bool = field(default=False, repr=False)

    def add(self, word: str, role: str, name: str, side: str = "before") -> None:
        """Register a cue word (used while loading)."""
        word = _spelling(str(word))
        if word:
            self._entries.setdefault(word.casefold(), []).append((role, name, side))

    def compile(self) -> None:
        """Build the matchers once every word is registered."""
        self._words = WordScanner(self._entries, spaced=True)
        self._metric_pattern = compile_words([w for w, entries in self._entries.items() if any(r == "metric" for r, _, _ in entries)],
                                             spaced=True)
        self.blends_currency = any({"plain", "currency"} <= rule.units for rule in self.metrics.values())
        self._groups.clear()
        self._qual_before = _qualifier_pattern(self.qualifiers, "before", anchor_end=True)
        self._qual_hint = _qualifier_hint(self.qualifiers, "before")
        self._qual_after = _qualifier_pattern(self.qualifiers, "after", anchor_end=False)

    def find(self, text: str, start: int = 0, end: int | None = None, *, lowered: str | None = None) -> list[Cue]:
        """Return every cue in text[start:end], longest match first at each position."""
        cues = []
        lowered = lower_ascii(text) if lowered is None else lowered
        groups = self._groups
        for m in self._words.matches(lowered, start, len(text) if end is None else end):
            word = m.group(0)
            s = m.start()
            if s and word[0].isascii() and word[0].isalnum() and lowered[s - 1].isascii() and lowered[s - 1].isalpha():
                continue  # a Latin cue inside a longer word ("up" in "startup")
            found = groups.get(word)
            if found is None:
                found = self._group(word)
            e = m.end()
            for role, names, side in found:
                cues.append(Cue(s, e, role, names, side))
        return cues

    def may_name_metric(self, lowered: str, start: int, end: int) -> bool:
        """False when find() could not return any metric cue in lowered[start:end] (one scan in C)."""
        # Any metric cue find() returns is a match of this narrower trie at the same place, so no match
        # here rules them all out; a match may still be a Latin word inside a longer one, hence "may".
        return self._metric_pattern.search(lowered, start, end) is not None

    def _group(self, word: str) -> tuple[tuple[str, tuple[str, ...], str], ...]:
        """The (role, names, side) cues a matched word stands for, remembered per spelling."""
        by_role: dict[tuple[str, str], list[str]] = {}
        for role, name, side in self._entries.get(_spelling(word).casefold(), ()):
            by_role.setdefault((role, side), []).append(name)
        found = tuple((role, tuple(names), side) for (role, side), names in by_role.items())
        if len(self._groups) < 10_000:  # spellings differ only in spacing; garbage must not grow this forever
            self._groups[word] = found
        return found

    def qualifier(self, before: str, after: str) -> str:
        """Return gt/lt/approx/eq from the words just before and just after a number."""
        # Most numbers have no qualifier: a trie of the words alone rules that out in one cheap scan, where
        # the full pattern would try each of its hundred words at every position.
        m = None
        start = self._qualifier_start(before)
        if start is not None:
            m = self._qual_before.search(before, start)
        if m is None:
            m = self._qual_after.match(after)
        return m.lastgroup if m else "eq"

    def _qualifier_start(self, before: str) -> int | None:
        """Where the first qualifier word in before may start; None when there is none."""
        if self._qual_hint is None or (not before.isascii() and _CASE_ESCAPES.search(before)):
            return 0
        # No qualifier match can start before the first place a qualifier word starts, and the lookbehinds
        # of the full pattern still see the text before the position search starts from.
        hint = self._qual_hint.search(lower_ascii(before))
        return None if hint is None else hint.start()


def _pattern_for(word: str) -> str:
    escaped = r"\s+".join(re.escape(part) for part in word.split(" "))
    # Latin cues match whole words only ("up" is not in "upgrade", "API" is not in "APIs"... but "apps" is listed)
    if word[:1].isascii() and word[:1].isalnum():
        escaped = r"(?<![A-Za-z])" + escaped
    if word[-1:].isascii() and word[-1:].isalnum():
        escaped += r"(?![A-Za-z])"
    return escaped


# A space between a Chinese character and a Latin letter or digit: "日均 token 调用量" is the spelling "日均token调用量"
_SCRIPT_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])\s+(?=[^\x00-\x7f])")


def _spelling(word: str) -> str:
    """A cue word as registered: runs of spaces made one, none left where Chinese meets Latin."""
    return _SCRIPT_GAP.sub("", " ".join(word.split()))


def compile_words(words, *, spaced: bool = False) -> re.Pattern:
    """Compile the words as a trie over ASCII-lowered text: no IGNORECASE and a literal first character
    in every branch, so the regex engine skips non-candidate positions in C (tens of MB/s). `spaced`: a
    space may stand where Chinese meets Latin (many Chinese writers put one around every Latin word)."""
    return _compile_trie(_word_trie(words), spaced)


def _word_trie(words) -> dict:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in lower_ascii(word):
            node = node.setdefault(ch, {})
        node[""] = word[-1:].isascii() and word[-1:].isalnum()  # a Latin ending needs a word boundary
    return trie


def _compile_trie(trie: dict, spaced: bool) -> re.Pattern:
    if not trie:
        return re.compile("(?!)")
    return re.compile(_trie(trie, spaced=spaced) if "" in trie else _grouped_root(trie, spaced))


class WordScanner:
    """compile_words' matches, found faster where the text holds words of one script only.

    The one pattern opens with a lookahead, so the engine enters it at every position, and on Latin text walks
    its Latin branches at nearly each one; a trie of the Latin words alone opens with plain literals, whose first
    characters the engine looks for in C: five times faster on English text. No word is in both tries, so where
    one of them matches nowhere, what the other finds is what the one pattern finds; where both match, the one
    pattern is used (merging would need care where a mixed word, "日均token", covers the start of another).
    """

    __slots__ = ("whole", "latin", "other")

    def __init__(self, words, *, spaced: bool = False) -> None:
        trie = _word_trie(words)
        self.whole = _compile_trie(trie, spaced)
        latin = {ch: node for ch, node in trie.items() if ch and ch.isascii()}
        other = {ch: node for ch, node in trie.items() if not ch.isascii()}
        split = "" not in trie and latin and other  # an empty word matches anywhere: no split
        self.latin = re.compile(_trie(latin, spaced=spaced)) if split else None
        self.other = _compile_trie(other, spaced) if split else None

    def matches(self, text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
        """The matches of compile_words(words).finditer(text, start, end), in order."""
        end = len(text) if end is None else end
        if self.latin is not None:
            if self.other.search(text, start, end) is None:  # English text: a short scan, rejecting ASCII at once
                return list(self.latin.finditer(text, start, end))
            if self.latin.search(text, start, end) is None:  # Chinese text: the engine skips it in C
                return list(self.other.finditer(text, start, end))
        return list(self.whole.finditer(text, start, end))


_ROOT_GROUP = 32


def _grouped_root(trie: dict, spaced: bool = False) -> str:
    """The trie with its first characters split into a few classes, each tried by one lookahead.

    The engine tries a node's branches one by one: with a hundred and fifty first characters, every
    candidate position walked that whole list. Here it tests the class of its script (Latin letters in
    one, other characters in classes of _ROOT_GROUP), then only that class's branches: about twice as
    fast on fact-dense text. The branches start with different characters, so grouping them changes
    nothing that matches.
    """
    chars = sorted(trie)
    latin = [ch for ch in chars if ch.isascii()]
    other = [ch for ch in chars if not ch.isascii()]
    groups = [latin] + [other[i:i + _ROOT_GROUP] for i in range(0, len(other), _ROOT_GROUP)]
    branches = [_class(group) + _trie({ch: trie[ch] for ch in group}, spaced=spaced) for group in groups if group]
    return _class(chars) + "(?:" + "|".join(branches) + ")"  # one test rejects a position no word starts at


def _class(chars) -> str:
    return "(?=[" + "".join(re.escape(ch) for ch in chars) + "])"


def _meets(a: str, b: str) -> bool:
    """True where a Chinese character (or other non-ASCII one) meets a Latin letter or digit."""
    return bool(a) and ((a.isascii() and a.isalnum() and not b.isascii()) or (b.isascii() and b.isalnum() and not a.isascii()))


def _trie(node: dict, prev: str = "", spaced: bool = False) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        head = r"\s+" if ch == " " else re.escape(ch)
        if spaced and _meets(prev, ch):
            head = r"\s?" + head
        branches.append(head + _trie(node[ch], ch, spaced))
    if "" in node:
        branches.append(r"(?![A-Za-z])" if node[""] else "")  # the end of a word: tried after every longer one
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


# Characters that IGNORECASE matches to an ASCII letter but lower_ascii leaves as they are (İ ı ſ K).
_CASE_ESCAPES = re.compile("[\u0130\u0131\u017f\u212a]")


def _qualifier_hint(qualifiers: dict, side: str) -> re.Pattern | None:
    """A trie of the qualifier words alone, over ASCII-lowered text and without boundaries: no match means
    the full pattern cannot match. Without IGNORECASE the engine skips non-candidate positions in C."""
    trie: dict = {}
    for name in ("gt", "lt", "approx"):
        for word in qualifiers.get(name, {}).get(side, []):
            word = " ".join(str(word).split())
            if not word or any(not ch.isascii() and ch.lower() != ch.upper() for ch in word):
                return None  # an empty word matches anywhere, a non-ASCII cased one escapes lower_ascii: no shortcut
            node = trie
            for ch in lower_ascii(word):
                node = node.setdefault(ch, {})
            node[""] = False
    return re.compile(_trie(trie) if trie else "(?!)")


def _qualifier_pattern(qualifiers: dict, side: str, anchor_end: bool) -> re.Pattern:
    parts = []
    for name in ("gt", "lt", "approx"):
        words = sorted(qualifiers.get(name, {}).get(side, []), key=len, reverse=True)
        if words:
            parts.append(f"(?P<{name}>" + "|".join(_pattern_for(" ".join(str(w).split())) for w in words) + ")")
    body = "|".join(parts) or "(?!)"
    if anchor_end:
        # Only a word right before the number counts, after fillers like 了/到/达/是 ("突破了1亿"), never
        # one buried earlier in the clause ("超额认购达到了1159倍" is exact, not "more than").
        return re.compile(rf"(?:{body})\s*(?:了|达|達|到|至|为|為|是|有|占|佔|of|a)?\s*[（(\s]*$", re.IGNORECASE)
    # "6,180億港元多出710億元": 多出 after a figure says by how much another one is larger, not "more than" the figure;
    # "智谱 435 +3.1%": a plus sign before a figure is that figure's sign, not "435+"
    return re.compile(rf"\s*(?:{body})(?!出)(?!(?<=\+)[0-9.])", re.IGNORECASE)


def load_cue_book(text: str | None = None) -> CueBook:
    """Build a cue book from YAML text (the bundled cues.yaml by default)."""
    if text is None:
        text = resources.files("pipeline.extract").joinpath("cues.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    metrics = {}
    book = CueBook(
        metrics=metrics,
        scopes={k: dict(v.get("map") or {}) for k, v in (data.get("scopes") or {}).items()},
        qualifiers=data.get("qualifiers") or {},
        others=tuple(str(o) for o in data.get("others") or ()),
        plausibility=_limits(data.get("plausibility") or {}),
    )
    for mid, spec in (data.get("metrics") or {}).items():
        units = frozenset(spec.get("units") or ())
        unknown = units - set(UNIT_KINDS)
        if unknown:
            raise ValueError(f"cues.yaml: metric {mid}: unknown unit kind(s) {sorted(unknown)}")
        if spec.get("segment", "none") not in SEGMENT_MODES:
            raise ValueError(f"cues.yaml: metric {mid}: segment must be one of {', '.join(SEGMENT_MODES)}")
        metrics[mid] = MetricRule(
            id=mid,
            units=units,
            segment=spec.get("segment", "none"),
            segment_set=spec.get("segment_set", "segments"),
            instant=bool(spec.get("instant")),
            span=bool(spec.get("span")),
            gap=int(spec.get("gap", 1000)),
            base=spec.get("base"),
            requires=tuple(str(w).casefold() for w in spec.get("requires") or ()),
            times_percent=bool(spec.get("times_percent")),
            percent_times=frozenset(str(w).casefold() for w in spec.get("percent_times") or ()),
            rate=bool(spec.get("rate")),
            on_trading_day=frozenset(str(w).casefold() for w in spec.get("on_trading_day") or ()),
            tight=frozenset(str(w).casefold() for w in spec.get("tight") or ()),
            loss=bool(spec.get("loss")),
            counts=spec.get("counts"),
            listing_day=bool(spec.get("listing_day")),
            hong_kong_yuan=bool(spec.get("hong_kong_yuan")),
        )
        for side in ("before", "after"):
            for word in spec.get(side) or ():
                book.add(word, "metric", mid, side)
        for word in (*(spec.get("on_trading_day") or ()), *(spec.get("tight") or ()), *(spec.get("percent_times") or ())):
            book.add(word, "metric", mid, "before")
        for word in spec.get("changes") or ():
            book.add(word, "change", mid)
        for word in spec.get("negate") or ():
            book.add(word, "negate", mid, "before")
    for sid, spec in (data.get("scopes") or {}).items():
        for word in spec.get("cues") or ():
            book.add(word, "scope", sid)
    for role, key in (("segment", "segments"), ("group", "groups")):
        for name, words in (data.get(key) or {}).items():
            for word in words or ():
                book.add(word, role, name)
    for role, key in (("anaphor", "anaphors"), ("total", "totals"), ("forecast", "forecasts"), ("measure", "measures"),
                      ("forecast_near", "forecasts_near"), ("forecast_after", "forecasts_after"),
                      ("comparison", "comparisons"), ("sequential", "sequentials"),
                      ("perennial", "perennials"), ("peer", "peers"),
                      ("conversion", "conversions"), ("respectively", "respectively")):
        for word in data.get(key) or ():
            book.add(word, role, role)
    book.compile()
    return book


@lru_cache(maxsize=1)
def default_cue_book() -> CueBook:
    """Return the bundled cue book, loaded once per process."""
    return load_cue_book()


def _limits(data: dict) -> dict[str, Decimal]:
    """The plausibility limits as Decimals, the type of the values they are compared with, made once when loaded."""
    limits = {}
    for name, value in data.items():
        try:
            limits[str(name)] = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(f"cues.yaml: plausibility {name}: {value!r} is not a number") from None
    return limits
