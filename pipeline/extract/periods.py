"""Periods in text: 2024年, FY2024, 2025年上半年, H1 2025, 前三季度, 截至2025年6月30日, 2022年至2024年."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from re import _constants as _C
from re import _parser

from pipeline.extract.sentences import CN_MONTH_AFTER, lower_ascii
from pipeline.periods import period_end, period_kind, period_start

_Y = r"(?:19|20)[0-9]{2}"
_YY = r"(?:(?:19|20)[0-9]{2}|'?[0-9]{2})"
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# and in a wire brief's capitals ("AS AT DEC 31, 2027")
_MO = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul"
       r"|Aug|Sept|Sep|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
       r"|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\b")
_CN_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4, "首": 1}  # 首季: the first quarter (HK, TW)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
        # "the December quarter of 2028": a quarter named by the month it ends with (Australian, US and Indian press)
        "march": 1, "june": 2, "september": 3, "december": 4}
# "前九个月", "首九個月", "前6个月": the first months of a year
_FIRST_MONTHS = r"(?:前|首|头|頭)(?:三|六|九|十二|3|6|9|12)\s?(?:个|個)?月"
# A day of the month in Chinese numerals, as filings and sign-off lines write it ("十二月三十一日", "三月二十六日"):
# sentences.normalize_text cannot turn it into digits of the same length, so the patterns read it (_day_number)
_CN_DAY = r"(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_LEN = {"三": 3, "3": 3, "六": 6, "6": 6, "九": 9, "9": 9, "十二": 12, "12": 12, "three": 3, "six": 6, "nine": 9, "twelve": 12}

# What may follow "2025年" (or 今年): a half, quarter, months, a month and day, a year end.
_ZH_SUFFIX = (
    r"上半年|下半年|上半财年|下半财年|前三季度|前三季|首三季度|首三季|首季度|首季|全年|底|末|初|中(?![国國期旬央东東部小])"
    # "2026年中期业绩": a results word after it makes 中期 the interim period, the first half (not "中期目标", a target)
    r"|中期(?=业绩|業績|报告|報告|财报|財報|收入|营收|營收|亏损|虧損|净亏损|淨虧損|经调整|經調整|毛利|研发|研發)"
    r"|第?[一二三四1-4]季度(?:末|底)?|第[一二三四1-4](?:财|財)?季(?:末|底)?|Q[1-4]|H[12]|" + _FIRST_MONTHS
    + r"|(?P<{p}m1>[0-9]{{1,2}})\s?月?\s?(?:-|–|至|到|~|—)\s?(?P<{p}m2>[0-9]{{1,2}})\s?月份?"
    r"|(?P<{p}m>[0-9]{{1,2}}|十(?=月))\s?月份?(?:\s?(?P<{p}d>[0-9]{{1,2}}|" + _CN_DAY + r")\s?[日号號])?(?P<{p}mend>底|末)?"
)

# Every branch below starts with one of these characters: one class test skips all other positions.
_FIRST_CHARS = "0123456789'往報报截自从從今本去上下前首头頭明同全年第一二三四六九昨翌次周週星这這那该該当當中十bBsStTfFnNyYqQhHjJmMaAoOdDeElLwW"
_FIRST = f"(?=[{_FIRST_CHARS}])"

# What a day a company released something on is written with ("8月27日晚", "13日公布"): what "业绩发布次日" follows
_RELEASE_DAY = ("日晚", "日公布", "日公佈", "日发布", "日發布", "日宣布", "日披露")
# What a press day is written with when its month is left out: "13日收市", "9日晚间公布", "8日挂牌".
_DAY_EVENTS = ("日收盘", "日收盤", "日收市", "日收报", "日收報", "日收在", "日收于", "日收於", "日早", "日午", "日盘", "日盤",
               "日上市", "日挂牌", "日掛牌", "日开盘", "日開盤", *_RELEASE_DAY)
# "业绩发布次日", "财报公布后的次日": the day after is the release's, not the last day named ("截至6月30日")
_AFTER_RESULTS = re.compile(r"(?:业绩|業績|财报|財報)(?:发布|發布|公布|公佈|披露)(?:后|後)?的?$")

_BRANCHES = [
    # 截至2025年6月30日(止六个月), 截至今年9月30日: a date, or the months that end on it
    rf"(?P<asof>(?:截至|截止|截至於|截止於|截至于|截止于|截止到|截至到)\s?(?:(?P<a_y>{_Y})\s?年|(?P<a_r>今年|本年|去年|上年))\s?"
    r"(?:(?P<a_ye>底|末)|(?P<a_m>[0-9]{1,2})\s?月\s?(?:(?P<a_d>[0-9]{1,2}|" + _CN_DAY + r")\s?[日号])?(?P<a_mend>底|末)?)"
    r"(?:\s?止?\s?(?:的)?\s?(?P<a_len>六个月|6个月|六個月|三个月|3个月|三個月|九个月|9个月|九個月|十二个月|12个月"
    r"|十二個月|年度|财年|財年))?)",
    # 截至6月底止三個月, 截至六月三十日的六个月: the months that end on a day written without its year (the latest such
    # months by the document's date)
    r"(?P<asm>(?:截至|截止|截至於|截止於|截至于|截止于)\s?(?P<asm_m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])\s?月\s?"
    r"(?:(?:[0-9]{1,2}|" + _CN_DAY + r")\s?[日号號]|底|末)?\s?(?:止|的)\s?(?P<asm_len>六|6|三|3|九|9)\s?(?:个|個)月)",
    # "the same period of 2025", "2024年同期": the period the text reports on, in that year
    rf"(?P<smy>(?i:the\s(?:same|corresponding)\s(?:period|(?P<smy_k>half|quarter)|months)\s(?:of|in)\s(?:fiscal\s)?)(?P<smy_y>{_Y})(?![0-9])"
    rf"|(?P<smy_y2>{_Y})\s?年\s?同期"
    # a filing's comparative in brackets, "RMB980.2 million (2025: RMB645.1 million)", "（2025年：人民幣645.1百萬元）"
    rf"|(?<=[（(])(?P<smy_y3>{_Y})(?:\s?年)?(?=\s?[:：]))",
    # "上季度", "the previous quarter": the quarter before the one named last; "a month earlier": the month before;
    # "the first quarter last year": a year before the quarter named last, as "the same quarter last year"
    r"(?P<qb>(?P<qb_q>上个季度|上個季度|上一个季度|上一個季度|前一个季度|前一個季度|上一季度|上一季|上季度|上季|(?i:the\s(?:previous|prior|preceding)\squarter"
    r"|last\squarter(?!\sof)|a\squarter\s(?:earlier|before)|three\smonths\s(?:earlier|before)))|(?P<qb_m>(?i:a\smonth\s(?:earlier|before)"
    r"|the\s(?:previous|prior|preceding)\smonth))"
    r"|(?i:the\s(?:first|second|third|fourth)\squarter\s(?:of\s)?(?:last|the\s(?:previous|prior))\syear))",
    rf"(?P<span>(?:FY)?(?P<s_y1>{_Y})\s?年?度?\s?(?:至|到|-|–|~|—)\s?(?:FY)?(?P<s_y2>{_Y})\s?年度?)",
    rf"(?P<bspan>(?i:between)\s(?:FY)?(?P<bs_y1>{_Y})\s(?i:and)\s(?:FY)?(?P<bs_y2>{_Y})(?![0-9]))",
    rf"(?P<espan>(?:FY)?(?P<es_y1>{_Y})\s?(?:-|–|—|(?i:to|through))\s?(?:FY)?(?P<es_y2>{_Y})(?![0-9年]))",
    rf"(?P<since>(?:自|从|從)\s?(?P<sn_y>{_Y})\s?年?\s?(?:起|以来|以來|开始|開始)|(?i:since)\s(?P<sn_y2>{_Y})(?![0-9]))",
    # "2031年度中期", "二〇三〇年度上半年": a filing's year with the part of it after 年度, as after 年
    rf"(?P<yr>(?P<y_y>{_Y})\s?(?:财年|財年|财政年度|財政年度|年度?(?:\s?(?P<y_suf>{_ZH_SUFFIX.format(p='y_')}))?))",
    rf"(?P<ya>(?<![0-9A-Za-z])(?P<ya_y>{_Y})A(?![0-9A-Za-z]))",  # "2024A": a broker's actual year (2026E is a forecast)
    rf"(?P<cq>(?P<cq_y>{_Y})\s?(?P<cq_s>H[12]|Q1\s?-\s?Q3|Q[1-4])(?![A-Za-z0-9]))",
    r"(?P<prior0>去年同期|上年同期)",
    r"(?P<rel>(?P<r_w>今年|本年|去年|上年|前年|明年|同年|那一年|那年|该年|該年|(?i:this\syear|last\syear|next\syear))"
    rf"(?:\s?(?P<r_suf>{_ZH_SUFFIX.format(p='r_')}))?)",
    # English: halves, nine months, months ended, quarters, fiscal years, dates
    # "the first half of last year", "the first six months of last year": that part of the year before the one of writing;
    # "the first half of this year", "the third quarter of this year": of the year of writing
    r"(?P<elh>(?i:(?:the\s)?(?:(?P<elh_h>first|second)\shalf|first\s(?P<elh_n>three|six|nine)\smonths"
    r"|(?P<elh_q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter)\s(?:of\s)?(?P<elh_w>last|this)\syear)\b)",
    rf"(?P<eh>(?i:(?:the\s)?(?P<eh_w>first|second|1st|2nd)[\s-]half\s(?:of\s)?(?:the\s)?(?:fiscal\s|financial\s)?(?:year\s)?)(?P<eh_y>{_Y}))",
    rf"(?P<en9>(?i:(?:the\s)?(?:(?:first\s)?(?:nine|9)\smonths|first\s(?P<en9_n>three|six|3|6)\smonths|first\sthree\squarters)"
    r"\s(?:of|in)\s(?:fiscal\s)?)"
    rf"(?P<en9_y>{_Y}))",
    # "the quarter ended June 30": the three months ended then
    rf"(?P<eme>(?i:(?:(?P<eme_n>three|six|nine|twelve|3|6|9|12)(?:\smonths|-month\speriod)|quarter|(?P<eme_h>half(?:[\s-]year)?))"
    r"\s(?:ended|ending|to|through)\s(?:in\s|end-|the\send\sof\s)?)"
    rf"(?:[0-9]{{1,2}}\s)?(?P<eme_mo>(?i:{_MO}))\.?(?:\s(?:(?P<eme_d>[0-9]{{1,2}}),?\s)?(?P<eme_y>{_Y})"
    # "…, for the three months ended September 30.": the day without its year is the period's, no figure
    rf"|\s[0-9]{{1,2}}(?![0-9%]|[.,][0-9]|\s?(?:[A-Za-z$¥€£%]|[\u4e00-\u9fff])))?)",
    # "the year ended Dec. 31" without its year: the last such year before the document (a wire's results story)
    rf"(?P<eye>(?i:(?:fiscal\s|financial\s)?year\sended\s)(?P<eye_mo>{_MO})\.?\s(?P<eye_d>[0-9]{{1,2}})(?![0-9])"
    rf"(?:,?\s(?P<eye_y>{_Y}))?)",
    rf"(?P<eq>(?i:(?:the\s)?(?P<eq_w>first|second|third|fourth|1st|2nd|3rd|4th|March|June|September|December)[\s-]quarter\s(?:of\s)?"
    rf"(?:fiscal\s(?:year\s)?)?)(?P<eq_y>{_Y}))",
    # "the April-June quarter", "the January-June period": the Japanese press names a quarter or half by its months
    rf"(?P<emq>(?P<emq_a>{_MO})(?:\s?[-–—]\s?|\s(?i:to|through)\s|-(?i:to|through)-)(?P<emq_b>{_MO})(?:\s(?P<emq_y>{_Y}))?\s(?i:quarter|period|half)\b"
    # "the July-September quarter of 2031"
    rf"(?:\s(?i:of|in)\s(?:(?i:fiscal)\s)?(?P<emq_y2>{_Y}))?)",
    rf"(?P<ehy>(?<![A-Za-z0-9])H(?P<ehy_n>[12])\s?(?:FY)?(?P<ehy_y>{_YY})(?![0-9A-Za-z]))",
    rf"(?P<ehy2>(?<![A-Za-z0-9])(?P<ehy2_n>[12])H\s?(?:FY\s?)?(?P<ehy2_y>{_YY})(?![0-9A-Za-z]))",
    rf"(?P<eqy>(?<![A-Za-z0-9])Q(?P<eqy_n>[1-4])\s?(?:FY)?(?P<eqy_y>{_YY})(?![0-9A-Za-z]))",
    rf"(?P<eqy2>(?<![A-Za-z0-9])(?P<eqy2_n>[1-4])Q\s?(?:FY\s?)?(?P<eqy2_y>{_YY})(?![0-9A-Za-z]))",
    rf"(?P<e9m>(?<![A-Za-z0-9])9M\s?(?P<e9m_y>{_YY})(?![0-9A-Za-z]))",
    rf"(?P<efy>(?<![A-Za-z0-9])(?:FY|(?i:fiscal\s(?:year\s)?))\s?(?P<efy_y>{_YY})(?![0-9A-Za-z]))",
    rf"(?P<ed>(?P<ed_mo>{_MO})\.?\s(?P<ed_d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s(?P<ed_y>{_Y}))",
    rf"(?P<ed2>(?<![0-9])(?P<ed2_d>[0-9]{{1,2}})\s(?P<ed2_mo>{_MO})\s(?P<ed2_y>{_Y}))",
    # "September 2027"; a broker's "Oct-27", a newsletter's "Mar '30": a month and its year's last two digits
    rf"(?P<em>(?P<em_mo>{_MO})(?:\s(?P<em_y>{_Y})|(?:-|\s?['’])(?P<em_yy>[0-9]{{2}})(?![0-9])))",
    # "on January 8", "8 January": a day without its year, the nearest such day to the document
    rf"(?P<emd>(?P<emd_mo>{_MO})\.?\s(?P<emd_d>[0-9]{{1,2}})(?![0-9])(?:st|nd|rd|th)?(?![0-9A-Za-z]|,?\s[0-9]))",
    rf"(?P<emd2>(?<![0-9.,$])(?P<emd2_d>[0-9]{{1,2}})\s(?P<emd2_mo>{_MO})(?!\s?[0-9]))",
    # "in March", "For May", "exited March", "ended May at": a month without its year after a preposition (a capital "May" alone is a
    # verb as often)
    rf"(?P<emo>(?:(?<=\b[Ii]n\s)|(?<=\b[Ff]or\s)|(?<=\b[Dd]uring\s)|(?<=\b[Oo]f\s)|(?<=\b[Bb]y\s)|(?<=\b[Tt]hrough\s)|(?<=\bexited\s)|(?<=\bended\s))"
    rf"(?P<emo_mo>{_MO})(?![\s,.]{{0,2}}[0-9])"
    # "mentioned December at about 141 trillion": a month with the level it was at; "435 (July: 421)": an earlier
    # month's figure in brackets after this month's
    rf"|(?P<emo_at>{_MO}(?=\sat\s(?:about\s|around\s|roughly\s|some\s)?[$0-9])|(?<=[(（]){_MO}(?=[:：]\s?(?:~|about\s)?[$0-9])"
    # "January daily tokens", "Zhipu's February revenue": a month right before what was measured in it
    rf"|{_MO}(?=[\s-](?:daily|tokens?|revenues?|sales|ARR|run[\s-]rate|average|usage)\b)))",
    # "第二年", "the following year": the year after the last year named
    r"(?P<nexty>第二年|次年|翌年|(?i:the\sfollowing\syear|a\syear\slater))",
    # "a day later", "翌日": the day after the last day named
    r"(?P<next>翌日|次日|第二天|一天之后|一天之後|一天后|一天後|(?i:a\sday\slater|the\snext\sday|the\sfollowing\sday|the\sday\safter))",
    rf"(?P<efull>(?i:(?:the\s)?(?:full|whole|entire)[\s-](?:fiscal\s|financial\s)?year\s(?:of\s)?)(?P<efull_y>{_Y}))",
    rf"(?P<eoy>(?i:(?:the\s)?end\sof\s|year-end\s|year\send\s)(?P<eoy_y>{_Y}))",
    # "at the end of September (2026)": the month's last day
    rf"(?P<eom>(?i:(?:the\s)?end\sof\s|end-(?:of-)?)(?P<eom_mo>{_MO})(?:,?\s(?P<eom_y>{_Y}))?(?![\s,.]{{0,2}}[0-9]))",
    rf"(?P<vague>(?i:early|mid|late|mid-|end-)\s?-?(?P<vg_y>{_Y}))",
    # "2030-08-27", and a broker's "2030/08/27" ("总市值（亿港元）　约7,650（2030/08/27）")
    rf"(?P<iso>(?<![0-9])(?P<iso_y>{_Y})(?:-(?=[01][0-9]-)|/(?=[01][0-9]/))(?P<iso_m>[01][0-9])[-/](?P<iso_d>[0-3][0-9])(?![0-9]))",
    r"(?P<bare>上半年|下半年|中期(?=业绩|業績|报告|報告|财报|財報)|前三季度|前三季|首三季度|首三季|首季度|首季|一季[报報]|全年|年初|年底|年末|第[一二三四](?:财|財)?季度?(?:末|底)?|[一二三四]季度(?:末|底)?|" + _FIRST_MONTHS + r"|(?<![A-Za-z0-9])(?:Q[1-4]|H[12])(?![0-9A-Za-z])"
    # a wire brief's "FY REVENUE RMB2.85 BLN": the full year, as "full-year" (not "FY 2027", "FY27", "FY'27")
    r"|(?<![A-Za-z0-9])FY(?![0-9A-Za-z'’/-]|\s?['’]?[0-9])"
    r"|上半财年|下半财年|上半財年|下半財年"
    # "the fiscal first half", "the first fiscal half", "fiscal second-quarter": a company's fiscal year is its calendar one
    r"|(?i:the\s(?:fiscal\s(?:first|second|third|fourth)\s|(?:first|second|third|fourth)\sfiscal\s)(?:half|quarter)\b"
    r"|fiscal\s(?:first|second|third|fourth)-(?:half|quarter)"
    r"|the\sfirst\shalf|the\ssecond\shalf|the\sfirst\snine\smonths|the\sfirst\sthree\squarters"
    # "the June quarter", "March-quarter revenue": a quarter named by the month it ends with (wires, US and Australian press)
    r"|the\sfirst\ssix\smonths|the\s(?:march|june|september|december)\squarter|(?:march|june|september|december)-quarter"
    r"|the\sfull\syear|the\swhole\syear|full-year|full\syear|(?:the\s)?(?:first|second|third|fourth)\squarter"
    r"|(?:first|second|third|fourth)-quarter|(?:first|second)-half"
    # "nine-month revenue", "on a six-month basis": the year's first nine or six months (not a "six-month high")
    r"|(?<![a-z0-9-])(?:nine|six)-month(?![\s-](?:high|low|period|ended|ending|to|through)\b))"
    # "九個月毛利率為55.6%" in a three- and nine-month filing: the year's first nine months, as "nine-month" (not "過去九個月",
    # "九個月內": only right before the metric's noun)
    r"|(?<![前首头頭过過近这這长長来來未年0-9一二三四五六七八九十])(?:九|六)(?:个|個)月(?=[收營营毛研佔占經经虧亏淨净]))",
    # "for the Reporting Period": a filing's defined term for the period it announces (see find_periods)
    r"(?P<rp>(?i:the\sreporting\speriod)\b|本期間|本期间)",  # and "本期間", as HKEX filings define it
    # "同期", "the same nine months", "in the nine months", "in the quarter": a period named before; "往績記錄期間": the
    # periods listed before
    r"(?P<same>同期|(?P<sm_q3>当季度|當季度|当季|當季|该季度|該季度|同一(?:个|個)?季度?)|(?P<sm_l>往績記錄期間|往绩记录期间|報告期內|报告期内|(?i:the\strack\srecord\speriod))"
    r"|(?i:the\ssame\s(?:period|(?P<sm_q>quarter)|(?P<sm_h>half))(?!\s(?:a|(?:(?:of|in)\s)?(?:last|the\s(?:previous|prior)))\syear\b)"
    r"|the\s(?:same\s)?(?P<sm_n>three|six|nine|3|6|9)\smonths(?!\s(?:ended|ending|to|through|of|in)\b)"
    r"|(?:the|this)\s(?P<sm_q2>quarter)\b(?![\s-](?:ended|ending|to|through|of|before|after|earlier)\b)"
    r"|(?<=\bfor\s)the\s(?P<sm_h2>half)\b(?![\s-](?:ended|ending|to|through|of|before|after|earlier|year)\b)"
    # "made up 57.7% of revenue for the year": the year named before ("for the year ahead" is an outlook's)
    r"|(?<=\bfor\s)the\s(?P<sm_y>year)\b(?![\s-](?:ended|ending|to|through|of|before|after|earlier|ahead|ago)\b|\s[0-9]|')"
    # "And the year:" heading the lines under it, after lines of the quarter's
    r"|(?:(?<=\n)|(?<=\n[Aa]nd\s))[Tt]he\s(?P<sm_y2>year)(?=[ \t]?[:：][ \t]*\n)))",
    r"(?P<prior>去年同期|上年同期|上一年|前一年|一年前|一年以前|一年之前|(?i:a\syear\s(?:earlier|before|ago)"
    r"|the\s(?:prior|previous|year-earlier|year-ago)(?:[\s-]year)?\speriod|the\s(?:year-earlier|year-ago|prior-year|previous-year|prior\syear|previous\syear)\s(?:quarter|half)"
    r"|the\s(?:previous|prior)\syear"
    r"|the\syear\sbefore|the\ssame\s(?:period|quarter|half)\s(?:a|(?:(?:of|in)\s)?(?:last|the\s(?:previous|prior)))\syear"
    r"(?:\s(?:earlier|before|ago)\b)?))",
    # "截至上个月末": the end of the month before the one of writing ("上个月" alone as often dates an announcement);
    # "上月日均调用量", "上个月MiniMax开放平台日均…": that month, when a daily average follows it in its clause
    r"(?P<lm>(?:上个月|上個月|上月)(?:(?P<lm_end>底|末)|(?=[^，,。；\n]{0,16}?(?:日均|每日|平均每日|[0-9])))"
    # "58 trillion tokens a day last month", "last month's daily average": in English too, with a daily rate beside it
    r"|(?:(?<=per\sday\s)|(?<=a\sday\s)|(?<=/day\s)|(?<=daily\s))(?i:last\smonth)\b"
    r"|(?i:last\smonth)(?=['’]s\s(?i:daily|average))"
    # "395 trillion: average daily tokens on Zhipu's models last month": after a figure in its clause (see _LM_FIGURE)
    r"|(?P<lm_after>(?i:last\smonth))\b(?!['’]))",
    r"(?P<day>今日|今天|昨日|昨天|前日|前天|前一天|前一日|(?i:today|yesterday|the\sday\sbefore|the\sprevious\sday"
    r"|a\sday\searlier))",
    # "on Thursday", "closed Thursday", "closing Thursday", "at Thursday's close", "周四收盘": a weekday of the week the text was written in
    r"(?P<wd>(?:(?<=\bon\s)|(?<=\bclosed\s)|(?<=\bclosing\s)|(?<=\bended\s)|(?<=\bfinished\s))(?P<wd_en>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|(?P<wd_pos>Monday|Tuesday|Wednesday|Thursday|Friday)'s(?=\s(?:close|closing|session|trading))"
    r"|(?<![下每])(?P<wd_last>上|本|这|這)?(?:周|週|星期)(?P<wd_zh>[一二三四五六日天])(?![年期末刊]))",
    # "1月的", "10月", "1-9月": a month without its year takes the year of the text around it
    rf"(?P<mo>(?<![0-9年./\-–~—])(?:(?P<mo_m1>1[0-2]|0?[1-9])\s?月?\s?(?:-|–|至|到|~|—)\s?)?(?P<mo_m>1[0-2]|0?[1-9]|(?<![一二三四五六七八九十])十(?=月(?:{CN_MONTH_AFTER})))\s?月份?"
    r"(?:\s?(?P<mo_d>[1-3]?[0-9]|" + _CN_DAY + r")\s?[日号號])?(?P<mo_end>底|末)?)",
    # "13日晚間公布", "9日上市": a day of the month alone, with the trading or announcing done on it (a day alone
    # is as often a count: "近30日"), in the month of the day named before it or of the document
    r"(?P<dom>(?<![0-9月号號./+\-–~—第每近前后後逾])(?<!过去)(?<!過去)(?<!连续)(?<!連續)(?P<dom_d>[1-3]?[0-9])\s?"
    r"(?=" + "|".join(_DAY_EVENTS) + r"))",
    rf"(?P<by>(?<![0-9$¥.,A-Za-z])(?P<by_y>{_Y})(?![0-9%A-Za-z]|[.,][0-9]|\s?(?:[万亿億萬千百名人家个個元倍]"
    r"|(?i:million|billion|thousand|trillion|tokens?|times|employees|people|staff|customers|units))))",
]
# A period is what the first of the branches to match at a position reads: the one pattern _FIRST + "(?:" +
# "|".join(_BRANCHES) + ")", which is not compiled here (tests compile it as the reference); _dispatch below finds the
# same spans faster and _period_matches reads them with the branch that matched.


def _first_chars(items, icase: bool) -> tuple[set[str] | None, bool]:
    """The characters a parsed regex sequence can start with (a superset), and whether it can match empty.

    None when it cannot tell (a negated class, a category other than \\s, a cased non-ASCII letter).
    """
    out: set[str] = set()
    for op, av in items:
        if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
            continue  # zero-width: the next item starts the match
        if op is _C.LITERAL or op is _C.IN:
            first, empty = _class_chars(op, av, icase), False
        elif op is _C.BRANCH:
            first, empty = set(), False
            for alternative in av[1]:
                f, e = _first_chars(alternative, icase)
                if f is None:
                    return None, False
                first |= f
                empty = empty or e
        elif op is _C.SUBPATTERN:
            _group, add, remove, sub = av
            f, empty = _first_chars(sub, (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE)
            first = f
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            low, _high, sub = av
            first, e = _first_chars(sub, icase)
            empty = e or low == 0
        else:
            return None, False
        if first is None:
            return None, False
        out |= first
        if not empty:
            return out, False
    return out, True


def _cased(chars: set[str], icase: bool) -> set[str] | None:
    """Every character a case-insensitive match of these may meet (ASCII letters also match K, ſ, İ, ı)."""
    if not icase:
        return chars
    out = set(chars)
    for ch in chars:
        if ch.lower() != ch.upper():
            if not ch.isascii():
                return None
            out |= {ch.lower(), ch.upper(), "\u212a", "\u017f", "\u0130", "\u0131"}
    return out


_PAIR_LIMIT = 4096  # more two-character openings than this: the branch opens too loosely for a second test to pay
_SPACES = frozenset(chr(c) for c in range(0x3001) if chr(c).isspace())  # what \s matches (none lies above U+3000)


def _openings(items, icase: bool, k: int = 2) -> set[str] | None:
    """The strings of up to k characters a parsed regex sequence can start with (a superset): of length k, or shorter
    where the whole match is that short. None when it cannot tell (a negated class, a category other than \\s, a
    cased non-ASCII letter) or when there are too many."""
    out = {""}
    for op, av in items:
        if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
            continue  # zero-width: constrains nothing a superset needs
        if op in (_C.LITERAL, _C.IN):
            chars = _class_chars(op, av, icase)
            if chars is None:
                return None
            step = set(chars)
        elif op is _C.BRANCH:
            step = set()
            for alternative in av[1]:
                found = _openings(alternative, icase, k)
                if found is None:
                    return None
                step |= found
        elif op is _C.SUBPATTERN:
            _group, add, remove, sub = av
            step = _openings(sub, (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE, k)
            if step is None:
                return None
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            low, high, sub = av
            one = _openings(sub, icase, k)
            if one is None:
                return None
            # n copies for n up to low or k (more copies than both open as the first k or low of them do)
            step, reps = set(), {""}
            for n in range(min(high, max(low, k)) + 1):
                if n:
                    reps = {(a + b)[:k] for a in reps for b in one}
                    if len(reps) > _PAIR_LIMIT:
                        return None
                if n >= low:
                    step |= reps
        else:
            return None
        out = {x if len(x) >= k else (x + y)[:k] for x in out for y in step}
        if len(out) > _PAIR_LIMIT:
            return None
        if all(len(x) >= k for x in out):
            return out
    return out


def _class_chars(op, av, icase: bool) -> set[str] | None:
    """The characters a LITERAL or IN item matches; None for a negated class or a category other than \\s."""
    if op is _C.LITERAL:
        return _cased({chr(av)}, icase)
    chars: set[str] = set()
    for kind, value in av:
        if kind is _C.LITERAL:
            chars.add(chr(value))
        elif kind is _C.RANGE:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif kind is _C.CATEGORY and value is _C.CATEGORY_SPACE:
            chars |= _SPACES
        else:
            return None
    return _cased(chars, icase)


def _dispatch(allowed: str, branches: list[str]) -> tuple[re.Pattern, list[int]]:
    """One pattern matching what "(?=[allowed])(?:" + "|".join(branches) + ")" matches, without named groups, trying at each
    position only the branches that can start with its character, in their order.

    Without its hundred groups the engine stops saving and restoring their marks at every branch (no
    branch has a backreference, so the spans are the same), and a position starting with a digit no
    longer tries the twenty branches that start with a word: together about four times faster. Each
    character gets the branches whose first characters include it; characters with the same branches
    share one lookahead class. The engine tries those classes one after the other, so they are nested
    in a few buckets (digits first: the commonest in facts, then other scripts, upper, lower case):
    a position tests its bucket's class, then only the classes inside it. The classes are disjoint,
    so their order changes nothing.

    Each branch ends with an empty group, set only when that branch has matched: the match's lastindex
    is the position in owners (the second value returned) of the branch that matched.
    """
    plain = [re.sub(r"\(\?P<\w+>", "(?:", b) for b in branches]
    owners = [-1]  # group 0 is the whole match
    openings = [_openings(_parser.parse(b), False) for b in plain]
    firsts = []
    for b in plain:
        first, empty = _first_chars(_parser.parse(b), False)
        if first is None or empty:  # cannot tell: try them all
            return re.compile(_lookahead(allowed) + "(?:" + "|".join(p + "()" for p in plain) + ")"), [-1, *range(len(plain))]
        firsts.append(first & set(allowed))
    by_char: dict[str, list[int]] = {}
    for i, first in enumerate(firsts):
        for ch in first:
            by_char.setdefault(ch, []).append(i)
    by_set: dict[tuple[int, ...], list[str]] = {}
    for ch, members in by_char.items():
        by_set.setdefault(tuple(members), []).append(ch)
    buckets: dict[int, list[tuple[list[str], tuple[int, ...]]]] = {}
    for members, chars in sorted(by_set.items(), key=lambda kv: -len(kv[1])):
        for bucket in sorted({_bucket(ch) for ch in chars}):
            buckets.setdefault(bucket, []).append(([ch for ch in chars if _bucket(ch) == bucket], members))
    nested = []
    for _, classes in sorted(buckets.items()):
        inner = []
        for chars, members in classes:
            inner.append(f"{_lookahead(chars, _seconds(chars, [openings[i] for i in members]))}(?:"
                         + "|".join(plain[i] + "()" for i in members) + ")")
            owners.extend(members)
        nested.append(_lookahead([ch for chars, _ in classes for ch in chars]) + "(?:" + "|".join(inner) + ")")
    return re.compile(_lookahead(by_char) + "(?:" + "|".join(nested) + ")"), owners


def _bucket(ch: str) -> int:
    """Digits, other scripts, upper-case and lower-case Latin: the order _dispatch tries them in."""
    return 0 if ch.isdigit() else 1 if not ch.isascii() else 2 if ch.isupper() else 3


def _lookahead(chars, seconds=None) -> str:
    """A lookahead for one of the characters, followed by one of `seconds` when given."""
    second = "" if seconds is None else "[" + "".join(re.escape(ch) for ch in sorted(seconds)) + "]"
    return "(?=[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]" + second + ")"


def _seconds(chars: list[str], openings: list[set[str] | None]) -> set[str] | None:
    """The characters that may follow one of `chars` at the start of a match of one of the branches (their openings, see
    _openings); None when some branch may match a single character or its openings are unknown. A position whose
    next character is none of them is no match of any of those branches: a second test in the class rejects it
    ("t" of "it", "at", "total" for the branches of "the first half", "this year", "two months"…)."""
    seconds: set[str] = set()
    for found in openings:
        if found is None or any(len(x) < 2 for x in found):
            return None
        seconds.update(x[1] for x in found if x[0] in chars)
    return seconds


# It finds where the periods are and which branch matched; that branch's own pattern then runs only there, to read
# the groups.
_PERIOD_SPANS, _OWNERS = _dispatch(_FIRST_CHARS, _BRANCHES)
_BRANCH_PATTERNS = [re.compile(b) for b in _BRANCHES]


@dataclass(slots=True)  # treated as immutable; not frozen=True, whose __init__ costs a setattr call per field
class PeriodMention:
    """A period the text names, resolved to the contract's labels."""

    start: int
    end: int
    kind: str  # flow | date | span | since | vague | same | prior (a year before the last) | before (the quarter or
    # month before the last) | reported (the period a filing reports on) | open | dateline (a wire's, dating no figure)
    label: str  # FY2024, 2025H1, 2025Q1-Q3, 2025-06, 2025-06-30, FY2022-FY2024; "" when unresolved
    years: tuple[int, ...] = ()
    flow: str | None = None  # for a date: the period ending on it, for flow metrics (2025-06-30 → 2025H1); for a span
    # that ends on part of its last year ("2023年至2025年前三季度"), that part
    closed: bool = False  # written as ended ("截至…止六个月", "six months ended"): over when the text was written

    def expand(self) -> list[PeriodMention]:
        """Return a span as one fiscal year per member (for lists bound "respectively"), its last one the part of the
        year it ends on if it names one ("2023年至2025年前三季度": FY2023, FY2024, 2025Q1-Q3); else itself."""
        if self.kind != "span":
            return [self]
        years = [PeriodMention(self.start, self.end, "flow", f"FY{y}", (y,)) for y in self.years]
        if self.flow:
            years[-1] = PeriodMention(self.start, self.end, "flow", self.flow, self.years[-1:])
        return years


