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
    _by_alias: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for company in self.companies:
            for name in (company.id, *company.names):
                self._by_alias.setdefault(name.casefold(), company.id)
        aliases = sorted(self._by_alias, key=len, reverse=True)
        if aliases:
            # Latin aliases need word boundaries ("Z.ai" must not match inside "xz.ain"); CJK ones do not.
            parts = [
                rf"(?<![A-Za-z0-9]){re.escape(a)}(?![A-Za-z0-9])" if a.isascii() else re.escape(a)
                for a in aliases
            ]
            self._pattern = re.compile("|".join(parts), re.IGNORECASE)

    def get(self, company_id: str) -> Company | None:
        """Return the company with this canonical id."""
        return next((c for c in self.companies if c.id == company_id), None)

    def resolve(self, alias: str) -> str | None:
        """Map an alias (any case) to its canonical company id."""
        return self._by_alias.get(alias.casefold())

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Return (start, end, company id) for every alias occurrence in the text."""
        if self._pattern is None:
            return []
        return [(m.start(), m.end(), self._by_alias[m.group(0).casefold()]) for m in self._pattern.finditer(text)]

    def mentions(self, text: str) -> set[str]:
        """Return the ids of the companies the text names."""
        return {cid for _, _, cid in self.find(text)}
