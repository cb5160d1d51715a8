"""Binding: which metric, company, segment and period each number in a sentence belongs to."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import pairwise, takewhile
from operator import attrgetter

from pipeline.extract.cues import Cue, CueBook, MetricRule
from pipeline.extract.entities import CompanyMention
from pipeline.extract.numbers import (
    APPROXIMATE,
    NAMED_YUAN,
    NOTE,
    Quantity,
    apply_label,
    caption_unit,
    find_labels,
)
from pipeline.extract.periods import (
    PARTS,
    REFERS_BACK,
    RESULTS,
    TRAILS_VERB,
    PeriodMention,
    comparative,
    compared,
    find_periods,
    same_of_year,
    shift_year,
    with_another_length,
)
from pipeline.extract.sentences import FIGURE_LINE, MAX_SENTENCE, Sentence, clause_bounds, lower_ascii
from pipeline.models import Fact
from pipeline.periods import period_end, period_kind, period_start, previous_like_period

BASE_CONFIDENCE = 0.9
CONTEXT_SENTENCES = 4  # how far back an unstated period or segment may be taken from
QUALIFIER_REACH = 14  # characters before a number its qualifier is read from ("in excess of ", "大约")
TABLE_HEADER_REACH = 8  # how many lines above a table row its header of periods may be

# Text between a number and the period that belongs to it when the period comes after ("$3.46 million in 2023", "US$2.8
# billion for the year ended 31 December 2029"; a figure heading a bullet: "$302 million: first-quarter 2028 revenue").
_HUG = re.compile(
    r"\s{0,2}(?::\s(?:[A-Za-z'’&-]{1,20}\s){0,2}?|[（(]\s?)?(?:(?:[A-Za-z/&-]{1,20}\s){0,3}?(?i:in|for|during|over|through|as\sof|at|by)\s+(?:(?i:the)\s+)?"
    r"(?:(?i:whole|full|entire|all)\s+(?:(?i:year)\s+)?(?:(?i:of)\s+)?(?:(?i:the)\s+)?"
    r"|(?i:(?:fiscal\s|financial\s)?year\s(?:ended|ending)\s))?)?"  # "US$2,793.8 million for the year ended 31 December 2029"
)
# "the $36.7 million it lost a year before", "the 42% they reported a year earlier": a figure, what was done, when
_DID = re.compile(r"\s(?i:it|they|the\scompany|the\sgroup)\s[a-z]{2,12}\s")
# "4Q27's US$89.6m", "2026's Rmb1.68bn": a period owning the figure right after it
_OWNS_FIGURE = re.compile(r"['’]s\s(?:[A-Za-z]{0,3}\$|[$¥€£]|(?i:rmb|hk\$|us\$))?[0-9]")
_BASE_GAP = re.compile(r"\s{0,2}(?:于|於|(?i:the|that\sof|those\sof))?\s{0,2}")
# "受…纳入指数预期推动，大涨8.7%": an expectation that moved the stock is a cause, not a forecast of the numbers after it
_CAUSE = re.compile(r"(?:预期|預期)(?:推动|推動|提振|带动|帶動|刺激|催化|支撑|支撐)")
_CAUSED_BY = re.compile(r"受[^，,。；;]{0,40}$")
# "主要做…", "mostly sells…": what a company mainly does, before the segment it names
_MAINLY = re.compile(r"主要|大部分|多数|多數|(?i:mainly|mostly|primarily|largely|chiefly|most\sof\sits)")
# "受惠AI原生应用订阅放量，前三季营收…", "Driven by its open platform, revenue…": the cause of a change, not its segment
_DRIVEN = re.compile(r"受惠|受益|得益|受到|(?i:thanks\sto|driven\sby|helped\sby|boosted\sby|fuell?ed\sby|on\sthe\sback\sof)")
# Qualifiers written right after a number ("七成以上", "30%左右"), before the noun that says what it counts
_QUALIFIER_AFTER = re.compile(r"以上|以下|左右|上下|有余|有餘")
# A list item: a sentence opening with a bullet or a number ("• 毛利率：47.5%", "- Net loss…", "．智譜 51.9%" (a full-width
# stop as Hong Kong papers set it), "2. 收入…", "（3）"), or a chart's series told in words ("Bars: Dec 2030: 139 · …").
# A social-media post's emoji ("🥇 智谱：约…", "4️⃣ …", "✅ …") is a bullet too, on a line holding a figure (see _is_item).
_EMOJI = "[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B05-\u2B55]\uFE0F?|[0-9#*]\uFE0F?\u20E3"
# A ranking's place is a mark too: "No.1 智谱：…", "第1名 智谱 …", "#1 Zhipu — …", "Top 3: …". "**" opens bold, no bullet.
_ITEM = re.compile(r"[•·・\-–—▪●◆■►▸▶→⇒➔➜➤➢]|\*(?!\*)|\.(?![0-9.])|[0-9]{1,2}[.、)）](?![0-9])|[（(][0-9]{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩]"
                   r"|(?:No\.\s?|#|(?i:top)\s?)[0-9]{1,2}(?![0-9.,])[:：]?|第[0-9]{1,2}[名位][:：、]?"
                   r"|(?i:bars|series|data\spoints|values)\s?[:：]|" + _EMOJI)
_EMOJI_ITEM = re.compile(_EMOJI)
_FIGURE_DIGIT = re.compile("[0-9]")
# Text that keeps numbers in one list: separators, or "from X to Y" verbs.
_LIST = re.compile(r"\s{0,3}(?:、|,|，|和|及|与|與|以及|and|or|, and|/|;|；)?\s{0,3}(?:\|\s{0,3})?[+＋]?")  # "+46.6%/+64.8%": a sign before an item
_FROM_TO = re.compile(
    r"\s{0,2}(?:[，,]\s?)?(?:分别|分別)?(?:增至|增长至|增长到|增長至|增加至|增加到|上升至|上升到|升至|降至|降到|下降至|下降到|下滑至|"
    r"减少至|減少至|减至|跌至|提升至|提高至|攀升至|飙升至|飆升至|扩大至|擴大至|跃升至|躍升至|增至了|收窄至|回落至|降低至|改善至|到|至|"
    r"(?i:to|up\sto|down\sto|rising\sto|falling\sto|grew\sto|rose\sto|fell\sto|increased\sto|decreased\sto|declined\sto|jumped\sto))"
    r"\s{0,2}(?:了)?\s{0,2}(?:(?:超过|超過|约|約|近|逾|突破|over|about|nearly|more\sthan)\s{0,2})?"
)
# "rose 38% year on year to RMB1.02 billion": what the change is measured against may stand between it and the level
_CHANGE_TO = re.compile(r"(?:[\s,]{0,2}(?i:year[\s-](?:on|over)[\s-]year|yoy|y/y|from\sa\syear\s(?:earlier|ago|before)"
                        r"|on\sthe\syear|on\sa\syearly\sbasis|(?:from|over)\sthe\ssame\s(?:period|quarter)\s(?:a|last)\syear))?"
                        + _FROM_TO.pattern)
_LEVEL = re.compile(r"(?i:\bfrom\b|\bto\b)|至|到")
_FROM_BEFORE = re.compile(r"(?:(?i:from)|较|較|比|由|从|從)\s{0,2}$")
_SEMICOLON = re.compile(r"[;；]")
_BLANK = re.compile(r"\s*")
_COMES_FROM = re.compile(r"来自|來自|(?i:comes?\sfrom|came\sfrom|coming\sfrom)")
_TIGHT_AFTER = re.compile(r"[\s的]{0,2}")
_TIGHT_BEFORE = re.compile(r"\s?(?:了|by|of)?\s?(?:约|約|近|about|some|nearly|roughly)?\s?")
# "折合人民币约5.9亿元": a currency named in words, and a qualifier, between the conversion word and the amount
_CONVERSION_GAP = re.compile(r"\s?[，,]?\s?(?:人民币|人民幣|港币|港幣|港元|美元|新台币|新台幣)?\s?(?:大约|大約|约|約|近|逾)?\s?"
                             r"(?:是|为|為)?\s?")
# "RMB100m (US$14m)", "57.4 million yuan for 2022 -- about 1.1 billion yen": the amount restated in an aside
_CONVERSION_PAREN = re.compile(r"\s?(?:(?i:in|for)\s[0-9A-Za-z]{2,8}\s?)?(?:[（(]|--|—|–)\s?"
                               r"(?:约|約|approximately|about|roughly|around|or|即)?\s?")
# "约占", "佔逾": a share verb right before a number written in tenths
_SHARE_VERB = re.compile(r"[占佔][了据據]?(?:约|約|逾|超过|超過|近|接近|不足|不到)?$")
# A clause opening a comparison, and the word closing it in Chinese ("与…相比")
_COMPARED_OPEN = re.compile(r"(?:与|與|和|跟|同|(?P<en>(?i:compared\s(?:with|to)|versus|against)))")
_COMPARED_CLOSE = re.compile(r"相比|相較|相较|比较|比較")
_COMPARED_REACH = 40
_TO_THE_MONTH = re.compile(r"(?:截至|截止)[^日号號底末]*月$")
_MONTH_END = re.compile(r"[月年]\s?(?:底|末)$")  # "3月末", and "去年底": December's end
_END_OF = re.compile(r"(?i:(?:the\s)?end\sof\s|end-)")
_OF_WHOSE = re.compile(r"\s(?i:of)\s")
_AT_WHOM = re.compile(r"\s(?i:at)\s")
_AND = re.compile(r"\s?(?:、|,|，|和|与|與|及|(?i:and|&))\s?")
_PAIR_REACH = 400  # how far back "两家" / "both" looks for the pair of companies it means
_BOTH = re.compile(r"二者|两者|兩者|双方|雙方|三者|[两兩三四五六七八九十几幾数數]家|(?i:(?:the|these|those)\s(?:two|three|four|five|six)\b|both"
                   r"|all\s(?:three|four|five|six)\b)")
_SUMMED = r"合计|合計|合共|共计|共計|总计|總計"  # the words of a sum over several: a sentence's or a list item's
_TOGETHER = re.compile(_SUMMED + r"|加起来|加起來|(?i:combined|together)")
_OF = re.compile(r"\s(?i:of)\s(?:(?i:the|its|their)\s)?")
# a relative clause, or an appositive one ("Zhipu, the Beijing-based company that listed a day before MiniMax, said…")
_RELATIVE = re.compile(r"\s*(?i:which|who|whose|where|best\sknown|known|(?:the|a|an|its|their)\s[^,.;]{0,60}?\s(?:that|which|who)\b)")
_TO = re.compile(r"(?i:\bto\b)|至|(?<![达達收得经經已])到")  # "已经到": has reached
_BARE_MONTH = re.compile(r"[0-9]{1,2}\s?(?:[-–至到~—]\s?[0-9]{1,2}\s?)?月份?")
_STATEMENT_UNITS = ("currency", "percent", "multiple", "pp")
_UNIT_OUT = {"percent": "%", "pp": "pp", "multiple": "x", "count": "count", "plain": "count"}
# How much less sure a fact is, by where its period came from.
_SOURCE_PENALTY = {"sentence": 0.0, "list": 0.0, "context": 0.15, "document": 0.2, "fallback": 0.3}


@dataclass(slots=True)
class Document:
    """Everything found in one normalised text, sorted by offset, ready for binding."""

    text: str
    lowered: str  # lower_ascii(text): what the cue book matches on, lowered once per document
    book: CueBook
    subject: str
    doc_date: date | None
    sentences: list[Sentence]
    quantities: list[Quantity]
    periods: list[PeriodMention]
    cues: list[Cue]
    companies: list[CompanyMention]
    tabled: list[Fact] = field(default_factory=list)  # the facts the tables state (a headline may restate one)
    _q_starts: list[int] = field(default_factory=list)
    _m_starts: list[int] = field(default_factory=list)
    _currency: str | None = None
    _clauses: tuple[int, list[int]] = (-1, [])  # the clause breaks of the sentence being bound
    _roles: dict[str, list[Cue]] = field(default_factory=dict)  # the cues of the sentence being bound, by role
    _said_all: list[Binding] = field(default_factory=list)  # the numbers bound in the sentence just before this one
    _sections: list[tuple[int, int]] | None = None  # the numbered section headings (see _section_company), when asked
    _opening: list[PeriodMention] | None = None  # the periods of the headline and lede, read once (see _opening_periods)

    @property
    def _said(self) -> Binding | None:
        """The last number bound in the sentence just before the one being bound."""
        return self._said_all[-1] if self._said_all else None

    def __post_init__(self) -> None:
        self._q_starts = [q.start for q in self.quantities]
        self._m_starts = [m.start for m in self.companies]
        units: dict[str, int] = {}
        for q in self.quantities:
            if q.kind == "currency":
                units[q.unit] = units.get(q.unit, 0) + 1
        # the commonest currency, the first named on a tie (what Counter.most_common(1) picks)
        self._currency = max(units.items(), key=_count)[0] if units else None

    def clause_bounds(self, sentence: Sentence) -> list[int]:
        """Return the clause breaks of a sentence (remembered for the sentence being bound)."""
        if self._clauses[0] != sentence.start:
            self._clauses = (sentence.start, clause_bounds(self.text, sentence.start, sentence.end))
        return self._clauses[1]


def _count(item: tuple[str, int]) -> int:
    return item[1]


@dataclass(slots=True)
class Binding:
    """One number with its metric decided; period and company come next."""

    q: Quantity
    rule: MetricRule
    metric: str
    side: str
    cue: Cue
    negate: bool = False
    penalty: float = 0.0
    reasons: list[str] = field(default_factory=list)
    period: PeriodMention | None = None
    period_source: str = ""
    segment: str | None = None  # set by a list of segments bound in order ("A and B accounted for 70% and 30%, respectively")
    company: str | None = None  # likewise by a list of companies ("智谱和MiniMax的收入分别为A和B"); "" for one not watched
    base_of: Binding | None = None  # the level this one is the starting point of ("narrowed to 42.6% from 47.5%")


Caption = tuple[tuple[int, int], ...]  # the spans of a list's caption: its heading, the note under it


@dataclass(slots=True)
class _Context:
    """What earlier sentences said, for what a sentence leaves open."""

    periods: list[tuple[int, PeriodMention]] = field(default_factory=list)  # (sentence index, period)
    segments: list[tuple[int, str]] = field(default_factory=list)
    header: tuple[int, list[PeriodMention]] | None = None  # a table's header row of periods
    label: tuple[int, int, str | None] | None = None  # a unit line ("单位：亿元") above a table
    paragraph: int = -1
    paragraph_start: int = 0
    listed: list[PeriodMention] = field(default_factory=list)  # the last list of 3+ periods numbers were bound to
    refers: bool = False  # the sentence being bound names "同期" / "往績記錄期間": it may mean that list
    glosses: tuple[int, set[int]] | None = None  # (sentence start, ids of segments named as a gloss in brackets)
    undated: set[int] = field(default_factory=set)  # ids of the facts dated only by the document's date
    by_dateline: bool = False  # the fact being made is dated by the document's dateline (see _dateline): undated
    items: list[tuple[int, bool]] = field(default_factory=list)  # the last list items: (sentence index, just "1."?)
    said: tuple[int, list[Binding]] | None = None  # (sentence index, the numbers bound in it)
    it: tuple[int, int, int] = (-1, -1, -1)  # (paragraph start, searched up to, where "它" first is or -1)
    described: tuple[int, int, int] = (-1, -1, -1)  # the same for a description of a company (see _seen_in_paragraph)
    passing: dict[int, bool] = field(default_factory=dict)  # _after_description of a mention, by its start
    speaker: tuple[int, str | None] = (-1, None)  # (sentence start, _named_speaker of it)
    about: tuple[int, bool, str | None] = (-1, False, None)  # (paragraph start, *_described_company of it)
    caption: Caption | None = None  # the caption of the list the sentence being bound is an item of
    note: tuple[int, tuple[int, int] | None] = (-1, None)  # (the last item of the list, the note line under it)
    unit: tuple[Caption | None, tuple[int, str | None] | None] = (None, None)  # (a caption, the unit it gives)


def _like(prev: Binding, q: Quantity, penalty: float = 0.0) -> Binding:
    """q bound as a further value of prev's metric (another period, company or level of the figure just said)."""
    return Binding(q, prev.rule, prev.metric, prev.side, prev.cue, negate=prev.negate, penalty=penalty)


def bind_document(doc: Document) -> list[Fact]:
    """Return the facts of a document, sentence by sentence."""
    facts: list[Fact] = []
    ctx = _Context()
    quantities, periods, cues = doc.quantities, doc.periods, doc.cues
    nq, np_, nc = len(quantities), len(periods), len(cues)
    qi = pi = ci = 0  # sentences come in order: walk the sorted lists once instead of a bisect per sentence
    line = scanned = 0  # where the line of the sentence starts, found by scanning each stretch of text once
    for index, sentence in enumerate(doc.sentences):
        if sentence.paragraph != ctx.paragraph:
            ctx.paragraph, ctx.paragraph_start = sentence.paragraph, sentence.start
        s, e = sentence.start, sentence.end
        line, scanned = max(line, doc.text.rfind("\n", scanned, s) + 1), s
        if _is_item(doc.text, line, s) or _named_line(doc, line, s, e) and not (
                ctx.items and ctx.items[-1][0] == index - 1 and doc.text.count("\n", doc.sentences[index - 1].end, s) > 1):
            # a blank line ends a list of names and figures: a line after it is the story's again
            ctx.items.append((index, _ITEM.fullmatch(doc.text, s, e) is not None))
            del ctx.items[:-3 * TABLE_HEADER_REACH]
        while qi < nq and quantities[qi].start < s:
            qi += 1
        qj = qi
        while qj < nq and quantities[qj].start < e:
            qj += 1
        while pi < np_ and periods[pi].start < s:
            pi += 1
        pj = pi
        while pj < np_ and periods[pj].start < e:
            pj += 1
        while ci < nc and cues[ci].start < s:
            ci += 1
        cj = ci
        while cj < nc and cues[cj].start < e:
            cj += 1
        if qi == qj and pi == pj and ci == cj:
            _remember_label(doc, index, sentence, ctx)  # all a sentence without numbers, periods or cues can leave
        else:
            facts.extend(_bind_sentence(doc, index, sentence, ctx, quantities[qi:qj], periods[pi:pj], cues[ci:cj]))
        qi, pi, ci = qj, pj, cj
    return _without_rounded(_without_restated(facts, ctx.undated, doc.tabled))


ROUNDED = Decimal("0.1")  # how far a headline's round figure ("逼近4億美元") may be from the body's (3.8億美元)


def _without_restated(facts: list[Fact], undated: set[int], tabled: list[Fact] = ()) -> list[Fact]:
    """Drop a figure dated only by the document's date that is stated with its own date elsewhere: a headline's
    "智谱市值站上2046亿港元" is the body's "昨日（6月9日）…总市值约2046亿港元", not a second day's. A rounded one
    ("逼近4億美元", "站上2200亿港元": not "eq") restates a dated figure within a tenth of it, a table's too (a
    newsletter's "more than 300 trillion tokens a day" over its table's 307)."""
    if not undated:
        return facts
    dated: dict[tuple[str, str], set[Decimal]] = {}
    for f in [*facts, *tabled]:
        if id(f) not in undated:
            dated.setdefault((f.company, f.metric), set()).add(f.value)
    ordered = {key: sorted(values) for key, values in dated.items()}
    return [f for f in facts if id(f) not in undated or not _restates(f, dated.get((f.company, f.metric), set()),
                                                                       ordered.get((f.company, f.metric), []))]


def _without_rounded(facts: list[Fact]) -> list[Fact]:
    """Drop a figure that is another of the same company, metric and period rounded: a headline's "营收6.78亿元" is the
    body's "营业收入6.775亿元", "同比增逾2.5倍" aside, not a second revenue."""
    by_key: dict[tuple[str, str, str], set[Decimal]] = {}
    exact: dict[tuple[str, str, str], list[Fact]] = {}
    for f in facts:
        by_key.setdefault((f.company, f.metric, f.period), set()).add(f.value)
        if f.qualifier == "eq" or (f.qualifier == "approx" and f.unit == "tokens/day"):
            exact.setdefault((f.company, f.metric, f.period), []).append(f)
    near = {key: roundings(values) for key, values in by_key.items() if len(values) > 1}
    # only one written as exact: "超1000亿港元" is a claim of its own, kept beside the 1003亿 it bounds
    return [f for f in facts if f.qualifier != "eq" or not rounded(f.value, near.get((f.company, f.metric, f.period)))
            if not _bounds_exact(f, exact.get((f.company, f.metric, f.period)))]


# A mark passed for the first time: "首次突破10亿美元大关", "单季收入首次站上1.4亿美元", "topped $1 billion for the first time"
_MILESTONE = re.compile(r"(?:首次|首度|第一次)(?:突破|站上|超过|超過|迈过|邁過|跨过|跨過|越过|越過|冲上|衝上)|大关|大關|关口|關口"
                        r"|(?i:for\sthe\sfirst\stime|milestone)")


def _bounds_exact(f: Fact, exact: list[Fact] | None) -> bool:
    """"收入增速仍在七成以上" beside "同比增长76.0%": a percentage bound that a figure of the same company, metric and
    period written as exact meets is that figure said loosely, not a second claim. So is an amount's bound written as
    a mark passed, in the sentence of the figure that meets it ("全年收入10.27亿美元，首次突破10亿美元大关"); else
    ("超1000亿港元" beside 1003亿, "市值超3000亿港元，总市值为3012亿港元") it is how the market put it, and stays."""
    if not exact or f.qualifier not in ("gt", "lt"):
        return False
    if f.unit not in ("%", "tokens/day"):
        if not _MILESTONE.search(f.quote):
            return False
        exact = [x for x in exact if x.start == f.start]  # the same sentence quoted
        if not exact:
            return False
    values = [x.value for x in exact]
    return max(values) >= f.value if f.qualifier == "gt" else min(values) <= f.value


def roundings(values: set[Decimal]) -> set[tuple[int, Decimal]]:
    """Every (place, value rounded to that place) of the values, for each place left of a value's last digit.

    A figure is another rounded when it is in this set at its own last digit's place (677500000 gives (6, 678000000)
    among others): one look-up per figure, where comparing each with every other figure of its key would take
    time growing with the square of a text repeating one sentence.
    """
    out = set()
    for value in values:
        fine = value.normalize()
        exponent = fine.as_tuple().exponent
        if not isinstance(exponent, int):
            continue  # NaN or infinity: rounds to nothing
        for place in range(exponent + 1, max(fine.adjusted() + 1, 0) + 1):  # past the first digit it rounds to 0
            out.add((place, fine.quantize(Decimal(1).scaleb(place), rounding=ROUND_HALF_UP)))
    return out


def rounded(value: Decimal, of: set[tuple[int, Decimal]] | None) -> bool:
    """True when the value, at the place of its last written digit, is one of the figures whose roundings `of` holds
    (see roundings)."""
    if not of:
        return False
    coarse = value.normalize()
    place = coarse.as_tuple().exponent
    return isinstance(place, int) and (place, coarse) in of


def _restates(f: Fact, values: set[Decimal], ordered: list[Decimal]) -> bool:
    """True when f is one of the values (written as exact) or within a tenth of one (rounded)."""
    if f.qualifier == "eq":
        return f.value in values
    x = f.value
    if not x:
        return x in values
    # |x - v| <= v/10 needs v of x's sign with 0.9v <= x <= 1.1v (v > 0) or 1.1v <= x <= 0.9v (v < 0): the smallest
    # v past the nearer bound is the only one to check (sorted, so no comparison with every value)
    scale = Decimal("1.1") if x > 0 else Decimal("0.9")
    i = bisect_left(ordered, x, key=lambda v: v * scale)
    return i < len(ordered) and abs(x - ordered[i]) <= ROUNDED * abs(ordered[i])


def _bind_sentence(doc: Document, index: int, sentence: Sentence, ctx: _Context, quantities: list[Quantity],
                   periods: list[PeriodMention], cues: list[Cue]) -> list[Fact]:
    s, e = sentence.start, sentence.end
    ctx.refers = any(p.kind == "same" and p.label in ("", "list") for p in periods)
    # "上年为39.2亿元" is a year-earlier level as "上年同期为…" is: it closes its own clause's comparison
    priors = {p.start for p in periods if p.kind == "prior" or (p.end - p.start == 2 and doc.text.startswith("上年", p.start))}
    doc._said_all = ctx.said[1] if ctx.said and ctx.said[0] == index - 1 else []
    if any(p.kind in _REFERS for p in periods):  # most sentences name no period referring back: nothing to resolve
        periods = _resolve_same(periods, ctx, doc, _statements_only(doc.book, cues))
    facts: list[Fact] = []
    caption = ctx.caption = (_list_caption(doc, index, ctx) or _pairs_caption(doc, index, sentence, cues)) \
        if quantities else None
    heading = (caption and _caption_cues(doc, caption) or _carried_cues(doc, index, sentence, ctx, cues)) \
        if quantities else []
    if quantities and (heading or doc._said or any(c.role == "metric" for c in cues)):
        roles: dict[str, list[Cue]] = {}
        for c in cues:
            roles.setdefault(c.role, []).append(c)
        doc._roles = roles  # each step below filters the sentence's cues by role: sort them once
        quantities = _apply_labels(doc, quantities, s, e, index, ctx, caption)
        bindings = _bind_metrics(doc, sentence, quantities, cues, heading)
        if bindings and any(b.rule.tight for b in bindings):
            bindings = [b for b in bindings if not _apart(doc, b, bindings)]
        if bindings:
            ctx.said = (index, bindings)
            runs = _runs(doc.text, bindings)  # lists of numbers of one metric ("A、B和C"): zipped with periods, segments, companies
            if "respectively" in roles and _zip_metrics(doc.text, bindings, runs):
                runs = _runs(doc.text, bindings)  # a list zipped with metrics is none of one metric: each takes its period
            _bind_periods(doc, sentence, index, bindings, runs, quantities, periods, cues, ctx, priors)
            if "respectively" in roles:
                _zip_segments(doc, sentence, runs)
                _zip_companies(doc, sentence, runs)
            if bindings[0].side == "caption":
                _zip_captioned(doc, sentence, bindings)
            facts = [f for b in bindings if (f := _to_fact(doc, sentence, index, b, cues, periods, ctx))]
    _remember(doc, index, sentence, quantities, [p for p in periods if p.start not in priors], cues, ctx)
    return facts


def _statements_only(book: CueBook, cues: list[Cue]) -> bool:
    """True when every metric the sentence names is a statement figure (revenue, a margin, a loss: _reported)."""
    named = [n for c in cues if c.role == "metric" for n in c.names]
    return bool(named) and all(_reported(book.metrics[n]) for n in named)


def _resolve_same(periods: list[PeriodMention], ctx: _Context, doc: Document,
                  statements: bool = False) -> list[PeriodMention]:
    """Turn "同期" / "the same period" into the last period named before it, "a year earlier" into the one before, and
    "上季度" / "a month earlier" into the quarter or month before the last quarter or month named.

    In a sentence naming statement figures only (`statements`), a month or a day named in an earlier sentence is no
    candidate:
    "Daily tokens reached 120 trillion in July. Gross margin was 57.2%, up from 53.9% a year earlier" compares the
    quarter reported on with its year-earlier quarter, not July with July.

    For "同期", a bare month that dated the last number of the sentence just before counts as named, though _remember
    keeps no bare month: "2月的日均调用量约为84万亿。MiniMax同期约为26万亿" is February's."""
    for p in periods:
        if p.kind in _REFERS:
            break
    else:
        return periods  # most sentences name neither: nothing to resolve
    said = doc._said.period if doc._said is not None else None
    if said is not None and not _BARE_MONTH.fullmatch(doc.text, said.start, said.end):
        said = None
    out = []
    earlier = set()  # the starts of year-earlier periods resolved: "the six months" after "a year earlier" is not that
    stepped = set()  # and of periods resolved a step back ("the prior quarter")
    for p in periods:
        if p.kind == "reported":  # "本期間" past the opening that defines it: the period the opening names
            if (r := _reporting_period(doc) or _opening_period(doc)) is None:
                continue
            p = PeriodMention(p.start, p.end, r.kind, r.label, r.years, r.flow)
        if p.kind in _REFERS:
            kinds = ("flow", "date", "span") if p.kind == "same" else ("flow", "date")
            hint = p.label.split("|") if p.label else None  # "the same nine months": a period that long
            if hint == ["M"]:
                hint = ["M", "D"]  # "a month earlier" than a month or a day
            if hint == ["list"]:
                kinds, hint = ("span",), None  # "往績記錄期間" alone: the years of the last span (lists: _zip_run)

            def fits(q: PeriodMention, kinds=kinds, hint=hint) -> bool:
                return q.kind in kinds and (hint is None or period_kind(q.label) in hint)

            told = [said] if said is not None and p.kind == "same" and fits(said) else []
            if p.kind == "same" and hint in (["H1"], ["Q1-Q3"]):
                # "For the first half, revenue reached $577.9 million. Adjusted net loss for the six months…": the six
                # or nine months the sentence just before was about, though an aside that dates nothing further
                told += [b.period for b in doc._said_all if b.period is not None and fits(b.period)][:1]
            # "较上年增长128.4%；净亏损为29.9亿元，上年同期亏损24.1亿元": not the base a change was measured from
            named = [q for q in out if fits(q) and q.start not in earlier
                     and not (p.kind in ("same", "prior") and compared(doc.text, q.start))]
            if p.kind == "prior" and len(named) > 1:
                # "$301.2 million, versus $276.7 million in the prior quarter and $212.9 million a year ago": a year
                # back from the quarter reported on, not from the one it was compared with
                named = [q for q in named if q.start not in stepped] or named
            if len(named) > 1 and p.kind in ("same", "prior"):
                # "三季度毛利率为49.3%，较二季度的48.6%提高…，去年同期则为46.3%": not the period compared with
                named = [q for q in named if not _FROM_BEFORE.search(doc.text, max(0, q.start - 8), q.start)] or named
            prior = named or sorted([q for _, q in ctx.periods if fits(q) and not (statements and _no_statement_period(q))] + told,
                                    key=_start)
            if not prior and p.kind == "before" and hint == ["Q"] and doc.doc_date is not None:
                prior = [_writing_quarter(p, doc.doc_date)]  # "上季度营收…" with no quarter named: the last one ended
            if not prior:
                continue
            named_last = prior[-1]
            if p.kind in ("same", "prior") and named_last.end < p.start \
                    and (reported := _section_period(doc, named_last, p.start)) is not None:
                # "4. 研發開支 … 約為同期收入的0.7倍" after a section on July, "Gross margin was 54.0%, compared with 50.3% in
                # the prior year" under its own heading after one on the fourth quarter: the filing's period
                named_last = reported
            last = named_last if p.kind == "same" else shift_year(named_last, -1) if p.kind == "prior" else _step_back(
                named_last)
            if last is None:
                continue
            if p.kind == "prior":
                earlier.add(p.start)
            elif p.kind == "before":
                stepped.add(p.start)
            p = PeriodMention(p.start, p.end, last.kind, last.label, last.years, last.flow)
        out.append(p)
    return out


