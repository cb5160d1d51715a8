"""Companies referred to by description, not by name, and the period wordings of the press (sentences of our own)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from tests.extract.conftest import facts

AUGUST = datetime.date(2031, 8, 20)

# A paragraph about the subject, Zhipu, opens every story below; the figures are about someone else.
ZHIPU_FIRST = "Zhipu shares rose 4% on Tuesday after Zhipu said usage of its models kept growing. Zhipu leads the sector.\n\n"
ZHIPU_FIRST_ZH = "智谱周二股价上涨4%。智谱表示其模型调用量持续增长，智谱仍居行业首位。\n\n"


def test_a_described_company_is_the_one_the_paragraph_before_names(watchlist):
    text = (ZHIPU_FIRST + "Rival MiniMax Group published second-quarter results on Monday.\n\n"
            "The Shanghai-based company said revenue rose 38.6% to $263.7 million in the second quarter.\n\n"
            "Its gross margin was 52.4% in the second quarter.")
    assert facts(text, watchlist, published=AUGUST) == {
        ("minimax", "revenue", "2031Q2", Decimal("263700000"), "USD", "eq"),
        ("minimax", "revenue_growth", "2031Q2", Decimal("38.6"), "%", "eq"),
        ("minimax", "gross_margin", "2031Q2", Decimal("52.4"), "%", "eq"),
    }


def test_a_product_maker_or_a_lab_described_by_its_city(watchlist):
    text = ("Moonshot AI shares fell 2% on Tuesday. Moonshot AI said it would hold its call later.\n\n"
            "Zhipu published its second-quarter results on Monday.\n\n"
            "The GLM maker said revenue rose 41.7% to 1.618 billion yuan in the second quarter.")
    assert facts(text, watchlist, published=AUGUST) == {
        ("zhipu", "revenue", "2031Q2", Decimal("1618000000"), "CNY", "eq"),
        ("zhipu", "revenue_growth", "2031Q2", Decimal("41.7"), "%", "eq"),
    }


def test_a_chinese_description_is_the_company_just_named(watchlist):
    for described in ("这家上海AI公司", "这家大模型独角兽", "該公司"):
        text = ZHIPU_FIRST_ZH + "MiniMax周一公布了二季度业绩。\n\n" + described + "二季度收入为2.637亿美元，同比增长38.6%。"
        assert facts(text, watchlist, published=AUGUST) == {
            ("minimax", "revenue", "2031Q2", Decimal("263700000"), "USD", "eq"),
            ("minimax", "revenue_growth", "2031Q2", Decimal("38.6"), "%", "eq"),
        }, described


def test_a_description_of_a_company_not_watched_picks_none_of_ours(watchlist):
    text = (ZHIPU_FIRST + "Alibaba reported quarterly results on Monday.\n\n"
            "The Hangzhou-based company said cloud revenue rose 26.3% to 41.2 billion yuan in the second quarter.")
    assert facts(text, watchlist, published=AUGUST) == set()
    # the same paragraph about one of ours
    ours = text.replace("Alibaba reported", "MiniMax reported")
    assert facts(ours, watchlist, published=AUGUST) == {
        ("minimax", "revenue.cloud", "2031Q2", Decimal("41200000000"), "CNY", "eq")}


def test_a_company_not_watched_named_after_a_description_is_an_aside(watchlist):
    text = (ZHIPU_FIRST + "MiniMax published second-quarter results on Monday.\n\n"
            "The Shanghai-based company, whose investors include Alibaba and Tencent, said revenue rose 38.6% in the "
            "second quarter.")
    assert facts(text, watchlist, published=AUGUST) == {
        ("minimax", "revenue_growth", "2031Q2", Decimal("38.6"), "%", "eq")}
    # not a company not watched named in the figure's own clause
    rival = ZHIPU_FIRST + "The company's rival Alibaba said cloud revenue rose 26.3% in the second quarter."
    assert facts(rival, watchlist, published=AUGUST) == set()


def test_the_former_of_two_companies_just_named(watchlist):
    text = ZHIPU_FIRST_ZH + "MiniMax和智谱均公布了二季度业绩，前者二季度收入为2.637亿美元，同比增长38.6%。"
    assert facts(text, watchlist, published=AUGUST) == {
        ("minimax", "revenue", "2031Q2", Decimal("263700000"), "USD", "eq"),
        ("minimax", "revenue_growth", "2031Q2", Decimal("38.6"), "%", "eq"),
    }


def test_a_figure_attributed_to_a_company_after_it(watchlist):
    text = ZHIPU_FIRST + "Revenue rose 38.6% to $263.7 million in the second quarter, MiniMax said on Monday."
    assert facts(text, watchlist, published=AUGUST) == {
        ("minimax", "revenue", "2031Q2", Decimal("263700000"), "USD", "eq"),
        ("minimax", "revenue_growth", "2031Q2", Decimal("38.6"), "%", "eq"),
    }


def test_a_bold_line_or_a_line_of_a_name_heads_its_section(watchlist):
    bold = ("# Weekly wrap\n\n**Zhipu**\n\nRevenue rose 41.7% to 1.618 billion yuan in the second quarter.\n\n"
            "**MiniMax**\n\nRevenue rose 38.6% to $263.7 million in the second quarter.")
    plain = ("Weekly wrap\n\nMiniMax (0100.HK)\nRevenue rose 38.6% to $263.7 million in the second quarter. Zhipu is next.\n\n"
             "Zhipu\nRevenue rose 41.7% to 1.618 billion yuan in the second quarter.")
    for text in (bold, plain):
        assert facts(text, watchlist, published=AUGUST) == {
            ("zhipu", "revenue", "2031Q2", Decimal("1618000000"), "CNY", "eq"),
            ("zhipu", "revenue_growth", "2031Q2", Decimal("41.7"), "%", "eq"),
            ("minimax", "revenue", "2031Q2", Decimal("263700000"), "USD", "eq"),
            ("minimax", "revenue_growth", "2031Q2", Decimal("38.6"), "%", "eq"),
        }
