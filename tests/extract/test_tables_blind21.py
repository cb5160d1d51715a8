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


# --- a filing's numbered section: "同期" past its heading is the filing's period, not the month named above it -----

SECTIONS_ZHT = (
    "截至2029年6月30日止六個月之中期業績公告\n\n"
    "上海稀宇科技有限公司\n\n"
    "2029年8月20日\n\n"
    "管理層討論及分析\n\n"
    "1. 業務回顧\n"
    "2029年5月，本集團平台的日均Token調用量約為88萬億；2029年7月進一步增至約95萬億。\n\n"
    "2. 研發開支\n"
    "研發開支為人民幣2,140.5百萬元，約為同期收入的1.3倍（2028年同期：約1.6倍）。\n"
)


def test_the_same_period_past_a_numbered_section_heading_is_the_filings(watchlist):
    got = facts(SECTIONS_ZHT, watchlist, published=date(2029, 8, 20))
    assert {
        ("minimax", "rd_to_revenue", "2029H1", Decimal("1.3"), "x"),
        ("minimax", "rd_to_revenue", "2028H1", Decimal("1.6"), "x"),
        ("minimax", "daily_token_volume", "2029-07", Decimal("95000000000000"), "tokens/day"),
    } <= got
    assert not {f for f in got if f[1] == "rd_to_revenue" and f[2] == "2029-07"}


def test_the_same_period_within_a_section_is_no_month_for_a_statement_figure(watchlist):
    # without the section heading "同期" looks back past the month the tokens were dated by: a multiple of revenue is
    # reported for no month (test_statement_periods.py), so it is the filing's half, as with the heading
    text = SECTIONS_ZHT.replace("\n\n2. 研發開支\n", "")
    got = facts(text, watchlist, published=date(2029, 8, 20))
    assert ("minimax", "rd_to_revenue", "2029H1", Decimal("1.3"), "x") in got
    assert ("minimax", "rd_to_revenue", "2029-07", Decimal("1.3"), "x") not in got


# --- a filing's notes: interest income is no revenue, a compensation expense added back no loss -------------------

NOTES_ZHT = (
    "截至2029年6月30日止六個月之中期業績公告\n\n"
    "北京智譜華章科技股份有限公司\n\n"
    "2029年8月22日\n\n"
    "財務摘要\n\n"
    "‧ 收入為人民幣3,804.2百萬元（2028年同期：人民幣2,411.9百萬元）。\n"
    "‧ 期內虧損為人民幣2,950.6百萬元（2028年同期：人民幣3,318.0百萬元）。\n\n"
    "附註\n\n"
    "5. 其他收入及收益淨額\n"
    "主要包括銀行利息收入人民幣211.4百萬元。\n\n"
    "6. 經調整淨虧損\n"
    "經調整淨虧損定義為期內虧損加回以股份為基礎的薪酬開支人民幣640.3百萬元（2028年同期：人民幣587.9百萬元）。\n"
)


def test_interest_income_and_an_added_back_expense_are_no_revenue_or_loss(watchlist):
    got = facts(NOTES_ZHT, watchlist, published=date(2029, 8, 22))
    assert {
        ("zhipu", "revenue", "2029H1", Decimal("3804200000"), "CNY"),
        ("zhipu", "net_loss", "2029H1", Decimal("2950600000"), "CNY"),
        ("zhipu", "net_loss", "2028H1", Decimal("3318000000"), "CNY"),
    } <= got
    assert not {f for f in got if f[3] in (Decimal("211400000"), Decimal("640300000"), Decimal("587900000"))}


def test_interest_income_in_english_is_no_revenue(watchlist):
    text = ("Zhipu reported first-half revenue of RMB3.80 billion. Revenue figures exclude bank interest income of "
            "RMB211.4 million earned on its listing proceeds.")
    got = facts(text, watchlist, published=date(2029, 8, 22))
    assert ("zhipu", "revenue", "2029H1", Decimal("3800000000"), "CNY") in got
    assert not {f for f in got if f[3] == Decimal("211400000")}


def test_a_lede_rounding_a_table_figure_under_the_dateline_adds_no_fact(watchlist):
    text = MONTHS_TABLE.replace(
        "Here is how the month went, provider by provider.",
        "March is in, and for the first time one provider averaged more than 70 trillion tokens a day. That was MiniMax.")
    got = qualified_facts(text, watchlist, published=date(2029, 4, 9))
    assert ("minimax", "daily_token_volume", "2029-03", Decimal("75000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[2] == "2029-04-09"}


def test_a_month_named_alone_under_a_year_is_of_that_year(watchlist):
    text = (
        "Inference Weekly #94\n\n"
        "Dec 20, 2029\n\n"
        "**Tokens served per day on average, trillions**\n\n"
        "| Firm | 2028 | | 2029 |\n"
        "| | Nov | Dec | Nov |\n"
        "|---|---:|---:|---:|\n"
        "| MiniMax | 61 | 64 | 98 |\n"
    )
    got = facts(text, watchlist, published=date(2029, 12, 20))
    assert {
        ("minimax", "daily_token_volume", "2028-11", Decimal("61000000000000"), "tokens/day"),
        ("minimax", "daily_token_volume", "2028-12", Decimal("64000000000000"), "tokens/day"),
        ("minimax", "daily_token_volume", "2029-11", Decimal("98000000000000"), "tokens/day"),
    } <= got
