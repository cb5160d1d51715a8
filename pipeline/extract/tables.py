"""Tables read cell by cell: markdown rows ("| 收入 | 0.574 | 1.245 |") and plain-text columns two or more spaces apart.

A number in a table gets its metric from its row's label ("经调整净亏损") or, failing that, its column's header
("Revenue") or, in a table whose cells name none, the one metric its caption names ("两家公司营收对比"); a row's
label naming only a segment gives it that segment ("| 云端部署 | 2.36 | 32.0% |"). A label with a change word after
its metric ("收入同比", "Revenue YoY (%)") is that metric's change, and a ratio label ("研发投入/收入", "R&D to revenue
(x)") the metric that needs the first one's words.

Its period comes from its column's header ("2024年", "1H25", a broker's "9M25A"; "2025E" is an estimate, no result;
"上年同期" is the column to its left a year earlier; "YoY" is about the latest dated column just left of it) or,
failing that, a period written in its row ("Zhipu  9M25 US$53.4m") or, for a change row ("  growth y/y"), in the
row above ("Revenue, 1H26"), or, when no header cell names any, the one period a note under the table ("注：均为2025财年数据") or the
nearest line above it (a caption, the sentence introducing it) names. Its unit comes from the cell, the row label
("营业收入（亿元）"), the column header, a caption just above the table ("单位：人民币亿元", "(CNY unless stated)", "in
US$ millions", "(US$m, Dec year-end)") or a note under it ("（单位：万亿tokens/日）"). Its company is the one named in
its row, else in its column's header ("| 指标 | 智谱（2025年上半年） | MiniMax（…） |"; a Latin name written against
the year, "MiniMax2025年", when the article names the company by that word), else in the caption ("作为对照，
DeepSeek上半年数据如下："), else the article's subject; under rows of companies a row naming none ("合计", "Total") is no one's. A cell
may hold a qualifier beside its number ("约3.1亿元", "over 85.0", "50%以上").

Header and rows need not have as many cells: the number columns are the last ones of each, so a header without a
label cell still lines up. A blank cell keeps its column: an empty markdown cell, or in aligned text a row whose
fewer cells each sit under one column of the first body row ("  Cloud   198.0            503.5" under "Revenue
412.5   151.1%   1,090.0"). A markdown header of two rows, as a page renders merged cells ("| 业务 | 2025年 | | 2024年 |
|" over "| | 收入 | 占比 | 收入 | 占比 |"), is one row whose cells keep their column and carry the merged cell over them; so is an aligned header of years over a
line of units ("2026   2025" over "US$'000   % of total   US$'000   % of total"). Inside an aligned table a line
holding only words is a label too long for its row or a heading over rows ("Non-IFRS measure:"): the table goes on
under it. A number the table cannot tie to a metric and a period is left to the sentence reader,
unless the header or the caption names companies (its columns, or the table, are theirs).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from itertools import takewhile
from unicodedata import east_asian_width

from pipeline.extract.binding import fact_unit, written_as_month_end
from pipeline.extract.cues import CueBook
from pipeline.extract.entities import CompanyMention
from pipeline.extract.numbers import (
    _CAPTION,
    _CURRENCY,
    _NUMBER,
    _SCALE,
    APPROXIMATE,
    NOTE,
    Quantity,
    _reading,
    apply_label,
    caption_unit,
    unit_of,
)
from pipeline.extract.periods import (
    _LEN,
    _MONTHS,
    PeriodMention,
    find_periods,
    latest_year,
    months_label,
    shift_year,
)
from pipeline.models import Fact
from pipeline.periods import period_end, period_start

TABLE_CONFIDENCE = 0.85
_MONTH_NUMBERS = {k[:3]: v for k, v in _MONTHS.items()}
CAPTION_LINES = 2  # how many non-empty lines above a table may hold its unit
MAX_COLUMNS = 24

_LINE = re.compile(r"[^\n]*")
_SEPARATOR = re.compile(r"\|?(?:\s{0,3}:?-{2,40}:?\s{0,3}\|){1,24}\s{0,3}(?::?-{2,40}:?\s{0,3})?")
_GAP = re.compile(r"\s{2,}|[\t\u3000]")  # an ideographic space is as wide as two
_CELL_TRIM = re.compile(r"\S(?:[^|]{0,400}\S)?")
# A row or column of multiples: "R&D to revenue (x)", "研发投入/收入（倍）".
_TIMES = re.compile(r"[（(]\s?(?:[xX×]|倍|times)\s?[)）]")
# A column of percentages headed by the sign alone, beside one of amounts: "| 人民幣千元 | % |".
_PERCENT_CELL = re.compile(r"[%％]")
# A magnitude alone in brackets, a column heading or the end of a row label: "(trillion)", "Tokens (millions)"; the
# metric says what is counted.
_BARE_SCALE = re.compile(r"[（(]\s?(?P<s>(?i:trillions?|billions?|millions?|thousands?))\s?[)）]")
# A column heading that is a percentage of a whole: "%", "(%)", "% of total", "% of revenue".
_PERCENT_HEAD = re.compile(r"[（(]?[%％][)）]?(?:\s(?i:of)\s[^\n\d]{1,30})?")
_BARE_UNIT = re.compile(rf"[（(]?(?:(?P<c>{_CURRENCY})\s?(?P<s>{_SCALE})元?|(?P<s2>万|萬|亿|億|百万|百萬)?(?P<u>元|美元|港元))[)）]?")
# A column header that is a year alone: "2024", "2024A" (actual), "2024年"; "2025E" / "2025F" (estimate, forecast) is
# no result.
_YEAR_CELL = re.compile(r"(?P<y>(?:19|20)[0-9]{2})\s?(?:(?P<mark>[AaEeFfPp])|年)?")
# The months every year column covers, from a line over the header: "Six months ended 30 June", "截至6月30日止六個月"
# or a quarter or a year: "Quarter ended September 30", "Year ended 31 December", "截至12月31日止年度".
_COLUMN_MONTHS = re.compile(
    r"(?i:(?:(?P<n>three|six|nine|twelve|3|6|9|12)\s(?:months|-month\speriod)|(?P<qr>quarter)"
    r"|(?P<yr>(?:fiscal\s|financial\s)?year))\s(?:ended|ending|to)\s(?:[0-9]{1,2}\s)?(?P<mo>[a-z]{3,9}))"
    r"|截至\s?(?P<m>[0-9]{1,2})\s?月\s?[0-9]{1,2}\s?日\s?止\s?(?:(?P<zn>三|六|九|十二)\s?[个個]月|(?P<zy>年度))"
)


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its trimmed span, and for a header cell under a merged one ("金额" under "2025年") that one."""

    start: int
    end: int
    over: Cell | None = None


def _heading(cell: Cell) -> list[Cell]:
    """A header cell and the merged cells over it: what heads its column, nearest first ("RMB'000" under "2027"
    under "Six months ended 30 June")."""
    found = [cell]
    while found[-1].over is not None:
        found.append(found[-1].over)
    return found


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of cells (separator rows left out); the first row is the header."""

    start: int
    end: int
    rows: tuple[tuple[Cell, ...], ...]


def find_tables(text: str, source: str | None = None) -> list[Table]:
    """Return the markdown and aligned plain-text tables of a text (two rows at least). `source` is the text before
    width normalisation: a Chinese table aligned with ideographic spaces has one between its cells ("排名　厂商　2029年10月")."""
    if source is not None and "\u3000" in source:
        text = _with_ideographic_spaces(text, source)
    if "|" not in text and "  " not in text and "\t" not in text and "\u3000" not in text:
        return []
    tables: list[Table] = []
    block: list[tuple[Cell, ...]] = []
    kind = None
    grid = None  # the columns of an aligned table's first body row, for a row that leaves a cell blank
    wide_grid = None  # and as a monospace font shows them (see _goes_on)
    heads = 1  # how many rows head the block: a row of units under the header is one too
    held: list[tuple[Cell, ...]] = []  # label lines inside an aligned table, kept if a row under them lines up
    gap = False  # a blank line inside an aligned table: the table goes on under it only as _on_grid allows
    ruled = False  # a markdown block has a separator row (under its header)
    for m in _LINE.finditer(text):
        s, e = m.span()
        if s == e and s and text[s - 1] != "\n":
            continue  # the empty match right after a line
        row_kind, cells = _row(text, s, e)
        if row_kind == "separator" and kind == "markdown":
            ruled = True
            continue
        if kind == "aligned" and not gap and not text[s:e].strip() and (len(block) == heads or grid):
            gap = True
            continue
        if kind == "aligned" and row_kind == "aligned" and len(block) == heads and _header_note(text, cells):
            continue
        if kind == "aligned" and row_kind == "aligned" and len(block) == 1 and (stacked := _grouped(text, block[0], cells)):
            block[0] = stacked
            continue
        if kind == "aligned" and row_kind is None and (len(block) > heads or _of_years(text, block[0])) and len(held) < 2 \
                and _label_line(text, s, e):  # a heading right under a header of years: "Revenues:" over its rows
            held.append((Cell(*_CELL_TRIM.search(text, s, e).span()),))
            continue
        units = kind == row_kind == "aligned" and len(block) == 1 and _unit_row(text, cells)
        if kind == "aligned" and row_kind == "aligned" and grid and not _lines_up(block, cells, heads):
            cells = _fill_blanks(text, s, grid, cells) or (wide_grid is not None and not text[s:e].isascii() and _fill_blanks(
                text, s, wide_grid, cells, True)) or _run_in(text, s, grid, cells) or cells
        if row_kind is None or (kind is not None and (row_kind != kind or (
                kind == "aligned" and not _lines_up(block, cells, heads, units)))) or (
                gap and not _goes_on(text, s, block, heads, (grid, wide_grid), cells)):
            _close(text, block, kind, heads, tables, ruled)
            block, kind, heads, held, ruled = [], None, 1, [], False
        gap = False
        heads = 2 if units and block else heads
        if row_kind in ("markdown", "aligned"):
            block.extend(held)
            block.append(cells)
            kind = row_kind
            body = sum(len(row) > 1 for row in block[heads:])  # a heading line over the rows is none of them
            if body <= 1:
                grid = _grid(text, s, cells) if body == 1 and kind == "aligned" else None
                wide_grid = _grid(text, s, cells, wide=True) if grid and not text[s:cells[0].end].isascii() else grid
        held = []
    _close(text, block, kind, heads, tables, ruled)
    return tables


def _with_ideographic_spaces(text: str, source: str) -> str:
    """The normalised text with the ideographic spaces of its source put back (same length, same offsets). The text
    may end before its source does: a readers' comments section is cut off (extract._without_comments)."""
    chars = list(text)
    for m in _IDEOGRAPHIC_SPACE.finditer(source, 0, len(text)):
        chars[m.start()] = "\u3000"
    return "".join(chars)


_IDEOGRAPHIC_SPACE = re.compile("\u3000")
# A line under a header saying how the figures were reviewed: "(unaudited)", "(Restated)", "（未經審核）".
_HEADER_NOTE = re.compile(r"[（(]\s?(?i:unaudited|audited|restated|reviewed|未經審核|未经审核|經審核|经审核|經重列|经重列|重列)\s?[)）]")


def _header_note(text: str, cells: tuple[Cell, ...]) -> bool:
    """True for a line of review notes under a filing's header, one per column: it heads nothing and holds no figure."""
    return all(_HEADER_NOTE.fullmatch(text, c.start, c.end) for c in cells)