def _recalled(year: int, doc_year: int | None) -> bool:
    """True for a day or month of a year two or more before the one of writing: history told in passing."""
    return doc_year is not None and year < doc_year - 1


def months_label(year: int, first: int, last: int) -> str | None:
    """Label the months first..last of a year: 1-6 → 2025H1, 1-9 → 2025Q1-Q3, 7-9 → 2025Q3."""
    if not (1 <= first <= last <= 12):
        return None
    if (first, last) == (1, 12):
        return f"FY{year}"
    if first == last:
        return f"{year}-{first:02d}"
    named = {(1, 6): "H1", (7, 12): "H2", (1, 9): "Q1-Q3", (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}
    return f"{year}{named[(first, last)]}" if (first, last) in named else None


def date_flow(day: date) -> str | None:
    """Return the period from the start of the year to a quarter end (6/30 → H1), else None."""
    if day.day != calendar.monthrange(day.year, day.month)[1] or day.month % 3:
        return None
    return months_label(day.year, 1, day.month)


def find_periods(text: str, doc_date: date | None, start: int = 0, end: int | None = None, *,
                 lowered: str | None = None) -> list[PeriodMention]:
    """Return every period mention in text[start:end]; relative ones ("今年", "昨日") resolved with doc_date.

    lowered, when given, is lower_ascii(text): a caller reading many windows of one text lowers it once.
    """
    doc_year = doc_date.year if doc_date else None
    found: list[PeriodMention] = []
    # (year, offset, a date or month?, a bare word such as 去年 or "last year"?, its kind) of the last explicit year
    last_year: tuple[int, int, bool, bool, str] | None = None
    last_day: PeriodMention | None = None  # the last day named, for "a day later"
    released: PeriodMention | None = None  # the last day named as a release's, for "业绩发布次日"
    named: tuple[int, int] | None = None  # (year, offset) of the last year named in any way, for "那一年"
    frame: int | None = None  # the year of the last half, quarter or closed period named: what the text reports on
    reported: PeriodMention | None = None  # and that period
    reporting: int | None = None  # frame, or else the year of the first half, quarter or whole year without its year
    base_year: tuple | None = None  # (the last year before, offset) of a comparison's year, until its sentence ends
    years_named: list[tuple[int, int]] = []  # (year, offset) of the last years, halves and quarters named
    last_month: tuple[int, int, int] | None = None  # (year, month, offset) of the last month written with its year
    quarters: dict[str, int] = {}  # the latest year each quarter ("Q1") was written with, see _quarter_named
    announced: PeriodMention | None = None  # the first period written as ended in the opening: what a filing announces
    part: PeriodMention | None = None  # the last quarter, run of quarters or half named, its year written or not
    for m in _matches(text, start, len(text) if end is None else end, lowered):
        if found and found[-1].kind == "date" and _glosses_day(text, found[-1], m):
            continue  # "3月29日（首季最後交易日）": a bracket after a day says what the day was; it dates nothing
        if base_year is not None and (last_year is None or last_year[1] != base_year[1]):
            base_year = None  # another year named since
        elif base_year is not None and _SENTENCE_END.search(text, base_year[1], m.start()):
            last_year, base_year = base_year[0], None
        stated = last_year[0] if last_year and m.start() - last_year[1] < 300 else None
        guessed = False  # a month dated to last year by the document's date alone
        gone = False  # a month dated to this year against the year named before it, see _gone_this_year
        # a day without its year takes a year from a date or month named near it in its sentence, not from a fiscal
        # period nor from an earlier sentence ("在2025年底完成融资。…智谱于1月8日挂牌" in February 2026 is this January)
        in_sentence = stated if stated is not None and not _SENTENCE_END.search(text, last_year[1], m.start()) else None
        stated_day = in_sentence if last_year and last_year[2] else None
        # "below 2x before 2028.…at the end of September": a later year is an outlook's, not the news' a month is in;
        # "…last year," he said. "…topped 50 trillion in March": a year written as a word counts from the day of
        # writing, as a month or a quarter after it does, so it lends its year only in its own sentence
        worded = stated is not None and last_year[3] and in_sentence is None
        # "去年全年營收8.12億美元；另據公司最新披露，截至5月底的ARR…": nor to a month past a semicolon, which opens
        # another statement
        apart = worded or (stated is not None and last_year[3] and _CLAUSE_END.search(text, last_year[1], m.start()))
        stated_month = None if apart or (stated is not None and doc_year is not None and stated > doc_year) else stated
        # "listed in January 2026.…For the first nine months of the year": a day or month with its year dates an
        # event; like a worded year, it gives a half or quarter its year only in its own sentence, and not even there
        # when it is two years or more before the writing ("Zhipu, which floated in January 2026, reported first-quarter
        # revenue…" in 2028: a listing recalled in passing) or after it (an aim: "break even in 2029")
        event = m.lastgroup == "bare" and stated is not None and (last_year[2] and (in_sentence is None or _recalled(
            stated, doc_year)) or (doc_year is not None and stated > doc_year))
        context_year = doc_year if worded or event else stated or doc_year
        if m.lastgroup == "bare" and frame is not None and stated is not None and stated < frame and not last_year[3]:
            # "截至2025年12月31日止年度…由2024年的…第四季": a plain earlier year is a comparison; "去年MiniMax全年收入"
            # is not: a year written as a word is the writer's own dating of what follows it
            context_year = frame
        if m.lastgroup == "day":
            p = _day(m, doc_date, last_day)
        elif m.lastgroup == "wd":
            p = _weekday(m, doc_date)
        elif m.lastgroup == "lm":
            p = None if m.group("lm_after") and not _dates_figure(text, m.start(), found) else _last_month(m, doc_date)
        elif m.lastgroup == "next":
            after = released if released is not None and _AFTER_RESULTS.search(text, max(0, m.start() - 8), m.start()) \
                else last_day
            p = None if _RESTATES.search(text, max(0, m.start() - 16), m.start()) else _next_day(m, after)
        elif m.lastgroup in ("emd", "emd2"):
            k = m.lastgroup
            month = _MONTHS[m.group(k + "_mo").lower()]
            p = _day_of(m, month, int(m.group(k + "_d")), doc_date, _day_year(stated_day, month, last_month, m))
        elif m.lastgroup == "eye" and not m.group("eye_y"):
            p = _year_ended(m, doc_date)
        elif m.lastgroup == "dom":
            p = _day_of_month(m, doc_date, last_day)
        elif m.lastgroup == "mo":
            month = _month_number(m.group("mo_m"))
            gone = not m.group("mo_d") and in_sentence is None and _gone_this_year(month, stated_month, doc_date)
            # "照这个速度，2031年内冲过100亿美元并非难事。…ARR在12月底约为11.5亿美元" on January 3, 2031: a year an
            # earlier sentence named does not put a month written without one after the day of writing (an outlook
            # writes its month's year): it is the latest such month
            ahead = not m.group("mo_d") and in_sentence is None and _not_yet(month, stated_month, doc_date)
            lent = _day_year(stated_day, month, last_month, m) if m.group("mo_d") else _lent(
                month, None if gone or ahead else stated_month, last_year, doc_date)
            p = _month(m, doc_date, lent)
            # "官员认为12月维持利率不变" in November: a month put in last year for want of a year is a guess about that
            # one phrase, like a half's below, and names no year for the quarters after it; so is one read as this
            # year's against the year named before it, which frames nothing either ("截至2025年12月31日止年度…1月登陆
            # 港交所…第四季度")
            guessed = gone or (lent is None and p is not None and doc_year is not None and p.years[-1:] < (doc_year,))
        elif m.lastgroup == "emo":
            # "ended June with 1,115 employees", "ended August at a run-rate of…": the month's last day, as "the end of June"
            lent = _lent(_month_word(m), stated_month, last_year, doc_date, apart=in_sentence is None)
            p = _english_month(m, doc_date, lent, end=text.endswith("ended ", 0, m.start()))
            # "in December, … in January" in February: a month dated by the day of writing alone lends no year to
            # the months after it (each is the latest such month)
            guessed = lent is None
        elif m.lastgroup == "eom":
            lent = int(m.group("eom_y")) if m.group("eom_y") else _lent(
                _month_word(m), stated_month, last_year, doc_date, apart=in_sentence is None)
            p = _english_month(m, doc_date, lent, end=True)
            guessed = lent is None
        elif m.lastgroup == "smy":
            # "第四季度收入…，較2027年同期的…": the quarter or half its sentence (or paragraph) names before it, else the one reported on
            # else the one the filing announces ("截至2029年3月31日止三個月…（2028年同期：…）" after "2028年第四季度" in
            # the text), when it is of the kind the phrase says ("the same quarter of 2025" in a nine months' release is not);
            # else the quarter or half named last before it, lines before ("- Third-quarter revenue…\n- …48.9% of sales,
            # compared with 44.1% in the same period of 2028"): the year alone is no period a text compares with
            p = _same_of(m, part if part is not None and (not _SENTENCE_END.search(text, part.end, m.start())
                                                          or _same_paragraph(text, part.end, m.start()))
                         else _of_kind(m, announced) or reported or _of_kind(m, part))
        elif m.lastgroup == "qb":
            p = PeriodMention(m.start(), m.end(), "before" if m.group("qb_q") or m.group("qb_m") else "prior",
                              "M" if m.group("qb_m") else "Q")
        elif m.lastgroup == "rp":
            # past the opening this window does not read, the document's reporting period (binding._resolve_same)
            p = PeriodMention(m.start(), m.end(), "flow", announced.label, announced.years) if announced else \
                PeriodMention(m.start(), m.end(), "reported", "")
        elif m.lastgroup == "nexty":
            p = None if stated is None else PeriodMention(m.start(), m.end(), "flow", f"FY{stated + 1}", (stated + 1,))
        else:
            that = named[0] if named and m.start() - named[1] < 300 else None
            year_reported = _year_reported(text, m, years_named) if m.lastgroup == "rel" else None
            if year_reported is None and m.lastgroup == "rel" and text.startswith("上年", m.start()):
                # "截至2030年12月31日止年度業績…毛利率為58.8%，上年為55.1%": with no year in its sentence, the year before
                # the one the filing announces, or the one whose results the lede names ("发布2030年度业绩公告。…毛利率
                # 由上年的63.1%提升至65.0%")
                year_reported = announced.years[-1] if announced is not None and announced.years \
                    else _results_year(text, doc_year)
            elif m.lastgroup == "rel" and announced is not None and announced.label.startswith("FY") \
                    and text.startswith("本年度", m.start()):
                # "截至2030年12月31日止年度（「本年度」）之年度業績": the year a filing announces, not the year of writing
                year_reported = announced.years[-1]
            p = _mention(m, doc_year, context_year, that, year_reported)
            if m.lastgroup == "rel" and p is not None and _base_last_year(text, m):
                p = PeriodMention(m.start(), m.end(), "prior", "")
            if m.lastgroup == "bare" and p is not None:
                dated = bool(worded or (stated and last_year[2])) and context_year == doc_year
                unstated = context_year == doc_year and not stated
                shifted = _last_completed(p, doc_date, whole_year=dated or unstated,
                                          dated=dated or (unstated and _later_quarter(text, p, doc_date))
                                          or (context_year == doc_year and _a_base(text, m.start())))
                # "第四季度收入" in a March table or paragraph naming no year is last year's, a guess about that one phrase
                guessed = unstated and not dated and shifted is not None and shifted.years != p.years
                p = _quarter_named(shifted, quarters)
            elif m.lastgroup == "asm" and p is not None and p.label and doc_date is not None \
                    and doc_date < period_end(p.label):
                p = shift_year(p, -1)  # "截至6月底止三個月" in May: written as ended, last year's
            elif m.lastgroup == "eme" and p is not None and p.label and not m.group("eme_y") and doc_date is not None \
                    and doc_date < period_start(p.label):
                # "the three months through December" in March: months written as ending, not yet begun this year,
                # are last year's ("will report the six months through June" in June stays this year's)
                p = shift_year(p, -1)
        if p is None:
            continue
        trails = _trails(text, p)
        if announced is None and p.closed and p.kind == "flow" and m.start() < OPENING \
                and not with_another_length(text, m.start(), m.end()):
            announced = p
        if p.kind == "date" and len(p.label) == 10 and not (
                m.lastgroup == "day" and " ".join(m.group("day").lower().split()) in _DAY_BEFORE):
            last_day = p  # "前一日" twice is the same day before the day named, not a day further back each time
            if text.startswith(_RELEASE_DAY, p.end - 1):
                released = p
        if p.years and p.kind in ("flow", "date", "span", "vague") and not guessed \
                and not (m.lastgroup == "bare" and p.years[-1] != context_year) and not compared(text, p.start) \
                and m.lastgroup != "smy" \
                and not _from_level(text, p.start) and not comparative(text, p) \
                and not (trails == "figure" and last_year is not None and p.years[-1] < last_year[0]):
            # a half without its year put in last year because this year's was still under way ("下半年招聘將放緩"
            # in August) is a guess about that one phrase, and names no year for the months after it
            # a half or quarter dated by a year written as a word is written from the day of writing too; "the same
            # period of 2028", "2028年同期" is the base of a comparison, no year the months after it are of
            from_word = _worded(m) or (m.lastgroup == "bare" and stated is not None and last_year[3])
            if trails and reporting is not None and p.years[-1] < reporting:
                # "全年收入105.3亿元；2029年全年为71.8亿元，其中四季度…": a comparison's year dates the rest of its
                # sentence, not the sentences after it, which go on about the period reported on
                base_year = (last_year, m.end())
            last_year = (p.years[-1], m.end(), p.kind == "date" or len(p.label) == 7, from_word, p.kind)
        if p.kind == "flow" and m.lastgroup != "bare" and len(p.label) == 6 and p.label[4] == "Q" \
                and (doc_year is None or p.years[0] <= doc_year):
            quarters[p.label[4:]] = max(p.years[0], quarters.get(p.label[4:], p.years[0]))
        if p.years and len(p.years) == 1:
            named = (p.years[0], m.end())  # "从2025年开始的。那一年…": a since-year is named too
        if p.kind == "flow" and len(p.label) == 7 and m.lastgroup in ("yr", "em"):
            last_month = (p.years[0], int(p.label[5:]), m.end())  # a month written with its year: "2026年1月"
        if p.kind == "flow" and len(p.years) == 1 and len(p.label) != 7 and not text.startswith("上年", m.start()):
            # (not 上年 itself: "毛利率由上年的63.8%提升至66.2%；上年经调整净亏损" names the same year twice)
            years_named = [*years_named[-3:], (p.years[0], m.end())]  # for "上年": the latest year reported on
        if p.kind == "flow" and m.lastgroup == "bare" and reporting is None and p.years \
                and (doc_year is None or p.years[-1] <= doc_year):
            # "第四季度收入11.4亿美元…全年收入40.9亿美元，2029年是27.9亿美元。…四季度毛利率": a quarter or whole year
            # written without its year is of the year reported on too, for telling a comparison's year from it
            reporting = p.years[-1]
        if p.kind == "flow" and m.lastgroup != "bare" and (p.closed or not p.label.startswith("FY") or _whole(m)) \
                and (doc_year is None or p.years[-1] <= doc_year) and not gone \
                and not (reporting is not None and p.years[-1] < reporting and trails):
            # "押注明年上半年降息…三季度营收": a period after the year of writing is an outlook's, not what the text reports on
            frame, reported, reporting = p.years[-1], p, p.years[-1]
        if p.kind in ("flow", "date") and _opens_since(text, p):
            p = PeriodMention(p.start, p.end, "since", "", p.years)
        if p.kind == "flow" and period_kind(p.label).startswith(("Q", "H")):
            part = p  # a quarter, a half or a run of quarters ("前九個月"): "2027年同期" after it is the same months
        if p.kind == "date" and text.startswith(_DATELINE_END, p.end):
            # "财联社8月12日电": a wire's dateline dates the dispatch (a day named, for "次日"), no figure in it; kept so
            # its digits are read as no number
            p = PeriodMention(p.start, p.end, "dateline", p.label, p.years)
        if found and found[-1].kind == "span" and found[-1].end == p.start and p.kind == "flow" \
                and p.years == found[-1].years[-1:] and period_kind(p.label) in _SPAN_END_PARTS:
            s = found[-1]  # "2023年至2025年前三季度": the span ends on the part of its last year written right after it
            found[-1] = PeriodMention(s.start, s.end, s.kind, s.label, s.years, p.label, s.closed)
        if p.kind == "flow" and p.label[-2:-1] == "Q" and len(p.label) == 6 and p.start >= 2 \
                and text[p.start - 1] in _QUARTERS_JOIN and text[p.start - 2] in _QUARTER_NUMERALS:
            listed = _quarters_before(text, p)
            if found and found[-1].end == listed[0].start and found[-1].label == f"FY{p.years[0]}":
                # "今年一、二、三季度": the year the quarters are of, one period with the first as "今年一季度" is
                listed[0] = PeriodMention(found.pop().start, listed[0].end, "flow", listed[0].label, p.years)
            found.extend(listed)
        found.append(p)
    return found


_SPAN_END_PARTS = ("H1", "Q1-Q3")  # what a span of years may end on: a prospectus's first half or first nine months
_QUARTER_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4}
_QUARTERS_JOIN = "、和及与與"


