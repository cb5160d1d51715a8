"""How filings, broker notes and market pages lay out figures the extractor had not read: rules found on
tests/blind17, pinned on tables and lists of our own.

Each test uses other companies, figures and wording than the article that showed the rule: a US-style statement of
operations with a heading line ("Revenues:") between its year columns and its rows, its unit spelled out ("In
thousands of U.S. dollars"), segment rows indented under the heading and expense rows named without "expenses".
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts as full_facts
from tests.extract.conftest import unqualified_facts as facts

# --- a statement of operations: a heading over the rows, the unit spelled out, expense rows -------------------------

STATEMENT_EN = (
    "MiniMax Reports Second Quarter 2028 Results\n\n"
    "August 20, 2028\n\n"
    "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n"
    "(In thousands of U.S. dollars, except per share data)\n\n"
    "                                     Three Months Ended June 30,\n"
    "                                       2027          2028\n"
    "Revenues:\n"
    "  AI-native products                  61,240        80,310\n"
    "  Open platform and enterprise        33,870        52,660\n"
    "Total revenues                        95,110       132,970\n"
    "Cost of revenues                     (58,400)      (74,150)\n"
    "Operating expenses:\n"
    "  Research and development           (88,300)     (101,700)\n"
    "  Sales and marketing                (40,120)      (36,980)\n"
    "Net loss                            (121,900)     (97,450)\n"
)

STATEMENT_RMB = (
    "Zhipu AI unaudited results for the six months ended June 30, 2027\n\n"
    "(In thousands of Renminbi)\n\n"
    "                                  Six Months Ended June 30,\n"
    "                                    2026           2027\n"
    "Revenues:\n"
    "  On-premise deployment           402,300        611,800\n"
    "  Cloud deployment                 98,700        315,400\n"
    "Total revenues                    501,000        927,200\n"
    "Selling expenses                 (150,900)      (188,400)\n"
    "Research and development         (990,100)    (1,310,600)\n"
)


def test_a_heading_under_the_year_columns_keeps_the_header_of_a_statement(watchlist):
    got = facts(STATEMENT_EN, watchlist, published=date(2028, 8, 20))
    assert {
        ("minimax", "revenue", "2027Q2", Decimal("95110000"), "USD"),
        ("minimax", "revenue", "2028Q2", Decimal("132970000"), "USD"),
        ("minimax", "net_loss", "2027Q2", Decimal("121900000"), "USD"),
        ("minimax", "net_loss", "2028Q2", Decimal("97450000"), "USD"),
    } <= got


def test_indented_rows_under_a_revenues_heading_are_its_segments(watchlist):
    got = facts(STATEMENT_EN, watchlist, published=date(2028, 8, 20))
    assert {
        ("minimax", "revenue.consumer", "2027Q2", Decimal("61240000"), "USD"),
        ("minimax", "revenue.consumer", "2028Q2", Decimal("80310000"), "USD"),
        ("minimax", "revenue.cloud", "2027Q2", Decimal("33870000"), "USD"),
        ("minimax", "revenue.cloud", "2028Q2", Decimal("52660000"), "USD"),
    } <= got
    got = facts(STATEMENT_RMB, watchlist, published=date(2027, 8, 25))
    assert {
        ("zhipu", "revenue.on_premise", "2027H1", Decimal("611800000"), "CNY"),
        ("zhipu", "revenue.cloud", "2026H1", Decimal("98700000"), "CNY"),
        ("zhipu", "revenue", "2027H1", Decimal("927200000"), "CNY"),
    } <= got


def test_research_and_development_is_rd_expense_and_selling_costs_are_no_revenue(watchlist):
    got = facts(STATEMENT_EN, watchlist, published=date(2028, 8, 20))
    assert ("minimax", "rd_expense", "2028Q2", Decimal("101700000"), "USD") in got
    assert not any(v in (Decimal("40120000"), Decimal("36980000")) for *_, v, _ in got)
    got = facts(STATEMENT_RMB, watchlist, published=date(2027, 8, 25))
    assert ("zhipu", "rd_expense", "2027H1", Decimal("1310600000"), "CNY") in got
    assert not any(v == Decimal("188400000") for *_, v, _ in got)


# --- a sidebar of plain lists: qualified figures, a heading line naming another company, month-end rows ------------

SIDEBAR_ZH = (
    "晚報　2028年9月4日（星期一）\n\n"
    "大模型股上月普遍造好，成交額按月增加。\n\n"
    "〖數字看板〗\n\n"
    "各公司8月日均token調用量\n"
    "MiniMax　　約41萬億\n"
    "智譜　　　　約128萬億\n"
    "Kimi　　　　約37萬億\n\n"
    "OpenRouter年度經常性收入（ARR）\n"
    "5月底　　約3.1億美元\n"
    "8月底　　約3.6億美元\n"
    "DeepSeek年度經常性收入（ARR）\n"
    "8月底　　約2.4億美元\n"
)

SIDEBAR_EN = (
    "Markets wrap, March 3, 2028\n\n"
    "By the numbers\n\n"
    "Daily tokens processed in February\n"
    "Zhipu         about 96 trillion\n"
    "DeepSeek      about 71 trillion\n"
)


def test_a_list_whose_first_figure_is_qualified_has_no_header(watchlist):
    got = facts(SIDEBAR_ZH, watchlist, published=date(2028, 9, 4))
    assert {
        ("minimax", "daily_token_volume", "2028-08", Decimal("41000000000000"), "tokens/day"),
        ("zhipu", "daily_token_volume", "2028-08", Decimal("128000000000000"), "tokens/day"),
        ("moonshot", "daily_token_volume", "2028-08", Decimal("37000000000000"), "tokens/day"),
    } <= got
    got = facts(SIDEBAR_EN, watchlist, published=date(2028, 3, 3))
    assert ("zhipu", "daily_token_volume", "2028-02", Decimal("96000000000000"), "tokens/day") in got


def test_a_heading_line_naming_a_company_captions_the_rows_under_it(watchlist):
    got = facts(SIDEBAR_ZH, watchlist, published=date(2028, 9, 4))
    assert {
        ("openrouter", "arr", "2028-05", Decimal("310000000"), "USD"),
        ("openrouter", "arr", "2028-08", Decimal("360000000"), "USD"),
        ("deepseek", "arr", "2028-08", Decimal("240000000"), "USD"),
    } <= got
    assert not any(c == "openrouter" and v == Decimal("240000000") for c, _, _, v, _ in got)


# --- a statement's line of other items is not the loss for the period ----------------------------------------------

OTHER_ITEMS_ZHT = (
    "月之暗面　截至2028年6月30日止六個月之中期業績公告\n\n"
    "簡明綜合損益表\n"
    "（人民幣千元）\n\n"
    "                                  截至6月30日止六個月\n"
    "                                  2028年          2027年\n"
    "收入                              2,410,300       1,288,600\n"
    "其他收益及虧損淨額                 (512,700)       (140,800)\n"
    "期內虧損                         (1,906,400)     (1,655,900)\n"
)

OTHER_ITEMS_EN = (
    "DeepSeek results, published September 2, 2027\n\n"
    "(RMB'000)                          1H27          1H26\n"
    "Revenue                          884,100       402,700\n"
    "Other losses, net               (120,300)      (64,500)\n"
    "Net loss                        (730,900)     (902,400)\n"
)


def test_a_row_of_other_gains_and_losses_is_no_net_loss(watchlist):
    got = facts(OTHER_ITEMS_ZHT, watchlist, published=date(2028, 8, 28))
    assert ("moonshot", "net_loss", "2028H1", Decimal("1906400000"), "CNY") in got
    assert not any(v in (Decimal("512700000"), Decimal("140800000")) for *_, v, _ in got)
    got = facts(OTHER_ITEMS_EN, watchlist, published=date(2027, 9, 2))
    assert ("deepseek", "net_loss", "2027H1", Decimal("730900000"), "CNY") in got
    assert not any(v in (Decimal("120300000"), Decimal("64500000")) for *_, v, _ in got)


# --- a broker's bullets: signed "pct" changes and slash lists of segment growth ------------------------------------

BROKER_ZH = (
    "智谱（2513.HK）2028年二季报点评\n"
    "2028年08月30日\n\n"
    "▶ 2Q28公司本地化部署/云端部署收入分别为3.10/2.05亿元，同比分别+38.2%/+121.7%；云端部署收入占比39.8%，同比+9.6pct。\n\n"
    "▶ 2Q28毛利率51.3%，同比+3.4pct，环比+1.2pct（1Q28为50.1%）。\n"
)


def test_a_signed_pct_in_a_chinese_note_is_points_not_a_share_or_growth(watchlist):
    got = facts(BROKER_ZH, watchlist, published=date(2028, 8, 30))
    assert {
        ("zhipu", "gross_margin", "2028Q2", Decimal("51.3"), "%"),
        ("zhipu", "gross_margin", "2028Q1", Decimal("50.1"), "%"),
        ("zhipu", "revenue_share.cloud", "2028Q2", Decimal("39.8"), "%"),
    } <= got
    assert not any(u == "%" and v in (Decimal("9.6"), Decimal("3.4"), Decimal("1.2")) for *_, v, u in got)


def test_a_slash_list_of_signed_growth_rates_is_each_segments_growth_so_no_fact(watchlist):
    # each segment's growth: not a share, and not the company's growth (facts.md gives revenue_growth no segment)
    got = facts(BROKER_ZH, watchlist, published=date(2028, 8, 30))
    assert ("zhipu", "revenue_share.cloud", "2028Q2", Decimal("39.8"), "%") in got
    assert not any(v in (Decimal("38.2"), Decimal("121.7")) for _, _, _, v, _ in got)


# --- a filing dated only by the day its period ends at the top, signed at the bottom --------------------------------

_DISCLAIMER_ZHT = ("香港交易及結算所有限公司及香港聯合交易所有限公司對本公告的內容概不負責，對其準確性或完整性亦不發表任何聲明，"
                   "並明確表示概不就因本公告全部或任何部分內容而產生的任何損失承擔任何責任。\n\n") * 6

SIGNED_ZHT = (
    "上海稀宇科技有限公司　截至2027年6月30日止六個月之中期業績公告\n\n"
    + _DISCLAIMER_ZHT
    + "業務營運數據\n"
    "2027年6月，開放平台日均token調用量約為31萬億；2027年7月約為34萬億。\n\n"
    "承董事會命\n"
    "上海稀宇科技有限公司\n"
    "香港，2027年8月26日\n"
)

_DISCLAIMER_EN = ("Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong Limited take no "
                  "responsibility for the contents of this announcement and make no representation as to its accuracy "
                  "or completeness.\n\n") * 2

SIGNED_EN = (
    "Zhipu AI: announcement of results for the year ended December 31, 2027\n\n"
    + _DISCLAIMER_EN
    + "Operating data\n"
    "Average daily tokens on the open platform were about 150 trillion in January 2028.\n\n"
    "By order of the Board\n"
    "Hong Kong, 24 March 2028\n"
)


def test_a_filing_dated_at_the_top_only_by_its_period_end_takes_the_day_it_was_signed(watchlist):
    got = facts(SIGNED_ZHT, watchlist)
    assert {
        ("minimax", "daily_token_volume", "2027-06", Decimal("31000000000000"), "tokens/day"),
        ("minimax", "daily_token_volume", "2027-07", Decimal("34000000000000"), "tokens/day"),
    } <= got
    got = facts(SIGNED_EN, watchlist)
    assert ("zhipu", "daily_token_volume", "2028-01", Decimal("150000000000000"), "tokens/day") in got


# --- a figure glossed in brackets with the same figure for another period ------------------------------------------

GLOSSED_ZHT = (
    "月之暗面　截至2028年6月30日止六個月之中期業績公告\n"
    "2028年8月27日\n\n"
    "本期間研發開支為人民幣2,310.4百萬元，約為收入的0.9倍（2027年同期：約1.4倍）。\n"
)

GLOSSED_EN = (
    "MiniMax interim results, August 25, 2027\n\n"
    "R&D expenses were about 0.8 times revenue in 1H27 (1H26: about 1.5 times).\n"
)

NINE_MONTHS_ZHT = (
    "智譜　截至2028年9月30日止九個月之第三季度業績公告\n"
    "2028年11月21日\n\n"
    "．第三季度毛利率為52.1%（2027年同期：47.3%）；前九個月毛利率為51.0%（2027年同期：44.8%）。\n"
)


def test_a_multiple_in_brackets_after_one_is_the_same_ratio_for_the_period_named(watchlist):
    got = facts(GLOSSED_ZHT, watchlist)
    assert {
        ("moonshot", "rd_to_revenue", "2028H1", Decimal("0.9"), "x"),
        ("moonshot", "rd_to_revenue", "2027H1", Decimal("1.4"), "x"),
    } <= got
    got = facts(GLOSSED_EN, watchlist)
    assert ("minimax", "rd_to_revenue", "2026H1", Decimal("1.5"), "x") in got


def test_the_same_period_of_a_year_after_nine_months_is_those_nine_months(watchlist):
    got = facts(NINE_MONTHS_ZHT, watchlist)
    assert {
        ("zhipu", "gross_margin", "2027Q3", Decimal("47.3"), "%"),
        ("zhipu", "gross_margin", "2028Q1-Q3", Decimal("51.0"), "%"),
        ("zhipu", "gross_margin", "2027Q1-Q3", Decimal("44.8"), "%"),
    } <= got


# --- "the same period of <year>" in a filing is the period the filing announces -----------------------------------

ANNOUNCED_ZHT = (
    "上海稀宇科技有限公司　截至2028年3月31日止三個月之第一季度業績公告\n"
    "2028年5月20日\n\n"
    "1. 收入\n"
    "收入較2027年第四季度按季下降8.1%，主要由於季節性因素。\n\n"
    "2. 研發開支\n"
    "本期間研發開支約為收入的0.7倍（2027年同期：約1.1倍）。\n"
)


def test_the_same_period_of_a_year_in_a_filing_is_the_announced_period_not_the_last_quarter_named(watchlist):
    got = facts(ANNOUNCED_ZHT, watchlist)
    assert ("minimax", "rd_to_revenue", "2027Q1", Decimal("1.1"), "x") in got
    assert not any(p == "2027Q4" and m == "rd_to_revenue" for _, m, p, _, _ in got)


# --- a day glossed in brackets by the period it closes; "多出" after a figure --------------------------------------

GLOSSED_DAY_ZHT = (
    "信報　2028年4月2日（星期日）\n\n"
    "港股上周四（3月30日）為首季最後一個交易日，大模型股個別發展。月之暗面收市市值5,120億港元，"
    "較12月29日（去年最後一個交易日）的4,480億港元多出640億元；智譜收市市值5,900億港元，MiniMax則為3,960億港元。\n"
)


def test_a_period_glossing_a_day_in_brackets_dates_no_figure(watchlist):
    got = facts(GLOSSED_DAY_ZHT, watchlist)
    assert {
        ("moonshot", "market_cap", "2028-03-30", Decimal("512000000000"), "HKD", "eq"),
        ("moonshot", "market_cap", "2027-12-29", Decimal("448000000000"), "HKD", "eq"),
        ("zhipu", "market_cap", "2028-03-30", Decimal("590000000000"), "HKD", "eq"),
        ("minimax", "market_cap", "2028-03-30", Decimal("396000000000"), "HKD", "eq"),
    } <= full_facts(GLOSSED_DAY_ZHT, watchlist)
    assert not any(p.startswith("FY") for _, _, p, _, _ in got)


# --- "本期間": a filing's defined term for the period it announces ------------------------------------------------

THE_PERIOD_ZHT = (
    "北京智譜華章科技股份有限公司　截至2028年6月30日止六個月之中期業績公告\n"
    "2028年8月28日\n\n"
    "第二季度收入為人民幣455.0百萬元。\n\n"
    "本期間收入為人民幣802.3百萬元，毛利率為47.5%。\n"
)


def test_the_period_a_filing_defines_is_the_period_it_announces(watchlist):
    got = facts(THE_PERIOD_ZHT, watchlist)
    assert {
        ("zhipu", "revenue", "2028Q2", Decimal("455000000"), "CNY"),
        ("zhipu", "revenue", "2028H1", Decimal("802300000"), "CNY"),
        ("zhipu", "gross_margin", "2028H1", Decimal("47.5"), "%"),
    } <= got
