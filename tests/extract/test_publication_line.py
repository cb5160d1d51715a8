"""A page's publication line under a long headline and standfirst dates the article ("Published: 6:15am, 3 Sep 2031"),
and an amount written right before "more than" / "less than" is a difference between two levels, not a level
(session 16). Our own text, invented figures."""

from datetime import date
from decimal import Decimal

from pipeline.extract.periods import find_document_date
from tests.extract.conftest import facts

STANDFIRST = (
    "MiniMax's second-quarter sales climb as overseas subscribers pile into its video app, lifting Hong Kong's AI names\n\n"
    "- The Shanghai-based developer said its revenue grew faster than analysts had pencilled in for the June quarter\n"
    "- Its video-generation app now counts more paying users outside mainland China than inside it, the company said\n"
    "- Analysts expect the stock to be added to a second regional technology index at the next quarterly review\n\n"
    "Tech / Start-ups\n"
)


def test_a_labelled_publication_line_past_the_top_dates_the_article():
    for line, day in (("Published: 6:15am, 3 Sep 2031", date(2031, 9, 3)), ("Updated: 3 Sep 2031", date(2031, 9, 3)),
                      ("发布时间：2031年9月3日 06:15", date(2031, 9, 3)), ("日期：2031-09-03", date(2031, 9, 3))):
        text = STANDFIRST + line + "\n\nMiniMax said on Tuesday that revenue rose in the quarter."
        assert len(STANDFIRST) > 400
        assert find_document_date(text) == day, line


def test_figures_of_an_article_dated_only_by_its_publication_line_are_read(watchlist):
    text = (STANDFIRST + "Published: 6:15am, 3 Sep 2031\n\n"
            "MiniMax said revenue in the June quarter rose 38.2 per cent to US$346.5 million. Gross margin was 52.0 per "
            "cent in the first half of the year.")
    got = facts(text, watchlist)
    assert ("minimax", "revenue", "2031Q2", Decimal("346500000"), "USD", "eq") in got
    assert ("minimax", "revenue_growth", "2031Q2", Decimal("38.2"), "%", "eq") in got
    assert ("minimax", "gross_margin", "2031H1", Decimal("52.0"), "%", "eq") in got


def test_an_amount_more_than_another_level_is_no_level(watchlist):
    text = ("MiniMax shares rose 2.1 per cent on Tuesday, lifting its market value to HK$1.02 trillion at the close, "
            "about HK$95 billion more than at the end of June.")
    got = facts(text, watchlist, published=date(2031, 9, 3))
    assert ("minimax", "market_cap", "2031-09-02", Decimal("1020000000000"), "HKD", "eq") in got
    assert not {f for f in got if f[3] == Decimal("95000000000")}
    growth = facts("MiniMax said first-half revenue reached $650.2 million, 39.5% more than a year before.", watchlist,
                   published=date(2031, 9, 3))
    assert ("minimax", "revenue_growth", "2031H1", Decimal("39.5"), "%", "eq") in growth


def test_a_wire_naming_only_next_years_target_is_dated_the_year_before(watchlist):
    text = ("BUSAN, Sept. 15 (Yonhap) -- A local data-centre operator said Wednesday it will host models of China's "
            "MiniMax.\n\nMiniMax reported last month that its second-quarter revenue rose 39.0 percent to US$341.2 "
            "million.\n\nThe operator aims to serve 200 clients by the end of 2033.\n\n(END)")
    assert find_document_date(text) == date(2032, 9, 15)  # a Wednesday; 2033-09-15 and 2034-09-15 are not
    assert ("minimax", "revenue", "2032Q2", Decimal("341200000"), "USD", "eq") in facts(text, watchlist)