def _quarters_before(text: str, p: PeriodMention) -> list[PeriodMention]:
    """"今年一、二、三季度分别是…": the numerals listed before a quarter share its word and its year, each a quarter of
    its own (in order, for a list bound "respectively")."""
    out, at = [], p.start
    while len(out) < 3 and at >= 2 and text[at - 1] in _QUARTERS_JOIN and text[at - 2] in _QUARTER_NUMERALS:
        at -= 2
        out.append(PeriodMention(at, at + 1, "flow", f"{p.years[0]}Q{_QUARTER_NUMERALS[text[at]]}", p.years))
    return out[::-1]


_DATELINE_END = ("电，", "電，", "电,", "電,", "电 ", "電 ", "电】", "電】", "电）", "電）")


# Every period names a year-like number or one of these words; the full pattern only runs near them.
_ANCHOR_WORDS = (
    "fy", "fiscal", "今年", "本年", "去年", "上年", "前年", "明年", "同年", "同期", "上半年", "下半年", "上半财", "下半财", "上半財", "下半財", "中期", "前三季", "季度", "全年",
    "今日", "今天", "昨日", "昨天", "前日", "前天", "上一年", "前一年", "this year", "last year", "next year", "today",
    "yesterday", "first half", "second half", "full year", "full-year", "whole year", "nine months", "three quarters", "-month", " quarter", " half", "年初", "年底", "年末",
    "a year", "the year", "previous year", "prior year", "prior-year", "previous-year", "year-earlier", "year-ago",
    "prior period", "previous period", "same period", "个月", "個月", "三月", "六月", "九月", "二月", "前一天", "前一日", "day before",
    "previous day", "day earlier", "same nine", "same six", "same three", "same quarter", "same half", "six months", "three months", "第一季", "第二季", "第三季", "第四季", "财季", "財季", "首三季", "首季", "一季报", "一季報", "往績", "往绩",
    "報告期", "报告期", "track record", "reporting period", "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "週一", "週二", "週三", "週四", "週五", "週六", "週日", "星期", "in may", "for may", "of may", "ended may", "-quarter", "-half", "day later", "next day", "following day", "day after", "翌日", "次日", "第二天", "一天之", "一天后", "一天後", "第二年", "次年", "翌年",
    "following year", "year later", "当季", "當季", "该季度", "該季度", "同一季", "同一个季", "同一個季", "一年前", "一年以前", "一年之前", "上个月", "上個月", "上月", "last month", "十月", "上季", "上一季", "上个季", "上個季", "本期", "month earlier",
    "month before", "previous month", "prior month", "preceding month", "那一年", "那年", "该年", "該年", *_DAY_EVENTS,
    *(f"{mo}{sep}" for mo in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
      for sep in ("-", " '", "'", " ’", "’")),  # "Oct-27", "Mar '30": a month and its year's last two digits
)


