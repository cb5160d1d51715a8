"""General rules of how the English-language press, wires and transcripts write, found on the nineteenth blind set
and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_speaker_turn_in_english_takes_the_company_of_its_heading(watchlist):
    # "Name (Company, title):" on its own line: the answer under it is that company's, whatever was named before
    text = ("Moonshot AI's chief executive opened the panel.\n\n"
            "Dana Whitfield (MiniMax, CFO):\nOur revenue in the second quarter was $168.3 million.\n\n"
            "Sam Ortega (OpenRouter, co-founder):\nARR at the end of September was about $590 million.")
    got = facts(text, watchlist, published=date(2029, 10, 14))
    assert ("minimax", "revenue", "2029Q2", Decimal("168300000"), "USD", "eq") in got
    assert ("openrouter", "arr", "2029-09", Decimal("590000000"), "USD", "approx") in got
    assert not {f for f in got if f[0] == "moonshot"}


def test_the_same_period_of_a_year_is_the_quarter_a_bullet_above_named(watchlist):
    # "- ... second-quarter ...\n- ... compared with X in the same period of 2028": the quarter, not the year 2028
    text = ("Key points\n"
            "- Zhipu's second-quarter revenue rose 58.4% from a year earlier to RMB1.71 billion.\n"
            "- Cloud deployment made up 71.2% of revenue, compared with 63.9% in the same period of 2028.\n")
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert ("zhipu", "revenue_share.cloud", "2029Q2", Decimal("71.2"), "%", "eq") in got
    assert ("zhipu", "revenue_share.cloud", "2028Q2", Decimal("63.9"), "%", "eq") in got
    assert not {f for f in got if f[2].startswith("FY")}


def test_the_same_period_of_a_year_sets_no_year_for_the_months_after_it(watchlist):
    # a comparison's year ("the same period of 2028") is not the year of the next "three months through June"
    text = ("Moonshot AI's gross margin was 50.4% in the second quarter, compared with 46.0% in the same period of 2028.\n"
            "Adjusted net loss narrowed to $121.5 million in the three months through June.")
    got = facts(text, watchlist, published=date(2029, 8, 20))
    assert ("moonshot", "gross_margin", "2028Q2", Decimal("46.0"), "%", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "2029Q2", Decimal("121500000"), "USD", "eq") in got
    assert not {f for f in got if f[1] == "adjusted_net_loss" and f[2] != "2029Q2"}


def test_an_amount_followed_by_the_analysts_average_is_their_estimate(watchlist):
    # "beating the $98.1 million average of analyst estimates": a noun right after the amount says whose it is
    text = ("Moonshot AI's second-quarter revenue rose 61.2% to $612.4 million, beating the $598.0 million average "
            "of analyst estimates.")
    got = facts(text, watchlist, published=date(2029, 8, 20))
    assert ("moonshot", "revenue", "2029Q2", Decimal("612400000"), "USD", "eq") in got
    assert not {f for f in got if f[3] == Decimal("598000000")}
    text = "Zhipu's sales came to RMB1.71 billion in the quarter, short of the RMB1.75 billion consensus estimate."
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert not {f for f in got if f[3] == Decimal("1750000000")}
