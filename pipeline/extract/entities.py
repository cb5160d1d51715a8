"""Which company a number is about: watchlist aliases, other companies named in passing, the subject."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.cues import WordScanner, lower_ascii
from pipeline.watchlist import Watchlist


@dataclass(slots=True)  # treated as immutable; not frozen=True, whose __init__ costs a setattr call per field
class CompanyMention:
    """A company named in the text; company is None for one that is not on the watchlist."""

    start: int
    end: int
    company: str | None


def find_companies(text: str, watchlist: Watchlist, others: tuple[str, ...], *,
                   lowered: str | None = None) -> list[CompanyMention]:
    """Return watched and other company mentions in order; a watched alias wins where they overlap.

    lowered, when given, is lower_ascii(text) (the caller has it already).
    """
    lowered = lower_ascii(text) if lowered is None else lowered
    watched = [CompanyMention(s, e, cid) for s, e, cid in watchlist.find(text, lowered=lowered)]
    names = watchlist.unwatched(others)
    if not names:
        return watched
    mentions = list(watched)
    starts = [m.start for m in watched]
    for m in _others_scanner(names).matches(lowered):
        if not _whole_word(lowered, m.start(), m.end()):
            continue
        i = bisect_left(starts, m.end())  # watched mentions are sorted and never overlap each other
        if i and watched[i - 1].end > m.start():
            continue
        mentions.append(CompanyMention(m.start(), m.end(), None))
    mentions.sort(key=lambda m: m.start)
    return mentions


@lru_cache(maxsize=8)
def _others_scanner(names: tuple[str, ...]) -> WordScanner:
    return WordScanner({n: None for n in names})


def _whole_word(text: str, start: int, end: int) -> bool:
    """Latin names must not sit inside a longer word ("Meta" is not in "metadata")."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if text[start].isascii() and text[start].isalnum() and before.isascii() and before.isalnum():
        return False
    return not (text[end - 1].isascii() and text[end - 1].isalnum() and after.isascii() and after.isalnum())


def choose_subject(mentions: list[CompanyMention], title: str | None, watchlist: Watchlist) -> str | None:
    """Return the article's subject: the company its title names most, else the one its text names most."""
    if title:
        named = [cid for _, _, cid in watchlist.find(title, lowered=lower_ascii(title))]  # the faster trie, see find
        if named:
            return _most_common(named)
    named = [m.company for m in mentions if m.company]
    return _most_common(named) if named else None


def _most_common(named: list[str]) -> str:
    """The id named most often; ties go to the first one named (a dict keeps first-seen order)."""
    counts: dict[str, int] = {}
    for cid in named:
        counts[cid] = counts.get(cid, 0) + 1
    return max(counts, key=counts.__getitem__)
