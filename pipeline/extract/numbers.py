"""Numbers in text with their magnitude and unit: 5740万元, 1.245亿元, US$30.52 million, 84.8%, 1159倍, 两千亿元,
百分之三十. A range ("30%-35%", "30至35亿元") is no number: either end would be a value the text never states."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Context, Decimal, InvalidOperation
from functools import lru_cache

# Wide enough that 30 digits times 10^12 is still exact.
_EXACT = Context(prec=80)

SCALES = {
    "万亿": 12, "萬億": 12, "兆": 12, "千亿": 11, "千億": 11, "百亿": 10, "百億": 10, "亿": 8, "億": 8,
    "千万": 7, "千萬": 7, "百万": 6, "百萬": 6, "万": 4, "萬": 4, "千": 3,
    "trillion": 12, "tn": 12, "billion": 9, "bn": 9, "bln": 9, "million": 6, "mn": 6, "mln": 6, "m": 6, "b": 9,
    "thousand": 3, "k": 3, "t": 12,
}
# Single letters are magnitudes only right after a currency sign (RMB264m, $500k, $1.2T) or right before "tokens"
# ("214T tokens a day", "1.2B tokens"); "7B" alone is a model size.
_LETTER_SCALES = {"m", "k", "b", "t"}
_TOKENS_AFTER = re.compile(r"[ ]?(?i:tokens)\b")
# "~193T in September", "122T and 131T a day": forum shorthand for trillions of tokens, in a line about tokens or
# followed by a day's rate; not a model's size ("a 1T-parameter model", "1T params")
_PER_DAY_AFTER = re.compile(r"(?:[ ]?(?:,|and|or|to|-|–)[ ]?~?[0-9][0-9.,]{0,8}T){0,4}[ ]?(?i:a\sday|/day|/d\b|per\sday|daily)")
_TOKENS_BEFORE = re.compile(r"(?i:token)|[0-9]T[ ]?(?i:a\sday|/day|per\sday)")
_PARAMETERS_AFTER = re.compile(r"[ -]?(?i:param)")
TOKENS_REACH = 80  # characters before a bare "T" its line may name tokens in


def _tokens_told(text: str, m: re.Match) -> bool:
    """True for a figure written with a bare T that counts tokens: a day's rate follows it, or its line named tokens
    before it."""
    if _PARAMETERS_AFTER.match(text, m.end()):
        return False
    if _PER_DAY_AFTER.match(text, m.end()):
        return True
    line = max(text.rfind("\n", 0, m.start()) + 1, m.start() - TOKENS_REACH)
    return _TOKENS_BEFORE.search(text, line, m.start()) is not None

_PREFIX_CURRENCY = {
    "US$": "USD", "USD": "USD", "$": "USD", "HK$": "HKD", "HKD": "HKD", "港币": "HKD", "港幣": "HKD",
    "RMB": "CNY", "Rmb": "CNY", "CNY": "CNY", "¥": "CNY", "￥": "CNY", "人民币": "CNY", "人民幣": "CNY",
    "NT$": "TWD", "新台幣": "TWD", "新台币": "TWD", "台幣": "TWD", "台币": "TWD", "S$": "SGD", "A$": "AUD", "C$": "CAD",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "JPY": "JPY",
    "百分之": "%",  # "百分之24.7": not a currency, but written before the number like one
}
_SUFFIX_UNIT = {
    "元人民币": "CNY", "元人民幣": "CNY", "元": "CNY", "人民币": "CNY", "人民幣": "CNY", "yuan": "CNY", "RMB": "CNY",
    "CNY": "CNY", "港元": "HKD", "港币": "HKD", "港幣": "HKD", "HKD": "HKD", "美元": "USD", "美金": "USD",
    "USD": "USD", "US dollars": "USD", "U.S. dollars": "USD", "dollars": "USD", "Hong Kong dollars": "HKD",
    "HK dollars": "HKD", "renminbi": "CNY", "New Taiwan dollars": "TWD",
    "欧元": "EUR", "歐元": "EUR", "EUR": "EUR", "euros": "EUR", "英镑": "GBP", "英鎊": "GBP", "GBP": "GBP",
    "日元": "JPY", "日圓": "JPY", "JPY": "JPY", "yen": "JPY",
    "%": "%", "percent": "%", "per cent": "%", "pc": "%", "pct": "%",
    "个百分点": "pp", "個百分點": "pp", "percentage points": "pp", "percentage point": "pp", "pp": "pp",
    "ppt": "pp", "ppts": "pp", "pps": "pp",
    "倍": "x", "x": "x", "X": "x", "times": "x",
    "名": "count", "人": "count", "位": "count", "家": "count",
}
_FOLDED_UNIT = {word.lower(): unit for word, unit in _SUFFIX_UNIT.items()}
_KIND = {"%": "percent", "pp": "pp", "x": "multiple", "count": "count"}
CURRENCIES = frozenset(_PREFIX_CURRENCY.values()) - _KIND.keys()  # the ISO codes an amount may carry

_NUMBER = re.compile(
    # Every match starts with a sign, a currency, 百分之 or a digit: one class test rejects all other positions
    # before the engine tries the lookbehinds and branches below (five times faster on prose).
    r"(?=[-−负負USHRCNAEGJm¥￥$€£人港新台百0-9])"
    r"(?<![A-Za-z0-9_.])(?<![A-Za-z0-9]-)"
    r"(?P<neg>[-−]|负|負|minus[ ](?=[0-9]))?"
    r"(?:(?P<pre>US\$|USD|HK\$|HKD|RMB|Rmb|CNY|NT\$|S\$|A\$|C\$|EUR|GBP|JPY|¥|￥|\$|€|£"
    r"|人民币|人民幣|港币|港幣|新台幣|新台币|台幣|台币|百分之)[ ]?)?"
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3}){1,8}|[0-9]{1,30})(?P<frac>\.[0-9]{1,12})?(?![0-9])(?!\.[0-9])"
    r"(?P<odd>多|余|餘)?"  # "20多亿元", "3000余万": the exact figure ends here, see number_end
    # a line break before a magnitude word in lower case: PDF text wraps "RMB2,610.0 / million" over two lines
    r"(?:(?:[ ]|\n(?=trillion|billion|million|thousand))?"
    r"(?P<scale>万亿|萬億|千亿|千億|百亿|百億|亿|億|千万|千萬|百万|百萬|万|萬|千|兆(?![瓦赫字位比焦帕欧歐])"
    r"|(?:[Tt]rillion|[Bb]illion|[Mm]illion|[Tt]housand|tn|bn|mn|[Bb]ln|[Mm]ln|BLN|MLN|m|k|M|B|K|T)(?![A-Za-z])))?"
    r"(?(odd)|(?P<odd2>多|余|餘)?)"  # "3亿多元", "1.5亿余元"
    r"(?:[ ]?(?P<suf>元人民币|元人民幣|元|人民币|人民幣|港元|港币|港幣|美元|美金|欧元|歐元|英镑|英鎊|日元|日圓"
    # written out in English: "3.5 billion Hong Kong dollars", "2 billion U.S. dollars", "800 million renminbi"
    r"|yuan|RMB|CNY|HKD|USD|EUR|GBP|JPY|US dollars|U\.S\. dollars|Hong Kong dollars|HK dollars|New Taiwan dollars"
    r"|renminbi|dollars|euros|yen"
    r"|%|个百分点|個百分點|percentage points?|per cent|percent|pct|PCT|pc|ppts?|pps?"
    r"|倍|x|X|times|名|人|位|家|个|個)(?![A-Za-z]))?"
    r"(?:(?<=[万萬亿億千兆])|(?![A-Za-z]))"  # "10万亿Token": a Chinese magnitude may run into a word
)

# "收入（亿元）", "Revenue (RMB million)", "(%)": the unit of the bare numbers in a table row; "(six months to
# June 30; Rmb)": a heading's unit after the period it names.
_LABEL = re.compile(
    r"(?:[（(]|[;；])\s?(?:单位|單位|unit|in)?[:：]?\s?"
    r"(?P<pre>人民币|人民幣|RMB|Rmb|US\$|USD|HK\$|HKD|美元|港元|港币)?\s?"
    r"(?P<scale>万亿|亿|億|百万|百萬|千万|千萬|万|萬|千|millions?|billions?|thousands?|mln|bln|mn|bn|m)?\s?"
    r"(?:of\s)?(?P<suf>元|美元|港元|yuan|RMB|USD|HKD|US\$|US dollars|dollars|%)?\s?[)）]"
)


@dataclass(slots=True)  # treated as immutable; not frozen=True, whose __init__ costs a setattr call per field
class Quantity:
    """A number found in text: span, exact value and what it counts."""

    start: int
    end: int
    value: Decimal
    kind: str  # currency | percent | pp | multiple | count | plain
    unit: str | None  # ISO currency, "%", "pp", "x", "count" or None for a bare number
    scaled: bool = False  # a magnitude word (万, 亿, million) was written
    inherited: bool = False  # unit or magnitude came from a neighbour in a list or a table label
    base: Decimal = Decimal(0)  # the written digits, before the magnitude


def parse_amount(digits: str, scale: str | None = None) -> Decimal | None:
    """Return digits (with thousands commas) times a magnitude word, exactly; None if not a number."""
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    if scale:
        value = _EXACT.multiply(value, Decimal(10) ** _scale_power(scale))
    return tidy(value)


def tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (3.124亿 is 312400000, not 3.124E+8)."""
    value = value.normalize(_EXACT)
    if value.as_tuple().exponent > 0:
        value = value.quantize(Decimal(1), context=_EXACT)
    return value


