"""General rules of how the press writes, found on the tenth blind set and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_last_years_quarter_named_in_passing_does_not_date_the_next_sentences(watchlist):
    # "去年第三季" counts from the day of writing like "去年" does: it dates its own sentence, not the half or the
    # month written without a year in the sentences after it
    text = ("MiniMax前三季度收入增長八成。管理層指出，去年第三季有一筆大額授權收入，基數較高。"
            "上半年毛利率為37.2%。公司稱8月日均token調用量約19萬億。")
    got = facts(text, watchlist, published=date(2027, 10, 28))
    assert ("minimax", "gross_margin", "2027H1", Decimal("37.2"), "%", "eq") in got
    assert ("minimax", "daily_token_volume", "2027-08", Decimal("19000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[2].startswith("2026")}
    text = ("Zhipu's results beat forecasts. Last year's fourth quarter was flattered by one large contract. "
            "In the first half, revenue was 1.3 billion yuan.")
    got = facts(text, watchlist, published=date(2027, 8, 31))
    assert ("zhipu", "revenue", "2027H1", Decimal("1300000000"), "CNY", "eq") in got


def test_a_half_put_in_last_year_as_a_guess_lends_no_year(watchlist):
    # "下半年將放緩招聘" in September is this year's half still under way; read as last year's, it must not carry
    # that year into the month named next
    text = ("智譜稱下半年將放緩招聘。\n\n"
            "用量方面，智譜表示8月份開放平台日均token調用量逾70萬億。")
    got = facts(text, watchlist, published=date(2027, 9, 15))
    assert ("zhipu", "daily_token_volume", "2027-08", Decimal("70000000000000"), "tokens/day", "gt") in got
    assert not {f for f in got if f[2] == "2026-08"}


def test_a_change_from_last_years_figure_to_this_years(watchlist):
    # "由去年同期的X擴大至Y": the period after 由 is the start's, the half named before it the end's
    text = "MiniMax上半年經調整淨虧損由去年同期的8,900萬美元擴大至9,800萬美元。"
    got = facts(text, watchlist, published=date(2027, 8, 25))
    assert ("minimax", "adjusted_net_loss", "2026H1", Decimal("89000000"), "USD", "eq") in got
    assert ("minimax", "adjusted_net_loss", "2027H1", Decimal("98000000"), "USD", "eq") in got
    text = "月之暗面第二季度收入由上年同期的1.2亿美元增至2.1亿美元。"
    got = facts(text, watchlist, published=date(2027, 8, 25))
    assert ("moonshot", "revenue", "2027Q2", Decimal("210000000"), "USD", "eq") in got
    assert not {f for f in got if f[3] == Decimal("210000000") and f[2] != "2027Q2"}


def test_a_bracketed_prior_period_without_a_colon_labels_only_the_figure_inside(watchlist):
    # "研发开支26.1亿元（上年同期21.5亿元）": as with "（2025年：X）", the bracket's period is its own figure's
    text = "智谱上半年经调整净亏损31.2亿元（去年同期24.6亿元）。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("zhipu", "adjusted_net_loss", "2027H1", Decimal("3120000000"), "CNY", "eq") in got
    assert ("zhipu", "adjusted_net_loss", "2026H1", Decimal("2460000000"), "CNY", "eq") in got
    text = "MiniMax第二季度研发开支7,400万美元（上年同期为5,100万美元）。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("minimax", "rd_expense", "2027Q2", Decimal("74000000"), "USD", "eq") in got
    assert not {f for f in got if f[3] == Decimal("74000000") and f[2] != "2027Q2"}


def test_a_daily_average_written_out_is_a_daily_volume(watchlist):
    # "每日平均token處理量", "平均每天的调用量", "40 trillion a day": tokens per day, not a month's total
    text = "DeepSeek表示，8月每日平均token處理量約40兆。"
    got = facts(text, watchlist, published=date(2027, 9, 10))
    assert ("deepseek", "daily_token_volume", "2027-08", Decimal("40000000000000"), "tokens/day", "approx") in got
    text = "月之暗面称，Kimi 8月平均每天的token调用量约18万亿。"
    got = facts(text, watchlist, published=date(2027, 9, 10))
    assert ("moonshot", "daily_token_volume", "2027-08", Decimal("18000000000000"), "tokens/day", "approx") in got
    text = "MiniMax says tokens processed on its platform reached 21 trillion a day in August."
    got = facts(text, watchlist, published=date(2027, 9, 10))
    assert ("minimax", "daily_token_volume", "2027-08", Decimal("21000000000000"), "tokens/day", "eq") in got
    assert not {f for f in got if f[1] == "token_volume"}


def test_a_list_of_companies_takes_a_list_of_figures_in_order(watchlist):
    # "A和B的收入分别为X和Y", "A and B posted X and Y, respectively": the first figure is the first company's, not
    # both the nearest company's
    text = "In 2026, DeepSeek and Moonshot AI posted revenue of 2.1 billion yuan and $310 million, respectively."
    got = facts(text, watchlist, published=date(2027, 4, 9))
    assert ("deepseek", "revenue", "FY2026", Decimal("2100000000"), "CNY", "eq") in got
    assert ("moonshot", "revenue", "FY2026", Decimal("310000000"), "USD", "eq") in got
    assert len(got) == 2


def test_the_two_companies_point_back_to_the_pair_just_named(watchlist):
    # "两家公司…分别为X和Y", "the two companies posted X and Y respectively": the pair listed just before, in order
    text = "月之暗面与DeepSeek均未上市。2026年，两家公司的收入分别为3.1亿美元和21亿元。"
    got = facts(text, watchlist, published=date(2027, 4, 9))
    assert ("moonshot", "revenue", "FY2026", Decimal("310000000"), "USD", "eq") in got
    assert ("deepseek", "revenue", "FY2026", Decimal("2100000000"), "CNY", "eq") in got
    assert len(got) == 2
    text = ("Zhipu and MiniMax have both listed. In 2026 the two companies posted revenue of 1.68 billion yuan and "
            "$176 million respectively.")
    got = facts(text, watchlist, published=date(2027, 4, 9))
    assert ("zhipu", "revenue", "FY2026", Decimal("1680000000"), "CNY", "eq") in got
    assert ("minimax", "revenue", "FY2026", Decimal("176000000"), "USD", "eq") in got


def test_the_end_of_last_year_is_its_last_day(watchlist):
    # "at the end of last year" is 去年底: a month-end for a rate, a day for a headcount, not the whole year nor
    # the day of writing
    text = "Moonshot's annualized revenue was roughly $500 million at the end of last year, people said."
    got = facts(text, watchlist, published=date(2027, 9, 14))
    assert ("moonshot", "arr", "2026-12", Decimal("500000000"), "USD", "approx") in got
    text = "Zhipu had 1,900 employees at the end of last year."
    got = facts(text, watchlist, published=date(2027, 9, 14))
    assert ("zhipu", "headcount", "2026-12-31", Decimal("1900"), "count", "eq") in got


def test_the_end_of_last_month_counts_from_the_day_of_writing(watchlist):
    # "截至上个月末", "截至上月底": the last day of the month before the one of writing, a month for a rate
    text = "据报道，月之暗面截至上个月末的年化经常性收入约10亿美元。"
    got = facts(text, watchlist, published=date(2027, 10, 12))
    assert ("moonshot", "arr", "2027-09", Decimal("1000000000"), "USD", "approx") in got
    text = "截至上月底，DeepSeek日均token调用量约45万亿。"
    got = facts(text, watchlist, published=date(2027, 10, 12))
    assert ("deepseek", "daily_token_volume", "2027-09", Decimal("45000000000000"), "tokens/day", "approx") in got


def test_for_the_half_after_a_quarter_is_the_half_reported_on(watchlist):
    # "36.3% in the second quarter and 35.6% for the half": "the half" is the half named before, as "the same
    # half" is, not the quarter just named
    text = ("Zhipu's first-half revenue rose 68%. Gross margin was 46.1% in the second quarter and 45.0% for the "
            "half.")
    got = facts(text, watchlist, published=date(2027, 8, 27))
    assert ("zhipu", "gross_margin", "2027Q2", Decimal("46.1"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "2027H1", Decimal("45.0"), "%", "eq") in got


def test_a_listed_figure_takes_the_change_word_next_to_the_list(watchlist):
    # "收入同比分别增长85%和140%": the second figure grows as the first does; "收入" further back would make it a share
    text = "2026年，DeepSeek和月之暗面的收入同比分别增长85%和140%。"
    got = facts(text, watchlist, published=date(2027, 4, 9))
    assert ("deepseek", "revenue_growth", "FY2026", Decimal("85"), "%", "eq") in got
    assert ("moonshot", "revenue_growth", "FY2026", Decimal("140"), "%", "eq") in got


def test_worth_a_sum_at_a_days_close_is_a_market_value(watchlist):
    # "worth HK$250 billion at Friday's close": a trading day's close after the value dates a market value as one
    # before it does; "valued at $30 billion on Friday" (no close) stays a private valuation
    text = "MiniMax was worth about HK$250 billion at Friday's close."
    got = facts(text, watchlist, published=date(2027, 8, 29))
    assert ("minimax", "market_cap", "2027-08-27", Decimal("250000000000"), "HKD", "approx") in got
    assert not facts("Moonshot was valued at $30 billion on Friday.", watchlist, published=date(2027, 8, 29))


def test_last_year_written_as_a_word_dates_the_full_year_after_it(watchlist):
    # a report declared for a half ("期间为截至2027年6月30日止六个月") does not make "去年…全年" this year's: the word
    # year is the writer's own dating, unlike a plain earlier year set against the period reported on
    text = ("智谱发布了中期业绩。以下金额均以人民币计，期间为截至2027年6月30日止六个月。\n\n"
            "去年智谱全年收入为16.76亿元。")
    got = facts(text, watchlist, published=date(2027, 8, 28))
    assert ("zhipu", "revenue", "FY2026", Decimal("1676000000"), "CNY", "eq") in got
