"""Evaluate the extractor against labelled documents: recall and precision on expected facts.

Input: a CSV with columns doc,company,metric,period,value,unit,qualifier,core (the format of
shared/corpus/expected_facts.csv) and a folder of documents named by the `doc` column. A .txt or .md
document is read as is, its title being its first non-empty line; HTML and PDF go through
pipeline.parse first, as in the pipeline.

Matching: an extracted fact matches an expected row when doc, company, metric and unit are equal,
the period is equal (an expected `*` accepts any period), and the value is equal within a relative
tolerance of 0.5% (absolute 1e-9 near zero). The qualifier is lenient: `eq` and `approx` accept
each other, because "约/about" is often dropped or added in a retelling, but `gt` and `lt` must be
equal when either side states one ("突破1亿" is not "1亿"). Each expected row is matched by at most
one fact and each fact matches at most one row; rows with an exact period are matched before `*` rows.

Recall: matched core rows / all core rows (core=1).
Precision: extracted facts that match some expected row (core or not) / all extracted facts of the
labelled documents (those named in the CSV). A fact outside the CSV counts against precision even
when it is true: the CSV is the analyst's complete reading of the document. Facts flagged by the
plausibility checks (a `reason` is set) are not claims of truth and are left out of both figures.
Misses (core rows no fact matched) and extras (facts no row matched) are listed as CSV rows in the
same format, so an analyst can paste a correct extra into the CSV.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pipeline.extract import extract_facts
from pipeline.models import Fact, number_to_json
from pipeline.watchlist import Watchlist

COLUMNS = ("doc", "company", "metric", "period", "value", "unit", "qualifier", "core")
TOLERANCE = Decimal("0.005")
TEXT_SUFFIXES = (".txt", ".md")


@dataclass(slots=True)
class EvalReport:
    """Recall and precision of one evaluation run, with every miss and extra."""

    core_total: int
    core_matched: int
    facts_total: int
    facts_matched: int
    misses: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)
    documents: int = 0
    missing_documents: list[str] = field(default_factory=list)
    failed_documents: list[tuple[str, str]] = field(default_factory=list)  # (doc, error): the extractor raised on it

    @property
    def recall(self) -> float:
        """Matched core rows over all core rows (1.0 when there are none)."""
        return self.core_matched / self.core_total if self.core_total else 1.0

    @property
    def precision(self) -> float:
        """Matched facts over all facts of labelled documents (1.0 when there are none)."""
        return self.facts_matched / self.facts_total if self.facts_total else 1.0


def read_expected(path: Path) -> list[dict]:
    """Read an expected-facts CSV into rows (value as Decimal, core as bool)."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            if not row.get("doc"):
                continue
            try:
                value = Decimal(row["value"].strip())
            except (InvalidOperation, AttributeError):
                raise ValueError(f"{path}:{i}: value {row.get('value')!r} is not a number") from None
            rows.append({**{k: (row.get(k) or "").strip() for k in COLUMNS}, "value": value,
                         "core": (row.get("core") or "").strip() in ("1", "true", "yes")})
    return rows


def read_document(path: Path) -> tuple[str, str | None, date | None]:
    """Return a document's text, title and date: text files as they are, other formats parsed."""
    if path.suffix.lower() in TEXT_SUFFIXES:
        text = path.read_text(encoding="utf-8", errors="replace")
        title = next((line.strip().lstrip("# ") for line in text.splitlines() if line.strip()), None)
        return text, title, None
    from pipeline.parse import ParseError, parse_document

    try:
        parsed = parse_document(path.read_bytes(), name=path.name)
    except ParseError:
        return "", None, None
    return parsed.text, parsed.title, parsed.published