def _scale_power(scale: str) -> int:
    return SCALES.get(scale, SCALES.get(scale.lower(), 0))


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Return every number in text[start:end] with its unit, in order."""
    return read_quantities(text, number_matches(text, start, end))


_DURATION = re.compile(r"月|季|小时|小時|工作日|交易日|星期|礼拜|禮拜")


def number_matches(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    """Return the matches of every number in text[start:end], before their values are read (cheap)."""
    end = len(text) if end is None else end
    found = []
    for m in _NUMBER.finditer(text, start, end):
        scale = m.group("scale")
        if scale and scale.lower() in _LETTER_SCALES and not m.group("pre") and not _TOKENS_AFTER.match(text, m.end()) \
                and not (scale == "T" and _tokens_told(text, m)):
            continue  # "7B" is a model size, not an amount
        s = m.start()
        if s and text[s - 1] == "第":  # an ordinal, not an amount
            continue
        if m.group("suf") in ("个", "個") and _DURATION.match(text, m.end()):
            continue  # "6个月", "3個季度": a duration, not a count
        if s >= 2 and text[s - 1] in "(（" and _note_mark(text, s, m):
            continue  # "Annual recurring revenue (US$ billion)(1)": a note's marker, not a figure
        found.append(m)
    if text.find("成", start, end) >= 0 or text.find("倍", start, end) >= 0:
        chinese = list(_CN_NUMBER.finditer(text, start, end))
        if chinese:
            found = sorted(found + chinese, key=lambda m: m.start())
    if _CN_MAGNITUDE.search(text, start, end):  # a plain class scan: five times cheaper than the full pattern
        amounts = list(_CN_AMOUNT.finditer(text, start, end))
        if amounts:
            found = sorted(found + amounts, key=lambda m: m.start())
    if text.find("times", start, end) >= 0 or text.find("twice", start, end) >= 0:
        words = list(_EN_TIMES.finditer(text, start, end))
        if words:
            found = sorted(found + words, key=lambda m: m.start())
    return found


def _note_mark(text: str, s: int, m: re.Match) -> bool:
    """True for a bracketed number of one or two digits written right after a word or a closing bracket ("revenue(1)",
    "(US$ billion)(2)"): a filing's marker of a note, where a figure would stand apart."""
    before = text[s - 2]
    return (before in ")）" or (before.isascii() and before.isalpha())) and m.end() - s <= 2 \
        and m.group(0) == m.group("num") and text[m.end():m.end() + 1] in (")", "）")


