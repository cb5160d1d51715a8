"""How statements, broker notes, newsletters and social-media posts lay out figures the extractor had not seen: rules
found on tests/blind20, pinned on texts of our own.

Each test uses other companies, figures and wording than the article that showed the rule: a filing's statement whose
notes column is filled on a few rows only (a segment row under revenue leaves it blank, and lines up only as a
monospace font shows Chinese), with a finance-cost line that is no loss for the year; a broker's summary of one actual
and several estimate columns, its loss row written "Adjusted net (loss)"; a league table headed "Mar '30" whose caption
gives the magnitude ("trillions of tokens per day") and says every figure is approximate; a list of market values
under a caption naming the close and the currency alone ("（5月29日收盘，港元）"); a social-media post whose emoji bullets
sit under an emoji heading naming their metric, one of them a total over the companies.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts as qualified_facts
from tests.extract.conftest import unqualified_facts as facts

# --- a statement's notes column, filled on a few rows ------------------------------------------------------------

NOTES_COLUMN_ZHT = (
    "上海稀宇科技有限公司 MiniMax\n"
    "截至2028年12月31日止年度之年度業績公告\n\n"
    "綜合損益表\n"
    "截至12月31日止年度\n"
    "（人民幣千元）\n\n"
    "                                  附註        2028          2027\n"
    "收入                                4    3,412,800     2,105,600\n"
    "  雲端部署                               2,730,200     1,520,900\n"
    "  本地化部署                               682,600       584,700\n"
    "研發開支                                (2,950,400)   (2,377,100)\n"
    "財務成本及其他虧損淨額              5     (410,300)     (298,800)\n"
    "年內虧損                                (3,102,700)   (2,846,500)\n"
)


def test_a_row_without_a_note_keeps_its_columns_under_a_notes_column(watchlist):
    got = facts(NOTES_COLUMN_ZHT, watchlist, published=date(2029, 3, 20))
    assert {
        ("minimax", "revenue", "FY2028", Decimal("3412800000"), "CNY"),
        ("minimax", "revenue.cloud", "FY2028", Decimal("2730200000"), "CNY"),
        ("minimax", "revenue.cloud", "FY2027", Decimal("1520900000"), "CNY"),
        ("minimax", "revenue.on_premise", "FY2028", Decimal("682600000"), "CNY"),
        ("minimax", "rd_expense", "FY2028", Decimal("2950400000"), "CNY"),
        ("minimax", "rd_expense", "FY2027", Decimal("2377100000"), "CNY"),
        ("minimax", "net_loss", "FY2028", Decimal("3102700000"), "CNY"),
        ("minimax", "net_loss", "FY2027", Decimal("2846500000"), "CNY"),
    } <= got
    assert ("minimax", "rd_expense", "FY2028", Decimal("2377100000"), "CNY") not in got


FINANCE_COSTS_EN = (
    "Moonshot AI annual results\n\n"
    "(US$'000)\n\n"
    "                                        2028          2027\n"
    "Revenues                             1,905,300     1,211,700\n"
    "Finance costs and other losses, net   (88,400)      (61,200)\n"
    "Net loss                              (702,900)     (815,300)\n"
)


def test_a_finance_cost_line_is_no_loss_for_the_year(watchlist):
    for text, company, published in ((NOTES_COLUMN_ZHT, "minimax", date(2029, 3, 20)),
                                     (FINANCE_COSTS_EN, "moonshot", date(2029, 3, 12))):
        got = facts(text, watchlist, published=published)
        losses = {f[3] for f in got if f[0] == company and f[1] == "net_loss"}
        assert losses and not losses & {Decimal("410300000"), Decimal("298800000"), Decimal("88400000"),
                                        Decimal("61200000")}
    got = facts(FINANCE_COSTS_EN, watchlist, published=date(2029, 3, 12))
    assert ("moonshot", "net_loss", "FY2028", Decimal("702900000"), "USD") in got


# --- a broker's summary: one actual column, the others estimates --------------------------------------------------

BROKER_SUMMARY = (
    "Zhipu AI: initiating at Buy\n"
    "18 June 2029\n\n"
    "Summary financials (RMB m, Dec year-end)\n\n"
    "                      FY2028A    FY2029E    FY2030E\n"
    "Revenue              7,420.5   11,260.0   15,840.0\n"
    "Gross margin (%)        55.8       57.5       59.0\n"
    "Adjusted net (loss)  (6,815.2)  (3,900.0)     450.0\n"
    "\n"
    "Source: company filings, our estimates. A = actual, E = estimate.\n"
)


def test_estimate_columns_give_nothing_and_the_actual_column_is_read(watchlist):
    got = facts(BROKER_SUMMARY, watchlist, published=date(2029, 6, 18))
    assert {
        ("zhipu", "revenue", "FY2028", Decimal("7420500000"), "CNY"),
        ("zhipu", "gross_margin", "FY2028", Decimal("55.8"), "%"),
        ("zhipu", "adjusted_net_loss", "FY2028", Decimal("6815200000"), "CNY"),
    } <= got
    values = {f[3] for f in got}
    assert not values & {Decimal("11260000000"), Decimal("15840000000"), Decimal("57.5"), Decimal("59.0"),
                         Decimal("3900000000"), Decimal("450000000")}


def test_a_net_loss_row_written_with_the_loss_in_brackets(watchlist):
    text = (
        "DeepSeek: key numbers\n"
        "(RMB m)\n\n"
        "                       2028A      2027A\n"
        "Revenue               4,980.1    2,731.6\n"
        "Net (loss)/profit      (312.4)     140.2\n"
    )
    got = facts(text, watchlist, published=date(2029, 4, 2))
    assert ("deepseek", "net_loss", "FY2028", Decimal("312400000"), "CNY") in got
    assert not {f for f in got if f[1] == "net_loss" and f[2] == "FY2027"}  # a profit is no loss


# --- a league table: "Mar '30" columns, the unit and "approximate" in the caption ---------------------------------

LEAGUE_TABLE = (
    "The Weekly Inference, Issue #12\n"
    "Tuesday, September 10, 2030\n\n"
    "Average daily tokens, August vs. July (trillions of tokens per day; disclosures and our estimates, all approximate):\n\n"
    "Rank  Provider              Aug '30   Jul '30\n"
    "1     DeepSeek                  214       203\n"
    "2     Moonshot AI               132       127\n"
)


def test_month_columns_with_an_apostrophe_year_and_the_caption_unit(watchlist):
    got = qualified_facts(LEAGUE_TABLE, watchlist, published=date(2030, 9, 10))
    assert {
        ("deepseek", "daily_token_volume", "2030-08", Decimal("214000000000000"), "tokens/day", "approx"),
        ("deepseek", "daily_token_volume", "2030-07", Decimal("203000000000000"), "tokens/day", "approx"),
        ("moonshot", "daily_token_volume", "2030-08", Decimal("132000000000000"), "tokens/day", "approx"),
        ("moonshot", "daily_token_volume", "2030-07", Decimal("127000000000000"), "tokens/day", "approx"),
    } <= got
    assert not {f for f in got if f[3] in (Decimal(1), Decimal(2))}  # the rank column


def test_a_caption_without_approximate_leaves_cells_exact(watchlist):
    text = LEAGUE_TABLE.replace("disclosures and our estimates, all approximate", "company disclosures")
    got = qualified_facts(text, watchlist, published=date(2030, 9, 10))
    assert ("deepseek", "daily_token_volume", "2030-08", Decimal("214000000000000"), "tokens/day", "eq") in got


# --- a list of market values under a caption naming the close and the currency ------------------------------------

CAPS_LIST = (
    "6月市场回顾\n\n"
    "二、市值（5月29日收盘，港元）\n\n"
    "MiniMax　　7,310亿\n"
    "智谱　　　 9,845亿\n"
)


def test_a_currency_alone_in_the_caption_brackets(watchlist):
    got = facts(CAPS_LIST, watchlist, published=date(2031, 6, 2))
    assert {
        ("minimax", "market_cap", "2031-05-29", Decimal("731000000000"), "HKD"),
        ("zhipu", "market_cap", "2031-05-29", Decimal("984500000000"), "HKD"),
    } <= got


def test_a_currency_followed_by_its_magnitude_is_not_a_currency_alone(watchlist):
    text = (
        "智谱年度摘要\n\n"
        "主要财务数据（人民币，百万元）\n\n"
        "            2029年      2028年\n"
        "营业收入    9,612.4     7,835.4\n"
    )
    got = facts(text, watchlist, published=date(2030, 3, 30))
    assert not {f for f in got if f[3] in (Decimal("9612.4"), Decimal("7835.4"))}  # not 9,612.4 yuan
    # but millions of yuan
    assert {
        ("zhipu", "revenue", "FY2029", Decimal("9612400000"), "CNY"),
        ("zhipu", "revenue", "FY2028", Decimal("7835400000"), "CNY"),
    } <= got


# --- emoji bullets under an emoji heading ---------------------------------------------------------------------------

EMOJI_POST = (
    "📊 7月数据速递\n\n"
    "原创　模型观察　2031年08月04日 09:10\n\n"
    "以下均为7月数据，括号内为6月数据。\n\n"
    "🔢 一、日均token调用量\n\n"
    "🥇 DeepSeek：约301万亿（6月：约288万亿）\n"
    "🥈 月之暗面：约176万亿（6月：约169万亿）\n"
    "➕ 四家合计：约912万亿\n\n"
    "💰 二、年度经常性收入（ARR）\n\n"
    "🌙 OpenRouter：7月底约12.6亿美元\n"
)


def test_emoji_bullets_take_the_metric_of_the_emoji_heading_over_them(watchlist):
    got = facts(EMOJI_POST, watchlist, published=date(2031, 8, 4))
    assert {
        ("deepseek", "daily_token_volume", "2031-07", Decimal("301000000000000"), "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-06", Decimal("288000000000000"), "tokens/day"),
        ("moonshot", "daily_token_volume", "2031-07", Decimal("176000000000000"), "tokens/day"),
        ("moonshot", "daily_token_volume", "2031-06", Decimal("169000000000000"), "tokens/day"),
        ("openrouter", "arr", "2031-07", Decimal("1260000000"), "USD"),
    } <= got
    assert not {f for f in got if f[3] == Decimal("912000000000000")}  # a sum over the companies is no one's


def test_a_sum_over_four_companies_is_no_ones(watchlist):
    for text in ("月之暗面8月日均调用量约180万亿。\n\n若把四家公司8月的日均调用量相加，合计超过700万亿。",
                 "Moonshot AI served about 180 trillion tokens per day in August.\n\n"
                 "Taken together, the four served more than 700 trillion tokens per day in August."):
        got = facts(text, watchlist, published=date(2031, 9, 5))
        assert ("moonshot", "daily_token_volume", "2031-08", Decimal("180000000000000"), "tokens/day") in got
        assert not {f for f in got if f[3] == Decimal("700000000000000")}


# --- a filing's numbered sections: each is of the period the filing reports on ----------------------------------

NUMBERED_SECTIONS_ZHT = (
    "截至2028年12月31日止年度之年度業績公告\n\n"
    "上海稀宇科技有限公司（MiniMax）\n\n"
    "管理層討論與分析\n\n"
    "1. 收入\n\n"
    "截至2028年12月31日止三個月，收入為人民幣1,204.6百萬元，較2027年同期增長51.2%。\n\n"
    "2. 研發開支\n\n"
    "研發開支約為收入的1.6倍（2027年：約2.1倍）。\n"
)


def test_a_numbered_section_of_a_filing_is_of_the_period_it_reports_on(watchlist):
    got = facts(NUMBERED_SECTIONS_ZHT, watchlist, published=date(2029, 3, 27))
    assert ("minimax", "revenue", "2028Q4", Decimal("1204600000"), "CNY") in got
    assert ("minimax", "rd_to_revenue", "FY2028", Decimal("1.6"), "x") in got
    assert ("minimax", "rd_to_revenue", "2028Q4", Decimal("1.6"), "x") not in got


# --- a hypothetical in a newsletter's list: "would top" ------------------------------------------------------------

def test_what_a_company_would_top_if_a_pace_held_is_no_result(watchlist):
    text = (
        "The Weekly Inference, May 6, 2031\n\n"
        "DeepSeek served about 250 trillion tokens a day in April.\n\n"
        "WHAT WE'RE WATCHING\n\n"
        "- If April's pace held through the year, DeepSeek would top 400 trillion tokens a day by December.\n"
    )
    got = facts(text, watchlist, published=date(2031, 5, 6))
    assert ("deepseek", "daily_token_volume", "2031-04", Decimal("250000000000000"), "tokens/day") in got
    assert not {f for f in got if f[3] == Decimal("400000000000000")}
