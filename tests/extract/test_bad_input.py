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


def test_an_ideographic_space_in_a_readers_comments_section_that_is_cut_off(watchlist):
    # the comments are cut from the text the extractor reads, so their ideographic spaces lie past its end
    text = ("智谱2026年上半年收入9.8亿元，同比增长52%。\n\n" + "公司表示将继续投入研发。\n" * 10
            + "\n热门评论\n\n网友甲：　收入9.8亿元还不错。\n")
    got = extract_facts(text, watchlist)
    assert {(f.metric, f.period, f.value) for f in got} == {("revenue", "2026H1", 980000000), ("revenue_growth", "2026H1", 52)}


# Pieces of layout and noise that touch different parts of the extractor (tables, comment cut-off, width folding,
# brackets, lists); documents built from them at random must never make it raise, and every fact must quote the text
# at its own offsets.
_PIECES = [
    "智谱2026年上半年收入9.8亿元，同比增长52%。\n",
    "MiniMax revenue was $243.6 million in the second quarter of 2026 (2025: $168.9 million).\n",
    "排名　厂商　2026年9月\n１　智谱　９５万亿\n２　MiniMax　６１万亿\n",
    "| 公司 | 2026H1收入（亿元） |\n|---|---|\n| 智谱 | 9.8 |\n| MiniMax | 7.1 |\n",
    "                  2026        2025\nRevenue        980,200     645,100\nNet loss      (960,300)   (1,140,200)\n",
    "\n热门评论\n\n", "\nComments\n\n", "网友：　收入９.８亿元。\n", "（单位：人民币千元）\n", "\x00", "\u3000\u3000",
    "- 收入：9.8亿元\n- 毛利率：51.3%\n", "【业绩】", "截至2026年6月30日止六個月，", "。", "\n\n", "(", "）", "|", "：",
]


@pytest.mark.parametrize("seed", range(40))
def test_documents_assembled_from_layout_pieces_never_raise(seed, watchlist):
    import random

    rng = random.Random(seed)
    text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30)))
    for f in extract_facts(text, watchlist):
        assert text[f.start:f.end] == f.quote
