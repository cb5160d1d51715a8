"""General rules of how the press writes, found on the ninth blind set and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_year_written_as_a_word_lends_it_to_a_month_only_in_its_own_sentence(watchlist):
    # "last year" / 去年 count from the day of writing, as a month after them in a later sentence does: "in May"
    # in a June 2027 story is May 2027, not May of last year
    text = ("\"Margins held up last year,\" the chief executive of MiniMax said. "
            "He added that daily token calls on its platform exceeded 9 trillion in May.")
    got = facts(text, watchlist, published=date(2027, 6, 14))
    assert ("minimax", "daily_token_volume", "2027-05", Decimal("9000000000000"), "tokens/day", "gt") in got
    assert not {f for f in got if f[2] == "2026-05"}
    text = "月之暗面去年的订阅收入翻了一番。公司称，2月Kimi日均token调用量约7万亿。"
    got = facts(text, watchlist, published=date(2027, 3, 20))
    assert ("moonshot", "daily_token_volume", "2027-02", Decimal("7000000000000"), "tokens/day", "approx") in got


def test_a_month_in_brackets_after_a_year_ago_is_a_comparison(watchlist):
    # "一年前（2025年11月）": the base of a comparison, which does not date the months written after it
    text = ("智谱：11月日均调用量约30万亿，一年前（2025年11月）约为9万亿。\n"
            "MiniMax：11月日均token调用量约11万亿。")
    got = facts(text, watchlist, published=date(2026, 12, 6))
    assert ("minimax", "daily_token_volume", "2026-11", Decimal("11000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[0] == "minimax" and f[2] == "2025-11"}


def test_a_dateline_does_not_put_a_month_after_the_day_of_writing(watchlist):
    # a dateline's "2027年2月3日" is no year for "11月" further down: that is the November just gone
    text = ("2027年2月3日 北京\n\n"
            "DeepSeek：11月日均token调用量约19万亿。")
    got = facts(text, watchlist, published=date(2027, 2, 3))
    assert ("deepseek", "daily_token_volume", "2026-11", Decimal("19000000000000"), "tokens/day", "approx") in got
    text = ("Updated on Monday, February 8, 2027.\n\n"
            "Kimi's daily token volume was about 6 trillion in October.")
    got = facts(text, watchlist, published=date(2027, 2, 8))
    assert ("moonshot", "daily_token_volume", "2026-10", Decimal("6000000000000"), "tokens/day", "approx") in got


def test_a_quarter_singled_out_after_an_announcement_day(watchlist):
    # "said on Thursday. In the third quarter alone…": the quarter just gone, not the one of the year of writing
    # still to come; and the quarter singled out dates only its own sentence, the results after it are the year's
    text = ("MiniMax said on Thursday that revenue rose 90% to $150 million in 2026. "
            "In the fourth quarter alone, revenue reached $48 million. "
            "The adjusted net loss narrowed to $210 million.")
    got = facts(text, watchlist, published=date(2027, 3, 25))
    assert ("minimax", "revenue", "2026Q4", Decimal("48000000"), "USD", "eq") in got
    assert ("minimax", "adjusted_net_loss", "FY2026", Decimal("210000000"), "USD", "eq") in got
    assert not {f for f in got if f[1] == "adjusted_net_loss" and f[2] != "FY2026"}


def test_an_announcement_day_does_not_date_the_results_after_it(watchlist):
    # "…in 2026, the company said in a filing on Wednesday. Gross margin fell to 38%": the margin is the year's
    text = ("Zhipu's revenue grew 95% to 1.4 billion yuan in 2026, the company said in a filing on Wednesday. "
            "Gross margin fell to 38.5%.")
    got = facts(text, watchlist, published=date(2027, 3, 26))
    assert ("zhipu", "gross_margin", "FY2026", Decimal("38.5"), "%", "eq") in got
    assert not {f for f in got if f[1] == "gross_margin" and f[2] != "FY2026"}


def test_a_change_after_a_base_year_level_is_of_the_year_named_first(watchlist):
    # "A，前年是B，同比增长X": the base year's level comes last, the growth is still of the year named first
    text = "智谱2026年收入18.2亿元，2025年是7.4亿元，同比增长146%。"
    got = facts(text, watchlist, published=date(2027, 4, 2))
    assert ("zhipu", "revenue_growth", "FY2026", Decimal("146"), "%", "eq") in got
    assert ("zhipu", "revenue", "FY2025", Decimal("740000000"), "CNY", "eq") in got
    text = "MiniMax去年全年收入2.1亿美元，前年为1.2亿美元，增长75%。"
    got = facts(text, watchlist, published=date(2027, 5, 8))
    assert ("minimax", "revenue_growth", "FY2026", Decimal("75"), "%", "eq") in got
    assert not {f for f in got if f[1] == "revenue_growth" and f[2] != "FY2026"}


def test_a_year_written_as_a_word_lends_it_to_a_half_or_quarter_only_in_its_own_sentence(watchlist):
    # "前年是…。如果只看第四季度…": a quarter or half written alone after an earlier sentence's 前年 / "the year
    # before" is of the year just gone, as it would be with no year named at all
    text = ("智谱：去年收入16.8亿元，前年是7.4亿元。\n\n"
            "问：节奏上呢？\n\n"
            "答：上半年收入6.9亿元，第四季度收入5.9亿元。")
    got = facts(text, watchlist, published=date(2027, 4, 20))
    assert ("zhipu", "revenue", "2026H1", Decimal("690000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue", "2026Q4", Decimal("590000000"), "CNY", "eq") in got
    assert not {f for f in got if f[2] in ("2025H1", "2025Q4")}


def test_a_list_under_a_plain_heading_far_below_the_lede_takes_the_year_it_reports(watchlist):
    # "Highlights" several sentences below "…in 2026": nothing dates the items in sight, and the story reports a year
    # over before it was written, so the list sums up that year
    text = ("MiniMax Loss Narrows\n\nBy A Reporter\n\n"
            "MiniMax said revenue climbed 88% to $171 million in 2026. Shares rose in Hong Kong. "
            "Analysts had expected less. The company did not give guidance. Its chairman spoke on a call.\n\n"
            "Highlights\n\n- Adjusted net loss was $205 million.\n- Gross margin was 31.5%.\n")
    got = facts(text, watchlist, published=date(2027, 3, 27))
    assert ("minimax", "adjusted_net_loss", "FY2026", Decimal("205000000"), "USD", "eq") in got
    assert ("minimax", "gross_margin", "FY2026", Decimal("31.5"), "%", "eq") in got
    # a year still under way is no year of results
    got = facts(text, watchlist, published=date(2026, 11, 27))
    assert not {f for f in got if f[1] in ("adjusted_net_loss", "gross_margin")}


def test_a_level_written_after_from_is_the_year_before(watchlist):
    # "narrowed to 38.1% from 44%": with no period of its own, the starting level is the year before's
    text = "Zhipu's revenue rose 96% in 2026. Gross margin narrowed to 38.1% from 44%, the company said."
    got = facts(text, watchlist, published=date(2027, 4, 1))
    assert ("zhipu", "gross_margin", "FY2026", Decimal("38.1"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "FY2025", Decimal("44"), "%", "eq") in got
    # a quarter's starting level may be the quarter before's: it gets no period
    text = "In the third quarter of 2026, MiniMax's gross margin rose to 29%, up from 24%."
    got = facts(text, watchlist, published=date(2026, 11, 20))
    assert ("minimax", "gross_margin", "2026Q3", Decimal("29"), "%", "eq") in got
    assert not {f for f in got if f[3] == Decimal("24")}


def test_shang_nian_is_the_year_before_the_one_its_sentence_reports(watchlist):
    # "上年" in a results sentence is the year before the year reported on (as in 上年同期), not the year before the
    # day of writing; and it closes its own clause: the figure after the semicolon is the reported year's again
    text = "MiniMax 2026年毛利率为31.2%，上年为24.8%；开放平台收入6500万美元。"
    got = facts(text, watchlist, published=date(2027, 4, 3))
    assert ("minimax", "gross_margin", "FY2025", Decimal("24.8"), "%", "eq") in got
    assert ("minimax", "revenue.cloud", "FY2026", Decimal("65000000"), "USD", "eq") in got
    text = "智谱2026年经调整净亏损50.1亿元（2025年约为38亿元），上年研发费用为31.5亿元。"
    got = facts(text, watchlist, published=date(2027, 4, 3))
    assert ("zhipu", "rd_expense", "FY2025", Decimal("3150000000"), "CNY", "eq") in got


def test_a_full_year_dated_only_by_the_day_of_writing_is_last_year(watchlist):
    # "财联社3月28日电，…全年毛利率较上年的44.1%…": the day of writing gives 全年 no year of its own
    text = "财联社3月28日电，对于全年毛利率较上年的44.1%有所下滑，MiniMax管理层在业绩会上作出解释。"
    got = facts(text, watchlist, published=date(2027, 3, 28))
    assert ("minimax", "gross_margin", "FY2025", Decimal("44.1"), "%", "eq") in got
    assert not {f for f in got if f[2] == "FY2026"}


def test_a_day_without_its_year_in_a_month_just_named_with_its_year(watchlist):
    # a flashback: "回到2026年1月。…1月9日上市" is January 2026, not the January of the anniversary story
    text = ("2027年1月12日\n\n回到2026年1月。MiniMax於1月9日掛牌，首日收市市值逾1,050億港元。")
    got = facts(text, watchlist, published=date(2027, 1, 12))
    assert ("minimax", "market_cap", "2026-01-09", Decimal("105000000000"), "HKD", "gt") in got
    assert not {f for f in got if f[2].startswith("2027")}
    text = ("Anniversary, January 10 2027\n\nCast back to January 2026. Zhipu listed on January 8, and its public "
            "offer was oversubscribed 1,100 times.")
    got = facts(text, watchlist, published=date(2027, 1, 10))
    assert ("zhipu", "ipo_oversubscription", "2026-01-08", Decimal("1100"), "x", "eq") in got


def test_sums_over_companies_are_nobodys(watchlist):
    # Hong Kong papers write 合共 for "combined"; "两家公司…加起来" in a paragraph naming neither is the sum too
    text = "智譜昨日收市市值為2,400億港元，MiniMax同日收市市值為2,150億港元，兩者合共約4,550億港元。"
    got = facts(text, watchlist, published=date(2027, 2, 6))
    assert ("zhipu", "market_cap", "2027-02-05", Decimal("240000000000"), "HKD", "eq") in got
    assert not {f for f in got if f[3] == Decimal("455000000000")}
    text = ("智谱的市值比上市首日翻了两番，MiniMax也不遑多让。\n\n"
            "需要提醒的是，两家公司的市值加起来已超过4500亿港元，估值里预期成分不小。")
    got = facts(text, watchlist, published=date(2027, 2, 6))
    assert not {f for f in got if f[1] == "market_cap"}


def test_the_company_of_a_paragraph_about_one_not_watched(watchlist):
    # a telegraph page's flash about a company off the watchlist: "公司称" there is that company, not the page's subject
    text = ("【智谱发布年报】智谱2026年收入16.8亿元。\n\n"
            "【零一万物完成融资】零一万物宣布完成新一轮融资。公司称2026年收入同比增长超过两倍。")
    got = facts(text, watchlist, published=date(2027, 3, 31))
    assert ("zhipu", "revenue", "FY2026", Decimal("1680000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1] == "revenue_growth"}
