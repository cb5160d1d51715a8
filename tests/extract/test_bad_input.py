"""Bad input: no crash, no invented fact, time linear in the input."""

import time

import pytest

from pipeline.extract import extract_facts


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "\x00" * 1000, "9" * 400, "智谱" + "9" * 400 + "亿元", "智谱\x002024年\x00收入为\x00。"],
)
def test_small_bad_inputs(text, watchlist):
    assert extract_facts(text, watchlist) == []


@pytest.mark.parametrize(
    "text",
    [
        "7" * 10_000_000,
        ("智谱收入abc" * 1_500_000)[:10_000_000],
        "智谱" + "1" * 2_000_000,
        "智谱收入" + "1,234," * 330_000,
    ],
    ids=["digits", "no-spaces", "company-then-digits", "comma-digits"],
)
def test_ten_megabytes_in_bounded_time(text, watchlist):
    start = time.process_time()
    assert extract_facts(text, watchlist) == []
    assert time.process_time() - start < 60


def test_nul_bytes_inside_a_fact(watchlist):
    (f,) = extract_facts("智谱2024年收入为3.124亿元\x00。", watchlist)
    assert f.value == 312400000 and f.quote.startswith("智谱2024年")


def test_a_page_repeating_one_fact_on_one_line_takes_linear_time(watchlist):
    """A scraped page repeating a sentence on one 3 MB line: each sentence looking back for its line's start, and each
    fact compared with every other of its key, made this take many minutes; now it is one pass, and the copies are
    one fact each."""
    import datetime

    unit = "智谱2024年收入3.124亿元，毛利率为50%。" + "这是一段没有数字的说明文字，" * 20 + "。"
    text = unit * (3_000_000 // len(unit))
    start = time.process_time()
    facts = extract_facts(text, watchlist, published=datetime.date(2025, 1, 1))
    assert time.process_time() - start < 60
    assert sorted((f.metric, f.period, str(f.value)) for f in facts) == [("gross_margin", "FY2024", "50"),
                                                                          ("revenue", "FY2024", "312400000")]


def test_a_repeated_share_opening_with_a_pointer_takes_linear_time(watchlist):
    """Each share cue opening with 这一 looked at the cue book over the whole text (10,000 copies: 69 s, 20,000 would
    take minutes); now over the cue only."""
    import datetime

    text = "智谱2025年上半年这一比例为45%，收入占比为45%。" * 20_000
    start = time.process_time()
    facts = extract_facts(text, watchlist, published=datetime.date(2026, 1, 1))
    assert time.process_time() - start < 60
    assert len({(f.metric, f.period, f.value) for f in facts}) == len(facts) <= 2