# "eight times its revenue", "Twelve times": a multiple written as an English word from two to twenty.
_EN_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20,
}
# "twice the quarter's revenue" is a multiple of something; "twice as fast", "twice a year" are not.
# The leading class of first letters lets the engine reject most positions with one test: a case-insensitive
# alternation tried at every position of an English page cost more than the rest of number_matches.
_EN_TIMES = re.compile(r"(?i)(?=[" + "".join(sorted({w[0] for w in _EN_WORDS} | {"t"})) + r"])(?<![A-Za-z-])"
                       r"(?:(?P<en>" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + r")[ ]times\b"
                       r"|(?P<twice>twice)(?=[ ](?:the|its|their|that)\b))")


# "七成" (70%), "八成五" (85%), "两倍", "逾八倍", "二十倍": tenths and multiples written in Chinese numerals.
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = re.compile(
    r"(?=[一二两兩三四五六七八九十])"  # one class test before the lookbehinds: most positions are no numeral
    r"(?<![一二两兩三四五六七八九十百千万萬亿億第几幾])"
    r"(?<![一二两兩三四五六七八九十][至到~-])"  # "三至五成", "两到三倍": the high end of a range
    r"(?P<cn>[一二两兩三四五六七八九]?十[一二三四五六七八九]?|[一二两兩三四五六七八九])"
    r"(?:(?P<cn_tenths>成)(?P<cn_rest>[一二三四五六七八九半](?![成倍]))?"
    r"(?![本功为為员員立长長熟果交就都型品分绩績效年不了])|(?P<cn_times>倍))"
)

# "两千亿元", "一百二十亿", "五千万美元", "一千二百名", "百分之三十": amounts in Chinese numerals. A numeral needs
# a magnitude (百 or more: "三人", "一家" are words, not figures) and a numeral before it ("千人计划", "（亿元）"
# are names and labels), unless a threshold word (超过, 逾, 近, 约, 突破) comes before a magnitude alone and a unit
# after it: "市值突破千亿港元", "员工逾千人". Vague amounts ("数十亿", "上百亿", "十多亿") are no number.
_CN_NUMERAL = "零〇一二两兩三四五六七八九十百千万萬亿億"
_CN_MONEY = "元人民币|元人民幣|元|人民币|人民幣|港元|港币|港幣|美元|美金|欧元|歐元"
_CN_AMOUNT = re.compile(
    r"(?=[一二两兩三四五六七八九十百千万萬亿億])"
    rf"(?<![0-9.{_CN_NUMERAL}数數几幾上成好多余餘第])"
    r"(?<![一二两兩三四五六七八九十][至到~-])"
    r"(?:百分之(?P<cpct>[一二两兩三四五六七八九十百]{1,4})(?![零〇一二两兩三四五六七八九十百千万萬亿億])"
    rf"|(?P<cnum>[一二两兩三四五六七八九十][零〇一二两兩三四五六七八九十]{{0,3}}[百千万萬亿億][{_CN_NUMERAL}]{{0,10}})"
    rf"(?P<csuf>{_CN_MONEY}|名|人|位|家|倍)?"
    rf"|(?:(?<=[超逾近过過约約])|(?<=突破|冲破|衝破))(?P<cbare>[百千万萬亿億]{{1,3}})(?P<cunit>{_CN_MONEY}|名|人|位|家))"
)
_CN_MAGNITUDE = re.compile("[百千万萬亿億]")
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 4, "萬": 4, "亿": 8, "億": 8}


