"""General rules of how the press writes, found on the eighth blind set and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_year_compared_against_does_not_date_the_months_after_it(watchlist):
    # "已超过2025年全年", "作为对比，2025年…", "一年前的2025年8月": bases of comparisons; a month written without its
    # year later on is the latest such month by the document's date
    text = ("DeepSeek前十个月的API收入已超过2025年全年。\n\n"
            "8月DeepSeek开放平台日均token调用量约为12万亿。")
    assert ("deepseek", "daily_token_volume", "2026-08", Decimal("12000000000000"), "tokens/day", "approx") in \
        facts(text, watchlist, published=date(2026, 11, 3))
    text = ("作为对比，2025年MiniMax海外收入占比为70%。\n\n"
            "3月份，MiniMax开放平台日均token调用量达到6万亿。")
    assert ("minimax", "daily_token_volume", "2026-03", Decimal("6000000000000"), "tokens/day", "eq") in \
        facts(text, watchlist, published=date(2026, 4, 20))
    text = "7月Kimi日均token调用量约9万亿；一年前的2025年7月，这一数字约为3万亿。5月，月之暗面ARR首次突破2亿美元。"
    got = facts(text, watchlist, published=date(2026, 8, 15))
    assert ("moonshot", "arr", "2026-05", Decimal("200000000"), "USD", "gt") in got
    assert not {f for f in got if f[1] == "arr" and f[2] != "2026-05"}


def test_a_currency_declared_for_the_rest_of_the_text(watchlist):
    # "（港元，下同）": a Hong Kong paper's 億元 is Hong Kong dollars from there on, the figure just before included;
    # a figure that names 人民幣 stays in yuan
    text = ("智譜昨日收市報502元，市值約2210億元（港元，下同）。\n\n"
            "智譜上半年收入3.8億元人民幣，按年增長180%。MiniMax今日收市市值突破900億元。")
    got = facts(text, watchlist, published=date(2026, 10, 9))
    assert ("zhipu", "market_cap", "2026-10-08", Decimal("221000000000"), "HKD", "approx") in got
    assert ("minimax", "market_cap", "2026-10-09", Decimal("90000000000"), "HKD", "gt") in got
    assert ("zhipu", "revenue", "2026H1", Decimal("380000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1] == "market_cap" and f[4] == "CNY"}


def test_a_declaration_after_a_unit_line_and_a_taiwan_dollar_declaration(watchlist):
    # a unit line's "下同" earlier in the text does not hide the currency declared after it; 新台幣 is written before
    # figures, and its declaration reads like the others (it once raised a KeyError and lost the document)
    text = ("（单位：亿元，下同）\n\n智譜昨日收市市值約2210億元（港元，下同）。MiniMax今日收市市值突破900億元。")
    got = facts(text, watchlist, published=date(2026, 10, 9))
    assert ("minimax", "market_cap", "2026-10-09", Decimal("90000000000"), "HKD", "gt") in got
    assert not {f for f in got if f[4] == "CNY"}
    text = "台灣媒體估算，MiniMax市值約3000億元（新台幣，下同），智譜今日收市市值約2800億元。"
    assert {f[4] for f in facts(text, watchlist, published=date(2026, 10, 9))} <= {"TWD"}


def test_without_a_declaration_yuan_stays_yuan(watchlist):
    text = "智谱市值约2210亿元（下同为收盘数据）。智谱上半年收入3.8亿元。"
    assert {f[4] for f in facts(text, watchlist, published=date(2026, 10, 9))} == {"CNY"}


def test_taiwan_press_writes_net_loss_as_jing_sun(watchlist):
    # 淨損 is Taiwan's 净亏损; 淨損益 (a net gain or loss line) is no loss
    text = "智譜上半年淨損18.2億元人民幣，經調整後淨損則為12.6億元人民幣。"
    assert facts(text, watchlist, published=date(2026, 8, 30)) == {
        ("zhipu", "net_loss", "2026H1", Decimal("1820000000"), "CNY", "eq"),
        ("zhipu", "adjusted_net_loss", "2026H1", Decimal("1260000000"), "CNY", "eq")}
    assert not facts("智譜上半年金融資產淨損益為-3.1億元人民幣。", watchlist, published=date(2026, 8, 30))


def test_a_share_of_total_revenue_in_tenths(watchlist):
    # "佔總營收約七成四": a share of total revenue, written with 總營收 right after 佔
    text = "智譜第二季雲端業務收入2.2億元人民幣，佔總營收約四成四。"
    assert ("zhipu", "revenue_share.cloud", "2026Q2", Decimal("44"), "%", "approx") in \
        facts(text, watchlist, published=date(2026, 8, 30))
    text = "DeepSeek上半年API业务收入占总营收的81%。"
    assert facts(text, watchlist, published=date(2026, 8, 30)) == {
        ("deepseek", "revenue_share.cloud", "2026H1", Decimal("81"), "%", "eq")}


def test_a_segment_named_as_the_cause_is_not_the_figures(watchlist):
    # "受惠…放量，营收…": the segment drove the company's revenue; the figure is the total
    text = "受益于本地化部署订单集中交付，智谱上半年营收达9.6亿元，同比增长140%。"
    assert facts(text, watchlist, published=date(2026, 8, 30)) == {
        ("zhipu", "revenue", "2026H1", Decimal("960000000"), "CNY", "eq"),
        ("zhipu", "revenue_growth", "2026H1", Decimal("140"), "%", "eq")}
    text = "Driven by API demand, DeepSeek's revenue for the first half rose 90% to $210 million."
    assert {f[1] for f in facts(text, watchlist, published=date(2026, 8, 30))} == {"revenue", "revenue_growth"}


def test_a_headlines_next_phrase_does_not_date_the_figure_before_it(watchlist):
    # a space between the halves of a Chinese headline: the period after it opens the next phrase
    text = "智谱上半年营收同比增长140% 第二季度毛利率回升至45%"
    assert facts(text, watchlist, published=date(2026, 8, 30)) == {
        ("zhipu", "revenue_growth", "2026H1", Decimal("140"), "%", "eq"),
        ("zhipu", "gross_margin", "2026Q2", Decimal("45"), "%", "eq")}


def test_a_day_of_the_month_written_alone(watchlist):
    # "12日收市": the document's month; "1月8日…9日": the month of the day just named; the day before the 1st of
    # the document's month is last month's
    assert facts("智譜股價12日收報520港元，市值約2290億港元。", watchlist, published=date(2026, 6, 13)) == {
        ("zhipu", "market_cap", "2026-06-12", Decimal("229000000000"), "HKD", "approx")}
    text = "智谱于1月8日挂牌，首日市值逾500亿港元；MiniMax则在9日上市，首日市值突破900亿港元。"
    assert facts(text, watchlist, published=date(2026, 3, 2)) == {
        ("zhipu", "market_cap", "2026-01-08", Decimal("50000000000"), "HKD", "gt"),
        ("minimax", "market_cap", "2026-01-09", Decimal("90000000000"), "HKD", "gt")}
    assert facts("MiniMax 30日收盘市值约2000亿港元。", watchlist, published=date(2026, 7, 2)) == {
        ("minimax", "market_cap", "2026-06-30", Decimal("200000000000"), "HKD", "approx")}
    # "近30日" is a duration, not a day
    assert facts("智谱近30日股价累计上涨20%，市值约2290亿港元。", watchlist, published=date(2026, 6, 13)) == {
        ("zhipu", "market_cap", "2026-06-13", Decimal("229000000000"), "HKD", "approx")}


def test_the_loss_after_an_adjusted_basis_is_the_adjusted_loss(watchlist):
    text = ("Zhipu's net loss for the first half of 2026 was 2.9 billion yuan; on an adjusted basis, excluding "
            "share-based payments, the loss narrowed to 2.1 billion yuan.")
    assert facts(text, watchlist) == {
        ("zhipu", "net_loss", "2026H1", Decimal("2900000000"), "CNY", "eq"),
        ("zhipu", "adjusted_net_loss", "2026H1", Decimal("2100000000"), "CNY", "eq")}
    assert not facts("In the first half of 2026, Zhipu said the loss on the disposal was 20 million yuan.", watchlist)


def test_a_share_restated_as_its_amount_is_no_conversion(watchlist):
    # "the remaining 41%, or about $9 million": the share's amount; "约合" after an amount in another currency converts
    text = ("In the second quarter of 2026, DeepSeek's API business contributed the remaining 41%, "
            "or about $9.5 million.")
    assert facts(text, watchlist) == {
        ("deepseek", "revenue_share.cloud", "2026Q2", Decimal("41"), "%", "eq"),
        ("deepseek", "revenue.cloud", "2026Q2", Decimal("9500000"), "USD", "approx")}
    text = "MiniMax上半年營收為8,100萬美元，年增150%，約合新台幣26億元。"
    assert {f[4] for f in facts(text, watchlist, published=date(2026, 9, 1))} == {"USD", "%"}


def test_twice_a_periods_revenue_is_a_multiple(watchlist):
    text = "Zhipu's research and development costs in the third quarter of 2026 were 1.3 billion yuan, more than twice its revenue."
    assert ("zhipu", "rd_to_revenue", "2026Q3", Decimal("2"), "x", "gt") in facts(text, watchlist)
    # "twice as fast" compares rates: no multiple of anything
    text = "In the third quarter of 2026, Zhipu's R&D spending grew twice as fast as its revenue, up 80%."
    assert not {f for f in facts(text, watchlist) if f[4] == "x"}


def test_valued_at_on_a_trading_day_is_a_market_value(watchlist):
    # "valued at" / "worth" is the market's value only on a day of trading the sentence names; otherwise a
    # private round's valuation or an estimate
    text = "At Tuesday's close, MiniMax was worth HK$212 billion and Zhipu HK$199 billion - together HK$411 billion."
    assert facts(text, watchlist, published=date(2026, 9, 9)) == {
        ("minimax", "market_cap", "2026-09-08", Decimal("212000000000"), "HKD", "eq"),
        ("zhipu", "market_cap", "2026-09-08", Decimal("199000000000"), "HKD", "eq")}
    text = "On its first day of trading on January 8, Zhipu ended valued at in excess of HK$55 billion."
    assert facts(text, watchlist, published=date(2026, 9, 9)) == {
        ("zhipu", "market_cap", "2026-01-08", Decimal("55000000000"), "HKD", "gt")}
    text = "Moonshot AI was valued at about US$4.8 billion in a funding round in May, and is worth more today."
    assert not facts(text, watchlist, published=date(2026, 9, 9))


def test_an_aside_about_plans_forecasts_no_figure(watchlist):
    # "which has no plans to list": an aside about the company; the figure after it is a result
    text = "Moonshot AI, which plans to list in Hong Kong, said Kimi processed about 8 trillion tokens a day in August."
    assert facts(text, watchlist, published=date(2026, 9, 9)) == {
        ("moonshot", "daily_token_volume", "2026-08", Decimal("8000000000000"), "tokens/day", "approx")}
    assert not facts("Moonshot AI plans to process 20 trillion tokens a day in 2027.", watchlist,
                     published=date(2026, 9, 9))


def test_british_annualised_recurring_revenue_and_an_offering_size(watchlist):
    text = ("Moonshot AI said its annualised recurring revenue topped US$450 million at the end of August, "
            "and it is weighing a listing that could raise US$1.5 billion.")
    assert facts(text, watchlist, published=date(2026, 9, 9)) == {
        ("moonshot", "arr", "2026-08", Decimal("450000000"), "USD", "gt")}


def test_list_items_state_the_metric_their_heading_names(watchlist):
    # a heading line without figures names the metric; the items under it give period and value only
    text = ("智谱招股书要点如下。\n\n"
            "一、营业收入：三年翻了五倍\n"
            "- 2023年：1.245亿元\n"
            "- 2024年前六个月：4490万元，上年同期为1590万元，同比增长182.4%\n\n"
            "【毛利率：高于同行】\n"
            "- 2023年：64.6%\n")
    assert facts(text, watchlist, published=date(2025, 12, 1)) == {
        ("zhipu", "revenue", "FY2023", Decimal("124500000"), "CNY", "eq"),
        ("zhipu", "revenue", "2024H1", Decimal("44900000"), "CNY", "eq"),
        ("zhipu", "revenue", "2023H1", Decimal("15900000"), "CNY", "eq"),
        ("zhipu", "revenue_growth", "2024H1", Decimal("182.4"), "%", "eq"),
        ("zhipu", "gross_margin", "FY2023", Decimal("64.6"), "%", "eq")}


def test_a_numbered_list_under_a_heading_keeps_its_item_numbers_out(watchlist):
    text = "MiniMax的收入如下：\n1. 2023年：346万美元\n2. 2024年：3052万美元\n"
    assert facts(text, watchlist, published=date(2025, 12, 1)) == {
        ("minimax", "revenue", "FY2023", Decimal("3460000"), "USD", "eq"),
        ("minimax", "revenue", "FY2024", Decimal("30520000"), "USD", "eq")}


def test_a_value_if_priced_at_the_top_of_the_range_is_hypothetical(watchlist):
    text = "截至2025年12月1日，若按招股价上限计算，MiniMax上市时市值约为500亿港元。"
    assert not facts(text, watchlist, published=date(2025, 12, 2))


def test_a_year_in_an_outlook_does_not_date_a_later_month(watchlist):
    # "before 2028" is an outlook; "at the end of August" after it is the latest August by the letter's date
    text = ("We do not expect margins to recover before 2028. DeepSeek's annualised revenue run-rate was about "
            "US$500 million at the end of August, by its own account.")
    assert facts(text, watchlist, published=date(2026, 9, 20)) == {
        ("deepseek", "arr", "2026-08", Decimal("500000000"), "USD", "approx")}


def test_projects_is_a_noun_as_often_as_a_forecast(watchlist):
    text = "In the first half of 2026, MiniMax's enterprise API projects made up 37% of revenue."
    assert facts(text, watchlist) == {("minimax", "revenue_share.cloud", "2026H1", Decimal("37"), "%", "eq")}
    assert not facts("MiniMax projects revenue of US$200 million for 2027.", watchlist, published=date(2026, 9, 20))


def test_the_rest_of_a_share_is_of_that_shares_period(watchlist):
    # "the remaining 62%" completes the share just given, not the comparison year named between them
    text = ("In the first half of 2026, DeepSeek's API business generated 38% of revenue, against 30% for full-year "
            "2025; consumer subscriptions made up the remaining 62%.")
    got = facts(text, watchlist)
    assert ("deepseek", "revenue_share.consumer", "2026H1", Decimal("62"), "%", "eq") in got
    assert not {f for f in got if f[1] == "revenue_share.consumer" and f[2] != "2026H1"}


def test_an_amount_converted_at_an_exchange_rate(watchlist):
    # "按…汇率折算，大约是…": a restatement in another currency, not a second figure
    text = "MiniMax上半年收入为7430万美元。若把MiniMax上半年的收入按7.2的汇率折算，大约是5.35亿元人民币。"
    assert facts(text, watchlist, published=date(2026, 9, 1)) == {
        ("minimax", "revenue", "2026H1", Decimal("74300000"), "USD", "eq")}


def test_a_change_written_after_its_number(watchlist):
    # "a 90 per cent increase" is the growth of the metric named before it, or of the one after "in"
    text = "In the first half of 2026, DeepSeek's revenue reached $210 million, a 90 per cent increase."
    assert ("deepseek", "revenue_growth", "2026H1", Decimal("90"), "%", "eq") in facts(text, watchlist)
    text = "In the first half of 2026, DeepSeek's R&D spending rose to $150 million, a 60 per cent increase."
    assert not {f for f in facts(text, watchlist) if f[1].startswith("revenue_growth")}
    text = "In the first half of 2026, DeepSeek's revenue reached $210 million, with a 30 per cent rise in staff."
    assert not {f for f in facts(text, watchlist) if f[1].startswith("revenue_growth")}


def test_a_change_before_its_noun_is_of_the_company(watchlist):
    # "posts 120% jump in H1 revenue as cloud demand surges": the segment after is the cause, not the figure's
    text = "MiniMax posts 120% jump in first-half 2026 revenue as API demand surges"
    assert facts(text, watchlist, published=date(2026, 9, 1)) == {
        ("minimax", "revenue_growth", "2026H1", Decimal("120"), "%", "eq")}
