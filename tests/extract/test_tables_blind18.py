"""How filings, newsletters and WeChat posts lay out figures the extractor had not read: rules found on
tests/blind18, pinned on tables and lists of our own.

Each test uses other companies, figures and wording than the article that showed the rule: a Chinese statement
whose last row stands under a heading of its own after a blank line, its labels lined up as a monospace font shows
them (a Chinese character two columns wide); a newsletter's "Key numbers" list whose bullets open with the figure,
a qualifier before it, and the metric, segment and period in the caption after its colon.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts as full_facts
from tests.extract.conftest import unqualified_facts as facts

# --- a row after a blank line and a heading, lined up on screen -------------------------------------------------

STATEMENT_HK = (
    "稀宇極智截至2030年3月31日止三個月之未經審核業績公告\n\n"
    "2030年5月20日\n\n"
    "簡明綜合損益表\n"
    "（以美元千元列示）\n\n"
    "                               截至3月31日止三個月\n"
    "                              2030年        2029年\n"
    "收入                         208,410       151,330\n"
    "研發開支                    (96,200)      (88,750)\n"
    "期內虧損                    (61,900)      (74,020)\n"
    "\n"
    "非國際財務報告準則計量：\n"
    "經調整淨虧損                (33,150)      (45,870)\n"
)

STATEMENT_CN = (
    "月之暗面2030年上半年未经审计业绩\n\n"
    "2030年8月21日\n\n"
    "单位：人民币千元\n\n"
    "                               截至6月30日止六个月\n"
    "                              2030年        2029年\n"
    "营业收入                   4,912,600     2,688,300\n"
    "净亏损                   (1,802,500)   (2,240,900)\n"
    "\n"
    "非国际财务报告准则计量：\n"
    "经调整净亏损             (1,011,700)   (1,390,400)\n"
)


def test_a_row_under_its_own_heading_after_a_blank_line_stays_in_the_statement(watchlist):
    got = facts(STATEMENT_HK, watchlist, published=date(2030, 5, 20))
    assert {
        ("minimax", "adjusted_net_loss", "2030Q1", Decimal("33150000"), "USD"),
        ("minimax", "adjusted_net_loss", "2029Q1", Decimal("45870000"), "USD"),
        ("minimax", "net_loss", "2030Q1", Decimal("61900000"), "USD"),
    } <= got


def test_a_row_after_a_blank_line_lines_up_as_the_screen_shows_chinese_labels(watchlist):
    got = facts(STATEMENT_CN, watchlist, published=date(2030, 8, 21))
    assert {
        ("moonshot", "adjusted_net_loss", "2030H1", Decimal("1011700000"), "CNY"),
        ("moonshot", "adjusted_net_loss", "2029H1", Decimal("1390400000"), "CNY"),
    } <= got


# --- "Key numbers": bullets that open with the figure and a colon ---------------------------------------------------

KEY_NUMBERS = (
    "Moonshot's API Business Overtakes Its Apps\n\n"
    "Nov. 19, 2029 6:00 AM PST\n\n"
    "Moonshot AI reported third-quarter results on Monday.\n\n"
    "By the numbers\n\n"
    "- $702.5 million: Moonshot's revenue in the quarter ended September 30, up 57.8% from a year earlier.\n"
    "- 52.6%: share of its revenue from API and enterprise services, versus 44.0% a year earlier.\n"
    "- $151.2 million: Moonshot's adjusted net loss for the quarter, narrower than the $190.4 million it lost a year "
    "before.\n"
    "- About 88 trillion: tokens Kimi handled per day, on average, in October.\n"
    "- Roughly $4.1 billion: Moonshot's annual recurring revenue at the end of October.\n"
)


def test_a_quarter_ended_a_month_is_that_quarter(watchlist):
    got = facts(KEY_NUMBERS, watchlist, published=date(2029, 11, 19))
    assert ("moonshot", "revenue", "2029Q3", Decimal("702500000"), "USD") in got
    assert ("moonshot", "revenue_growth", "2029Q3", Decimal("57.8"), "%") in got
    text = "Zhipu's revenue for the quarter ended March 31 rose to RMB2.31 billion."
    assert ("zhipu", "revenue", "2029Q1", Decimal("2310000000"), "CNY") in facts(text, watchlist, published=date(2029, 5, 28))


def test_a_bullet_may_put_a_qualifier_before_its_figure(watchlist):
    got = full_facts(KEY_NUMBERS, watchlist, published=date(2029, 11, 19))
    assert ("moonshot", "arr", "2029-10", Decimal("4100000000"), "USD", "approx") in got


def test_a_caption_naming_a_daily_count_in_its_own_words_makes_tokens_a_daily_volume(watchlist):
    got = full_facts(KEY_NUMBERS, watchlist, published=date(2029, 11, 19))
    assert ("moonshot", "daily_token_volume", "2029-10", Decimal("88000000000000"), "tokens/day", "approx") in got
    assert not any(f[1] == "token_volume" for f in got)


def test_a_caption_names_the_segment_after_its_metric(watchlist):
    got = facts(KEY_NUMBERS, watchlist, published=date(2029, 11, 19))
    assert {
        ("moonshot", "revenue_share.cloud", "2029Q3", Decimal("52.6"), "%"),
        ("moonshot", "revenue_share.cloud", "2028Q3", Decimal("44.0"), "%"),
    } <= got


def test_the_period_of_a_caption_is_its_figures_and_a_year_before_the_compared_figures(watchlist):
    got = facts(KEY_NUMBERS, watchlist, published=date(2029, 11, 19))
    assert {
        ("moonshot", "adjusted_net_loss", "2029Q3", Decimal("151200000"), "USD"),
        ("moonshot", "adjusted_net_loss", "2028Q3", Decimal("190400000"), "USD"),
    } <= got
    assert ("moonshot", "adjusted_net_loss", "2029Q3", Decimal("190400000"), "USD") not in got


# --- figures first, then a dash or colon and the words saying whose they are ---------------------------------------

FIGURES_FIRST_ZH = (
    "10月国产模型调用量盘点\n\n2029年11月06日 08:30\n\n"
    "约96万亿、约58万亿和约41万亿——这是DeepSeek、智谱和MiniMax今年10月的日均token调用量（DeepSeek为第三方估算）。\n"
)
FIGURES_FIRST_EN = (
    "Nov. 6, 2029\n\n"
    "$4.1 billion and $620 million: those were the annualized revenue run rates of Moonshot AI and OpenRouter at the "
    "end of October, according to people familiar with the figures.\n"
)


def test_a_run_of_figures_opening_a_sentence_takes_the_companies_its_caption_lists_after_a_dash(watchlist):
    got = full_facts(FIGURES_FIRST_ZH, watchlist, published=date(2029, 11, 6))
    assert {
        ("deepseek", "daily_token_volume", "2029-10", Decimal("96000000000000"), "tokens/day", "approx"),
        ("zhipu", "daily_token_volume", "2029-10", Decimal("58000000000000"), "tokens/day", "approx"),
        ("minimax", "daily_token_volume", "2029-10", Decimal("41000000000000"), "tokens/day", "approx"),
    } <= got


def test_a_run_of_figures_before_a_colon_is_captioned_by_the_words_after_it(watchlist):
    got = facts(FIGURES_FIRST_EN, watchlist, published=date(2029, 11, 6))
    assert {
        ("moonshot", "arr", "2029-10", Decimal("4100000000"), "USD"),
        ("openrouter", "arr", "2029-10", Decimal("620000000"), "USD"),
    } <= got


# --- a filing's summary bullets and segment note: the comparative period is not the one reported on ---------------

INTERIM_SUMMARY = (
    "月之暗面科技有限公司\n"
    "截至2030年9月30日止三個月及九個月之未經審核業績公告\n\n"
    "2030年11月18日\n\n"
    "董事會欣然公佈本集團截至2030年9月30日止三個月及九個月之未經審核業績，連同2029年同期之比較數字。\n\n"
    "財務摘要\n"
    "．截至2030年9月30日止九個月，收入為人民幣8,412.5百萬元，同比增長61.0%。\n"
    "．API及企業服務收入佔總收入的55.4%（2029年同期：47.9%）。\n"
    "．毛利率為52.3%（2029年同期：48.8%）。\n\n"
    "附註3　分部資料\n"
    "截至2030年9月30日止九個月，開放平台分部毛利為人民幣2,611,300千元，分部毛利率為61.5%（2029年同期：人民幣1,402,100"
    "千元，57.2%）；AI原生產品分部毛利為人民幣1,288,400千元，分部毛利率為38.9%（2029年同期：人民幣911,800千元，35.0%）。\n"
)
SEGMENT_NOTE_EN = (
    "Zhipu annual results, March 20, 2031\n\n"
    "For the year ended December 31, 2030, the gross margin of cloud deployment was 61.5% (2029: 57.2%); the gross "
    "margin of on-premise deployment was 38.9% (2029: 35.0%).\n"
)


def test_a_summary_bullet_naming_only_the_comparative_period_is_of_the_period_reported_on(watchlist):
    got = facts(INTERIM_SUMMARY, watchlist, published=date(2030, 11, 18))
    assert {
        ("moonshot", "revenue_share.cloud", "2030Q1-Q3", Decimal("55.4"), "%"),
        ("moonshot", "revenue_share.cloud", "2029Q1-Q3", Decimal("47.9"), "%"),
        ("moonshot", "gross_margin", "2030Q1-Q3", Decimal("52.3"), "%"),
    } <= got
    assert not any(f[2] == "2029Q3" for f in got)


def test_a_comparative_bracket_closed_before_a_figure_does_not_date_it(watchlist):
    got = facts(INTERIM_SUMMARY, watchlist, published=date(2030, 11, 18))
    assert ("moonshot", "gross_margin.consumer", "2030Q1-Q3", Decimal("38.9"), "%") in got
    assert ("moonshot", "gross_margin.consumer", "2029Q1-Q3", Decimal("38.9"), "%") not in got
    got = facts(SEGMENT_NOTE_EN, watchlist, published=date(2031, 3, 20))
    assert {
        ("zhipu", "gross_margin.on_premise", "FY2030", Decimal("38.9"), "%"),
        ("zhipu", "gross_margin.on_premise", "FY2029", Decimal("35.0"), "%"),
    } <= got


# --- a release's highlights and an MD&A paragraph: the year-earlier figure -----------------------------------------

HALF_HIGHLIGHTS = (
    "MiniMax Announces First Half 2030 Unaudited Financial Results\n\n"
    "SHANGHAI, Aug. 18, 2030 (GLOBE NEWSWIRE) -- MiniMax today announced its unaudited financial results.\n\n"
    "First Half 2030 Highlights\n\n"
    "- Revenues were US$498.3 million, an increase of 55.1% year over year.\n"
    "- Gross margin was 47.9%, compared with 44.6% in the first half of 2029.\n"
    "- Open platform and enterprise services accounted for 48.6% of revenues, up from 44.2%.\n"
)

MDA_PARAGRAPH = (
    "北京智譜華章科技股份有限公司\n截至2030年9月30日止三個月及九個月之未經審核業績公告\n\n2030年11月25日\n\n"
    "財務摘要\n．截至2030年9月30日止九個月，收入為人民幣7,702.4百萬元，同比增長59.3%。\n\n"
    "管理層討論與分析\n"
    "2030年第三季度，本集團收入為人民幣2,950.2百萬元，較2029年同期增長58.1%。其中本地化部署收入佔比為24.6%，"
    "2029年同期為31.2%。\n"
)


def test_a_level_a_share_rose_from_after_its_metric_is_the_year_earlier_the_list_compared_with(watchlist):
    got = facts(HALF_HIGHLIGHTS, watchlist, published=date(2030, 8, 18))
    assert {
        ("minimax", "revenue_share.cloud", "2030H1", Decimal("48.6"), "%"),
        ("minimax", "revenue_share.cloud", "2029H1", Decimal("44.2"), "%"),
    } <= got
    assert ("minimax", "revenue_share.cloud", "2030H1", Decimal("44.2"), "%") not in got


def test_the_same_period_of_a_year_goes_on_from_the_quarter_its_paragraph_opened_on(watchlist):
    got = facts(MDA_PARAGRAPH, watchlist, published=date(2030, 11, 25))
    assert {
        ("zhipu", "revenue_share.on_premise", "2030Q3", Decimal("24.6"), "%"),
        ("zhipu", "revenue_share.on_premise", "2029Q3", Decimal("31.2"), "%"),
    } <= got
    assert ("zhipu", "revenue_share.on_premise", "2029Q1-Q3", Decimal("31.2"), "%") not in got


# --- an amount a level rose by each month -------------------------------------------------------------------------

MONTHLY_RISE = (
    "Moonshot AI, Oct. 3, 2029\n\n"
    "Moonshot's annual recurring revenue has grown roughly $150 million a month since June, people familiar with its "
    "finances said. Its annual recurring revenue reached about $3.95 billion at the end of September.\n"
)


def test_an_amount_a_level_rose_by_each_month_is_no_level(watchlist):
    got = facts(MONTHLY_RISE, watchlist, published=date(2029, 10, 3))
    assert not any(f[3] == Decimal("150000000") for f in got)
    assert ("moonshot", "arr", "2029-09", Decimal("3950000000"), "USD") in got