_REFERS = (*REFERS_BACK, "reported")  # the kinds of period that refer to one named elsewhere


def _writing_quarter(p: PeriodMention, day: date) -> PeriodMention:
    """The quarter a text was written in, at p's place: what "last quarter" steps back from when none is named."""
    return PeriodMention(p.start, p.end, "flow", f"{day.year}Q{(day.month - 1) // 3 + 1}", (day.year,))


def _step_back(p: PeriodMention) -> PeriodMention:
    """The quarter before a quarter (2029Q1 → 2028Q4), the month before a month; before a day, the same day of the
    month before, and before a month's end ("ARR at the end of May, against … a month earlier") that month (2029-04):
    what a month-end rate is labelled with (_final_period)."""
    if p.kind == "date":
        day = date.fromisoformat(p.label)
        d = day.replace(day=1) - timedelta(days=1)  # the end of the month before
        if not _month_last_day(p.label):
            d = d.replace(day=min(day.day, d.day))
            return PeriodMention(p.start, p.end, "date", d.isoformat(), (d.year,))
        p = PeriodMention(p.start, p.end, "flow", day.isoformat()[:7], (day.year,))
    y, n = int(p.label[:4]), int(p.label[-2:].lstrip("Q-"))
    y, n = (y, n - 1) if n > 1 else (y - 1, 4 if "Q" in p.label else 12)
    return PeriodMention(p.start, p.end, "flow", f"{y}Q{n}" if "Q" in p.label else f"{y}-{n:02d}", (y,))


# The end of a line heading a box or table of figures: "5月營運數據", "3月数据一览"
_DATA_HEADING = re.compile(r"(?:数据|數據|资料|資料|概况|概況|一览|一覽|速览|速覽)\s?[】\]]?\s*$")


# What may close a heading after the metric it names: its unit in brackets ("（万亿tokens）", "(US$ million)"), a colon
_HEADING_TAIL = re.compile(r"[ \t]?(?:[（(][^()（）\n0-9]{1,24}[)）])?[ \t]?[:：]?[ \t]*")


def _metric_heading(doc: Document, sentence: Sentence, cues: list[Cue]) -> bool:
    """True for a line of its own that ends on the metric it names ("上月（8月）日均token調用量", "8月日均调用量：", "6月
    各家日均调用量（万亿tokens）："): the heading of the figures listed under it, which its month dates."""
    return (doc.text.startswith("\n", sentence.end) or sentence.end == len(doc.text)) and any(
        c.role == "metric" and (sentence.end - c.end <= 1 or _HEADING_TAIL.fullmatch(doc.text, c.end, sentence.end))
        for c in cues)


# the end of a line heading the lines under it: "Highlights from the quarter:"
_HEADS_LINES = re.compile(r"[:：][ \t]*$")


def _remember(doc, index, sentence, quantities, periods, cues, ctx: _Context) -> None:
    if periods:
        latest = max([y for _, p in ctx.periods for y in p.years], default=0)  # what the story had reached so far
        for p in periods:  # one at a time: whether a period dates what follows depends on those kept before it
            if _dates_what_follows(doc, index, sentence, p, quantities, cues, ctx, latest):
                ctx.periods.append((index, p))
        del ctx.periods[:-12]
    for c in cues:
        if c.role == "segment":
            ctx.segments.append((index, c.names[0]))
    del ctx.segments[:-6]
    if not quantities:
        concrete = [p for p in periods if p.kind in ("flow", "span", "date")]
        if len(concrete) >= 2:
            ctx.header = (index, [x for p in concrete for x in p.expand()])
        _remember_label(doc, index, sentence, ctx)


def _dates_what_follows(doc: Document, index: int, sentence: Sentence, p: PeriodMention, quantities: list[Quantity],
                        cues: list[Cue], ctx: _Context, latest: int) -> bool:
    """True for a period that dates the figures of the sentences after it (until another does): the period a story
    reports on, not one its sentence names for its own sake."""
    if p.kind not in ("flow", "date", "span"):
        return False
    text = doc.text
    # "3月，智谱发布GLM-4.5": a month without its year dates an event; a box's heading "【小檔案】5月營運數據" (or one
    # ending on the metric it lists) dates the lines under it
    if _BARE_MONTH.fullmatch(text, p.start, p.end) and (quantities or not (
            _DATA_HEADING.search(text, p.end, sentence.end) or _metric_heading(doc, sentence, cues))):
        return False
    if _is_base(doc, p, cues) and (quantities or not _HEADS_LINES.search(text, p.end, sentence.end)) \
            or _dates_a_base(doc, p, quantities, cues) or comparative(text, p):
        return False  # a comparison's period (but "Highlights from the quarter:" heads the lines under it)
    if _singled_out(text, p) or _looks_back(text, p) or _event_month(text, p) or _to_date_aside(doc, sentence, p, ctx):
        return False  # a part singled out, a look back, the month of an event: each dates its own sentence only
    if p.years and p.years[-1] < latest and _trailing(text, p, quantities):
        return False  # a trailing earlier year is a comparative's
    if _before_recent(ctx, index, p) or _forecast_clause(doc, sentence, p, cues):
        return False  # "管理層暗示今年有機會轉虧為盈": the year of an outlook dates no result after it
    # "We had expected the 40% mark in 2H28" in May 2028: a period not begun is an outlook's
    return not (doc.doc_date is not None and p.kind == "flow" and _not_begun(p.label, doc.doc_date))


def _forecast_clause(doc: Document, sentence: Sentence, p: PeriodMention, cues: list[Cue],
                     quantities: list[Quantity] = ()) -> bool:
    """True for a period in the clause of a forecast word ("，管理層暗示今年有機會轉虧為盈"), none of the quantities
    in it: an outlook's period, not one of the figures before it. Asked whether a period dates the sentences after it
    (_dates_what_follows), no quantities are given: an outlook's clause dates nothing later, whatever it holds."""
    forecasts = [c for c in cues if c.role == "forecast" and not _a_cause(doc.text, c)]
    if not forecasts:
        return False
    bounds = doc.clause_bounds(sentence)
    k = _clause(bounds, p.start)
    return any(_clause(bounds, c.start) == k for c in forecasts) \
        and not any(_clause(bounds, x.start) == k for x in quantities)


def _before_recent(ctx: _Context, index: int, p: PeriodMention) -> bool:
    """True for a quarter, half or year earlier than a quarter or half reported on in the sentences just before, or
    than the last period remembered ("Revenue for the first quarter of 2028 was…. Q4 2027 revenue was…; the first
    quarter of 2027 brought in…; last year it lost…"): a comparison's period or a look back, which the figures after
    it do not report on."""
    kind = period_kind(p.label) if p.kind == "flow" else None
    if kind not in PARTS and kind != "FY":
        return False
    end = period_end(p.label)
    last = next((x for _, x in reversed(ctx.periods) if x.kind == "flow"), None)
    for i, x in ctx.periods:  # the kind first: it rules most out before the distance is counted
        if x.kind == "flow" and (k := period_kind(x.label)) in PARTS and (k == kind or kind == "FY") \
                and period_end(x.label) > end and (x is last or _distance(ctx, i, index) <= CONTEXT_SENTENCES):
            return True
    return False


# "In the fourth quarter alone", "仅第四季度", "四季度单季", "其中第四季度": a part of the period reported on, singled out
_ALONE_AFTER = re.compile(r"\s?(?:(?i:alone)\b|单季|單季|单月|單月)")
_ONLY_BEFORE = re.compile(r"(?:仅|僅|光是|单是|單是|单就|單就|其中)\s?$")
# "349 million dollars for the half, of which 181 million was in the second quarter": a part of the figure before it
_PART_BEFORE = re.compile(r"\b(?i:of\swhich)\b(?:[^.;\n]|\.(?=[0-9])){0,40}\b(?i:in|for)\s$")


# "期内亏损", "loss for the period": a figure of the whole period reported on, not of a part singled out before it
_FOR_THE_PERIOD = re.compile(r"期内|期內|年内|年內|(?i:for\sthe\s(?:period|year))")


def _singled_out(text: str, p: PeriodMention) -> bool:
    """True for a period singled out of the one reported on ("In the fourth quarter alone, sales reached…", "…, of
    which 181 million was in the second quarter"): it dates its own sentence, not the ones after it, which go on about
    the whole period. (_PART_BEFORE ends on a space: a period right after any other character skips its long search.)"""
    return _ALONE_AFTER.match(text, p.end) is not None or _ONLY_BEFORE.search(text, max(0, p.start - 3), p.start) is not None \
        or (text[p.start - 1:p.start].isspace() and _PART_BEFORE.search(text, max(0, p.start - 60), p.start) is not None)


# what may close a period opening its sentence: "For the first nine months of the year, revenue was…", "前三季度，"
_FRONTED_AFTER = re.compile(r"(?:\s(?i:of\s(?:the|this)\syear))?\s?[,，]")
_FRONTED_BEFORE = ("", "for", "in", "over")
_LAST_QUARTER = {"Q1-Q3": "Q3", "H1": "Q2"}  # the quarter a year to date ends with
_CJK_AFTER = re.compile(r"[\u4e00-\u9fff0-9]")  # a Chinese period run on into its sentence


def _to_date_aside(doc: Document, sentence: Sentence, p: PeriodMention, ctx: _Context) -> bool:
    """True for the year to date opening a sentence of a story on the quarter it ends with ("…the company said after
    the close on Monday. For the first nine months of the year, revenue was $507.4 million. Gross margin widened to
    46.3% from 43.1%."): an aside on the running total, the sentences after it go back to the quarter."""
    quarter = _LAST_QUARTER.get(period_kind(p.label)) if p.kind == "flow" and p.label else None
    if quarter is None:
        return False
    before, marked = doc.text[sentence.start:p.start].strip(), False
    if before and (m := _ITEM.match(before)) is not None:
        before, marked = before[m.end():].strip(), True  # a list item's mark first ("2、前三季度…", "· 前三季度…")
    if lower_ascii(before) not in _FRONTED_BEFORE:
        return False
    quarter = f"{p.years[0]}{quarter}"
    if _FRONTED_AFTER.match(doc.text, p.end):
        # not a bullet: a filing's "．截至9月30日止九個月，收入為…" summarises the period it reports on
        return not marked and any(x.label == quarter for _, x in ctx.periods)
    # Chinese runs the total on into its sentence ("前三季度累计收入…", "前三季度合计毛利率…", "前三季度70.22亿元"), a
    # list item's too: an aside when the story is on the quarter and has not reported the total itself
    if not _CJK_AFTER.match(doc.text, p.end):
        return False
    return any(x.label == quarter for _, x in ctx.periods) and not any(x.label == p.label for _, x in ctx.periods)


# "back in 2022", "as far back as 2021", "早在2022年": a look back at a time long past
_BACK_BEFORE = re.compile(r"(?:(?i:\bback\sin|\bas\sfar\sback\sas|\bas\searly\sas|\bas\slong\sago\sas)\s|早在\s?)$")


# "the guidance range issued in March", "a model released in April": the period an event happened in, not one that
# figures are reported for
_EVENT_BEFORE = re.compile(r"\b(?i:issued|announced|published|released|launched|unveiled|filed|signed)\s(?i:in|on)\s$")


# "Zhipu's January 2026 debut", "its March listing": a period an event is named by, as an adjective
_EVENT_AFTER = re.compile(r"\s(?i:debut|listing|IPO|flotation|float|launch|release|offering)\b")


def _event_month(text: str, p: PeriodMention) -> bool:
    """True for the period of an event told before it (see _EVENT_BEFORE) or named by it ("its January 2026 debut");
    the pattern before ends on a space, so a period right after any other character is told without its search."""
    return text[p.start - 1:p.start].isspace() and _EVENT_BEFORE.search(text, max(0, p.start - 14), p.start) is not None \
        or _EVENT_AFTER.match(text, p.end) is not None


def _looks_back(text: str, p: PeriodMention) -> bool:
    """True for a period a look back is dated with ("Back in 2022, on-premise was 95% of revenue"): an aside that dates
    its own sentence, not the ones after it, which go back to the period reported on."""
    before = text[p.start - 1:p.start]
    if not before.isspace() and before != "在":
        return False  # _BACK_BEFORE ends on a space or on 早在: most periods are told without its search
    return _BACK_BEFORE.search(text, max(0, p.start - 22), p.start) is not None


def _is_base(doc: Document, p: PeriodMention, cues: list[Cue]) -> bool:
    """"较去年同期", "from 2023": a period a comparison starts from, which the next sentences do not report on."""
    text = doc.text
    if _FROM_BEFORE.search(text, max(0, p.start - 8), p.start):
        return True
    return _after_comparison(text, p.start, cues)


# "年內虧損為人民幣8,062,730千元，2026年為人民幣6,735,940千元": a clause of a period and its figure after a figure
_TRAILING_OPEN = re.compile(r"\s?[，,；;]\s?")


def _trailing(text: str, p: PeriodMention, quantities: list[Quantity]) -> bool:
    """True for the period of a figure written after another ("…為A，2026年為B"): when it is earlier than the year
    reported on, it is a comparative's which, like "（2026年：B）", labels only its own figure, and the next sentences
    do not report on it (a later one, "2024年为A,2025年前九个月为B。同期…", moves the story on)."""
    q = _number_before(quantities, p.start)
    if q is None or _TRAILING_OPEN.fullmatch(text, q.end, p.start) is None:
        return False
    # "…70.22亿元，去年前三季度43.13亿元": the figure right after the period, as well as after 为
    return TRAILS_VERB.match(text, p.end) is not None or getattr(_first_from(quantities, p.end), "start", -1) == p.end


def _number_before(quantities: list[Quantity], pos: int) -> Quantity | None:
    """The last of the numbers that ends by pos."""
    for q in reversed(quantities):
        if q.end <= pos:
            return q
    return None


def _number_between(quantities: list[Quantity], start: int, end: int) -> bool:
    """True when one of the numbers lies within text[start:end]."""
    for x in quantities:
        if start <= x.start and x.end <= end:
            return True
    return False


def _first_from(items: list[Quantity] | list[PeriodMention], pos: int) -> Quantity | PeriodMention | None:
    """The first of the numbers or periods that starts at pos or after (a loop: they are few, and a generator costs more)."""
    for x in items:
        if x.start >= pos:
            return x
    return None


def _after_comparison(text: str, pos: int, cues: list[Cue]) -> bool:
    """True when a comparison cue ends right before pos ("较去年同期", "compared with the"): what starts there is the
    comparison's base."""
    for c in cues:
        if c.role == "comparison" and c.end <= pos and _BASE_GAP.fullmatch(text, c.end, pos):
            return True
    return False


def _dates_a_base(doc: Document, p: PeriodMention, quantities: list[Quantity], cues: list[Cue]) -> bool:
    """"compared with 8.9% for the six months ended 30 June 2024", "from US$11.8 million in 2024": the period of a
    comparison's base figure, which the next sentences do not report on."""
    text = doc.text
    q = _number_before(quantities, p.start)
    if q is None or p.start - q.end > 25 or not _HUG.fullmatch(text, q.end, p.start):
        return False
    if _FROM_BEFORE.search(text, max(0, q.start - 8), q.start):
        return True
    return _after_comparison(text, q.start, cues)


def _remember_label(doc: Document, index: int, sentence: Sentence, ctx: _Context) -> None:
    """A unit line ("（单位：亿元）") opening a sentence without numbers, or closing a heading ("Headline numbers (six
    months to June 30, 2026; Rmb)"), scales the table rows or list items below it."""
    s, e = sentence.start, sentence.end
    text = doc.text
    if text.find(")", s, e) < 0 and text.find("）", s, e) < 0:
        return  # no closing bracket, no label: most sentences, told without slicing them
    head = min(s + 12, e)
    tail = len(text[s:e].rstrip(" :：\n")) + s
    if text.find("(", s, head) < 0 and text.find("（", s, head) < 0 and not text.startswith((")", "）"), tail - 1):
        return  # a label starts with a bracket in the first 12 characters, or ends the line
    for start, end, power, unit in find_labels(doc.text, s, e):
        if start - s < 12 or end == tail:
            ctx.label = (index, power, unit)


def _apply_labels(doc, quantities, s, e, index, ctx: _Context, caption: Caption | None = None) -> list[Quantity]:
    """Scale bare numbers in a table row by the row's unit label, the caption of the list it is an item of ("（万亿
    tokens）", "单位：亿美元" over "智谱 1,386"), or a unit line just above the table."""
    if all(q.kind != "plain" for q in quantities):
        return quantities
    labels = find_labels(doc.text, s, e)
    # "…日均Token調用量約為77萬億，而2026年12月約為42萬億。" a few lines under a table's "（人民幣元）" row: a sentence
    # closed by a full stop is prose, which says its units itself; the unit line scales rows and items only
    above = ctx.label[1:] if ctx.label and index - ctx.label[0] <= TABLE_HEADER_REACH and not _closed(doc.text, s, e) \
        else None
    if caption is not None:
        if ctx.unit[0] != caption:  # the items of a list share its caption: its unit is read once
            ctx.unit = (caption, next((u for span in caption if (u := caption_unit(doc.text, *span))), None))
        above = ctx.unit[1] or above
        mark = _past_item_mark(doc.text, doc.text.rfind("\n", 0, s) + 1, e)  # "4️⃣ Kimi：98": the mark's digit is none
    out = []
    for q in quantities:
        label = next(((p, u) for ls, le, p, u in reversed(labels) if le <= q.start), None)
        if label is None and above and (caption is None or q.start >= mark):
            label = above
        out.append(apply_label(q, *label) if label else q)
    return out


def _closed(text: str, s: int, e: int) -> bool:
    """True for a sentence ending in a Chinese full stop: prose, not a table row or list item."""
    return text[s:e].rstrip().endswith("。")


# --- metrics -------------------------------------------------------------------------------------


def _compatible(rule: MetricRule, q: Quantity, sentence_text: str, cue_text: str) -> bool:
    if q.kind not in rule.units and not (q.kind == "percent" and cue_text.casefold() in rule.percent_times):
        return False
    if rule.times_percent and q.kind == "multiple" and cue_text.isascii():
        return False  # "增长两倍" is +200%, "grew 3x" is left alone
    return not rule.requires or any(w in sentence_text for w in rule.requires)


def _changed_since(doc: Document, q: Quantity) -> bool:
    """"两个月增加约3亿美元", "月增1.2億元": an amount right after a sequential change word is what a figure changed by
    since the month or quarter before, not its level (a change rate after one is dropped as sequential, see
    _to_fact). Between them, what _TIGHT_BEFORE allows after any change word, once the rest of the verb is passed
    when the word is its start ("月增" in "两个月增加": the scan finds the word that starts first). So is a rate right
    after one ("營收季增6.6%"): a change, whatever metric a cue further back names (no share of the revenue)."""
    if q.kind not in ("currency", "percent"):
        return False
    text = doc.text
    return any(c.end <= q.start and q.start - c.end <= 5
               and _TIGHT_BEFORE.fullmatch(text, c.end + (text[c.end:c.end + 1] in "加长長"), q.start)
               for c in doc._roles.get("sequential", ())) or (
        _PER_PERIOD.match(text, q.end) is not None and _RISEN_BY.search(text, max(0, q.start - 24), q.start) is not None)


# "has risen about $30 million a month since spring": an amount a level rose by in each month, not the level
_PER_PERIOD = re.compile(r"\s(?i:a|per|each|every)\s(?i:month|quarter|week)\b(?![\s-](?i:earlier|before|ago|later|after)\b)")
_RISEN_BY = re.compile(r"\b(?i:risen|rose|grown|grew|increased|climbed|added|gained|jumped)\s(?i:by\s)?"
                       r"(?i:about\s|around\s|roughly\s|some\s|nearly\s|almost\s)?$")


# "一季度收入×4粗暴年化：智谱53.2亿元": a metric the writer multiplies or divides names the figures of the arithmetic, not
# the metric's own
_OPERAND = re.compile(r"\s?(?:[×÷]|乘以|除以)")


def _bind_metrics(doc: Document, sentence: Sentence, quantities: list[Quantity], cues: list[Cue],
                  heading: list[Cue]) -> list[Binding]:
    """Give each number the metric its sentence names for it, else (a list item) the one its list's heading names."""
    text = doc.text
    lowered = text[sentence.start:sentence.end].casefold()
    bounds = doc.clause_bounds(sentence)
    metric_cues = [c for c in cues if c.role in ("metric", "negate", "measure") and not _OPERAND.match(text, c.end)]
    bindings = []
    previous_end = sentence.start
    for q in quantities:
        prev_end, previous_end = previous_end, q.end
        if _is_conversion(doc, q, prev_end, cues, quantities) or _WORKED_OUT.search(text, max(sentence.start, q.start - 16), q.start) \
                or _changed_since(doc, q):
            continue
        # a signed rate right after a figure is that figure's change, whatever cue is written further back:
        # "营收28.30亿元（+64.2%）" is revenue growth, not a share of the 营收 before it
        chosen = (_after_cue(doc, q, metric_cues, lowered) or bindings and _signed_change(doc, bindings[-1], q)
                  or _elided(doc, sentence, q, bindings, bounds)
                  or _before_cue(doc, q, metric_cues, lowered, bounds, heading, bindings[-1] if bindings else None)
                  or _compared_level(doc, sentence, q, metric_cues, lowered, bounds))
        if chosen is None and bindings:
            chosen = _level_from(text, bindings, q) or _glossed_level(doc, bindings[-1], q) \
                or _list_goes_on(text, bindings, q)
        if chosen is None and (not bindings or bindings[-1].side == "caption"):
            chosen = _caption_binding(doc, sentence, q, metric_cues, lowered)
        if chosen is None and heading:
            chosen = _heading_binding(doc, q, heading, lowered)
        if chosen is None and q.kind == "currency":
            chosen = _segment_amount(doc, q)
        if chosen is None or isinstance(chosen, str):  # "claimed"
            continue
        binding = _listed_with(text, bindings, chosen)
        if binding.cue.end <= q.start and _clause(bounds, binding.cue.end) != _clause(bounds, q.start):
            binding.penalty += 0.05
        bindings.append(binding)
    return _noun_after_list(text, quantities, bindings)


# What may stand between a segment's name and its amount: "API及企业服务6.81亿美元", "C端订阅：5.26亿美元"
_SEGMENT_AMOUNT_GAP = re.compile(r"(?:[及和与與、][\u4e00-\u9fffA-Za-z]{1,6})?\s?[：:]?\s?(?:约|約|为|為|达|達|逾)?\s?")
_REVENUE_WORDS = ("revenue", "revenue_share")


def _segment_amount(doc: Document, q: Quantity) -> Binding | None:
    """"补充结构：API及企业服务6.81亿美元，占比56.4%；C端订阅5.26亿美元": in a sentence about revenue or its split, an
    amount written right after a segment's name and claimed by no cue is that segment's revenue (doc._roles: the
    sentence's cues by role)."""
    seg = next((c for c in reversed(doc._roles.get("segment", ())) if c.start < q.start), None)
    if seg is None or not _SEGMENT_AMOUNT_GAP.fullmatch(doc.text, seg.end, q.start):
        return None
    if not any(n in _REVENUE_WORDS for c in doc._roles.get("metric", ()) for n in c.names):
        return None
    rule = doc.book.metrics["revenue"]
    return Binding(q, rule, rule.id, "before", seg, segment=seg.names[0])


def _noun_after_list(text: str, quantities: list[Quantity], bindings: list[Binding]) -> list[Binding]:
    """"processed 58, 30 and 25 trillion tokens a day for DeepSeek, MiniMax and Kimi": the noun right after a list's
    last member names every member's metric, as its magnitude gives every member theirs (fill_list_units): a member
    bound to another metric is rebound, one left unbound for want of a cue before it ("Kimi and MiniMax were at
    roughly 122 and 131 trillion tokens a day") is bound."""
    index = {id(b.q): i for i, b in enumerate(bindings)}
    at = {id(q): k for k, q in enumerate(quantities)}
    added = []
    for i in range(len(bindings) - 1, -1, -1):
        last = bindings[i]
        if last.side != "after" or not _cue_right_after(text, last):
            continue
        k, nxt = at.get(id(last.q), 0), last.q
        while k > 0:
            member = quantities[k - 1]
            if member.kind != last.q.kind or member.unit != last.q.unit or not _LIST.fullmatch(text, member.end, nxt.start):
                break
            j = index.get(id(member))
            if j is None:
                added.append(_like(last, member, last.penalty))
            elif bindings[j].side == "after" or bindings[j].rule is last.rule:
                break
            else:
                bindings[j] = _like(last, member, bindings[j].penalty)
            k, nxt = k - 1, member
    return sorted(bindings + added, key=lambda x: x.q.start) if added else bindings


# "約為收入的1.3倍（2028年同期：約1.9倍）", "0.8 times revenue in 1H27 (1H26: about 1.5 times)": the same figure for
# another period, in brackets closing the figure's clause
_GLOSSED = re.compile(r"[^（()）\n,，;；。]{0,24}[（(][^（()）\n：:]{2,20}[：:]\s?(?:约|約|(?i:about|around|approximately)\s)?")


def _glossed_level(doc: Document, prev: Binding, q: Quantity) -> Binding | None:
    """A number in brackets closing a figure's clause, after a period and a colon, that no cue names is the same
    metric for that period: of the figure's metric when it is of the same kind ("1.3倍（2028年同期：約1.9倍）")."""
    if prev.q.kind != q.kind or prev.q.unit != q.unit or _GLOSSED.fullmatch(doc.text, prev.q.end, q.start) is None:
        return None
    i = bisect_left(doc.periods, prev.q.end, key=_start)
    return _like(prev, q) if i < len(doc.periods) and doc.periods[i].end <= q.start else None


# "…，去年同期0.986亿美元，+54.5%", "RMB4.76 billion (+68.3%)": a signed rate standing alone after figures
_SIGNED = re.compile(r"[，,；;、]\s?[+＋]?|\s?[（(][+＋]?")


def _signed_change(doc: Document, prev: Binding, q: Quantity) -> Binding | None:
    """"MiniMax：1.523亿美元，去年同期0.986亿美元，+54.5%": a percentage written with its sign as an item of its own
    after a metric's figures is that metric's change (revenue's growth), when it has one."""
    gap = _SIGNED.fullmatch(doc.text, prev.q.end, q.start) if q.kind == "percent" else None
    if gap is None or not (gap.group().endswith(("+", "＋")) or doc.text[q.start] in "-−"):
        return None
    rule = next((r for r in doc.book.metrics.values() if r.base == prev.metric), None)
    return None if rule is None else Binding(q, rule, rule.id, "before", prev.cue)


# "…2.2x revenue, down from about 2.8x for FY2026": the level a change started from, written after the figure
_DOWN_FROM = re.compile(r"(?i:\b(?:(?:up|down)\sfrom|vs\.?|versus)\s(?:about\s|around\s|roughly\s)?)$")


