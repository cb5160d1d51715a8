"""General rules of how the English-language press writes (press releases, results flashes, forum threads,
conference write-ups), found on the twenty-second blind set and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_an_amount_of_share_based_compensation_is_not_the_loss_it_is_excluded_from(watchlist):
    # "Adjusted net loss excludes share-based compensation of $X": X is the compensation, not the adjusted loss
    text = ("Zhipu AI reported a net loss of RMB 512.3 million for the third quarter of 2031. "
            "Adjusted net loss excludes share-based compensation expenses of RMB 96.4 million.")
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "net_loss", "2031Q3", Decimal("512300000"), "CNY", "eq") in got
    assert not {f for f in got if f[3] == Decimal("96400000")}
    # named in a relative clause, it defines the metric, and the figure after it is the metric's
    text = ("Zhipu AI's adjusted net loss for the third quarter of 2031, which excludes share-based compensation, "
            "narrowed to RMB 415.9 million.")
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "adjusted_net_loss", "2031Q3", Decimal("415900000"), "CNY", "eq") in got


def test_these_four_together_is_a_sum_over_the_companies_named(watchlist):
    # "These four together…" after a paragraph ending on one of them: the sum is nobody's, not the last one named
    text = ('Zhipu, DeepSeek and MiniMax all grew in March, and Kimi was the fastest grower. "These four together now process more '
            'than 950 trillion tokens a day," he said.')
    got = facts(text, watchlist, published=date(2032, 4, 10))
    assert not {f for f in got if f[3] == Decimal("950000000000000")}
    # a figure the paragraph gives one of them stays that one's
    got = facts(text.replace("the fastest grower.", "the fastest grower, at 210 trillion tokens a day."), watchlist,
                published=date(2032, 4, 10))
    assert got == {("moonshot", "daily_token_volume", "2032-03", Decimal("210000000000000"), "tokens/day", "eq")}


def test_a_listing_of_stepfun_is_not_a_watched_companys(watchlist):
    text = ("OpenRouter's ARR reached $1.4 billion at the end of May 2032, its chief executive said. He declined to say "
            "whether the company would follow StepFun, whose Hong Kong offering was oversubscribed about 2,100 times.")
    got = facts(text, watchlist, published=date(2032, 6, 10))
    assert ("openrouter", "arr", "2032-05", Decimal("1400000000"), "USD", "eq") in got
    assert not {f for f in got if f[1] == "ipo_oversubscription"}


def test_it_opening_a_share_of_revenue_is_the_segment_the_sentence_before_was_about(watchlist):
    # no company makes up a share of its own revenue: "It made up X% of revenue" after a sentence on a segment is that
    # segment's share; "the June quarter" is the quarter ending in June
    text = ("DeepSeek reported its third-quarter results on Tuesday. 2) Private deployment recovered. It made up 12.4% "
            "of revenue, against 10.9% in the June quarter.")
    got = facts(text, watchlist, published=date(2031, 11, 5))
    assert ("deepseek", "revenue_share.on_premise", "2031Q3", Decimal("12.4"), "%", "eq") in got
    assert ("deepseek", "revenue_share.on_premise", "2031Q2", Decimal("10.9"), "%", "eq") in got
    # with no segment said before it, "It" names nothing to share out
    text = "DeepSeek reported its third-quarter results on Tuesday. It made up 12.4% of revenue."
    got = facts(text, watchlist, published=date(2031, 11, 5))
    assert not {f for f in got if f[1].startswith("revenue_share")}


def test_a_period_marked_e_is_a_brokers_estimate(watchlist):
    # "Our 4Q31E is…, which takes FY31E revenue to…": periods marked E are estimates, whatever verb the clause uses
    text = ("MiniMax's 3Q31 revenue was US$301.2m. Our 4Q31E is US$322.0m, which takes FY31E revenue to "
            "US$1,150.5m.")
    got = facts(text, watchlist, published=date(2031, 11, 12))
    assert ("minimax", "revenue", "2031Q3", Decimal("301200000"), "USD", "eq") in got
    assert not {f for f in got if f[3] in (Decimal("322000000"), Decimal("1150500000"))}


def test_a_bare_t_counts_trillions_of_tokens_on_a_line_about_tokens(watchlist):
    # forum shorthand: "~205T in September" under "Daily tokens:", "at ~351T" after a figure a day
    text = "DeepSeek's Q3 revenue rose 58.2%.\n* Daily tokens: ~205T in September, ~212T in October."
    got = facts(text, watchlist, published=date(2031, 11, 6))
    assert ("deepseek", "daily_token_volume", "2031-09", Decimal("205000000000000"), "tokens/day", "approx") in got
    assert ("deepseek", "daily_token_volume", "2031-10", Decimal("212000000000000"), "tokens/day", "approx") in got
    # a model's size is no amount: "a 1T-parameter model", "its 7B model"
    text = "DeepSeek's Q3 revenue rose 58.2%. Its new 1T-parameter model and a 7B model drew 3.1 million downloads."
    got = facts(text, watchlist, published=date(2031, 11, 6))
    assert not {f for f in got if f[1].endswith("token_volume")}


def test_numbers_listed_before_a_metrics_noun_share_it(watchlist):
    # "X and Y were at roughly A and B trillion tokens a day … respectively": the noun after B names A's metric too
    text = ("DeepSeek's Q3 revenue rose 58.2%. Kimi and MiniMax were at roughly 131T and 142T a day in October "
            "respectively, and Zhipu is still ahead at ~351T.")
    got = facts(text, watchlist, published=date(2031, 11, 6))
    assert ("moonshot", "daily_token_volume", "2031-10", Decimal("131000000000000"), "tokens/day", "approx") in got
    assert {f[:5] for f in got} >= {
        ("minimax", "daily_token_volume", "2031-10", Decimal("142000000000000"), "tokens/day"),
        ("zhipu", "daily_token_volume", "2031-10", Decimal("351000000000000"), "tokens/day"),
    }
    text = ("DeepSeek's Q3 revenue rose 58.2%. Kimi and MiniMax were at 131 and 142 trillion tokens a day in October "
            "respectively.")
    got = facts(text, watchlist, published=date(2031, 11, 6))
    assert ("moonshot", "daily_token_volume", "2031-10", Decimal("131000000000000"), "tokens/day", "eq") in got
    assert ("minimax", "daily_token_volume", "2031-10", Decimal("142000000000000"), "tokens/day", "eq") in got


def test_market_values_in_the_plural_name_the_metric_of_a_list_of_companies(watchlist):
    # "Closing market values on … (HK$ billion): A 1,210; B 1,004": the plural names each company's market value
    text = ("Sidebar: market snapshot\n\nClosing market values on Friday, November 28, 2031 (HK$ billion): "
            "Zhipu 1,210; Moonshot 1,004; DeepSeek 851; MiniMax 802.\n")
    got = facts(text, watchlist, published=date(2031, 12, 10))
    assert ("zhipu", "market_cap", "2031-11-28", Decimal("1210000000000"), "HKD", "eq") in got
    assert ("minimax", "market_cap", "2031-11-28", Decimal("802000000000"), "HKD", "eq") in got
    text = "Market caps at the close on Friday, November 28, 2031: Zhipu HK$1,210bn and DeepSeek HK$851bn."
    got = facts(text, watchlist, published=date(2031, 12, 10))
    assert ("deepseek", "market_cap", "2031-11-28", Decimal("851000000000"), "HKD", "eq") in got
