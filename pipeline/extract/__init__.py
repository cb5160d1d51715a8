"""Fact extraction: text in, facts out (shared/spec/facts.md).

How a number becomes a fact, in one sentence at a time:
- numbers.py reads the number and its unit (5740万元 → 57400000 CNY; a list naming its unit once shares it);
- cues.yaml says which metric a cue word introduces; the nearest compatible cue wins, and a noun right
  after the number ("657名研发人员", "45% of revenue") decides before anything written earlier;
- periods.py reads the periods; a list of numbers takes a list of periods in order ("分别为",
  "respectively", "从X增至Y", a table's header row); otherwise a number takes the period just before
  it, or the one right after it in English ("$3.46 million in 2023"); a period the sentence leaves
  open comes from the sentences just before, and for stocks (market cap, headcount) from the
  document's date; a number with no period at all is dropped, never dated by guesswork;
- tables.py reads tables cell by cell (markdown, or columns two spaces apart): row label or column header
  for the metric, column header or a period in the row for the period, caption for the unit;
- reconcile.py mends the period of figures whose sentences do not name it and that state how they relate to revenue
  (segments adding up to it, a share, R&D as a multiple): they take the period of the revenue they fit;
- entities.py gives the company: the nearest one named before the number in its sentence or
  paragraph, else the article's subject; a number next to a company that is not watched is dropped.
Forecasts are dropped, not stored with low confidence: a number after 预计/expected/target... in its
sentence, or about a period later than the document's date, is not a result. Numbers that cannot be
right (a share over 100%, a truncated "revenue" of 21.9 yuan) are kept but flagged: low confidence
and a `reason` (plausibility.py).

Speed: the whole text gets only cheap scans (numbers, sentence ends, metric words). The close reading
(periods, cues, values, binding) runs on the windows around numbers that name a metric and the windows
just before them; a text with no number or no metric word stops after those scans. Skipping a window
never changes a fact: what binding reads from earlier sentences is bounded by sentence distance, and
"同期" after a skipped window makes the document be read whole (tests/extract/test_matchers.py).
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from operator import attrgetter

from pipeline.extract.binding import (
    CONTEXT_SENTENCES,
    ROUNDED,
    TABLE_HEADER_REACH,
    Document,
    bind_document,
    rounded,
    roundings,
)
from pipeline.extract.cues import CueBook, default_cue_book, lower_ascii
from pipeline.extract.entities import choose_subject, find_companies
from pipeline.extract.numbers import (
    NOTE,
    NOTE_FIRSTS,
    apply_declared_currency,
    fill_list_units,
    fill_spoken_currency,
    number_matches,
    read_quantities,
)
from pipeline.extract.periods import REFERS_BACK, find_document_date, find_periods
from pipeline.extract.plausibility import check_document
from pipeline.extract.reconcile import redate_breakdowns
from pipeline.extract.sentences import mask_digit_runs, normalize_text, split_sentences
from pipeline.extract.tables import find_tables, table_facts
from pipeline.models import Fact
from pipeline.periods import period_end, span_years
from pipeline.watchlist import Watchlist

EXTRACTOR_VERSION = "2.23.0"

__all__ = ["EXTRACTOR_VERSION", "extract_facts"]


def extract_facts(
    text: str,
    watchlist: Watchlist,
    *,
    published: datetime.date | None = None,
    title: str | None = None,
    book: CueBook | None = None,
) -> list[Fact]:
    """Return the facts a document states about watched companies, ordered by offset; read with the bundled cue book
    (cues.yaml) unless another is given."""
    if not text or not text.strip():
        return []
    norm = _without_comments(mask_digit_runs(normalize_text(text)))
    if book is None:
        book = default_cue_book()
    numbers = number_matches(norm)
    if not numbers:
        return []  # every fact is a number
    sentences = split_sentences(norm)
    # Only sentences with a number, and the few before them (for an open period or segment), are read
    # closely: a long text without numbers costs one pass of each cheap scan, not the full analysis.
    number_starts = [m.start() for m in numbers]
    windows = _windows(sentences, number_starts, text=norm)
    lowered = lower_ascii(norm)
    # Of those, only windows that name a metric can yield a fact, and only they and the windows just
    # before them (a table header, a period left open) can change one: the others are skipped whole.
    live = [book.may_name_metric(lowered, s, e) for s, e, _, _ in windows]
    if not any(live):
        return []
    companies = find_companies(norm, watchlist, book.others, lowered=lowered)
    subject = choose_subject(companies, normalize_text(title) if title else None, watchlist)
    if subject is None:
        return []
    if isinstance(published, datetime.datetime):
        published = published.date()
    doc_date = published or find_document_date(norm)
    read = _needed(windows, live, book.blends_currency)
    dated: dict[int, list] = {}  # each window's periods, read with this doc_date
    periods = _find_periods(norm, lowered, doc_date, windows, read, dated)
    ended = max((period_end(p.label) for p in periods if p.closed), default=None)
    if doc_date is not None and ended is not None and ended > doc_date:
        # "six months ended 30 June 2025" was written after 30 June 2025, whatever date was taken for the text
        doc_date, dated = ended, {}
        periods = _find_periods(norm, lowered, doc_date, windows, read, dated)
    if not all(read) and _needs_history(periods, windows, read):
        read = [True] * len(windows)  # "同期" with no period before it in its sentence reads all earlier ones
        periods = _find_periods(norm, lowered, doc_date, windows, read, dated)
    spans = [(s, e) for (s, e, _, _), r in zip(windows, read, strict=True) if r]
    tabled, in_tables = table_facts(norm, lowered, book, subject, doc_date, companies, find_tables(norm, text))
    doc = Document(
        text=norm,
        lowered=lowered,
        book=book,
        subject=subject,
        doc_date=doc_date,
        sentences=sentences,
        quantities=fill_spoken_currency(norm, apply_declared_currency(norm, fill_list_units(norm, [
            q for q in _outside(read_quantities(norm, _within(numbers, number_starts, spans)), periods) if q.start not in in_tables])),
            [s.start for s in sentences]),
        periods=[p for p in periods if p.kind != "dateline"],  # "财联社8月12日电" only keeps its digits from being numbers
        cues=[c for s, e in spans for c in book.find(norm, s, e, lowered=lowered)],
        companies=companies,
        tabled=tabled,
    )
    facts = []
    seen = set()
    found = redate_breakdowns(sorted([*bind_document(doc), *tabled], key=attrgetter("start")), norm, doc.periods)
    values = [f.value.normalize() for f in found]
    # a compound rate dated by guesswork (a headline's "三年复合增长130%") restates the one stated with its span
    spanned = {(f.company, f.metric, v) for f, v in zip(found, values, strict=True) if span_years(f.period)}
    # a headline or subhead drops the 日均 of the body ("调用量3月突破60万亿"): a token count equal to the same
    # company's daily count for the same month restates it
    daily = {(f.company, f.period, v) for f, v in zip(found, values, strict=True) if f.metric == "daily_token_volume"}
    # a figure a table states is the table's: a sentence restating it ("US$298.4 million" for 298,396) adds no fact,
    # neither a second one nor one dated, or given to a company, otherwise
    table_values: dict[tuple[str, str], set[Decimal]] = {}
    for fact in tabled:
        table_values.setdefault((fact.metric, fact.unit), set()).add(fact.value)
    table_roundings = {key: roundings(values) for key, values in table_values.items()}
    in_table = {(f.company, f.metric, f.period, f.value.normalize()) for f in tabled}
    # a headline's bound on a figure a table states ("日均突破330万亿" over the table's 334): the same figure, rounded
    tabled_exact: dict[tuple, list[Decimal]] = {}
    for f in tabled:
        if f.qualifier in ("eq", "approx"):
            tabled_exact.setdefault((f.company, f.metric, f.period, f.unit), []).append(f.value)
    for fact, value in zip(found, values, strict=True):
        if spanned and (fact.company, fact.metric, value) in spanned and not span_years(fact.period):
            continue
        if fact.metric == "token_volume" and (fact.company, fact.period, value) in daily:
            continue
        key = (fact.company, fact.metric, fact.period, value)
        stated = table_values.get((fact.metric, fact.unit))  # no table figure of its kind: nothing it could restate
        if stated and key not in in_table and _restates_table(fact.value, stated, table_roundings[fact.metric, fact.unit],
                                                              fact.unit):
            continue
        if fact.qualifier in ("gt", "lt") and _bounds_table(fact, tabled_exact.get((fact.company, fact.metric,
                                                                                     fact.period, fact.unit))):
            continue
        if key in seen:
            continue
        seen.add(key)
        if fact.quote != text[fact.start:fact.end]:
            fact = _requote(fact, text)
        facts.append(check_document(fact, book))
    return facts


# Headings over readers' comments: what follows one is not the article. The English ones in any case.
COMMENT_HEADINGS = ("热门评论", "熱門評論", "精彩评论", "精彩評論", "网友评论", "網友評論", "读者评论", "讀者評論", "全部评论",
                    "全部評論", "最新评论", "最新評論", "精选留言", "精選留言", "读者留言", "讀者留言", "评论区", "評論區", "留言区",
                    "留言區")
COMMENT_HEADINGS_EN = ("comments", r"reader\scomments", r"readers'\scomments", r"top\scomments")
# A heading on a line of its own, found by the line break before it: the engine scans for that literal in C (where it
# would try "^" at every position), and the class of the headings' first characters rejects most lines in one test.
_COMMENT_FIRSTS = sorted({h[0] for h in COMMENT_HEADINGS} | {c for h in COMMENT_HEADINGS_EN for c in (h[0], h[0].upper())})
_COMMENTS = re.compile(
    "\n(?=[ \t]*[" + "".join(_COMMENT_FIRSTS) + "])[ \t]*(?:" + "|".join(COMMENT_HEADINGS)
    + "|(?i:" + "|".join(COMMENT_HEADINGS_EN) + "))[ \t]*[:：]?[ \t]*$", re.MULTILINE)


def _without_comments(text: str) -> str:
    """The text up to a comments section in its latter part (a reader's "570亿港元的市值" is no fact of the article):
    a heading starting at or after the first third (a text too short for that holds no heading)."""
    m = _COMMENTS.search(text, max(0, len(text) // 3 - 1))
    return text[:m.start() + 1] if m else text


def _windows(sentences, number_starts: list[int], reach: int = CONTEXT_SENTENCES,
             text: str = "") -> list[tuple[int, int, int, int]]:
    """Merge the spans of sentences holding a number (number_starts: where each number starts, in order), with the
    `reach` sentences before each, and the note right after one ("注：单位为万亿tokens/日" under a list: its caption).

    Returns (start, end, first sentence index, last sentence index) per window.
    """
    starts = [s.start for s in sentences]
    marked = set()
    last = -1  # the sentence of the number before: numbers come in order, so a sentence is marked once
    for at in number_starts:
        i = bisect_right(starts, at) - 1
        if i != last and i >= 0:
            marked.update(range(max(0, i - reach), i + 1))
            last = i
            if text and i + 1 < len(sentences) and text[sentences[i + 1].start] in NOTE_FIRSTS \
                    and NOTE.match(text, sentences[i + 1].start, sentences[i + 1].end):
                marked.add(i + 1)
    windows: list[tuple[int, int, int, int]] = []
    first = prev = -2
    for i in sorted(marked):  # runs of consecutive sentences, each one window
        if i != prev + 1:
            if first >= 0:
                windows.append((sentences[first].start, sentences[prev].end, first, prev))
            first = i
        prev = i
    if first >= 0:
        windows.append((sentences[first].start, sentences[prev].end, first, prev))
    return windows


# How many sentences back binding looks: a table header or unit line, an open period, a segment.
_LOOK_BACK = max(TABLE_HEADER_REACH, CONTEXT_SENTENCES)


def _needed(windows, live: list[bool], everything: bool) -> list[bool]:
    """Which windows to read: those that may name a metric, and any ending within _LOOK_BACK sentences before one.

    A window further back can only leave state that binding no longer looks at (ctx.header, ctx.label and
    the recent periods are all bounded by sentence distance); "同期" is the exception, see _needs_history.
    """
    if everything:
        return [True] * len(windows)
    read = list(live)
    next_live = None  # first sentence index of the nearest live window after this one
    for k in range(len(windows) - 1, -1, -1):
        if next_live is not None and next_live - windows[k][3] <= _LOOK_BACK:
            read[k] = True
        if live[k]:
            next_live = windows[k][2]
    return read


def _find_periods(text: str, lowered: str, doc_date, windows, read: list[bool], dated: dict[int, list]) -> list:
    """The periods of the windows to read, in order. `dated` keeps each window's for the next call with the same
    doc_date: reading the whole history after "同期" reads only the windows skipped so far (find_periods is pure)."""
    periods = []
    for k, (s, e, _, _) in enumerate(windows):
        if read[k]:
            found = dated.get(k)
            if found is None:
                found = dated[k] = find_periods(text, doc_date, s, e, lowered=lowered)
            periods += found
    return periods


def _needs_history(periods, windows, read: list[bool]) -> bool:
    """True when a period refers back ("同期", "a year earlier", "上季度") past a window that was skipped."""
    first_skipped = next(windows[k][0] for k, r in enumerate(read) if not r)
    return any(p.kind in REFERS_BACK and p.start > first_skipped for p in periods)


def _restates_table(value: Decimal, stated: set[Decimal], stated_roundings, unit: str) -> bool:
    """True when value, written with three significant digits or more, is one of a table's figures, or with four or
    more one of them rounded (298.4 for 298.396, see binding.roundings). Fewer digits say too little: a 151% may be
    another year's 150.9%, a 62% another period's 62.0%. An amount counts with three: "US$162.0 million" is 162
    million once its written zero is gone, a table's 162,030 (thousands) rounded, where a three-digit rate or
    multiple is too coarse to be told from a neighbour's."""
    digits = len(value.normalize().as_tuple().digits)
    coarse = digits >= 4 or (digits == 3 and unit not in ("%", "pp", "x"))
    return digits >= 3 and (value in stated or (coarse and rounded(value, stated_roundings)))


def _bounds_table(fact: Fact, stated: list[Decimal] | None) -> bool:
    """True when a bound ("突破330万亿", "over 330 trillion") is met by a table's figure of the same company, metric and
    period within a tenth of it (334; binding.ROUNDED, as for a headline's round figure): a headline's rounding of the
    table's figure, no fact of its own."""
    if not stated or fact.value <= 0:
        return False
    return any((v >= fact.value if fact.qualifier == "gt" else v <= fact.value)
               and abs(v - fact.value) <= fact.value * ROUNDED for v in stated)


def _within(numbers, number_starts: list[int], spans: list[tuple[int, int]]) -> list:
    """The number matches that start inside one of the (sorted) spans (number_starts: where each starts)."""
    kept = []
    for s, e in spans:  # a few windows, many numbers: two bisections per window, not a step per number
        kept += numbers[bisect_left(number_starts, s):bisect_left(number_starts, e)]
    return kept


def _outside(quantities, periods) -> list:
    """Drop numbers that are part of a period ("2024年", "2025年1-9月" are dates, not amounts)."""
    starts, ends = [p.start for p in periods], [p.end for p in periods]  # plain ints: the loop reads them often
    kept, i, n = [], 0, len(periods)
    for q in quantities:
        while i < n and ends[i] <= q.start:
            i += 1
        if i < n and starts[i] < q.end:
            continue
        kept.append(q)
    return kept


def _requote(fact: Fact, text: str) -> Fact:
    # normalisation is character for character, so the original text has the same span
    from dataclasses import replace

    return replace(fact, quote=text[fact.start:fact.end])
