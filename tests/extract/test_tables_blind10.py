"""How filings lay out tables the extractor had not seen: rules found on tests/blind10, pinned on tables of our own.

Each test uses other companies, figures and wording than the article that showed the rule: a profit-or-loss header
of period groups over years over units, kept apart from its body by a blank line and a line of review notes, with
blank lines between its blocks of rows; and a segment table with periods as rows and segments as column groups.
"""

from datetime import date
from decimal import Decimal

from pipeline.extract.tables import find_tables
from tests.extract.conftest import unqualified_facts as facts

# --- a header of period groups over years over units, blank lines inside the table ----------------

GROUPED = (
    "MiniMax Group Inc.\n"
    "INTERIM RESULTS ANNOUNCEMENT FOR THE NINE MONTHS ENDED 30 SEPTEMBER 2028\n\n"
    "SELECTED ITEMS OF THE CONSOLIDATED STATEMENT OF COMPREHENSIVE LOSS\n\n"
    "                                  Nine months ended 30 September   Three months ended 30 September\n"
    "                                      2028          2027               2028          2027\n"
    "                                    US$'000       US$'000            US$'000       US$'000\n"
    "                                 (Unaudited)   (Unaudited)        (Unaudited)   (Unaudited)\n"
    "\n"
    "Revenue                              310,400       205,900            118,700        79,300\n"
    "Cost of revenue                     (192,000)     (134,100)           (71,200)      (50,600)\n"
    "Research and development expenses   (401,300)     (352,800)          (139,900)     (121,000)\n"
    "Loss for the period                 (512,600)     (470,100)          (171,300)     (160,400)\n"
    "\n"
    "Non-GAAP measure:\n"
    "Adjusted net loss                   (298,700)     (281,500)           (97,400)      (93,800)\n"
    "\n"
    "Gross margin (%)                        38.1          34.9               40.0          36.2\n"
)


def test_a_header_of_period_groups_keeps_its_body_across_blank_lines():
    (table,) = find_tables(GROUPED)
    header = table.rows[0]
    assert len(header) == 4
    assert [GROUPED[c.over.over.start:c.over.over.end] for c in header[1:3]] == [
        "Nine months ended 30 September", "Three months ended 30 September"]
    assert [GROUPED[r[0].start:r[0].end] for r in table.rows[-3:]] == ["Non-GAAP measure:", "Adjusted net loss", "Gross margin (%)"]


def test_each_year_column_takes_the_months_of_its_group(watchlist):
    got = facts(GROUPED, watchlist, published=date(2028, 11, 20))
    assert {
        ("minimax", "revenue", "2028Q1-Q3", Decimal("310400000"), "USD"),
        ("minimax", "revenue", "2027Q1-Q3", Decimal("205900000"), "USD"),
        ("minimax", "revenue", "2028Q3", Decimal("118700000"), "USD"),
        ("minimax", "revenue", "2027Q3", Decimal("79300000"), "USD"),
        ("minimax", "rd_expense", "2027Q3", Decimal("121000000"), "USD"),
        ("minimax", "net_loss", "2028Q1-Q3", Decimal("512600000"), "USD"),
        ("minimax", "adjusted_net_loss", "2028Q3", Decimal("97400000"), "USD"),
        ("minimax", "gross_margin", "2027Q1-Q3", Decimal("34.9"), "%"),
        ("minimax", "gross_margin", "2028Q3", Decimal("40.0"), "%"),
    } <= got
    assert not any(m == "revenue" and v == Decimal("192000000") for _, m, _, v, _ in got)  # "Cost of revenue"


UNALIGNED = (
    "Zhipu said its results were as follows.\n\n"
    "                         2028        2027\n"
    "Revenue                 1,930       1,140\n"
    "\n"
    "Loss                  3,100    2,800\n"
)


def test_a_row_after_a_blank_line_that_does_not_line_up_is_no_part_of_the_table():
    (table,) = find_tables(UNALIGNED)
    assert len(table.rows) == 2


# --- periods as rows, segments as column groups ---------------------------------------------------

BY_SEGMENT = (
    "DeepSeek annual results for the year ended 31 December 2028\n\n"
    "REVENUE BY BUSINESS LINE\n\n"
    "                         Open platform           Consumer subscriptions        Total\n"
    "                       RMB'000   % of total       RMB'000   % of total         RMB'000\n"
    "\n"
    "Year ended 31 December 2028    812,400     66.0       418,500     34.0       1,230,900\n"
    "Year ended 31 December 2027    520,100     61.5       325,600     38.5         845,700\n"
)


def test_segment_column_groups_give_their_segment_to_rows_of_periods(watchlist):
    got = facts(BY_SEGMENT, watchlist, published=date(2029, 3, 25))
    assert {
        ("deepseek", "revenue.cloud", "FY2028", Decimal("812400000"), "CNY"),
        ("deepseek", "revenue_share.cloud", "FY2028", Decimal("66.0"), "%"),
        ("deepseek", "revenue.consumer", "FY2027", Decimal("325600000"), "CNY"),
        ("deepseek", "revenue_share.consumer", "FY2027", Decimal("38.5"), "%"),
        ("deepseek", "revenue", "FY2028", Decimal("1230900000"), "CNY"),
    } <= got
    assert not any(m == "revenue" and v in (Decimal("812400000"), Decimal("418500000")) for _, m, _, v, _ in got)


# --- headings wrapped over lines, periods as rows, a count at month end ---------------------------

OPERATING = (
    "Moonshot AI operating highlights, published 15 October 2028\n\n"
    "                        Average daily tokens     Staff at         of which engineering\n"
    "                        served in the month      month end        staff\n"
    "                        (trillion)               (number)         (number)\n"
    "\n"
    "September 2028                 31.5                 920               610\n"
    "March 2028                     22.0                 845               540\n"
)


def test_headings_wrapped_over_lines_head_rows_of_months(watchlist):
    (table,) = find_tables(OPERATING)
    assert len(table.rows) == 3
    got = facts(OPERATING, watchlist, published=date(2028, 10, 15))
    assert {
        ("moonshot", "daily_token_volume", "2028-09", Decimal("31500000000000"), "tokens/day"),
        ("moonshot", "headcount", "2028-09-30", Decimal("920"), "count"),
        ("moonshot", "headcount", "2028-03-31", Decimal("845"), "count"),
    } <= got
    assert not any(v in (Decimal("610"), Decimal("540")) for _, _, _, v, _ in got)  # "of which": part of a count


def test_a_line_of_years_after_a_blank_line_heads_its_own_table():
    text = ("                 Revenue        Gross margin\n"
            "\n"
            "                  2028          2027\n"
            "Zhipu            2,100         1,500\n")
    (table,) = find_tables(text)
    assert [text[c.start:c.end] for c in table.rows[0]] == ["2028", "2027"]