def _grouped(text: str, top: tuple[Cell, ...], cells: tuple[Cell, ...]) -> tuple[Cell, ...] | None:
    """A filing's header of period groups over years ("Six months ended 30 June   Three months ended 30 June" over
    "2027   2026   2027   2026", a change column in each group or not), or of headings wrapped over lines ("Average
    daily tokens   Employees at" over "processed in the month   month end" over "(trillion)   (number)"): the lower
    line's cells, each with the cell over it (a wrapped heading in reading order, see _read_on). None unless the line
    under is all years and changes, more years than groups, or a wrapped line, and the line over holds no figure.
    A unit may stand over the labels, beside the groups ("人民幣千元   截至9月30日止三個月 …": it heads every group), or
    under them, beside the years ("RMB'000   2028   2027 …": it heads the labels)."""
    if "\t" in text[_line_start(text, top[0].start):cells[-1].end] or any(
            _NUMBER.fullmatch(text, t.start, t.end) or _YEAR_CELL.fullmatch(text, t.start, t.end) for t in top):
        return None
    unit = top[0] if len(top) > 1 and _BARE_UNIT.fullmatch(text, top[0].start, top[0].end) else None
    groups = top[1:] if unit else top
    label = cells[0] if len(cells) > 1 and not _of_years(text, cells[:1]) and _UNIT_WORD.fullmatch(
        text, cells[0].start, cells[0].end) else None
    under = cells[1:] if label else cells
    if sum(bool(_YEAR_CELL.fullmatch(text, c.start, c.end)) for c in under) > len(groups) and _of_years(text, under):
        stacked = _stacked(text, groups, under, True)
        if stacked is not None and unit is not None:
            stacked = tuple(Cell(c.start, c.end, Cell(c.over.start, c.over.end, unit)) for c in stacked)
        return (label, *stacked) if stacked is not None and label is not None else stacked
    return _stacked(text, top, cells, False) if _wrapped(text, top, cells) else None


def _of_years(text: str, cells: tuple[Cell, ...]) -> bool:
    """True when every cell is a year or a change column's heading ("2028", "2028年", "% Change", "变动")."""
    return all(_YEAR_CELL.fullmatch(text, c.start, c.end) or _CHANGE_HEADER.fullmatch(text, c.start, c.end)
               for c in cells)


def _stacked(text: str, top: tuple[Cell, ...], cells: tuple[Cell, ...], years: bool) -> tuple[Cell, ...] | None:
    """The lower line's cells each with the one cell over it, or None when a cell is under two or (a wrapped line)
    under none. Characters line up as written, or as a monospace font shows them (a Chinese character two columns
    wide: "截至9月30日止三個月" over "2028年   2027年"); failing that, a year under no group is of the nearest one (a
    group heading centred over wider columns), as a monospace font shows them."""
    wide = not text[_line_start(text, top[0].start):cells[-1].end].isascii()
    found = _stack(text, top, cells, years, False, False)
    if found is None and wide:
        found = _stack(text, top, cells, years, True, False)
    if found is None and years:
        found = _stack(text, top, cells, years, wide, True)
    return found


def _stack(text: str, top: tuple[Cell, ...], cells: tuple[Cell, ...], years: bool, wide: bool,
           nearest: bool) -> tuple[Cell, ...] | None:
    """_stacked by character columns (wide: a wide character counts two), a year under no group of the nearest one
    when asked. A change column under none is of the group to its left (it may stand out right of its heading);
    groups keep their order."""
    above, line = _line_start(text, top[0].start), _line_start(text, cells[0].start)
    over_spans = [_span(text, above, t, wide) for t in top]
    stacked, groups = [], []  # the cells, and the index in top of the one over each
    for c in cells:
        a, b = _span(text, line, c, wide)
        over = [i for i, (s, e) in enumerate(over_spans) if s < b and a < e]
        if not over and years and groups and _CHANGE_HEADER.fullmatch(text, c.start, c.end):
            over = groups[-1:]
        elif not over and nearest:
            over = [min(range(len(top)), key=lambda i: max(over_spans[i][0] - b, a - over_spans[i][1]))]
        if len(over) != 1 or (years and groups and over[0] < groups[-1]):
            return None
        groups.append(over[0])
        stacked.append(Cell(c.start, c.end, top[over[0]]) if years else _read_on(top[over[0]], c))
    return tuple(stacked)


def _span(text: str, line: int, cell: Cell, wide: bool) -> tuple[int, int]:
    """The (first, last + 1) columns of a cell in its line; with wide, a wide character (Chinese) counts two."""
    if not wide:
        return cell.start - line, cell.end - line
    start = cell.start - line + sum(_is_wide(ch) for ch in text[line:cell.start])
    return start, start + cell.end - cell.start + sum(_is_wide(ch) for ch in text[cell.start:cell.end])


def _is_wide(ch: str) -> bool:
    return east_asian_width(ch) in "WF"


def _read_on(top: Cell, cell: Cell) -> Cell:
    """A heading wrapped over lines, kept in reading order: the top line's cell heads the column, each line under it
    is over the one before ("Average daily tokens", then "processed in the month", then "(trillion)")."""
    chain = None
    for h in reversed([*_heading(top), cell]):
        chain = Cell(h.start, h.end, chain)
    return chain


# The day a period group's heading ends on, wrapped onto the line under it: "December 31,", "30 June", "12月31日".
_GROUP_DAY = re.compile(r"(?i:(?P<m1>[a-z]{3,9})\s[0-9]{1,2},?|[0-9]{1,2}\s(?P<m2>[a-z]{3,9}),?)")
# A period group's heading that its day ends on the line under: "Three Months Ended", "Year ended".
_GROUP_ENDED = re.compile(r"[^\n]{0,40}\s(?i:ended|ending)")


def _wrapped(text: str, top: tuple[Cell, ...], cells: tuple[Cell, ...]) -> bool:
    """True when a line under a header of words goes on its headings: as many cells, no digit, and no line of
    units (those make a header of two rows their own way); or, under period groups ending in "Ended", the day each
    ends on ("Three Months Ended" over "December 31,")."""
    if len(cells) != len(top) or any(_DIGIT.search(text, c.start, c.end) for c in top):
        return False
    if any(_DIGIT.search(text, c.start, c.end) for c in cells):
        return all(_day_cell(text, c) for c in cells) and all(_GROUP_ENDED.fullmatch(text, t.start, t.end) for t in top)
    return not _unit_row(text, cells)


def _day_cell(text: str, cell: Cell) -> bool:
    """True for a cell that is a day of a named month ("December 31,", "30 June"), the end of the period group over it."""
    m = _GROUP_DAY.fullmatch(text, cell.start, cell.end)
    return m is not None and (m.group("m1") or m.group("m2")).lower()[:3] in _MONTH_NUMBERS


def _goes_on(text: str, line: int, block: list, heads: int, grids: tuple[list[tuple[int, int]] | None, ...],
             cells: tuple[Cell, ...]) -> bool:
    """True when a row after a blank line inside an aligned table is still the table's: under a header alone, a row
    of figures (a line of years is another table's header); under rows, one on the grid of the first, counted in
    characters or as a monospace font shows Chinese labels, a wide character two columns ("經調整淨虧損   (1,921,000)"
    under "收入   1,721,380" after a blank line and a heading: the figures line up on screen, not by characters)."""
    if len(block) > heads:
        return any(_on_grid(text, line, grid, cells, wide) for grid, wide in zip(grids, (False, True), strict=True))
    return not all(_YEAR_CELL.fullmatch(text, c.start, c.end) for c in cells)


def _on_grid(text: str, line: int, grid: list[tuple[int, int]] | None, cells: tuple[Cell, ...],
             wide: bool = False) -> bool:
    """True when a row after a blank line inside an aligned table is still the table's: as many cells as its first
    body row, each figure ending where that row's does (a filing right-aligns its figures; a closing bracket of a
    loss may stand one character out)."""
    spans = _grid(text, line, cells, wide) if grid else None
    return spans is not None and len(spans) == len(grid) and all(
        abs(b - gb) <= 1 for (_, b), (_, gb) in zip(spans[1:], grid[1:], strict=True))


def _lines_up(block: list[tuple[Cell, ...]], cells: tuple[Cell, ...], heads: int = 1, units: bool = False) -> bool:
    """Aligned rows have as many cells as the row above (a label line between them aside); a header may lack the
    label cell ("    2023    2024"), and a row of units under it ("  US$'000   % of total   US$'000   % of total"
    under "  2026   2025", "RMB'000   RMB'000" under "2027   2026   Change") may have more cells or fewer."""
    last = next(row for row in reversed(block) if len(row) > 1)
    if len(block) == heads:  # under the header, its wider line counts
        last = max(block, key=len)
    return (len(cells) == len(last) or (len(block) == heads and len(cells) == len(last) + 1)
            or (units and len(cells) != len(last)))


# A row of units under a header of periods: "US$'000", "% of total", "人民币百万元", "(%)", "變動".
_UNIT_WORD = re.compile(r"[^0-9]{0,40}|.{0,12}'000")


def _unit_row(text: str, cells: tuple[Cell, ...]) -> bool:
    """True when an aligned row under a table's header holds units, not figures: no digit but in "'000", and one
    cell at least a currency unit or a percent sign ("  US$'000   % of total   US$'000   % of total")."""
    return all(_UNIT_WORD.fullmatch(text, c.start, c.end) for c in cells) and any(
        _BARE_UNIT.fullmatch(text, c.start, c.end) or _PERCENT_CELL.search(text, c.start, c.end) for c in cells)


def _label_line(text: str, s: int, e: int) -> bool:
    """True for a line inside an aligned table that is a row's label alone: a label too long for its row, written
    on the line above it ("Research and development expenses" over "  研發開支   (298,396)   (264,012)"), or a
    heading over rows ("Non-IFRS measure:"). It holds no figure and no note."""
    cell = _CELL_TRIM.search(text, s, e)
    return (cell is not None and cell.end() - cell.start() <= 80 and not _DIGIT.search(text, *cell.span())
            and "  " not in cell.group() and not NOTE.match(text, s, e))


def _grid(text: str, line: int, cells: tuple[Cell, ...], wide: bool = False) -> list[tuple[int, int]] | None:
    """The (first, last + 1) columns of a row's cells, the row starting at line (with wide, a wide character counts
    two); None when tabs cut it: a tab's width is the reader's, no position to line another row up by."""
    if text.find("\t", line, cells[-1].end) >= 0:
        return None
    return [_span(text, line, c, wide) for c in cells]


_DIGIT = re.compile("[0-9]")


def _fill_blanks(text: str, line: int, grid: list[tuple[int, int]], cells: tuple[Cell, ...],
                 wide: bool = False) -> tuple[Cell, ...] | None:
    """A row with fewer cells than the table's first body row, each under one of its columns, with an empty cell in
    each blank ("  On-premise   214,500            586,500" under "Revenue   412,500   151.1%   1,090,000"): a
    press release leaves a segment's change column blank, a filing its notes column ("收入   4   7,835,100" over
    "  雲端部署      5,120,300": with wide, a Chinese character counts two columns, as a monospace font shows it).
    None when the row does not line up so: its label must head the row (an indented one clear of the first
    figure's column), no cell may straddle two columns, each cell after the label must hold a figure (a note's
    words are no row).
    """
    spans = _grid(text, line, cells, wide)
    if spans is None or len(cells) >= len(grid) or not all(_DIGIT.search(text, c.start, c.end) for c in cells[1:]):
        return None
    filled: list[Cell | None] = [None] * len(grid)
    last = -1
    for cell, (a, b) in zip(cells, spans, strict=True):
        under = [j for j, (s, e) in enumerate(grid) if a < e and s < b]
        if last < 0 and not under and b <= grid[1][0]:
            under = [0]  # a sub-row's label indented past a short label above it ("收入" over "  雲端部署")
        if len(under) != 1 or under[0] <= last:
            return None
        last = under[0]
        filled[last] = cell
    if filled[0] is None:
        return None
    row: list[Cell] = []
    for cell in filled:
        row.append(cell or Cell(row[-1].end, row[-1].end))
    return tuple(row)


