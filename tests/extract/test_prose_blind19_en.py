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


def test_nine_month_or_six_month_as_an_adjective_is_the_year_to_date(watchlist):
    # "Nine-month revenue of $1.5B", "on a six-month basis": the first nine or six months of the year of writing
    text = "Zhipu results\n- Six-month revenue of RMB3.05B, up 66.1% Y/Y."
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert ("zhipu", "revenue_growth", "2029H1", Decimal("66.1"), "%", "eq") in got
    text = "On a nine-month basis, MiniMax's consumer products accounted for 52.4% of revenue."
    got = facts(text, watchlist, published=date(2029, 11, 14))
    assert ("minimax", "revenue_share.consumer", "2029Q1-Q3", Decimal("52.4"), "%", "eq") in got
    # but a "six-month high" is no period
    text = "Zhipu shares hit a six-month high, valuing the company at HK$802 billion at Friday's close."
    got = facts(text, watchlist, published=date(2029, 9, 3))
    assert not {f for f in got if f[2].endswith("H1")}


def test_a_margin_after_a_segment_share_and_a_new_period_is_the_companys(watchlist):
    # "X accounted for 50.1% of revenue, up from 44.3% in 2028, and gross margin was 50.2%": the whole company's margin
    text = ("In the first half, Zhipu's cloud deployment accounted for 69.4% of revenue, up from 61.0% in the first "
            "half of 2028, and gross margin was 55.8%.")
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert ("zhipu", "gross_margin", "2029H1", Decimal("55.8"), "%", "eq") in got
    assert not {f for f in got if f[1].startswith("gross_margin.")}


def test_an_amount_a_figure_beat_the_estimate_by_is_no_level(watchlist):
    # "revenue of $612.4M beat by $14.4M": by how much the estimate was beaten, not revenue
    text = "- Zhipu Q2 revenue of RMB1.71B (+58.4% Y/Y) beat by RMB42.0M."
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert ("zhipu", "revenue", "2029Q2", Decimal("1710000000"), "CNY", "eq") in got
    assert not {f for f in got if f[3] == Decimal("42000000")}


def test_last_year_after_a_compared_level_is_the_same_period_a_year_before(watchlist):
    # "51.3% of total (vs. 45.7% last year)" in a quarter's bullets: the quarter a year before, not the whole year;
    # and "vs. 47.1% in Q2 2028" names a comparison's year, no year for the nine months after it
    text = ("- MiniMax Q2 gross margin 45.9% vs. 42.8% in Q2 2028.\n"
            "- Open platform revenue of $80.2M, 47.6% of total (vs. 43.0% last year).\n"
            "- Six-month revenue of $320.9M, up 55.7% Y/Y.\n")
    got = facts(text, watchlist, published=date(2029, 8, 20))
    assert ("minimax", "revenue_share.cloud", "2028Q2", Decimal("43.0"), "%", "eq") in got
    assert ("minimax", "revenue_growth", "2029H1", Decimal("55.7"), "%", "eq") in got
    assert not {f for f in got if f[2] in ("FY2028", "2028H1")}


def test_a_nine_months_level_compared_after_a_year_earlier_comparison_is_that_of_a_year_before(watchlist):
    # "…, up from 44.3% in the first nine months of 2028, and gross margin was 50.2%, versus 45.8%": the same year
    # earlier the sentence compared with, for nine months as for a quarter or a half
    text = ("For the first nine months, Zhipu's cloud deployment made up 72.0% of revenue, up from 64.1% in the first "
            "nine months of 2028, and gross margin was 55.9%, versus 52.7%.")
    got = facts(text, watchlist, published=date(2029, 11, 28))
    assert ("zhipu", "gross_margin", "2029Q1-Q3", Decimal("55.9"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "2028Q1-Q3", Decimal("52.7"), "%", "eq") in got


def test_valuing_a_described_company_at_a_close_is_its_market_value(watchlist):
    # "valuing the Beijing-based company at HK$X at Friday's close": words may describe the company between
    text = ("Zhipu AI shares rose 4.1% on Friday, valuing the Beijing-based developer at about HK$803 billion "
            "at Friday's close.")
    got = facts(text, watchlist, published=date(2029, 9, 8))
    assert ("zhipu", "market_cap", "2029-09-07", Decimal("803000000000"), "HKD", "approx") in got


def test_a_year_to_date_aside_in_a_quarters_story_dates_only_its_sentence(watchlist):
    # "For the first half of the year, revenue was …. Gross margin widened to X from Y.": after the running total
    # the story goes back to the quarter it is about
    text = ("Zhipu's second-quarter revenue rose 58.4% from a year earlier to RMB1.71 billion, the company said on "
            "Tuesday. For the first half of the year, revenue was RMB3.05 billion, an increase of 66.1%.\n\n"
            "Gross margin widened to 56.0% from 53.2%. Cloud deployment brought in RMB1.22 billion.")
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert ("zhipu", "revenue", "2029H1", Decimal("3050000000"), "CNY", "eq") in got
    assert ("zhipu", "gross_margin", "2029Q2", Decimal("56.0"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "2028Q2", Decimal("53.2"), "%", "eq") in got
    assert ("zhipu", "revenue.cloud", "2029Q2", Decimal("1220000000"), "CNY", "eq") in got