# "narrowed to 630 million yuan from a loss of 770 million yuan a year earlier": a loss's level, named as a loss
_FROM_A_LOSS = re.compile(r"(?i:\b(?:from|compared\swith|compared\sto|against|versus|vs\.?)\sa\s(?:net\s)?loss\sof\s"
                          r"(?:about\s|around\s|roughly\s)?)$")


def _level_from(text: str, bindings: list[Binding], q: Quantity) -> Binding | None:
    """A number after "up from" / "down from" / "vs" that no cue names is the level the figure before it changed from:
    of its metric, when it is of the same kind and in the same clause ("was roughly 2.2x revenue, down from about
    2.8x for FY2026"). The figure may be the last of its kind bound before, past a figure of another kind said on the
    way ("33.4% revenue growth, on revenue of $1.21 billion, down from 42.4%"). None otherwise."""
    prev = next((b for b in reversed(bindings[-3:]) if b.q.kind == q.kind and b.q.unit == q.unit), None)
    if prev is None or prev is not bindings[-1] and q.start - prev.q.end > 2 * _LEVEL_REACH:
        return None
    if _DOWN_FROM.search(text, max(prev.q.end, q.start - 24), q.start) is None and not (
            prev.rule.loss and _FROM_A_LOSS.search(text, max(prev.q.end, q.start - 36), q.start)):
        return None
    if _SEMICOLON.search(text, prev.q.end, q.start) or q.start - bindings[-1].q.end > _LEVEL_REACH:
        return None
    return _like(prev, q, prev.penalty + 0.05)


_LEVEL_REACH = 60  # characters from the figure said last to the level after "down from"


def _list_goes_on(text: str, bindings: list[Binding], q: Quantity) -> Binding | None:
    """A number listed right after the last two bound, all three of a kind ("grew 68%, 60% and 102%, respectively"),
    is a further item of their list, however far its cue is behind; None otherwise."""
    if len(bindings) < 2:
        return None
    a, b = bindings[-2], bindings[-1]
    if not (a.rule is b.rule and a.q.kind == b.q.kind == q.kind and a.q.unit == b.q.unit == q.unit
            and _LIST.fullmatch(text, a.q.end, b.q.start) and _LIST.fullmatch(text, b.q.end, q.start)):
        return None
    return _like(b, q, b.penalty)


def _listed_with(text: str, bindings: list[Binding], chosen: Binding) -> Binding:
    """"收入同比分别增长127.1%和113.4%": a number listed right after another one of its kind takes the metric of
    the cue nearer to both, not of one named further back ("收入" would make 113.4% a share)."""
    if not bindings:
        return chosen
    prev, q = bindings[-1], chosen.q
    if prev.q.kind != q.kind or prev.rule is chosen.rule or not chosen.cue.end <= prev.cue.start < prev.q.start \
            or not _LIST.fullmatch(text, prev.q.end, q.start):
        return chosen
    return _like(prev, q, prev.penalty)


# what may open a clause before its period ("而上半年为68.3%") and follow the period before its number ("去年同期，
# 这个数字是**4620万美元**")
# "作为对比，2026年12月这一数字约为42万亿", "公司去年12月的这一数字…": a comparison's opener, or the company itself;
# "3月我们首次突破了30万亿": the company speaking, the first time
_ELIDED_OPEN = re.compile(r"\s{0,2}(?:而|但|但是|至于|至於|相比之下|(?:作为|作為)(?:对比|對比|对照|對照)[，,]"
                          r"|(?:对比|對比)(?:来|來)看[，,]|公司|比|较|較)?\s{0,2}")
_ELIDED_VERB = re.compile(r"(?:时|時)?(?:[，,]?\s?的?(?:这个数字|这一数字|该数字|這個數字|這一數字|該數字|这一指标|這一指標|该指标|該指標))?"
                          # "上半年合计是52.9%", "全年累计为…": the period taken as a whole
                          r"(?:合计|合計|累计|累計|整体|整體|总体|總體)?"
                          r"(?:则|則|时|時)?(?:我们|我們)?(?:刚刚|剛剛|已经|已經|已|第一次|首次)?(?:约|約)?"
                          # "前三季度70.22亿元", "前三季度累计83.14亿元": the period and the figure alone
                          r"(?:(?:为|為|是|达到|達到|达|達|突破)了?)?\s{0,2}(?:约|約|近|超过|超過|逾)?\s{0,2}(?:\*\*)?"
                          r"|[（(](?:约|約)?"  # "智谱比上季度（55.1%）低了0.9个点": the level of the period compared with
                          r"|\s?[:：]\s{0,2}")  # "（去年同期：6.45亿元）": a colon stands for 为


# "经调整亏损收窄至6.3亿元，去年同期亏损7.7亿元": after a loss's figure, a bare loss word stands where 为 would, and
# the figure is the same loss (the adjusted one here), not the net loss the word alone would name
_LOSS_VERB = re.compile(r"(?:亏损|虧損)(?:为|為)?\s?")
# English: a clause opening on another company, then a verb of reporting right before the number
_ELIDED_OPEN_EN = re.compile(r"\s{0,2}(?:(?i:by\scomparison|by\scontrast|in\scomparison|meanwhile|while|and|but),?\s"
                             r"|(?i:its\s)?(?i:rival|peer|competitor|smaller\srival|larger\srival)\s)?")
_ELIDED_VERB_EN = re.compile(r"\s(?:reported|posted|recorded|booked|logged|had|generated|brought\sin|took\sin)\s"
                             r"(?:(?:about|around|roughly|nearly|almost|some|over|more\sthan|just\sover|just\sunder)\s)?")
_ELIDED_TAIL_EN = re.compile(r"\s?(?:[.,;:)]|$)")
# "A year ago it was $172 million", "In 2030, the figure stood at…": a period, then the figure just said standing for it
_ELIDED_LEAD_EN = re.compile(r"\s{0,2}(?:(?i:and|but|while|back)\s)?(?:(?i:in|at|by|for|during|as\sof)\s)?")
_ELIDED_IT_EN = re.compile(r",?\s(?i:it|that|this|the\sfigure|that\sfigure|the\snumber|that\snumber)\s"
                           r"(?i:was|had\sbeen|stood\sat|came\sto|came\sin\sat)\s"
                           r"(?i:(?:about|around|roughly|nearly|almost|some|just|above|over|under|below|more\sthan|less\sthan)\s)?")


# "For context, the same figure was around…", "That figure stood at…": a sentence opening on the figure just given
_SAME_FIGURE = re.compile(r"(?i:(?:(?:for\scontext|by\scomparison|by\scontrast|in\scomparison),?\s)?"
                          r"(?:the\ssame|that|the\scomparable|the\sequivalent)\s(?:figure|number)\s"
                          r"(?:was|had\sbeen|stood\sat|came\sto)\s(?:about\s|around\s|roughly\s|nearly\s|some\s|just\s)?)")


def _elided(doc: Document, sentence: Sentence, q: Quantity, bindings: list[Binding], bounds: list[int]) -> Binding | None:
    """"收入增速为76%，而上半年为68.3%", "…毛利率。二季度是36.3%。": a clause (or a sentence) of a period and a number
    alone, right after a number of the same kind, leaves its metric unsaid: it is that number's, for another period;
    so does one of a company and a number ("…日均调用量约为84万亿。MiniMax同期约为26万亿"), for another company.
    So is a sentence's first number after "the same figure was" ("For context, the same figure was 42 trillion in
    December 2026")."""
    if bindings:
        prev, k = bindings[-1], _clause(bounds, q.start)
        if k == 0 or _clause(bounds, prev.q.start) != k - 1:
            return None
        start = bounds[k - 1] + 1
    elif doc._said is not None and (start := _opening(doc, sentence, q)) is not None:
        prev = doc._said  # the sentence's first number, after one bound in the sentence before
        if prev.q.kind != q.kind:
            # "三季度收入34.01亿元，同比+59.3%。前三季度累计83.14亿元": the last amount of the sentence before, not its rate
            prev = next((b for b in reversed(doc._said_all) if b.q.kind == q.kind), prev)
    else:
        return None
    if prev.q.kind != q.kind:
        return None
    if not bindings and _SAME_FIGURE.fullmatch(doc.text, start, q.start):
        return _like(prev, q)
    named = _named_first(doc, _ELIDED_OPEN.match(doc.text, start, q.start).end(), q.start)
    if named is None:
        # "…posted revenue of 1.9 billion yuan. Rival MiniMax reported $142.6 million.": another company's figure of
        # the metric just said, in a clause of the company, a verb of reporting and the number alone
        other = _named_first(doc, _ELIDED_OPEN_EN.match(doc.text, start, q.start).end(), q.start)
        if other is not None and _ELIDED_VERB_EN.fullmatch(doc.text, other, q.start) \
                and _ELIDED_TAIL_EN.match(doc.text, q.end):
            return _like(prev, q)
    at = start if named is None else named
    i = bisect_left(doc.periods, at, key=_start)
    if i < len(doc.periods) and doc.periods[i].end <= q.start:
        p = doc.periods[i]
        if named is None and _ELIDED_IT_EN.fullmatch(doc.text, p.end, q.start) \
                and _ELIDED_LEAD_EN.fullmatch(doc.text, at, p.start):
            return _like(prev, q)  # "A year ago it was $172 million", ", and at the end of September it was…"
        if _ELIDED_OPEN.fullmatch(doc.text, at, p.start) is None or \
                _ELIDED_VERB.fullmatch(doc.text, p.end, q.start) is None and not (
                    prev.rule.loss and _LOSS_VERB.fullmatch(doc.text, p.end, q.start)):
            return None
    elif named is None or _ELIDED_VERB.fullmatch(doc.text, named, q.start) is None:
        return None  # "MiniMax约为26万亿": the company alone, with the period of the number before
    return _like(prev, q)


def _opening(doc: Document, sentence: Sentence, q: Quantity) -> int | None:
    """Where the sentence opens for q when q is its first number, past a list item's mark ("2、前三季度70.22亿元": the
    mark's digit is no figure); None when a number comes before q."""
    i, j = bisect_left(doc._q_starts, q.start), bisect_left(doc._q_starts, sentence.start)
    if i - j > 1:
        return None
    start = _past_item_mark(doc.text, sentence.start, q.start)
    return start if i == j or (start > sentence.start and bisect_left(doc._q_starts, start) == i) else None


def _past_item_mark(text: str, start: int, end: int) -> int:
    """Where a sentence starts past the mark of the list item it opens ("2、前三季度70.22亿元"): its number is no figure."""
    item = _ITEM.match(text, start, end)
    return item.end() if item is not None and item.end() > start and _is_item(text, start, item.end()) else start


_UNDER = re.compile(r"旗下|的|(?:'s|’s)\s")


def _named_first(doc: Document, start: int, end: int) -> int | None:
    """"MiniMax同期约为26万亿", "月之暗面旗下Kimi约为22万亿": where the watched company (or its product, "旗下") a clause
    opens on ends, for a clause that gives another company's figure of the metric just said; None if it opens on none."""
    i = bisect_left(doc._m_starts, start)
    if i == len(doc.companies) or doc.companies[i].start != start or doc.companies[i].company is None:
        return None
    at = doc.companies[i].end
    under = _UNDER.match(doc.text, at, end)
    if under and i + 1 < len(doc.companies) and doc.companies[i + 1].start == under.end() \
            and doc.companies[i + 1].company == doc.companies[i].company:
        at = doc.companies[i + 1].end
    return at


# "• 2.85 billion yuan: Zhipu's 2027 revenue", "$1.35 billion+: …": a list item led by its figure, its caption after a colon
_ITEM_MARK = re.compile(r"[ \t]*(?:[•·*▪●◆■►▸▶→⇒➔➜➤➢\-–—][ \t]*)?")
# "7690万美元：…": no space after a full-width colon; "395 trillion — tokens Zhipu…": a dash as the colon
_CAPTION_COLON = re.compile(r"\+?[ \t]?(?:[:：][ \t]|：|(?:—|--)[ \t]?(?=[A-Za-z])|–[ \t](?=[A-Za-z]))")


def _caption_binding(doc: Document, sentence: Sentence, q: Quantity, cues: list[Cue], lowered: str) -> Binding | None:
    """"**7690万美元**" over "这是MiniMax第三季度的收入。": a figure alone on its line is what the caption under it
    names: the first metric it can be, of the company the caption names (the subject's when it names none). So is a
    figure that opens a list item ("By the numbers": "• 70%: Zhipu's revenue growth in 2027") for the words after
    its colon."""
    line = doc.text.find("\n", q.end, sentence.end)
    if line < 0 or FIGURE_LINE.fullmatch(doc.text, sentence.start, line) is None:
        line = _caption_after(doc, sentence, q)
        if line is None:
            return None
    i = bisect_left(doc._m_starts, line)
    named = doc.companies[i] if i < len(doc.companies) and doc.companies[i].start < sentence.end else None
    company = None if named is None else named.company or ""
    prev = doc._said
    if prev is not None and prev.q.kind == q.kind and prev.q.unit == q.unit and _SAME_CAPTION.match(doc.text, line):
        # "→ 160 trillion: the same figure for MiniMax": the metric of the item before, for another company or period
        return Binding(q, prev.rule, prev.metric, "caption", prev.cue, negate=prev.negate, penalty=0.05, company=company)
    caption = cues[bisect_left(cues, line, key=_start):]
    for k, c in enumerate(caption):
        if c.role == "measure":
            return None  # "这是MiniMax本轮融资的金额": a measure we do not extract
        for name in c.names:
            rule = doc.book.metrics[name]
            # a change is the caption's when it names its base first ("33.4%: Moonshot's revenue growth")
            if (not rule.base or _has_base(doc.book, caption[:k], rule.base) or _names_base(doc, c, rule.base)) \
                    and _compatible(rule, q, lowered, doc.text[c.start:c.end]):
                c, rule = _narrowed(doc, q, c, rule, caption[k + 1:], lowered)
                return Binding(q, rule, rule.id, "caption", c, penalty=0.05, company=company)
    return None


# a caption naming no metric of its own: the one of the figure said just before
_SAME_CAPTION = re.compile(r"(?i:the\s(?:same|comparable|equivalent)\s(?:figure|number|metric|measure)|that\s(?:figure|number))\b")
# "约210万亿、约121万亿——这是…": what ends a run of figures opening a sentence, before the words saying what they are
_CAPTION_DASH = re.compile(r"\s?(?:——|—|--|[:：])\s?")
_SEPARATOR = re.compile(r"\s?(?:、|,|，|和|及|(?i:and))\s?")


def _caption_after(doc: Document, sentence: Sentence, q: Quantity) -> int | None:
    """Where the caption of a figure opening a list item starts: past its colon ("- 47.1%: share of …"), or past the
    dash or colon after a run of figures opening the sentence ("约210万亿、约121万亿——这是智谱和DeepSeek上个月的
    日均token调用量"), each of them captioned so; None for any other figure."""
    colon = _CAPTION_COLON.match(doc.text, q.end)
    if colon is not None and _leads_item(doc, sentence.start, q.start):
        return colon.end()
    qs, first = doc.quantities, bisect_left(doc._q_starts, sentence.start)
    i = bisect_left(doc._q_starts, q.start)
    if i == len(qs) or not _leads_item(doc, sentence.start, qs[first].start) \
            or not all(_listed(doc, qs[k], qs[k + 1]) for k in range(first, i)):
        return None
    while i + 1 < len(qs) and qs[i + 1].start < sentence.end and _listed(doc, qs[i], qs[i + 1]):
        i += 1
    dash = _CAPTION_DASH.match(doc.text, qs[i].end) if i > first else None  # one figure: a list item's colon only
    return None if dash is None else dash.end()


def _listed(doc: Document, a: Quantity, b: Quantity) -> bool:
    """True when b is the next item of a list after a: a separator between, and a qualifier of b's ("、约121万亿")."""
    sep = _SEPARATOR.match(doc.text, a.end, b.start)
    return sep is not None and _leads_item(doc, sep.end(), b.start)


def _leads_item(doc: Document, start: int, pos: int) -> bool:
    """True when a figure at pos opens the list item starting at start: after its mark alone, or a qualifier too
    ("- About 71 trillion: tokens …", "• 约3.1亿美元：…")."""
    lead = _ITEM_MARK.match(doc.text, start, pos).end()
    return lead == pos or (pos - lead <= QUALIFIER_REACH and doc.book.qualifier(doc.text[lead:pos], "") != "eq")


def _narrowed(doc: Document, q: Quantity, c: Cue, rule: MetricRule, later: list[Cue], lowered: str):
    """(cue, rule) of a caption's figure: its first metric, or a later one that a scope turns that metric into ("About
    71 trillion: tokens MiniMax processed per day": the tokens of a day, as "24小时内" makes tokens a daily volume);
    the caption names the narrower metric in words of its own instead of a scope word."""
    narrower = {m for scope in doc.book.scopes.values() if (m := scope.get(rule.id)) and m != "none"}
    for d in later if narrower else ():
        for name in d.names:
            if name in narrower and _compatible(doc.book.metrics[name], q, lowered, doc.text[d.start:d.end]):
                return d, doc.book.metrics[name]
    return c, rule


def _heading_binding(doc: Document, q: Quantity, heading: list[Cue], lowered: str) -> Binding | None:
    """"▌ 一、收入：起点低、增速快" over "· 2023年：346万美元": a list item's number that its own words name no metric for
    states the last of its heading's metrics it can be (the heading's head noun: "收入同比增速" over "智谱 52.3%" is
    growth, not a share of revenue). The item's own number ("2.") states nothing."""
    marker = _ITEM.match(doc.text, doc.text.rfind("\n", 0, q.start) + 1)
    if marker is not None and q.start < marker.end():
        return None
    for c in reversed(heading):
        for name in c.names:
            rule = doc.book.metrics[name]
            if _compatible(rule, q, lowered, doc.text[c.start:c.end]):
                return Binding(q, rule, rule.id, "before", c, penalty=0.05)
    return None


def _clause(bounds: list[int], pos: int) -> int:
    return bisect_right(bounds, pos)


# "二季度收入×4 ≈ 4.5亿美元", "3,520亿港元市值 / 35亿港元 ≈ 100倍": the writer's own sum, its result or a divisor, not
# a figure reported
_WORKED_OUT = re.compile(r"(?:[×*÷/]\s?[0-9][0-9.,]{0,12}\s?[≈=]|\s/)\s?$")


def _is_conversion(doc: Document, q: Quantity, prev_end: int, cues: list[Cue], quantities: list[Quantity]) -> bool:
    """"约合1400万美元", "RMB100m (US$14m)": the same amount restated in another currency; after a share, with no
    amount in another currency before it ("35.4%, or about $12.0 million"), the share restated as its amount."""
    if q.kind != "currency":
        return False
    for c in doc._roles.get("conversion", ()):
        if c.end <= q.start and (q.start - c.end <= 3 or _CONVERSION_GAP.fullmatch(doc.text, c.end, q.start)):
            before = [p for p in quantities if p.end <= c.start]
            return not before or before[-1].kind != "percent" or any(
                p.kind == "currency" and p.unit != q.unit for p in before)
    for p in reversed(quantities):  # the last amount in another currency before this one
        if p.end <= q.start and p.kind == "currency" and p.unit != q.unit:
            return _CONVERSION_PAREN.fullmatch(doc.text, p.end, q.start) is not None and not _dated_aside(doc, q)
    return False


def _dated_aside(doc: Document, q: Quantity) -> bool:
    """"US$120m in 2025 (RMB600m in 2024)": a bracket naming a period of its own holds another figure, not the one
    before it restated in another currency."""
    close = _bracket_end(doc.text, q.end)
    if close is None:
        return False
    i = bisect_left(doc.periods, q.end, key=_start)
    return i < len(doc.periods) and doc.periods[i].start < close


def _after_cue(doc: Document, q: Quantity, cues: list[Cue], lowered: str) -> Binding | str | None:
    """A cue right after the number ("84.5%的收入", "657名研发人员", "45% of revenue") decides it alone."""
    end = q.end
    if not cues or cues[-1].start < end - 5:
        return None  # no cue after the number, however far "times" or a qualifier moves where one may start
    if q.kind == "multiple" and lower_ascii(doc.text[end - 5:end]) == "times":
        end -= 5  # "3.4 times revenue": the number read "times", the cue starts with it
    elif m := _QUALIFIER_AFTER.match(doc.text, end):
        end = m.end()  # "七成以上的收入": the qualifier written after the number comes before the cue
    i = bisect_left(cues, end, key=_start)  # cues come sorted by start (and by end: matches never overlap)
    if i == len(cues):
        return None
    at = cues[i].start
    first = []
    while i < len(cues) and cues[i].start == at:
        first.append(cues[i])
        i += 1
    gap = doc.text[end:first[0].start]
    tight = _TIGHT_AFTER.fullmatch(gap) is not None
    if not tight and not (len(gap) <= 4 and gap.strip().lower() in ("in", "of")):
        if _of_period(doc, end, first[0].start) is None:
            return None
        first, tight = _read_as(doc, "of ", first[0]), False  # "84.8% of 1H25 revenue" is "of revenue" in 1H25
    elif q.kind == "multiple" and doc.text[end - 1] in "xX" and gap == " ":
        first = _read_as(doc, "times ", first[0]) or first  # "3.4x revenue" is "3.4 times revenue"
    for c in first:
        if c.role == "metric" and c.side == "after":
            for name in c.names:
                rule = doc.book.metrics[name]
                if _compatible(rule, q, lowered, doc.text[c.start:c.end]) and not (
                        rule.base and _of_another(doc, q, c, rule.base, cues)):
                    return Binding(q, rule, rule.id, "after", c, negate=bool(rule.base) and _negated(doc, q, cues))
    # "70%的研发支出": a noun right after the number says what it counts, even when it is not a metric
    if tight and _owned(gap) and any(c.role in ("metric", "measure") for c in first):
        return "claimed"
    # "錄得1.35億元人民幣盈利": an amount written right before "profit" is that profit (not a loss said before it)
    if not gap and q.kind == "currency" and any(c.role == "measure" and _PROFIT.fullmatch(doc.text, c.start, c.end)
                                                for c in first):
        return "claimed"
    # a measure we do not extract says so after a space alone: "the $98.1 million average of analyst estimates" (not
    # "2.315亿美元收窄了17.6%", where the measure word is a verb)
    return "claimed" if tight and gap.isspace() and any(c.role == "measure" for c in first) else None


_CHANGE_IN = re.compile(r"\s(?i:in)\s")


def _of_another(doc: Document, q: Quantity, c: Cue, base: str, cues: list[Cue]) -> bool:
    """"R&D rose to $74m, a 40% increase", "a 40% increase in headcount": a change written after its number is of the
    metric named last before it, or of what follows "in"; True when that is not the change's base."""
    m = _CHANGE_IN.match(doc.text, c.end)
    named = next((x for x in cues if m and m.start() < x.start <= m.end()), None)  # "in revenue" is a cue too
    if named is not None:
        return base not in named.names
    before = [x for x in cues[:bisect_right(cues, q.start, key=_end)]
              if x.role == "metric" and not all(doc.book.metrics[n].base for n in x.names)]
    return bool(before) and not _has_base(doc.book, before, base)  # "That is up 173% year-on-year": no metric named


def _negated(doc: Document, q: Quantity, cues: list[Cue]) -> bool:
    """"down 12% year-on-year", "fell 8% y/y": the change cue after the number names the metric, the word right
    before it its sign."""
    i = bisect_right(cues, q.start, key=_end)
    return i > 0 and cues[i - 1].role == "negate" and _TIGHT_BEFORE.fullmatch(doc.text, cues[i - 1].end, q.start) is not None


def _compared_level(doc: Document, sentence: Sentence, q: Quantity, cues: list[Cue], lowered: str,
                    bounds: list[int]) -> Binding | None:
    """"与2022年95.5%的水平相比，本地化部署的收入占比…", "Compared with 95.5% in 2022, the on-premise share…": the
    level a comparison opens with is a value of the metric named just after it."""
    k = _clause(bounds, q.start)
    start = bounds[k - 1] + 1 if k else sentence.start
    end = bounds[k] if k < len(bounds) else sentence.end
    opener = _COMPARED_OPEN.match(doc.text[start:q.start].lstrip())
    if opener is None or (not opener.group("en") and _COMPARED_CLOSE.search(doc.text, q.end, end) is None):
        return None
    for c in cues[bisect_left(cues, q.end, key=_start):]:
        if c.start - q.end > _COMPARED_REACH:
            break
        if c.role != "metric":
            continue
        for name in c.names:
            rule = doc.book.metrics[name]
            if not rule.base and _compatible(rule, q, lowered, doc.text[c.start:c.end]):
                return Binding(q, rule, rule.id, "late", c, penalty=0.05)
    return None


def _read_as(doc: Document, prefix: str, c: Cue) -> list[Cue]:
    """The cues the words of c are when read after prefix ("revenue" after "of " is "of revenue"), placed at c."""
    words = doc.text[c.start:c.end]
    return [replace(x, start=c.start, end=c.end) for x in doc.book.find(prefix + words)
            if x.start == 0 and x.end == len(prefix) + len(words)]


def _of_period(doc: Document, start: int, end: int) -> PeriodMention | None:
    """The period filling text[start:end] after "of" ("45% of 2024 revenue", "71% of 9M25 sales"), if it does."""
    m = _OF.match(doc.text, start, end)
    if m is None:
        return None
    i = bisect_left(doc.periods, m.end(), key=_start)
    if i < len(doc.periods) and doc.periods[i].start == m.end() and not doc.text[doc.periods[i].end:end].strip():
        return doc.periods[i]
    return None


# A condition on a threshold, right before the number ("如果增速跌破40%", "一旦毛利率低于45%"); not "如果只看第四季度，单季收入
#是…", a way of looking at a reported figure
_SUPPOSED = re.compile(r"(?:如果|假如|倘若|要是|一旦)[^，,。；;：:]{0,20}?(?:跌破|跌穿|低于|低於|高于|高於|突破|升破|超过|超過"
                       r"|达到|達到|回落至|回落到|降至|跌至|升至|不足|少于|少於)\s?(?:约|約)?$")
# A bound shared by the members of a list ("同比增速均超过四成", "毛利率都高于50%"); not 日均, 平均 (an average)
_SHARED_BOUND = re.compile(r"(?:(?<![日平人月年周週季])均|都|皆)(?:已|仍|在)?(?:超过|超過|逾|高于|高於|不低于|不低於|突破|低于|低於|不足)\s?(?:约|約)?$")
_PROFIT = re.compile(r"盈利|利润|利潤|溢利")


def _owned(gap: str) -> bool:
    return gap.strip().lower() in ("的", "of")


# "cut its net loss by 1.2 billion yuan": what an amount named after "by" changed by
_CHANGED_BY = re.compile(r"\s(?i:by)\s(?:(?i:more\sthan|less\sthan|over|almost|about|around|roughly|nearly|some)\s)?")


def _before_cue(doc: Document, q: Quantity, cues: list[Cue], lowered: str, bounds: list[int],
                heading: list[Cue], last: Binding | None = None) -> Binding | str | None:
    """The nearest compatible cue before the number in its sentence; a tight incompatible one claims it. A change
    takes its base from the sentence, from the heading of the list the sentence is an item of, or from the number
    bound last in the sentence when no cue names it ("前三季度累计83.14亿元，同比+60.3%": an elided revenue)."""
    before = cues[:bisect_right(cues, q.start, key=_end)]
    tenths = q.kind == "percent" and "成" in doc.text[q.start:q.end]
    own = _clause(bounds, q.start)
    for i in range(len(before) - 1, -1, -1):
        c = before[i]
        if c.role == "measure":
            if _measure_aside(doc, bounds, c, q):
                continue  # "adjusted net loss, which excludes share-based compensation, was…": said of the metric
            return None  # "累计亏损超过62亿元": the number is about a measure we do not extract
        if c.role == "metric" and (share := _share_of_whole(doc, c)):
            c = share  # "占当季总收入的50.5%", "占智谱总收入的": "占总收入" with the period or company it is of between
        distance = q.start - c.end
        if q.kind == "currency" and c.role == "metric" and _CHANGED_BY.fullmatch(doc.text, c.end, q.start):
            return "claimed"  # "narrowed its adjusted net loss by more than US$40 million": a change, not a level
        tight = distance <= 4 and _clause(bounds, c.end) == own
        if tenths and _clause(bounds, c.end) != own and not _SHARE_VERB.search(doc.text, max(0, q.start - 6), q.start):
            continue  # "七成" is loose talk unless its share word is in its clause ("占比七成", "约占三成")
        for name in c.names:
            rule = doc.book.metrics[name]
            # a ratio's own name reaches as far as any metric's ("R&D intensity was 112.5% in 2030"); the gap is for
            # the words a multiple is of ("是营收的N倍")
            gap = rule.gap if not rule.percent_times or q.kind != "percent" else MAX_SENTENCE
            if (distance > gap and distance - _periods_between(doc, c.end, q.start) > gap) \
                    or not (_compatible(rule, q, lowered, doc.text[c.start:c.end])
                                           or _required_said_before(doc, rule, q, c)):
                continue
            if rule.base and (not (_has_base(doc.book, _not_alongside(doc, heading + before[:i]), rule.base) or _names_base(doc, c, rule.base)
                                   or _base_said(doc, c, q, before[:i], rule.base) or _base_bound(last, rule.base, before[:i]))
                              or _LEVEL.search(doc.text, c.end, q.start)):
                continue  # "rose to 15.2%" is a level and "down from 95.5%" a base, not a change
            return Binding(q, rule, rule.id, "before", c, negate=c.role == "negate")
        if tight and c.role == "metric" and not all(doc.book.metrics[n].base for n in c.names):
            return "claimed"
        if tight and c.role in ("metric", "negate") and _TIGHT_BEFORE.fullmatch(doc.text, c.end, q.start):
            return "claimed"  # "较6月底增加76人", "收入增加了3亿元": what a figure changed by, not its level
    return None


