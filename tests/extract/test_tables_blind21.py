"""How newsletters, broker notes and filings lay out figures the extractor had not seen: rules found on tests/blind21,
pinned on texts of our own.

Each test uses other companies, figures and wording than the article that showed the rule: a newsletter's markdown
table whose columns are months named alone ("| Firm | Feb | Mar | Apr |") under a bold caption giving the magnitude
as a clause of its own (", trillions") and saying the figures are rounded; a broker's data box dating its market value
in a bracketed year/month/day ("约4,120（2029/11/15）").
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts as qualified_facts
from tests.extract.conftest import unqualified_facts as facts

# --- a newsletter's table of months named alone, the magnitude and "rounded" in the caption -----------------------

MONTHS_TABLE = (
    "Inference Weekly #58: the spring tally\n\n"
    "Apr 9, 2029\n\n"
    "Here is how the month went, provider by provider.\n\n"
    "**Tokens served per day on average, trillions (own estimates where nothing is disclosed; figures rounded)**\n\n"
    "| Firm | Feb | Mar | Change |\n"
    "|---|---:|---:|---:|\n"
    "| Moonshot (Kimi) | 64 | 69 | +7.8% |\n"
    "| MiniMax | 71 | 75 | +5.6% |\n"
    "| Some Startup | 12 | 13 | +8.3% |\n\n"
    "More on that below.\n"
)


def test_month_columns_named_alone_take_the_latest_such_month(watchlist):
    got = qualified_facts(MONTHS_TABLE, watchlist, published=date(2029, 4, 9))
    assert {
        ("moonshot", "daily_token_volume", "2029-02", Decimal("64000000000000"), "tokens/day", "approx"),
        ("moonshot", "daily_token_volume", "2029-03", Decimal("69000000000000"), "tokens/day", "approx"),
        ("minimax", "daily_token_volume", "2029-02", Decimal("71000000000000"), "tokens/day", "approx"),
        ("minimax", "daily_token_volume", "2029-03", Decimal("75000000000000"), "tokens/day", "approx"),
    } <= got
    assert not {f for f in got if f[3] in (Decimal("12000000000000"), Decimal("13000000000000"))}  # not watched
    assert not {f for f in got if f[1] == "daily_token_volume" and f[3] < 1000}  # the change column, no volume


def test_a_caption_without_rounded_leaves_the_month_cells_exact(watchlist):
    text = MONTHS_TABLE.replace("; figures rounded", "")
    got = qualified_facts(text, watchlist, published=date(2029, 4, 9))
    assert ("minimax", "daily_token_volume", "2029-03", Decimal("75000000000000"), "tokens/day", "eq") in got


def test_a_month_after_the_documents_is_of_the_year_before(watchlist):
    text = (MONTHS_TABLE.replace("Apr 9, 2029", "Jan 14, 2030").replace("| Feb | Mar |", "| Nov | Dec |"))
    got = facts(text, watchlist, published=date(2030, 1, 14))
    assert {
        ("moonshot", "daily_token_volume", "2029-11", Decimal("64000000000000"), "tokens/day"),
        ("minimax", "daily_token_volume", "2029-12", Decimal("75000000000000"), "tokens/day"),
    } <= got


def test_the_magnitude_as_a_clause_of_the_caption(watchlist):
    text = MONTHS_TABLE.replace("per day on average, trillions (", "per day on average, in trillions: (")
    got = facts(text, watchlist, published=date(2029, 4, 9))
    assert ("moonshot", "daily_token_volume", "2029-03", Decimal("69000000000000"), "tokens/day") in got


# --- a broker's data box: the market value dated in brackets, year/month/day ---------------------------------------

DATA_BOX_ZH = (
    "月之暗面（Kimi）2029年三季报点评：订阅放量\n\n"
    "发布日期：2029年11月18日\n\n"
    "投资评级：增持（首次）\n"
    "当前股价：212.40港元（2029/11/15收盘）\n\n"
    "基本数据\n"
    "总股本（亿股）　　19.40\n"
    "总市值（亿港元）　约4,120（2029/11/15）\n"
    "52周股价区间（港元）　150.10-230.80\n\n"
    "事件\n"
    "公司于11月15日发布三季度业绩。\n"
)


def test_a_data_box_dates_its_market_value_by_the_bracketed_day(watchlist):
    got = qualified_facts(DATA_BOX_ZH, watchlist, published=date(2029, 11, 18))
    assert ("moonshot", "market_cap", "2029-11-15", Decimal("412000000000"), "HKD", "approx") in got
    caps = {f for f in got if f[1] == "market_cap"}
    assert caps == {("moonshot", "market_cap", "2029-11-15", Decimal("412000000000"), "HKD", "approx")}  # no "11", "15"


# --- a dateline alone on its line dates a headline's round figure no better than the document's date --------------

DATELINE_HEADLINE_ZHT = (
    "科技週報｜產業觀察\n"
    "{date}\n\n"
    "大模型商業化提速：Kimi年化營收逼近6億美元\n\n"
    "撰文：林書亞\n\n"
    "據知情人士透露，月之暗面5月底的年化經常性收入（ARR）約為5.8億美元，較年初成長約四成。\n"
)


def test_a_headline_under_a_dateline_restating_the_body_adds_no_fact(watchlist):
    for written in ("2029-06-03", "2029/06/03", "2029年6月3日"):
        got = qualified_facts(DATELINE_HEADLINE_ZHT.format(date=written), watchlist, published=date(2029, 6, 3))
        arr = {f for f in got if f[1] == "arr"}
        assert arr == {("moonshot", "arr", "2029-05", Decimal("580000000"), "USD", "approx")}, written
