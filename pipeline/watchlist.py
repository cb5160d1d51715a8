"""Watched companies and their aliases; finds which companies a text names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Company:
    """One watched company: canonical id, aliases and exchange identifiers."""

    id: str
    names: tuple[str, ...]
    hkex: str | None = None
    cik: str | None = None
    openrouter: str | None = None  # model author slug on OpenRouter, e.g. "z-ai"


@dataclass(slots=True)
class Watchlist:
    """The companies a deployment watches, with a fast alias matcher."""

    companies: list[Company]
    _pattern: re.Pattern | None = field(default=None, repr=False)
    _lowered: re.Pattern | None = field(default=None, repr=False)  # the same trie, for text.lower(); see mentions
    _by_alias: dict[str, str] = field(default_factory=dict, repr=False)
    _unwatched: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for company in self.companies:
            for name in (company.id, *company.names):
                self._by_alias.setdefault(name.casefold(), company.id)
        self._pattern = alias_pattern(self._by_alias)
        if not any(not ch.isascii() and ch.lower() != ch.upper() for alias in self._by_alias for ch in alias):
            self._lowered = alias_pattern(self._by_alias, flags=0)

    def get(self, company_id: str) -> Company | None:
        """Return the company with this canonical id."""
        return next((c for c in self.companies if c.id == company_id), None)

    def resolve(self, alias: str) -> str | None:
        """Map an alias (any case) to its canonical company id."""
        return self._by_alias.get(alias.casefold())

    def unwatched(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """Return the names that are no alias of a watched company (remembered per tuple of names)."""
        kept = self._unwatched.get(names)
        if kept is None:
            kept = self._unwatched[names] = tuple(n for n in names if self.resolve(n) is None)
        return kept

    def find(self, text: str, *, lowered: str | None = None) -> list[tuple[int, int, str]]:
        """Return (start, end, company id) for every alias occurrence in the text.

        lowered, when given, is the text with its ASCII letters lowered and nothing else changed (the same
        offsets): the case-sensitive trie then runs over it, about three times faster, wherever that is exact
        (see mentions).
        """
        if self._pattern is None:
            return []
        by_alias = self._by_alias
        if lowered is not None and self._lowered is not None and not _FOLDS_ODDLY.search(text):
            # a match is a lowered alias already; its spelling in the text may differ only in ASCII case
            return [(m.start(), m.end(), by_alias[m.group(0)]) for m in self._lowered.finditer(lowered)]
        return [(m.start(), m.end(), by_alias[m.group(0).translate(_DOTTED_I).casefold()])
                for m in self._pattern.finditer(text)]

    def mentions(self, text: str) -> set[str]:
        """Return the ids of the companies the text names.

        Most texts name none (the relevance gate asks this of every page), so they are first ruled out by the
        case-sensitive trie over the lowered text, several times faster than the case-insensitive one. That is
        exact when every alias is ASCII or caseless (CJK) and the text has none of the four characters that
        re.IGNORECASE matches to an ASCII letter other than its two cases; otherwise the full matcher decides.
        """
        if self._lowered is not None and not _FOLDS_ODDLY.search(text) and not self._lowered.search(text.lower()):
            return set()
        return {cid for _, _, cid in self.find(text)}


# İ ı ſ K: the only characters re.IGNORECASE matches to an ASCII letter other than its upper and lower case
# (checked over all of Unicode with Python 3.11's re); İ is also the only one whose lower() is two characters.
_FOLDS_ODDLY = re.compile("[\u0130\u0131\u017f\u212a]")
# casefold() keeps ı and turns İ into i + a combining dot, so a match like "Kİmi" would name no alias.
_DOTTED_I = str.maketrans({"\u0130": "i", "\u0131": "i"})


def alias_pattern(aliases, flags: int = re.IGNORECASE) -> re.Pattern | None:
    """Compile (casefolded) aliases into one case-insensitive trie regex; the longest alias wins at a position.

    A trie tests each character once however many aliases share it, and the leading class lets the
    engine reject every position that cannot start an alias with one test, so the cost no longer
    grows with the number of aliases. Latin aliases need word boundaries ("Z.ai" must not match
    inside "xz.ain"); CJK ones do not. The boundary before an alias is checked where it ends, by a
    lookbehind as long as the alias, so that the trie's branches can all start with a literal.
    """
    trie: dict = {}
    for alias in aliases:
        if not alias:
            continue  # an empty alias would match everywhere
        node = trie
        for ch in alias:
            node = node.setdefault(ch, {})
        node[""] = len(alias) if alias.isascii() else 0
    if not trie:
        return None
    first = "".join(re.escape(ch) for ch in sorted(trie))
    # Case-sensitive, the engine finds the trie's first characters itself, faster than through a lookahead.
    lead = f"(?=[{first}])" if flags & re.IGNORECASE else ""
    return re.compile(lead + _trie(trie), flags)


# After a Latin alias: no letter or digit ("Kimi2" is a model, "MiniMaxing" no name), unless the digits are a year that
# Chinese typesetting glues to the name ("MiniMax2025年营收", "Zhipu2024财年").
_AFTER_LATIN = r"(?:(?![A-Za-z0-9])|(?=(?:19|20)[0-9]{2}\s?(?:年|财年|財年)))"


def _trie(node: dict) -> str:
    branches = [re.escape(ch) + _trie(node[ch]) for ch in sorted(k for k in node if k)]
    if "" in node:
        # tried after every longer alias through this node, as the old longest-first alternation did
        n = node[""]
        branches.append(rf"(?<![A-Za-z0-9][\s\S]{{{n}}}){_AFTER_LATIN}" if n else "")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