_FIGURE_CELL = re.compile(r"\(?-?[0-9][0-9,.]{0,20}\)?%?")


def _run_in(text: str, line: int, grid: list[tuple[int, int]], cells: tuple[Cell, ...]) -> tuple[Cell, ...] | None:
    """A row whose long label runs into its first figure with a single space ("Fair value losses on financial
    instruments (613,160)      (521,250)" under "Revenue      1,858,240      1,088,460"), split there: the figure
    stands under the first body row's second cell and clear of its third. None otherwise."""
    if len(cells) != len(grid) - 1 or len(grid) < 3:
        return None
    first = cells[0]
    cut = text.rfind(" ", first.start, first.end)
    a, b = cut + 1 - line, first.end - line
    if cut <= first.start or not _FIGURE_CELL.fullmatch(text, cut + 1, first.end) \
            or not (a < grid[1][1] and grid[1][0] < b < grid[2][0]):
        return None
    return (Cell(first.start, cut), Cell(cut + 1, first.end), *cells[1:])


def _row(text: str, s: int, e: int) -> tuple[str | None, tuple[Cell, ...]]:
    """What the line text[s:e] is ("markdown", "separator", "aligned" or None) and its cells."""
    line = text[s:e]
    stripped = line.strip()
    if not stripped:
        return None, ()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        if _SEPARATOR.fullmatch(stripped):
            return "separator", ()
        # a blank cell keeps its column: "| Cloud | 198.0 | | 503.5 |" under "| | 3Q26 | YoY | 9M26 |"
        cells = tuple(_markdown_cells(text, s, e))
        return ("markdown", cells) if 2 <= sum(not _blank(c) for c in cells) <= MAX_COLUMNS else (None, ())
    if "|" in stripped and _OPEN_PIPES.fullmatch(stripped):
        # a pipe table without its outer pipes ("公司　|　10月　|　9月", "Item | 3Q30 | 3Q29"): the cells between them
        if _SEPARATOR.fullmatch(stripped):
            return "separator", ()
        cells = tuple(_markdown_cells(text, s, e, outer=False))
        return ("markdown", cells) if 2 <= sum(not _blank(c) for c in cells) <= MAX_COLUMNS else (None, ())
    if "  " not in stripped and "\t" not in stripped and "\u3000" not in stripped:
        return None, ()
    cells = []
    pos = s + (len(line) - len(line.lstrip()))
    end = s + len(line.rstrip())
    for gap in _GAP.finditer(text, pos, end):
        if gap.start() > pos:
            cells.append(Cell(pos, gap.start()))
        pos = gap.end()
    if pos < end:
        cells.append(Cell(pos, end))
    if any(c.end - c.start <= 3 for c in cells):
        cells = _glue_signs(text, cells)
    return ("aligned", tuple(cells)) if 2 <= len(cells) <= MAX_COLUMNS else (None, ())


# A row of a pipe table written without its outer pipes: cells of up to 60 characters each, a pipe between each two
# and space around every pipe ("智谱　|　334　|　325", "Revenue | 267.9 | 186.2"), or a separator row.
_OPEN_PIPES = re.compile(r"[^|\n]{1,60}(?:(?<=\s)\|(?=\s)[^|\n]{1,60}){1,23}\|?|:?-{2,40}:?(?:\|\s{0,3}:?-{2,40}:?\s{0,3}){1,23}\|?")


# A currency sign a statement writes in a cell of its own, left of its figure: "$   77,140", "$  (89,350)".
_SIGNS = ("US$", "HK$", "RMB", "$", "¥", "￥", "€", "£")
_SIGN_CELL = re.compile("|".join(map(re.escape, _SIGNS)))
_LONE_SIGN = re.compile(rf"(?P<sign>{_SIGN_CELL.pattern})\s{{2,40}}(?=[(（0-9])")
_SIGN_FIRSTS = frozenset(sign[0] for sign in _SIGNS)  # a cell starting otherwise holds no lone sign


def _glue_signs(text: str, cells: list[Cell]) -> list[Cell]:
    """The cells of an aligned row with a currency sign standing alone before a figure made one cell with it ("$"
    and "77,140"): the sign heads no column of its own, and the figure keeps its currency."""
    glued: list[Cell] = []
    for c in cells:
        if glued and text[c.start] in "(（0123456789" and _SIGN_CELL.fullmatch(text, glued[-1].start, glued[-1].end) \
            and not _YEAR_CELL.fullmatch(text, c.start, c.end):  # "US$   2028   2027": a unit over the labels
            glued[-1] = Cell(glued[-1].start, c.end)
        else:
            glued.append(c)
    return glued


def _markdown_cells(text: str, s: int, e: int, outer: bool = True) -> list[Cell]:
    """The cells of the markdown line text[s:e] column by column, an empty one blank (the rest of a merged cell, or
    a figure not given); without outer pipes, what stands before the first "|" is the first cell."""
    found, pos = [], s
    for part in text[s:e].split("|"):
        m = _CELL_TRIM.search(text, pos, pos + len(part))
        found.append(Cell(m.start(), m.end()) if m else Cell(pos, pos))
        pos += len(part) + 1
    if outer:
        found = found[1:]  # what stands before the first "|"
    if found and _blank(found[-1]):
        found.pop()  # what stands after the last one
    return found


def _blank(cell: Cell) -> bool:
    return cell.start == cell.end


def _close(text: str, block: list, kind: str | None, heads: int, tables: list[Table], ruled: bool = True) -> None:
    """Keep a block of rows as a table when it has a header and at least one row; a markdown header's blank cells
    head nothing (its first one is over the labels, the others are the rest of a merged cell). An aligned block, or
    a block of pipe rows without a separator row, whose first row holds a figure has no header (a "KEY NUMBERS" box
    of label, figure and note lines; "智谱 | 420" over "DeepSeek | 243"): its rows, two at least, are of the body,
    under an empty header."""
    if kind == "markdown" and not ruled and len(block) > 1 and _figure_row(text, block[0]):
        rows = ((), *block)
    elif kind == "markdown":
        header = tuple(c for c in block[0] if not _blank(c))
        rows = _merged_header(text, block, header)
        block = [header, *block[1:]]
    elif len(block) > 1 and heads == 1 and _figure_row(text, block[0]):
        rows = ((), *block)
    else:
        rows = tuple(block) if heads == 1 else (_units_under(text, *block[:2]), *block[2:])
    if len(rows) >= 2:
        tables.append(Table(block[0][0].start, block[-1][-1].end, rows))


def _figure_row(text: str, cells: tuple[Cell, ...]) -> bool:
    """True when a row's cells after its label hold a figure other than a year ("RMB412.5m"), or a magnitude beside
    a qualifier word ("約193萬億", "about 4.4bn": no header writes a magnitude): a row of the body."""
    return any((_NUMBER.fullmatch(text, c.start, c.end) and not _YEAR_CELL.fullmatch(text, c.start, c.end))
               or _qualified_amount(text, c) for c in cells[1:])


def _qualified_amount(text: str, cell: Cell) -> bool:
    """True for a cell holding one number with its magnitude and words beside it ("約193萬億", "about 4.4bn"), not a
    period written like one ("9M26": nine months, 2026)."""
    m = _NUMBER.search(text, cell.start, cell.end)
    return m is not None and bool(m.group("scale")) and not _DIGIT.search(text, m.end(), cell.end) \
        and not text[m.end():m.end() + 1].isalpha()