def _anchor_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Years ("2024"), "1h"/"3q"/"9m", "h1"/"q3" and the words, one branch per first character.

    Every branch starts with a literal, so the engine finds candidate positions with a character-set
    scan in C instead of trying forty alternatives at every position. No word is a prefix of another,
    so the trie matches what the plain alternation "year|digits+h/q/m|h/q+digit|words" matched.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    # 月: "10月", "1-9月", and "4 月" of a writer who spaces every number
    digits = [r"1(?:9[0-9]{2}|[0-9]?(?:[hqm]|\s?月))", r"2(?:0[0-9]{2}|[0-9]?(?:[hqm]|\s?月))"]
    digits += [rf"{d}[0-9]?(?:[hqm]|\s?月)" for d in "03456789"]
    assert not {"h", "q"} & set(trie) and not set("0123456789") & set(trie)
    return re.compile("|".join([*digits, r"h[1-4]", r"q[1-4]", *(re.escape(ch) + emit(trie[ch]) for ch in sorted(trie))]))


_ANCHOR = _anchor_pattern(_ANCHOR_WORDS)
_BEFORE, _AFTER = 40, 24


def _matches(text: str, start: int, end: int, lowered: str | None = None):
    """Yield the period matches in text[start:end], running the full pattern only around anchors."""
    if lowered is None:
        lowered, offset = lower_ascii(text[start:end]), start
    else:
        offset = 0  # the whole text, lowered by the caller once for all its windows
    low, high = start - offset, end - offset
    window: list[int] | None = None
    for a in _ANCHOR.finditer(lowered, low, high):
        s, e = max(low, a.start() - _BEFORE), min(high, a.end() + _AFTER)
        if window and s <= window[1]:
            window[1] = e
            continue
        if window:
            yield from _period_matches(text, offset + window[0], offset + window[1])
        window = [max(s, window[1]) if window else s, e]
    if window:
        yield from _period_matches(text, offset + window[0], offset + window[1])


