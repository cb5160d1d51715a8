"""Tables of fund factsheets, annual reports and results decks: rules found on tests/blind24, pinned on text of our own.

A month-end market value column whose note names the last trading day; a note whose "approximate" clause is about
one metric only; a deck's unbracketed caption "US$ in millions"; a segment table under a caption naming its metric
while another row names a share; a filing's unit declared once at its top; a "% of total" column, a "Total" row and
a comparative row naming its own year; a change "from A for the year ended … to B for the year ended …".
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts as qualified
from tests.extract.conftest import unqualified_facts as facts

# --- a month's end and its last trading day ------------------------------------------------------


HOLDINGS = ("某基金2030年6月月度报告\n\n"
            "| 证券名称 | 占净值比例（%） | 6月末总市值（亿港元） | 6月日均token调用量（万亿） |\n|---|---|---|---|\n"
            "| 月之暗面 | 7.20 | 8,350 | 96 |\n| 智谱 | 6.85 | 10,120 | 310 |\n\n")


def test_a_month_end_column_takes_the_trading_day_its_note_names(watchlist):
    text = HOLDINGS + "注：总市值按6月28日收盘价计算；调用量为公司披露口径。\n"
    found = facts(text, watchlist, published=date(2030, 7, 5))
    assert ("moonshot", "market_cap", "2030-06-28", Decimal("835000000000"), "HKD") in found
    assert ("zhipu", "market_cap", "2030-06-28", Decimal("1012000000000"), "HKD") in found
    assert not any(f[1] == "market_cap" and f[2] == "2030-06-30" for f in found)


def test_a_month_end_column_without_a_day_in_its_note_keeps_the_months_last_day(watchlist):
    text = HOLDINGS + "注：调用量为公司披露口径。\n"
    found = facts(text, watchlist, published=date(2030, 7, 5))
    assert ("moonshot", "market_cap", "2030-06-30", Decimal("835000000000"), "HKD") in found


def test_an_approximate_clause_naming_one_metric_leaves_the_others_exact(watchlist):
    text = HOLDINGS + "注：总市值按6月28日收盘价计算；token调用量来自公司披露，均为约数。\n"
    found = qualified(text, watchlist, published=date(2030, 7, 5))
    assert ("moonshot", "market_cap", "2030-06-28", Decimal("835000000000"), "HKD", "eq") in found
    assert ("moonshot", "daily_token_volume", "2030-06", Decimal("96000000000000"), "tokens/day", "approx") in found
    assert ("zhipu", "daily_token_volume", "2030-06", Decimal("310000000000000"), "tokens/day", "approx") in found


def test_a_note_saying_all_figures_are_approximate_still_covers_every_column(watchlist):
    text = HOLDINGS + "注：以上数据均为约数。\n"
    found = qualified(text, watchlist, published=date(2030, 7, 5))
    assert ("moonshot", "market_cap", "2030-06-30", Decimal("835000000000"), "HKD", "approx") in found


# --- a results deck ------------------------------------------------------------------------------


def test_an_unbracketed_currency_in_millions_caption_scales_the_table(watchlist):
    text = ("DeepSeek Second Quarter 2030 Results\n\nSlide 4 — Financial summary\n"
            "Table caption: RMB in millions, except percentages\n\n"
            "| | 2Q30 | 2Q29 | YoY |\n|---|---|---|---|\n"
            "| Revenue | 842.5 | 610.2 | 38.1% |\n| Adjusted net profit / (loss) | 35.4 | (22.8) | n.m. |\n")
    found = facts(text, watchlist, published=date(2030, 8, 20))
    assert ("deepseek", "revenue", "2030Q2", Decimal("842500000"), "CNY") in found
    assert ("deepseek", "revenue", "2029Q2", Decimal("610200000"), "CNY") in found
    assert ("deepseek", "adjusted_net_loss", "2029Q2", Decimal("22800000"), "CNY") in found


def test_segment_rows_take_the_captions_metric_beside_a_share_row(watchlist):
    text = ("Zhipu 3Q30 results deck\n\nSlide 6 — Revenue mix\nTable caption: US$ in millions\n\n"
            "| | 3Q30 | 2Q30 |\n|---|---|---|\n"
            "| Open platform & enterprise | 88.4 | 80.1 |\n| AI-native products | 40.6 | 39.9 |\n"
            "| Open platform share of revenue | 68.5% | 66.7% |\n")
    found = facts(text, watchlist, published=date(2030, 11, 20))
    assert ("zhipu", "revenue.cloud", "2030Q3", Decimal("88400000"), "USD") in found
    assert ("zhipu", "revenue.cloud", "2030Q2", Decimal("80100000"), "USD") in found
    assert ("zhipu", "revenue.consumer", "2030Q3", Decimal("40600000"), "USD") in found
    assert ("zhipu", "revenue_share.cloud", "2030Q3", Decimal("68.5"), "%") in found


# --- an annual report ----------------------------------------------------------------------------


REPORT = ("MiniMax — Annual Report 2029 (excerpt)\n\n"
          "Published on 20 March 2030. All amounts in US$'000 unless otherwise stated.\n\n"
          "1. Overview\n\nThe year was one of strong growth for the Group.\n\n"
          "2. Revenue\n\nThe table below shows our revenue by segment.\n\n"
          "Table 2: Revenue by segment\n\n"
          "| | Year ended 31 December 2029 | % of total |\n|---|---|---|\n"
          "| API and enterprise services | 512,300 | 61.0 |\n| Consumer subscriptions | 327,500 | 39.0 |\n"
          "| Total | 839,800 | 100.0 |\n| Total revenue, year ended 31 December 2028 | 601,450 | |\n\n"
          "3. Staff\n\n| | 31 December 2029 |\n|---|---|\n| Full-time employees | 1,204 |\n")


def test_a_unit_declared_at_the_top_of_a_filing_scales_its_tables_amounts(watchlist):
    found = facts(REPORT, watchlist, published=date(2030, 3, 20))
    assert ("minimax", "revenue.cloud", "FY2029", Decimal("512300000"), "USD") in found
    assert ("minimax", "revenue.consumer", "FY2029", Decimal("327500000"), "USD") in found
    assert not any(f[1] == "headcount" and f[3] != Decimal("1204") for f in found)  # a count is no amount


def test_a_share_column_a_total_row_and_a_comparative_row(watchlist):
    found = facts(REPORT, watchlist, published=date(2030, 3, 20))
    assert ("minimax", "revenue_share.cloud", "FY2029", Decimal("61.0"), "%") in found
    assert ("minimax", "revenue_share.consumer", "FY2029", Decimal("39.0"), "%") in found
    assert ("minimax", "revenue", "FY2029", Decimal("839800000"), "USD") in found
    assert ("minimax", "revenue", "FY2028", Decimal("601450000"), "USD") in found
    assert ("minimax", "revenue", "FY2029", Decimal("601450000"), "USD") not in found


def test_a_change_between_two_years_ended_is_of_the_later_year(watchlist):
    text = ("DeepSeek annual results. Revenue increased by 38.2% from US$512.6 million for the year ended "
            "31 December 2028 to US$708.4 million for the year ended 31 December 2029.")
    assert facts(text, watchlist, published=date(2030, 3, 20)) == {
        ("deepseek", "revenue_growth", "FY2029", Decimal("38.2"), "%"),
        ("deepseek", "revenue", "FY2028", Decimal("512600000"), "USD"),
        ("deepseek", "revenue", "FY2029", Decimal("708400000"), "USD"),
    }


def test_a_change_from_one_year_to_the_next_written_with_in(watchlist):
    text = "DeepSeek's revenue grew 38.2% from US$512.6 million in 2028 to US$708.4 million in 2029."
    assert ("deepseek", "revenue_growth", "FY2029", Decimal("38.2"), "%") in facts(
        text, watchlist, published=date(2030, 3, 20))


# --- a chart told in words -----------------------------------------------------------------------


def test_a_charts_bars_line_under_its_title_lists_dated_figures(watchlist):
    text = ("Zhipu 2Q30 results presentation\n\nSlide 7 — Usage\n"
            "Chart title: Average daily tokens, all products (trillions, rounded)\n"
            "Bars: Mar 2030: 212 · Jun 2030: 247 · Jul 2030: 258\n")
    assert qualified(text, watchlist, published=date(2030, 8, 25)) == {
        ("zhipu", "daily_token_volume", "2030-03", Decimal("212000000000000"), "tokens/day", "approx"),
        ("zhipu", "daily_token_volume", "2030-06", Decimal("247000000000000"), "tokens/day", "approx"),
        ("zhipu", "daily_token_volume", "2030-07", Decimal("258000000000000"), "tokens/day", "approx"),
    }


def test_rounded_written_in_a_captions_bracket_makes_the_figures_approximate(watchlist):
    text = ("DeepSeek usage\n\nAverage daily tokens (trillions, rounded)\n"
            "- Apr 2030: 188\n- May 2030: 196\n")
    assert qualified(text, watchlist, published=date(2030, 6, 10)) == {
        ("deepseek", "daily_token_volume", "2030-04", Decimal("188000000000000"), "tokens/day", "approx"),
        ("deepseek", "daily_token_volume", "2030-05", Decimal("196000000000000"), "tokens/day", "approx"),
    }
