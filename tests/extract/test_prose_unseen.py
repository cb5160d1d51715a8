"""General rules of how the press writes, found on unseen articles and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_count_with_the_generic_classifier_is_a_bare_number(watchlist):
    # "5亿个": 个 is the classifier of any noun, so the tokens are counted as in "5亿"
    text = "Kimi开放平台日均token调用量从2024年的8000亿个增长到2025年上半年的2.5万亿个。"
    assert facts(text, watchlist) == {
        ("moonshot", "daily_token_volume", "FY2024", Decimal("800000000000"), "tokens/day", "eq"),
        ("moonshot", "daily_token_volume", "2025H1", Decimal("2500000000000"), "tokens/day", "eq")}
    assert facts("2025年第三季度，DeepSeek日均处理token约3万亿個。", watchlist) == {
        ("deepseek", "daily_token_volume", "2025Q3", Decimal("3000000000000"), "tokens/day", "approx")}


def test_people_and_firms_counted_are_no_tokens(watchlist):
    text = "2025年上半年，MiniMax日均调用量突破2万亿，付费企业超过5000家，开发者逾30万名。"
    assert facts(text, watchlist) == {
        ("minimax", "daily_token_volume", "2025H1", Decimal("2000000000000"), "tokens/day", "gt")}


def test_a_change_after_a_year_earlier_figure_is_of_this_year(watchlist):
    text = "2025年上半年，智谱实现营收1.9亿元，上年同期为4500万元，同比增长325%。"
    assert facts(text, watchlist) == {
        ("zhipu", "revenue", "2025H1", Decimal("190000000"), "CNY", "eq"),
        ("zhipu", "revenue", "2024H1", Decimal("45000000"), "CNY", "eq"),
        ("zhipu", "revenue_growth", "2025H1", Decimal("325"), "%", "eq")}


def test_a_year_earlier_period_does_not_date_the_sentences_after_it(watchlist):
    # the report is on the third quarter: the segments listed next are its, not the comparison's
    text = ("2025年第三季度，DeepSeek收入为2000万美元，去年同期为800万美元。\n\n"
            "其中API业务收入1500万美元，占总收入的75%。")
    got = facts(text, watchlist)
    assert ("deepseek", "revenue.cloud", "2025Q3", Decimal("15000000"), "USD", "eq") in got
    assert ("deepseek", "revenue_share.cloud", "2025Q3", Decimal("75"), "%", "eq") in got
    assert not {f for f in got if f[2] == "2024Q3" and f[1] != "revenue"}


def test_a_rate_at_a_months_end_is_the_months(watchlist):
    text = "截至9月底，Kimi开放平台日均token调用量已突破1.5万亿。"
    assert facts(text, watchlist, published=date(2025, 10, 20)) == {
        ("moonshot", "daily_token_volume", "2025-09", Decimal("1500000000000"), "tokens/day", "gt")}
    text = "截至2025年12月末，智谱的年化经常性收入（ARR）约为3亿元。"
    assert facts(text, watchlist) == {("zhipu", "arr", "2025-12", Decimal("300000000"), "CNY", "approx")}


def test_a_month_without_its_year_after_a_preposition(watchlist):
    text = "October 3, 2025 - Moonshot AI said Kimi served more than 1.2 trillion tokens per day in September."
    assert facts(text, watchlist) == {
        ("moonshot", "daily_token_volume", "2025-09", Decimal("1200000000000"), "tokens/day", "gt")}
    # written in February, "for December" is last year's December
    text = "DeepSeek's daily token volume averaged about 9 trillion for December, a company spokesperson said."
    assert facts(text, watchlist, published=date(2026, 2, 5)) == {
        ("deepseek", "daily_token_volume", "2025-12", Decimal("9000000000000"), "tokens/day", "approx")}


def test_a_quarter_or_half_written_as_an_adjective(watchlist):
    text = "MiniMax said its second-quarter revenue rose 95% from a year earlier to $28 million."
    assert facts(text, watchlist, published=date(2025, 8, 20)) == {
        ("minimax", "revenue_growth", "2025Q2", Decimal("95"), "%", "eq"),
        ("minimax", "revenue", "2025Q2", Decimal("28000000"), "USD", "eq")}
    text = "Zhipu's first-half gross margin was 50%, the company said in a filing."
    assert facts(text, watchlist, published=date(2025, 9, 1)) == {
        ("zhipu", "gross_margin", "2025H1", Decimal("50"), "%", "eq")}


def test_a_company_named_in_a_relative_clause_is_an_aside(watchlist):
    text = "Moonshot AI, which competes with Zhipu and MiniMax, said its revenue for 2025 was about $120 million."
    assert facts(text, watchlist) == {("moonshot", "revenue", "FY2025", Decimal("120000000"), "USD", "approx")}
    text = ("Zhipu reported a wider loss. Rival DeepSeek, whose models undercut Zhipu on price, posted first-half "
            "revenue of $40 million.")
    assert facts(text, watchlist, published=date(2025, 9, 1)) == {
        ("deepseek", "revenue", "2025H1", Decimal("40000000"), "USD", "eq")}


def test_a_day_without_its_year_takes_no_year_from_an_earlier_sentence(watchlist):
    # written in February 2026: "1月9日" is this January, whatever year the sentence before named
    text = ("2026年2月12日\n\n月之暗面在2025年底完成新一轮融资。\n\nMiniMax于1月9日在港交所挂牌，首日市值超过1000亿港元。")
    assert facts(text, watchlist) == {("minimax", "market_cap", "2026-01-09", Decimal("100000000000"), "HKD", "gt")}
    text = ("February 20, 2026. Our fund returned 3% in December 2025. Zhipu, on its first day of trading on "
            "January 8, saw its market value top HK$50 billion.")
    assert facts(text, watchlist) == {("zhipu", "market_cap", "2026-01-08", Decimal("50000000000"), "HKD", "gt")}


def test_a_month_takes_the_year_of_a_loosely_dated_sentence_before(watchlist):
    text = ("March 3, 2026. In early 2025 Moonshot AI opened its API to all developers. Kimi served about 80 billion "
            "tokens per day in February, the company said.")
    assert facts(text, watchlist) == {
        ("moonshot", "daily_token_volume", "2025-02", Decimal("80000000000"), "tokens/day", "approx")}


def test_this_parts_revenue_is_the_segment_just_named(watchlist):
    text = ("智谱的收入分为两块。\n\n- 本地化部署：面向政府和大型企业交付私有模型。2024年该部分收入为2.6亿元，占总收入的84.5%；\n"
            "- 云端部署：按调用量收费。")
    got = facts(text, watchlist)
    assert ("zhipu", "revenue.on_premise", "FY2024", Decimal("260000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue", "FY2024", Decimal("260000000"), "CNY", "eq") not in got
    # a pointer that is not right before the metric's noun leaves the total alone
    text = "MiniMax的开放平台增长很快。2024年，这一年公司收入达到3052万美元。"
    assert facts(text, watchlist) == {("minimax", "revenue", "FY2024", Decimal("30520000"), "USD", "eq")}


def test_a_share_of_a_periods_revenue(watchlist):
    text = "Kimi subscriptions made up 62% of 2025 revenue, the company said."
    assert facts(text, watchlist) == {("moonshot", "revenue_share.consumer", "FY2025", Decimal("62"), "%", "eq")}
    text = "At Zhipu, cloud deployments were 27.5% of 1H26 revenue."
    assert facts(text, watchlist, published=date(2026, 9, 1)) == {
        ("zhipu", "revenue_share.cloud", "2026H1", Decimal("27.5"), "%", "eq")}


def test_a_multiple_written_with_x_before_revenue(watchlist):
    text = "DeepSeek spent about US$150m on R&D in 2024, roughly 2.5x revenue."
    assert facts(text, watchlist) == {
        ("deepseek", "rd_expense", "FY2024", Decimal("150000000"), "USD", "approx"),
        ("deepseek", "rd_to_revenue", "FY2024", Decimal("2.5"), "x", "approx")}


def test_tokens_processed_in_one_day_are_a_daily_volume(watchlist):
    text = "2025年10月，Kimi单日token处理量突破2万亿。"
    assert facts(text, watchlist) == {
        ("moonshot", "daily_token_volume", "2025-10", Decimal("2000000000000"), "tokens/day", "gt")}
    text = "During one 24-hour period in March 2026, MiniMax's open platform processed about 4 trillion tokens."
    assert facts(text, watchlist) == {
        ("minimax", "daily_token_volume", "2026-03", Decimal("4000000000000"), "tokens/day", "approx")}


def test_a_sum_over_a_list_of_companies_is_nobodys(watchlist):
    text = "2026年2月3日\n\n智谱与MiniMax市值合计超过2500亿港元。MiniMax市值约为1500亿港元。"
    assert facts(text, watchlist) == {("minimax", "market_cap", "2026-02-03", Decimal("150000000000"), "HKD", "approx")}
    text = "January 20, 2026. Zhipu and MiniMax had a combined market value of HK$260 billion on Monday."
    assert facts(text, watchlist) == set()


def test_a_weekday_is_a_day_of_the_week_the_text_was_written(watchlist):
    # 21 May 2026 is a Thursday
    text = "May 21, 2026 - Shares of MiniMax closed 3% lower on Tuesday, giving it a market value of HK$140 billion."
    assert facts(text, watchlist) == {("minimax", "market_cap", "2026-05-19", Decimal("140000000000"), "HKD", "eq")}
    text = "2026年5月21日\n\n智谱周一收盘市值约为1100亿港元。上周五，MiniMax市值约为1400亿港元。"
    assert facts(text, watchlist) == {("zhipu", "market_cap", "2026-05-18", Decimal("110000000000"), "HKD", "approx"),
                                      ("minimax", "market_cap", "2026-05-15", Decimal("140000000000"), "HKD", "approx")}


def test_a_heading_naming_the_period_dates_the_bullets_under_it(watchlist):
    # the heading's "(second quarter)", not the half named before it, is what the bullets report
    text = ("August 21, 2026. MiniMax said first-half revenue of 2026 rose to $95 million.\n\n"
            "HIGHLIGHTS (second quarter):\n- Gross margin 31.5%\n- Adjusted net loss $62 million")
    got = facts(text, watchlist)
    assert ("minimax", "gross_margin", "2026Q2", Decimal("31.5"), "%", "eq") in got
    assert ("minimax", "adjusted_net_loss", "2026Q2", Decimal("62000000"), "USD", "eq") in got
    assert not {f for f in got if f[1] != "revenue" and f[2] != "2026Q2"}


def test_the_same_quarter_last_year_is_a_year_earlier(watchlist):
    text = ("DeepSeek's revenue in the second quarter of 2026 was $40 million, compared with $15 million in the "
            "same quarter last year.")
    assert facts(text, watchlist) == {("deepseek", "revenue", "2026Q2", Decimal("40000000"), "USD", "eq"),
                                      ("deepseek", "revenue", "2025Q2", Decimal("15000000"), "USD", "eq")}
    text = "Zhipu's gross margin for the first half of 2025 was 50%, against 56% in the same half of the previous year."
    assert facts(text, watchlist) == {("zhipu", "gross_margin", "2025H1", Decimal("50"), "%", "eq"),
                                      ("zhipu", "gross_margin", "2024H1", Decimal("56"), "%", "eq")}


def test_in_the_quarter_is_the_quarter_named_before(watchlist):
    # the nine months are named last, but "in the quarter" is the quarter's
    text = ("For the third quarter of 2026, MiniMax's revenue was $50 million. Revenue for the first nine months was "
            "$120 million. Its open platform generated $20 million in the quarter.")
    got = facts(text, watchlist, published=date(2026, 11, 20))
    assert ("minimax", "revenue.cloud", "2026Q3", Decimal("20000000"), "USD", "eq") in got
    assert not {f for f in got if f[1] == "revenue.cloud" and f[2] != "2026Q3"}


def test_a_change_on_the_previous_quarter_is_sequential(watchlist):
    text = "Zhipu's revenue for the third quarter of 2026 rose 140% from a year earlier, and 25% from the previous quarter."
    assert facts(text, watchlist) == {("zhipu", "revenue_growth", "2026Q3", Decimal("140"), "%", "eq")}
    text = "In the second quarter of 2026, Moonshot AI's sales were up 12% on the prior quarter."
    assert facts(text, watchlist) == set()


def test_a_segment_before_an_aside_is_what_a_later_verb_reports(watchlist):
    text = ("In the second quarter of 2026, MiniMax's model-as-a-service unit, which sells API access to developers, "
            "generated $21 million, or 35% of the total.")
    assert facts(text, watchlist) == {("minimax", "revenue.cloud", "2026Q2", Decimal("21000000"), "USD", "eq"),
                                      ("minimax", "revenue_share.cloud", "2026Q2", Decimal("35"), "%", "eq")}


def test_crossed_is_more_than_and_guided_is_a_forecast(watchlist):
    text = "Kimi's annualized revenue crossed $150 million in May 2026, people familiar with the matter said."
    assert facts(text, watchlist) == {("moonshot", "arr", "2026-05", Decimal("150000000"), "USD", "gt")}
    text = "June 2, 2026. Zhipu guided for first-half revenue of about 900 million yuan at its annual meeting."
    assert facts(text, watchlist) == set()


def test_rd_alone_names_the_expense(watchlist):
    text = "DeepSeek's 2025 R&D of $210 million was about four times revenue."
    assert facts(text, watchlist) == {("deepseek", "rd_expense", "FY2025", Decimal("210000000"), "USD", "eq"),
                                      ("deepseek", "rd_to_revenue", "FY2025", Decimal("4"), "x", "approx")}


def test_a_bracketed_comparative_dates_only_the_figure_in_it(watchlist):
    # "（2024年：2.2亿元）" is last year's figure: the one before the bracket and the bullets after it are this year's
    text = ("2026年3月20日\n\nDeepSeek公布2025年业绩。\n\n要点：\n• 营业收入：6.1亿元（2024年：2.2亿元）\n• 毛利率：52.3%\n"
            "• 经调整净亏损：3.4亿元\n• 研发开支：9.8亿元")
    assert facts(text, watchlist) == {
        ("deepseek", "revenue", "FY2025", Decimal("610000000"), "CNY", "eq"),
        ("deepseek", "revenue", "FY2024", Decimal("220000000"), "CNY", "eq"),
        ("deepseek", "gross_margin", "FY2025", Decimal("52.3"), "%", "eq"),
        ("deepseek", "adjusted_net_loss", "FY2025", Decimal("340000000"), "CNY", "eq"),
        ("deepseek", "rd_expense", "FY2025", Decimal("980000000"), "CNY", "eq")}
    text = ("March 30, 2027. Zhipu reported its results for 2026.\n\nHighlights:\n- Revenue of RMB1,520 million "
            "(2025: RMB738 million)\n- Gross margin of 45.0%")
    assert facts(text, watchlist) == {
        ("zhipu", "revenue", "FY2026", Decimal("1520000000"), "CNY", "eq"),
        ("zhipu", "revenue", "FY2025", Decimal("738000000"), "CNY", "eq"),
        ("zhipu", "gross_margin", "FY2026", Decimal("45.0"), "%", "eq")}


def test_the_items_of_a_list_share_the_period_named_above_it(watchlist):
    text = ("August 28, 2026. MiniMax reported results for the first half of 2026.\n\nKey numbers:\n"
            "1. Revenue of $96 million\n2. Gross margin of 29%\n3. Net loss of $140 million\n"
            "4. Adjusted net loss of $118 million\n5. R&D expense of $131 million")
    got = facts(text, watchlist)
    assert ("minimax", "rd_expense", "2026H1", Decimal("131000000"), "USD", "eq") in got
    assert {f[2] for f in got} == {"2026H1"} and len(got) == 5


def test_a_qualifier_before_the_period_of_a_multiple(watchlist):
    text = "月之暗面2025年研发投入12亿元，约为全年收入的3倍。"
    assert facts(text, watchlist) == {("moonshot", "rd_expense", "FY2025", Decimal("1200000000"), "CNY", "eq"),
                                      ("moonshot", "rd_to_revenue", "FY2025", Decimal("3"), "x", "approx")}


def test_an_expectation_that_moved_the_stock_is_no_forecast(watchlist):
    text = "2026年5月6日\n\n受季度业绩超预期提振，MiniMax昨日（5月5日）股价大涨6%，总市值约1620亿港元。"
    assert facts(text, watchlist) == {("minimax", "market_cap", "2026-05-05", Decimal("162000000000"), "HKD", "approx")}
    text = "2026年5月6日\n\n受纳入港股通预期推动，智谱股价大涨，截至昨日收盘总市值为1450亿港元。"
    assert facts(text, watchlist) == {("zhipu", "market_cap", "2026-05-05", Decimal("145000000000"), "HKD", "eq")}


def test_a_headline_figure_restates_the_dated_one_in_the_body(watchlist):
    # the headline has no date of its own: it is the body's figure of 14 May, not one of the day it was written
    text = "MiniMax市值突破1500亿港元\n\n2026年5月15日\n\nMiniMax昨日（5月14日）收涨5%，市值突破1500亿港元。"
    assert facts(text, watchlist) == {("minimax", "market_cap", "2026-05-14", Decimal("150000000000"), "HKD", "gt")}
    text = "Zhipu tops HK$120 billion in market value\n\nMay 15, 2026. Zhipu's market value topped HK$120 billion on Wednesday."
    assert facts(text, watchlist) == {("zhipu", "market_cap", "2026-05-13", Decimal("120000000000"), "HKD", "gt")}


def test_a_years_figures_before_the_year_is_over_are_a_forecast(watchlist):
    text = "2026年5月20日\n\n我们认为，DeepSeek 2026年毛利率或将下探到35%附近，收入有机会达到20亿元。"
    assert facts(text, watchlist) == set()
    text = "Written on July 2, 2026: Moonshot AI's gross margin for 2026 could slip to about 45%."
    assert facts(text, watchlist) == set()
    # a count of tokens may be given for a year still under way
    text = "2026年5月20日\n\nOpenRouter在2026年的token处理量已超过300万亿。"
    assert ("openrouter", "token_volume", "FY2026", Decimal("300000000000000"), "tokens", "gt") in facts(text, watchlist)


def test_a_segment_that_contributes_a_share(watchlist):
    text = "2025年上半年，DeepSeek收入1.2亿元，其中API业务贡献近八成收入。"
    assert facts(text, watchlist) == {("deepseek", "revenue", "2025H1", Decimal("120000000"), "CNY", "eq"),
                                      ("deepseek", "revenue_share.cloud", "2025H1", Decimal("80"), "%", "approx")}


def test_what_a_company_mainly_does_is_not_the_segment_of_its_revenue(watchlist):
    text = "月之暗面主要靠Kimi订阅赚钱，2025年收入约为1.5亿美元。"
    assert facts(text, watchlist) == {("moonshot", "revenue", "FY2025", Decimal("150000000"), "USD", "approx")}
    text = "Zhipu mainly sells on-premise deployments to state clients; its revenue for 2024 was RMB312 million."
    assert facts(text, watchlist) == {("zhipu", "revenue", "FY2024", Decimal("312000000"), "CNY", "eq")}


def test_a_sum_over_the_two_just_named_is_nobodys(watchlist):
    text = "2026年3月2日\n\n截至昨日收盘，智谱市值约为1100亿港元，MiniMax市值约为1500亿港元，两者合计约2600亿港元。"
    assert facts(text, watchlist) == {("zhipu", "market_cap", "2026-03-01", Decimal("110000000000"), "HKD", "approx"),
                                      ("minimax", "market_cap", "2026-03-01", Decimal("150000000000"), "HKD", "approx")}


def test_a_share_of_revenue_written_before_its_segment(watchlist):
    text = "2025年，DeepSeek约六成收入来自API业务，月之暗面超过一半的收入由面向个人用户的订阅贡献。"
    assert facts(text, watchlist) == {("deepseek", "revenue_share.cloud", "FY2025", Decimal("60"), "%", "approx")}
    text = "2025年，月之暗面逾七成的收入由面向个人用户的Kimi会员贡献。"
    assert facts(text, watchlist) == {("moonshot", "revenue_share.consumer", "FY2025", Decimal("70"), "%", "gt")}


def test_this_ratio_is_the_ratio_just_named(watchlist):
    text = "2025年，DeepSeek的研发开支约为收入的2.1倍，月之暗面这一比例约为3.4倍。"
    assert facts(text, watchlist) == {("deepseek", "rd_to_revenue", "FY2025", Decimal("2.1"), "x", "approx"),
                                      ("moonshot", "rd_to_revenue", "FY2025", Decimal("3.4"), "x", "approx")}


def test_making_up_the_rest_is_a_share(watchlist):
    text = "At DeepSeek, API services were 58% of 1H25 revenue, with consumer apps making up the other 42%."
    assert facts(text, watchlist, published=date(2025, 9, 1)) == {
        ("deepseek", "revenue_share.cloud", "2025H1", Decimal("58"), "%", "eq"),
        ("deepseek", "revenue_share.consumer", "2025H1", Decimal("42"), "%", "eq")}


def test_revenue_from_abroad_is_a_split_by_market(watchlist):
    text = "2025年，月之暗面订阅收入占比约55%，开放平台客户数翻倍，来自海外的收入占比接近六成。"
    assert facts(text, watchlist) == {("moonshot", "revenue_share.consumer", "FY2025", Decimal("55"), "%", "approx")}
    text = "In 2025, DeepSeek's API business grew fast; overseas revenue accounted for about 40% of the total."
    assert facts(text, watchlist) == set()


def test_a_qualifier_after_the_number_before_its_noun(watchlist):
    text = "2025年，DeepSeek八成以上的收入来自开放平台和API调用。"
    assert facts(text, watchlist) == {("deepseek", "revenue_share.cloud", "FY2025", Decimal("80"), "%", "gt")}


def test_an_expected_effect_stays_a_forecast(watchlist):
    text = "2026年1月10日\n\n智谱预计推动2025年收入增长至7亿元，公司预期带动2025年毛利率升至50%。"
    assert facts(text, watchlist) == set()


def test_an_abbreviated_month_does_not_end_the_sentence(watchlist):
    text = "Dec. 2, 2026. MiniMax's revenue for the three months to Sept. 30 was $61 million, up 120% from a year earlier."
    assert facts(text, watchlist) == {("minimax", "revenue", "2026Q3", Decimal("61000000"), "USD", "eq"),
                                      ("minimax", "revenue_growth", "2026Q3", Decimal("120"), "%", "eq")}


def test_months_ended_on_a_day_of_this_year(watchlist):
    # "截至今年6月30日止六個月": the months ending on that day, in the year the text was written
    text = "稀宇科技公布業績，截至今年6月30日止六個月，收入錄得5,310萬美元，按年上升168%。"
    assert facts(text, watchlist, published=date(2026, 8, 28)) == {
        ("minimax", "revenue", "2026H1", Decimal("53100000"), "USD", "eq"),
        ("minimax", "revenue_growth", "2026H1", Decimal("168"), "%", "eq")}
    text = "月之暗面表示，截至去年12月31日止三個月，收入為1.2億元人民幣。"
    assert facts(text, watchlist, published=date(2026, 3, 20)) == {
        ("moonshot", "revenue", "2025Q4", Decimal("120000000"), "CNY", "eq")}


def test_a_change_written_y_slash_y_after_the_figure(watchlist):
    text = "MiniMax 1H26 results\n\n* Revenue: US$53.1 million, +168% y/y\n* Gross margin: 28.5%"
    got = facts(text, watchlist, published=date(2026, 8, 28))
    assert ("minimax", "revenue_growth", "2026H1", Decimal("168"), "%", "eq") in got
    text = "Zhipu's first-half revenue fell to Rmb150 million, down 12% y/y."
    assert ("zhipu", "revenue_growth", "2026H1", Decimal("-12"), "%", "eq") in facts(
        text, watchlist, published=date(2026, 8, 28))


def test_a_list_under_a_plain_heading_sums_up_the_period_the_story_opens_on(watchlist):
    # the nine-month aside written just above the list does not date it: the list sums up the quarter
    text = ("Zhipu Revenue Doubles\n\nZhipu said on Tuesday that revenue rose 110% in the second quarter, "
            "helped by demand from state-owned enterprises for on-premise deployments of its GLM models.\n\n"
            "Sales reached Rmb410 million in the three months ended June 30. Revenue for the first half of the "
            "year came to Rmb700 million.\n\nHighlights\n\n- Gross margin narrowed to 41%.\n"
            "- Research and development spending came to Rmb1.2 billion.\n")
    got = facts(text, watchlist, published=date(2026, 8, 20))
    assert ("zhipu", "gross_margin", "2026Q2", Decimal("41"), "%", "eq") in got
    assert ("zhipu", "rd_expense", "2026Q2", Decimal("1200000000"), "CNY", "eq") in got
    assert not {f for f in got if f[2] == "2026H1" and f[1] != "revenue"}
    text = ("稀宇科技第三季度收入增长八成\n\n稀宇科技周四公布，第三季度收入同比增长81%，至5200万美元，海外订阅收入继续拉动增长，"
            "公司在港股市场的表现也好于同业。前三季度累计收入为1.3亿美元。\n\n要点：\n\n• 毛利率为31%。\n• 经调整净亏损为6100万美元。\n")
    got = facts(text, watchlist, published=date(2026, 11, 14))
    assert ("minimax", "gross_margin", "2026Q3", Decimal("31"), "%", "eq") in got
    assert ("minimax", "adjusted_net_loss", "2026Q3", Decimal("61000000"), "USD", "eq") in got


def test_zhao_is_a_trillion_in_taiwan_press(watchlist):
    # Taiwan writes 兆 for 萬億; 兆瓦 (megawatt) and 兆位元組 are units, not a magnitude
    text = "月之暗面表示，Kimi在10月日均處理約8.2兆個token，較6月成長四成。"
    assert facts(text, watchlist, published=date(2026, 11, 5)) == {
        ("moonshot", "daily_token_volume", "2026-10", Decimal("8200000000000"), "tokens/day", "approx")}
    text = "稀宇科技9月日均token呼叫量突破12兆，公司新建的資料中心功率為300兆瓦。"
    got = facts(text, watchlist, published=date(2026, 10, 20))
    assert ("minimax", "daily_token_volume", "2026-09", Decimal("12000000000000"), "tokens/day", "gt") in got
    assert not {f for f in got if f[3] == Decimal("300000000000000")}


def test_pct_after_chinese_is_percentage_points(watchlist):
    # a broker's "同比-4.1pct" / "提升约9pct" is a change in points, not a margin or share of its own
    text = "1H26稀宇科技毛利率28.5%，同比-4.1pct；AI原生产品收入占比62%，较2025年全年提升约9pct。"
    got = facts(text, watchlist, published=date(2026, 8, 30))
    assert ("minimax", "gross_margin", "2026H1", Decimal("28.5"), "%", "eq") in got
    assert not {f for f in got if f[3] in (Decimal("-4.1"), Decimal("4.1"), Decimal("9"))}
    text = "Zhipu's gross margin was 44 pct in the first half of 2026."
    assert ("zhipu", "gross_margin", "2026H1", Decimal("44"), "%", "eq") in facts(text, watchlist)


def test_a_headings_unit_in_brackets_gives_the_items_below_their_currency(watchlist):
    # "(…; US$)" closing a heading: the items' "53.1 million" are dollars, as "（单位：亿元）" scales a table
    text = ("MiniMax interim results: the numbers\n\nKey figures (six months to June 30, 2026; US$)\n\n"
            "- Revenue: 53.1 million\n- Adjusted net loss: 61.4 million\n")
    got = facts(text, watchlist, published=date(2026, 8, 28))
    assert ("minimax", "revenue", "2026H1", Decimal("53100000"), "USD", "eq") in got
    assert ("minimax", "adjusted_net_loss", "2026H1", Decimal("61400000"), "USD", "eq") in got
    text = "智谱中期业绩速览\n\n核心数据（2026年上半年；人民币）\n\n• 营收：6.9亿\n• 研发开支：21.5亿\n"
    got = facts(text, watchlist, published=date(2026, 8, 28))
    assert ("zhipu", "revenue", "2026H1", Decimal("690000000"), "CNY", "eq") in got
    assert ("zhipu", "rd_expense", "2026H1", Decimal("2150000000"), "CNY", "eq") in got


def test_a_slash_dateline_dates_the_text(watchlist):
    # "2026/11/03" under the masthead: "今年上半年" is 2026's
    text = "科技新報｜AI產業\n2026/11/03\n\n月之暗面今年上半年營收為1.1億美元，年增150%。"
    assert facts(text, watchlist) == {
        ("moonshot", "revenue", "2026H1", Decimal("110000000"), "USD", "eq"),
        ("moonshot", "revenue_growth", "2026H1", Decimal("150"), "%", "eq")}


def test_a_rounded_headline_figure_restates_the_bodys(watchlist):
    # the headline's "突破3億美元" is the body's dated 3.15億美元, not a second figure of the document's day
    text = ("Kimi年化收入突破3億美元\n\n2026年9月22日\n\n據知情人士透露，截至8月底，月之暗面的年化經常性收入（ARR）約為3.15億美元。")
    assert facts(text, watchlist, published=date(2026, 9, 22)) == {
        ("moonshot", "arr", "2026-08", Decimal("315000000"), "USD", "approx")}
    # one far from it is another figure
    text = ("Kimi年化收入突破4億美元\n\n2026年9月22日\n\n據知情人士透露，截至8月底，月之暗面的年化經常性收入（ARR）約為3.15億美元。")
    assert ("moonshot", "arr", "2026-09-22", Decimal("400000000"), "USD", "gt") in facts(
        text, watchlist, published=date(2026, 9, 22))


def test_the_following_year_is_the_year_after_the_one_named(watchlist):
    text = "2024年，月之暗面收入为1200万美元；次年，随着Kimi付费版推出，收入增至5600万美元，增幅约367%。"
    assert facts(text, watchlist, published=date(2026, 5, 1)) == {
        ("moonshot", "revenue", "FY2024", Decimal("12000000"), "USD", "eq"),
        ("moonshot", "revenue", "FY2025", Decimal("56000000"), "USD", "eq"),
        ("moonshot", "revenue_growth", "FY2025", Decimal("367"), "%", "approx")}
    text = ("DeepSeek's revenue was $8 million in 2023. The following year, revenue rose to $31 million as API "
            "prices fell.")
    assert ("deepseek", "revenue", "FY2024", Decimal("31000000"), "USD", "eq") in facts(
        text, watchlist, published=date(2026, 5, 1))


def test_a_brokers_signed_change_after_tongbi(watchlist):
    # "同比+86%": a broker's shorthand for 同比增长86%
    text = "2Q26稀宇科技实现营收5100万美元，同比+86%；上半年累计营收9500万美元，同比+112%。"
    got = facts(text, watchlist, published=date(2026, 8, 30))
    assert ("minimax", "revenue_growth", "2026Q2", Decimal("86"), "%", "eq") in got
    assert ("minimax", "revenue_growth", "2026H1", Decimal("112"), "%", "eq") in got


def test_a_period_after_a_semicolon_is_the_next_clauses(watchlist):
    # the 4Q26 after "；" is a forecast's, not the period of the share before it (which the quarter above dates)
    text = ("2026年第三季度，稀宇科技收入为5200万美元。\n\n开放平台收入占比升至41%；我们预计4Q26开放平台收入将继续提升。")
    got = facts(text, watchlist, published=date(2026, 11, 20))
    assert ("minimax", "revenue_share.cloud", "2026Q3", Decimal("41"), "%", "eq") in got


def test_a_year_earlier_ends_its_own_clause(watchlist):
    # "a year earlier" is the base of its clause's comparison; the R&D figure in the next clause is this year's
    text = ("In 2025 Moonshot's revenue of $56mn was up 367 per cent on the previous year, and research spending "
            "of $190mn was more than three times sales.")
    got = facts(text, watchlist, published=date(2026, 5, 1))
    assert ("moonshot", "rd_expense", "FY2025", Decimal("190000000"), "USD", "eq") in got
    assert ("moonshot", "rd_to_revenue", "FY2025", Decimal("3"), "x", "gt") in got
    assert not {f for f in got if f[2] == "FY2024"}
    text = ("DeepSeek's first-half revenue rose to $40 million from $22 million a year earlier, while research costs "
            "over the six months reached $95 million.")
    got = facts(text, watchlist, published=date(2026, 9, 1))
    assert ("deepseek", "rd_expense", "2026H1", Decimal("95000000"), "USD", "eq") in got
    assert not {f for f in got if f[1] == "revenue" and f[3] == Decimal("95000000")}


def test_that_year_is_the_year_just_named(watchlist):
    # "那一年" after "从2024年开始": 2024; with no year near it, "那一年" (back then) dates nothing
    text = "月之暗面的转折是从2024年开始的。那一年Kimi订阅收入的占比升到41%。"
    assert facts(text, watchlist, published=date(2026, 5, 1)) == {
        ("moonshot", "revenue_share.consumer", "FY2024", Decimal("41"), "%", "eq")}
    text = "2025年，稀宇科技研发开支为2.5亿美元。該年稀宇科技經調整淨虧損為2.7億美元。"
    assert ("minimax", "adjusted_net_loss", "FY2025", Decimal("270000000"), "USD", "eq") in facts(
        text, watchlist, published=date(2026, 5, 1))
    text = "那一年Kimi订阅收入的占比就超过了四成。"
    assert facts(text, watchlist, published=date(2026, 5, 1)) == set()
    # "当年" is as often "back then": "创下当年港股新高" is no period of the market value after it
    text = "1月9日，稀宇科技上市，冻结资金创下当年港股新高，收盘时市值冲破1000亿港元。"
    assert facts(text, watchlist, published=date(2026, 7, 9)) == {
        ("minimax", "market_cap", "2026-01-09", Decimal("100000000000"), "HKD", "gt")}


def test_the_end_of_a_month_dates_a_rate_by_the_month(watchlist):
    # "at the end of August" is a day; a run rate or a daily volume then is the month's (as "8月底" is)
    text = "October 2, 2026 — Zhipu said its annualized revenue run-rate passed $200 million at the end of August."
    assert facts(text, watchlist) == {("zhipu", "arr", "2026-08", Decimal("200000000"), "USD", "gt")}
    text = "By the end of June 2026 DeepSeek was processing about 20 trillion tokens a day, a company engineer said."
    assert facts(text, watchlist, published=date(2026, 9, 1)) == {
        ("deepseek", "daily_token_volume", "2026-06", Decimal("20000000000000"), "tokens/day", "approx")}


def test_a_day_without_its_year_is_not_months_ahead(watchlist):
    # in September, "1月8日" is this January, not next: a day more than a month ahead is no news of the document
    text = "回顾今年上半年，智谱1月8日挂牌，首日收盘市值超过570亿港元。"
    assert facts(text, watchlist, published=date(2026, 9, 20)) == {
        ("zhipu", "market_cap", "2026-01-08", Decimal("57000000000"), "HKD", "gt")}
    # written on 28 December, "1月5日" a week ahead is still next year's
    text = "智谱宣布，将于1月5日公布业绩。12月27日收盘，智谱市值为2400亿港元。"
    assert ("zhipu", "market_cap", "2026-12-27", Decimal("240000000000"), "HKD", "eq") in facts(
        text, watchlist, published=date(2026, 12, 28))


def test_lost_written_as_a_verb_is_the_net_loss(watchlist):
    # "在2025年亏损8.1亿元": the verb is the year's loss; an operating loss or the losses summed over years are not
    text = "按经调整口径，月之暗面在2025年亏损8.1亿元，2026年上半年亏损进一步扩大到5.2亿元。"
    assert facts(text, watchlist, published=date(2026, 9, 1)) == {
        ("moonshot", "adjusted_net_loss", "FY2025", Decimal("810000000"), "CNY", "eq"),
        ("moonshot", "adjusted_net_loss", "2026H1", Decimal("520000000"), "CNY", "eq")}
    text = "2025年，智譜虧損29.6億元人民幣；經營虧損為31億元，累計虧損已超過100億元。"
    assert facts(text, watchlist, published=date(2026, 4, 1)) == {
        ("zhipu", "net_loss", "FY2025", Decimal("2960000000"), "CNY", "eq")}


def test_a_base_year_after_from_does_not_date_the_next_month(watchlist):
    # "down from 52% in 2024" is the base of a change: "in May" after it is the document's year, not 2024
    text = ("The top five customers accounted for 38% of first-half revenue, down from 52% in 2024.\n\n"
            "Moonshot said average daily token calls passed 9 trillion in May.")
    got = facts(text, watchlist, published=date(2026, 8, 30))
    assert ("moonshot", "daily_token_volume", "2026-05", Decimal("9000000000000"), "tokens/day", "gt") in got


def test_a_weekdays_close_is_that_day(watchlist):
    # "at Wednesday's close" in a Friday story: that Wednesday's market value
    text = "MiniMax's market value at Wednesday's close was HK$215bn, according to exchange data."
    assert facts(text, watchlist, published=date(2026, 8, 14)) == {
        ("minimax", "market_cap", "2026-08-12", Decimal("215000000000"), "HKD", "eq")}


def test_a_share_comes_from_the_segment_named_after_it(watchlist):
    # "其余42%来自开放平台": the segment after 来自, not the one the sentence named first
    text = "2026年上半年，月之暗面的订阅收入占总收入的58%，其余42%来自开放平台。"
    got = facts(text, watchlist, published=date(2026, 9, 1))
    assert ("moonshot", "revenue_share.consumer", "2026H1", Decimal("58"), "%", "eq") in got
    assert ("moonshot", "revenue_share.cloud", "2026H1", Decimal("42"), "%", "eq") in got
    text = ("In the first half of 2026 subscriptions made up 61% of DeepSeek's revenue, while the remaining 39% came "
            "from API services.")
    got = facts(text, watchlist, published=date(2026, 9, 1))
    assert ("deepseek", "revenue_share.cloud", "2026H1", Decimal("39"), "%", "eq") in got


def test_a_conversion_naming_its_currency_in_words(watchlist):
    # "（折合人民币约3.6亿元）": the same revenue in yuan, not a second figure
    text = "2025年，月之暗面营收为5000万美元（折合人民币约3.6亿元）。"
    assert facts(text, watchlist, published=date(2026, 4, 1)) == {
        ("moonshot", "revenue", "FY2025", Decimal("50000000"), "USD", "eq")}


def test_a_figure_rounded_from_another_of_its_period_restates_it(watchlist):
    # the headline's "营收1.24亿美元" is the body's 1.238亿美元 rounded, not a second revenue of the half
    text = ("【稀宇科技上半年营收1.24亿美元】\n\n2026年上半年，稀宇科技实现营收1.238亿美元，同比增长133%。")
    got = facts(text, watchlist, published=date(2026, 8, 28))
    assert {f for f in got if f[1] == "revenue"} == {
        ("minimax", "revenue", "2026H1", Decimal("123800000"), "USD", "eq")}
    # a bound ("超1.2亿美元") is a claim of its own and stays
    text = ("稀宇科技上半年营收超1.2亿美元\n\n2026年上半年，稀宇科技实现营收1.238亿美元。")
    got = facts(text, watchlist, published=date(2026, 8, 28))
    assert ("minimax", "revenue", "2026H1", Decimal("120000000"), "USD", "gt") in got


def test_should_and_implying_are_forward_looking(watchlist):
    # guidance and what it implies are no results
    text = ("MiniMax reiterated that 2026 revenue should exceed $180 million, implying second-half revenue of at "
            "least $85 million.")
    assert facts(text, watchlist, published=date(2026, 8, 28)) == set()