def _period_matches(text: str, start: int, end: int) -> list[re.Match]:
    """What the one period pattern's finditer(text, start, end) would yield (the same spans, groups, lastgroup), found
    with the group-less pattern: the first branch to match at a position is the one it takes there, so that branch's
    own pattern reads it."""
    patterns, owners = _BRANCH_PATTERNS, _OWNERS
    return [patterns[owners[m.lastindex]].match(text, m.start(), end) for m in _PERIOD_SPANS.finditer(text, start, end)]


_SINCE_TAIL = re.compile(r"[^，,。；;！？!?\n]{0,24}?(?:以来|以來|起)")


def _opens_since(text: str, p: PeriodMention) -> bool:
    """"自2025年下半年发布GLM-4.5以来": a period that starts an open-ended span is no period of its own."""
    head = text[max(0, p.start - 2):p.start]
    return head.endswith(("自", "自从", "自從")) and _SINCE_TAIL.match(text, p.end) is not None


def _year(text: str) -> int:
    digits = text.lstrip("'")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


_THAT_YEAR = ("那一年", "那年", "该年", "該年")  # not 当年: "创下当年港股新高" is a record of that time, not a period


# Words that count a year from the day of writing, whatever period follows them ("去年第二季", "last year's fourth quarter")
# Years named by a word, as years from the one of writing; all but 上年 count from the day of writing itself (上年 is the
# year before the one a sentence reports on, see _bind_sentence)
_YEAR_SHIFT = {"今年": 0, "本年": 0, "this year": 0, "去年": -1, "上年": -1, "last year": -1, "前年": -2, "明年": 1,
               "next year": 1}
_FROM_WRITING = _YEAR_SHIFT.keys() - {"上年"}


def _worded(m: re.Match) -> bool:
    """A year written as a word: "去年", and "去年第二季" or "去年底" counted from the day of writing too, so it lends its
    year to a half or month only in its own sentence ("去年第二季基數偏高。…上半年雲端收入佔55%" in an August paper is
    this year's half). "上年" and "同年" with a period after them count from the year reported on, and lend it on."""
    if m.lastgroup != "rel":
        return False
    return not m.group("r_suf") or " ".join(m.group("r_w").lower().split()) in _FROM_WRITING


def _day_year(stated: int | None, month: int, last_month: tuple[int, int, int] | None, m: re.Match) -> int | None:
    """The year of a day written without one: a date's or month's in its sentence (stated), else that of the same
    month written with its year just before ("時間撥回2026年1月。智譜於1月8日掛牌": a flashback's January)."""
    if stated is None and last_month is not None and last_month[1] == month and m.start() - last_month[2] < 300:
        return last_month[0]
    return stated


def _year_reported(text: str, m: re.Match, years_named: list[tuple[int, int]]) -> int | None:
    """The latest year named before "上年" in its sentence: "2026年研发费用…（2025年约为4.9倍）；经调整净亏损49.8亿元，
    上年为39.2亿元" compares 2026 with the year before it."""
    if not text.startswith("上年", m.start()):
        return None
    return max((y for y, at in years_named if not _SENTENCE_END.search(text, at, m.start())), default=None)


# "2030年度业绩", "2027年財報", "2030年年报": a year's results named
# the words naming a period's results right after it ("2030年度业绩", "第四季業績", "年报"; binding._results_announced)
RESULTS = "业绩|業績|年度报告|年度報告|年报|年報|财报|財報|季报|季報|中报|中報"
_RESULTS_YEAR = re.compile(rf"(?P<y>{_Y})\s?年(?:度|全年)?的?(?:{RESULTS})")


def _results_year(text: str, doc_year: int | None) -> int | None:
    """The year whose results a story's opening says were published ("DeepSeek发布2030年度业绩公告"), when not after
    the year of writing; None when the opening names none."""
    m = _RESULTS_YEAR.search(text, 0, OPENING)
    return None if m is None or (doc_year is not None and int(m.group("y")) > doc_year) else int(m.group("y"))


# The English words of the bare branch, read as the Chinese ones _with_suffix knows
_BARE_ENGLISH = {"the first half": "上半年", "the second half": "下半年", "the first nine months": "前三季度",
                 "the first three quarters": "前三季度", "the full year": "全年", "the whole year": "全年",
                 "full-year": "全年", "full year": "全年", "fy": "全年", "年初": "初", "年底": "底", "年末": "末", "the first quarter": "第一季度",
                 "the second quarter": "第二季度", "the third quarter": "第三季度", "the fourth quarter": "第四季度",
                 "first quarter": "第一季度", "second quarter": "第二季度", "third quarter": "第三季度",
                 "fourth quarter": "第四季度",
                 "first-quarter": "第一季度", "second-quarter": "第二季度", "third-quarter": "第三季度",
                 "fourth-quarter": "第四季度", "first-half": "上半年", "second-half": "下半年", "nine-month": "前三季度",
                 "six-month": "上半年", "the first six months": "上半年", "the march quarter": "第一季度",
                 "the june quarter": "第二季度", "the september quarter": "第三季度", "the december quarter": "第四季度",
                 "march-quarter": "第一季度", "june-quarter": "第二季度", "september-quarter": "第三季度",
                 "december-quarter": "第四季度", "九個月": "前三季度", "九个月": "前三季度", "六個月": "上半年", "六个月": "上半年"}

_END_OF_BEFORE = re.compile(r"(?i:(?:the\s)?end\sof\s)$")


