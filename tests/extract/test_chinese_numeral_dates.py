"""Dates written in Chinese numerals, as Hong Kong filings and formal Chinese write them ("二〇三一年六月三十日"), a
filing's defined "本年度", "2031年度中期" and "第三财季" (session 15). The sentences are our own; the figures are invented.
"""

from datetime import date
from decimal import Decimal

from pipeline.extract.periods import find_document_date, find_periods
from pipeline.extract.sentences import normalize_text
from tests.extract.conftest import facts


def test_a_year_in_chinese_numerals_is_four_digits_of_the_same_length():
    for written, digits in (("二〇三一年", "2031年"), ("二零二九年度", "2029年度"), ("一九九八年", "1998年")):
        got = normalize_text(written)
        assert got == digits and len(got) == len(written)
    # a numeral run longer than a year, or one that is no year of these two centuries, stays as it is
    for written in ("三二〇三一年", "三〇三〇年", "十二年"):
        assert normalize_text(written) == written


def test_a_filing_in_chinese_numerals_reads_its_year_and_its_defined_year(watchlist):
    text = ("智譜\n截至二〇三一年十二月三十一日止年度之年度業績公告\n\n"
            "董事會欣然提呈本集團截至二〇三一年十二月三十一日止年度（「本年度」）之業績。\n\n"
            "本年度，本集團收入為人民幣4,512.60百萬元，較上年度增長38.4%。本年度毛利率為61.3%（二〇三〇年：58.9%）。\n\n"
            "香港，二〇三二年三月二十四日")
    assert find_document_date(normalize_text(text)) == date(2032, 3, 24)  # the sign-off line, day in numerals
    got = facts(text, watchlist)
    assert {
        ("zhipu", "revenue", "FY2031", Decimal("4512600000"), "CNY", "eq"),
        ("zhipu", "revenue_growth", "FY2031", Decimal("38.4"), "%", "eq"),
        ("zhipu", "gross_margin", "FY2031", Decimal("61.3"), "%", "eq"),
        ("zhipu", "gross_margin", "FY2030", Decimal("58.9"), "%", "eq"),
    } <= got
    assert not {f for f in got if f[2] == "FY2032"}  # "本年度" is the year announced, not the year of the sign-off


def test_a_day_in_chinese_numerals_ends_its_months():
    text = normalize_text("截至二〇三一年六月三十日止六個月")
    (p,) = find_periods(text, date(2031, 8, 28))
    assert p.label == "2031H1" and p.closed
    (p,) = find_periods(normalize_text("於二〇三一年六月三十日"), date(2031, 8, 28))
    assert p.label == "2031-06-30"


def test_months_in_chinese_numerals_listed_together_each_take_their_figure(watchlist):
    text = "MiniMax日均token調用量：進入二〇三一年，一月及二月分別約為88萬億及93萬億。"
    got = facts(text, watchlist, published=date(2031, 3, 20))
    assert {
        ("minimax", "daily_token_volume", "2031-01", Decimal("88000000000000"), "tokens/day", "approx"),
        ("minimax", "daily_token_volume", "2031-02", Decimal("93000000000000"), "tokens/day", "approx"),
    } <= got
    assert normalize_text("唯一月票") == "唯一月票"  # no month in a word


def test_a_plain_year_before_its_listed_halves_only_dates_them(watchlist):
    got = facts("月之暗面：2030年，上半年和下半年收入分別為21.4億元和30.2億元。", watchlist,
                published=date(2031, 3, 20))
    assert {
        ("moonshot", "revenue", "2030H1", Decimal("2140000000"), "CNY", "eq"),
        ("moonshot", "revenue", "2030H2", Decimal("3020000000"), "CNY", "eq"),
    } <= got


def test_a_filings_year_with_its_part_after_niandu_and_a_fiscal_quarter(watchlist):
    got = facts("智谱2031年度中期收入为28.7亿元，第二季度收入为15.2亿元。", watchlist, published=date(2031, 8, 28))
    assert {
        ("zhipu", "revenue", "2031H1", Decimal("2870000000"), "CNY", "eq"),
        ("zhipu", "revenue", "2031Q2", Decimal("1520000000"), "CNY", "eq"),
    } <= got
    got = facts("MiniMax第三财季收入为3.36亿美元。", watchlist, published=date(2031, 11, 20))
    assert ("minimax", "revenue", "2031Q3", Decimal("336000000"), "USD", "eq") in got