def _base_bound(last: Binding | None, base: str, earlier: list[Cue]) -> bool:
    """True when the number bound last in the sentence is a level of the base and no metric is named between it and
    the change: "前三季度累计83.14亿元，同比+60.3%" (an elided revenue, no cue of its own in the sentence)."""
    if last is None or last.rule.id != base or last.negate:
        return False
    return not any(c.role == "metric" and c.start >= last.q.start for c in earlier)


def _measure_aside(doc: Document, bounds: list[int], c: Cue, q: Quantity) -> bool:
    """True for a measure named in a relative clause ("…, which strips out share-based compensation, …") or in
    brackets ("經調整淨虧損（即年內虧損加回以股份為基礎的付款開支…）由…") closed before the number: what the metric
    before it is defined by, not what the number is."""
    if _aside(doc, bounds, c, q.start):
        return True
    close = _BRACKET_CLOSE.search(doc.text, c.end, q.start)
    return close is not None and _open_bracket(doc.text, c.start, 40) >= 0 and "(" not in doc.text[c.end:close.start()] \
        and "（" not in doc.text[c.end:close.start()]


# A period written with E for estimate, as brokers do: "4Q30E", "FY30E", "1H31E", "2031E"
_ESTIMATE_PERIOD = re.compile(r"(?<![A-Za-z0-9])(?:(?:[1-4]Q|Q[1-4]|[12]H|H[12]|FY|9M)'?[0-9]{2}|20[0-9]{2})E(?![A-Za-z0-9])")


def _estimated(doc: Document, sentence: Sentence, q: Quantity) -> bool:
    """True when the number's clause names a period marked as an estimate ("4Q30E", "FY2031E")."""
    if "E" not in doc.text[sentence.start:sentence.end]:
        return False
    bounds = doc.clause_bounds(sentence)
    k = _clause(bounds, q.start)
    start = bounds[k - 1] + 1 if k else sentence.start
    end = bounds[k] if k < len(bounds) else sentence.end
    return _ESTIMATE_PERIOD.search(doc.text, start, end) is not None


_SHARE_VERBS = ("占", "佔")
_SHARE_VERB = re.compile("[" + "".join(_SHARE_VERBS) + "]")  # one scan for either
# "研发强度随收入规模扩大而下降，但绝对额仍同比增长38.2%": a metric named in a "随…" phrase (as revenue grows) is what
# something else moves with, not what a change after it is of
_ALONGSIDE = re.compile(r"(?:随着?|隨著?|伴随|伴隨)[^，,。；;：:0-9]{0,4}$")


def _not_alongside(doc: Document, cues: list[Cue]) -> list[Cue]:
    """The cues not named in a "随…" phrase (see _ALONGSIDE)."""
    return [c for c in cues if not (c.role == "metric" and _ALONGSIDE.search(doc.text, max(0, c.start - 6), c.start))]


def _share_of_whole(doc: Document, c: Cue) -> Cue | None:
    """"占当季总收入的", "佔上半年收入的", "占智谱总收入的", "占公司总收入的": a share verb, a period or whose whole it is,
    then the whole: read as "占总收入" (a share cue)."""
    if _SHARE_VERB.search(doc.text, max(0, c.start - 16), c.start) is None:
        return None  # most cues have no share verb just before them: one look, not the two searches below
    start = _period_before(doc, c.start)
    if start == c.start:
        start = _whose_before(doc, c.start)
    if start == c.start or doc.text[start - 1:start] not in _SHARE_VERBS:
        return None
    read = [x for x in doc.book.find(doc.text[start - 1] + doc.text[c.start:c.end]) if x.start == 0
            and x.end == c.end - c.start + 1 and x.role == "metric"]
    return replace(read[0], start=c.start, end=c.end) if read else None


def _base_said(doc: Document, c: Cue, q: Quantity, earlier: list[Cue], base: str) -> bool:
    """"MiniMax第三季度收入7690万美元。同比增长66.5%。": a sentence opening with a change and its number, naming no
    metric, is of the number bound in the sentence just before, when that is its base or a change of it. Not
    "Its share price is up 140%" (the change of something named), nor "增速较首季的九成多" (a level compared)."""
    said = doc._said
    if said is None or said.rule.id != base and said.rule.base != base or q.start - c.end > 4 \
            or not _only_frame(doc, doc._clauses[0], c.start) or any(x.role == "metric" for x in earlier):
        return False
    end = q.start - 2 if doc.text.startswith("**", q.start - 2) else q.start  # "同比增长**66.5%**"
    return _TIGHT_BEFORE.fullmatch(doc.text, c.end, end) is not None or _SAID_IS.fullmatch(doc.text, c.end, end) is not None


_SAID_IS = re.compile(r"(?:是|为|為)(?:约|約|近)?")  # "同比增速是64.5%"


_FRAME_REACH = 24  # characters of periods and company names a change may open its sentence with
_FRAME_WORDS = re.compile(r"[\s*的，,]|同比|按年|(?i:year-on-year|year-over-year)")


def _only_frame(doc: Document, start: int, end: int) -> bool:
    """True when text[start:end] holds nothing but periods, watched companies and "同比" ("第二季度智谱的同比", "**"):
    the frame of a sentence that then opens with its change ("第二季度智谱的同比增速是64.5%"), no metric of its own."""
    if end - start > _FRAME_REACH:
        return False
    text = doc.text
    i, j = bisect_left(doc.periods, start, key=_start), bisect_left(doc._m_starts, start)
    spans = []
    while i < len(doc.periods) and doc.periods[i].end <= end:
        spans.append((doc.periods[i].start, doc.periods[i].end))
        i += 1
    while j < len(doc.companies) and doc.companies[j].end <= end:
        if doc.companies[j].company:
            spans.append((doc.companies[j].start, doc.companies[j].end))
        j += 1
    rest, pos = [], start
    for a, b in sorted(spans):
        rest.append(text[pos:a])
        pos = max(pos, b)
    rest.append(text[pos:end])
    return not _FRAME_WORDS.sub("", "".join(rest))


# keys for bisect and sort over cues, periods, sentences: read in C, where a Python key would be called at each step
_start = attrgetter("start")
_end = attrgetter("end")


def _names_base(doc: Document, c: Cue, base: str) -> bool:
    """True when a change cue names its base itself ("grew revenue 325%", "revenue growth of 33.4%")."""
    inner = doc.book.find(doc.text, c.start + 1, c.end, lowered=doc.lowered)
    if any(x.role == "metric" and base in x.names and x.end == c.end for x in inner):
        return True
    head = doc.book.find(doc.text, c.start, c.end - 1, lowered=doc.lowered)
    return any(x.role == "metric" and base in x.names and x.start == c.start for x in head)


def _has_base(book: CueBook, earlier: list[Cue], base: str) -> bool:
    """True when the metric named last before a change is its base ("收入…环比增长25%，同比增长150%"); a share named
    between them is the base's ("收入约2900万元，占比15.2%，同比增长约两倍": a share does not grow 200%)."""
    last = None  # the words of the metric cue named last: "its revenue" is revenue's cue and rd_to_revenue's after one
    for c in reversed(earlier):
        if last is not None and (c.start, c.end) != last:
            return False
        if c.role != "metric" or all(book.metrics[n].base for n in c.names):  # a change word is no base
            continue
        if base not in c.names and all(n.endswith("_share") for n in c.names):
            continue
        if base in c.names:
            return True
        last = (c.start, c.end)
    return False


# --- periods -------------------------------------------------------------------------------------


def _bind_periods(doc, sentence, index, bindings, runs, quantities, periods, cues, ctx: _Context,
                  priors: set[int]) -> None:
    text = doc.text
    usable = [p for p in periods if p.kind != "same"]
    hugs = {}
    for q in quantities:
        nxt = _first_from(usable, q.end)
        after = _past_restated(text, q, quantities)
        if nxt is not None and nxt.start - after <= 30 and (_HUG.fullmatch(text, after, nxt.start)
                                                           or _OF.fullmatch(text, after, nxt.start)
                                                           or nxt.start in priors and _DID.fullmatch(text, after, nxt.start)) \
                and not comparative(text, nxt) and not _next_phrase(text, q, nxt) \
                and not _bracket_own(text, q, nxt, quantities) and not _OWNS_FIGURE.match(text, nxt.end):
            # "$3.46 million in 2023", "45% of 2024 revenue"; not "7.5% over 4Q27's US$89.6m", the level's own period
            hugs[q.start] = nxt
    hugs.update(_caption_periods(doc, sentence, bindings, usable))
    hugged = {id(p) for p in hugs.values()}
    comparisons = doc._roles.get("comparison")
    bases = {id(p) for p in usable if _after_comparison(text, p.start, comparisons) and not _restated(text, p)} \
        if comparisons else set()
    # "down from 95.5% in 2022", "compared with US$298.4 million in 2026": the period of a number introduced by "from"
    # or a comparison is a base for the others
    bases |= {id(p) for qs, p in hugs.items() if _FROM_BEFORE.search(text, max(0, qs - 8), qs)
              or comparisons and _after_comparison(text, qs, comparisons)}
    # "rose 175% from a year earlier": a period a change starts from is a base too
    bases |= {id(p) for p in usable if _FROM_BEFORE.search(text, max(0, p.start - 8), p.start)}
    # "与2023年62%的水平相比，…升至75%": the periods of a clause opening a comparison are its base
    late = [b for b in bindings if b.side == "late"]
    if late:
        bounds = doc.clause_bounds(sentence)
        opening = {_clause(bounds, b.q.start) for b in late}
        bases |= {id(p) for p in usable if _clause(bounds, p.start) in opening}
    owned = None  # worked out when a number first looks for a period after it
    has_respectively = "respectively" in doc._roles
    free = [p for p in usable if id(p) not in bases]
    for run in runs:
        if len(run) >= 2 and _zip_run(doc, run, quantities, usable, hugs, has_respectively, index, ctx):
            continue
        for b in run:
            own = hugs.get(b.q.start) or _change_to_level(text, b, quantities, hugs, usable)
            if own is None:
                own = _own_preceding(text, b.q, usable, quantities, hugged)
                if own is not None and _held_on_a_day(b.rule) and own.kind != "date":
                    own = None  # a level held on a day is of the day before it, see _last_for
                if own is not None and _plain_day(own) and _reported(b.rule):
                    own = None  # "said on Thursday that sales grew 48% to…": the day it was said, not the sales' period
                if own is not None and b.rule.base and id(own) in bases and not _OF_PERIOD.fullmatch(text, own.end, b.q.start):
                    own = None  # "较上年同期增加325%": a change is not of the period it is measured from (but "比一季度的67.1%快" is that period's rate)
                if own is not None and _earlier_clause_prior(doc, sentence, own, b.q, priors):
                    own = None
                if own is not None and (_announced(own, b, free) or _aside(doc, doc.clause_bounds(sentence), own, b.q.start)):
                    own = None  # "MiniMax, its rival that listed a day later, was worth…": the day is the aside's
            if own is None:
                # the period the sentence is about: the last one before the number, else the first after it,
                # never the base of a comparison ("较2023年的1.245亿元增长151%" is growth in 2024)
                # nor a year-earlier period ("去年同期为1228万美元，同比增长178.5%": the growth is of this year)
                days = not _reported(b.rule)
                prior = [p for p in free if p.end <= b.q.start and not (b.rule.base and p.start in priors)
                         and (days or not _plain_day(p))
                         and not _earlier_clause_prior(doc, sentence, p, b.q, priors) and not _announced(p, b, free)
                         and not _aside(doc, doc.clause_bounds(sentence), p, b.q.start)
                         and not _comparative_closed(text, p, b.q.start)
                         and not (_FOR_THE_PERIOD.search(text, b.cue.start, b.cue.end) and _singled_out(text, p))
                         and not _possessed(text, p, b.q, quantities)]
                if prior:
                    own = _latest_compared(prior, b.q, quantities) if b.rule.base else _last_for(b, prior)
                else:
                    if owned is None:
                        # "由年初的约800亿升至9月的6000亿": a period written right before a later number is that number's, not ours;
                        # not when that number has its own after it ("20 trillion a day on average in October, up from
                        # 19 trillion in September": October is the 20 trillion's)
                        owned = {id(p) for q in quantities if q.start not in hugs
                                 and (p := _own_preceding(text, q, usable, quantities, hugged)) is not None
                                 and not _ends_clause_of(doc, sentence, p, q, quantities)}
                    # not across a semicolon: "占比升至48%，较上年提升16pct；我们判断4Q26…" is no 4Q26 share
                    own = next((p for p in free if p.start >= b.q.end and id(p) not in hugged and id(p) not in owned
                                and (not b.rule.instant or p.kind == "date") and (days or not _plain_day(p))
                                and _SEMICOLON.search(text, b.q.end, p.start) is None
                                and not _forecast_clause(doc, sentence, p, cues, quantities)), None)
            if (own is None or own.kind != "date") and b.rule.listing_day:
                own = _listing_day(text, usable) or own
            if own is not None:
                b.period, b.period_source = own, "sentence"
    _complements(text, bindings)
    _counted_back(bindings, priors)
    _mark_bases(text, bindings, hugs, bool(doc._roles.get("sequential")))
    _change_reached(text, bindings)


# "上市首日（1月21日）", "掛牌當日(1月8日)", "on its first day of trading on January 21": the day a listing began
_LISTING_DAY = re.compile(r"(?:上市|掛牌|挂牌)(?:首日|當日|当日|日)\s?[（(]?\s?(?:為|为|是|即)?$"
                          r"|(?i:(?:first\sday\sof\strading|trading\sdebut|listing\sday|debut)(?:\son)?\s?[(,]?\s?)$")


def _listing_day(text: str, periods: list[PeriodMention]) -> PeriodMention | None:
    """The day its sentence names as a listing's first ("上市首日（1月21日）"): the day an IPO's oversubscription is
    dated with (the corpus dates Zhipu's 1,159 times with its listing day), wherever in the sentence it stands."""
    return next((p for p in periods if p.kind == "date"
                 and _LISTING_DAY.search(text, max(0, p.start - 24), p.start) is not None), None)


def _caption_periods(doc: Document, sentence: Sentence, bindings: list[Binding], usable: list[PeriodMention]) -> dict:
    """{start: period} of the figures that open a list item ("- $24.6 million: adjusted net loss for the quarter,
    narrower than the $36.7 million it lost a year before"): the first period its caption names in the caption's
    clause is the figure's, not the one of a number after it."""
    found = {}
    for b in bindings:
        if b.side == "caption":
            bounds = doc.clause_bounds(sentence)
            clause = _clause(bounds, b.cue.start)
            p = next((p for p in usable if p.start >= b.q.end and _clause(bounds, p.start) == clause), None)
            if p is not None:
                found[b.q.start] = p
    return found


def _counted_back(bindings: list[Binding], priors: set[int]) -> None:
    """"Gross margin came in at 51.0%, versus 44.1% a year earlier": a figure with no period of its own, written just
    before a level of its metric dated a year earlier, is of the period that year is counted back from."""
    for a, b in pairwise(bindings):
        if a.period is None and b.period is not None and b.period.kind == "flow" and b.period.start in priors \
                and a.metric == b.metric:
            a.period, a.period_source = shift_year(b.period, 1), "context"


# "narrowed to 42.6% from 47.5%", "widened to $402m, from $331m": the level a change started from, written after it;
# a wire brief's "FY REVENUE RMB2.85 BLN VS RMB1.68 BLN": the same period's figure a year before
_FROM_AFTER = re.compile(r"[\s,，]{0,3}(?:(?:(?i:up|down|narrowed|narrowing|widened|widening|improved|improving|rising|falling|"
                         r"shrinking|shrank|rose|fell)\s)?(?i:from)\s(?:(?i:about|around|roughly)\s)?|(?i:vs\.?|versus)\s)")


def _mark_bases(text: str, bindings: list[Binding], hugs: dict, sequential: bool) -> None:
    """Mark the level a change of the same metric started from, when the sentence gives it no period of its own:
    "Gross margin narrowed to 42.6% from 47.5%" (no year) compares a year with the one before, and so does "毛利率由
    58.7%提升至61.2%" / "increased from 58.7% to 61.2%", written the other way round (not when the sentence says the
    change is sequential: "环比由52.1%升至54.3%" compares two quarters)."""
    for a, b in pairwise(bindings):
        if a.metric != b.metric or b.q.start in hugs or b.period is not a.period:
            continue
        if _FROM_AFTER.fullmatch(text, a.q.end, b.q.start) or _cue_right_after(text, a) and _FROM_AFTER.fullmatch(
                text, a.cue.end, b.q.start):
            b.base_of = a
        elif not sequential and a.q.start not in hugs and _FROM_OPENS.search(text, max(0, a.q.start - 6), a.q.start) \
                and _FROM_TO.fullmatch(text, a.q.end, b.q.start):
            a.base_of = b


# "to US$4,088.3 million": the level a change reached, written after the one it started from
_TO_LEVEL = re.compile(r"(?i:\bto)\s(?:(?i:about|around|roughly)\s)?$")


def _change_reached(text: str, bindings: list[Binding]) -> None:
    """"Revenue increased by 46.3% from US$2,793.8 million for the year ended 31 December 2029 to US$4,088.3 million
    for the year ended 31 December 2030": a change with no period of its own, followed by the level its metric started
    from and the level it reached, each dated, is of the period of the level reached."""
    for i, g in enumerate(bindings):
        if g.period is not None or not g.rule.base:
            continue
        levels = [b for b in bindings[i + 1:i + 3] if b.rule.id == g.rule.base]
        if len(levels) == 2 and all(b.period is not None for b in levels) \
                and _FROM_OPENS.search(text, max(0, levels[0].q.start - 8), levels[0].q.start) \
                and _TO_LEVEL.search(text, max(0, levels[1].q.start - 12), levels[1].q.start) \
                and period_end(levels[0].period.label) < period_end(levels[1].period.label):
            g.period, g.period_source = levels[1].period, "sentence"


# "由58.7%提升至61.2%", "from 58.7% to 61.2%": the level a change started from, written before the level it reached
# (what comes between the two is a "from X to Y" verb, _FROM_TO)
_FROM_OPENS = re.compile(r"(?:由|从|從|(?i:from))\s?(?:(?i:about|around|roughly)\s|约|約)?$")


def _past_restated(text: str, q: Quantity, quantities: list[Quantity]) -> int:
    """Where the words after a figure go on, past a bracket that only restates it in another currency: "12.4 billion
    yuan ($1.7 billion) last year" is last year's as "12.4 billion yuan last year" is."""
    if q.kind != "currency" or not text.startswith(("(", " (", "（"), q.end):
        return q.end
    other = _first_from(quantities, q.end)
    if other is None or other.kind != "currency" or other.unit == q.unit \
            or not _CONVERSION_PAREN.fullmatch(text, q.end, other.start):
        return q.end
    close = _BRACKET_CLOSE.match(text, other.end)
    return close.end() if close is not None else q.end


def _cue_right_after(text: str, b: Binding) -> bool:
    """True when the words naming b's metric follow its number right away ("49.4% of revenues, up from 43.4%")."""
    return b.q.end <= b.cue.start and not text[b.q.end:b.cue.start].strip()


# "the other 54.9%", "the remaining 37%", "其余28.8%": the share left over from the one just given
_COMPLEMENT = re.compile(r"(?:(?i:the\s(?:other|remaining|rest))|其余|其餘|剩余|剩餘|余下|餘下)\s?(?:的|(?i:of\s))?\s?$")


def _held_on_a_day(rule: MetricRule) -> bool:
    """A level held on a day (a market value, a headcount), not a rate held at a month's end (ARR)."""
    return rule.instant and not rule.rate


def _last_for(b: Binding, prior: list[PeriodMention]) -> PeriodMention:
    """The period a figure is of among those before it in its sentence: the last one; for a level held on a day, the
    last day ("At the March 29 close -- the last trading day of the quarter -- Zhipu was valued at…": the quarter is
    the day's aside, not the value's period)."""
    if _held_on_a_day(b.rule):
        return next((p for p in reversed(prior) if p.kind == "date"), prior[-1])
    return prior[-1]


def _latest_compared(prior: list[PeriodMention], q: Quantity, quantities: list[Quantity]) -> PeriodMention:
    """The period a change written after two levels of one kind of period is of: the later one ("全年收入1.763亿美元，
    前年是8260万美元，同比增长113.4%" is growth in the year named first, not in the base year whose level comes last)."""
    last = prior[-1]
    if last.kind != "flow" or len(last.years) != 1 or not _number_between(quantities, last.end, q.start):
        return last
    kind = period_kind(last.label)
    later = [p for p in prior if p.kind == "flow" and len(p.years) == 1 and period_kind(p.label) == kind
             and p.years[0] > last.years[0]]
    return later[-1] if later else last


def _complements(text: str, bindings: list[Binding]) -> None:
    """A share written as the rest of one before it, the two making 100% ("45.1% of revenue, against 32% for 2025;
    on-premise made up the other 54.9%"), is of that share's period, not of a period named in between."""
    shares = [b for b in bindings if b.rule.id == "revenue_share"]
    for i, b in enumerate(shares):
        if i and _COMPLEMENT.search(text, max(0, b.q.start - 16), b.q.start):
            whole = next((a for a in shares[:i] if a.period is not None and a.q.value + b.q.value == 100), None)
            if whole is not None:
                b.period, b.period_source = whole.period, whole.period_source


_BRACKET_OPEN = re.compile(r"\s{0,2}[（(]\s?")
_BRACKET_CLOSE = re.compile(r"[）)]")
_BRACKET_REACH = 30  # characters an aside in brackets runs to after what opens it


def _bracket_end(text: str, pos: int) -> int | None:
    """Where the bracket holding text[pos] closes, if it closes soon after pos."""
    close = _BRACKET_CLOSE.search(text, pos, pos + _BRACKET_REACH)
    return None if close is None else close.start()


def _open_bracket(text: str, pos: int, reach: int) -> int:
    """Where the bracket around pos opens, within reach characters before it (-1 when none is open there)."""
    opened = max(text.rfind("（", max(0, pos - reach), pos), text.rfind("(", max(0, pos - reach), pos))
    return -1 if opened < 0 or _BRACKET_CLOSE.search(text, opened, pos) else opened


def _bracketed_apart(text: str, c: Cue, q: Quantity) -> bool:
    """"四季度营收5.28亿美元（预期5.05亿美元），同比增长90.6%", "revenue of $97m (consensus: $93m)": a forecast word in
    brackets is about what the brackets hold, the consensus, not about the figures outside them."""
    open_ = _open_bracket(text, c.start, _BRACKET_REACH)
    if open_ < 0:
        return False
    close = _bracket_end(text, c.end)
    return close is not None and not open_ < q.start < close


def _piped_apart(text: str, c: Cue, q: Quantity) -> bool:
    """"Rating: BUY | Target price: HK$2,880 | Market cap (11 Nov close): HK$770bn": a data line's fields stand
    between pipes, each its own statement; a forecast word in one field says nothing of a figure in another."""
    return text.find(" | ", c.end, q.start) >= 0 if c.end <= q.start else text.find(" | ", q.end, c.start) >= 0


def _bracket_own(text: str, q: Quantity, p: PeriodMention, quantities: list[Quantity]) -> bool:
    """"日均約95兆（4月突破90兆）", "US$96m (2027: US$58m)": a period opening a bracket that holds a figure of its own
    dates that figure, an earlier level set beside the one before the bracket, not that one."""
    if not _BRACKET_OPEN.fullmatch(text, q.end, p.start):
        return False
    close = _bracket_end(text, p.end)
    return close is not None and _number_between(quantities, p.end, close)


def _comparative_closed(text: str, p: PeriodMention, pos: int) -> bool:
    """"分部毛利率為58.2%（2028年同期：…，55.3%）；本地化部署…47.1%": a period labelling the comparative figures of a
    bracket closed before pos dates them alone, not a figure after the bracket."""
    return comparative(text, p) and _BRACKET_CLOSE.search(text, p.end, pos) is not None


def _next_phrase(text: str, q: Quantity, p: PeriodMention) -> bool:
    """"前三季營收年增125.5% 第三季毛利率升至33%": a Chinese period after a space opens the headline's next phrase;
    it is not the period of the number before the space."""
    return p.start > q.end and not text[p.start].isascii() and not text[q.end:p.start].strip()


def _announced(p: PeriodMention, b: Binding, periods: list[PeriodMention]) -> bool:
    """True for a day (no period's end) after a period in the sentence, before a figure of a period: "reported
    3Q27 revenue … on 18 November, with gross margin of 37.1%" is the day the results came out, not their period."""
    return p.kind == "date" and not p.flow and not b.rule.instant and any(
        x.end <= p.start and (x.kind != "date" or x.flow) for x in periods)


# what may stand before a period opening a sentence as its lead-in: "In", "For", "Back in", "而在", "相比之下，"
_LEAD_IN = re.compile(r"\s*(?:(?i:(?:and\s|but\s|back\s|by\scontrast,?\s)?(?:in|for|during|over)\s)|而在|在|而|相比之下，?)?")


def _earlier_clause_prior(doc: Document, sentence: Sentence, p: PeriodMention, q: Quantity, priors: set[int]) -> bool:
    """"up 171% on the previous year, and R&D costs of $264mn": a year-earlier period ends the comparison of its own
    clause; it does not date a figure in a later one."""
    if p.start not in priors:
        return False
    bounds = doc.clause_bounds(sentence)
    k = _clause(bounds, p.start)
    if k == _clause(bounds, q.start):
        return False
    # "去年同期，这个数字是4620万美元": a clause pointing back at the figure is that period's still; and so is the one
    # after a lead-in that names the period alone ("In the year-earlier quarter, gross margin was 51.0%")
    return _ELIDED_VERB.fullmatch(doc.text, p.end, q.start) is None and not (
        k == 0 and _LEAD_IN.fullmatch(doc.text, sentence.start, p.start) is not None
        and _SEMICOLON.search(doc.text, p.end, q.start) is None
        and bisect_left(doc._q_starts, p.end) == bisect_left(doc._q_starts, bounds[0]))


def _change_to_level(text: str, b: Binding, quantities: list[Quantity], hugs: dict,
                     periods: list[PeriodMention]) -> PeriodMention | None:
    """"rose 325 per cent to Rmb191mn in the first half of 2025", "由2026年的人民幣1,676,020千元增加70.0%至2027年的人民幣
    2,849,870千元": a change leading to a level has the level's period, written after the level or just before it
    (a level a change starts from, "from $3m in 2023", keeps its own)."""
    if not b.rule.base:
        return None
    nxt = _first_from(quantities, b.q.end)
    if nxt is None:
        return None
    if nxt.start in hugs and _CHANGE_TO.fullmatch(text, b.q.end, nxt.start):
        return hugs[nxt.start]
    p = _first_from(periods, b.q.end)
    if p is not None and p.end <= nxt.start and _CHANGE_TO.fullmatch(text, b.q.end, p.start) \
            and _LEVELS_PERIOD.fullmatch(text, p.end, nxt.start):
        return p
    return None


# what comes between a period and the level it dates: "至2027年的人民幣2,849,870千元"
_LEVELS_PERIOD = re.compile(r"\s{0,2}的?\s{0,2}(?:港元|美元)?\s{0,2}")  # 人民币, 港币 start the number itself


# "…, respectively" closing a list ("A and B, respectively", "190 trillion and 120 trillion respectively")
_RESPECTIVELY_AFTER = re.compile(r"[ \t]?[,，]?\s?(?i:respectively)\b")


