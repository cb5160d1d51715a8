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
