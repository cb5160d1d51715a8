"""General rules of how the Chinese press writes, found on the eleventh blind set and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_month_put_in_last_year_for_want_of_a_year_lends_no_year(watchlist):
    # "12月" in a November brief is next month's meeting, read as last December only as a guess: the quarter
    # named a few lines on is this year's
    text = ("1. 市场普遍认为12月将再次降准。\n"
            "2. 月之暗面第三季度收入2.3亿美元，同比增长85%。")
    got = facts(text, watchlist, published=date(2027, 11, 20))
    assert ("moonshot", "revenue", "2027Q3", Decimal("230000000"), "USD", "eq") in got
    assert not {f for f in got if f[2].startswith("2026")}
    text = "分析師預期12月出口回暖。\nMiniMax第二季毛利率為35.5%。"
    got = facts(text, watchlist, published=date(2027, 10, 5))
    assert ("minimax", "gross_margin", "2027Q2", Decimal("35.5"), "%", "eq") in got


def test_a_period_after_the_year_of_writing_frames_nothing(watchlist):
    # "明年上半年" in an item about rate bets is an outlook: the bare quarter of the results item after it is still
    # this year's, not next year's
    text = ("2027年11月26日\n\n"
            "1. 交易员对明年上半年降息的押注升至六成。\n"
            "2. 港股昨日收涨0.8%。\n"
            "3. DeepSeek三季度收入为5.1亿元，同比增长120%。")
    got = facts(text, watchlist)
    assert ("deepseek", "revenue", "2027Q3", Decimal("510000000"), "CNY", "eq") in got
    assert not {f for f in got if f[2].startswith("2028")}
    text = ("2027年10月9日\n\n明年下半年市場或迎來新一輪擴產。\n昨日股市回穩。\n"
            "智譜第二季經調整淨虧損為12.2億元。")
    got = facts(text, watchlist)
    assert ("zhipu", "adjusted_net_loss", "2027Q2", Decimal("1220000000"), "CNY", "eq") in got


def test_what_a_company_will_post_is_a_forecast(watchlist):
    # a period after the year of writing no longer frames the bare "full-year" after it, so the estimate must be
    # dropped for what it says: "will post" / "will report" is the future, like "will be"
    text = ("Brokers see price cuts deepening in the first half of 2028. "
            "One house estimates Zhipu will post full-year revenue of roughly 2.4 billion yuan.")
    got = facts(text, watchlist, published=date(2027, 11, 30))
    assert not {f for f in got if f[3] == Decimal("2400000000")}
    text = "DeepSeek will report fourth-quarter revenue of about 900 million yuan, a person familiar said."
    got = facts(text, watchlist, published=date(2027, 12, 2))
    assert not got
