"""A ratio named as a percentage: "研发费用率为112.5%", "R&D intensity was 112.5%" is R&D 1.125 times revenue
(rd_to_revenue, unit x), the cues listed under `percent_times` in cues.yaml (session 15). Our own sentences.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts

AUGUST = date(2031, 8, 20)


def test_an_rd_ratio_written_as_a_percentage_is_a_multiple_of_revenue(watchlist):
    for text in ("智谱2030年研发费用率为112.5%。", "智譜2030年研發費用率為112.5%。",
                 "Zhipu's R&D intensity was 112.5% in 2030."):
        assert ("zhipu", "rd_to_revenue", "FY2030", Decimal("1.125"), "x", "eq") in facts(text, watchlist, published=AUGUST), text


def test_an_rd_ratio_from_one_year_to_the_next_gives_both_years(watchlist):
    got = facts("智谱研发费用率从2029年的150%降至2030年的112.5%。", watchlist, published=AUGUST)
    assert {
        ("zhipu", "rd_to_revenue", "FY2029", Decimal("1.5"), "x", "eq"),
        ("zhipu", "rd_to_revenue", "FY2030", Decimal("1.125"), "x", "eq"),
    } <= got


def test_a_percentage_near_other_rd_words_stays_what_it_was(watchlist):
    got = facts("智谱2030年研发费用为20亿元，同比增长30%，研发费用率为112.5%。", watchlist, published=AUGUST)
    assert ("zhipu", "rd_expense", "FY2030", Decimal("2000000000"), "CNY", "eq") in got
    assert ("zhipu", "rd_to_revenue", "FY2030", Decimal("1.125"), "x", "eq") in got
    assert not {f for f in got if f[1] == "rd_to_revenue" and f[3] == Decimal("0.3")}
