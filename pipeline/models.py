"""The records that flow between stages: documents in, facts out (shared/spec/facts.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

FACT_KEYS = ("company", "metric", "period", "value", "unit", "qualifier", "quote", "start", "end", "confidence")


@dataclass(frozen=True, slots=True)
class Fact:
    """One number a document states about one company for one period, with its quote span."""

    company: str
    metric: str
    period: str
    value: Decimal
    unit: str
    qualifier: str = "eq"
    quote: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 1.0
    reason: str | None = None  # why confidence was lowered (plausibility), None when nothing is wrong

    def to_json(self) -> dict:
        """Return the fact in exactly the contract's shape (ints stay ints, 84.8 stays 84.8)."""
        return {
            "company": self.company,
            "metric": self.metric,
            "period": self.period,
            "value": number_to_json(self.value),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "confidence": round(float(self.confidence), 3),
        }


def number_to_json(value: Decimal | float | int) -> int | float:
    """Render a value as an int when it is integral, else as the shortest float."""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if d == d.to_integral_value():
        return int(d)
    return float(d)


@dataclass(slots=True)
class FetchedDocument:
    """Raw bytes a source returned, before parsing."""

    source: str  # source id from the config, e.g. "inbox:samples/inbox"
    url: str
    raw: bytes
    content_type: str | None = None
    title: str | None = None
    published_at: datetime | None = None
    kind: str = "news"  # news | filing | stats
    metadata: dict = field(default_factory=dict)
    error: str | None = None  # a fetch-level problem; stored as a failed document


@dataclass(slots=True)
class ParsedDocument:
    """Clean text and metadata from one document (pipeline/parse)."""

    title: str | None
    published: date | None
    lang: str | None
    text: str

    def to_json(self) -> dict:
        """Return the object `marketmon parse` prints."""
        return {
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "lang": self.lang,
            "text": self.text,
        }