def evaluate(expected_csv: Path, docs_dir: Path, watchlist: Watchlist) -> EvalReport:
    """Run the extractor over the labelled documents in docs_dir and score it against the CSV."""
    expected = read_expected(Path(expected_csv))
    docs_dir = Path(docs_dir)
    labelled = sorted({row["doc"] for row in expected})
    report = EvalReport(core_total=sum(r["core"] for r in expected), core_matched=0, facts_total=0, facts_matched=0)
    for doc in labelled:
        path = docs_dir / doc
        rows = [r for r in expected if r["doc"] == doc]
        if not path.is_file():
            report.missing_documents.append(doc)
            report.misses.extend(r for r in rows if r["core"])
            continue
        text, title, published = read_document(path)
        report.documents += 1
        try:
            facts = [f for f in extract_facts(text, watchlist, published=published, title=title) if f.reason is None]
        except Exception as exc:  # an extractor bug on one document is reported with it; the others are still scored
            report.failed_documents.append((doc, f"{type(exc).__name__}: {exc}"[:300]))
            facts = []
        matched_rows, matched_facts = match_facts(rows, facts)
        report.facts_total += len(facts)
        report.facts_matched += len(matched_facts)
        report.core_matched += sum(1 for i in matched_rows if rows[i]["core"])
        report.misses.extend(r for i, r in enumerate(rows) if r["core"] and i not in matched_rows)
        report.extras.extend(fact_row(doc, f) for j, f in enumerate(facts) if j not in matched_facts)
    return report


def match_facts(rows: list[dict], facts: list[Fact]) -> tuple[set[int], set[int]]:
    """Pair expected rows with facts one to one; return the matched row and fact indices."""
    matched_rows: set[int] = set()
    matched_facts: set[int] = set()
    order = sorted(range(len(rows)), key=lambda i: rows[i]["period"] == "*")
    for i in order:
        for j, fact in enumerate(facts):
            if j not in matched_facts and fact_matches(rows[i], fact):
                matched_rows.add(i)
                matched_facts.add(j)
                break
    return matched_rows, matched_facts


def fact_matches(row: dict, fact: Fact) -> bool:
    """Whether one extracted fact is the fact an expected row describes (see the module docstring)."""
    if (row["company"], row["metric"], row["unit"]) != (fact.company, fact.metric, fact.unit):
        return False
    if row["period"] not in ("*", fact.period):
        return False
    if not qualifiers_agree(row["qualifier"] or "eq", fact.qualifier):
        return False
    return values_close(row["value"], fact.value)


def qualifiers_agree(expected: str, found: str) -> bool:
    """eq and approx accept each other; gt and lt must be stated on both sides."""
    lenient = {"eq", "approx"}
    return expected == found or (expected in lenient and found in lenient)


def values_close(expected: Decimal, found: Decimal) -> bool:
    """Equal within the relative tolerance."""
    if expected == found:
        return True
    scale = max(abs(expected), abs(found))
    return abs(expected - found) <= max(scale * TOLERANCE, Decimal("1e-9"))


def fact_row(doc: str, fact: Fact) -> dict:
    """Render a fact as a row of the expected CSV (core=0, so a pasted extra does not count for recall)."""
    return {"doc": doc, "company": fact.company, "metric": fact.metric, "period": fact.period,
            "value": fact.value, "unit": fact.unit, "qualifier": fact.qualifier, "core": False}


def format_report(report: EvalReport) -> str:
    """Return recall, precision, then the misses and the extras as CSV rows."""
    out = io.StringIO()
    out.write(f"recall: {report.recall:.3f} ({report.core_matched}/{report.core_total} core facts)\n")
    out.write(f"precision: {report.precision:.3f} ({report.facts_matched}/{report.facts_total} extracted facts)\n")
    out.write(f"documents: {report.documents}\n")
    if report.missing_documents:
        out.write(f"documents not found: {', '.join(report.missing_documents)}\n")
    for doc, error in report.failed_documents:
        out.write(f"extractor failed on {doc}: {error}\n")
    for name, rows in (("misses", report.misses), ("extras", report.extras)):
        out.write(f"\n{name}: {len(rows)}\n")
        if rows:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(COLUMNS)
            for r in rows:
                writer.writerow([r["doc"], r["company"], r["metric"], r["period"], number_to_json(r["value"]),
                                 r["unit"], r["qualifier"], 1 if r["core"] else 0])
    return out.getvalue()