def _mention(m: re.Match, doc_year: int | None, context_year: int | None, named: int | None = None,
             reported_year: int | None = None) -> PeriodMention | None:
    kind = m.lastgroup
    g = m.group
    s, e = m.start(), m.end()
    if kind == "asof":
        if g("a_r"):  # "截至今年9月30日止三個月": the year relative to the document's
            if doc_year is None:
                return PeriodMention(s, e, "open", "")
            y = doc_year + _YEAR_SHIFT[g("a_r")]
        else:
            y = int(g("a_y"))
        if g("a_ye"):
            month, day_ = 12, 31
        else:
            month = int(g("a_m"))
            if not 1 <= month <= 12:
                return None
            day_ = _day_number(g("a_d")) if g("a_d") else calendar.monthrange(y, month)[1]
        d = _date(y, month, day_)
        if d is None:
            return None
        length = g("a_len")
        if length:
            n = 12 if length in ("年度", "财年", "財年") else _LEN.get(length.rstrip("个個月"), 0)
            label = months_label(y, month - n + 1, month) if n and month - n + 1 >= 1 else None
            return PeriodMention(s, e, "flow", label, (y,), closed=True) if label else None
        return _on_day(s, e, d)
    if kind == "asm":
        if context_year is None:
            return PeriodMention(s, e, "open", "")
        month, n = _month_number(g("asm_m")), _LEN[g("asm_len")]
        label = months_label(context_year, month - n + 1, month) if 1 <= month - n + 1 and month <= 12 else None
        return PeriodMention(s, e, "flow", label, (context_year,), closed=True) if label else None
    if kind in ("span", "espan", "bspan"):
        prefix = {"span": "s_", "espan": "es_", "bspan": "bs_"}[kind]
        y1, y2 = int(g(prefix + "y1")), int(g(prefix + "y2"))
        if not 0 < y2 - y1 <= 10:
            return None
        return PeriodMention(s, e, "span", f"FY{y1}-FY{y2}", tuple(range(y1, y2 + 1)))
    if kind == "since":
        return PeriodMention(s, e, "since", "", (int(g("sn_y") or g("sn_y2")),))
    if kind == "yr":
        return _with_suffix(s, e, int(g("y_y")), g("y_suf"), m, "y_")
    if kind == "cq":
        y, suf = int(g("cq_y")), g("cq_s").replace(" ", "")
        return PeriodMention(s, e, "flow", f"{y}{'Q1-Q3' if suf.startswith('Q1-') else suf}", (y,))
    if kind == "rel":
        word = g("r_w").lower()
        if word == "同年":
            base = context_year
        elif word == "上年" and reported_year is not None:
            base = reported_year - 1  # "2026年…占比48.0%，上年这一比例为32%": the year before the one reported on
        elif word == "本年" and reported_year is not None:
            base = reported_year  # a filing's "本年度": the year it announces
        elif word in _THAT_YEAR:
            base = named  # "那一年", "该年": the year just named; with none near, "back then" is no period
        elif doc_year is None:
            return PeriodMention(s, e, "open", "")
        else:
            base = doc_year + _YEAR_SHIFT.get(" ".join(word.split()), 0)
        if base is None:
            return PeriodMention(s, e, "open", "")
        if not g("r_suf") and (end_of := _END_OF_BEFORE.search(m.string, max(0, s - 11), s)):
            return _with_suffix(end_of.start(), e, base, "底", None, "r_")  # "at the end of last year": as 去年底
        return _with_suffix(s, e, base, g("r_suf"), m, "r_")
    if kind == "eh":
        y = int(g("eh_y"))
        return PeriodMention(s, e, "flow", f"{y}H{1 if g('eh_w').lower() in ('first', '1st') else 2}", (y,))
    if kind == "elh":
        if doc_year is None:
            return PeriodMention(s, e, "open", "")
        y = doc_year - 1 if g("elh_w").lower() == "last" else doc_year
        if g("elh_q"):
            return PeriodMention(s, e, "flow", f"{y}Q{_ORD[g('elh_q').lower()]}", (y,))
        if g("elh_h"):
            return PeriodMention(s, e, "flow", f"{y}H{1 if g('elh_h').lower() == 'first' else 2}", (y,))
        return PeriodMention(s, e, "flow", months_label(y, 1, _LEN[g("elh_n").lower()]), (y,))
    if kind == "en9":
        y = int(g("en9_y"))  # "the first three (six) months of 2027": its first quarter (half)
        return PeriodMention(s, e, "flow", months_label(y, 1, _LEN[g("en9_n").lower()]) if g("en9_n") else f"{y}Q1-Q3", (y,))
    if kind == "eme":
        y, month = int(g("eme_y")) if g("eme_y") else context_year, _MONTHS[g("eme_mo").lower()]
        if y is None:
            return PeriodMention(s, e, "open", "")
        n = _LEN[g("eme_n").lower()] if g("eme_n") else 6 if g("eme_h") else 3  # "the quarter (half-year) ended June 30"
        label = months_label(y, month - n + 1, month) if month - n + 1 >= 1 else None
        return PeriodMention(s, e, "flow", label, (y,), closed=g("eme_y") is not None) if label else None
    if kind == "emq":
        y = int(g("emq_y") or g("emq_y2")) if g("emq_y") or g("emq_y2") else context_year
        first, last = _MONTHS[g("emq_a").lower()], _MONTHS[g("emq_b").lower()]
        label = months_label(y, first, last) if y is not None and first < last else None
        return PeriodMention(s, e, "flow", label, (y,)) if label else None
    if kind == "eye":
        y = int(g("eye_y"))
        return PeriodMention(s, e, "flow", f"FY{y}", (y,), closed=True)
    if kind == "eq":
        y = int(g("eq_y"))
        return PeriodMention(s, e, "flow", f"{y}Q{_ORD[g('eq_w').lower()]}", (y,))
    if kind in ("ehy", "ehy2"):
        y = _year(g(kind + "_y"))
        return PeriodMention(s, e, "flow", f"{y}H{g(kind + '_n')}", (y,))
    if kind in ("eqy", "eqy2"):
        y = _year(g(kind + "_y"))
        return PeriodMention(s, e, "flow", f"{y}Q{g(kind + '_n')}", (y,))
    if kind == "e9m":
        y = _year(g("e9m_y"))
        return PeriodMention(s, e, "flow", f"{y}Q1-Q3", (y,))
    if kind in ("efy", "efull"):
        y = _year(g(kind + "_y"))
        return PeriodMention(s, e, "flow", f"FY{y}", (y,))
    if kind in ("ed", "ed2"):
        d = _date(int(g(kind + "_y")), _MONTHS[g(kind + "_mo").lower()], int(g(kind + "_d")))
        return _on_day(s, e, d) if d else None
    if kind == "em":
        y = int(g("em_y")) if g("em_y") else _year(g("em_yy"))
        if g("em_yy") and doc_year is not None and not doc_year - 10 <= y <= doc_year + 3:
            return None  # "Dec-31", "FYE Jun-30": a day of the month, not a broker's two-digit year
        return PeriodMention(s, e, "flow", f"{y}-{_MONTHS[g('em_mo').lower()]:02d}", (y,))
    if kind == "eoy":
        y = int(g("eoy_y"))
        return PeriodMention(s, e, "date", f"{y}-12-31", (y,), f"FY{y}")
    if kind == "vague":
        return PeriodMention(s, e, "vague", "", (int(g("vg_y")),))
    if kind == "iso":
        d = _date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        return _on_day(s, e, d) if d else None
    if kind == "bare":
        if context_year is None:
            return PeriodMention(s, e, "open", "")
        word = g("bare").lower()
        word = " ".join(w for w in word.split() if w != "fiscal")  # "the first fiscal half": the first half
        return _with_suffix(s, e, context_year, _BARE_ENGLISH.get(word, g("bare").replace("財年", "财年")), None, "")
    if kind == "same":
        # "the same nine months" is the last nine months named, not just the last period
        hint = {"three": "Q", "3": "Q", "six": "H1", "6": "H1", "nine": "Q1-Q3", "9": "Q1-Q3"}.get(
            (g("sm_n") or "").lower(), "Q" if g("sm_q") or g("sm_q2") or g("sm_q3") else "H1|H2" if g("sm_h") or g("sm_h2") else "FY" if g("sm_y") or g("sm_y2")
            else "list" if g("sm_l") else "")
        return PeriodMention(s, e, "same", hint)
    if kind in ("prior", "prior0"):
        return PeriodMention(s, e, "prior", "")
    if kind in ("by", "ya"):
        y = int(g(kind + "_y"))
        return PeriodMention(s, e, "flow", f"FY{y}", (y,))
    return None


# "（2024年：3.124亿元）", "(2024: RMB312m)": a period opening a bracket and labelling the figure after it with a colon
_COMPARATIVE_OPEN = re.compile(r"[（(]\s?$")
# or a colon's place taken by 为 / 是 or by nothing at all: "研发开支26.1亿元（上年同期21.5亿元）"
_COMPARATIVE_COLON = re.compile(r"\s?(?:[:：]|(?:为|為|是)?\s?(?:约|約)?[0-9])")


def comparative(text: str, p: PeriodMention) -> bool:
    """"营业收入：7.38亿元（2024年：3.124亿元）", "Revenue RMB738m (2024: RMB312m)": a period opening a bracket with a colon
    labels the comparative figure inside it, neither the figure before the bracket nor what the text goes on about."""
    return _COMPARATIVE_OPEN.search(text, max(0, p.start - 2), p.start) is not None and \
        _COMPARATIVE_COLON.match(text, p.end) is not None


# "与2022年的水平相比", "compared with 2023", "已远超去年全年", "作为对比，2024年全年", "一年前的2024年9月": the base of a
# comparison, not the year the text goes on about.
_COMPARED = re.compile(r"(?:与|與|较|較|比|相比|相较|相較|超过|超過|远超|遠超|高于|高於|低于|低於|(?:对比|對比)[，,]|一年前的?[（(]?"
                       r"|(?i:than|versus|vs\.?|compared\s(?:with|to)))\s?$")
# The level a change or a comparison starts from: "from 44.1%", "vs. $127.4 million", "compared with 45.8%"
_LEVEL = (r"\b(?:from|vs\.?|versus|compared\s(?:with|to))\s(?:about\s|around\s|roughly\s)?[$¥€£A-Z]{0,3}[0-9][0-9.,]{0,8}"
          r"(?:%|\s?(?:per\scent|percent|million|billion|trillion|bn|mn|m|b)\b)?")
# "down from 45% in 2024", "up from $240 million in January", "vs. 47.1% in Q3 2028": that level, then its period
_FROM_LEVEL = re.compile(rf"(?i:{_LEVEL}\s(?:in|for|at)\s)$")


# "(vs. 45.7% last year)", "up from $98.2M last year": the level a comparison starts from, then "last year"
_BASE_BEFORE = re.compile(rf"(?i:{_LEVEL}\s(?:in\s)?)$")


def _base_last_year(text: str, m: re.Match) -> bool:
    """True for "last year" written after the level a comparison starts from ("51.3% of total (vs. 45.7% last year)"):
    the same period a year before the one the figure is of (a quarter's, in a quarter's report), not the whole year."""
    return m.group("r_w").lower() == "last year" and not m.group("r_suf") \
        and _BASE_BEFORE.search(text, max(0, m.start() - 40), m.start()) is not None


def compared(text: str, at: int) -> bool:
    """True when the period starting at `at` is the base of a comparison (see _COMPARED)."""
    return _COMPARED.search(text, max(0, at - 14), at) is not None


def _from_level(text: str, at: int) -> bool:
    """True when the period starting at `at` is that of the level a change starts from (see _FROM_LEVEL); the
    pattern ends with a space (or a line end), so a test of the character before spares most periods its search."""
    return text[at - 1:at].isspace() and _FROM_LEVEL.search(text, max(0, at - 40), at) is not None


def _a_base(text: str, at: int) -> bool:
    """True when the period starting at `at` is the base of a comparison or the level a change starts from ("up 33.4%,
    down from 42.4% in the December quarter" in June): what a result is measured against has happened, so a quarter
    or half named without its year that has not begun this year is last year's."""
    return compared(text, at) or _from_level(text, at)


RECENT_MONTHS = 3  # a month over this many months before the document's month, or fewer, is the news of the day


# "毛利率36.8%，2026年为32.9%": a period opening a clause right after a figure, labelling the figure after it (binding
# tells the same from the quantities themselves, see binding._trailing)
_TRAILS_BEFORE = re.compile(r"[0-9%元]\s?[，,；;]\s?$")
TRAILS_VERB = re.compile(r"\s?(?:为|為|是)")
# "全年收入10.3亿美元，首次突破10亿美元；2029年全年为7.1亿美元": or opening a clause and labelling the figure right after it
_CLAUSE_OPEN = re.compile(r"[，,；;]\s?$")
_LABELS_FIGURE = re.compile(r"\s?(?:为|為|是)\s?(?:约|約)?[0-9]")


def _trails(text: str, p: PeriodMention) -> str | None:
    """"figure" for the period of a comparative figure written after the one reported ("全年毛利率36.8%，2026年为
    32.9%；第四季度为38.4%"): earlier than the year named before it, it lends no year to the periods after it.
    "clause" for a period opening a clause and labelling the figure right after it ("…；2029年全年为7.1亿美元"):
    earlier than the year the text reports on, it dates its own sentence only. None otherwise."""
    if _TRAILS_BEFORE.search(text, max(0, p.start - 4), p.start) is not None:
        return "figure" if TRAILS_VERB.match(text, p.end) is not None else None
    return "clause" if _CLAUSE_OPEN.search(text, max(0, p.start - 2), p.start) is not None and \
        _LABELS_FIGURE.match(text, p.end) is not None else None


def _lent(month: int, year: int | None, last_year: tuple | None, doc_date: date | None, *,
          apart: bool = False) -> int | None:
    """The year a month written without one takes from the text: none when the year came with a day or month of the
    year of writing and the month would fall after that day (a dateline's "2027年1月10日" does not make "12月"
    December 2027: it is the December just gone). Nor, for an English month, from an earlier sentence (`apart`) when
    that month ended in the last few months: "in December" in a January letter is last month, though a line before
    compared "December 2026" (the month of writing is not over: "at the end of February" on February 16 keeps it;
    "In early 2025…in February" names the part of the year the month is in, and keeps it too)."""
    if year is None or doc_date is None:
        return year
    if apart and last_year[4] != "vague" and year < (latest := doc_date.year if month < doc_date.month else doc_date.year - 1) \
            and (doc_date.year - latest) * 12 + doc_date.month - month <= RECENT_MONTHS:
        return None
    if not last_year[2]:
        return year
    return None if year == doc_date.year and month > doc_date.month else year


def _whole(m: re.Match) -> bool:
    """"2027年全年", "2027年度", "full-year 2027": a year written as the whole year reported on, as "截至…止年度" is, frames what follows
    ("2027年全年收入28.5亿元…2024年3.124亿元，2025年7.38亿元。单看第四季度" is 2027's quarter, not 2025's)."""
    return m.lastgroup == "efull" or m.lastgroup == "yr" and (m.group("y_suf") == "全年" or m.group("yr").endswith("年度"))


def _quarter_named(p: PeriodMention | None, quarters: dict[str, int]) -> PeriodMention | None:
    """A quarter written without its year is the latest one of that number the text wrote with its year, when that
    is later than the year the text around it gave: "2028年第一季度收入3.0亿美元…2027年全年为8.1亿美元。…一季度，
    订阅收入占55%" repeats the quarter reported on; the whole year was a comparison."""
    if p is None or len(p.label) != 6 or p.label[4] != "Q" or quarters.get(p.label[4:], 0) <= p.years[0]:
        return p
    year = quarters[p.label[4:]]
    return PeriodMention(p.start, p.end, "flow", f"{year}{p.label[4:]}", (year,))


def _gone_this_year(month: int, year: int | None, doc_date: date | None) -> bool:
    """True for a month already over this year, when the year an earlier sentence named is an earlier one: "2027年經調整
    淨損62.8億元。…開放平台2月每日平均調用量約84兆" in March 2028 is the February just gone, and so is "4月" after a
    sentence comparing "2026年全年"; one meaning February 2027 would write its year, in a paper on 2027's results as
    anywhere."""
    return year is not None and doc_date is not None and year < doc_date.year and month < doc_date.month


def _not_yet(month: int, year: int | None, doc_date: date | None) -> bool:
    """True for a month of the year of writing that has not begun on the day of writing."""
    return year is not None and doc_date is not None and year == doc_date.year and month > doc_date.month