def _zip_metrics(text: str, bindings: list[Binding], runs: list[list[Binding]]) -> bool:
    """"期内亏损22.85亿元，经调整净亏损18.62亿元，上年同期分别为20.90亿元和16.89亿元": a list of numbers after as
    many figures of different metrics, told as respective ("分别", "respectively"), takes those metrics in order,
    not all the nearest cue's. True when a list did."""
    zipped = False
    for run in runs:
        k = len(run)
        before = [b for b in bindings if b.q.end <= run[0].q.start]
        named = before[-k:]
        if k < 2 or len(named) < k or len({b.metric for b in named}) < k or run[0].metric not in {b.metric for b in named} \
                or any(b.q.kind != run[0].q.kind or b.q.unit != run[0].q.unit for b in named):
            continue
        if not (_EACH.search(text, named[-1].q.end, run[0].q.start) or _RESPECTIVELY_AFTER.match(text, run[-1].q.end)):
            continue
        for b, like in zip(run, named, strict=True):
            b.rule, b.metric, b.cue, b.negate = like.rule, like.metric, like.cue, like.negate
        zipped = True
    return zipped


def _zip_segments(doc: Document, sentence: Sentence, runs: list[list[Binding]]) -> None:
    """"AI-native products and open platform accounted for 71.6% and 28.4% of revenue, respectively": a list of
    numbers takes the segments named before it, in order, when there are as many; not a change ("后者占比由44.1%提升
    至48.9%" is one segment's)."""
    for run in runs:
        rule = run[0].rule
        if len(run) < 2 or rule.segment == "none" \
                or not all(_LIST.fullmatch(doc.text, a.q.end, b.q.start) for a, b in pairwise(run)):
            continue
        role = "group" if rule.segment_set == "groups" else "segment"
        named = [c for c in doc._roles.get(role, ()) if sentence.start <= c.start and c.end <= run[0].q.start]
        if len(named) > len(run):
            # "【开放平台收入占比升至53%】…，开放平台、AI原生产品收入分别为A和B": a heading or an earlier clause named one
            # of them before; the list is the one in the numbers' own clause
            bounds = doc.clause_bounds(sentence)
            named = [c for c in named if _clause(bounds, c.start) == _clause(bounds, run[0].q.start)]
        names = [c.names[0] for c in named]
        if len(names) == len(run) and len(set(names)) == len(names):
            for b, name in zip(run, names, strict=True):
                b.segment = name


def _zip_companies(doc: Document, sentence: Sentence, runs: list[list[Binding]]) -> None:
    """"智谱和MiniMax的收入分别为16.76亿元和1.763亿美元", "Zhipu and MiniMax grew 127% and 113%, respectively": a list
    of numbers takes the companies listed before it in its sentence, in order, when there are as many (the nearest
    company alone would take them all)."""
    text = doc.text
    lo = bisect_left(doc._m_starts, sentence.start)
    for run in runs:
        if len(run) < 2 or not all(_LIST.fullmatch(text, a.q.end, b.q.start) for a, b in pairwise(run)):
            continue  # "由A增至B" is one company's change, not a list
        hi = bisect_left(doc._m_starts, run[0].q.start)
        named = _companies_after(doc, sentence, run) or [m for m in doc.companies[lo:hi] if m.end <= run[0].q.start]
        if not named and (len(run) in (2, 3) and _BOTH.search(text, sentence.start, run[0].q.start)
                          or _SAME_ORDER.match(text, run[-1].q.end)):
            # "两家公司的经调整净亏损分别为A和B"; "margins of A, B and C, in the same order": the companies listed last
            named = _group_before(doc, lo, sentence.start, len(run))
        elif len(named) > len(run) and not _AND.fullmatch(text, named[-len(run) - 1].end, named[-len(run)].start):
            named = named[-len(run):]  # "智谱约112万亿，MiniMax与Kimi分别约36万亿、31万亿": the list right before
        if len(named) != len(run) or len({m.company for m in named}) != len(named) \
                or not all(_AND.fullmatch(text, a.end, b.start) or _figure_between(doc, a.end, b.start)
                           for a, b in pairwise(named)):
            continue
        for b, m in zip(run, named, strict=True):
            b.company = m.company or ""


_SAME_ORDER = re.compile(r"[,，]?\s?(?i:in\s(?:the\ssame|that)\sorder)\b")
# what opens a list of companies right after the numbers they take: "（依次为", "(respectively", " at", " for"
_COMPANIES_OPEN = re.compile(r"\s{0,2}(?:[（(]\s?(?:依次为|依次為|依次是|分别为|分別為|分别是|分別是|按照?|(?i:respectively)[,:]?)?\s?"
                               r"|\s(?i:at|for)\s)")
_COMPANIES_CLOSE = re.compile(r"\s{0,2}(?:(?:的?(?:顺序|順序|次序)?(?:排列|排序|排名)?)[）)]|[,，]?\s?(?i:respectively)\b)")


def _companies_after(doc: Document, sentence: Sentence, run: list[Binding]) -> list[CompanyMention]:
    """"分别为A、B和C（依次为智谱、月之暗面、MiniMax）", "rose 64, 87 and 54 per cent at Zhipu, Moonshot AI and MiniMax
    respectively": the companies listed right after the numbers, as many, closed by the bracket or "respectively"."""
    end = run[-1].q.end
    if run[-1].side == "after" and _cue_right_after(doc.text, run[-1]):
        end = run[-1].cue.end  # "58, 30 and 25 trillion tokens a day for DeepSeek, MiniMax and Kimi respectively"
    named = _listed_after(doc, end, sentence.end)
    if len(named) != len(run) or not _COMPANIES_OPEN.fullmatch(doc.text, end, named[0].start) \
            or not _COMPANIES_CLOSE.match(doc.text, named[-1].end):
        return []
    return named


def _zip_captioned(doc: Document, sentence: Sentence, bindings: list[Binding]) -> None:
    """"约210万亿、约121万亿——这是智谱和DeepSeek上个月的…": a run of figures opening a sentence takes the companies its
    caption lists after it, in order, when there are as many."""
    run = list(takewhile(lambda b: b.side == "caption", bindings))
    if len(run) < 2 or not all(_listed(doc, a.q, b.q) for a, b in pairwise(run)):
        return
    named = _listed_after(doc, run[-1].q.end, sentence.end)
    if len(named) == len(run) and len({m.company for m in named}) == len(named):
        for b, m in zip(run, named, strict=True):
            b.company = m.company or ""


_AND_FOR = re.compile(_AND.pattern + r"(?:(?i:for|at)\s)?")  # "for MiniMax and for Moonshot"


def _listed_after(doc: Document, start: int, end: int) -> list[CompanyMention]:
    """The companies listed one after another ("智谱、DeepSeek、MiniMax和Kimi") from the first named in text[start:end]."""
    k = bisect_left(doc._m_starts, start)
    named = doc.companies[k:k + 1] if k < len(doc.companies) and doc.companies[k].end <= end else []
    for m in doc.companies[k + 1:]:
        if m.end > end or not _AND_FOR.fullmatch(doc.text, named[-1].end, m.start):
            break
        named.append(m)
    return named


def _group_before(doc: Document, k: int, start: int, n: int) -> list[CompanyMention]:
    """The n companies "两家" / "三家" / "both" point back to: the last company named before `start` (within a few
    sentences) and the ones named just before it, listed with it ("智谱和MiniMax") or one by one, each with its
    figures ("智谱收入…；MiniMax收入…"); none when there are not as many."""
    if k < n or start - doc.companies[k - 1].end > _PAIR_REACH:
        return []
    return doc.companies[k - n:k]


def _figure_between(doc: Document, start: int, end: int) -> bool:
    """True when a number is written between two company names: they are named one by one, each with its figures."""
    i = bisect_left(doc._q_starts, start)
    return i < len(doc.quantities) and doc.quantities[i].end <= end


def _restated(text: str, p: PeriodMention) -> bool:
    """"同期", "the same nine months": a period named again, so "over the same nine months" is no comparison."""
    return text.startswith("同期", p.start) or lower_ascii(text[p.start:p.start + 8]) == "the same"


def _runs(text: str, bindings: list[Binding]) -> list[list[Binding]]:
    """The bindings in runs of one metric written as a list ("A、B和C", "from A to B")."""
    runs: list[list[Binding]] = []
    for b in bindings:
        last = runs[-1][-1] if runs else None
        if last is not None and last.metric == b.metric and (
            _LIST.fullmatch(text, last.q.end, b.q.start) or _FROM_TO.fullmatch(text, last.q.end, b.q.start)
        ):
            runs[-1].append(b)
        else:
            runs.append([b])
    return runs


def _zip_run(doc, run, quantities, periods, hugs, has_respectively, index, ctx: _Context) -> bool:
    """Bind a list of numbers to a list of periods in order ("分别为A、B、C", "A and B in 2023 and 2024, respectively")."""
    k = len(run)
    first, last = run[0].q, run[-1].q
    if all(b.q.start in hugs for b in run):
        return False
    next_q = next((q.start for q in quantities if q.start >= last.end), None)
    prev_q = max((q.end for q in quantities if q.end <= first.start), default=None)
    after = [x for p in periods if p.start >= last.end and (next_q is None or p.start < next_q) for x in p.expand()]
    before = [x for p in periods if p.end <= first.start and (prev_q is None or p.start >= prev_q) for x in p.expand()]
    candidates = [after, _from_first(doc.text, _named_once(_parts_dated(doc.text, before)))]
    if ctx.refers and len(ctx.listed) == k:
        candidates.insert(0, ctx.listed)  # "同期研发开支分别为A、B、C、D": the periods of the last such list
    if has_respectively:
        candidates.append(_from_first(doc.text, _named_once([x for p in periods if p.end <= first.start
                                                             for x in p.expand()])))
    if not periods and ctx.header and index - ctx.header[0] <= TABLE_HEADER_REACH:
        candidates.append(ctx.header[1])
    if k == 2:
        # "同期，研发开支由8440万元增至21.954亿元" over 2022-2024: the span's first and last year
        for plist in candidates[:2]:
            if len(plist) >= 3 and all(p.kind == "flow" and p.label.startswith("FY") for p in plist):
                spans = [p for p in periods if p.kind == "span"]
                if spans and len(spans[-1].years) == len(plist):
                    candidates.insert(0, [plist[0], plist[-1]])
                    break
    for plist in candidates:
        if len(plist) == k and all(p.kind in ("flow", "date") for p in plist) and not _day_among_periods(plist):
            for b, p in zip(run, plist, strict=True):
                b.period, b.period_source = p, "list"
            if k >= 3:
                ctx.listed = plist
            return True
    own = hugs.get(last.start)
    if has_respectively and own is not None and len(after) == 1:
        # "58, 30 and 25 trillion respectively in March 2026": one period after a list zipped with companies or
        # segments is every member's, not only the last one's it is written beside
        for b in run:
            b.period, b.period_source = own, "list"
        return True
    return False


def _from_first(text: str, plist: list[PeriodMention]) -> list[PeriodMention]:
    """Two periods, the second written after 由 / from, in the order of a change's two figures: "上半年亏损由去年同期的22.8
    亿元扩大至29.4亿元", "第三季度…分别为A和B，后者占比由上年同期的44.1%提升至48.9%": the change starts from the period after
    由."""
    if len(plist) == 2 and _FROM_BEFORE.search(text, max(0, plist[1].start - 8), plist[1].start):
        return plist[::-1]
    return plist


def _parts_dated(text: str, plist: list[PeriodMention]) -> list[PeriodMention]:
    """The periods with a plain year that only dates the months or quarters listed after it left out: "進入2031年，1月和2月
    分别约为A和B" lists two months, not a year and two months."""
    return [p for k, p in enumerate(plist) if not (
        k + 1 < len(plist) and p.label == f"FY{p.years[0]}" and text[p.end - 1] == "年" and text[p.start].isdigit()
        and period_kind(plist[k + 1].label) in ("M", "Q", "H1", "H2") and plist[k + 1].years == p.years)]


def _named_once(plist: list[PeriodMention]) -> list[PeriodMention]:
    """The periods with one named again right after itself counted once: "披露了前三季度业绩：前三季度收入增速依次为A、B
    和C" names one period twice, not two periods for two of the figures."""
    return [p for k, p in enumerate(plist) if k == 0 or p.label != plist[k - 1].label]


def _day_among_periods(plist: list[PeriodMention]) -> bool:
    """A day that ends no period, listed with periods: no list ("财联社5月14日电，…一季度…占比分别为A和B" is a dateline,
    then the quarter); "截至2023年及2024年12月31日止年度" lists a period by the day it ends on."""
    return any(p.kind == "date" and not p.flow for p in plist) and any(p.kind == "flow" for p in plist)


_LABEL_GAP = re.compile(r"[:：（(]")


def _ends_clause_of(doc: Document, sentence: Sentence, p: PeriodMention, q: Quantity, quantities) -> bool:
    """True for a period closing the clause of an earlier number, a clause before q's: "spent 5.73 billion yuan on
    R&D last year, about twice its revenue" dates the 5.73 billion, not only the multiple after the comma. Not across
    a colon or a bracket: "收入的2.0倍（2026年：約2.8倍）" labels the figure after it."""
    if _LABEL_GAP.search(doc.text, p.end, q.start):
        return False
    bounds = doc.clause_bounds(sentence)
    k = _clause(bounds, p.start)
    return k != _clause(bounds, q.start) and any(x.end <= p.start and _clause(bounds, x.start) == k for x in quantities)


_OF_PERIOD = re.compile(r"\s?的\s?(?:约|約|近)?\s?")


_WITH = ("与", "與")  # "与2028年的72.41亿元", "與去年同期的約3.1億元": a period with 的 and the level compared with


def _possessed(text: str, p: PeriodMention, q: Quantity, quantities: list[Quantity]) -> bool:
    """True for the period of a level a figure is compared with ("与2028年的72.41亿元基本持平；…年内亏损为90.68亿元"):
    "与" before it and 的 after it make it that level's, not the period of the figures after it."""
    if not text.startswith(_WITH, p.start - 1):
        return False
    other = _first_from(quantities, p.end)
    return other is not None and other.start < q.start and _OF_PERIOD.fullmatch(text, p.end, other.start) is not None


def _own_preceding(text: str, q: Quantity, periods, quantities, hugged) -> PeriodMention | None:
    """The period written just before the number with no other number between, unless a "to" leads on from it
    ("rose 175% from a year earlier to $53.4 million": the $53.4 million is not a year earlier's)."""
    for p in reversed(periods):
        if p.end <= q.start and id(p) not in hugged:
            if _number_between(quantities, p.end, q.start) or _TO.search(text, p.end, q.start):
                return None
            return p
    return None


# --- facts ---------------------------------------------------------------------------------------


def _to_fact(doc: Document, sentence: Sentence, index: int, b: Binding, cues, periods, ctx: _Context) -> Fact | None:
    q = b.q
    forecasts = doc._roles.get("forecast")
    if forecasts and any((c.end <= q.start or _same_clause_after(doc, sentence, q, c)) and not _a_cause(doc.text, c)
                         and not _aside(doc, doc.clause_bounds(sentence), c, q.start)
                         and not _bracketed_apart(doc.text, c, q) and not _beaten_apart(doc, sentence, c, q)
                         and not _piped_apart(doc.text, c, q) for c in forecasts):
        return None  # but "DeepSeek, which has no plans to list, …": an aside about the company forecasts no figure
    if ctx.items and _forecast_heading(doc, index, ctx):
        return None  # "2030 aspirations" over "- Revenue growth of 50% or more": the list's figures are targets
    near = doc._roles.get("forecast_near")
    if near and _in_clause(doc, sentence, q, [c for c in near if c.end <= q.start]):
        return None  # "市值將約為504億港元", "the margin will be about 48%"
    if _estimated(doc, sentence, q):
        return None  # "Our 4Q30E is US$291.0m, which takes FY30E revenue to…": a period marked E is an estimate's
    if _SUPPOSED.search(doc.text, max(sentence.start, q.start - 30), q.start):
        return None  # "如果二季度收入增速跌破40%，估值…": a threshold supposed, not a level reported
    if _SHARED_BOUND.search(doc.text, max(sentence.start, q.start - 8), q.start):
        return None  # "两家公司的收入增速均超过四成": a bound all the companies listed pass, no one company's figure
    if any(_same_clause_after(doc, sentence, q, c) for c in doc._roles.get("forecast_after", ())):
        return None  # "beating the $75 million analysts had expected": the estimate the figure is set against
    if b.rule.base and _in_clause(doc, sentence, q, doc._roles.get("sequential", ())):
        return None  # "环比增长30%", "up 30% sequentially": quarter-on-quarter, not year-on-year
    if ctx.caption is not None:
        label = _past_item_mark(doc.text, sentence.start, q.start)
        if _TOTAL_ITEM.fullmatch(doc.text, label, q.start):
            return None  # "- 合计：601" under "8月日均token调用量": the companies' sum, no one's figure
        if _ESTIMATE_LABEL.search(doc.text, label, q.start):
            return None  # "DeepSeek（2031E）：500", "MiniMax est.: 300": an estimate listed with the results
    company = b.company if b.company is not None else _company(doc, sentence, q, ctx)
    if not company or _peers(doc, sentence, q):
        return None
    metric = _scoped_metric(doc, sentence, b)
    if metric is None:
        return None
    if metric == b.rule.id and b.rule.segment != "none":
        segment = _segment(doc, sentence, index, b, cues, ctx)
        if segment is None and b.rule.segment == "required":
            if not _rd_share(doc, b, cues):
                return None
            b = Binding(replace(q, value=q.value / 100, kind="multiple", unit="x"), doc.book.metrics["rd_to_revenue"],
                        "rd_to_revenue", b.side, b.cue, penalty=b.penalty, period=b.period, period_source=b.period_source)
            q, metric = b.q, b.metric
        if segment and b.rule.segment == "whole":
            return None  # "cloud revenue rose 84%": the segment's growth, not the company's (facts.md: no segment)
        if segment:
            metric = f"{metric}.{segment}"
    period, source = _final_period(doc, index, b, periods, ctx)
    if period is not None and b.base_of is not None:
        period = _year_before(period) or _year_earlier_told(doc, index, period)
    if period is None or (_valued(doc, b) and not _on_trading_day(doc, b, period, source)):
        return None
    if _a_change(doc, b):
        return None  # "Zhipu shed HK$20 billion of market value": what the value moved by, not the value
    if source not in ("sentence", "list") and _in_clause(doc, sentence, q, [
            c for c in doc._roles.get("perennial", ()) if c.end <= q.start]):
        return None  # "毛利率长期维持在50%以上": held over years, no one period's
    penalty = b.penalty + _SOURCE_PENALTY[source]
    scoped = doc.book.metrics.get(metric, b.rule)  # a scope may change the unit (tokens a day)
    value, unit = q.value, fact_unit(scoped, q)
    if unit == "CNY" and scoped.hong_kong_yuan and _bare_yuan(doc.text, q) \
            and (_PRICE_IN_YUAN.search(doc.text, sentence.start, sentence.end)
                 or "收市" in doc.text[sentence.start:q.start]):
        # "收報251.6元，…市值約6,290億元", "昨日收市，…市值約9,800億元": a Hong Kong paper's 元 for a Hong Kong
        # price, or at a close it calls 收市 (the mainland's is 收盘), is the Hong Kong dollar
        unit = "HKD"
    if unit is None:
        unit = doc._currency if q.kind == "plain" else None
        if unit is None:
            return None
        penalty += 0.1
    if q.inherited:
        penalty += 0.05
    if b.rule.times_percent and q.kind == "multiple":
        value, unit = value * 100, "%"  # "同比增长约两倍": +200%
    elif b.rule.percent_times and q.kind == "percent":
        value, unit = value / 100, "x"  # "研发费用率为112.5%": R&D 1.125 times revenue
    if b.negate:
        value = -value
    if b.rule.loss and value < 0:
        value = -value  # a loss is stated as a positive number
    # the words just before the number, not reaching back into the sentence or the number before it
    # (numbers never overlap, so the one starting last before it also ends before it)
    i = bisect_left(doc._q_starts, q.start)
    floor = doc.quantities[i - 1].end if i and doc._q_starts[i - 1] >= sentence.start else sentence.start
    # "约为**19万亿**": bold markers are no words
    qualifier = doc.book.qualifier(doc.text[max(floor, q.start - QUALIFIER_REACH):q.start].rstrip("*"), doc.text[q.end:q.end + 6])
    if qualifier == "eq" and floor != sentence.start and _LIST.fullmatch(doc.text, floor, q.start):
        qualifier = _list_qualifier(doc, sentence, i - 1)
    if qualifier == "eq" and q.kind == "multiple" and b.side == "before" and q.start - b.cue.end <= 2:
        # "超过了同期收入的8倍", "约为全年收入的4.9倍": the qualifier comes before the words the multiple is of, and their period
        at = _period_before(doc, b.cue.start)
        qualifier = doc.book.qualifier(doc.text[max(floor, at - 12):at], "")
    if qualifier == "eq" and ctx.caption is not None and any(APPROXIMATE.search(doc.text, *span) for span in ctx.caption):
        qualifier = "approx"  # "(trillions; company disclosures, rounded)", "数据均为约数": the caption says so of all
    confidence = max(0.3, min(0.95, BASE_CONFIDENCE - penalty))
    fact = Fact(
        company=company,
        metric=metric,
        period=period,
        value=value,
        unit=unit,
        qualifier=qualifier,
        quote=doc.text[sentence.start:sentence.end],
        start=sentence.start,
        end=sentence.end,
        confidence=round(confidence, 3),
    )
    if source == "document" or ctx.by_dateline:
        ctx.undated.add(id(fact))
    return fact


# An item of a list of companies' figures that sums them: "合计：601", "四家合计 1,020", "Total: 980", "Combined — 980"
_TOTAL_ITEM = re.compile(r"[ \t]?[^\n0-9:：]{0,8}?(?:" + _SUMMED + r"|总和|總和|(?i:total|combined|sum|altogether))"
                         r"[ \t]?(?:[:：]|[—–-]{1,2}|\|)?[ \t]?(?:约|約|近|逾|~|≈|(?i:about|around|roughly|nearly)[ \t])?[ \t]?")


# An item's label marking its figure as an estimate: "（2031E）", "est.", "预测", "forecast"
_ESTIMATE_LABEL = re.compile(_ESTIMATE_PERIOD.pattern + r"|(?<![A-Za-z])E(?![A-Za-z])|预测|預測|预计|預計|预估|預估|目标|目標"
                             r"|(?i:\best\.|\bestimated?\b|\bforecast\b|\btarget\b|\bguidance\b|\bconsensus\b)")


_EACH = re.compile(r"分别|分別")
_LIST_REACH = 8  # items a respectively list's qualifier is looked for back over


# a share price closed at or quoted in bare 元: "收報251.6元", "收报2,140.0元", "股價升至88元"
_PRICE_IN_YUAN = re.compile(r"(?:收[報报]|收[於于]|收市[價价報报]|股[價价]|招股[價价])[^，,。；;0-9]{0,4}[0-9][0-9,.]{0,9}\s?元"
                            r"(?!人民)")


def _bare_yuan(text: str, q: Quantity) -> bool:
    """True for an amount in 元 naming no yuan ("6,290億元"; not "人民幣6,290億元", "6,290億元人民幣")."""
    return text[q.end - 1:q.end] == "元" and NAMED_YUAN.search(text, max(0, q.start - 4), q.end + 3) is None


def _list_qualifier(doc: Document, sentence: Sentence, i: int) -> str:
    """The qualifier that "分别约36万亿、31万亿" writes once before a list for every number of it: the one before the
    list's first number (quantities[i] is the number listed just before), when 分别 says the list goes item by item.
    Looks back over a few items only, so that a text of one long list costs no time growing with its square."""
    qs = doc.quantities
    last = i + 1
    for _ in range(_LIST_REACH):
        if not i or qs[i - 1].start < sentence.start or not _LIST.fullmatch(doc.text, qs[i - 1].end, qs[i].start):
            break
        i -= 1
    for _ in range(_LIST_REACH):  # "about 190 trillion and 120 trillion, respectively": the word closing the list
        if last + 1 >= len(qs) or qs[last + 1].start > sentence.end \
                or not _LIST.fullmatch(doc.text, qs[last].end, qs[last + 1].start):
            break
        last += 1
    before = doc.text[max(sentence.start, qs[i].start - QUALIFIER_REACH):qs[i].start]
    each = _EACH.search(before) or _RESPECTIVELY_AFTER.match(doc.text, qs[last].end)
    return doc.book.qualifier(before, "") if each else "eq"


def _year_before(label: str) -> str | None:
    """"FY2026" → "FY2025": the year a change over a year started from; None for any other period."""
    return f"FY{int(label[2:]) - 1}" if label.startswith("FY") and label[2:].isdigit() else None


YEAR_ON_YEAR_REACH = 2  # how many sentences back "a year earlier" makes the comparisons after it year on year


def _year_earlier_told(doc: Document, index: int, label: str) -> str | None:
    """"…made up 46.1%, up from 43.2% a year earlier. Adjusted net loss narrowed to $27.9 million from $38.9 million":
    a quarter's, half's or nine months' starting level is that period a year before when the text has just compared
    with a year earlier; otherwise it may be the quarter before's, and has no period."""
    if (kind := period_kind(label)) not in PARTS and kind != "Q1-Q3":
        return None
    start, end = doc.sentences[max(0, index - YEAR_ON_YEAR_REACH)].start, doc.sentences[index].end
    i = bisect_left(doc.periods, start, key=_start)
    earlier = previous_like_period(label)
    while i < len(doc.periods) and doc.periods[i].start < end:
        if doc.periods[i].kind == "prior" or doc.periods[i].label == earlier:  # "compared with 44.9% in 1H28"
            return earlier
        i += 1
    return None


def _valued(doc: Document, b: Binding) -> bool:
    """True for a value written with one of its metric's on_trading_day cues (cues.yaml: "valued at", "worth"): a
    market value only on a trading day its sentence opens with ("At Friday's close, Zhipu was valued at HK$245.6
    billion"); otherwise it is a private round's or an estimate."""
    return doc.text[b.cue.start:b.cue.end].casefold() in b.rule.on_trading_day


def _a_change(doc: Document, b: Binding) -> bool:
    """True for an amount right after one of its metric's change words (cues.yaml `changes`): "市值蒸发200亿港元"; or
    right before words setting it against another level: "HK$120 billion more than at the end of May"."""
    if b.q.kind not in ("percent", "multiple") and _DIFFERENCE_AFTER.match(doc.text, b.q.end):
        return True  # ("53.9% more than a year before" is a growth rate)
    return any(b.rule.id in c.names and c.end <= b.q.start and _TIGHT_BEFORE.fullmatch(doc.text, c.end, b.q.start)
               for c in doc._roles.get("change", ()))


# an amount by which one level exceeds another, written right before the words comparing them (not past a comma:
# "8.19 billion yuan, more than double…" is a level)
_DIFFERENCE_AFTER = re.compile(r"\s(?i:more|less|higher|lower|greater|smaller|bigger)\sthan(?![A-Za-z])")


def _apart(doc: Document, b: Binding, bindings: list[Binding]) -> bool:
    """True for a value bound to its metric's tight cue (cues.yaml) when no number bound to that cue follows it at once:
    "Moonshot lost $282mn, against $310mn a year earlier" are losses, "shares lost 5% on Tuesday, wiping HK$20 billion
    off its value" names none."""
    return doc.text[b.cue.start:b.cue.end].casefold() in b.rule.tight and not any(
        x.cue is b.cue and x.cue.end <= x.q.start and _TIGHT_BEFORE.fullmatch(doc.text, x.cue.end, x.q.start)
        for x in bindings)


_AT_CLOSE = re.compile(r"(?:'s|’s)?\s(?i:close|closing)\b")


def _on_trading_day(doc: Document, b: Binding, label: str, source: str) -> bool:
    """True when the sentence names the day before the value ("At Thursday's close Zhipu was worth…"), or a day's
    close after it ("worth HK$310 billion at Thursday's close")."""
    return source == "sentence" and len(label) == 10 and b.period is not None and (
        b.period.start < b.cue.start or _AT_CLOSE.match(doc.text, b.period.end) is not None)


def _a_cause(text: str, c: Cue) -> bool:
    """"受纳入指数预期推动": the expectation a move is put down to ("受…预期推动"), not a forecast ("预计带动收入增长")."""
    return _CAUSE.match(text, c.start) is not None and _CAUSED_BY.search(text, max(0, c.start - 40), c.start) is not None


# "比招股書的預測略高", "高于市场预期", "beat the company's own forecast": a result measured against a forecast
_MEASURED_AGAINST = re.compile(r"(?:比|較|较|高於|高于|超過|超过|超出|好於|好于|低於|低于|優於|优于|勝於|胜于"
                               r"|(?i:\b(?:than|beat|beats|beating|above|below|topping|topped|missed|exceeding|exceeded)\b))")


def _beaten_apart(doc: Document, sentence: Sentence, c: Cue, q: Quantity) -> bool:
    """True for a forecast a result is measured against ("收入60.49億元，比招股書的預測略高；其中第四季收入17.37億元"),
    a semicolon before the number: the forecast's own clause, not a forecast over what the sentence goes on to."""
    if c.end > q.start or _SEMICOLON.search(doc.text, c.end, q.start) is None:
        return False
    bounds = doc.clause_bounds(sentence)
    k = _clause(bounds, c.start)
    start = bounds[k - 1] + 1 if k else sentence.start
    return _MEASURED_AGAINST.search(doc.text, start, c.start) is not None