def _chinese_integer(numeral: str) -> tuple[int, int] | None:
    """Value and closing magnitude (the power of ten of a final 万/亿, else 0) of a Chinese numeral.

    "二十五" is (25, 0), "一百二十亿" (12000000000, 8), "一亿二千万" (120000000, 4), "千亿" (100000000000, 8),
    "万亿" (10**12, 12); None for what reads as no one number ("四五百" is a guess, "亿万" a word).
    """
    total, section, digit, last_big, tail = 0, 0, None, 13, 0
    i = 0
    while i < len(numeral):
        ch = numeral[i]
        if ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit, tail = None, 0
        elif ch in _CN_BIG:
            power = _CN_BIG[ch]
            if power == 4 and numeral[i + 1:i + 2] in ("亿", "億"):
                power, i = 12, i + 1
            n = section + (digit or 0)
            if power >= last_big or (n == 0 and total):
                return None
            total += (n or 1) * 10 ** power
            section, digit, last_big, tail = 0, None, power, power
        else:
            if digit:
                return None
            digit, tail = _CN_DIGITS.get(ch, 0), 0
        i += 1
    return total + section + (digit or 0), tail


def _chinese_reading(m: re.Match) -> tuple:
    value = Decimal(_chinese_integer(m.group("cn"))[0])
    if m.group("cn_times"):
        return value, "multiple", "x", False, False, value
    rest = m.group("cn_rest")
    value = value * 10 + (5 if rest == "半" else _CN_DIGITS[rest] if rest else 0)  # "一成半" is 15%
    return value, "percent", "%", False, False, value