def _month_number(written: str) -> int:
    """"10", "3", or a month in Chinese numerals: "十" (October, the one month sentences.normalize_text cannot turn into
    digits of the same length), and those normalize_text leaves as they are ("截至六月三十日的六个月")."""
    return _CN_MONTH.get(written) or int(written)


def _day_number(written: str) -> int:
    """"31", or a day in Chinese numerals ("三十一", "二十六", "十", "九"; see _CN_DAY)."""
    if written.isascii():
        return int(written)
    tens, _, ones = written.rpartition("十")
    if "十" not in written:
        return _CN_MONTH[written]
    return 10 * (_CN_MONTH[tens] if tens else 1) + (_CN_MONTH[ones] if ones else 0)


def _month(m: re.Match, doc_date: date | None, year: int | None) -> PeriodMention | None:
    """"10月的", "1-9月", "1月9日": months of the year the text is about, else the latest such months by the
    document's date (a day: the nearest such day)."""
    s, e = m.start(), m.end()
    stated = year
    last = _month_number(m.group("mo_m"))
    first = int(m.group("mo_m1") or last)
    if year is None:
        if doc_date is None:
            return PeriodMention(s, e, "open", "")
        year = latest_year(last, doc_date)
    if m.group("mo_d") or m.group("mo_end"):
        if first != last:
            return None
        if m.group("mo_d"):
            return _day_of(m, last, _day_number(m.group("mo_d")), doc_date, stated, year)
        d = _date(year, last, calendar.monthrange(year, last)[1])
        return _on_day(s, e, d) if d else None
    label = months_label(year, first, last)
    return PeriodMention(s, e, "flow", label, (year,)) if label else None


def latest_year(month: int, doc_date: date) -> int:
    """The year of the latest such month by the document's date: "10月" or "October" written in November is this
    year's, in March last year's."""
    return doc_date.year if month <= doc_date.month else doc_date.year - 1


def _month_word(m: re.Match) -> int:
    """The month an English month match names: "the end of September", "in March", "December at about 141 trillion"."""
    return _MONTHS[(m.group("eom_mo") if m.lastgroup == "eom" else m.group("emo_mo") or m.group("emo_at")).lower()]


def _english_month(m: re.Match, doc_date: date | None, year: int | None, *, end: bool = False) -> PeriodMention | None:
    """"in March": the month of the year the text is about, else the latest March by the document's date; with end,
    "the end of September": that month's last day."""
    month = _month_word(m)
    if year is None:
        if doc_date is None:
            return PeriodMention(m.start(), m.end(), "open", "")
        year = latest_year(month, doc_date)
    if end:
        return _on_day(m.start(), m.end(), date(year, month, calendar.monthrange(year, month)[1]))
    return PeriodMention(m.start(), m.end(), "flow", f"{year}-{month:02d}", (year,))


DAYS_AHEAD = 31  # how far after the document's date a day written without its year may be


def _day_of(m: re.Match, month: int, day_: int, doc_date: date | None, stated: int | None,
            year: int | None = None) -> PeriodMention | None:
    """A day written without its year ("1月9日", "January 8"): news of the days around the document (written
    on 31 December, "1月9日掛牌" is next year's), the nearest such day, but no more than a month ahead (in October,
    "1月8日挂牌" was this January, not next); in the year the text names, if it names one."""
    if doc_date is not None and stated in (None, doc_date.year):
        near = [d for y in range(doc_date.year - 1, doc_date.year + 2)
                if (d := _date(y, month, day_)) and (d - doc_date).days <= DAYS_AHEAD]
        d = min(near, key=lambda d: abs((d - doc_date).days), default=None)
    elif stated is not None or year is not None:
        d = _date(year or stated, month, day_)
    else:
        return PeriodMention(m.start(), m.end(), "open", "")
    return _on_day(m.start(), m.end(), d) if d else None


def _year_ended(m: re.Match, doc_date: date | None) -> PeriodMention | None:
    """"Revenue for the year ended Dec. 31 rose…": the latest such year to have ended by the document's date, as
    closed as one written with its year; open without a date."""
    if doc_date is None:
        return PeriodMention(m.start(), m.end(), "open", "")
    end = _date(doc_date.year, _MONTHS[m.group("eye_mo").lower()], int(m.group("eye_d")))
    if end is None:
        return None
    y = doc_date.year if end < doc_date else doc_date.year - 1
    return PeriodMention(m.start(), m.end(), "flow", f"FY{y}", (y,), closed=True)


DAY_OF_MONTH_BACK = 10  # how far before the document's date a day written alone may fall in the month before


def _day_of_month(m: re.Match, doc_date: date | None, last_day: PeriodMention | None) -> PeriodMention | None:
    """"13日" alone: in the month of the day named just before it ("1月8日…9日"), else the latest such day by the
    document's date, this month or at the end of the last; a day further back or ahead is no period."""
    day_ = int(m.group("dom_d"))
    if last_day is not None and m.start() - last_day.end < 300:
        d = _date(*map(int, last_day.label.split("-")[:2]), day_)
    elif doc_date is None:
        return PeriodMention(m.start(), m.end(), "open", "")
    elif day_ <= doc_date.day:
        d = _date(doc_date.year, doc_date.month, day_)
    else:
        before = doc_date.replace(day=1) - timedelta(days=1)
        d = _date(before.year, before.month, day_)
        d = d if d and (doc_date - d).days <= DAY_OF_MONTH_BACK else None
    return _on_day(m.start(), m.end(), d) if d else None


_SAME_KINDS = {"quarter": ("Q",), "half": ("H1", "H2")}


# "截至2029年6月30日止三個月及六個月", "the three and six months ended June 30": a filing announcing two lengths of period
_AND_LENGTH = re.compile(r"\s?(?:及|和|与|與|以及)\s?(?:三|六|九|十二|3|6|9|12)\s?(?:个|個)?月")
_LENGTH_AND = re.compile(r"(?i:(?:three|six|nine|twelve|3|6|9|12)\s(?:and|&)\s)$")


def _same_paragraph(text: str, start: int, end: int) -> bool:
    """True when no line break comes between: "2029年第二季度，收入…較2028年同期…。其中…佔比為72.1%，2028年同期為64.8%"
    goes on about the quarter its paragraph opened on."""
    return text.find("\n", start, end) < 0


def with_another_length(text: str, start: int, end: int) -> bool:
    """True when the period ended at text[start:end] is named with another length ending the same day: neither is the
    one period a filing announces (what "2028年同期", "the Reporting Period" or an undated highlight stands for)."""
    return _AND_LENGTH.match(text, end) is not None or _LENGTH_AND.search(text, max(0, start - 12), start) is not None


_SAME_OF_YEAR = next(b for b in _BRANCH_PATTERNS if "(?P<smy>" in b.pattern)


def same_of_year(text: str, p: PeriodMention) -> bool:
    """True for a period written as the same months of another year ("2028年同期", "the same period of 2028", "the
    corresponding quarter of 2028"): the period a filing compares with ("連同2028年同期之比較數字"), not the one it
    reports on."""
    return _SAME_OF_YEAR.fullmatch(text, p.start, p.end) is not None


def _of_kind(m: re.Match, p: PeriodMention | None) -> PeriodMention | None:
    """p when "the same quarter / half of" says no other kind of period than p's, else None."""
    word = m.group("smy_k")
    return p if p is not None and (word is None or period_kind(p.label) in _SAME_KINDS.get(word.lower(), ())) else None


_BRACKET_OPEN = re.compile(r"\s?[（(]")
_BRACKET_WORDS = re.compile(r"[^（()）\n0-9：:]{0,16}[)）]")  # the rest of a bracket of words, no figure, no colon


def _glosses_day(text: str, day: PeriodMention, m: re.Match) -> bool:
    """True when a period is named in words in a bracket of words right after a day ("3月29日（首季最後交易日）", "June
    29 (the last trading day of the half)"): it says what the day was, no period of a figure. A day or year written
    in figures there restates the day ("次日（8月30日）")."""
    return _BRACKET_OPEN.fullmatch(text, day.end, m.start()) is not None and not any(c.isdigit() for c in m.group()) \
        and _BRACKET_WORDS.match(text, m.end()) is not None


def _same_of(m: re.Match, reported: PeriodMention | None) -> PeriodMention | None:
    """"the same period of 2025": the half or quarter the text reports on, in 2025; without one, that year."""
    y = int(m.group("smy_y") or m.group("smy_y2") or m.group("smy_y3"))
    if reported is None:
        return PeriodMention(m.start(), m.end(), "flow", f"FY{y}", (y,))
    p = shift_year(reported, y - reported.years[0])
    return PeriodMention(m.start(), m.end(), "flow", p.label, (y,)) if p else None


# Alternatives that each start with a character (not a class) let the engine skip to the next of them.
_SENTENCE_END = re.compile(r"。|！|？|!|\?|\n|\.\s")
_CLAUSE_END = re.compile(r"[；;]")

# "1月9日，也就是智谱上市的次日": "the day after" someone else's day restates the day just named.
_RESTATES = re.compile(r"(?:也就是|亦即|即是|即|(?i:that\sis|i\.e\.))[^，,。；;\n]{0,12}$")


def _next_day(m: re.Match, last: PeriodMention | None) -> PeriodMention | None:
    """"A day later", "翌日": the day after the last day named before it; nothing when none was."""
    if last is None:
        return None
    d = date.fromisoformat(last.label) + timedelta(days=1)
    return _on_day(m.start(), m.end(), d)


def _last_completed(p: PeriodMention, doc_date: date | None, whole_year: bool = False,
                    dated: bool = False) -> PeriodMention | None:
    """"上半年按年增長325%" in a January 2026 headline: a half or quarter named without its year that was still under
    way when the text was written has no results yet, so it is last year's. So is "全年" when no year is named
    near it (whole_year): "全年收入8,120萬美元" in a March headline is last year's. So is one that had not begun
    when its year came only from a day of the year of writing (dated): "said on Tuesday. In the fourth quarter
    alone, sales reached…" in March is last year's fourth quarter."""
    if doc_date is None or p.kind != "flow" or (p.label.startswith("FY") and not whole_year):
        return p
    start, end = period_start(p.label), period_end(p.label)
    if start is not None and end is not None and (start <= doc_date < end or (dated and doc_date < start)):
        return shift_year(p, -1)
    return p


def _later_quarter(text: str, p: PeriodMention, doc_date: date) -> bool:
    """A quarter not yet begun, in a text that names last year: "第四季度收入9.84亿元" in a March story on 2027's
    results reports results, which that quarter of this year cannot have yet; so does the next quarter's column of a
    table of last year's quarters ("第一季度 第二季度 …" read cell by cell in late March). An outlook for the next
    quarter is told by its forecast words, not by its period; in a text naming no year, a guess is no result."""
    start = period_start(p.label) if p.kind == "flow" and "Q" in p.label else None
    if start is None or start <= doc_date:
        return False
    year = str(doc_date.year - 1)
    if doc_date - date(start.year - 1, start.month, start.day) <= REPORTED_QUARTER and _names(text, year):
        return True  # "Fourth-quarter revenue came in at…" in March, in a text naming last year: the quarter just reported on
    # looked for in the opening and the stretch before: bounded work per quarter
    return text.find(year, 0, OPENING) >= 0 or text.find(year, max(0, p.start - LAST_YEAR_REACH), p.start) >= 0


@lru_cache(maxsize=2)  # the text being read, windows at a time: no older text is kept alive
def _names(text: str, word: str) -> bool:
    """True when the text holds the word anywhere: searched once per text and word, not once per quarter named (a
    string's hash is kept once computed)."""
    return word in text


# the kinds of period that stand for one named before them: "同期", "a year earlier", "上季度" (see binding._resolve_same)
REFERS_BACK = ("same", "prior", "before")
PARTS = ("Q", "H1", "H2")  # the kinds of period a story may report on part of a year (period_kind)
OPENING = 1000  # characters: a headline, dateline and lede name the year a story reports on
# how long after its start a quarter's results may still be news: "the fourth quarter" in late March, named without
# a year, is the last one (its results come out in the three months after it ends)
REPORTED_QUARTER = timedelta(days=92 + 100)
LAST_YEAR_REACH = 3000  # characters before a quarter where the text may name last year instead


_DAY_BEFORE = ("前一天", "前一日", "the day before", "the previous day", "a day earlier")


def _day(m: re.Match, doc_date: date | None, last_day: PeriodMention | None = None) -> PeriodMention | None:
    """"今日", "昨日", "yesterday": a date relative to the document's own; "前一日", "the day before": the day before
    the last day named, if one was ("1月9日上市…前一日上市的智譜" is 8 January)."""
    word = " ".join(m.group("day").lower().split())
    if word in _DAY_BEFORE and last_day is not None:
        d = date.fromisoformat(last_day.label) - timedelta(days=1)
        return _on_day(m.start(), m.end(), d)
    if doc_date is None:
        return PeriodMention(m.start(), m.end(), "open", "")
    back = 0 if word in ("今日", "今天", "today") else (2 if word in ("前日", "前天") else 1)
    d = doc_date - timedelta(days=back)
    return _on_day(m.start(), m.end(), d)