# whose or when a whole is, written between a share verb and it: "占公司总收入的", "占当年总收入的" (当年 is no period of its
# own, see periods._THAT_YEAR; the sentence's is)
_WHOSE = ("公司", "该公司", "該公司", "集团", "集團", "当年", "當年", "当期", "當期", "同期")


def _whose_before(doc: Document, at: int) -> int:
    """Where a company's name (or 公司, 当年…) written right before `at` starts ("智谱" in "智谱总收入"), else `at`."""
    i = bisect_left(doc._m_starts, at) - 1
    if i >= 0 and doc.companies[i].end == at:
        return doc.companies[i].start
    word = next((w for w in _WHOSE if doc.text.endswith(w, 0, at)), None)
    return at - len(word) if word else at


def _period_before(doc: Document, at: int) -> int:
    """Where a period written right before `at` starts ("全年" in "全年收入的"), else `at`."""
    i = bisect_left(doc.periods, at, key=_end)
    return doc.periods[i].start if i < len(doc.periods) and doc.periods[i].end == at else at


@lru_cache(maxsize=4096)  # few labels and dates recur in every document: parse each pair once
def _not_begun(label: str, day: date) -> bool:
    """True for a period that had not begun by the day the text was written ("第三季" in January)."""
    start = period_start(label)
    return start is not None and start > day


def _a_month(p: PeriodMention) -> bool:
    return p.kind == "flow" and period_kind(p.label) == "M"


def _plain_day(p: PeriodMention) -> bool:
    """A day that ends no quarter ("on Thursday", "on March 3"): what no revenue, margin or loss is reported for."""
    return p.kind == "date" and not p.flow


def _no_statement_period(p: PeriodMention) -> bool:
    """A month, or a day that ends no quarter: what no revenue, margin or loss is reported for."""
    return _a_month(p) or _plain_day(p)


def _reported(rule: MetricRule) -> bool:
    """A figure of the financial statements (an amount, a margin, a multiple), published only once its period is over;
    a count of tokens or a rate may be given for a period still under way."""
    return not (rule.instant or rule.rate) and all(u in _STATEMENT_UNITS for u in rule.units)


@lru_cache(maxsize=4096)
def _not_ended(label: str, day: date) -> bool:
    """True for a period more than a month from over on the day the text was written ("2026年" in April 2026); a
    year's figure written in its last days may be a preliminary result."""
    end = period_end(label)
    return end is not None and (end - day).days > 31


def _in_clause(doc: Document, sentence: Sentence, q: Quantity, cues) -> bool:
    """True when one of the cues is in the number's clause, or is a short lead-in opening the sentence
    ("Sequentially, revenue rose 40%", "环比来看，收入增长…")."""
    if not cues:
        return False
    bounds = doc.clause_bounds(sentence)
    clause = _clause(bounds, q.start)
    for c in cues:
        k = _clause(bounds, c.start)
        if k == clause:
            return True
        if k == 0 and bounds[0] - sentence.start <= 20 and not any(ch.isdigit() for ch in doc.text[sentence.start:bounds[0]]):
            return True
    return False


def _rd_share(doc: Document, b: Binding, cues: list[Cue]) -> bool:
    """"spent $180 million on R&D, equal to 337% of revenue": a share of revenue of no segment, with R&D the metric
    named last before it, is R&D as a multiple of revenue."""
    if "rd_to_revenue" not in doc.book.metrics or b.q.kind != "percent":
        return False
    # the metric named last before the share's own words ("研發開支佔收入的比例為112.5%": 佔收入, 比例 are the share's)
    named = [c for c in cues if c.role == "metric" and c.end <= b.q.start and b.metric not in c.names]
    return bool(named) and "rd_expense" in named[-1].names


def _peers(doc: Document, sentence: Sentence, q: Quantity) -> bool:
    """True when others the company is compared with are named before the number in its clause, with no watched
    company between ("与成熟的软件公司动辄70%以上的毛利率相比")."""
    peers = [c for c in doc._roles.get("peer", ()) if c.end <= q.start]
    if not peers:
        return False
    bounds = doc.clause_bounds(sentence)
    last = peers[-1]
    if _clause(bounds, last.start) != _clause(bounds, q.start):
        return False
    i = bisect_left(doc._m_starts, last.end)
    return not (i < len(doc.companies) and doc.companies[i].end <= q.start)


def _same_clause_after(doc: Document, sentence: Sentence, q: Quantity, c: Cue) -> bool:
    if c.start < q.end:
        return False
    bounds = doc.clause_bounds(sentence)
    return _clause(bounds, q.start) == _clause(bounds, c.start)


# "收盘了：…总市值11,260亿港元", "At the close, its market value was…": a value at a close its sentence names no day of
_AT_THE_CLOSE = re.compile(r"收盘|收盤|收市|(?i:\bat\sthe\sclose\b|\bclosing\b)")


def _closed_today(doc: Document, index: int, b: Binding, carried: PeriodMention) -> bool:
    """True for a value held on a day, at a close its sentence names without a day, when the day the sentences before
    leave open is a month's end before the document's date ("3月底员工1,702人" … "收盘了：总市值11,260亿港元"): the
    close is the day of writing, a reporting date is no trading day's close."""
    sentence = doc.sentences[index]
    return doc.doc_date is not None and _held_on_a_day(b.rule) and written_as_month_end(doc.text, carried) \
        and carried.label < doc.doc_date.isoformat() and _AT_THE_CLOSE.search(doc.text, sentence.start, b.q.start) is not None


def _last_trading_day(label: str) -> str:
    """The day a market value written at a month's end was last set: the month's last weekday (June 30 2029 is a
    Saturday: the 29th's close)."""
    day = date.fromisoformat(label)
    return (day - timedelta(days=max(0, day.weekday() - 4))).isoformat()


def _month_last_day(label: str) -> bool:
    """True for a day (YYYY-MM-DD) that is its month's last."""
    return len(label) == 10 and (date.fromisoformat(label) + timedelta(days=1)).day == 1


def written_as_month_end(text: str, p: PeriodMention) -> bool:
    """True for a day written as a month's end ("3月末", "去年底", "6月底", "at the end of March", "end-June"): a rate
    measured then (ARR, a daily volume) is the month's, in a sentence or a table."""
    return _MONTH_END.search(text, p.start, p.end) is not None or _END_OF.match(text, p.start, p.end) is not None


def fact_unit(rule: MetricRule, q: Quantity) -> str | None:
    """The unit of a fact of this metric: tokens or tokens a day for token counts, the currency of an amount, %, pp,
    x or count; None for a bare number of a metric of amounts (its currency is the document's)."""
    if rule.counts:
        return rule.counts
    if q.kind == "currency":
        return q.unit
    if q.kind == "plain" and "currency" in rule.units:
        return None
    return _UNIT_OUT.get(q.kind)


# "three times MiniMax's,", "higher than Zhipu's.": a company a figure is compared with, standing for its own figure
_COMPARED_BEFORE = re.compile(r"\b(?i:times|twice|than|versus|vs\.?|compared\swith|compared\sto)\s$")
_STANDS_FOR_FIGURE = re.compile(r"['’]s(?![\s\w$¥€£]{0,6}[0-9])")


def _compared_with(text: str, m: CompanyMention) -> bool:
    """True for a company named, in the possessive with no figure after it, as what a figure is compared with."""
    return _STANDS_FOR_FIGURE.match(text, m.end) is not None and \
        _COMPARED_BEFORE.search(text, max(0, m.start - 16), m.start) is not None


def _named_in_aside(doc: Document, m: CompanyMention) -> bool:
    """"MiniMax, which listed a day after Zhipu, posted revenue of…. Its gross margin…": a company named in a relative
    clause of an earlier sentence is an aside; the sentences after it go on about that sentence's subject."""
    s = doc.sentences[bisect_right(doc.sentences, m.start, key=_start) - 1]
    bounds = clause_bounds(doc.text, s.start, s.end)
    k = _clause(bounds, m.start)
    return k > 0 and _RELATIVE.match(doc.text, bounds[k - 1] + 1, m.start) is not None


# A sentence opening with the bare word for "the company" (not "该公司", "that company"): the article's subject.
_OUR_COMPANY = re.compile(r"\s{0,3}(?:公司|集团|集團|本公司)(?:[，,]|(?:公布|宣布|表示|披露|透露|指出|称|稱|介绍|介紹))")


def _company(doc: Document, sentence: Sentence, q: Quantity, ctx: _Context) -> str | None:
    """A company whose share the number is ("15.2% of Zhipu's revenue") or that the number is given at ("about 167
    trillion at Zhipu, 56 trillion at MiniMax"), else the nearest one named before the number in its sentence, else
    in its paragraph, else the subject."""
    i = after = bisect_left(doc._m_starts, q.start)
    if i < len(doc.companies):
        m = doc.companies[i]
        if m.start - q.end <= 8 and (_OF_WHOSE.fullmatch(doc.text, q.end, m.start) and doc.text.startswith(
                ("'s", "’s"), m.end) or _AT_WHOM.fullmatch(doc.text, q.end, m.start)):
            return m.company
    if doc.text.startswith(_INDEFINITE_FIRST, sentence.start) and _INDEFINITE.match(doc.text, sentence.start) \
            and (not i or doc.companies[i - 1].start < sentence.start):
        return None  # "One Tokyo-based startup said its models process…": a company the text does not name
    while i > 0:
        m = doc.companies[i - 1]
        if m.start < ctx.paragraph_start:
            break
        # passing over a company compared with: "revenue of $302mn, more than three times MiniMax's, and ARR of…", and
        # one not watched named after a description of ours ("The Beijing-based company, backed by Alibaba, reported…")
        if m.end <= q.start and not _compared_with(doc.text, m) and not (m.company is None and _after_description(doc, m, ctx)) \
                and not (m.start >= sentence.start and _contrasted(doc, sentence, m, q)):
            if m.start < sentence.start and _OUR_COMPANY.match(doc.text, sentence.start):
                if m.company is None and _only_others(doc, ctx.paragraph_start, m):
                    return None  # "阶跃星辰宣布完成融资。公司称…": the company of a paragraph about one not watched
                break  # "…更勝智譜。公司公布，…1,837倍": a sentence opening "公司" is about the article's company
            if not _aside(doc, doc.clause_bounds(sentence), m, q.start) if m.start >= sentence.start \
                    else not _named_in_aside(doc, m):
                if i > 1 and m.start >= sentence.start and _FORMER.search(doc.text, m.end, q.start) \
                        and (pair := doc.companies[i - 2]).company != m.company \
                        and _AND.fullmatch(doc.text, pair.end, m.start) is not None:
                    return pair.company  # "MiniMax和智谱均公布了业绩，前者收入…": the first of the two just named
                # None for a company that is not watched: the number is its, not ours; nobody's for a sum of several
                return None if _together(doc, i - 1, q) else m.company
        i -= 1
    if _TOGETHER.search(doc.text, sentence.start, q.start) and _BOTH.search(doc.text, sentence.start, q.start):
        return None  # "两家公司的市值加起来接近5000亿港元": a sum over the companies of the story, nobody's
    if i == bisect_left(doc._m_starts, ctx.paragraph_start):  # no company named before the number in its paragraph
        if (sayer := _sayer_after(doc, sentence, after)) is not None:
            return sayer.company  # "Revenue rose 44% to $250 million, MiniMax said on Monday."
        if ctx.speaker[0] != sentence.start:
            ctx.speaker = (sentence.start, _named_speaker(doc, sentence, ctx.paragraph_start))
        if (speaker := ctx.speaker[1]) is not None:
            return speaker  # "MiniMax CFO Wang Lei spoke on the call.\n\nWang said gross margin was 51.3%…"
        if i and _turn_goes_on(doc.text, ctx.paragraph_start):
            # "[00:12:40] ANNA: Next, Zhipu.\n\n[00:12:44] TOM: Revenue was…": a turn naming no company goes on
            # about the one the conversation named last (None for one not watched)
            return doc.companies[i - 1].company
        if ctx.about[0] != ctx.paragraph_start:
            ctx.about = (ctx.paragraph_start, *_described_company(doc, ctx.paragraph_start))
        _, found, about = ctx.about
        # (only a company other than the subject needs the paragraph searched for a description of it)
        if found and about != doc.subject and (_described_in(doc.lowered, ctx, sentence.end)
                                               or _THE_COMPANY.match(doc.text, ctx.paragraph_start)) \
                and _section_company(doc, ctx.paragraph_start) is None:  # a heading naming a company rules its section
                # "…月之暗面一枝獨秀。\n\n公司於本周一發布…ARR約為17億美元", "MiniMax Group said….\n\nThe Shanghai-based
                # company said its revenue…": the company of the paragraph before that names one (None for one not
                # watched: "Alibaba reported….\n\nThe Hangzhou-based company said…" is none of ours)
                return about
    if _it_before(doc.text, ctx, q.start) and (named := _named_just_before(doc, ctx.paragraph_start)):
        return named.company
    if _issuers_turn(doc, sentence.start):
        return None  # "衡云数智：您好！公司已于2月27日披露…" on 衡云数智's own Q&A page: its figures, none of ours
    if (speaker := _speaker(doc, ctx.paragraph_start)) is not None:
        return speaker
    section = _section_company(doc, ctx.paragraph_start)
    if section == NOT_OURS:
        return None  # "【计算机｜某软件（688317.SH）】…\n\n公司一季度营收…": the block of a company not watched
    return section or doc.subject


# A sentence opening on a company it does not name: "One Tokyo-based startup said…", "A rival developer reported…",
# "Another Beijing lab puts its figure at…"
_INDEFINITE = re.compile(r"(?:One|An?|Another)\s(?:[A-Za-z][A-Za-z-]{1,20}\s){0,3}(?:startup|start-up|company|firm|developer"
                         r"|lab|rival|competitor|player|maker|unicorn|peer)\b")
_INDEFINITE_FIRST = ("One ", "A ", "An ", "Another ")


# A line opening on a name and a colon: "衡云数智：您好！…", a turn of the one so named
_NAME_LABEL = re.compile(r"[ \t]{0,3}(?P<name>[^\s：:，,。！？!?、（）()0-9]{2,12})[：:]")


def _issuers_turn(doc: Document, at: int) -> bool:
    """True when the line holding `at` is the turn of the company the text's first line opens on, and that one is not
    watched: "衡云数智：关于…的投资者问答汇总" over "衡云数智：您好！公司已于2月27日披露2030年度业绩快报，全年营业收入
    18.46亿元" (an investor Q&A platform's page of a company): what the reply tells of "公司" is that company's."""
    line = doc.text.rfind("\n", 0, at) + 1
    m = _NAME_LABEL.match(doc.text, line, at)
    if m is None or _watched_between(doc, line, m.end()) is not None:
        return False
    head = _NAME_LABEL.match(doc.text, len(doc.text) - len(doc.text.lstrip()))
    return head is not None and head.group("name") == m.group("name") and _watched_between(doc, 0, head.end()) is None


# A company described, not named, in a paragraph that names none before the number: "The Shanghai-based company said",
# "the Beijing-based lab", "the GLM maker", "Its gross margin", "It posted", "这家上海AI公司", "该公司", "这家大模型独角兽"
# (matched on the text with its ASCII lowered)
_DESCRIPTION = (r"\b(?:the|this|that)\s(?:[a-z]{2,12}(?:-based)?\s){0,3}(?:company|firm|startup|start-up|lab|laboratory"
                r"|developer|maker|unicorn|group)\b"
                r"|(?:该|該|这家|這家|此)[^\s，。,；;：:0-9]{0,8}?(?:公司|企业|企業|独角兽|獨角獸|集团|集團|厂商|廠商|实验室|實驗室"
                r"|创企|創企|初创|初創)")
_DESCRIBED = re.compile(_DESCRIPTION + r"|\bits\s|(?:^|[.!?]\s)it\s[a-z]{2,12}\s", re.MULTILINE)
_DESCRIBED_SUBJECT = re.compile(_DESCRIPTION)
_DESCRIBED_REACH = 4  # paragraphs a description looks back over for the company it stands for

# "…, MiniMax said on Monday.", "…, said MiniMax", "according to MiniMax": the company a figure is attributed to after it
_SAYS_AFTER = re.compile(r"(?:['’]s)?(?:\s[A-Z][A-Za-z.&-]{0,20}|\s(?i:chief|executive|financial|officer|president|founder"
                         r"|co-founder|and|vice|head|of)){0,6}\s(?i:said|says|reported|reports|announced|disclosed|told)\b")
_SAYS_BEFORE = re.compile(r"\b(?i:said|says|according\sto)\s$")


# "Unlike Zhipu, the Shanghai-based company…", "与智谱不同，这家上海公司…", "Compared with Zhipu, the company…": a clause
# opening on a company the figure's company is set against
_CONTRAST_BEFORE = re.compile(r"(?:\b(?i:unlike|like|compared\swith|compared\sto|in\scontrast\sto|as\swith)\s(?:(?i:rival|peer|its\srival)\s)?"
                              r"|与|與|和|跟|同|相比|相較|相较|不同于|不同於|较之|較之|对比|對比)$")
_CONTRAST_AFTER = re.compile(r"(?:['’]s)?\s?(?:不同|相比|相較|相较|比较|比較|一样|一樣)?\s?[，,]")


def _contrasted(doc: Document, sentence: Sentence, m: CompanyMention, q: Quantity) -> bool:
    """True when m is all a clause before the number's names, after a word setting it against another ("Unlike X,")."""
    bounds = doc.clause_bounds(sentence)
    k = _clause(bounds, m.start)
    if k == _clause(bounds, q.start):
        return False
    opened = bounds[k - 1] + 1 if k else sentence.start
    if _CONTRAST_AFTER.match(doc.text, m.end) is None:
        return False
    word = _CONTRAST_BEFORE.search(doc.text, max(opened, m.start - 24), m.start)
    return word is not None and not doc.text[opened:word.start()].strip()


def _after_description(doc: Document, m: CompanyMention, ctx: _Context) -> bool:
    """True when the sentence naming m opens on a description of a company and names m in a later clause ("The
    Shanghai-based company, whose rivals include OpenAI, said…"): m is named in passing, the description is what the
    sentence is about (not "The company's rival Alibaba posted…")."""
    known = ctx.passing.get(m.start)
    if known is None:
        known = ctx.passing[m.start] = _opens_on_description(doc, m)
    return known


def _opens_on_description(doc: Document, m: CompanyMention) -> bool:
    s = doc.sentences[bisect_right(doc.sentences, m.start, key=_start) - 1]
    opening = _DESCRIBED_SUBJECT.match(doc.lowered, s.start + len(doc.text[s.start:s.start + 3]) - len(
        doc.text[s.start:s.start + 3].lstrip()), m.start)
    if opening is None:
        return False
    bounds = clause_bounds(doc.text, s.start, s.end)
    return _clause(bounds, m.start) > _clause(bounds, opening.start())


def _described_in(lowered: str, ctx: _Context, end: int) -> bool:
    """True when the paragraph describes a company before `end` (a description may straddle the last end searched)."""
    ctx.described, found = _seen_in_paragraph(_DESCRIBED, lowered, ctx.described, ctx.paragraph_start, end, overlap=40)
    return found


def _seen_in_paragraph(pattern: re.Pattern, text: str, state: tuple[int, int, int], paragraph_start: int, pos: int,
                       overlap: int = 0) -> tuple[tuple[int, int, int], bool]:
    """Whether pattern occurs in the paragraph before pos, each stretch of the paragraph searched once: state is
    (paragraph start, searched up to, where it first occurs or -1), kept on the context between calls; returns the new
    state and the answer."""
    start, upto, at = state
    if start != paragraph_start:
        start, upto, at = paragraph_start, paragraph_start, -1
    if at < 0 and pos > upto:
        m = pattern.search(text, max(start, upto - overlap), pos)
        upto, at = pos, (m.start() if m else -1)
    return (start, upto, at), 0 <= at < pos


def _sayer_after(doc: Document, sentence: Sentence, i: int) -> CompanyMention | None:
    """The company named after the number in its sentence (doc.companies[i], the first after it) as the one saying it."""
    if i >= len(doc.companies) or doc.companies[i].start >= sentence.end:
        return None
    m = doc.companies[i]
    if _SAYS_AFTER.match(doc.text, m.end) or _SAYS_BEFORE.search(doc.text, max(sentence.start, m.start - 14), m.start):
        return m
    return None


# "Wang said", "said Wang", "王磊表示": a speaker named in the sentence, whose company is told where the text first names
# them ("MiniMax chief financial officer Wang Lei", "MiniMax首席财务官王磊", "王磊（MiniMax首席财务官）")
_SAY_VERB = re.compile(r"\b(?:said|says|told|added|noted|explained)\b|表示|称|稱|指出|介绍|介紹|透露|坦言|说|說")
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]{1,14})\s$|([\u4e00-\u9fff]{2,3})\s?$")
_NAME_AFTER = re.compile(r"\s([A-Z][a-z]{1,14})\b")
_NOT_NAMES = frozenset(("He", "She", "It", "They", "We", "The", "This", "That", "These", "Those", "There", "Analysts",
                        "Management", "Officials", "Executives", "Investors", "Company", "Reuters", "Bloomberg"))
_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
                      "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤張劉陳楊"
                      "黃趙吳孫馬鄭謝許韓馮鄧葉蘇呂鍾譚陸閆賀顧龔萬錢嚴湯閻楊")
_TITLE_REACH = 40  # characters between a company's name and the speaker's (a title: "chief financial officer")


def _named_speaker(doc: Document, sentence: Sentence, paragraph_start: int) -> str | None:
    """The watched company of the speaker the sentence names (or whose turn the paragraph is: "王磊：我们…"), told
    where the text first names them; None when it names no speaker, or none is found with one watched company."""
    text = doc.text
    names = []
    if turn := _TURN_OPENS.match(text, paragraph_start):
        names.append(turn.group(1))
    for m in _SAY_VERB.finditer(text, sentence.start, sentence.end):
        if (before := _NAME_BEFORE.search(text, max(sentence.start, m.start() - 16), m.start())) is not None:
            if before.group(1):
                names.append(before.group(1))  # "Wang said"
            elif m.group(0)[0] > "~":
                run = before.group(2)  # a name of three characters or two: "首席财务官王磊表示" gives "官王磊", then "王磊"
                names.extend(run[k:] for k in (len(run) - 3, len(run) - 2) if k >= 0 and run[k] in _SURNAMES)
        if m.group(0) in ("said", "says") and (after := _NAME_AFTER.match(text, m.end(), sentence.end)) is not None:
            names.append(after.group(1))  # "said Wang"
    return next((company for name in names if name not in _NOT_NAMES
                 and (company := _person_company(doc, name, sentence.start)) is not None), None)


def _person_company(doc: Document, name: str, before: int) -> str | None:
    """The company of the person `name`, told where the text first names them before `before`: a company named just
    before the name with a title between ("MiniMax chief financial officer Wang Lei", "MiniMax首席财务官王磊") or just
    after it ("王磊（MiniMax首席财务官）", "陈嘉言（MiniMax副总裁）："); None when neither is there (or it is not watched)."""
    text = doc.text
    first = text.find(name, 0, before)
    if first < 0:
        return None
    i = bisect_left(doc._m_starts, first)
    prev = doc.companies[i - 1] if i else None
    if prev is not None and 0 <= first - prev.end <= _TITLE_REACH and not _SENTENCE_STOP.search(text, prev.end, first):
        return prev.company
    nxt = doc.companies[i] if i < len(doc.companies) else None
    if nxt is not None and 0 <= nxt.start - first - len(name) <= 12 and not _SENTENCE_STOP.search(text, first, nxt.start):
        return nxt.company
    return None


# "王磊：", "Wang Lei:", "Wang:" opening a turn (not "市值：", a caption)
_TURN_OPENS = re.compile(r"\s{0,3}([A-Z][a-z]{1,14}(?:\s[A-Z][a-z]{1,14})?|[" + "".join(sorted(_SURNAMES))
                         + r"][\u4e00-\u9fff]{1,2})\s?[：:]")
_SENTENCE_STOP = re.compile(r"[。！？!?\n]|\.\s")


# "According to Frost & Sullivan, …", "IDC estimates…", "据弗若斯特沙利文统计": a firm cited as a source of data, not
# a company the story goes on about
_CITED_BEFORE = re.compile(r"(?:\b(?i:according\sto|data\sfrom|estimates\sfrom|figures\sfrom|research\sfirm)\s|据|根据|根據|據|引述)$")
_CITED_AFTER = re.compile(r"\s?(?:\s(?i:estimates?|data|figures|research|forecasts?|projects?|expects?)\b|统计|統計|数据|數據|报告|報告"
                          r"|预计|預計|预测|預測|估计|估計|的数据|的數據)")


def _cited(text: str, m: CompanyMention) -> bool:
    return _CITED_BEFORE.search(text, max(0, m.start - 14), m.start) is not None or _CITED_AFTER.match(text, m.end) is not None


def _described_company(doc: Document, start: int) -> tuple[bool, str | None]:
    """(True, the company) a description in the paragraph starting at `start` stands for: the one the nearest paragraph
    before that names a company names first, when it names no other watched one (None when that one is not watched);
    (False, None) when no paragraph within _DESCRIBED_REACH names one, or the nearest names two watched companies."""
    i = bisect_left(doc._m_starts, start)
    k = bisect_right(doc.sentences, start, key=_start) - 1
    while i > 0 and _compared_with(doc.text, doc.companies[i - 1]):
        i -= 1  # "…within a few points of Zhipu's." names no company the paragraph is about
    if i == 0 or k < 1:
        return False, None
    j = bisect_right(doc.sentences, doc.companies[i - 1].start, key=_start) - 1
    paragraph = doc.sentences[j].paragraph
    if doc.sentences[k].paragraph - paragraph > _DESCRIBED_REACH:
        return False, None
    while j > 0 and doc.sentences[j - 1].paragraph == paragraph:
        j -= 1
    named = [m for m in doc.companies[bisect_left(doc._m_starts, doc.sentences[j].start):i]
             if not _compared_with(doc.text, m) and not (m.company is None and _cited(doc.text, m))]
    if not named:
        return False, None
    first = named[0]
    if first.company is None:
        return True, None
    return (True, first.company) if all(m.company in (None, first.company) for m in named) else (False, None)


# A markdown heading on a line of its own: "## MiniMax: quieter, and arguably better"
_MD_HEADING = re.compile(r"#{1,4}\s[^\n]{1,80}")
# A line all in bold: "**MiniMax**", "**Valuation**" (a heading, naming a company or not)
_BOLD_LINE = re.compile(r"^[ \t]{0,3}\*\*[^\n*]{1,40}\*\*[ \t]{0,3}[:：]?[ \t]{0,3}$", re.MULTILINE)
# A line that is a company's name and nothing else but a bracket, a colon or marks: "MiniMax (0100.HK)", "▍月之暗面"
_NAME_LINE_BEFORE = re.compile(r"[ \t*#•·▍■◆●►\-–—]{0,6}")
_NAME_LINE_AFTER = re.compile(r"[ \t]?(?:[（(][^）)\n]{1,24}[）)])?[ \t*]{0,4}[:：]?[ \t*]{0,4}(?=\n|$)")


def _name_lines(doc: Document) -> list[tuple[int, int]]:
    """The lines that name a company and nothing else (headings of a roundup: "MiniMax\nRevenue rose…")."""
    lines = []
    for m in doc.companies:
        line = doc.text.rfind("\n", 0, m.start) + 1
        if _NAME_LINE_BEFORE.fullmatch(doc.text, line, m.start) and (after := _NAME_LINE_AFTER.match(doc.text, m.end)):
            lines.append((line, after.end()))
    return lines


# A line opening on a heading in black lenticular brackets: a broker's morning note gives each company a block headed
# "【海外科技｜智谱（2513.HK）】一季度点评：…" (sector｜company), a digest "【公司】MiniMax：…"
_BRACKET_LINE = re.compile(r"^[ \t]{0,3}【[^】\n]{1,40}】[^\n]{0,80}$", re.MULTILINE)
# A listed company's stock code: "688317.SH", "2513.HK", "(NASDAQ: ABCD)"
_STOCK_CODE = re.compile(r"(?<![0-9A-Za-z.])(?:[0-9]{6}\.(?:SH|SZ|BJ)|[0-9]{4,5}\.HK|[A-Z]{1,5}\.(?:US|O|N))(?![A-Za-z0-9])"
                         r"|(?:NASDAQ|NYSE|HKEX)[:：]\s?[A-Z0-9]{1,6}\b")
NOT_OURS = ""  # _section_company's answer for a section about a company that is not watched


