"""General rules of how the English-language press writes, found on the thirteenth blind set and pinned on text of
our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_quarter_as_an_adjective_takes_the_year_after_it(watchlist):
    # "third-quarter 2027 revenue": the hyphenated quarter names its year, as "the third quarter of 2027" does
    text = ("- 2026: MiniMax's revenue for the year was $176.3 million.\n"
            "- $61.2 million: third-quarter 2027 revenue, up 71.4% year over year.\n"
            "- Its second-half 2027 gross margin was 37.2%.")
    got = facts(text, watchlist, published=date(2028, 1, 20))
    assert ("minimax", "revenue", "2027Q3", Decimal("61200000"), "USD", "eq") in got
    assert ("minimax", "revenue_growth", "2027Q3", Decimal("71.4"), "%", "eq") in got
    assert ("minimax", "gross_margin", "2027H2", Decimal("37.2"), "%", "eq") in got
    assert not {f for f in got if f[2] in ("FY2026", "2026Q3") and f[3] == Decimal("61200000")}


def test_a_listing_recalled_in_passing_gives_no_year_to_the_quarter_reported(watchlist):
    # a clause recalling a listing two years back dates the listing, not the quarter the sentence reports on
    text = ("MiniMax, which began trading in Hong Kong in January 2026, said fourth-quarter revenue rose 58.2 per cent "
            "to $89.6mn.")
    got = facts(text, watchlist, published=date(2028, 3, 18))
    assert ("minimax", "revenue", "2027Q4", Decimal("89600000"), "USD", "eq") in got
    assert ("minimax", "revenue_growth", "2027Q4", Decimal("58.2"), "%", "eq") in got
    assert not {f for f in got if f[2].startswith("2026") or f[2].startswith("2025")}


def test_an_aim_for_a_later_year_gives_no_year_to_the_quarter_after_it(watchlist):
    # "break even in 2030" is an aim; a first quarter named after it is the one just reported
    text = ("Zhipu hopes to break even in 2030. Its first-quarter revenue was Rmb905mn, up 11.5 per cent.")
    got = facts(text, watchlist, published=date(2029, 5, 30))
    assert ("zhipu", "revenue", "2029Q1", Decimal("905000000"), "CNY", "eq") in got
    assert not {f for f in got if f[2].startswith("2030")}


def test_a_look_back_dates_only_its_own_sentence(watchlist):
    # "back in 2023" is an aside: the figures after it go back to the quarter reported on
    text = ("Zhipu's revenue for the fourth quarter of 2027 was 984 million yuan. Back in 2023, on-premise deployments "
            "made up 84.5% of its revenue. The adjusted net loss was 1.97 billion yuan.")
    got = facts(text, watchlist, published=date(2028, 3, 28))
    assert ("zhipu", "revenue_share.on_premise", "FY2023", Decimal("84.5"), "%", "eq") in got
    assert ("zhipu", "adjusted_net_loss", "2027Q4", Decimal("1970000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1] == "adjusted_net_loss" and f[2] == "FY2023"}


def test_the_quarters_compared_with_do_not_date_the_figures_after_them(watchlist):
    # a quarterly story names the quarter before and the one a year before as comparisons; the margin written after
    # them, with only "a year earlier" for its base, is the quarter's reported on
    text = ("MiniMax's revenue for the second quarter of 2028 was $104.2 million. That is up from the fourth quarter of "
            "2027's $89.6 million, and the second quarter of 2027 brought in $71.3 million. Gross margin was 41.3%, "
            "against 36.2% a year earlier.")
    got = facts(text, watchlist, published=date(2028, 8, 22))
    assert ("minimax", "gross_margin", "2028Q2", Decimal("41.3"), "%", "eq") in got
    assert ("minimax", "gross_margin", "2027Q2", Decimal("36.2"), "%", "eq") in got
    assert not {f for f in got if f[1] == "gross_margin" and f[2] in ("2027Q4", "2026Q4", "2026Q2")}


def test_a_figure_before_its_year_earlier_level_is_of_the_later_year(watchlist):
    # "X, versus Y a year earlier": X is of the period that "a year earlier" counts back from
    text = ("Zhipu reported revenue of 1.12 billion yuan for the first half of 2028. Its operating costs were heavy. "
            "Research teams grew. Hiring slowed. Sales staff were cut. The adjusted net loss was 3.05 billion yuan, "
            "compared with 2.71 billion yuan a year earlier.")
    got = facts(text, watchlist, published=date(2028, 8, 30))
    assert ("zhipu", "adjusted_net_loss", "2028H1", Decimal("3050000000"), "CNY", "eq") in got
    assert ("zhipu", "adjusted_net_loss", "2027H1", Decimal("2710000000"), "CNY", "eq") in got


def test_a_company_named_in_an_aside_is_not_what_its_stands_for(watchlist):
    # "which filed months after Zhipu" is an aside; "Its" in the next sentence is the subject, Moonshot AI
    text = ("Moonshot AI, which filed months after Zhipu, posted revenue of $341mn for the first half of 2028. Its "
            "gross margin was 45.2 per cent, and its adjusted net loss narrowed to $301mn.")
    got = facts(text, watchlist, published=date(2028, 8, 28))
    assert ("moonshot", "gross_margin", "2028H1", Decimal("45.2"), "%", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "2028H1", Decimal("301000000"), "USD", "eq") in got
    assert not {f for f in got if f[0] == "zhipu"}


def test_the_first_three_or_six_months_of_a_year_are_its_first_quarter_or_half(watchlist):
    text = ("MiniMax's revenue for the first six months of 2028 was $200.5mn, against $129.7mn in the first six months "
            "of 2027. Zhipu's gross margin was 48.3 per cent in the first three months of 2027.")
    got = facts(text, watchlist, published=date(2028, 8, 25))
    assert ("minimax", "revenue", "2028H1", Decimal("200500000"), "USD", "eq") in got
    assert ("minimax", "revenue", "2027H1", Decimal("129700000"), "USD", "eq") in got
    assert ("zhipu", "gross_margin", "2027Q1", Decimal("48.3"), "%", "eq") in got


def test_a_year_looked_back_on_in_a_quarterly_story_dates_no_later_figure(watchlist):
    # "last year its loss was…" in a story on a quarter: the figures after it are the quarter's again
    text = ("Moonshot AI's revenue for the second quarter of 2028 rose to $355mn. Last year its adjusted net loss "
            "was $742mn. The adjusted net loss narrowed to $149mn from $201mn a year earlier.")
    got = facts(text, watchlist, published=date(2028, 8, 26))
    assert ("moonshot", "adjusted_net_loss", "FY2027", Decimal("742000000"), "USD", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "2028Q2", Decimal("149000000"), "USD", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "2027Q2", Decimal("201000000"), "USD", "eq") in got
    assert not {f for f in got if f[2] in ("FY2026",) or f[3] == Decimal("149000000") and f[2] == "FY2027"}


def test_a_period_owning_the_figure_after_it_is_that_figures(watchlist):
    # "over 3Q27's Rmb726mn": the possessive period is the level's, not the period of the change before it
    text = ("Zhipu reported 4Q27 results on Monday. Revenue was Rmb984mn, a gain of 35.5 per cent over 3Q27's Rmb726mn. "
            "MiniMax's gross margin improved by 1.3 points over 3Q27's 37.1%.")
    got = facts(text, watchlist, published=date(2028, 3, 27))
    assert ("zhipu", "revenue", "2027Q3", Decimal("726000000"), "CNY", "eq") in got
    assert ("minimax", "gross_margin", "2027Q3", Decimal("37.1"), "%", "eq") in got
    assert not {f for f in got if f[3] in (Decimal("726000000"), Decimal("37.1")) and f[2] != "2027Q3"}


def test_a_period_not_yet_begun_dates_no_later_sentence(watchlist):
    # "in 4Q28" written in August 2028 is an outlook; the figure after it is still the quarter reported on
    text = ("Zhipu reported 2Q28 revenue of Rmb1.02bn. We had expected margins to peak in 4Q28; that now looks early. "
            "R&D was about 1.7x revenue.")
    got = facts(text, watchlist, published=date(2028, 8, 24))
    assert ("zhipu", "rd_to_revenue", "2028Q2", Decimal("1.7"), "x", "approx") in got


def test_a_flash_notes_quarter_outlasts_the_days_named_after_it(watchlist):
    # the quarter of the headline and the lede is still the period of a share written after a close and a consensus
    # date, further than the usual reach
    text = ("3Q28 first take: Zhipu's cloud mix keeps rising\n\n20 November 2028\n\n"
            "Zhipu reported 3Q28 results after the close today. The shares closed at HK$1,480 today. "
            "Consensus was compiled on 18 November 2028. We reiterate our rating. The call is tomorrow morning.\n\n"
            "What we liked\n\nCloud made up 66.2% of revenue, with on-premise at 33.8%.")
    got = facts(text, watchlist, published=date(2028, 11, 20))
    assert ("zhipu", "revenue_share.cloud", "2028Q3", Decimal("66.2"), "%", "eq") in got
    assert ("zhipu", "revenue_share.on_premise", "2028Q3", Decimal("33.8"), "%", "eq") in got


def test_the_month_an_event_happened_in_dates_no_later_figure(watchlist):
    # "the guidance range issued in August" dates the guidance, not the figures reported after it
    text = ("3Q28 first take: MiniMax beats\n\n19 November 2028\n\n"
            "MiniMax reported 3Q28 results after the close today. Revenue topped the guidance range issued in August. "
            "The shares closed at HK$1,105 today. Consensus was compiled on 17 November 2028. We reiterate our "
            "rating.\n\nWhat we liked\n\nAI-native products made up 55.1% of revenue.")
    got = facts(text, watchlist, published=date(2028, 11, 19))
    assert ("minimax", "revenue_share.consumer", "2028Q3", Decimal("55.1"), "%", "eq") in got


def test_a_year_recalled_further_on_in_a_quarterly_story_dates_no_later_figure(watchlist):
    # show notes on a quarter: a full year recalled sections later dates its own sentence only
    text = ("Zhipu's revenue for the second quarter of 2028 was 1.02 billion yuan.\n\n[06:10] Our take\n\n"
            "The hosts debated the number. They disagreed. The call ran long. Nobody asked about pricing.\n\n"
            "[12:40] Mix\n\nFor the full year 2027, cloud made up 57.7% of revenue. The adjusted net loss was 1.72 "
            "billion yuan.")
    got = facts(text, watchlist, published=date(2028, 8, 24))
    assert ("zhipu", "revenue_share.cloud", "FY2027", Decimal("57.7"), "%", "eq") in got
    assert ("zhipu", "adjusted_net_loss", "2028Q2", Decimal("1720000000"), "CNY", "eq") in got


def test_a_company_compared_with_is_not_whose_figure_follows(watchlist):
    # "nearly twice Zhipu's" stands for Zhipu's figure; the ARR after it is still the subject's
    text = ("Moonshot AI prepared its listing. Its prospectus shows half-year revenue of $655mn, nearly twice Zhipu's, "
            "and annual recurring revenue of about $1.9bn at the end of July.")
    got = facts(text, watchlist, published=date(2028, 8, 20))
    assert ("moonshot", "arr", "2028-07", Decimal("1900000000"), "USD", "approx") in got
    assert not {f for f in got if f[0] == "zhipu"}


def test_a_company_whose_figure_follows_the_comparison_keeps_it(watchlist):
    # "three times MiniMax's $96.3mn": the figure after the possessive is MiniMax's
    text = "Moonshot AI's first-quarter revenue of $302mn was more than three times MiniMax's $96.3mn."
    got = facts(text, watchlist, published=date(2028, 6, 5))
    assert ("moonshot", "revenue", "2028Q1", Decimal("302000000"), "USD", "eq") in got
    assert not {f for f in got if f[0] == "moonshot" and f[3] == Decimal("96300000")}


def test_a_share_of_quarterly_or_annual_revenue_is_a_revenue_share(watchlist):
    text = ("MiniMax's revenue for the second quarter of 2028 was $104.2 million. The open platform was 43.5% of "
            "quarterly revenue. For 2027 as a whole, AI-native products were 61.9% of annual revenue.")
    got = facts(text, watchlist, published=date(2028, 8, 21))
    assert ("minimax", "revenue_share.cloud", "2028Q2", Decimal("43.5"), "%", "eq") in got
    assert ("minimax", "revenue_share.consumer", "FY2027", Decimal("61.9"), "%", "eq") in got


def test_the_year_ago_quarter_is_the_same_quarter_a_year_before(watchlist):
    text = ("MiniMax's revenue for the second quarter of 2028 was $104.2 million, against $71.3 million in the "
            "year-ago quarter. Moonshot AI's first-half 2028 revenue was $655 million, up from $291 million in the "
            "year-earlier half.")
    got = facts(text, watchlist, published=date(2028, 8, 21))
    assert ("minimax", "revenue", "2027Q2", Decimal("71300000"), "USD", "eq") in got
    assert ("moonshot", "revenue", "2027H1", Decimal("291000000"), "USD", "eq") in got
    assert not {f for f in got if f[3] in (Decimal("71300000"), Decimal("291000000")) and f[2].startswith("2028")}


def test_a_segment_after_and_opens_the_next_item(watchlist):
    # "a 29.4% gross margin and AI-native products at 41.2%": the second segment is the second figure's
    text = ("MiniMax said that for the whole of 2027 its open platform earned a 29.4% gross margin and AI-native "
            "products 41.2%.")
    got = facts(text, watchlist, published=date(2028, 3, 30))
    assert ("minimax", "gross_margin.cloud", "FY2027", Decimal("29.4"), "%", "eq") in got
    assert ("minimax", "gross_margin.consumer", "FY2027", Decimal("41.2"), "%", "eq") in got


def test_a_book_covered_so_many_times_is_an_oversubscription(watchlist):
    text = ("MiniMax listed on Jan. 9, 2026. Its retail tranche was covered 1,837 times, and on its debut the public "
            "offer book was covered far less often than Moonshot AI's.")
    got = facts(text, watchlist, published=date(2026, 1, 10))
    assert ("minimax", "ipo_oversubscription", "2026-01-09", Decimal("1837"), "x", "eq") in got


def test_that_unit_points_back_to_the_segment_named_before(watchlist):
    text = ("MiniMax's revenue for the second quarter of 2028 was $104.2 million. Growth came from its open platform, "
            "which sells API access to developers. That unit made up 44.8 per cent of revenue.")
    got = facts(text, watchlist, published=date(2028, 8, 21))
    assert ("minimax", "revenue_share.cloud", "2028Q2", Decimal("44.8"), "%", "eq") in got


def test_it_lost_an_amount_is_a_net_loss(watchlist):
    text = ("MiniMax's revenue for 2027 was $364.1 million. Over the same year it lost $271.5 million under IFRS; on "
            "an adjusted basis the group lost $248.9 million.")
    got = facts(text, watchlist, published=date(2028, 3, 30))
    assert ("minimax", "net_loss", "FY2027", Decimal("271500000"), "USD", "eq") in got
    assert ("minimax", "adjusted_net_loss", "FY2027", Decimal("248900000"), "USD", "eq") in got