# "last month" dates the figure written before it in its clause ("Zhipu handled 58 trillion tokens on average last
# month", "→ 395 trillion: … last month"); before a figure, or past a comma, it as often dates what was said or done
# ("said last month that…", "which listed last month, reported…"). A decimal point or thousands comma is no break.
LM_REACH = 90
_LM_FIGURE = re.compile(rf"[0-9](?:[^,;!?\n.，；。]|[.,](?=[0-9])){{0,{LM_REACH - 2}}}$")


LM_CLAUSE_REACH = 200  # characters back to where the clause holding "last month" starts
_LM_CLAUSE = re.compile(rf"(?:[;!?\n。；，]|[.,](?![0-9]))[^;!?\n。；，.,]{{0,{LM_CLAUSE_REACH}}}$")


def _dates_figure(text: str, at: int, found: list) -> bool:
    """True for "last month" at `at` written after a figure in its clause, no other period named in the clause before
    it ("reported first-half revenue of 1.14 billion yuan last month" dates the report)."""
    if not _LM_FIGURE.search(text, max(0, at - LM_REACH), at):
        return False
    start = max(0, at - LM_CLAUSE_REACH)
    clause = _LM_CLAUSE.search(text, start, at)
    return not found or found[-1].end <= (clause.start() if clause else start)


def _last_month(m: re.Match, doc_date: date | None) -> PeriodMention:
    """"上个月末", "上月底": the last day of the month before the document's; "上月日均…": that month."""
    if doc_date is None:
        return PeriodMention(m.start(), m.end(), "open", "")
    last = doc_date.replace(day=1) - timedelta(days=1)
    if not m.group("lm_end"):
        return PeriodMention(m.start(), m.end(), "flow", f"{last.year}-{last.month:02d}", (last.year,))
    return _on_day(m.start(), m.end(), last)


_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
             "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


def _weekday(m: re.Match, doc_date: date | None) -> PeriodMention:
    """"closed on Thursday", "at Thursday's close", "周四收盘": the last such weekday on or before the document's date; "上周五", "本周一": that
    day of the week before, of this week."""
    if doc_date is None:
        return PeriodMention(m.start(), m.end(), "open", "")
    wanted = _WEEKDAYS[(m.group("wd_en") or m.group("wd_pos") or m.group("wd_zh")).lower()]
    week = m.group("wd_last")
    if week:
        monday = doc_date - timedelta(days=doc_date.weekday() + (7 if week == "上" else 0))
        d = monday + timedelta(days=wanted)
    else:
        d = doc_date - timedelta(days=(doc_date.weekday() - wanted) % 7)
    return _on_day(m.start(), m.end(), d)


def shift_year(p: PeriodMention, years: int) -> PeriodMention | None:
    """Return the same period a number of years earlier or later (2025H1 → 2024H1), None for spans."""
    if p.kind not in ("flow", "date") or not p.years:
        return None
    y = p.years[0]
    label = p.label.replace(str(y), str(y + years), 1)
    flow = p.flow.replace(str(y), str(y + years), 1) if p.flow else None
    return PeriodMention(p.start, p.end, p.kind, label, (y + years,), flow)


def _with_suffix(s: int, e: int, y: int, suf: str | None, m: re.Match | None, p: str) -> PeriodMention | None:
    if not suf:
        return PeriodMention(s, e, "flow", f"FY{y}", (y,))
    g = m.group if m is not None else (lambda _name: None)
    if suf in ("底", "末"):
        return PeriodMention(s, e, "date", f"{y}-12-31", (y,), f"FY{y}")
    if suf in ("初", "中"):
        return PeriodMention(s, e, "vague", "", (y,))
    if suf == "全年":
        return PeriodMention(s, e, "flow", f"FY{y}", (y,))
    if suf in ("上半年", "上半财年", "H1", "中期"):
        return PeriodMention(s, e, "flow", f"{y}H1", (y,))
    if suf in ("下半年", "下半财年", "H2"):
        return PeriodMention(s, e, "flow", f"{y}H2", (y,))
    if suf.startswith(("前三季", "首三季")):
        return PeriodMention(s, e, "flow", f"{y}Q1-Q3", (y,))
    if suf[0] in "前首头頭" and suf.endswith("月"):
        label = months_label(y, 1, _LEN[suf[1:-1].rstrip("个個 ")])
        return PeriodMention(s, e, "flow", label, (y,)) if label else None
    if "季" in suf or suf.startswith("Q"):
        q = _CN_NUM.get(suf.lstrip("第Q")[:1])
        if q and suf.endswith(("末", "底")):  # "二季度末": the quarter's last day, as "6月末" is the month's
            return _on_day(s, e, date(y, 3 * q, calendar.monthrange(y, 3 * q)[1]))
        return PeriodMention(s, e, "flow", f"{y}Q{q}", (y,)) if q else None
    if g(p + "m1"):
        label = months_label(y, int(g(p + "m1")), int(g(p + "m2")))
        return PeriodMention(s, e, "flow", label, (y,)) if label else None
    if g(p + "m"):
        month = _month_number(g(p + "m"))
        if not 1 <= month <= 12:
            return None
        if g(p + "d") or g(p + "mend"):
            d = _date(y, month, _day_number(g(p + "d")) if g(p + "d") else calendar.monthrange(y, month)[1])
            return _on_day(s, e, d) if d else None
        return PeriodMention(s, e, "flow", f"{y}-{month:02d}", (y,))
    return PeriodMention(s, e, "flow", f"FY{y}", (y,))


def _on_day(start: int, end: int, day: date) -> PeriodMention:
    """The mention of one day, with the period from its year's start that it ends (6/30 → 2025H1) for flow metrics."""
    return PeriodMention(start, end, "date", day.isoformat(), (day.year,), date_flow(day))


def _date(y: int, month: int, day_: int) -> date | None:
    try:
        return date(y, month, day_)
    except ValueError:
        return None


_DOC_DATE = re.compile(
    rf"(?P<y>{_Y})\s?年\s?(?P<m>[0-9]{{1,2}})\s?月\s?(?P<d>[0-9]{{1,2}}|{_CN_DAY})\s?日"
    rf"|(?P<iy>{_Y})(?P<sep>[-/.])(?P<im>[01]?[0-9])(?P=sep)(?P<id>[0-3]?[0-9])(?![0-9])"
    rf"|(?P<emo>{_MO})\.?\s(?P<ed>[0-9]{{1,2}}),?\s(?P<ey>{_Y})"
    rf"|(?P<ed2>[0-9]{{1,2}})\s(?P<emo2>{_MO})\s(?P<ey2>{_Y})"
)


def find_document_date(text: str, head: int = 400) -> date | None:
    """Return the first full date stated near the top of a document (a dateline: "2026年10月20日", "2026-10-20",
    "2026/10/20", "2026.10.20" as Korean, Japanese and many Chinese sites write it, "October 20, 2026"), if any.
    A date a period ends on ("发布截至2028年12月31日止年度业绩" in a question above the answer's "发布于 2029-03-29") is
    no dateline: it is taken only when the top names no other date, nor does the sign-off line at the bottom of a
    filing ("香港，2029年5月28日", "Hong Kong, 28 May 2029")."""
    ended = None
    for m in _DOC_DATE.finditer(text, 0, min(len(text), head)):
        d = _doc_date(m)
        if d is not None and _ENDS_ON.search(text, max(0, m.start() - 8), m.start()):
            ended = ended or d
        elif d is not None:
            return d
    labelled = _labelled_date(text)
    return ended and (_signed_on(text) or labelled or ended) or labelled or _posted_on(text) or _wire_dateline(text, head)


# A page's publication line under a long headline and standfirst, past the top the dateline is looked for in:
# "Published: 7:30pm, 26 Aug 2031", "Updated: 26 Aug 2031", "发布时间：2031年8月26日 19:30", "日期：2031-08-26" (see
# _PUBLICATION, shared with a post's footer)
PUBLISHED_REACH = 1500  # characters: a headline, a standfirst's bullets and a section label come before it


def _labelled_date(text: str) -> date | None:
    """The first full date near the top that a publication label comes right before, or None."""
    for m in _DOC_DATE.finditer(text, 0, min(len(text), PUBLISHED_REACH)):
        if _published_at(text, m):
            return _doc_date(m)
    return None


# A wire's dateline names the day but not the year ("SEOUL, May 14 (Yonhap) --", "BEIJING, May 14 (Reuters) -"),
# on a line of its own start, and its first paragraph names that day's weekday ("data showed Tuesday").
_WIRE_DATELINE = re.compile(rf"^[A-Z][A-Za-z.' ]{{1,30}}(?:,[A-Za-z.' ]{{1,30}})?,\s(?P<mo>{_MO})\.?\s(?P<d>[0-9]{{1,2}})"
                            r"\s(?:\([^()\n]{1,40}\)\s)?[-\u2013\u2014]", re.MULTILINE)
_EN_WEEKDAY = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in _WEEKDAYS if w.isascii()) + r")\b")
_YEAR = re.compile(rf"(?<![0-9]){_Y}(?![0-9])")


def _wire_dateline(text: str, head: int) -> date | None:
    """The day of a year-less wire dateline: of the years the text names (or the year after one: a January wire on the
    last year's results; or the year before one: a wire naming only a target, "300 clients by the end of 2032"), the
    latest on which that day falls on a weekday its paragraph names. None without one."""
    m = _WIRE_DATELINE.search(text, 0, min(len(text), head))
    if m is None:
        return None
    end = text.find("\n", m.end())
    named = {_WEEKDAYS[w.group().lower()] for w in _EN_WEEKDAY.finditer(text, m.end(), end if end >= 0 else len(text))}
    if not named:
        return None
    month, day = _MONTHS[m.group("mo").lower()], int(m.group("d"))
    years = {int(y.group()) for y in _YEAR.finditer(text)}
    for year in sorted(years | {y + 1 for y in years} | {y - 1 for y in years}, reverse=True):
        d = _date(year, month, day)
        if d is not None and d.weekday() in named:
            return d
    return None


def _doc_date(m: re.Match) -> date | None:
    """The date a match of _DOC_DATE writes, or None when it is no day of the calendar."""
    if m.group("y"):
        return _date(int(m.group("y")), int(m.group("m")), _day_number(m.group("d")))
    if m.group("iy"):
        return _date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    if m.group("emo"):
        return _date(int(m.group("ey")), _MONTHS[m.group("emo").lower()], int(m.group("ed")))
    return _date(int(m.group("ey2")), _MONTHS[m.group("emo2").lower()], int(m.group("ed2")))


# The sign-off line of a filing: a place and the day it was signed, alone on a line ("香港，2029年5月28日").
_SIGN_OFF = re.compile(r"[^\S\n]{0,4}[^\W\d][^,，\n]{0,30}[,，][^\S\n]{0,2}")
SIGN_OFF_TAIL = 400  # how far from the end of a filing its sign-off line may stand


def _signed_on(text: str) -> date | None:
    """The day on the last sign-off line near the end of a text ("香港，2029年5月28日"), or None."""
    def signed(m: re.Match) -> bool:
        line, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        return _SIGN_OFF.fullmatch(text, line, m.start()) is not None \
            and not text[m.end():end if end >= 0 else len(text)].strip()
    return _last_day_in_tail(text, signed)


# The words labelling the day a page or post was published or last edited: a post's footer ("编辑于 2029-11-20 09:12・IP
# 属地上海", "发布于 …", "Posted on …", on Q&A sites and forums below the answer rather than above it), a news page's line
# under its standfirst ("Published: 7:30pm, 26 Aug 2031", "发布时间：…"), a "日期：" / "Date:" line; a time of day may
# come between ("Published: 7:30pm, 26 Aug 2031")
_PUBLICATION = re.compile(
    r"(?:编辑于|編輯於|发布于|發布於|發佈於|发表于|發表於|更新于|更新於"
    r"|(?:发布时间|發佈時間|發布時間|发表时间|發表時間|更新时间|更新時間)\s?[:：]"
    r"|(?i:(?:first\s)?published|edited|posted|updated)(?:\son)?\s?[:：]?"
    r"|^[ \t]*(?:日期|(?i:date))\s?[:：])"
    r"\s?(?:[0-9]{1,2}[:.][0-9]{2}\s?(?i:am|pm)?,?\s?)?$", re.MULTILINE)
_PUBLICATION_REACH = 24  # characters from such a label to its date


def _published_at(text: str, m: re.Match) -> bool:
    """True when a publication label comes right before the date m found."""
    return _PUBLICATION.search(text, max(0, m.start() - _PUBLICATION_REACH), m.start()) is not None


def _posted_on(text: str) -> date | None:
    """The day a post's footer near the end of a text says it was published or edited, or None: the last such."""
    return _last_day_in_tail(text, lambda m: _published_at(text, m))


def _last_day_in_tail(text: str, accept) -> date | None:
    """The last day written near the end of a text (a sign-off, a post's footer) that `accept` takes, or None."""
    found = None
    for m in _DOC_DATE.finditer(text, max(0, len(text) - SIGN_OFF_TAIL)):
        if accept(m):
            found = _doc_date(m) or found
    return found


# what writes a date as the day a period ends on: "截至2028年12月31日", "the year ended December 31, 2028"
_ENDS_ON = re.compile(r"(?:截至|截止|(?i:ended|ending))\s?$")
