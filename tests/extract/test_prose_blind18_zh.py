"""General rules of how the Chinese-language press, fund and broker pieces write, found on the eighteenth blind set
and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_list_whose_companies_are_named_in_a_bracket_after_it(watchlist):
    # "分别为A、B和C（依次为X、Y、Z）": the bracket's order, not the order companies were named in before
    text = ("月之暗面三季度市值一路上行，MiniMax和智谱紧随其后。\n\n"
            "三家公司三季度毛利率分别为51.2%、46.0%和56.3%（依次为MiniMax、智谱、月之暗面），均高于去年同期。")
    got = facts(text, watchlist, published=date(2029, 11, 30))
    assert ("minimax", "gross_margin", "2029Q3", Decimal("51.2"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "2029Q3", Decimal("46.0"), "%", "eq") in got
    assert ("moonshot", "gross_margin", "2029Q3", Decimal("56.3"), "%", "eq") in got
    text = "两家公司上半年经调整净亏损分别为37.8亿元和2.82亿美元（分别为智谱、月之暗面）。"
    got = facts(text, watchlist, published=date(2029, 9, 2))
    assert ("zhipu", "adjusted_net_loss", "2029H1", Decimal("3780000000"), "CNY", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "2029H1", Decimal("282000000"), "USD", "eq") in got