def _units_under(text: str, top: tuple[Cell, ...], units: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """An aligned header of two lines made one: the line of more cells gives the columns, each headed by its cell and
    the one over or under it: "US$'000" and "% of total" under a "2026" spanning both, the one its characters
    overlap or else the nearest; "RMB'000" under "2027" and nothing under "Change". A tab's width is the reader's:
    with tabs, lines of as many cells pair them in order."""
    line, above = _line_start(text, units[0].start), _line_start(text, top[0].start)
    if "\t" in text[above:units[-1].end]:
        return tuple(Cell(c.start, c.end, t) for c, t in zip(units, top, strict=True)) if len(top) == len(units) else units

    def gap(t: Cell, c: Cell) -> int:
        return max(t.start - above - (c.end - line), (c.start - line) - (t.end - above), 0)

    if len(units) >= len(top):
        paired = [min(top, key=lambda t: gap(t, c)) for c in units]
        if len(units) == len(top) and len(set(paired)) < len(top):
            paired = list(top)  # as many cells, loosely aligned ("2029年   變動" over "人民幣千元 %"): in order
        return tuple(Cell(c.start, c.end, t) for c, t in zip(units, paired, strict=True))
    under = [next((c for c in units if gap(t, c) == 0), None) for t in top]
    return tuple(t if c is None else Cell(c.start, c.end, t) for t, c in zip(top, under, strict=True))


def _merged_header(text: str, block: list, header: tuple[Cell, ...]) -> tuple[tuple[Cell, ...], ...]:
    """The rows of a markdown table, its header of two rows made one when its top row has merged cells.

    A page's "| 业务 | 2025年 | | 2024年 | |" over "| | 金额 | 占比 | 金额 | 占比 |" (the label cell spans both rows,
    "2025年" two columns) heads each column with its cell in the second row and the merged cell over it; a column
    the top row spans alone keeps its top cell; so does a group a page repeats over each of its columns instead of
    merging them ("| | 截至9月30日止三个月 | 截至9月30日止三个月 |" over "| | 2028年 | 2027年 |"). A second row holding a
    number other than a year is a row of the body; a unit over the labels ("| 人民币千元 | 2028年 | 2027年 |") heads them.
    `block` holds the rows as read, blank cells included; `header` is its first row without them.
    """
    if len(block) < 3:
        return (header, *block[1:])
    top, sub = block[0], block[1]
    if len(top) != len(sub) or not (_blank(sub[0]) or _BARE_UNIT.fullmatch(text, sub[0].start, sub[0].end)) \
            or not (any(_blank(c) for c in top[1:]) or _years_row(text, sub[1:])) or _figure_row(text, sub):
        return (header, *block[1:])
    merged, over = [], None
    for i, (above, cell) in enumerate(zip(top, sub, strict=True)):
        over = above if i and not _blank(above) else over
        cell = Cell(cell.start, cell.end, over) if not _blank(cell) else above
        if not _blank(cell):
            merged.append(cell)
    return (tuple(merged), *block[2:])


def _years_row(text: str, cells: tuple[Cell, ...]) -> bool:
    """True for a header row of years under a row of groups, a change column or a blank cell beside them."""
    return any(_YEAR_CELL.fullmatch(text, c.start, c.end) for c in cells) and all(
        _blank(c) or _of_years(text, (c,)) for c in cells)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


@dataclass(slots=True)
class _Reading:
    """What the reader needs from the document around a table."""

    text: str
    lowered: str
    book: CueBook
    subject: str
    doc_date: date | None
    companies: list[CompanyMention]
    company_starts: list[int]
    before_qualifiers: dict[str, str]  # "约" → approx, "over" → gt: a cell's word before its number
    after_qualifiers: dict[str, str]  # "以上" → gt, "左右" → approx: a cell's word after it
    names: dict[str, str | None] | None = None  # each company's words in the article, casefolded: built when asked
    declared: tuple | None = None  # (where, unit) of the document's declared unit for amounts: found when asked


@dataclass(frozen=True, slots=True)
class _Frame:
    """The lines around a table where its caption and note may be: the non-empty lines just above it, nearest
    first, and the note under it (as a list, empty when the line under it is no note)."""

    above: list[tuple[int, int]]
    below: list[tuple[int, int]]


def table_facts(text: str, lowered: str, book: CueBook, subject: str, doc_date: date | None,
                companies: list[CompanyMention], tables: list[Table]) -> tuple[list[Fact], set[int]]:
    """Return the facts the tables state, and the offsets of the numbers in the tables that were read.

    A table that yields a fact is read whole: the sentence reader leaves all its numbers alone, so an
    estimate column ("FY2025E") is not dated from the text around it. So is a table whose header names companies:
    its columns are theirs, which the sentence reader cannot know ("| 指标 | 智谱 | MiniMax |"); and one whose caption
    names a company off the watchlist ("For comparison, OpenAI:"): its numbers are that company's.
    """
    if not tables:
        return [], set()
    reading = _Reading(text, lowered, book, subject, doc_date, companies, [m.start for m in companies],
                       *_cell_qualifiers(book))
    facts, read = [], set()
    for table in tables:
        frame = _Frame(_lines_above(text, table.start), _note_below(text, table.end))
        owner = _caption_company(reading, frame)
        found, cells = _read_table(reading, table, frame, owner)
        off_watchlist = owner is not None and owner.company is None  # the table is about it, not the subject
        if found or any(_named_heading(reading, c) for c in table.rows[0][1:]) or off_watchlist:
            facts.extend(found)
            # every offset of a number cell: the sentence reader's number in "约3.1亿元" starts past the "约"
            read.update(i for c in cells for i in range(c.start, c.end))
    return facts, read


# Signs a table writes before a number instead of a qualifier word: "＞60%", "~US$34m", "≈3.1".
_SIGN_QUALIFIERS = {">": "gt", "＞": "gt", "≥": "gt", "<": "lt", "＜": "lt", "≤": "lt", "≈": "approx", "～": "approx"}


def _cell_qualifiers(book: CueBook) -> tuple[dict[str, str], dict[str, str]]:
    """The cue book's qualifier words ("约", "over"; "以上", "左右") by side, for a cell that is one word and a number."""
    sides: tuple[dict[str, str], dict[str, str]] = (dict(_SIGN_QUALIFIERS), {})
    for qualifier, words in book.qualifiers.items():
        for side, found in zip(("before", "after"), sides, strict=True):
            found.update((str(w).casefold(), qualifier) for w in words.get(side) or ())
    return sides


def _read_table(r: _Reading, table: Table, frame: _Frame, owner: CompanyMention | None) -> tuple[list[Fact], list[Cell]]:
    """The facts of one table, row by row, and its cells holding a number; owner is the company its caption names."""
    header, body = table.rows[0], table.rows[1:]
    caption = _caption_unit(r, table, frame)
    if caption is not None and caption[1] is None:
        caption = (caption[0], _written_currency(r, body))
    declared = _declared_unit(r, table.start) if caption is None else None  # for amounts only: see below
    header_periods = _header_periods(r, table, frame)
    columns = [_named_heading(r, c) for c in header]  # "| 指标 | 智谱（2025年上半年） | MiniMax（…） |"
    estimates = [_estimate(r, c) for c in header]
    table_period = _caption_period(r, frame) if not any(header_periods) else None
    caption_period: list = []  # the caption's period for a column the header leaves undated, read when first needed
    shared = _shared_period(r, header, header_periods) or _corner_period(r, header, header_periods)
    around = _caption_text(r, frame)
    topic = _caption_metric(r, table, frame, around)
    parts: list = []  # the caption's metric for rows naming only a segment, read when first needed
    dated_columns = sum(p is not None for p in header_periods)
    # the columns of shares of a whole an undated heading names ("% of total"), beside a dated one
    wholes = [bool(dated_columns) and p is None and _of_whole(r, c) for c, p in zip(header, header_periods, strict=True)]
    after_parts = False  # the row above is a segment's of the caption's metric: a "Total" row under it is the whole
    rough = _rough(r, frame)
    label_companies = [_label_company(r, row[0]) for row in body]  # the company a row's label names, if any
    company_rows = sum(m is not None for m in label_companies) >= 2
    facts, cells = [], []
    above: tuple[str, ...] = ()  # the metrics of the row above: a growth row ("YoY growth (%)") is theirs
    above_period = None  # and the period its label names: "Revenue, 1H26" over "␣␣growth y/y" dates the growth
    parent = None  # the last row with a metric: an indented row naming only a segment is its breakdown
    parent_numbers: dict = {}  # and its figures by column
    flat = False  # the row above is that row or a breakdown of it: a row naming only a segment may go on its run
    held = None  # a label line alone: the start of the label of a row going on in lower case under it
    totalled = None  # "Consumer subscriptions" over "Total revenues": a part of revenue (found when first needed)
    for row, label_company in zip(body, label_companies, strict=True):
        numbers = {i: q for i, c in enumerate(row) if (q := _cell_number(r, c)) is not None}
        if not numbers:
            flat = False
            held = row[0] if len(row) == 1 else None
            if held is not None:
                own = _row_metric(r, [held], around)[0]
                if own is not None:
                    parent = (own, _column(r.text, held.start))  # "Revenues:" over "  Consumer subscriptions   172,560"
                    topic = own if company_rows else topic  # "上半年研發開支" over rows of companies: theirs from here on
                if (sub := _named(r, held.start, held.end)) is not None:
                    # "OpenRouter年度經常性收入" over "6月底   約5.0億美元": a caption, the rows under it that company's
                    owner, topic, company_rows = sub, own or topic, False
            continue
        cells.extend(row[i] for i in numbers)
        labels = [c for i, c in enumerate(row) if i not in numbers and not _blank(c)]
        if held is not None and labels and labels[0] is row[0] and r.text[row[0].start].islower():
            labels = [Cell(held.start, row[0].end), *labels[1:]]  # "Research and development" over "  expenses   (1,104,300)"
        held = None
        if _NOT_ITS_METRIC.match(r.text, row[0].start, row[0].end):
            continue  # "Cost of revenue": what the revenue cost, no revenue
        named = label_company or _named(r, row[0].start, row[-1].end)
        if named is not None and named.company is None:
            continue  # a row about a company that is not watched
        if company_rows and label_company is None:
            continue  # "合计", "Total", "行业平均" under rows of companies: no one company's
        row_period = next((p for c in labels if (p := _period(r, c)) is not None), None)
        said = around + " " + " ".join(r.text[c.start:c.end] for c in labels).casefold()
        own, of = _row_metric(r, labels, around)
        broken = None if own is not None else _breakdown(r, labels, parent, flat and _parts(r, numbers, parent, parent_numbers))
        row_metric = own or broken or _loss_as_profit(r, labels)
        if row_metric is None and labels and _segment(r, labels[0]) is not None:
            totalled = _totalled(r, body, around) if totalled is None else totalled
            row_metric = totalled.get(row[0].start)
        losses_only = own is None and row_metric is not None and getattr(r.book.metrics.get(row_metric[0][0]), "loss", False)
        if row_period is None and row_metric is not None and _is_change(r, row_metric):
            row_period = above_period
        segment = _segment(r, labels[0]) if row_metric is None and labels else None
        offset = len(row) - len(header)
        for i, (q, qualifier) in numbers.items():
            if losses_only and q.value >= 0:
                continue  # a profit is no loss
            col = header[i - offset] if 0 <= i - offset < len(header) else None
            if col is not None and estimates[i - offset]:
                continue  # "FY2029E": an estimate, whatever period the row or the caption names
            col_period = header_periods[i - offset] if col is not None else None
            if col_period is None and col is not None and wholes[i - offset]:
                # "| | Year ended 31 December 2030 | % of total |", "| 业务 | 2030年 | 占比 |": a column of shares is of
                # the amounts' period to its left
                col_period = next((p for p in reversed(header_periods[:i - offset]) if p is not None), None)
            if row_period is not None and col_period is not None and dated_columns == 1:
                # "| Total revenue, year ended 31 December 2029 | 2,793,820 |" under a header of one period: a row
                # naming a period of its own is of that period (a comparative line under the year's table)
                col_period = row_period
            company = _company(r, named or (columns[i - offset] if col is not None else None) or owner)
            if company is None:
                continue  # a column about a company that is not watched
            found = row_metric or (_column_metric(r, col, said) if col is not None else None) or topic
            if found is None and (segment is not None or after_parts and _TOTAL.match(r.text, row[0].start, row[0].end)):
                # "Revenue mix" over "| Open platform | 173.5 |" and "| Open platform share of revenue | 55.1% |": a row
                # naming only a segment is of the caption's metric, whatever metric another row names; so is the
                # "Total" row under such rows, the whole
                parts = parts or [_caption_metric(r, table, frame, around, True)]
                found = parts[0]
            base = of or above
            if row_metric is None and col is not None and i - offset >= 1:
                found, base = _change_column(r, header[i - offset - 1], col, found, above, said)
            elif row_metric is not None and col is not None and _of_changes(r, col, col_period):
                found, base, col_period = _change_of(r, row_metric), row_metric[0], _changed_period(header_periods, i - offset)
            if col_period is None and table_period is None and row_metric is None and col is not None \
                    and _column_metric(r, col, said) is not None:
                # "| 公司 | 总市值 | 10月涨跌幅（%） |" under "10月31日收盘总市值": a column of a metric the header leaves
                # undated is of the caption's period, whatever period another column's heading names
                caption_period = caption_period or [_caption_period(r, frame)]
                col_period = caption_period[0]
            period = col_period or row_period or table_period or (shared if found and not _instant(r, found) else None)
            if found is None or period is None or (col is not None and _part_of(r, col) and found[1] is None):
                continue
            if col is not None and _instant(r, found):
                period = _trading_day(r, _at_month_end(r, [*labels, *_heading(col)], period), frame)
            part = segment or (_column_segment(r, col) if row_metric is None and col is not None else None)
            if part and found[1] is None:
                found = (found[0], part, found[2])  # "| 云端部署 | 2.36 | 32.0% |": the columns' metrics of a segment
            q = _with_unit(r, q, labels, col, caption or (declared if declared and _of_amounts(r, found) else None))
            if qualifier == "eq" and rough and (rough is True or not rough.isdisjoint(found[0])):
                qualifier = "approx"  # "(trillions of tokens per day, all approximate)": every figure is about so much
            fact = _fact(r, company, found, period, q, qualifier, row, base)
            if fact is not None:
                facts.append(fact)
        after_parts = segment is not None and bool(parts) and parts[0] is not None
        above, above_period = (row_metric[0], _latest(row_period, above_period if row_metric[0] == above else None)
                               ) if row_metric else ((), None)
        flat = broken is not None
        if own is not None and labels and labels[0] is row[0]:
            parent, parent_numbers, flat = (own, _column(r.text, row[0].start)), numbers, True
    return facts, cells


# Where a clause of a caption or a note ends: "注：总市值按收盘价计算；调用量均为约数".
_CLAUSE_END = re.compile(r"[；;。]|\.\s")


def _rough(r: _Reading, frame: _Frame) -> bool | frozenset[str]:
    """Which figures a caption or a note says are approximate ("(trillions of tokens per day, all approximate)",
    "注：…；token调用量均为约数"): all (True), none (False), or those of the metrics its clause names (the clause
    "调用量均为约数" beside "总市值按收盘价计算" is about the token counts only, when another clause names another
    metric; a metric's scoped variants count too)."""
    names: set[str] = set()
    for s, e in [*frame.above, *frame.below]:
        cues = None  # the line's metric words, read once it says something is approximate
        for m in APPROXIMATE.finditer(r.text, s, e):
            a = max((c.end() for c in _CLAUSE_END.finditer(r.text, s, m.start())), default=s)
            b = next((c.start() for c in _CLAUSE_END.finditer(r.text, m.end(), e)), e)
            if cues is None:
                cues = [c for c in r.book.find(r.text, s, e, lowered=r.lowered) if c.role == "metric"]
            said = {n for c in cues if a <= c.start < b for n in c.names}
            if not said or all(set(c.names) <= said for c in cues):
                return True  # a line about one metric: its figures are all approximate
            names |= said | {v for scope in r.book.scopes.values() for k, v in scope.items() if k in said}
    return frozenset(names) if names else False


def _of_whole(r: _Reading, col: Cell) -> bool:
    """True for a column heading that is a share of a whole ("% of total", "% of revenue", "占比"), no period; a bare
    "%" may head changes ("%" under "變動")."""
    return not _blank(col) and (_SHARE_HEAD.fullmatch(r.text, col.start, col.end) is not None or any(
        "revenue_share" in c.names for c in r.book.find(r.text, col.start, col.end, lowered=r.lowered))) and not any(
        _CHANGE_HEADER.fullmatch(r.text, h.start, h.end) for h in _heading(col))


_SHARE_HEAD = re.compile(r"[（(]?[%％][)）]?\s(?i:of)\s[^\n\d]{1,30}")


def _parts(r: _Reading, numbers: dict, parent, parent_numbers: dict) -> bool:
    """True when a row's figures can be parts of the amounts of the metric row above it: each no more than the
    figure above it in its column ("营业收入 12.13" over "本地化部署 4.98" and "云端部署 7.15", a table that does not indent
    its breakdown)."""
    if parent is None or not any("currency" in r.book.metrics[n].units and r.book.metrics[n].segment != "none"
                                 for n in parent[0][0]):
        return False
    shared = [i for i in numbers if i in parent_numbers]
    return bool(shared) and all(0 <= numbers[i][0].value <= parent_numbers[i][0].value for i in shared)


# A heading of a column that counts part of the one to its left: "of whom research and development staff", "其中".
_PART_OF = re.compile(r"(?i:of\swhom|of\swhich)\b|其中")
# A heading of a column measured at the end of each row's month: "Employees at month end", "月末人数".
_MONTH_END = re.compile(r"(?i:month[\s-]end|end\sof\s(?:the\s)?month)|月末|月底")


def _part_of(r: _Reading, col: Cell) -> bool:
    """True when a column's heading says it counts part of another ("of whom ..."): with no segment it names, its
    figures are of no metric the reader knows."""
    return any(_PART_OF.match(r.text, h.start, h.end) for h in _heading(col))


def _at_month_end(r: _Reading, heads: list[Cell], period: PeriodMention) -> PeriodMention:
    """A month dating a figure measured at a moment, under a heading or beside a row label saying "at month end"
    ("Employees at month end   1,428" under "November 2029"): the month's last day."""
    end = period_end(period.label) if period.kind == "flow" and len(period.label) == 7 else None
    if end is None or not any(_MONTH_END.search(r.text, h.start, h.end) for h in heads):
        return period
    return replace(period, kind="date", label=end.isoformat(), flow=None)


def _trading_day(r: _Reading, period: PeriodMention, frame: _Frame) -> PeriodMention:
    """A month's end dating a figure measured at a moment ("5月末总市值", "Employees at month end" under "May 2031"),
    when the table's caption or note names one other day of that month ("注：总市值按5月29日收盘价计算", "Prices as of
    May 29"): that day, the month's last trading day (the market closed before the calendar's end)."""
    if period.kind != "date" or (end := period_end(period.label[:7])) is None or period.label != end.isoformat():
        return period
    days = {p.label for s, e in [*frame.below, *frame.above]
            for p in find_periods(r.text, r.doc_date, s, e, lowered=r.lowered)
            if p.kind == "date" and p.label[:7] == period.label[:7] and p.label != period.label}
    return replace(period, label=days.pop()) if len(days) == 1 else period


# A row naming a metric it does not hold: what the metric cost ("Cost of revenue", "Costs of sales"), what selling
# cost ("Sales and marketing", "Selling expenses"), other items ("其他收入及虧損淨額", "Other losses, net": a line of the
# statement, not the loss for the period), finance costs with them ("財務成本及其他虧損淨額", "Finance costs and other
# losses, net").
_NOT_ITS_METRIC = re.compile(r"(?i:costs?\sof\s|sales\sand\smarketing\b|selling\s(?:and|expenses?)\b|other\s"
                             r"|finance\s(?:costs?|expenses?|income)\b)|其他|其它|(?:財務|财务|融資|融资)(?:成本|費用|费用|收入)")


def _header_periods(r: _Reading, table: Table, frame: _Frame) -> list[PeriodMention | None]:
    """The period heading each column: a period, a year ("2024", "2024A", with any months named over the header),
    or a year-earlier phrase ("上年同期", "A year earlier"): the nearest dated column to its left, a year earlier."""
    header = table.rows[0]
    years = any(_YEAR_CELL.fullmatch(r.text, h.start, h.end) for c in header for h in _heading(c))
    months = _column_months(r, frame) if years else None
    periods = [next((p for h in _up_to_change(r, c) if (p := _heading_period(r, h, _group_months(r, c) or months))
                     is not None), None) for c in header]
    ended = None  # how many months end on each dated column, from "Three Months Ended" over the header
    for i, cell in enumerate(header):
        if (p := periods[i]) is not None and p.kind == "date":
            ended = _months_ended(r, frame) if ended is None else ended
            day = date.fromisoformat(p.label)
            label = months_label(day.year, day.month - ended + 1, day.month) if ended and day.month >= ended else None
            if label is not None:
                periods[i] = PeriodMention(p.start, p.end, "flow", label, p.years)
        if periods[i] is None and any(p.kind == "prior" for h in _heading(cell)
                                      for p in find_periods(r.text, r.doc_date, h.start, h.end, lowered=r.lowered)):
            dated = next((p for p in reversed(periods[:i]) if p is not None), None)
            periods[i] = shift_year(dated, -1) if dated is not None else None
        elif (p := periods[i]) is not None and _MONTH_CELL.fullmatch(r.text, p.start, p.end):
            # a month named alone under a year ("2028" over "| Nov | Dec |"): that year's, not the latest such month
            year = next((m.group("y") for h in _heading(cell)[1:] if (m := _YEAR_CELL.fullmatch(r.text, h.start, h.end))),
                        None)
            if year is not None:
                periods[i] = PeriodMention(p.start, p.end, "flow", f"{year}{p.label[4:]}", (int(year),))
    return periods


# A line over a header of days saying how many months end on each: "Three Months Ended", "Nine months ended",
# "Quarter ended", "Year Ended" ("September 30, 2030   June 30, 2030" under it).
_ENDED_OVER = re.compile(r"\s{0,80}(?i:(?P<n>three|six|nine|twelve|3|6|9|12)[\s-]months?|(?P<q>quarter)|(?P<y>year)"
                         r"|(?P<f>fiscal\syear))\s(?i:ended|ending)[:,]?\s{0,8}")


def _months_ended(r: _Reading, frame: _Frame) -> int:
    """How many months end on each day heading a column, from the line just over the header ("Three Months Ended"
    over "September 30, 2030   June 30, 2030": two quarters); 0 when that line says none."""
    if not frame.above:
        return 0
    m = _ENDED_OVER.fullmatch(r.text, *frame.above[0])
    if m is None:
        return 0
    return 3 if m.group("q") else 12 if m.group("y") or m.group("f") else _LEN[m.group("n").lower()]


# A row that sums the ones above it: "Total revenues", "Total", "合計", "收入總額".
_TOTAL = re.compile(r"(?i:total\b)|合計|合计|總計|总计|總額|总额|總收入|总收入")


def _totalled(r: _Reading, body, around: str) -> dict[int, tuple]:
    """The rows naming only a segment, each with the metric of the total row right under their run ("Consumer
    subscriptions   474,310" and "API and enterprise services   584,410" over "Total revenues   1,058,720"): a
    statement lists a metric's parts, then their total. Keyed by the start of the row's label."""
    found: dict[int, tuple] = {}
    run: list[tuple[int, str]] = []
    for row in body:
        if len(row) < 2 or _blank(row[0]):
            run = []
            continue
        label = row[0]
        own = _row_metric(r, [label], around)[0]
        if own is None:
            segment = _segment(r, label)
            run = [*run, (label.start, segment)] if segment is not None else []
            continue
        if run and own[1] is None and _TOTAL.search(r.text, label.start, label.end):
            found.update((k, (own[0], segment, own[2])) for k, segment in run)
        run = []
    return found


def _up_to_change(r: _Reading, cell: Cell) -> list[Cell]:
    """A column's headings, nearest first, up to a change heading: a change column under a period group ("變動" under
    "截至9月30日止三個月") is dated by the columns left of it (see _changed_period), not by the group's day."""
    heads = _heading(cell)
    for i, h in enumerate(heads):
        if i and not _blank(h) and _CHANGE_HEADER.fullmatch(r.text, h.start, h.end) and _DIGIT.search(
                r.text, h.start, h.end) is None:
            return heads[:i]
    return heads


def _shared_period(r: _Reading, header: tuple[Cell, ...], periods: list[PeriodMention | None]) -> PeriodMention | None:
    """The period a header of metrics writes once, in its first metric's heading ("| 公司 | 2026年营收 | 同比变动 |
    毛利率 | 研发开支 |"): the columns that name none are of the same year. None when the header names another period or
    its one period heads a column of periods ("| 指标 | 2026年 | 同比 |"), not of a metric."""
    dated = [(c, p) for c, p in zip(header, periods, strict=True) if p is not None]
    if len(dated) != 1 or dated[0][1].kind != "flow":
        return None
    cell, period = dated[0]
    named = any(m.role == "metric" for h in _heading(cell) for m in r.book.find(r.text, h.start, h.end, lowered=r.lowered))
    return period if named else None


def _corner_period(r: _Reading, header: tuple[Cell, ...], periods: list[PeriodMention | None]) -> PeriodMention | None:
    """The period a header writes once, in the cell over the row labels ("项目（2028年度）   智谱   MiniMax", "Item
    (FY2028)   Revenue   Margin"): a table whose columns are companies or metrics is of that period (as with
    _shared_period, a market value or a headcount is not). None when another header cell is dated, or the first
    cell is the period alone (a header without a label cell: "2028年   2027年")."""
    if not periods or periods[0] is None or any(periods[1:]) or periods[0].kind != "flow":
        return None
    cell = header[0]
    return periods[0] if r.text[cell.start:cell.end].strip() != r.text[periods[0].start:periods[0].end] else None


def _instant(r: _Reading, found) -> bool:
    """True when a metric is measured at a moment (a market value, a headcount): a year heading no column of it."""
    return any(r.book.metrics[n].instant for n in found[0])


def _latest(period: PeriodMention | None, other: PeriodMention | None) -> PeriodMention | None:
    """The later of a row's period and the one of the rows of the same metric just above it: a change row under
    "Revenue, 1Q27" and "Revenue, 1Q26" ("YoY growth") is about the later one, the other is its base."""
    if period is None or other is None:
        return period
    return max(period, other, key=lambda p: period_end(p.label) or date.min)


def _changed_period(header_periods: list[PeriodMention | None], k: int) -> PeriodMention | None:
    """The period a change column headed by no period ("YoY") is about: the latest of the dated columns just left of
    it ("3Q26 | 3Q25 | YoY | 9M26 | 9M25 | YoY": the second is about 9M26), else the latest of the header."""
    group = list(takewhile(lambda p: p is not None, reversed(header_periods[:k]))) or header_periods
    latest = max((p for p in group if p is not None), key=lambda p: period_end(p.label) or date.min, default=None)
    # "| 3Q30A | 3Q30E | Cons. | 3Q29A | YoY |": the change is of the column a year after the one left of it
    later = shift_year(latest, 1) if latest is not None else None
    return next((p for p in header_periods if later is not None and p is not None and p.label == later.label), latest)


def _caption_metric(r: _Reading, table: Table, frame: _Frame, around: str, segments: bool = False):
    """The metric of a table whose rows name none: the one the nearest line above naming a metric names ("智谱与
    MiniMax营收对比", "Revenue by company (US$ m)", "以下均为各家披露的日均调用量。", "REVENUE BY SEGMENT" over
    columns "US$'000 | % of total": the columns whose heading names no metric); a line naming two ("营收与毛利率")
    gives none, and so does a sentence of the story ("公司表示将加大研发投入。"): it is no caption. With `segments`, for
    the rows naming only a segment, whatever the other rows name."""
    if not segments and any(r.book.may_name_metric(r.lowered, c.start, c.end) and any(
            m.role == "metric" for m in r.book.find(r.text, c.start, c.end, lowered=r.lowered))
           for row in table.rows[1:] if len(row) > 1 for c in row):  # a heading line is a caption of its own
        return None
    for s, e in [*frame.below, *frame.above]:
        declared = _declared_metric(r, s, e)
        if declared is not None:
            return declared
    for s, e in frame.above:
        cues = [c for c in r.book.find(r.text, s, e, lowered=r.lowered) if c.role == "metric"]
        if cues:
            # a caption names its metric as a heading does, before any figure: a word that is also a cue for the
            # number before it ("七成收入" is a share) says nothing more here
            named = {c.names for c in cues if c.side == "before"} or {c.names for c in cues}
            one = len(named) == 1 and _is_caption(r.text, s, e)
            return _metric(r, [Cell(s, e)], around) if one else None
    return None


def _declared_metric(r: _Reading, start: int, end: int):
    """The metric a table's declared unit names ("单位：万亿tokens/日", "Units: million tokens/day"): the words of the
    unit right after "单位：" say what every figure counts, whatever else the line says ("为了看清增长的斜率…")."""
    m = _CAPTION.search(r.text, start, end)
    if m is None or m.group("u1") is None and m.group("s1") is None:
        return None
    cues = [c for c in r.book.find(r.text, m.end(), min(end, m.end() + 12), lowered=r.lowered) if c.role == "metric"]
    return (cues[0].names, None, None) if cues and cues[0].start - m.end() <= 1 else None


# How a sentence of the story ends; a caption ends without ("2025年核心数据") or with a colon ("数据如下：").
_SENTENCE_END = frozenset("。.!?！？…")
# Words by which a sentence points to the table under it: "以下为各公司数据。", "数据见下表。", "The table below shows
# …", "are as follows." "以下" opens its clause: after a digit or a word ("30岁以下") it is "below" a bound.
_POINTS_DOWN = re.compile(r"(?:^|[：:，,。；;、]|\s)\s?以下|如下|下表|下列|(?i:\bthe\sfollowing\b|\bas\sfollows\b"
                          r"|\b(?:table|chart|figures|shown|set\sout|listed|see)\sbelow\b)")


def _is_caption(text: str, start: int, end: int) -> bool:
    """True when the line text[start:end] reads as a table's caption or its introduction, not a story's sentence:
    it ends without a sentence's stop, or it points down to the table ("以下都是各家披露的日均调用量。")."""
    line = text[start:end].rstrip()
    return bool(line) and (line[-1] not in _SENTENCE_END or _POINTS_DOWN.search(line) is not None)


def _segment(r: _Reading, cell: Cell) -> str | None:
    """The segment a row's label names when it names no metric ("云端部署", "Open platform and enterprise")."""
    cues = r.book.find(r.text, cell.start, cell.end, lowered=r.lowered)
    return next((c.names[0] for c in cues if c.role == "segment"), None)


def _column_segment(r: _Reading, col: Cell) -> str | None:
    """The segment a column's heading names ("RMB'000" under "Cloud-based deployment"), for a row naming no metric:
    a table of periods as rows and segments as column groups."""
    return next((found for h in _heading(col) if (found := _segment(r, h)) is not None), None)


def _column(text: str, pos: int) -> int:
    return pos - _line_start(text, pos)


# A label marked as a sub-row by a dash or "of which" rather than by indenting: "- Open platform", "– Consumer", "其中：".
_SUB_ROW = re.compile(r"[-–—•·]\s|(?i:of\swhich\b)|其中")


def _breakdown(r: _Reading, labels: list[Cell], parent, flat: bool = False):
    """"Revenue … / ␣␣On-premise deployment …": a row indented under a metric row, naming only a segment, is that
    metric's segment; so is one right under it, or under its other segments, with figures that fit as parts (flat,
    see _parts)."""
    if parent is None or not labels or (not flat and _column(r.text, labels[0].start) <= parent[1]
                                         and not _SUB_ROW.match(r.text, labels[0].start, labels[0].end)):
        return None
    cues = r.book.find(r.text, labels[0].start, labels[0].end, lowered=r.lowered)
    segment = next((c.names[0] for c in cues if c.role == "segment"), None)
    return (parent[0][0], segment, parent[0][2]) if segment else None


# A column of changes: "YoY change", "YoY", "同比", "按年變動", "Change (%)", "变动", "增减变动幅度（%）".
_CHANGE_HEADER = re.compile(r"(?i:yoy|y/y|year-over-year|year-on-year)?\s?(?i:change|growth|%\s?change)?\s?(?:\(%\)|（%）)?"
                            r"|(?:增减|增減)?(?:变动|變動)(?:幅度|率)?\s?(?:\(%\)|（%）|%)?|(?:增减|增減)\s?(?:\(%\)|（%）|%)?"
                            r"|同比(?:增长|增長|变动|變動)?|按年(?:增长|增長|变动|變動)?")


# A change written after a row's metric: "收入同比", "营收增速", "Revenue YoY (%)", "Revenue growth".
_CHANGE_AFTER = re.compile(
    r"(?:(?i:yoy|y/y|year-over-year|year-on-year)(?:\s?(?i:growth|change))?|(?i:growth|%\s?change|change)"
    r"|(?:同比|按年)(?:增长率?|增長率?|增速|增幅|变动|變動)?|增速|增幅|增长率|增長率)\s?(?:\(%\)|（%）|%)?")
# What stands between the two metrics of a ratio row: "研发投入/收入", "R&D to revenue (x)".
_RATIO_SIGNS = ("/", "／", "÷", " to")


def _row_metric(r: _Reading, labels: list[Cell], around: str):
    """The metric a row's label names, and the metric that one is of (for the base of a change), or (None, None).

    "收入同比 | 325%": a metric with a change word after it is that metric's change (revenue growth, of revenue).
    "研发投入/收入 | 8.3倍": a ratio of two metrics is the metric that needs the first one's words (R&D: rd_to_revenue).
    """
    for cell in labels:
        cues = [c for c in r.book.find(r.text, cell.start, cell.end, lowered=r.lowered) if c.role == "metric"]
        if not cues:
            continue
        ratio = _ratio(r, cell, cues[-1])
        if ratio is not None:
            return ratio, None
        found = _metric(r, [cell], around)
        if found is not None and _CHANGE_AFTER.fullmatch(r.text[cues[0].end:cell.end].strip()):
            change = _change_of(r, found)
            if change is not None:
                return change, found[0]
        return found, None
    return None, None


def _ratio(r: _Reading, cell: Cell, denominator):
    """The metrics a label "A / B" may be when B is a metric cue: those whose required words are in A."""
    head = r.text[cell.start:denominator.start].rstrip()
    sign = next((s for s in _RATIO_SIGNS if head.casefold().endswith(s)), None)
    if sign is None or len(head) == len(sign):
        return None
    numerator = head[:-len(sign)].casefold()
    names = tuple(n for n, rule in r.book.metrics.items() if rule.requires and any(w in numerator for w in rule.requires))
    return (names, None, None) if names else None


# A row of profit, which a table writes in brackets when it is a loss: "经调整净利润 | (3,920)", "Net income | (52.1)".
_PROFIT = re.compile(r"(?P<adj>经调整|經調整|调整后|調整後|(?i:adjusted\s|adj\.\s?|non-ifrs\s|non-gaap\s))?"
                     r"(?:净利润|淨利潤|(?i:net\s(?:profit|income)\b|net\s\(loss\)))")  # "Adjusted net (loss)": a profit in brackets


def _loss_as_profit(r: _Reading, labels: list[Cell]):
    """The loss metric of a row of profit ("经调整净利润", "Adjusted net income"): its figures in brackets or with a
    minus sign are losses (a positive one is a profit, no fact)."""
    m = next((m for c in labels[:1] if (m := _PROFIT.search(r.text, c.start, c.end)) is not None), None)
    if m is None:
        return None
    return (("adjusted_net_loss",) if m.group("adj") else ("net_loss",)), None, None


def _of_changes(r: _Reading, col: Cell, period: PeriodMention | None) -> bool:
    """True for a column of changes: its own heading says so ("变动" under the group "第三季度", which is no period of
    it) or, when no heading dates it, one over it does ("YoY" over "(%)")."""
    return bool(not _blank(col) and _CHANGE_HEADER.fullmatch(r.text, col.start, col.end)) or period is None and any(
        _CHANGE_HEADER.fullmatch(r.text, h.start, h.end) for h in _heading(col))


def _is_change(r: _Reading, row_metric) -> bool:
    """True when a row's metric is a change of another ("growth y/y", "营收同比"): its base is the row above's."""
    return any(r.book.metrics[n].base for n in row_metric[0])


def _column_metric(r: _Reading, col: Cell, around: str):
    """The metric a column's heading names: a ratio of two metrics ("研发开支/营收" over "2.8倍") as a row's label
    names it, else the first metric named."""
    for h in _heading(col):
        cues = [c for c in r.book.find(r.text, h.start, h.end, lowered=r.lowered) if c.role == "metric"]
        ratio = _ratio(r, h, cues[-1]) if cues else None
        if ratio is not None:
            return ratio
    return _metric(r, _heading(col), around)


def _change_of(r: _Reading, row_metric):
    """The change metric of a row's metric (revenue → revenue growth), or None."""
    names = tuple(n for n, rule in r.book.metrics.items() if rule.base and rule.base in row_metric[0])
    return (names, row_metric[1], row_metric[2]) if names else None


def _change_column(r: _Reading, left: Cell, col: Cell, found, above: tuple[str, ...], around: str):
    """"| 营业收入 | 同比 |", "| Revenue | YoY |": a change column is about the metric of the column to its left.

    Returns the metric (a bare "同比" header is the change of whatever metric has that base) and the base.
    """
    left_metric = _metric(r, _heading(left), around)
    if left_metric is None:
        return found, above
    bases = left_metric[0]
    if found is None:
        cues = r.book.find(r.text, col.start, col.end, lowered=r.lowered)
        if not any(c.role == "comparison" for c in cues) or r.text[col.start:col.end].strip() not in _BARE_CHANGE:
            return None, above
        names = tuple(n for n, rule in r.book.metrics.items() if rule.base in bases)
        return ((names, left_metric[1], left_metric[2]) if names else None), bases
    return found, bases


# Headers that name a change and nothing else: the column to their left says of what.
_BARE_CHANGE = frozenset({"同比", "按年", "同比增长", "同比增長", "按年增長", "按年增长", "同比变动", "同比變動"})


def _cell_number(r: _Reading, cell: Cell) -> tuple[Quantity, str] | None:
    """The number filling a cell ("1.245", "US$53.4m", "2,466m", "56.3%") and its qualifier, or None.

    A cell may hold one qualifier word or sign beside its number ("约3.1亿元", "over US$34m", "60%以上", "＞60%",
    "20多亿元"): the number is approximate or a bound, not exact; or a points word after it ("-5.3 pts"): a change
    in percentage points. Any other word in the cell makes it no number cell.
    """
    if _blank(cell):
        return None
    text, start, end, neg = r.text, cell.start, cell.end, False
    sign = _LONE_SIGN.match(text, start, end) if text[start] in _SIGN_FIRSTS else None  # "$   77,140", see _glue_signs
    if sign is not None:
        start = sign.end()
    if text[start] in "(（" and text[end - 1] in ")）" and end - start > 2:
        start, end, neg = start + 1, end - 1, True  # "(179,300)": an accountant's negative
    elif text[start] == "+" and end - start > 1 and text[start + 1].isdigit():
        start += 1  # "+151%": a change cell's explicit sign
    m = _NUMBER.fullmatch(text, start, end)
    qualifier, points = "eq", False
    if m is None and not neg:
        m = _NUMBER.search(text, start, end)
        if m is None:
            return None
        after = text[m.end():end]
        points = after.strip().casefold() in _POINTS and not m.group("pre") and not m.group("suf")
        qualifier = _cell_qualifier(r, text[start:m.start()], "" if points else after)
        if qualifier is None:
            return None
    if m is None or (neg and m.group("neg")):
        return None
    odd = m.group("odd") or m.group("odd2")
    if odd and qualifier == "eq":
        qualifier = r.after_qualifiers.get(odd, qualifier)  # "20多亿元": more than 20亿元, as a sentence reads it
    read = _reading(m.group("neg"), m.group("pre") or (sign and sign.group("sign")), *m.group("num", "frac", "scale", "suf"))
    if read is None:
        return None
    if points:
        read = (read[0], "pp", "pp", *read[3:])
    return Quantity(cell.start, cell.end, -read[0] if neg else read[0], *read[1:]), qualifier


# Words a change column writes after a number of percentage points: "-5.3 pts", "+2.1 pt", "3.4个点".
_POINTS = frozenset({"pts", "pt", "pts.", "pt.", "points", "个点", "個點"})


def _cell_qualifier(r: _Reading, before: str, after: str) -> str | None:
    """The qualifier the words around a cell's number make ("约" approx, "以上" gt), or None when they are other words."""
    before, after = before.strip().casefold(), after.strip().casefold()
    if (before and before not in r.before_qualifiers) or (after and after not in r.after_qualifiers):
        return None
    return r.before_qualifiers.get(before) or r.after_qualifiers.get(after) or "eq"


# A broker's column: "9M25A", "FY24A" (actual), "1H26E", "2026F" (estimate, forecast), "2025P" (projection).
_MARKED = re.compile(r"[^\n|]{0,16}[0-9](?P<mark>[AaEeFfPp])")


def _estimate(r: _Reading, cell: Cell) -> bool:
    """True for a column headed as an estimate, a forecast or a projection ("FY2029E", "2030F", "3Q26E")."""
    return any((m := _MARKED.fullmatch(r.text, h.start, h.end)) is not None and m.group("mark") not in "Aa"
               for h in _heading(cell))


def _heading_period(r: _Reading, cell: Cell, months: tuple[int, int] | None) -> PeriodMention | None:
    """The period a header cell names: a year ("2024", "2024A", over the months named above the header) or a period."""
    if _YEAR_CELL.fullmatch(r.text, cell.start, cell.end):
        return _year_column(r, cell, months)
    return _column_period(r, cell)


def _column_period(r: _Reading, cell: Cell) -> PeriodMention | None:
    """The period heading a column; a period marked as an estimate is none."""
    m = _MARKED.fullmatch(r.text, cell.start, cell.end)
    if m is None:
        return _period(r, cell)
    return _period(r, Cell(cell.start, cell.end - 1)) if m.group("mark") in "Aa" else None


def _period(r: _Reading, cell: Cell) -> PeriodMention | None:
    found = [p for p in find_periods(r.text, r.doc_date, cell.start, cell.end, lowered=r.lowered) if p.kind in ("flow", "date", "span")]
    return found[0] if len(found) == 1 else _month_cell(r, cell) if not found else None


# A cell that is a month's name alone: "May", "Jun", "Sept.", "July" (a column of a monthly table).
_MONTH_CELL = re.compile(r"(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?")


def _month_cell(r: _Reading, cell: Cell) -> PeriodMention | None:
    """The month a cell naming one month alone heads ("| Provider | May | Jun | Jul |"): in a table, where "May" is no
    verb, the latest such month by the document's date, as a sentence's "5月" is."""
    if r.doc_date is None or not _MONTH_CELL.fullmatch(r.text, cell.start, cell.end):
        return None
    month = _MONTHS[r.text[cell.start:cell.end].rstrip(".").lower()]
    year = latest_year(month, r.doc_date)
    return PeriodMention(cell.start, cell.end, "flow", f"{year}-{month:02d}", (year,))


def _year_column(r: _Reading, cell: Cell, months: tuple[int, int] | None) -> PeriodMention | None:
    """"2024" or "2024A" heading a column: that year, or its months named over the header; "2025E" is an estimate."""
    m = _YEAR_CELL.fullmatch(r.text, cell.start, cell.end)
    if m is None or (m.group("mark") or "A") not in "Aa":
        return None
    y = int(m.group("y"))
    label = months_label(y, *months) if months else f"FY{y}"
    return PeriodMention(cell.start, cell.end, "flow", label, (y,)) if label else None


# The months of year columns under a line naming two groups ("Three months ended …   Nine months ended …") the
# header does not line up with: which year is of which is unknown, so none is dated (months_label names no (0, 0)).
_MIXED_MONTHS = (0, 0)


def _column_months(r: _Reading, frame: _Frame) -> tuple[int, int] | None:
    """(first, last) month of the year columns, from "Six months ended 30 June" in the lines just above the header;
    _MIXED_MONTHS when that line names two groups."""
    for s, e in frame.above:
        found = {m for m in map(_months_of, _COLUMN_MONTHS.finditer(r.text, s, e)) if m is not None}
        if found:
            return found.pop() if len(found) == 1 else _MIXED_MONTHS
    return None


def _group_months(r: _Reading, cell: Cell) -> tuple[int, int] | None:
    """(first, last) month of a year column from the period group over it ("Three months ended 30 June", "第三季度",
    "前三季度" over "2027   2026"), or None."""
    over = _heading(cell)[1:]
    found = next((found for h in over if (found := _months_in(r, h.start, h.end) or _named_months(r, h)) is not None),
                 None)
    if found is None and len(over) > 1:  # a group heading wrapped over lines: "Three Months Ended" over "December 31,"
        m = _COLUMN_MONTHS.search(" ".join(r.text[h.start:h.end] for h in over))
        found = None if m is None else _months_of(m)
    return found


_YEAR_IN = re.compile(r"(?:19|20)[0-9]{2}")


def _named_months(r: _Reading, cell: Cell) -> tuple[int, int] | None:
    """(first, last) month of the one period of a year a group heading names ("第三季度", "前三季度", "Fourth quarter"),
    the year left to the columns under it; None for a heading naming a year ("2027" over "RMB'000") or no such
    period (a day, a company)."""
    if _YEAR_IN.search(r.text, cell.start, cell.end):
        return None
    period = _period(r, cell)
    if period is None or period.kind != "flow":
        return None
    start, end = period_start(period.label), period_end(period.label)
    return (start.month, end.month) if start is not None and end is not None and start.year == end.year else None


def _months_in(r: _Reading, s: int, e: int) -> tuple[int, int] | None:
    """(first, last) month that "Six months ended 30 June", "截至6月30日止六個月" or "Year ended 31 December" in
    text[s:e] covers, or None (a year ending in another month than December is no calendar year)."""
    m = _COLUMN_MONTHS.search(r.text, s, e)
    return None if m is None else _months_of(m)


def _months_of(m: re.Match) -> tuple[int, int] | None:
    """(first, last) month a match of _COLUMN_MONTHS covers, or None."""
    if m.group("mo"):
        last = _MONTH_NUMBERS.get(m.group("mo").lower()[:3])
        n = 12 if m.group("yr") else 3 if m.group("qr") else _LEN.get(m.group("n").lower())
    else:
        last, n = int(m.group("m")), 12 if m.group("zy") else _LEN.get(m.group("zn"))
    return (last - n + 1, last) if last and n and n <= last else None


def _caption_period(r: _Reading, frame: _Frame) -> PeriodMention | None:
    """The period of a table whose header names none: the one a note under it names ("注：均为2025财年数据", "Note:
    figures are for 1H26"), else the one the nearest line above naming a period names (a caption "2024年核心数据",
    or the sentence introducing the table).

    A line naming two periods ("2023年与2024年") dates nothing; a period named twice is one. A span of months wins
    over a day in the same line ("3月30日披露2025年度业绩"): the day is when it was said; a line naming only a day
    ("截至6月9日收盘") dates a table of market values.
    """
    for s, e in [*frame.below, *frame.above]:
        found = [p for p in find_periods(r.text, r.doc_date, s, e, lowered=r.lowered) if p.kind in ("flow", "date")]
        flows = [p for p in found if p.kind == "flow"]
        labels = {p.label: p for p in flows or found}
        if labels:
            return next(iter(labels.values())) if len(labels) == 1 else None
    return None


def _caption_text(r: _Reading, frame: _Frame) -> str:
    """The casefolded text of the lines above a table and of the note under it, where required words may be."""
    return " ".join(r.text[s:e] for s, e in [*frame.above, *frame.below]).casefold()


def _note_below(text: str, end: int) -> list[tuple[int, int]]:
    """The span of the first non-empty line under a table when it is a note, as a list (empty when it is none)."""
    pos = text.find("\n", end)
    for _ in range(2 * CAPTION_LINES):
        if pos < 0:
            break
        s, pos = pos + 1, text.find("\n", pos + 1)
        e = len(text) if pos < 0 else pos
        if text[s:e].strip():
            return [(s, e)] if NOTE.match(text, s, e) else []
    return []


def _lines_above(text: str, pos: int) -> list[tuple[int, int]]:
    """The spans of the CAPTION_LINES non-empty lines above the line holding pos (blank lines between count, up to
    a point)."""
    spans, lines = [], 0
    pos = _line_start(text, pos)  # a markdown table's first cell is past its line's "| "
    for _ in range(3 * CAPTION_LINES):
        if pos <= 0 or lines == CAPTION_LINES:
            break
        s = text.rfind("\n", max(0, pos - 2000), pos - 1) + 1
        if text[s:pos].strip():
            spans.append((s, pos))
            lines += 1
        pos = s
    return spans


def _metric(r: _Reading, cells: list[Cell], around: str):
    """The first metric cue in the cells, with any segment or scope cue beside it: (rules, segment, scope).

    A rule that requires words ("R&D" for rd_to_revenue) is left out unless its cell or the text around it (the
    table's caption and note, casefolded, and for a column's header the row's label) has them: "Relative to
    revenue (x)" under "Zhipu: R&D intensity" is R&D to revenue.
    """
    for cell in cells:
        cues = r.book.find(r.text, cell.start, cell.end, lowered=r.lowered)
        metric = next((c for c in cues if c.role == "metric"), None)
        if metric is None:
            continue
        said = r.text[cell.start:cell.end].casefold()
        names = tuple(n for n in metric.names if not r.book.metrics[n].requires
                      or any(w in said or w in around for w in r.book.metrics[n].requires))
        segment = next((c.names[0] for c in cues if c.role == "segment"), None)
        scope = next((c.names[0] for c in cues if c.role == "scope"), None)
        return names, segment, scope
    return None


def _named(r: _Reading, start: int, end: int) -> CompanyMention | None:
    """The first company named within text[start:end], watched or not."""
    i = bisect_left(r.company_starts, start)
    if i < len(r.companies) and r.companies[i].end <= end:
        return r.companies[i]
    return None


def _named_heading(r: _Reading, cell: Cell) -> CompanyMention | None:
    """The company a header cell or the merged cell over it names ("| | 智谱 | |" over "| | 2024年 | 2025年 |")."""
    return next((m for h in _heading(cell) if (m := _named(r, h.start, h.end) or _glued(r, h)) is not None), None)


def _label_company(r: _Reading, cell: Cell) -> CompanyMention | None:
    """The company a row's label names, by name or by a name glued to a year ("MiniMax2025年   8260万美元")."""
    return _named(r, cell.start, cell.end) or _glued(r, cell)


# A Latin name written against the year after it, as Chinese headers do ("MiniMax2025年"): no word boundary ends it.
_GLUED_NAME = re.compile(r"[A-Za-z][A-Za-z.&-]{0,30}(?=(?:19|20)[0-9]{2})")


def _glued(r: _Reading, cell: Cell) -> CompanyMention | None:
    """The company a header cell or a row's label names by a name glued to a year ("MiniMax2025年"), when the
    article names that company by the same word elsewhere."""
    m = _GLUED_NAME.match(r.text, cell.start, cell.end)
    if m is None:
        return None
    if r.names is None:
        r.names = {r.text[c.start:c.end].casefold(): c.company for c in r.companies}
    word = m.group().casefold()
    return CompanyMention(m.start(), m.end(), r.names[word]) if word in r.names else None


def _caption_company(r: _Reading, frame: _Frame) -> CompanyMention | None:
    """The one company the nearest line above a table naming any names ("作为对照，智谱2026年上半年主要财务数据如下："):
    a table naming no company in its cells is that company's, not the article's subject. A line naming two names
    none, and so does a sentence of the story ("竞争对手MiniMax亏损更大。"): it is no caption.
    """
    for s, e in frame.above:
        i, j = bisect_left(r.company_starts, s), bisect_left(r.company_starts, e)
        if i < j:
            one = len({m.company for m in r.companies[i:j]}) == 1 and _is_caption(r.text, s, e)
            return r.companies[i] if one else None
    return None


def _company(r: _Reading, named: CompanyMention | None) -> str | None:
    """Whose number it is: the company named in its row, its column's header or the caption, else the article's
    subject.

    None for a company off the watchlist.
    """
    return named.company if named is not None else r.subject


def _caption_unit(r: _Reading, table: Table, frame: _Frame) -> tuple[int, str | None] | None:
    """The unit for the whole table: in a header cell that is no period, a caption in the lines just above it, or a
    note under it ("注：金额单位为人民币亿元")."""
    heads = list(dict.fromkeys(h for c in table.rows[0] for h in _heading(c)))
    for c in heads:
        m = _BARE_UNIT.fullmatch(r.text, c.start, c.end)  # a header cell that is a unit: "RMB million", "人民币亿元"
        if m:
            return unit_of(m.group("c"), m.group("s") or m.group("s2"), m.group("u"))
    # a percent sign heading a column of its own ("环比（%）" beside "10月") is that column's unit, not the table's
    corner = table.rows[0][0] if table.rows[0] else None
    spans = [(c.start, c.end, c is not corner) for c in heads if _period(r, c) is None]
    spans += [(s, e, False) for s, e in frame.above + frame.below]
    top = min((h.start for h in heads), default=table.start)
    if top < _line_start(r.text, table.start):  # a header of several lines: its caption is over the first one
        spans += [(s, e, False) for s, e in _lines_above(r.text, top)]
    for s, e, own in spans:
        found = caption_unit(r.text, s, e, alone=not own)
        if found is not None and not (own and found == (0, "%")):
            return found
    return None


# How a filing declares the unit of all its amounts once, near its top: "amounts in US$'000 unless otherwise stated",
# "(All amounts in RMB thousands unless otherwise indicated)", "除另有说明外，金额单位为人民币千元".
_UNLESS_STATED = re.compile(r"(?i:unless\s(?:otherwise\s)?(?:stated|indicated|specified|noted)|except\s(?:as\s|where\s)?"
                            r"otherwise\s(?:stated|indicated|specified|noted))|除(?:另有|非另有)(?:说明|說明|注明|註明|指明|列明)")
_DECLARATION_WORDS = ("unless", "except", "除另有", "除非另有")  # where such a declaration may start (its first one)
# Where the clause of such a declaration starts and ends.
_DECLARATION_END = re.compile(r"[.;；。\n]")


def _declared_unit(r: _Reading, pos: int) -> tuple[int, str | None] | None:
    """The unit a document declares for its amounts before pos ("Excerpt of pages 18 to 27; amounts in US$'000 unless
    otherwise stated."): a table naming no unit of its own, in the body of such a filing, writes its amounts in it."""
    if r.declared is None:
        r.declared = (len(r.text), None)
        # the words are found by plain search first: a long filing is not scanned by the pattern
        at = sorted(i for w in _DECLARATION_WORDS if (i := r.lowered.find(w)) >= 0)
        for m in (m for i in at if (m := _UNLESS_STATED.match(r.text, i)) is not None):
            a = max((d.end() for d in _DECLARATION_END.finditer(r.text, max(0, m.start() - 160), m.start())),
                    default=max(0, m.start() - 160))
            b = next((d.start() for d in _DECLARATION_END.finditer(r.text, m.end(), m.end() + 160)), m.end())
            unit = caption_unit(r.text, a, b)
            if unit is not None and unit[1] is not None:
                r.declared = (a, unit)
                break
    return r.declared[1] if r.declared[0] < pos else None


def _of_amounts(r: _Reading, found) -> bool:
    """True when a metric found for a cell is one of amounts of money (revenue, a loss), not a count or a rate."""
    return found is not None and any("currency" in r.book.metrics[n].units for n in found[0])


def _written_currency(r: _Reading, body) -> str | None:
    """The one currency the table's cells write ("$84,200" on its first row and its totals, as a 10-Q does), for its
    bare cells under a caption giving only the magnitude ("(in thousands)"); None when they write none or two."""
    found = {q.unit for row in body for c in row if (read := _cell_number(r, c)) is not None
             and (q := read[0]).kind == "currency" and not q.scaled}
    return found.pop() if len(found) == 1 else None


def _with_unit(r: _Reading, q: Quantity, labels: list[Cell], col: Cell | None, caption) -> Quantity:
    """Give a bare cell number the unit of its row label, column header or table caption; a cell writing only its
    currency ("$84,200") takes their magnitude ("(in thousands)")."""
    if q.kind == "currency" and not q.scaled:
        return _scaled(r, q, labels, col, caption)
    if q.kind != "plain":
        return q
    found = None
    for cell in [*labels, *(_heading(col) if col is not None else [])]:
        found = caption_unit(r.text, cell.start, cell.end)
        if found is None and _TIMES.search(r.text, cell.start, cell.end):
            found = (0, "x")
        if found is None and (m := _BARE_SCALE.search(r.text, cell.start, cell.end)):  # "tokens (trillion)(2)"
            found = unit_of(None, m.group("s"), None)
        if found is None and _PERCENT_HEAD.fullmatch(r.text, cell.start, cell.end):
            found = (0, "%")
        if found is not None:
            break
    found = found or caption
    if found is None:
        return q
    power, unit = found
    if q.scaled:  # "312.4m" under "(CNY unless stated)": the cell has the magnitude, the caption the currency
        return replace(q, kind="currency", unit=unit, inherited=True) if unit else q
    return apply_label(q, power, unit)


def _scaled(r: _Reading, q: Quantity, labels: list[Cell], col: Cell | None, caption) -> Quantity:
    """A cell writing its currency but no magnitude ("$84,200") scaled by the magnitude its label, column or caption
    gives in no other currency."""
    found = next((u for c in [*labels, *(_heading(col) if col is not None else [])]
                  if (u := caption_unit(r.text, c.start, c.end)) is not None), caption)
    if found is None or not found[0] or found[1] not in (None, q.unit):
        return q
    return apply_label(replace(q, kind="plain"), found[0], q.unit)


def _fact(r: _Reading, company: str, found, period: PeriodMention, q: Quantity, qualifier: str,
          row: tuple[Cell, ...], above: tuple[str, ...]) -> Fact | None:
    names, segment, scope = found
    for name in names:
        rule = r.book.metrics[name]
        if q.kind not in rule.units or (rule.base and rule.base not in above):
            continue
        if r.doc_date is not None and max(period.years) > r.doc_date.year:
            return None  # a column of estimates
        label = period.label
        if rule.span != (period.kind == "span"):
            continue
        if period.kind == "date" and not rule.instant:
            if not period.flow:
                continue
            label = period.flow
        elif period.kind == "date" and rule.rate and written_as_month_end(r.text, period):
            label = label[:7]  # "6月底   約5.0億美元": a rate at a month's end is the month's, as a sentence reads it
        metric = r.book.scopes.get(scope, {}).get(rule.id, rule.id) if scope else rule.id
        if metric == rule.id and rule.segment != "none":
            if segment and rule.segment == "whole":
                continue  # a segment's row of growth rates: the segment's, not the company's
            if segment:
                metric = f"{metric}.{segment}"
            elif rule.segment == "required":
                continue
        unit = fact_unit(r.book.metrics.get(metric, rule), q)  # a scope may change the unit (tokens a day)
        if unit is None:
            continue
        value = abs(q.value) if rule.loss else q.value
        start, end = row[0].start, row[-1].end
        return Fact(company=company, metric=metric, period=label, value=value, unit=unit, qualifier=qualifier,
                    quote=r.text[start:end], start=start, end=end, confidence=TABLE_CONFIDENCE)
    return None