def _section_company(doc: Document, start: int) -> str | None:
    """The one watched company the heading of the section holding `start` names: "the company" under "## MiniMax:
    quieter…" in a newsletter covering several companies is MiniMax, not the newsletter's subject; so are the
    figures under a numbered heading "二、DeepSeek" in a post on two companies (a numbered heading naming none, "三、估值",
    ends the section), and a morning note's block under "【海外科技｜DeepSeek】…". NOT_OURS for a bracketed heading that
    names only a company not watched, or gives a stock code and names no watched company ("【计算机｜某软件（688317.SH）】"):
    "公司" below it is that company, none of ours."""
    line = doc.text.rfind("\n#", 0, start) + 1
    m = _MD_HEADING.match(doc.text, line) if line else None
    if doc._sections is None:
        doc._sections = sorted([*((h.start(), h.end()) for h in _NUMBERED_SECTION.finditer(doc.text)),
                                *(((h.start(), h.end()) for h in _BOLD_LINE.finditer(doc.text)) if "**" in doc.text else ()),
                                *(((h.start(), h.end()) for h in _BRACKET_LINE.finditer(doc.text)) if "【" in doc.text else ()),
                                *_name_lines(doc)])
    k = bisect_left(doc._sections, (start,)) - 1
    if k >= 0 and (m is None or doc._sections[k][0] > m.start()):
        s, e = doc._sections[k]
        named = _watched_between(doc, s, e)
        if named is None and doc.text[s:s + 4].lstrip().startswith("【") and _names_another(doc, s, e):
            return NOT_OURS
        return named
    return _watched_between(doc, m.start(), m.end()) if m else None


def _names_another(doc: Document, start: int, end: int) -> bool:
    """True when text[start:end] names companies, none of them watched, or gives a stock code and names no company."""
    named = {m.company for m in doc.companies[bisect_left(doc._m_starts, start):bisect_left(doc._m_starts, end)]}
    return named == {None} or not named and _STOCK_CODE.search(doc.text, start, end) is not None


# A transcript's turn heading on a line of its own: "陈嘉言（MiniMax副总裁）：", "Jane Doe (Zhipu, CFO):", "陈嘉言："
_TURN = re.compile(r"[^\n（(：:]{1,30}(?:[（(][^\n）)]{1,40}[）)])?\s?[：:]")
_TURN_NAME = re.compile(r"[^\n（(：:]{1,30}")


def _speaker(doc: Document, start: int) -> str | None:
    """The company of the speaker whose turn the paragraph at `start` is: the watched one named in the turn heading
    on the line just before ("陈嘉言（MiniMax副总裁）：\n我们11月的日均调用量…"), or, for a heading with the name
    alone, the one told where the text first names that speaker (_person_company); None when the line before is no
    turn heading."""
    k = bisect_right(doc.sentences, start, key=_start) - 1
    if k < 1:
        return None
    heading = doc.sentences[k - 1]
    if heading.paragraph == doc.sentences[k].paragraph or not _TURN.fullmatch(doc.text, heading.start, heading.end):
        return None
    named = _watched_between(doc, heading.start, heading.end)
    if named or not (name := _TURN_NAME.match(doc.text, heading.start)):
        return named
    name = name.group(0).strip()
    if not _PERSON.fullmatch(name):
        return None  # "点评：", "事件：" over a broker's bullets: a label, not a speaker
    return _person_company(doc, name, heading.start)  # where the text first names the speaker


# A person's name alone: "陈嘉言", "Jane Doe", "WANG"
_PERSON = re.compile(r"[A-Z][A-Za-z.'’-]{0,20}(?:\s[A-Z][A-Za-z.'’-]{0,20}){0,2}|[" + "".join(sorted(_SURNAMES))
                     + r"][\u4e00-\u9fff]{1,2}")


# A turn of a transcript opening its line: "[00:12:40] ANNA:", "(01:02) TOM LEE:", "12:40 Anna Berg:", "MARK:", "Q:"
_TRANSCRIPT_TURN = re.compile(r"[ \t]{0,3}(?:(?:[\[(][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?[\])]|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)[ \t]?"
                              r"[A-Z][A-Za-z.'’-]{0,20}(?:[ \t][A-Z][A-Za-z.'’-]{0,20}){0,2}"
                              r"|[A-Z][A-Z.'’-]{0,20}(?:[ \t][A-Z][A-Z.'’-]{0,20}){0,2})[ \t]?:[ \t]")


def _turn_goes_on(text: str, start: int) -> bool:
    """True for a paragraph that is a transcript's turn right after another turn: the conversation goes on."""
    if not _TRANSCRIPT_TURN.match(text, start):
        return False
    end = start
    while end > 0 and text[end - 1] in " \t\n\r":
        end -= 1
    if end == 0:
        return False
    return _TRANSCRIPT_TURN.match(text, text.rfind("\n", 0, end) + 1) is not None


def _watched_between(doc: Document, start: int, end: int) -> str | None:
    """The one watched company named in text[start:end]; None when none or several are."""
    named = {m.company for m in doc.companies[bisect_left(doc._m_starts, start):bisect_left(doc._m_starts, end)]}
    return named.pop() if len(named) == 1 and None not in named else None


# A paragraph opening on "the company" ("公司於本周一發布…", "該公司…")
_THE_COMPANY = re.compile(r"\s{0,3}(?:该|該)?公司")


# "它" (not "其它", not "它们"): one company, the one the text named last
_IT = re.compile(r"(?<!其)它(?![们們])")
IT_REACH = 300  # characters: how far before its paragraph "它" looks for the company it stands for


def _it_before(text: str, ctx: _Context, pos: int) -> bool:
    """True when the paragraph speaks of "它" before pos (see _seen_in_paragraph)."""
    ctx.it, found = _seen_in_paragraph(_IT, text, ctx.it, ctx.paragraph_start, pos)
    return found


def _named_just_before(doc: Document, start: int) -> CompanyMention | None:
    """"你怎么看MiniMax的三季度？" / "它第三季度收入…": a paragraph that names no company before its number but speaks
    of "它" is about the company named last before it (the question of an interview, the sentence before), not the
    article's subject; None when none is named within IT_REACH characters."""
    i = bisect_left(doc._m_starts, start)
    if i == 0 or start - doc.companies[i - 1].end > IT_REACH:
        return None
    return doc.companies[i - 1]


def _only_others(doc: Document, start: int, last: CompanyMention) -> bool:
    """True when every company named in the paragraph up to `last` is one not watched."""
    i, j = bisect_left(doc._m_starts, start), bisect_right(doc._m_starts, last.start)
    return all(m.company is None for m in doc.companies[i:j])


def _together(doc: Document, k: int, q: Quantity) -> bool:
    """"智谱、MiniMax市值合计逼近3000亿港元", "Zhipu and MiniMax are together worth…", "…，二者合计超过3000亿港元": a sum
    over a list of companies, or over the two just named; "Zhipu at HK$245bn and MiniMax at HK$238bn, together
    HK$485bn": a sum of the figures just given for each."""
    last = doc.companies[k]
    together = _TOGETHER.search(doc.text, last.end, q.start)
    if together is None:
        return False
    if _BOTH.search(doc.text, last.end, q.start) is not None:
        return True
    if k == 0:
        return False
    before = doc.companies[k - 1]
    i = bisect_left(doc._q_starts, last.end)
    summed = i < len(doc.quantities) and doc.quantities[i].end <= together.start() and before.company != last.company
    return summed or _AND.fullmatch(doc.text, before.end, last.start) is not None


def _scoped_metric(doc: Document, sentence: Sentence, b: Binding) -> str | None:
    """The metric a scope word earlier in the sentence turns the number into ("前五大客户收入"); None when the scope
    drops it ("来自海外的收入占比约七成": a split by market), which only a scope in the number's clause does, before
    the number or after it ("with around 30% of total sales coming from outside China"); a scope right after the
    number in its clause maps it too ("lost $282mn on an adjusted basis")."""
    for c in doc._roles.get("scope", ()):
        mapped = doc.book.scopes.get(c.names[0], {}).get(b.rule.id)
        if mapped == "none" and _same_clause_after(doc, sentence, b.q, c):
            return None
        if mapped and _same_clause_after(doc, sentence, b.q, c) and not _figure_between(doc, b.q.end, c.start):
            return mapped  # "lost $282mn on an adjusted basis": the scope right after the number, none between
        if c.end <= b.q.start and c.start < b.cue.start + 1000:
            if mapped == "none":
                if _in_clause(doc, sentence, b.q, [c]):
                    return None
            elif mapped:
                return mapped
    return b.metric


# "前者占53.0%", "the former made up 53.0%": the first of two items named before
_FORMER = re.compile(r"前者|(?i:the\sformer)\b")

# "ran at a 38.0% gross margin and on-premise at 59.5%": a segment after "and" opens the next item of a list
_NEXT_ITEM = re.compile(r"\s(?i:and|while|whereas|but)\s")


def _segment(doc: Document, sentence: Sentence, index: int, b: Binding, cues: list[Cue], ctx: _Context) -> str | None:
    if b.segment:
        return b.segment
    role = "group" if b.rule.segment_set == "groups" else "segment"
    q = b.q
    bounds = doc.clause_bounds(sentence)
    named = doc._roles.get(role, ())
    if ctx.glosses is None or ctx.glosses[0] != sentence.start:
        ctx.glosses = (sentence.start, _glosses(doc, sentence, named))
    if ctx.glosses[1]:
        named = [c for c in named if id(c) not in ctx.glosses[1]]
    # "七成以上的收入来自…AI原生应用": after the number, or after the noun written right after it
    reach_from = max(q.end, b.cue.end) if b.side == "after" else q.end
    after = [c for c in named if c.start >= q.end and c.start - reach_from <= 20
             and _clause(bounds, c.start) == _clause(bounds, q.start)
             and not _NEXT_ITEM.search(doc.text, max(reach_from, q.end), c.start)]
    # not for a change written before its noun: "a 151% jump in revenue as API demand surges" is the company's
    if after and ((b.side == "after" and not b.rule.base) or _COMES_FROM.search(doc.text, q.end, after[0].start)):
        return after[0].names[0]  # "剩下37%来自…开放平台": the segment a share comes from, not the one named before
    if b.side in ("late", "caption"):  # a segment between the number and the metric named after it
        between = [c for c in named if q.end <= c.start and c.end <= b.cue.start]
        if between or b.side == "late":
            return between[-1].names[0] if between else None
        # "47.1%: share of revenue from the open platform": a caption may name the segment after its metric
        later = [c for c in named if c.start >= b.cue.end and _clause(bounds, c.start) == _clause(bounds, b.cue.start)]
        return later[0].names[0] if later else None
    before = [c for c in named if c.end <= q.start]
    if before and _new_subject(doc, before[-1].end, q.start):
        return None  # "本地化部署的毛利率高于云端业务；MiniMax上半年毛利率为35.6%": the company's whole figure
    if before:
        seg = before[-1]
        if _FORMER.search(doc.text, seg.end, q.start):
            # "A、B收入分别为…，前者占…": the first of the two segments named last, not the one written nearest
            other = next((c for c in reversed(before) if c.names[0] != seg.names[0] and c.start >= sentence.start), None)
            if other is not None:
                return other.names[0]
        if (b.rule.id == "gross_margin" or b.rule.id in _WHOLE_AFTER_SHARE and _SEMICOLON.search(
                doc.text, seg.end, b.cue.start) and not _pointed_back(doc, seg.end, b.cue.start)) \
                and _share_told(doc, cues, seg.end, b.cue.start):
            return None  # "API accounted for 50.1% of revenue, …, and gross margin was 50.2%": the company's margin
        totals = [c for c in doc._roles.get("total", ()) if seg.end <= c.start and c.end <= q.start]
        if b.rule.segment in ("optional", "whole") and _mainly(doc, bounds, seg, b.cue.start, sentence.start):
            return None  # "智谱主要做私有化部署生意，2024年收入为3.124亿元": the line of business, not the figure's segment
        if b.rule.segment in ("optional", "whole") and (totals or _aside(doc, bounds, seg, min(b.cue.start, q.start))):
            if totals:
                return None
            # "Revenue from cloud deployment, which includes … subscriptions, was…": the segment before the aside
            main = [c for c in before if c.start >= sentence.start and not _aside(doc, bounds, c, min(b.cue.start, q.start))]
            return main[-1].names[0] if main and _past_asides(doc, bounds, main[-1], b.cue.start) else None
        if b.rule.segment == "required" and _aside(doc, bounds, seg, q.start):
            main = [c for c in before if c.start >= sentence.start and not _aside(doc, bounds, c, q.start)]
            if main:
                return main[-1].names[0]  # "Revenue from cloud, which includes … subscriptions, was …, or 37.2%"
        return seg.names[0]
    anaphors = doc._roles.get("anaphor", ())
    if b.rule.segment == "required":
        if after:
            return after[0].names[0]
        points_back = any(c.end <= q.start for c in anaphors) or _opens_with_anaphor(doc, b.cue) \
            or _IT_OPENS.match(doc.text, sentence.start, q.start) is not None
    else:  # "这部分收入为3802万美元": an optional segment only when the pointer names the metric's own noun
        points_back = any(0 <= b.cue.start - c.end <= 1 or _names_its_noun(doc, c.end, b.cue.start) for c in anaphors)
    if points_back:
        recent = [name for i, name in ctx.segments if index - i <= 2]
        if recent:
            b.penalty += 0.1
            return recent[-1]
    return None


# "这部分业务一季度收入": the line of business the pointer names, a period at most between it and the metric's noun
_ITS_LINE = re.compile(r"(?:业务|業務|板块|板塊|分部)\s?(?:的)?\s?")
_ITS_LINE_REACH = 16


def _names_its_noun(doc: Document, start: int, end: int) -> bool:
    """True when text[start:end], after a pointer back ("这部分"), is a line of business and at most a period before
    the metric's noun ("这部分业务一季度收入", "該業務上半年的收入")."""
    if not 0 < end - start <= _ITS_LINE_REACH:
        return False
    m = _ITS_LINE.match(doc.text, start, end)
    if m is None:
        return False
    if m.end() == end:
        return True
    i = bisect_left(doc.periods, m.end(), key=_start)
    return i < len(doc.periods) and doc.periods[i].start == m.end() and not doc.text[doc.periods[i].end:end].strip(" 的")


# Besides a margin, the metrics a new statement after a segment's share (past a semicolon) reports for the whole
# company: "云端部署收入占比为77.3%；2030年全年收入121.3亿元，同比增长59.4%" (not "，2026年全年这部分收入为6700万美元",
# nor "or 36.2% of total revenue, an increase of 37.5%", both the segment's)
_WHOLE_AFTER_SHARE = ("revenue", "revenue_growth")


def _pointed_back(doc: Document, start: int, end: int) -> bool:
    """True when a pointer back ("这部分", "該業務") stands in text[start:end]."""
    return any(start <= c.start and c.end <= end for c in doc._roles.get("anaphor", ()))


def _share_told(doc: Document, cues: list[Cue], start: int, end: int) -> bool:
    """True when a share of revenue is told between start and end, and a semicolon or a period comes after its last
    cue: the segment before it was given its part of the whole, and a margin named in a new clause ("消費端訂閱
    占54.2%；毛利率47.1%", "accounted for 50.1% of revenue, up from 44.3% in 2028, and gross margin was 50.2%") is the
    whole's. Not "占比逐年下降，2027年仍贡献了42.3%的收入，而且毛利率接近六成", still about the segment, nor an amount
    after a share ("云端占比提升至27.7%，对应收入2.01亿元"), often the segment's."""
    told = [c for c in cues if start <= c.start and c.end <= end and "revenue_share" in c.names]
    if not any(c.names == ("revenue_share",) for c in told):
        return False
    share = told[-1]
    i = bisect_left(doc.periods, share.end, key=_start)
    if _SEMICOLON.search(doc.text, share.end, end) is not None or (i < len(doc.periods) and doc.periods[i].end <= end):
        return True
    # "開放平台佔收入53.5%，毛利率49.3%": the margin's clause opens on its cue right after the share's figure (before
    # its cue, or after it: "58.2 percent of sales, while gross margin…")
    k = bisect_left(doc._q_starts, end) - 1
    return k >= 0 and share.start - 24 <= doc.quantities[k].start \
        and _CLAUSE_OPEN.fullmatch(doc.text, doc.quantities[k].end, end) is not None


# (an English share's own "of sales" may close it, and "while" / "and" open the margin's clause: "consumer apps
# accounted for 58.2 percent of sales, while gross margin rose to 51.4 percent")
_CLAUSE_OPEN = re.compile(r"(?:\s(?i:of\s(?:the\s)?(?:total\s|its\s)?(?:sales|revenues?)))?\s?[，,]\s?"
                          r"(?:(?i:while|and|whereas|but)\s)?")


def _new_subject(doc: Document, start: int, end: int) -> bool:
    """True when a semicolon and then a company's name come between start and end: a new clause about that company."""
    semicolon = _SEMICOLON.search(doc.text, start, end)
    if semicolon is None:
        return False
    i = bisect_left(doc._m_starts, semicolon.end())
    return i < len(doc.companies) and doc.companies[i].end <= end


def _periods_between(doc: Document, start: int, end: int) -> int:
    """How many characters of text[start:end] the periods named there take up: "这一倍数在去年全年约为2.0倍" is as
    close as "这一倍数约为2.0倍" for a metric whose cue must be near its number."""
    i = bisect_left(doc.periods, start, key=_start)
    taken = 0
    while i < len(doc.periods) and doc.periods[i].end <= end:
        taken += doc.periods[i].end - doc.periods[i].start
        i += 1
    return taken


def _required_said_before(doc: Document, rule: MetricRule, q: Quantity, cue: Cue) -> bool:
    """"研发开支…是同期收入的1.02倍。对比来看，2026年全年这一倍数约为1.7倍": a cue pointing back ("这一倍数") finds the
    words its metric requires in the sentence before, which it points back to."""
    if not rule.requires or not _opens_with_anaphor(doc, cue):
        return False
    i = bisect_right(doc.sentences, cue.start, key=_start) - 1
    if i < 1:
        return False
    before = doc.sentences[i - 1]
    return _compatible(rule, q, doc.text[before.start:before.end].casefold(), doc.text[cue.start:cue.end])


# "Open platform did the heavy lifting. It made up 53.5% of revenue": a sentence opening on "it" and the share's verb
# is about the segment the sentence before was about (no company "makes up" a share of its own revenue)
_IT_OPENS = re.compile(r"\s{0,3}(?:(?i:it|this|that)\s(?:(?i:alone|now|still|also)\s)?(?i:made\sup|makes\sup|accounted\sfor"
                       r"|accounts\sfor|contributed|contributes|was|is)\s|[它其](?:占|佔|贡献|貢獻))")


def _opens_with_anaphor(doc: Document, cue: Cue) -> bool:
    """"这一比例": a metric cue that itself opens with a pointer back ("这一") points back as that pointer would."""
    return any(c.role == "anaphor" and c.start == cue.start
               for c in doc.book.find(doc.text, cue.start, cue.end - 1, lowered=doc.lowered))


def _glosses(doc: Document, sentence: Sentence, named) -> set[int]:
    """"云端业务（含开放平台API及GLM Coding Plan订阅）": the segments a sentence names in brackets right after a segment,
    which describe it (ids of their cues)."""
    text = doc.text
    if "（" not in text[sentence.start:sentence.end] and "(" not in text[sentence.start:sentence.end]:
        return set()
    glosses, last_end = set(), -10
    for c in named:
        if not sentence.start <= c.start < sentence.end:
            continue
        opened = _open_bracket(text, c.start, 40)
        if opened > 0 and 0 <= opened - last_end <= 12:
            glosses.add(id(c))
            continue
        last_end = c.end
    return glosses


def _mainly(doc: Document, bounds: list[int], seg: Cue, metric_at: int, sentence_start: int) -> bool:
    """True when the segment is what the company mainly does, or what drove the change, said in a clause before the
    metric's ("主要做…生意", "makes most of its money from…", "mainly sells…", "受惠…订阅放量", "driven by…")."""
    k = _clause(bounds, seg.start)
    if k == _clause(bounds, metric_at):
        return False
    start = bounds[k - 1] + 1 if k else sentence_start
    return _MAINLY.search(doc.text, start, seg.start) is not None or _DRIVEN.match(doc.text, start) is not None


def _past_asides(doc: Document, bounds: list[int], seg: Cue, metric_at: int) -> bool:
    """True when the segment is in the metric's clause, or only asides come between them ("Its model-as-a-service
    business, which sells access through an open platform, generated 198 million yuan")."""
    return all(_RELATIVE.match(doc.text, bounds[k - 1] + 1) for k in range(_clause(bounds, seg.start) + 1,
                                                                             _clause(bounds, metric_at)))


def _aside(doc: Document, bounds: list[int], seg: Cue | CompanyMention, metric_at: int) -> bool:
    """"MiniMax, which makes most of its money from consumer subscriptions, reported revenue of…": a segment (or a
    company: "Rival MiniMax, which listed a day after Zhipu, reported…") named in a relative clause before the
    metric's is an aside, not what the metric is of."""
    k = _clause(bounds, seg.start)
    if k == _clause(bounds, metric_at) or not k:
        return False
    return _RELATIVE.match(doc.text, bounds[k - 1] + 1, seg.start) is not None


# "从5740万元起步", "from $3.5 million": the figure a span of years starts from.
_SPAN_START = re.compile(r"(?:从|從|由|(?i:from))\s?(?:约|約|about\s|roughly\s)?\s?$")


REPORT_OPENING = 400  # characters: where a results announcement names the period it reports on


# A numbered section heading on a line of its own, words only: "2. 毛利及毛利率", "三、研發開支", "(4) Liquidity"
_NUMBERED_SECTION = re.compile(r"^[ \t]{0,3}(?:[0-9]{1,2}\.(?![0-9])|[一二三四五六七八九十]{1,3}、"
                               r"|[（(](?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[)）])[ \t]?[^\n0-9。.!?！？]{1,40}$", re.MULTILINE)
# A section of a filing: a numbered heading, or a short line of words alone between two lines ("研發開支", "Gross
# profit and gross margin"): what follows is of the period the filing reports on, not of the section before
_FILING_SECTION = re.compile(_NUMBERED_SECTION.pattern + r"|(?<=\n)[ \t]{0,3}[^\s0-9。.!?！？，,；;:：（）()%$][^\n0-9。.!?！？，,；;%$]{1,30}(?=\n)",
                             re.MULTILINE)
# A section heading in black lenticular brackets on a line of its own: "【亏损：绝对值两连降】"
_SECTION_HEAD = re.compile(r"\s{0,3}【[^】\n]{1,40}】\s*")
# "较去年同期": the same period a year before the year of writing (not 上年同期, a year before the one reported on)
_LAST_YEARS_SAME = re.compile(r"去年同期")


def _against_last_years(doc: Document, index: int, p: PeriodMention) -> bool:
    """"去年全年，公司毛利率为36.8%。…经调整净亏损为3,950万美元，较去年同期的5,260万美元收窄": a figure its sentence sets
    against last year's same period is not of last year itself, whatever period the sentences before it left open."""
    if doc.doc_date is None or p.years[-1:] != (doc.doc_date.year - 1,):
        return False
    sentence = doc.sentences[index]
    return _LAST_YEARS_SAME.search(doc.text, sentence.start, sentence.end) is not None


def _reporting_period(doc: Document) -> PeriodMention | None:
    """"Announces … Results for the Six Months Ended June 30, 2026", "截至2025年12月31日止年度业绩": a period written as
    ended in the opening of a document is what the whole document reports on."""
    for p in doc.periods:
        if p.start > REPORT_OPENING:
            break
        if p.closed and p.kind == "flow" and p.label and not with_another_length(doc.text, p.start, p.end):
            return p
    return None


def _section_period(doc: Document, last: PeriodMention, at: int) -> PeriodMention | None:
    """The period a filing reports on, when a numbered section heading ("4. 研發開支") stands between the last period
    named (a month in the section before) and `at`: a filing's section is of its period (see _final_period). None
    otherwise, or when the last period named is the filing's."""
    reported = _reporting_period(doc)
    if reported is None or reported.label in (last.label, last.flow) \
            or not _FILING_SECTION.search(doc.text, last.end, at):
        return None
    return reported


def _opening_periods(doc: Document) -> list[PeriodMention]:
    """Every period of the headline and lede (LEDE characters), read from the text itself once: their windows may have
    been skipped (no metric named there)."""
    if doc._opening is None:
        doc._opening = find_periods(doc.text, doc.doc_date, 0, min(len(doc.text), LEDE), lowered=doc.lowered)
    return doc._opening


def _opening_period(doc: Document) -> PeriodMention | None:
    """_reporting_period read from the opening itself, for when its window was skipped (no metric named there)."""
    return next((p for p in _opening_periods(doc) if p.end <= REPORT_OPENING and p.closed and p.kind == "flow"
                 and p.label and not with_another_length(doc.text, p.start, p.end)), None)


# "2030年度业绩", "第四季業績", "年报", "fourth-quarter results": results named right after their period
_RESULTS_OF = re.compile(rf"(?:的)?(?:{RESULTS})|(?i:\s(?:results|earnings)\b)")


def _results_announced(doc: Document) -> PeriodMention | None:
    """"3月26日晚间，DeepSeek发布2030年度业绩公告", "收市後公布第四季業績", "reported fourth-quarter results": the
    period whose results a story's headline or lede names is what it reports on, for a figure no period is in sight
    of (after a table, a quote or a paragraph on something else). None when the opening names no such period."""
    return next((p for p in _opening_periods(doc) if p.kind == "flow" and p.label and _RESULTS_OF.match(doc.text, p.end)),
                None)


def _prose(doc: Document, index: int) -> bool:
    """True for a sentence that ends as prose does ("。", "."), not a heading's line ("■ 法說會重點：雲端營收增近九成"),
    which sums up what follows it rather than reporting a figure."""
    sentence = doc.sentences[index]
    return doc.text[sentence.start:sentence.end].rstrip()[-1:] in _PROSE_ENDS


_PROSE_ENDS = ("。", ".", "！", "？", "!", "?")


def _still_reported(doc: Document, ctx: _Context) -> PeriodMention | None:
    """"1Q28: Revenue beat…. MiniMax reported 1Q28 results…. [a table; a consensus date; a list]": the quarter or half
    a story's headline or lede names and the last one it reported on is still its period when only days (a close, a
    consensus date) are named in the sentences just before a figure."""
    last = next((x for _, x in reversed(ctx.periods) if x.kind != "date" or x.flow), None)
    if last is None or period_kind(last.label) not in PARTS:
        return None
    for p in doc.periods:
        if p.start > REPORT_OPENING:
            break
        if p.kind == "flow" and p.label == last.label:
            return last
    return None


_HEADING = re.compile(r"[^0-9.。!?！？\n]{2,60}(?:[（(][0-9]{1,2}[)）])?[:：]?")  # "2030 aspirations(1)": a note's marker


def _under_plain_heading(doc: Document, index: int, ctx: _Context, years: bool = False) -> PeriodMention | None:
    """The period a results story opens on ("revenue climbed 75% in the third quarter"), for an item of a list under a
    heading that names none ("Key Insights", "要点："): the list sums up the results, not the aside on the nine months
    written just above it. None when the item is not under such a heading or the opening names no half or quarter
    (nor, with `years`, for an item no period is in sight of, a year over before the story was written)."""
    heading = _list_heading(doc, index, ctx)
    if heading is None:
        return None
    i = bisect_left(doc.periods, heading.start, key=_start)
    if i < len(doc.periods) and doc.periods[i].start < heading.end:
        return None  # "HIGHLIGHTS (second quarter):" names the list's period itself
    for p in doc.periods:
        if p.start > min(LEDE if years else REPORT_OPENING, heading.start):
            break
        if p.kind == "flow" and p.label and (p.closed or not p.label.startswith("FY") or (years and _year_gone(doc, p))) \
                and not with_another_length(doc.text, p.start, p.end) and not same_of_year(doc.text, p):
            return p
    return None


LEDE = 2 * REPORT_OPENING  # characters: a story's lede may come after a headline, a byline and a dateline


def _year_gone(doc: Document, p: PeriodMention) -> bool:
    """True for a year over before the story was written ("Revenue rose 127% to 1.68 billion yuan in 2026" in March
    2027): the year whose results the story reports, not a year still under way that it only mentions."""
    return doc.doc_date is not None and p.years[-1] < doc.doc_date.year and not comparative(doc.text, p)


ITEM_GOES_ON = 3  # sentences an item of a list may run to on its line ("- 环比看，…。四季度是旺季，…")


def _item_of(doc: Document, listed: set[int], index: int) -> int | None:
    """The item a sentence belongs to: itself, or the item it goes on from on the same line; None for neither."""
    while index not in listed:
        if index == 0 or doc.text.find("\n", doc.sentences[index - 1].start, doc.sentences[index].start) >= 0:
            return None
        index -= 1
    return index


