"""A table that lists a metric's segments right under it without indenting them ("营业收入" over "本地化部署" and
"云端部署"): rows naming only a segment, with figures that fit as parts, are that metric's segments (session 15).
Our own tables, invented figures.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts

MARCH = date(2031, 3, 28)


def test_segment_rows_right_under_revenue_are_its_segments(watchlist):
    for text in (
        "智谱2030年业绩摘要（单位：亿元）\n\n项目          2030年   2029年\n营业收入       12.40    7.90\n"
        "本地化部署      5.10     3.60\n云端部署        7.30     4.30\n毛利率（%）     55.6     52.8\n",
        "智谱2030年业绩摘要（单位：亿元）\n\n| 项目 | 2030年 | 2029年 |\n|---|---|---|\n| 营业收入 | 12.40 | 7.90 |\n"
        "| 本地化部署 | 5.10 | 3.60 |\n| 云端部署 | 7.30 | 4.30 |\n",
    ):
        got = facts(text, watchlist, published=MARCH)
        assert {
            ("zhipu", "revenue", "FY2030", Decimal("1240000000"), "CNY", "eq"),
            ("zhipu", "revenue.on_premise", "FY2030", Decimal("510000000"), "CNY", "eq"),
            ("zhipu", "revenue.on_premise", "FY2029", Decimal("360000000"), "CNY", "eq"),
            ("zhipu", "revenue.cloud", "FY2030", Decimal("730000000"), "CNY", "eq"),
            ("zhipu", "revenue.cloud", "FY2029", Decimal("430000000"), "CNY", "eq"),
        } <= got, text


def test_a_segment_row_larger_than_the_row_above_is_no_part_of_it(watchlist):
    text = ("智谱2030年业绩摘要（单位：亿元）\n\n| 项目 | 2030年 | 2029年 |\n|---|---|---|\n| 营业收入 | 12.40 | 7.90 |\n"
            "| 本地化部署 | 15.10 | 3.60 |\n")
    got = facts(text, watchlist, published=MARCH)
    assert ("zhipu", "revenue", "FY2030", Decimal("1240000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1].startswith("revenue.")}
