"""General rules of how the English-language press and filings write, found on the fourteenth blind set and pinned
on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_an_upper_case_title_names_the_period_a_filing_announces(watchlist):
    # "FOR THE SIX MONTHS ENDED 30 JUNE 2027": an exchange filing's title in capitals dates its highlights
    text = ("MINIMAX GROUP INC. — ANNOUNCEMENT OF INTERIM RESULTS FOR THE SIX MONTHS ENDED 30 JUNE 2027\n\n"
            "HIGHLIGHTS\n\n"
            "- Revenue for the three months ended 30 June 2027 was US$71.3 million.\n"
            "- Gross margin was 36.4%.\n")
    got = facts(text, watchlist, published=date(2027, 8, 20))
    assert ("minimax", "gross_margin", "2027H1", Decimal("36.4"), "%", "eq") in got
    assert not {f for f in got if f[1] == "gross_margin" and f[2] == "2027Q2"}


def test_the_reporting_period_is_the_period_a_filing_defines_it_as(watchlist):
    # 'for the six months ended 30 June 2027 (the "Reporting Period")': the defined term names that half later on
    text = ("ANNOUNCEMENT OF INTERIM RESULTS FOR THE SIX MONTHS ENDED 30 JUNE 2027\n\n"
            "The board of MiniMax announces the results for the six months ended 30 June 2027 (the \"Reporting "
            "Period\").\n\n"
            "Gross margin was 38.2% in the fourth quarter of 2026.\n\n"
            "R&D expenses were US$143.2 million, or approximately 1.1 times revenue for the Reporting Period.")
    got = facts(text, watchlist, published=date(2027, 8, 20))
    assert ("minimax", "rd_to_revenue", "2027H1", Decimal("1.1"), "x", "approx") in got
    assert not {f for f in got if f[1] == "rd_to_revenue" and f[2] != "2027H1"}


def test_the_corresponding_period_of_a_year_is_the_same_period_in_that_year(watchlist):
    # HKEX filings write "the corresponding period of 2026" for "the same period of 2026"
    text = ("Moonshot AI's revenue for the six months ended 30 June 2027 was US$307 million. Its adjusted net loss was "
            "US$296 million, compared with US$244 million for the corresponding period of 2026.")
    got = facts(text, watchlist, published=date(2027, 8, 28))
    assert ("moonshot", "adjusted_net_loss", "2027H1", Decimal("296000000"), "USD", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "2026H1", Decimal("244000000"), "USD", "eq") in got
    assert not {f for f in got if f[2] == "FY2026"}


def test_a_long_label_run_into_its_first_figure_still_reads_as_a_row(watchlist):
    # a statement's long row label left one space before its first figure: the row and the rows under it still count
    text = ("MiniMax: condensed consolidated statement of profit or loss\n"
            "(Expressed in US$'000)\n\n"
            "                                            2027          2026\n"
            "Revenue                                  129,700        58,400\n"
            "Other income                               4,210         3,050\n"
            "Fair value losses on convertible notes (12,310)        (8,140)\n"
            "Loss for the period                     (201,500)     (150,200)\n")
    got = facts(text, watchlist, published=date(2027, 8, 20))
    assert ("minimax", "net_loss", "FY2027", Decimal("201500000"), "USD", "eq") in got
    assert ("minimax", "net_loss", "FY2026", Decimal("150200000"), "USD", "eq") in got


def test_a_spoken_amount_takes_the_currency_named_before_it_in_its_sentence(watchlist):
    # a call or a wire names the currency once: "…112.4 million dollars, up from 71.3 million a year earlier"
    text = ("MiniMax's revenue for the second quarter of 2028 came to 112.4 million dollars, up from 71.3 million a "
            "year earlier. Its annualized recurring revenue passed $510 million at the end of July, against "
            "roughly 460 million at the end of June, from 2.1 million paying users.")
    got = facts(text, watchlist, published=date(2028, 8, 17))
    assert ("minimax", "revenue", "2027Q2", Decimal("71300000"), "USD", "eq") in got
    assert ("minimax", "arr", "2028-06", Decimal("460000000"), "USD", "approx") in got
    assert not {f for f in got if f[3] == Decimal("2100000")}


def test_for_the_half_names_the_half_reported_on(watchlist):
    # "for the half" after a quarter has been named is the half, not that quarter
    text = ("Zhipu reported results for the first half of 2028 on Wednesday. Revenue in the second quarter was "
            "1.05 billion yuan. The adjusted net loss was 3.47 billion yuan for the half.")
    got = facts(text, watchlist, published=date(2028, 8, 24))
    assert ("zhipu", "adjusted_net_loss", "2028H1", Decimal("3470000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1] == "adjusted_net_loss" and f[2] == "2028Q2"}


def test_a_quarter_given_as_part_of_the_half_dates_only_its_part(watchlist):
    # "…for the half, of which 16.6 million was in the second quarter": the loss and ratio after it are the half's
    text = ("Zhipu's R&D spending was 3.20 billion yuan for the first half of 2028, of which 1.66 billion was in the "
            "second quarter. The loss for the period was 4.40 billion yuan. Research spending came to about 1.7 "
            "times revenue.")
    got = facts(text, watchlist, published=date(2028, 8, 24))
    assert ("zhipu", "rd_expense", "2028Q2", Decimal("1660000000"), "CNY", "eq") in got
    assert ("zhipu", "net_loss", "2028H1", Decimal("4400000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1] in ("net_loss", "rd_to_revenue") and f[2] == "2028Q2"}


def test_an_amount_spent_in_research_and_development_is_rd_expense(watchlist):
    # "invested $203 million in research and development", as "in R&D" already reads
    text = "MiniMax invested $203.3 million in research and development in the first half of 2028."
    got = facts(text, watchlist, published=date(2028, 8, 17))
    assert ("minimax", "rd_expense", "2028H1", Decimal("203300000"), "USD", "eq") in got


def test_closing_a_weekday_dates_the_close_of_that_day(watchlist):
    # "closing Tuesday with a market value of…" in a Wednesday story: Tuesday's close, as "closed Tuesday" is
    text = "MiniMax rose 2.1%, closing Tuesday with a market value of HK$357 billion."
    got = facts(text, watchlist, published=date(2028, 9, 20))
    assert ("minimax", "market_cap", "2028-09-19", Decimal("357000000000"), "HKD", "eq") in got
    assert not {f for f in got if f[2] == "2028-09-20"}
