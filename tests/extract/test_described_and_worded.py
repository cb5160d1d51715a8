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


NOVEMBER = datetime.date(2031, 11, 20)


def _revenue(company: str, period: str, value: str, unit: str) -> tuple:
    return (company, "revenue", period, Decimal(value), unit, "eq")


def test_english_wordings_of_a_quarter_or_a_half(watchlist):
    cases = {
        "Zhipu said revenue for the quarter to end-June was 1.634 billion yuan.": "2031Q2",
        "Zhipu said revenue in the three months ended in June was 1.634 billion yuan.": "2031Q2",
        "Zhipu said revenue for the April to June period was 1.634 billion yuan.": "2031Q2",
        "Zhipu said revenue in 2Q FY31 was 1.634 billion yuan.": "2031Q2",
        "Zhipu said revenue in 1H FY31 was 1.634 billion yuan.": "2031H1",
        "Zhipu said revenue for the fiscal first half was 1.634 billion yuan.": "2031H1",
        "Zhipu said revenue for the first fiscal half was 1.634 billion yuan.": "2031H1",
    }
    for text, period in cases.items():
        assert facts(text, watchlist, published=AUGUST) == {_revenue("zhipu", period, "1634000000", "CNY")}, text
    # facts.md has no trailing twelve months: only those to December are a year
    assert facts("Zhipu said revenue for the 12 months to June was 6.12 billion yuan.", watchlist, published=AUGUST) == set()
    assert facts("Zhipu said revenue for the 12 months to December 2030 was 6.12 billion yuan.", watchlist,
                 published=AUGUST) == {_revenue("zhipu", "FY2030", "6120000000", "CNY")}


def test_a_quarter_named_by_its_months_with_its_year_after_it(watchlist):
    text = "Zhipu said revenue in the July-September quarter of 2031 was 1.947 billion yuan."
    assert facts(text, watchlist, published=NOVEMBER) == {_revenue("zhipu", "2031Q3", "1947000000", "CNY")}


def test_months_ended_on_a_day_without_its_year_after_the_figure(watchlist):
    text = "Zhipu reported revenue of 1.947 billion yuan, up 39.8% from a year earlier, for the three months ended September 30."
    assert facts(text, watchlist, published=NOVEMBER) == {
        _revenue("zhipu", "2031Q3", "1947000000", "CNY"),
        ("zhipu", "revenue_growth", "2031Q3", Decimal("39.8"), "%", "eq"),
    }


def test_chinese_months_ended_on_a_day_without_its_year(watchlist):
    cases = {
        "智谱公布，截至6月底的三个月收入为16.34亿元。": ("2031Q2", AUGUST),
        "智譜公布，截至六月底止三個月收入為16.34億元。": ("2031Q2", AUGUST),
        "智谱公布，截至9月30日止九个月收入为16.34亿元。": ("2031Q1-Q3", NOVEMBER),
        # written in May, the three months to June written as ended are last year's
        "智谱公布，截至6月30日止三个月收入为16.34亿元。": ("2030Q2", datetime.date(2031, 5, 20)),
    }
    for text, (period, day) in cases.items():
        assert facts(text, watchlist, published=day) == {_revenue("zhipu", period, "1634000000", "CNY")}, text


def test_the_first_half_of_the_fiscal_year_in_chinese(watchlist):
    for text in ("智谱公布，上半财年收入为29.41亿元。", "智譜公布，上半財年收入為29.41億元。"):
        assert facts(text, watchlist, published=AUGUST) == {_revenue("zhipu", "2031H1", "2941000000", "CNY")}, text



def test_a_speaker_named_is_of_the_company_first_named_with_them(watchlist):
    english = (ZHIPU_FIRST + "MiniMax chief financial officer Wang Lei spoke to analysts on Monday.\n\n"
               "Wang said gross margin was 52.4% in the second quarter.")
    quoted = ZHIPU_FIRST + '"Our gross margin was 52.4% in the second quarter," MiniMax CFO Wang Lei said on Monday.'
    chinese = ZHIPU_FIRST_ZH + "MiniMax首席财务官王磊周一接受了采访。\n\n王磊表示，二季度毛利率为52.4%。"
    turn = ZHIPU_FIRST_ZH + "我们采访了MiniMax首席财务官王磊。\n\n记者：二季度表现如何？\n\n王磊：我们二季度毛利率为52.4%。"
    for text in (english, quoted, chinese, turn):
        assert facts(text, watchlist, published=AUGUST) == {
            ("minimax", "gross_margin", "2031Q2", Decimal("52.4"), "%", "eq")}, text
    # a caption is no turn of a speaker
    caption = ZHIPU_FIRST_ZH + "市值：周五收在2600亿港元左右。"
    assert {f[0] for f in facts(caption, watchlist, published=AUGUST)} == {"zhipu"}


def test_a_firm_cited_as_a_source_is_not_the_company_described_after_it(watchlist):
    lead = "MiniMax shares rose 5% on Tuesday. MiniMax said paying users kept growing.\n\n"
    for cited in ("According to Frost & Sullivan, the market grew quickly last year.", "IDC estimates the market grew quickly."):
        text = lead + cited + "\n\nThe company said revenue rose 38.6% to $263.7 million in the second quarter."
        assert facts(text, watchlist, published=AUGUST) == {
            ("minimax", "revenue", "2031Q2", Decimal("263700000"), "USD", "eq"),
            ("minimax", "revenue_growth", "2031Q2", Decimal("38.6"), "%", "eq"),
        }, cited
    # a company not watched that the paragraph is about is what "the company" after it is
    about = lead + "Alibaba reported quarterly results on Monday.\n\nThe company said cloud revenue was 41.2 billion yuan in the second quarter."
    assert facts(about, watchlist, published=AUGUST) == set()


def test_a_company_the_figure_s_company_is_set_against_is_passed_over(watchlist):
    english = ("MiniMax reported results on Tuesday.\n\n"
               "Unlike Zhipu, the Shanghai-based company said revenue rose 38.6% in the second quarter.")
    chinese = "MiniMax周二公布业绩。与智谱不同，这家上海公司二季度收入同比增长38.6%。"
    compared = "MiniMax reported results on Tuesday. Compared with Zhipu, the company grew faster: revenue rose 38.6% in the second quarter."
    for text in (english, chinese, compared):
        assert facts(text, watchlist, published=AUGUST) == {
            ("minimax", "revenue_growth", "2031Q2", Decimal("38.6"), "%", "eq")}, text


def test_more_english_wordings_of_a_half_or_a_quarter(watchlist):
    cases = {
        "Zhipu said revenue for the half-year to June was 2.941 billion yuan.": "2031H1",
        "Zhipu said revenue for the January-to-June period was 2.941 billion yuan.": "2031H1",
        "Zhipu said revenue for the second quarter of fiscal year 2031 was 2.941 billion yuan.": "2031Q2",
    }
    for text, period in cases.items():
        assert facts(text, watchlist, published=AUGUST) == {_revenue("zhipu", period, "2941000000", "CNY")}, text
