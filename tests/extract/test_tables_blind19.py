"""How recaps, filings and operating updates lay out tables the extractor had not seen: rules found on
tests/blind19, pinned on tables of our own.

Each test uses other companies, figures and wording than the article that showed the rule: a caption naming the
currency before its magnitude ("(US$ in thousands, unaudited)", "(RMB in millions)"); a Chinese table aligned with
ideographic spaces, one between two cells; a heading line inside a box of company rows naming the metric of the rows
under it; an operating update whose row labels end in their magnitude and a note's marker ("(trillion)(2)") and
count a stock "at month end"; a slide deck rendered as text, its "[Slide n]" titles heading bullets, a rate
in brackets after an amount ("(+68.3%)"), an item naming only its period, and a slide of aspirations; a recap's
bullet saying by how much a result beat the estimates ("beat by $9.8M").
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


# --- a Chinese table aligned with ideographic spaces ---------------------------------------------------------------

IDEOGRAPHIC_RANKING = (
    "大模型调用量月报（2028年第7期）\n"
    "发布日期：2028年8月18日\n\n"
    "表2　2028年7月主要厂商日均token调用量（单位：万亿tokens/日）\n\n"
    "名次　公司　　　　2028年7月　2028年6月　环比\n"
    "1　　智谱　　　　　104　　　　 98　　　　6.1%\n"
    "2　　DeepSeek　　　 87　　　　 84　　　　3.6%\n"
    "3　　Kimi（月之暗面）　29　　　　27　　　　7.4%\n"
)

IDEOGRAPHIC_ZHT = (
    "月度營運數據摘要（2028年11月5日刊發）\n\n"
    "單位：億美元\n"
    "月份　　　　年度經常性收入\n"
    "2028年10月　約21.4\n"
    "2028年9月　 約20.3\n"
)


def test_one_ideographic_space_parts_the_cells_of_a_chinese_table(watchlist):
    got = facts(IDEOGRAPHIC_RANKING, watchlist, published=date(2028, 8, 18))
    assert {
        ("zhipu", "daily_token_volume", "2028-07", Decimal("104000000000000"), "tokens/day"),
        ("zhipu", "daily_token_volume", "2028-06", Decimal("98000000000000"), "tokens/day"),
        ("deepseek", "daily_token_volume", "2028-07", Decimal("87000000000000"), "tokens/day"),
        ("moonshot", "daily_token_volume", "2028-06", Decimal("27000000000000"), "tokens/day"),
    } <= got
    assert not any(m == "revenue_growth" for _, m, _, _, _ in got)  # 环比 is no growth rate the reader keeps


def test_ideographic_spaces_part_a_month_from_its_figure(watchlist):
    got = facts("月之暗面" + IDEOGRAPHIC_ZHT, watchlist, published=date(2028, 11, 5))
    assert {
        ("moonshot", "arr", "2028-10", Decimal("2140000000"), "USD"),
        ("moonshot", "arr", "2028-09", Decimal("2030000000"), "USD"),
    } <= got


# --- a heading line inside a box of company rows --------------------------------------------------------------------

HEADED_BOX = (
    "大模型三强中期数据一览（2028年9月2日）\n\n"
    "上半年毛利率\n"
    "智谱        50.4%\n"
    "MiniMax     41.2%\n"
    "月之暗面    46.3%\n\n"
    "上半年研发开支\n"
    "智谱        29.5亿元\n"
    "MiniMax     1.874亿美元\n"
    "月之暗面    3.96亿美元\n"
)


def test_a_heading_over_company_rows_gives_the_rows_under_it_their_metric(watchlist):
    got = facts(HEADED_BOX, watchlist, published=date(2028, 9, 2))
    assert {
        ("zhipu", "gross_margin", "2028H1", Decimal("50.4"), "%"),
        ("moonshot", "gross_margin", "2028H1", Decimal("46.3"), "%"),
        ("zhipu", "rd_expense", "2028H1", Decimal("2950000000"), "CNY"),
        ("minimax", "rd_expense", "2028H1", Decimal("187400000"), "USD"),
        ("moonshot", "rd_expense", "2028H1", Decimal("396000000"), "USD"),
    } <= got


# --- row labels ending in their magnitude and a note's marker; a stock at month end ----------------------------------

OPERATING_UPDATE = (
    "MiniMax\n"
    "VOLUNTARY ANNOUNCEMENT - OPERATING DATA FOR AUGUST 2028\n\n"
    "Hong Kong, 9 September 2028\n\n"
    "                                                August 2028     July 2028\n"
    "Average daily tokens processed (trillion)(1)        ~44             ~41\n"
    "Tokens processed in the month (trillion)(2)      ~1,364          ~1,271\n"
    "Headcount at end of month                           912             897\n\n"
    "Notes:\n"
    "(1) Across the open platform and consumer products.\n"
    "(2) Sum of the daily volumes of the month.\n"
)

NOTED_ARR = (
    "Zhipu AI monthly update, 8 October 2028\n\n"
    "                                            September 2028    August 2028\n"
    "Annualised recurring revenue (US$ million)(1)      ~612            ~588\n"
)


def test_a_magnitude_ending_a_row_label_scales_its_cells(watchlist):
    got = facts(OPERATING_UPDATE, watchlist, published=date(2028, 9, 9))
    assert {
        ("minimax", "daily_token_volume", "2028-08", Decimal("44000000000000"), "tokens/day"),
        ("minimax", "daily_token_volume", "2028-07", Decimal("41000000000000"), "tokens/day"),
        ("minimax", "token_volume", "2028-08", Decimal("1364000000000000"), "tokens"),
    } <= got


def test_a_row_counted_at_month_end_is_dated_the_months_last_day(watchlist):
    got = facts(OPERATING_UPDATE, watchlist, published=date(2028, 9, 9))
    assert {
        ("minimax", "headcount", "2028-08-31", Decimal("912"), "count"),
        ("minimax", "headcount", "2028-07-31", Decimal("897"), "count"),
    } <= got


def test_a_notes_marker_after_a_row_label_is_no_figure(watchlist):
    got = facts(NOTED_ARR, watchlist, published=date(2028, 10, 8))
    assert {
        ("zhipu", "arr", "2028-09", Decimal("612000000"), "USD"),
        ("zhipu", "arr", "2028-08", Decimal("588000000"), "USD"),
    } <= got
    assert {v for _, m, _, v, _ in got if m == "arr"} == {Decimal("612000000"), Decimal("588000000")}
    got = facts(OPERATING_UPDATE, watchlist, published=date(2028, 9, 9))
    assert all(v > 100 for _, _, _, v, _ in got)  # "(1)", "(2)" mark notes


# --- a slide deck as text: titles over bullets -----------------------------------------------------------------------

DECK = (
    "MiniMax Capital Markets Day\n"
    "Shanghai, June 18, 2028\n\n"
    "[Slide 3] Growth track record\n"
    "- Revenue FY2026: US$131.4 million\n"
    "- Revenue FY2027: US$298.7 million (+127.3%)\n\n"
    "[Slide 4] What drives revenue\n"
    "- Open platform and enterprise services: US$141.2 million in FY2027\n"
    "- Consumer products: US$157.5 million in FY2027\n\n"
    "[Slide 5] Usage\n"
    "- Average daily tokens, May 2028: ~39 trillion(1)\n"
    "- May 2027: ~14 trillion\n\n"
    "[Slide 9] 2029 aspirations(2)\n"
    "- Revenue growth of 60% or more\n"
    "- Gross margin of 45%\n\n"
    "Footnotes\n"
    "(1) Open platform and consumer apps.\n"
    "(2) Aspirational; not guidance.\n"
)

FLASH_EN = (
    "Zhipu AI interim snapshot, August 30, 2028\n\n"
    "* Revenue 1H28: RMB1.86 billion (+70.7%)\n"
    "* Gross margin 1H28: 51.9%\n"
)


def test_a_signed_rate_in_brackets_after_an_amount_is_its_growth(watchlist):
    got = facts(DECK, watchlist, published=date(2028, 6, 18))
    assert ("minimax", "revenue_growth", "FY2027", Decimal("127.3"), "%") in got
    got = facts(FLASH_EN, watchlist, published=date(2028, 8, 30))
    assert ("zhipu", "revenue_growth", "2028H1", Decimal("70.7"), "%") in got


def test_a_slide_title_heads_its_bullets(watchlist):
    got = facts(DECK, watchlist, published=date(2028, 6, 18))
    assert {
        ("minimax", "revenue.cloud", "FY2027", Decimal("141200000"), "USD"),
        ("minimax", "revenue.consumer", "FY2027", Decimal("157500000"), "USD"),
    } <= got


def test_an_item_naming_only_its_period_states_the_item_above_for_it(watchlist):
    got = facts(DECK, watchlist, published=date(2028, 6, 18))
    assert {
        ("minimax", "daily_token_volume", "2028-05", Decimal("39000000000000"), "tokens/day"),
        ("minimax", "daily_token_volume", "2027-05", Decimal("14000000000000"), "tokens/day"),
    } <= got


def test_the_bullets_of_a_slide_of_aspirations_are_no_results(watchlist):
    got = facts(DECK, watchlist, published=date(2028, 6, 18))
    assert ("minimax", "revenue", "FY2027", Decimal("298700000"), "USD") in got  # the results slides still read
    assert not {v for _, _, _, v, _ in got} & {Decimal(60), Decimal(45)}


# --- a recap's bullet: by how much a result beat or missed the estimates -----------------------------------------------

RECAP_BULLETS = (
    "MiniMax Q2 results\n"
    "Aug. 20, 2028 5:02 PM ET\n\n"
    "- MiniMax Q2 revenue of $161.3M (+43.4% Y/Y) beats by $4.1M.\n"
    "- Q2 adjusted net loss of $21.7M missed by $2.3M.\n"
)


def test_the_amount_a_result_beat_the_estimates_by_is_no_result(watchlist):
    got = facts(RECAP_BULLETS, watchlist, published=date(2028, 8, 20))
    assert {
        ("minimax", "revenue", "2028Q2", Decimal("161300000"), "USD"),
        ("minimax", "adjusted_net_loss", "2028Q2", Decimal("21700000"), "USD"),
    } <= got
    assert not {v for _, _, _, v, _ in got} & {Decimal("4100000"), Decimal("2300000")}