def _chinese_amount(m: re.Match) -> tuple | None:
    """Value, kind, unit, scaled, inherited and base of an amount in Chinese numerals (see _CN_AMOUNT)."""
    if m.group("cpct"):
        read = _chinese_integer(m.group("cpct"))
        return None if read is None else (Decimal(read[0]), "percent", "%", False, False, Decimal(read[0]))
    read = _chinese_integer(m.group("cnum") or m.group("cbare"))
    if read is None:
        return None
    value, tail = read
    kind, unit = _unit_kind(None, m.group("csuf") or m.group("cunit"))
    base = Decimal(value // 10 ** tail)
    return Decimal(value), kind, unit, tail > 0, False, base


def read_quantities(text: str, matches: list[re.Match]) -> list[Quantity]:
    """Return the quantities of number matches (from number_matches), in order; both ends of a range are left out."""
    found = []
    range_end = -1
    for m in matches:
        if m.start() < range_end:
            continue  # the high end of a range
        if m.re is _NUMBER or m.re is _CN_AMOUNT:
            range_end = _range_end(text, m)
            if range_end > 0:
                continue
        if m.re is _CN_NUMBER:
            found.append(Quantity(m.start(), m.end(), *_chinese_reading(m)))
            continue
        if m.re is _CN_AMOUNT:
            read = _chinese_amount(m)
            if read is not None:
                found.append(Quantity(m.start(), m.end(), *read))
            continue
        if m.re is _EN_TIMES:
            value = Decimal(2 if m.group("twice") else _EN_WORDS[m.group("en").lower()])
            found.append(Quantity(m.start(), m.end(), value, "multiple", "x", False, False, value))
            continue
        read = _reading(*m.group("neg", "pre", "num", "frac", "scale", "suf"))
        if read is not None:
            if m.group("suf") in ("pct", "PCT") and _CJK_BEFORE.search(text, max(0, m.start() - 3), m.start()):
                read = (read[0], "pp", "pp", *read[3:])
            found.append(Quantity(m.start(), number_end(m), *read))
    return found


# "同比-5.3pct", "提升约16pct": a Chinese broker's "pct" is percentage points (个百分点), an English "5 pct" is per cent
_CJK_BEFORE = re.compile(r"[\u4e00-\u9fff][约約]?\s?[+＋]?$")  # "同比+2.9pct": a sign may stand before it


def number_end(m: re.Match) -> int:
    """Where a number's span ends: before 多/余 ("20多亿元" is more than 20亿元), which, like 以上 after a
    number, the qualifier reads from the text right after the span; the magnitude and unit still count."""
    odd = m.group("odd") or m.group("odd2")
    return m.start("odd" if m.group("odd") else "odd2") if odd else m.end()


# "30%-35%", "30至35亿元", "$30-35 million", "三百至五百人", "between 30% and 35%": a range states no one value, and
# taking either end would invent one. A dash always joins a range; 至/到/to only after a number that lacks its
# unit and takes it from the high end ("3亿元至5亿元", "30% to 35%" may be a change from one to the other), and
# not after "from" ("from 30 to 35 per cent" is a change); "and" only after "between".
_RANGE_JOIN = re.compile(
    r"[ ]?(?:(?P<dash>[-–—~])|至|到|to[ ]|(?P<and>and[ ]))[ ]?(?P<cur>US\$|HK\$|RMB|Rmb|\$|¥|￥|€|£)?[ ]?"
    r"[0-9一二两兩三四五六七八九十]")
_FROM = ("from ", "从", "從", "由")


def _range_end(text: str, m: re.Match) -> int:
    """Where the high end of the range that number m opens starts (past its first character); -1 if m opens none."""
    j = _RANGE_JOIN.match(text, m.end())
    if j is None:
        return -1
    before = text[max(0, m.start() - 8):m.start()]
    if j.group("and"):
        return j.end() if before.lower().endswith("between ") else -1
    if j.group("dash"):  # "三百-五百" is rare, "3亿元-一季度" a dash between phrases
        return j.end() if text[j.end() - 1].isdigit() else -1
    if j.group("cur") and m.re is _NUMBER and not m.group("pre"):
        return -1  # "grew from $3.46 million in 2023 to $30.52 million": a range names its currency on both ends or on neither
    if not (_has_unit(m) or before.endswith(_FROM)):
        return j.end()
    if not before.endswith(_FROM) and _BETWEEN_END.match(text, j.end()):
        return j.end()  # "增速落在45%至65%之间", "介于3亿元到5亿元之間": both ends written, and 之间 says it is a band
    return -1


# the rest of a range's high end up to 之间 ("…65%之间"), in its clause
_BETWEEN_END = re.compile(r"[^，,。；;：:\n]{0,14}?(?:之间|之間)")


def _has_unit(m: re.Match) -> bool:
    """True when a number names its own unit: a unit word after it, or a currency sign and a magnitude."""
    if m.re is _CN_AMOUNT:
        return bool(m.group("csuf") or m.group("cunit") or m.group("cpct"))
    return bool(m.group("suf") or (m.group("pre") and m.group("scale")))


@lru_cache(maxsize=4096)
def _reading(neg, pre, num, frac, scale, suf) -> tuple | None:
    """Value, kind, unit, scaled, inherited and base of one written number: news repeats the same few."""
    base = parse_amount(num + (frac or ""))
    if base is None:
        return None
    value = tidy(_EXACT.multiply(base, Decimal(10) ** _scale_power(scale))) if scale else base
    if neg:
        value, base = -value, -base
    kind, unit = _unit_kind(pre, suf)
    return value, kind, unit, bool(scale), False, base


def unit_word(word: str) -> str | None:
    """The unit a word written after a number names, in the case written or any other ("Renminbi", "U.S. Dollars")."""
    return _SUFFIX_UNIT.get(word) or _FOLDED_UNIT.get(word.lower())


def _unit_kind(pre: str | None, suf: str | None) -> tuple[str, str | None]:
    """Kind and unit of a number from the currency sign before it and the unit word after it."""
    unit = _PREFIX_CURRENCY.get(pre) if pre else None
    if suf:
        written = unit_word(suf)
        # a currency sign and a currency word agree ("港币100元"); any other unit word decides the kind;
        # a classifier (个) names no unit
        if written is not None and (unit is None or written in _KIND):
            unit = written
    return ("plain" if unit is None else _KIND.get(unit, "currency")), unit


MAX_LIST = 12
_JOINER = re.compile(r"\s{0,3}(?:、|,|，|和|及|与|與|以及|and|or|, and|/|\||;|；)?\s{0,3}(?:\|\s{0,3})?")


def fill_list_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Give bare members of a list the unit and magnitude named once ("0.97、6.21和17.52亿元")."""
    out = list(quantities)
    groups: list[list[int]] = []
    for i, q in enumerate(out):
        if i and _JOINER.fullmatch(text, out[i - 1].end, q.start):
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        if not 2 <= len(group) <= MAX_LIST:
            continue  # a run of dozens of numbers is a table dump or garbage, not a list in a sentence
        for pos, i in enumerate(group):
            q = out[i]
            if q.kind == "plain" or (q.kind == "currency" and not q.scaled):
                donor = _donor(out, group[pos + 1:], q)
                if donor is None and not q.scaled:
                    donor = _donor(out, reversed(group[:pos]), q)
                if donor is not None:
                    out[i] = _inherit(q, donor)
    return out


# "…up 115.2% from 171 million in the second quarter of 2027": a speaker's amount without its currency, ending in
# an English magnitude word and followed by no noun of its own ("148 million monthly active users" counts users)
_SPOKEN_SCALE = re.compile(r"(?:million|billion|mn|bn)$")
_SPOKEN_AFTER = re.compile(r"\s?(?:[.,;:)—–]|$|(?:in|at|for|a|an|the|was|were|is|from|to|by|on|and|or|versus|vs|last|this)\b)")


def fill_spoken_currency(text: str, quantities: list[Quantity], sentence_starts: list[int]) -> list[Quantity]:
    """Give a bare amount with a magnitude word ("171 million") the currency of the last amount before it in its
    sentence ("368 million dollars, up 115.2% from 171 million"): speakers and wires name the currency once."""
    if all(q.kind != "plain" or not q.scaled for q in quantities):
        return quantities
    out, donor, sentence = [], None, -1
    for q in quantities:
        if (k := bisect_right(sentence_starts, q.start)) != sentence:
            donor, sentence = None, k  # a new sentence: its amounts name their own currency first
        if q.kind == "currency":
            donor = q
        elif donor is not None and q.kind == "plain" and q.scaled and (
                _SPOKEN_SCALE.search(text, q.start, q.end) and _SPOKEN_AFTER.match(text, q.end)
                or _restated_in_chinese(text, donor, q)):
            q = _inherit(q, donor)
        out.append(q)
    return out


# "净亏损8,150万美元，上季度9,730万。", "ARR 4月底约83.7亿美元，3月底约81.2亿": the clause after an amount names
# another period and a bare figure of the same magnitude, nothing else (not "月活1.2亿", a count)
_CN_SCALE = re.compile(r"(?<![万萬])([万萬亿億])$")
_CN_RESTATED_GAP = re.compile(r"[，,；;]\s?[上去今本前同期季度年月日底末初Qq0-9一二三四五六七八九十个個]{1,8}\s?"
                              r"(?:是|为|為|则为|則為|仅|僅|达|達|则|則)?\s?(?:约|約|近)?\s?")
_CN_RESTATED_AFTER = re.compile(r"\s?(?:[，,。；;！!？?]|$)")


def _restated_in_chinese(text: str, donor: Quantity, q: Quantity) -> bool:
    """True for a bare Chinese amount restating the amount just before it for another period (see _CN_RESTATED_GAP)."""
    scale = _CN_SCALE.search(text, q.start, q.end)
    return scale is not None and donor.scaled and scale.group(1) in text[donor.start:donor.end] \
        and "万亿" not in text[donor.start:donor.end] and _CN_RESTATED_GAP.fullmatch(text, donor.end, q.start) is not None \
        and _CN_RESTATED_AFTER.match(text, q.end) is not None


def _donor(quantities: list[Quantity], indices, q: Quantity) -> Quantity | None:
    for j in indices:
        d = quantities[j]
        if q.kind == "plain" and d.kind != "plain":
            return d
        if q.kind == "plain" and not q.scaled and d.kind == "plain" and d.scaled:
            return d  # "58、30和25万亿": a count's magnitude named once, as a currency's is
        if q.kind == "currency" and d.kind == "currency" and d.scaled and d.unit == q.unit:
            return d
    return None


def _inherit(q: Quantity, donor: Quantity) -> Quantity:
    factor = _EXACT.divide(donor.value, donor.base) if donor.scaled and donor.base else Decimal(1)
    value = tidy(_EXACT.multiply(q.base, factor)) if donor.scaled and not q.scaled else q.value
    return replace(q, value=value, kind=donor.kind, unit=donor.unit, scaled=q.scaled or donor.scaled, inherited=True)


# "市值約2456億元（港元，下同）", "（新台幣，下同）": the currency of every bare 元 from here on, the one before included.
_DECLARED = re.compile(r"[（(]\s?(?:单位|單位)?[:：]?\s?(?P<cur>港元|港币|港幣|美元|新台币|新台幣)\s?[，,、]?\s?(?:以下同|下同)\s?[)）]")
NAMED_YUAN = re.compile(r"人民|RMB|Rmb|CNY|¥|￥|yuan")


def apply_declared_currency(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Read 元 as the currency a text declares for itself ("（港元，下同）": Hong Kong dollars below): Hong Kong and
    Taiwan papers write 億元 for their own currency once they have said so. 元人民幣 or 人民币 keeps the yuan."""
    m = _DECLARED.search(text) if "下同" in text else None  # the first declaring a currency ("（单位：亿元，下同）" does not)
    if m is None:
        return quantities
    unit = _SUFFIX_UNIT.get(m.group("cur")) or _PREFIX_CURRENCY[m.group("cur")]  # 新台幣 is written before figures
    lead = len(text[:m.start()].rstrip())  # a figure ending in the blanks before the bracket is the one it follows
    return [replace(q, unit=unit) if q.unit == "CNY" and _declared_over(text, q, m, lead) else q for q in quantities]


def _declared_over(text: str, q: Quantity, declared: re.Match, lead: int) -> bool:
    """True when a yuan figure falls under a declaration: it comes after it, or right before it (ending at or after
    `lead`), and names no yuan of its own."""
    under = q.start >= declared.end() or lead <= q.end <= declared.start()
    return under and NAMED_YUAN.search(text, max(0, q.start - 4), q.end) is None


def find_labels(text: str, start: int, end: int) -> list[tuple[int, int, int, str | None]]:
    """Return (start, end, power of ten, unit) for unit labels like "（亿元）" or "(US$ million)"."""
    labels = []
    for m in _LABEL.finditer(text, start, end):
        pre, scale, suf = m.group("pre"), m.group("scale"), m.group("suf")
        if not (pre or scale or suf):
            continue
        unit = None
        if pre:
            unit = _PREFIX_CURRENCY.get(pre) or _SUFFIX_UNIT.get(pre)
        elif suf:
            unit = _SUFFIX_UNIT.get(suf) or _PREFIX_CURRENCY.get(suf)
        power = _scale_power(scale.rstrip("s")) if scale else 0
        if unit is None and scale and re.fullmatch(r"[万億亿萬千百]+", scale) is None:
            continue  # "(millions)" alone says nothing about the currency
        labels.append((m.start(), m.end(), power, unit))
    return labels


def apply_label(q: Quantity, power: int, unit: str | None) -> Quantity:
    """Scale a bare table number by its row or column label; one with its own magnitude ("677.5 million" under
    "(Rmb)") takes only the label's unit."""
    if q.kind != "plain":
        return q
    if q.scaled:
        if power or unit is None:
            return q
        return replace(q, kind=_KIND.get(unit, "currency"), unit=unit, inherited=True)
    value = tidy(_EXACT.multiply(q.base, Decimal(10) ** power))
    kind = "plain" if unit is None else _KIND.get(unit, "currency")
    return replace(q, value=value, kind=kind, unit=unit, scaled=power > 0, inherited=True)


# "单位：人民币亿元", "Unit: RMB million", "in US$ millions", "(CNY unless stated)": a unit for a whole table.
_CURRENCY = r"人民币|人民幣|RMB|CNY|US\$|USD|美元|HK\$|HKD|港元|港币|港幣"
# A currency a filing's caption spells out: "(In thousands of U.S. dollars)", "(in millions of Renminbi)".
_CURRENCY_WORDS = r"(?i:U\.S\.\sdollars|US\sdollars|Hong\sKong\sdollars|HK\sdollars|renminbi)"
_SCALE = r"万亿|萬億|亿|億|百万|百萬|千万|千萬|万|萬|千|millions?|billions?|thousands?|mn|bn|m|'000"
_CAPTION = re.compile(
    rf"(?:单位|單位|(?i:units?))\s?(?:[:：]|为|為|是)\s?(?P<c1>{_CURRENCY})?\s?(?P<s1>{_SCALE})?\s?(?P<u1>元|美元|港元)?"
    rf"|(?i:\bin\s)(?P<c2>{_CURRENCY})\s?(?P<s2>{_SCALE})(?![A-Za-z])"
    rf"|[（(]\s?(?P<c3>{_CURRENCY})\s?(?P<s3>{_SCALE})?[,，]?\s?(?i:unless|except)[^)）\n]{{0,40}}[)）]"
    rf"|[（(]\s?(?P<c4>{_CURRENCY})\s?(?P<s4>'000)\s?[)）]"
    rf"|[（(]\s?(?P<c5>{_CURRENCY})\s?(?P<s5>{_SCALE})(?![A-Za-z])元?\s?[,，;；]"  # "(US$m, Dec year-end)", "（人民幣千元，…）"
    rf"|[（(]\s?(?:(?P<c8>{_CURRENCY})\s)?(?i:in\s)(?P<s6>thousands|millions|billions)(?![A-Za-z])"  # "(US$ in thousands"
    rf"(?:\s(?i:of)\s(?P<c6>{_CURRENCY}|{_CURRENCY_WORDS}))?"  # "(in thousands of US$, except …)", "of U.S. dollars"
    # "Table caption: US$ in millions, except percentages", "RMB in thousands": a deck's caption line, unbracketed
    rf"|(?=[人RCUH美港])(?P<c13>{_CURRENCY})\s(?i:in\s)(?P<s13>(?i:thousands|millions|billions))(?![A-Za-z])"
    rf"|以\s?(?P<c7>{_CURRENCY})?\s?(?P<s7>{_SCALE})\s?(?P<u7>元|美元|港元)?\s?(?:列示|列報|列报|呈列|呈報|呈报)"  # "以人民幣千元列示"
    # "（4月30日收盘，港元）", "(HK$, at the close)": a currency among a caption's bracketed notes, alone or with its
    # magnitude after a comma ("（人民币，百万元）")
    rf"|[（(](?:[^()（）\n]{{0,30}}[，,、;；]\s?)?(?P<c10>{_CURRENCY})\s?(?:[，,、]\s?(?P<s10>{_SCALE})元?\s?)?"
    rf"(?=[)），,、;；])"
    # "(trillions of tokens per day; …)", "(in millions of tokens)": a magnitude of what the metric counts
    r"|[（(]\s?(?i:in\s)?(?P<s9>(?i:trillions|billions|millions|thousands))\s(?i:of)\s(?!U\.?S|US\$|HK|RMB|renminbi|yuan)"
    # "Average daily tokens processed, trillions (…)", "Revenue by quarter, in millions:": a magnitude alone as a
    # caption's clause after its metric, what the metric counts
    r"|[,，:：]\s?(?i:in\s)?(?P<s11>(?i:trillions|billions|millions|thousands))(?=\s?(?:[(（,，;；:：*]|$))"
    # "（万亿tokens）", "(trillion tokens/day)", "(trillion)", "(trillions; rounded)": a magnitude alone in brackets, or
    # first among its notes, of tokens or of what the metric counts
    r"|[（(]\s?(?P<s12>万亿|萬億|亿|億|千万|千萬|百万|百萬|(?i:trillions?|billions?|millions?|thousands?))\s?(?:个|個)?"
    r"(?i:\s?tokens?)?(?:\s?(?:/|(?i:per|a))\s?(?:日|天|(?i:day)))?(?=\s?[)）;；,，])"
)


# A caption or note saying the table's or list's figures are approximate: "(trillions of tokens per day, all approximate)",
# "Figures are approximate.", "(approx.)", "数据均为约数", or rounded: "(…; all figures rounded)", "Numbers are rounded.",
# "(trillions, rounded)"
# ("rounded to one decimal place" says how they are written, no more).
APPROXIMATE = re.compile(r"(?i:\bapprox(?:imate|imately|\.)?(?=\s?(?:[)）;；,，:：]|\.?\s?$))"
                          r"|\bapproximate\s(?:figures|values|numbers|amounts)\b"
                          r"|\b(?:figures|values|numbers|amounts)\s(?:are\s)?rounded(?=\s?(?:[)）;；,，:：*]|\.?\s?$))"
                          r"|[,，;；(（]\s?rounded(?=\s?[)）;；,，]))"  # "(trillions, rounded)": a bracket's note
                          r"|约数|約數|概数|概數", re.MULTILINE)


# The line under a table or list that is a note about it: "注：…", "註：…", "Note: …", "* …", "资料来源：…", its unit
# ("（单位：万亿tokens/日）", "Unit: RMB m"), any of them in brackets.
NOTE = re.compile(r"\s{0,8}[（(\[]?\s?(?:注|註|备注|備註|说明|說明|资料来源|資料來源|数据来源|數據來源|来源|來源|单位|單位"
                   r"|\*|※|(?i:notes?\b|source|units?\b))")
NOTE_FIRSTS = frozenset("（([注註备備说說资資数數来來单單*※NnSsUu")  # what a note may start with (no blank: a sentence starts past it)


def caption_unit(text: str, start: int, end: int, alone: bool = True) -> tuple[int, str | None] | None:
    """(power of ten, currency) of the unit a caption, a heading or a unit line in text[start:end] gives the figures
    under it ("单位：人民币亿元", "(US$ million)", "Average daily tokens, trillions:", "（万亿tokens）"); None for none.
    Without `alone`, a magnitude alone in brackets is none (a table's header cell "(trillion)" is its column's)."""
    labels = find_labels(text, start, end)
    if labels:
        return labels[-1][2:]
    m = _CAPTION.search(text, start, end)
    if m is not None and not alone and m.group("s12") is not None:
        m = next((m for m in _CAPTION.finditer(text, m.end(), end) if m.group("s12") is None), None)
    if m is None:
        return None
    return unit_of(m.group("c1") or m.group("c2") or m.group("c3") or m.group("c4") or m.group("c5") or m.group("c6")
                   or m.group("c7") or m.group("c8") or m.group("c10") or m.group("c13"),
                   m.group("s1") or m.group("s2") or m.group("s3") or m.group("s4") or m.group("s5") or m.group("s6")
                   or m.group("s7") or m.group("s9") or m.group("s10") or m.group("s11") or m.group("s12") or m.group("s13"),
                   m.group("u1") or m.group("u7"))


def unit_of(currency: str | None, scale: str | None, word: str | None) -> tuple[int, str | None] | None:
    """(power of ten, currency) of a unit written as a currency, a magnitude and a currency word."""
    unit = (_PREFIX_CURRENCY.get(currency) or unit_word(currency)) if currency else None
    if unit is None and word:
        unit = unit_word(word)
    power = 3 if scale == "'000" else SCALES.get(scale.lower().rstrip("s"), SCALES.get(scale, 0)) if scale else 0
    return (power, unit) if unit or power else None