def _list_heading(doc: Document, index: int, ctx: _Context, goes_on: bool = False) -> Sentence | None:
    """The short line without figures right above the list whose item this sentence is (or, with `goes_on`, whose
    item this sentence goes on on the same line); None when the sentence is no item or its list has no such heading."""
    at = _heading_index(doc, index, ctx, goes_on)
    return None if at is None else doc.sentences[at]


def _heading_index(doc: Document, index: int, ctx: _Context, goes_on: bool = False) -> int | None:
    """_list_heading's sentence index."""
    if not ctx.items or not 0 <= index - ctx.items[-1][0] <= (ITEM_GOES_ON if goes_on else 0):
        return None  # items are noted in sentence order: this one is of an item only if just after the last noted
    listed = {i for i, _ in ctx.items}
    first = _item_of(doc, listed, index)
    while first and (earlier := _item_of(doc, listed, first - 1)) is not None:
        if _numbered_heading(doc, first - 1, first):
            return first - 1  # "1. 8月日均调用量（万亿）" over "- 智谱：435": a numbered section's heading over its bullets
        first = earlier
    if not first:
        return None
    return first - 1 if _is_heading(doc, doc.sentences[first - 1]) else None


_NUMBERED = re.compile(r"(?:[0-9]{1,2}[.、)）]|[（(][0-9]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.]|[①②③④⑤⑥⑦⑧⑨⑩])")
_NUMBERED_FIRSTS = frozenset("0123456789（(一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩")


def _numbered_heading(doc: Document, k: int, first: int) -> bool:
    """True when sentence k is a numbered line holding only words ("1. 2031年8月日均调用量（万亿）", "二、ARR") right above
    the line of sentence `first`, an item with a mark of another kind (a bullet, or none): the heading of the items
    under it, not one of them."""
    heading, item = doc.sentences[k], doc.sentences[first]
    text = doc.text
    line = text.rfind("\n", 0, heading.start) + 1
    if text[line] not in _NUMBERED_FIRSTS:
        return False  # most lines: a bullet's, told by one character
    below = text.rfind("\n", heading.end, item.start) + 1
    if below == 0 or text.find("\n", heading.end, below - 1) >= 0:
        return False  # not on the line just above
    if not _NUMBERED.match(text, line) or below != item.start and _NUMBERED.match(text, below):
        return False
    return _is_heading(doc, heading) and _ITEM.fullmatch(text, heading.start, heading.end) is None


def _is_heading(doc: Document, sentence: Sentence) -> bool:
    """True for a short line without figures (the periods it names aside): a heading or caption."""
    words = _without_periods(doc, sentence).strip()
    if "." in words or "TOP" in words or "Top" in words or "前" in words:
        words = _ABBREVIATED.sub("", words)
    return _HEADING.fullmatch(words, _SLIDE_MARK.match(words).end()) is not None


# "(trillion, approx.)": a word cut short, no sentence's end; "TOP3", "前五名": how many the ranking under it lists
_ABBREVIATED = re.compile(r"\.(?=[)）,，;；])|(?:TOP|Top)\s?[0-9]{1,2}(?![0-9])|前[0-9]{1,2}名?")


# What parts one company's figure from the next in a sentence listing them: "Zhipu 343, DeepSeek 204 and Kimi 125",
# "智谱 1,102；月之暗面 993"
_PAIR_SEP = re.compile(r"[ \t]?(?:[,，、;；][ \t]?(?:(?i:and)[ \t])?|(?i:and)[ \t]|和|及|以及)[ \t]?")
_PAIRS_END = re.compile(r"[ \t]?[.。]?[ \t]*")


def _pairs_caption(doc: Document, index: int, sentence: Sentence, cues: list[Cue]) -> Caption | None:
    """The span of the sentence before, for a sentence naming no metric that lists only companies and their figures
    ("Bars, from the top: Zhipu 343, DeepSeek 204, MiniMax 135, Moonshot (Kimi) 125." after the slide title it
    describes, "…average daily tokens, November 2030 (trillions; …)"), two at least, after a lead-in ending in a colon
    if any: the sentence before is their caption, in the same paragraph or on the line just above. None otherwise."""
    text, end = doc.text, sentence.end
    i = bisect_left(doc._m_starts, sentence.start)
    if not index or i == len(doc.companies) or doc.companies[i].start >= end:
        return None
    first = doc.companies[i].start
    if first > sentence.start and (text[first - 1] not in ":： \t" or text[sentence.start:first].rstrip()[-1] not in ":："
                                   or _FIGURE_DIGIT.search(text, sentence.start, first)):
        return None
    if any(c.role in ("metric", "measure") for c in cues):
        return None
    j = bisect_left(doc._q_starts, sentence.start)
    pairs, pos = 0, doc.companies[i].start
    while True:
        if i == len(doc.companies) or doc.companies[i].start != pos or j == len(doc.quantities):
            return None
        gap = _NAME_GAP.match(text, doc.companies[i].end, end)
        if gap is None or doc.quantities[j].start != gap.end():
            return None
        pos, pairs = doc.quantities[j].end, pairs + 1
        while i < len(doc.companies) and doc.companies[i].start < pos:
            i += 1  # "Moonshot (Kimi) 125": the name in brackets is the same company's
        j += 1
        if _PAIRS_END.fullmatch(text, pos, end):
            break
        sep = _PAIR_SEP.match(text, pos, end)
        if sep is None:
            return None
        pos = sep.end()
    before = doc.sentences[index - 1]
    if pairs < 2 or (before.paragraph != sentence.paragraph and text.count("\n", before.end, sentence.start) != 1):
        return None
    return ((before.start, before.end),)


# A sentence pointing down to the list or table under it: "…排名如下。", "以下为各家数据：", "as follows:"
_POINTS_DOWN = re.compile(r"如下[。:：]?$|以下[^。\n]{0,12}[:：]$|(?i:as\sfollows|the\sfollowing|below)[.:]?$")


# A slide deck's or a report's page marker opening a heading: "[Slide 4] ", "[Page 12] ", "【第3页】"; its number is no
# figure; or a deck's text export naming what the heading is: "Chart title: ", "Table caption: "
_SLIDE_MARK = re.compile(r"(?:[\[【](?:(?i:slide|page)\s?[0-9]{1,3}|第[0-9]{1,3}[页頁])[\]】]\s?)?"
                         r"(?:(?i:chart\stitle|chart|table\scaption|caption|title)[:：]\s?)?")


def _without_periods(doc: Document, sentence: Sentence) -> str:
    """The sentence's text with each period it names written as "期": a box's heading "上月（8月）日均token調用量" or
    "2028年上半年毛利率" names the period of the list under it, and its digits are no figure."""
    i = bisect_left(doc.periods, sentence.start, key=_start)
    if i == len(doc.periods) or doc.periods[i].start >= sentence.end:
        return doc.text[sentence.start:sentence.end]
    parts, pos = [], sentence.start
    while i < len(doc.periods) and doc.periods[i].start < sentence.end:
        p = doc.periods[i]
        if p.start >= pos:
            parts += [doc.text[pos:p.start], "期"]
            pos = min(p.end, sentence.end)
        i += 1
    return "".join(parts) + doc.text[pos:sentence.end]


def _list_caption(doc: Document, index: int, ctx: _Context) -> Caption | None:
    """The spans of the caption of the list whose item this sentence is or goes on from: the heading line right above
    it ("▌ 三、毛利率：在改善", "### Daily tokens (trillion)", "6月各家日均调用量（万亿tokens）："), a short line without
    figures, and when that line names no metric (a unit line, "单位：亿美元") the line just above it as well ("截至6月30日，
    各公司市值排名如下。"); and a note on the line right under the list ("注：单位为万亿tokens/日"). What they name (metric,
    unit, period) is carried to every item of the list; None when the sentence is no item or its list has neither."""
    at = _heading_index(doc, index, ctx, goes_on=True)
    spans: list[tuple[int, int]] = []
    if at is not None:
        heading = doc.sentences[at]
        spans.append((heading.start, heading.end))
        if at and not any(c.role == "metric" for c in _cues_in(doc, heading.start, heading.end)):
            above = doc.sentences[at - 1]
            # the line just above, itself a heading or a sentence pointing down to the list ("…排名如下。")
            if doc.text.count("\n", above.end, heading.start) == 1 and (_is_heading(doc, above) or _POINTS_DOWN.search(
                    doc.text, above.start, above.end)):
                spans[0] = (above.start, heading.end)
    if ctx.items and ctx.items[-1][0] == index:
        note = _note_under(doc, index, ctx)
        if note is not None:
            spans.append(note)
    return tuple(spans) or None


def _caption_cues(doc: Document, caption: Caption) -> list[Cue]:
    """The metric cues of a list's caption; none when it names a measure we do not extract beside them ("市值与股价（港
    元）" over "智谱 128.5": which of the two a bare figure is, the line does not say)."""
    if any(_cues_in(doc, *span, "measure") for span in caption):
        return []
    return [c for span in caption for c in _cues_in(doc, *span)]


LIST_REACH = 30  # lines a list of names and figures is looked down for the note under it


def _note_under(doc: Document, index: int, ctx: _Context) -> tuple[int, int] | None:
    """The span of the note on the line right under the list this item is of ("注：单位为万亿tokens/日", "Source: company
    filings; figures in trillions"), found once per list."""
    if ctx.note[0] >= index:
        return ctx.note[1]
    text, last = doc.text, index
    for k in range(index + 1, min(len(doc.sentences), index + LIST_REACH)):
        s = doc.sentences[k]
        if text.count("\n", doc.sentences[k - 1].end, s.start) != 1:
            break  # a blank line, or the same line
        line = text.rfind("\n", 0, s.start) + 1
        if not (_is_item(text, line, s.start) or _named_line(doc, line, s.start, s.end)):
            ctx.note = (k - 1, (s.start, s.end) if k - 1 > index and NOTE.match(text, s.start, s.end) else None)
            return ctx.note[1]
        last = k
    ctx.note = (last, None)
    return None


def _cues_in(doc: Document, start: int, end: int, role: str = "metric") -> list[Cue]:
    """The document's cues of a role (metric cues unless told) that start in text[start:end]."""
    i = bisect_left(doc.cues, start, key=_start)
    found = []
    while i < len(doc.cues) and doc.cues[i].start < end:
        if doc.cues[i].role == role:
            found.append(doc.cues[i])
        i += 1
    return found


# "It more than doubled again to 738 million yuan": a sentence going on about the metric of the one before
_IT_CHANGED = re.compile(r"It\s(?:(?i:more\sthan|nearly|almost|then|again)\s){0,2}(?i:rose|grew|climbed|jumped|surged|doubled"
                         r"|tripled|quadrupled|fell|dropped|declined)\b")

# "They were", "In March they stood at": a sentence whose subject is the plural its sentence before named
_THEY_WERE = re.compile(r"(?:(?i:in|by|at\sthe\send\sof)\s[A-Z][a-z]{2,8}(?:\s[0-9]{4})?,?\s)?(?:They|they)\s"
                        r"(?i:were|stood\sat|came\sto|reached|totall?ed|averaged)\b")


# "That's up from about $1.1 billion at the end of December", "That compares with 41% a year earlier": a sentence
# setting earlier levels beside the figure of the one before
_THAT_COMPARES = re.compile(r"(?:That|This)(?:['’]s|\sis|\swas)?\s(?:(?i:still|well|sharply|slightly|only)\s)?"
                            r"(?i:up\sfrom|down\sfrom|higher\sthan|lower\sthan|compared?\swith|compares\swith|against)\b")
# "put the end-of-January figure at", "The December number was": a period's figure of the metric just named
_PERIOD_FIGURE = re.compile(r"\b(?i:the)\s[A-Za-z][A-Za-z0-9-]{2,24}\s(?i:figure|number|reading|tally)\b")


# "DeepSeek and MiniMax reported about 190 trillion and 120 trillion, respectively": the others' figures of the
# metric the sentence before gave one company's
_LISTS_OTHERS = re.compile(r"[0-9][^.;\n]{0,40},?\s(?i:respectively)\b")


def _names_other_figures(doc: Document, sentence: Sentence) -> bool:
    """True for a sentence giving a period's figure ("the end-of-January figure") or other companies' ("…,
    respectively") of a metric it does not name (looked for only where the words are)."""
    low, s, e = doc.lowered, sentence.start, sentence.end
    return (low.find("respectively", s, e) >= 0 and _LISTS_OTHERS.search(doc.text, s, e) is not None) or (
        any(low.find(w, s, e) >= 0 for w in _FIGURE_WORDS) and _PERIOD_FIGURE.search(doc.text, s, e) is not None)


_FIGURE_WORDS = (" figure", " number", " reading", " tally")


def _carried_cues(doc: Document, index: int, sentence: Sentence, ctx: _Context, cues: list[Cue]) -> list[Cue]:
    """The metric cues of the sentence before, for a sentence naming none that opens with "It" and a change ("Zhipu's
    revenue rose to 124.5 million yuan in 2023. It more than doubled again to 738 million yuan in 2025"): "it" is that
    metric; so are "they" of a plural one ("We track daily token volumes. In March they were about 167 trillion at
    Zhipu"), and a list item naming only its period (see _period_item). Empty otherwise, or when the sentence before is
    in another paragraph."""
    if index and not any(c.role == "metric" for c in cues) and _period_item(doc, index, sentence, ctx):
        before = doc.sentences[index - 1]
        return _cues_in(doc, before.start, before.end)
    that = _THAT_COMPARES.match(doc.text, sentence.start)
    if that is not None and index and not any(c.role == "metric" and c.start >= that.end() for c in cues):
        cues = []  # "That's up from": the change word is the comparison's, not a metric of its own
    if not index or not (doc.text.startswith("It", sentence.start) and _IT_CHANGED.match(doc.text, sentence.start)
                         or _THEY_WERE.match(doc.text, sentence.start) or that is not None
                         or _names_other_figures(doc, sentence)) \
            or any(c.role == "metric" for c in cues):
        return []
    before = doc.sentences[index - 1]
    return [] if before.start < ctx.paragraph_start else _cues_in(doc, before.start, before.end)


# A list item naming only its period before its figure: "- December 2028: ~141 trillion" ("期" stands for the period)
_PERIOD_ITEM = re.compile(r"\s?(?:[-•·・*–—▪●]\s?)?期\s?[:：]")


def _period_item(doc: Document, index: int, sentence: Sentence, ctx: _Context) -> bool:
    """True for a list item naming only its period, right under another item: "- December 2028: ~141 trillion" under
    "- Average daily tokens, November 2029: ~236 trillion" states that item's metric for another period."""
    if len(ctx.items) < 2 or ctx.items[-1][0] != index or ctx.items[-2][0] != index - 1:
        return False
    return _PERIOD_ITEM.match(_without_periods(doc, sentence)) is not None


_OPEN_BRACKET = re.compile(r"[（(]")


def _forecast_heading(doc: Document, index: int, ctx: _Context) -> bool:
    """True for an item of a list whose heading holds a forecast word ("2030 aspirations", "Targets:", "业绩指引"), not
    in brackets ("要点速览（括号内为市场预期）：": the forecasts are asides in the items)."""
    heading = _list_heading(doc, index, ctx, goes_on=True)
    return heading is not None and any(not _OPEN_BRACKET.search(doc.text, heading.start, c.start)
                                       for c in _cues_in(doc, heading.start, heading.end, "forecast"))


def _is_item(text: str, line: int, start: int) -> bool:
    """True for a sentence opening a line of a list (its line starting at `line`), or following only its number
    ("1. Revenue of $96 million" is split after "1.")."""
    m = _ITEM.match(text, line)
    if m is not None and _EMOJI_ITEM.fullmatch(text, m.start(), m.end()):
        end = text.find("\n", m.end())
        if not _FIGURE_DIGIT.search(text, m.end(), len(text) if end < 0 else end):
            return False  # "🔢 一、日均token调用量": an emoji before words alone heads the list under it
    return m is not None and (m.end() >= start or _BLANK.fullmatch(text, m.end(), start) is not None)


# What parts a line's label from its figure: "智谱：", "Zhipu — ", "DeepSeek | ", "智谱   ", "智谱为", "智谱约" (an alias in
# brackets may come first: "Kimi（月之暗面）："), then a qualifier ("约", "~", "about") before the digit
_NAME_GAP = re.compile(r"(?:[ \t]?[（(][^()（）\n0-9]{1,16}[)）])?(?:[ \t]?(?:[:：]|[—–-]{1,2}|\|)[ \t]?|[ \t]{1,8}"
                       r"|(?=[约約近逾超为為达達]))(?:为|為|达|達)?"
                       r"(?:约|約|近|逾|超|[~≈]|(?i:about|around|roughly|approx\.?|nearly)[ \t])?[ \t]?(?:US\$|HK\$|\$|RMB[ \t]?)?"
                       r"(?=[0-9])")
_NAME_PERIOD = re.compile(r"[,，]?[ \t]?[（(]?")
NAMED_LINE = 60  # characters: a line naming a company and its figure, no sentence of a story


def _named_line(doc: Document, line: int, start: int, end: int) -> bool:
    """True for a line of a list that is a company's name and its figure, without a bullet ("智谱：418万亿", "Zhipu —
    405", "DeepSeek 236"): an item of the list a heading or caption above names the metric, unit and
    period of; it may name its own period after the name ("Zhipu, August 2031: 435"). Its figure is no period ("智谱
    2027年收入…" is a sentence about that year)."""
    if start != line or end - start > NAMED_LINE:
        return False  # a line opening with a bullet or a number is an item already (see _is_item)
    if doc.text.startswith("**", start):
        start += 2  # "**智谱**：435"
    i = bisect_left(doc._m_starts, start)
    if i == len(doc.companies) or doc.companies[i].start != start:
        return False
    pos = doc.companies[i].end
    if doc.text.startswith("**", pos):
        pos += 2
    k = bisect_left(doc.periods, pos, key=_start)
    if k < len(doc.periods) and _NAME_PERIOD.fullmatch(doc.text, pos, doc.periods[k].start):
        # "Zhipu, August 2031: 435", "智谱（8月）：435": the line names its own period after the name
        pos = doc.periods[k].end + (doc.text[doc.periods[k].end:doc.periods[k].end + 1] in ")）")
    gap = _NAME_GAP.match(doc.text, pos, end)
    if gap is None:
        return False
    k = bisect_left(doc.periods, gap.end(), key=_start)
    return k == len(doc.periods) or doc.periods[k].start != gap.end()


def _distance(ctx: _Context, earlier: int, index: int) -> int:
    """How many sentences back `earlier` is, counting the items of a list before this sentence as one: the bullets
    under "要点速览：" or "KEY FIGURES:" all report the period named above the list. Within TABLE_HEADER_REACH, not
    counting the bare numbers of a numbered list ("1." ends a sentence), so that no skipped window is looked at."""
    gap = index - earlier
    if not ctx.items or ctx.items[-1][0] <= earlier:
        return gap
    between = [bare for i, bare in ctx.items if earlier < i < index]
    return gap if gap - sum(between) > TABLE_HEADER_REACH else gap - len(between)


# "a compound annual growth rate of 130% over those two years": how many years of growth a rate is over
_OVER_YEARS = re.compile(r"\s(?i:over|across)\s(?:(?i:the\s(?:past|last)|those|these|the)\s)?(?P<n>(?i:two|three|four|five)|[2-5])"
                         r"\s(?i:years)\b")
_YEARS_OF = {"two": 2, "three": 3, "four": 4, "five": 5}


def _dateline(doc: Document, p: PeriodMention) -> bool:
    """True for the document's own date on a line of its own at the top, naming no metric ("2026/10/20",
    "2030年08月26日 22:07　南方财经全媒体"): a headline's figure under it ("年化營收逼近4億美元") is dated by the
    document's date alone, whichever way the date is written."""
    if p.kind != "date" or p.start >= REPORT_OPENING or doc.doc_date is None or p.label != doc.doc_date.isoformat():
        return False
    start, end = doc.text.rfind("\n", 0, p.start) + 1, doc.text.find("\n", p.end)
    end = len(doc.text) if end < 0 else end
    return not any(c.role == "metric" for c in doc.book.find(doc.text, start, end, lowered=doc.lowered))


# What a caption says its brackets hold: "括号内为3月数据", "May in brackets", "figures in brackets are for May"
_IN_BRACKETS = re.compile(r"括[号號][内內中]|(?i:in\s(?:brackets|parenthes[ie]s)|brackets?:|bracketed)")
_BRACKET_AFTER = re.compile(r"[ \t]?[（(][ \t]?(?:约|約|~|≈)?[ \t]?")


def _carried_period(doc: Document, caption: Caption, b: Binding) -> PeriodMention | bool | None:
    """The period the caption over a list names for an item's figure that names none: the one period it names ("2031
    年7月各家ARR（单位：亿美元）", "Market value at the July 31 close"); for a figure in brackets after the item's own
    ("Moonshot AI: 6,120 (5,870)"), the period the caption says its brackets hold ("…, May in brackets:"), and False
    when it says none (an earlier figure of a period not told). None when the caption names no one period."""
    named = [p for start, end in caption for p in doc.periods[bisect_left(doc.periods, start, key=_start):]
             if p.start < end and p.kind in ("flow", "date") and p.label]
    marked = next((m for start, end in caption if (m := _IN_BRACKETS.search(doc.text, start, end))), None)
    held = min(named, key=lambda p: min(abs(p.start - marked.end()), abs(marked.start() - p.end)), default=None) \
        if marked else None
    if held is not None and min(abs(held.start - marked.end()), abs(marked.start() - held.end)) > 12:
        held = None
    i = bisect_left(doc._q_starts, b.q.start)
    before = doc.quantities[i - 1] if i else None
    if before is not None and _BRACKET_AFTER.fullmatch(doc.text, before.end, b.q.start):
        return held if held is not None else False
    labels = {p.label: p for p in named if p is not held}
    return next(iter(labels.values())) if len(labels) == 1 else None


def _years_of_growth(doc: Document, b: Binding, years: list[int]) -> int:
    """The years a compound rate grows over: as many as it says right after it ("130% over those two years" after
    "124.5m in 2023 and 312.4m in 2024" is 2022 to 2024, a base year before the first level named), else those
    between the first and last year named."""
    m = _OVER_YEARS.match(doc.text, b.q.end, b.q.end + 40)
    if m is None:
        return years[-1] - years[0]
    n = m.group("n").lower()
    return int(n) if n.isdigit() else _YEARS_OF[n]


# "now" or "currently" in the clause before a rate: the rate as the text is written
_NOW_BEFORE = re.compile(r"\b(?i:now|currently)\b[^,;.!?\n]{0,48}$")
_NOW_REACH = 60


def _final_period(doc: Document, index: int, b: Binding, periods, ctx: _Context) -> tuple[str | None, str]:
    ctx.by_dateline = False
    rule, p, source = b.rule, b.period, b.period_source or "sentence"
    if rule.span or p is None:
        recent = [x for i, x in ctx.periods if _distance(ctx, i, index) <= CONTEXT_SENTENCES]
    if rule.span:
        spans = [x for x in periods if x.kind == "span"]
        if p is not None and p.kind == "span":
            return p.label, source
        if spans:
            return spans[-1].label, "sentence"
        years = sorted({x.years[0] for x in periods if x.kind == "flow" and x.label.startswith("FY")})
        if len(years) >= 2:
            return f"FY{years[-1] - _years_of_growth(doc, b, years)}-FY{years[-1]}", "sentence"
        recent_spans = [x for x in recent if x.kind == "span"]
        if recent_spans:
            return recent_spans[-1].label, "context"
        if p is None:
            # a growth rate with no span in sight: the period the sentence talks about, flagged as a guess
            stated = [x for x in periods if x.kind in ("flow", "date")]
            if stated:
                p = stated[0]
    if p is None and ctx.caption is not None and not rule.span:
        carried = _carried_period(doc, ctx.caption, b)
        if carried is False:
            return None, ""
        if carried is not None and not (_reported(rule) and _a_month(carried)):
            p, source = carried, "context"
    if p is None and rule.rate and not rule.instant and doc.doc_date is not None and _NOW_BEFORE.search(
            doc.text, max(doc.sentences[index].start, b.q.start - _NOW_REACH), b.q.start):
        # "Zhipu now processes about 120 trillion tokens a day": a rate said as of the writing is the month's
        return f"{doc.doc_date.year}-{doc.doc_date.month:02d}", "document"
    if p is None:
        if rule.instant:
            dates = [x for x in recent if x.kind == "date"]
            if dates and _closed_today(doc, index, b, dates[-1]):
                return _last_trading_day(doc.doc_date.isoformat()), "document"
            if dates:
                p, source = dates[-1], "context"
                ctx.by_dateline = _dateline(doc, p)
            elif doc.doc_date is not None:
                return doc.doc_date.isoformat(), "document"
            else:
                return None, ""
        else:
            flows = [x for x in recent if x.kind in ("flow", "date", "span")]
            if _reported(rule):
                # a month dates a count or a rate, never a statement figure: "Daily token volume reached 150 trillion in
                # July. Revenue was $301.2 million" is the quarter's revenue, not July's
                flows = [x for x in flows if not _a_month(x)]
            days_only = False
            if not flows and (opening := _under_plain_heading(doc, index, ctx, years=True)) is not None:
                flows = [opening]  # "Key Insights" far below the lede: the list still sums up the lede's year
            if not rule.rate and any(x.kind != "date" or x.flow for x in flows):
                # "rose 127% to 1.68 billion yuan in 2026, the company said on Tuesday. … The net loss widened": the
                # day a result was announced on (no period's end) does not date the results after it; the period
                # it reports on does
                flows = [x for x in flows if x.kind != "date" or x.flow]
            elif days_only := all(u in _STATEMENT_UNITS for u in rule.units) and not any(
                    x.kind != "date" or x.flow for x in flows):
                # "Z.ai closed Tuesday at HK$301bn. … MiniMax's revenue rose 9.7%": a day alone in the sentences
                # before dates a price, not an amount or rate of a period (a day's token count it may); the
                # report's period does
                flows = []
            if flows and (opening := _under_plain_heading(doc, index, ctx)) is not None:
                flows = [opening]
            if flows and (reported := _reporting_period(doc)) is not None \
                    and reported.label not in (flows[-1].label, flows[-1].flow) \
                    and _FILING_SECTION.search(doc.text, flows[-1].end, doc.sentences[index].start):
                flows = []  # "3. 研發開支" after a section on the fourth quarter: a filing's section is of its period
            if not flows:
                p = _reporting_period(doc) or (_still_reported(doc, ctx) if days_only else None) \
                    or (_results_announced(doc) if _prose(doc, index) else None)
                if p is None or p.end > b.q.start:
                    return None, ""
                return p.label, "document"
            p, source = flows[-1], "context"
            ctx.by_dateline = _dateline(doc, p)
            if _against_last_years(doc, index, p) or _SECTION_HEAD.fullmatch(
                    doc.text, doc.sentences[index].start, doc.sentences[index].end):
                return None, ""  # "【用量：日均28万亿】": a heading sums up the section below, which dates the figure
    if p.kind not in ("flow", "date", "span") or not p.label:
        return None, ""
    if rule.instant and not rule.rate and p.kind != "date":
        # "股价今年以来上涨逾四成，市值逾4,500亿港元", "5月下旬市值": a value held on no day named (a run rate is
        # reported for a month)
        return None, ""
    if doc.doc_date is not None and p.years and (max(p.years) > doc.doc_date.year or _not_begun(p.label, doc.doc_date)):
        return None, ""  # a period after the document was written: a forecast, not a result
    if doc.doc_date is not None and p.kind == "flow" and _not_ended(p.label, doc.doc_date) and _reported(rule):
        return None, ""  # "2026年综合毛利率可能下探到40%" in April 2026: a year not over has no results yet
    if rule.span and p.kind != "span":
        return p.label, "fallback"
    if p.kind == "span" and not rule.span and _SPAN_START.search(doc.text, max(0, b.q.start - 6), b.q.start):
        return f"FY{p.years[0]}", source  # "2022年到2024年，营收从5740万元起步": where the span starts
    if p.kind == "date" and (rule.instant or rule.rate) and _TO_THE_MONTH.search(doc.text, p.start, p.end):
        return p.label[:7], source  # "截至2025年12月" names a month, as "as of December 2025" does, not its last day
    if p.kind == "date" and rule.rate and (written_as_month_end(doc.text, p) or _month_last_day(p.label)):
        # "截至3月末，日均token超过5万亿", "去年底ARR", "at the end of March", "as of December 31, 2029": the month's
        return p.label[:7], source
    if p.kind == "date" and rule.on_trading_day and len(p.label) == 10 and written_as_month_end(doc.text, p):
        return _last_trading_day(p.label), source  # "6月末的市值": the close of the month's last weekday
    if p.kind == "date" and not rule.instant and (m := _END_OF.match(doc.text, p.start, p.end)) \
            and not doc.text[m.end():p.end].isdigit():
        return p.label[:7], source  # "by the end of March", as 3月末 is; not "by the end of 2025"
    if p.kind == "date" and not rule.instant:
        return (p.flow, source) if p.flow else (p.label, "fallback")
    return p.label, source

