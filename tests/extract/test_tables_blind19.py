"""How recaps, filings and operating updates lay out tables the extractor had not seen: rules found on
tests/blind19, pinned on tables of our own.

Each test uses other companies, figures and wording than the article that showed the rule: a caption naming the
currency before its magnitude ("(US$ in thousands, unaudited)", "(RMB in millions)").
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import unqualified_facts as facts

# --- a caption naming the currency before the magnitude ------------------------------------------------------------

CURRENCY_FIRST_EN = (
    "MiniMax posts a wider margin\n\n"
    "Key figures (US$ in thousands, unaudited):\n\n"
    "                                 Three Months Ended       Six Months Ended\n"
    "                                    June 30,                 June 30,\n"
    "                                  2028        2027         2028         2027\n"
    "Revenues                        161,300     112,480      321,220      209,700\n"
    "Research and development       (121,900)    (98,300)    (240,100)    (190,800)\n"
)

CURRENCY_FIRST_RMB = (
    "Zhipu AI annual summary\n\n"
    "Selected items (RMB in millions)\n\n"
    "                      2027         2026\n"
    "Revenue              2,830.1      1,742.3\n"
    "Adjusted net loss   (6,279.9)    (4,410.5)\n"
)


def test_a_caption_naming_the_currency_before_its_magnitude_scales_every_cell(watchlist):
    got = facts(CURRENCY_FIRST_EN, watchlist, published=date(2028, 8, 20))
    assert {
        ("minimax", "revenue", "2028Q2", Decimal("161300000"), "USD"),
        ("minimax", "revenue", "2027Q2", Decimal("112480000"), "USD"),
        ("minimax", "revenue", "2028H1", Decimal("321220000"), "USD"),
        ("minimax", "rd_expense", "2027H1", Decimal("190800000"), "USD"),
    } <= got


def test_a_currency_in_millions_caption_over_years(watchlist):
    got = facts(CURRENCY_FIRST_RMB, watchlist, published=date(2028, 3, 30))
    assert {
        ("zhipu", "revenue", "FY2027", Decimal("2830100000"), "CNY"),
        ("zhipu", "adjusted_net_loss", "FY2026", Decimal("4410500000"), "CNY"),
    } <= got
