"""General rules of how the Chinese press writes, found on the eleventh blind set and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_month_put_in_last_year_for_want_of_a_year_lends_no_year(watchlist):
    # "12月" in a November brief is next month's meeting, read as last December only as a guess: the quarter
    # named a few lines on is this year's
    text = ("1. 市场普遍认为12月将再次降准。\n"
            "2. 月之暗面第三季度收入2.3亿美元，同比增长85%。")
    got = facts(text, watchlist, published=date(2027, 11, 20))
    assert ("moonshot", "revenue", "2027Q3", Decimal("230000000"), "USD", "eq") in got
    assert not {f for f in got if f[2].startswith("2026")}
    text = "分析師預期12月出口回暖。\nMiniMax第二季毛利率為35.5%。"
    got = facts(text, watchlist, published=date(2027, 10, 5))
    assert ("minimax", "gross_margin", "2027Q2", Decimal("35.5"), "%", "eq") in got


def test_a_period_after_the_year_of_writing_frames_nothing(watchlist):
    # "明年上半年" in an item about rate bets is an outlook: the bare quarter of the results item after it is still
    # this year's, not next year's
    text = ("2027年11月26日\n\n"
            "1. 交易员对明年上半年降息的押注升至六成。\n"
            "2. 港股昨日收涨0.8%。\n"
            "3. DeepSeek三季度收入为5.1亿元，同比增长120%。")
    got = facts(text, watchlist)
    assert ("deepseek", "revenue", "2027Q3", Decimal("510000000"), "CNY", "eq") in got
    assert not {f for f in got if f[2].startswith("2028")}
    text = ("2027年10月9日\n\n明年下半年市場或迎來新一輪擴產。\n昨日股市回穩。\n"
            "智譜第二季經調整淨虧損為12.2億元。")
    got = facts(text, watchlist)
    assert ("zhipu", "adjusted_net_loss", "2027Q2", Decimal("1220000000"), "CNY", "eq") in got


def test_what_a_company_will_post_is_a_forecast(watchlist):
    # a period after the year of writing no longer frames the bare "full-year" after it, so the estimate must be
    # dropped for what it says: "will post" / "will report" is the future, like "will be"
    text = ("Brokers see price cuts deepening in the first half of 2028. "
            "One house estimates Zhipu will post full-year revenue of roughly 2.4 billion yuan.")
    got = facts(text, watchlist, published=date(2027, 11, 30))
    assert not {f for f in got if f[3] == Decimal("2400000000")}
    text = "DeepSeek will report fourth-quarter revenue of about 900 million yuan, a person familiar said."
    got = facts(text, watchlist, published=date(2027, 12, 2))
    assert not got


def test_taiwanese_short_form_of_adjusted_net_loss(watchlist):
    # Taiwan papers write 淨損 for 淨虧損; "經調整淨損" is the adjusted figure, not the loss for the period
    text = "月之暗面第二季經調整淨損擴大至1.9億美元。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("moonshot", "adjusted_net_loss", "2027Q2", Decimal("190000000"), "USD", "eq") in got
    assert not {f for f in got if f[1] == "net_loss"}
    text = "DeepSeek上半年调整后净损约为3.2亿元。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("deepseek", "adjusted_net_loss", "2027H1", Decimal("320000000"), "CNY", "approx") in got


def test_a_daily_average_written_as_a_bare_rate_word(watchlist):
    # "日均约19万亿", "平均每日token調用量": the rate word alone says the figure is per day, and a token count after
    # "平均每日" is a daily one, not a month's total
    text = "据第三方统计，DeepSeek 8月日均约36万亿；月之暗面8月日均大概16万亿。"
    got = facts(text, watchlist, published=date(2027, 9, 10))
    assert ("deepseek", "daily_token_volume", "2027-08", Decimal("36000000000000"), "tokens/day", "approx") in got
    assert ("moonshot", "daily_token_volume", "2027-08", Decimal("16000000000000"), "tokens/day", "approx") in got
    text = "MiniMax 8月份平均每日token調用量約18萬億，7月份則約為17萬億。"
    got = facts(text, watchlist, published=date(2027, 9, 10))
    assert ("minimax", "daily_token_volume", "2027-08", Decimal("18000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[1] == "token_volume"}


def test_a_model_brand_of_a_company_not_watched_is_not_the_subject(watchlist):
    # "豆包", "通义千问" are ByteDance's and Alibaba's models: their figures are theirs, never the article's company's
    text = "智谱8月日均token调用量约64万亿。\n\n• 豆包（参考）｜8月日均 95万亿+ tokens"
    got = facts(text, watchlist, published=date(2027, 9, 10))
    assert ("zhipu", "daily_token_volume", "2027-08", Decimal("64000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[3] == Decimal("95000000000000")}
    text = "MiniMax第二季度收入增长六成。通义千问8月日均调用量约50万亿。"
    got = facts(text, watchlist, published=date(2027, 9, 10))
    assert not {f for f in got if f[3] == Decimal("50000000000000")}


def test_it_in_an_answer_is_the_company_the_question_named(watchlist):
    # an interview answer that speaks of "它" is about the company the question before it named, not the article's
    # subject; so are the answer's later sentences naming no company
    text = ("记者：智谱上周发了财报，毛利率46%。\n\n"
            "记者：你怎么看月之暗面的二季度？\n\n"
            "张三：它第二季度收入2.4亿美元，同比增长90%。经调整净亏损1.1亿美元，还在扩大。")
    got = facts(text, watchlist, published=date(2027, 9, 10))
    assert ("moonshot", "revenue", "2027Q2", Decimal("240000000"), "USD", "eq") in got
    assert ("moonshot", "adjusted_net_loss", "2027Q2", Decimal("110000000"), "USD", "eq") in got
    assert not {f for f in got if f[0] == "zhipu" and f[1] != "gross_margin"}
    # "其它" is "other", not "it"
    text = "智谱第二季度收入6.1亿元。\n\n另外，DeepSeek也在扩张。\n\n其它业务收入约0.5亿元。"
    got = facts(text, watchlist, published=date(2027, 9, 10))
    assert not {f for f in got if f[0] == "deepseek"}


def test_a_share_of_a_periods_revenue_written_with_de(watchlist):
    # "占第二季度收入的61%": "收入的" is the share's "of revenue", not a revenue multiple claiming the percentage
    text = "MiniMax披露，开放平台收入占第二季度收入的38.5%，AI原生产品占61.5%。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("minimax", "revenue_share.cloud", "2027Q2", Decimal("38.5"), "%", "eq") in got
    text = "智譜私有化部署佔上半年營收的45%。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("zhipu", "revenue_share.on_premise", "2027H1", Decimal("45"), "%", "eq") in got
    text = "智谱上半年研发开支约为同期营收的2.3倍。"  # a multiple after "营收的" is still the R&D ratio
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("zhipu", "rd_to_revenue", "2027H1", Decimal("2.3"), "x", "approx") in got


def test_a_clause_of_a_period_and_a_number_alone_takes_the_metric_before_it(watchlist):
    # "增速为76%，而上半年为68.3%": the second clause names only its period; the metric is the first clause's, even
    # when its cue is further from the number than the metric allows
    text = "月之暗面第三季度收入同比增速为95%，而上半年为81.2%。"
    got = facts(text, watchlist, published=date(2027, 11, 20))
    assert ("moonshot", "revenue_growth", "2027Q3", Decimal("95"), "%", "eq") in got
    assert ("moonshot", "revenue_growth", "2027H1", Decimal("81.2"), "%", "eq") in got
    text = "DeepSeek二季度营收增长率为120%，一季度则为135%。"
    got = facts(text, watchlist, published=date(2027, 8, 20))
    assert ("deepseek", "revenue_growth", "2027Q1", Decimal("135"), "%", "eq") in got
    # a clause with words of its own beside the period is not elided
    text = "智谱二季度收入增速为70%，而员工人数在上半年为1,500人。"
    got = facts(text, watchlist, published=date(2027, 8, 20))
    assert not {f for f in got if f[3] == Decimal("1500") and f[1] == "revenue_growth"}


def test_a_bold_figure_alone_on_its_line_is_what_the_caption_under_it_names(watchlist):
    # data pieces set each figure in bold on its own line and say what it is in the line under it
    text = ("2027年8月28日\n\n"
            "**5.12亿元**\n\n这是DeepSeek上半年的收入。\n\n"
            "**41.5%**\n\n上半年毛利率。\n\n"
            "**约36万亿**\n\n7月份DeepSeek开放平台的日均token调用量。\n\n"
            "**1,240人**\n\n截至6月30日的员工总数。")
    got = facts(text, watchlist)
    assert ("deepseek", "revenue", "2027H1", Decimal("512000000"), "CNY", "eq") in got
    assert ("deepseek", "gross_margin", "2027H1", Decimal("41.5"), "%", "eq") in got
    assert ("deepseek", "daily_token_volume", "2027-07", Decimal("36000000000000"), "tokens/day", "approx") in got
    # a segment named in the caption is the figure's; a company not watched takes the figure away
    text = ("2027年8月28日\n\n智谱半年报十个数字。\n\n"
            "**52.3%**\n\n云端部署收入占上半年收入的比例。\n\n"
            "**9.6亿元**\n\n百度智能云上半年的收入。")
    got = facts(text, watchlist)
    assert ("zhipu", "revenue_share.cloud", "2027H1", Decimal("52.3"), "%", "eq") in got
    assert not {f for f in got if f[3] == Decimal("960000000")}


def test_a_sentence_of_a_period_and_a_number_alone_takes_the_figure_before_it(watchlist):
    # "二季度是36.3%", "去年同期，这个数字是4620万美元", "同比增长66.5%": a short sentence naming no metric continues
    # the figure of the sentence just before it
    text = ("2027年8月28日\n\n月之暗面上半年收入3.6亿美元。\n\n去年同期，这个数字是**1.9亿美元**。\n\n"
            "同比增长**89.5%**。\n\n上半年毛利率为44.1%。\n\n一季度是42.8%。\n\n"
            "7月份日均token调用量约35万亿。\n\n6月份约为**33万亿**。")
    got = facts(text, watchlist)
    assert ("moonshot", "revenue", "2026H1", Decimal("190000000"), "USD", "eq") in got
    assert ("moonshot", "revenue_growth", "2027H1", Decimal("89.5"), "%", "eq") in got
    assert ("moonshot", "gross_margin", "2027Q1", Decimal("42.8"), "%", "eq") in got
    assert ("moonshot", "daily_token_volume", "2027-06", Decimal("33000000000000"), "tokens/day", "approx") in got
    # a change of something the sentence names is not the figure before's
    text = "MiniMax first-half revenue was $129.7 million. Its share price is up 140% since listing."
    got = facts(text, watchlist, published=date(2027, 8, 28))
    assert not {f for f in got if f[1] == "revenue_growth"}


def test_an_amount_a_figure_widened_by_is_no_level(watchlist):
    # "收入规模扩大了约3亿元": the change between two periods, not the period's revenue or loss
    text = "对比之下，MiniMax今年二季度收入规模扩大了约2,600万美元，而亏损只扩大了900万美元。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert not got
    text = "月之暗面上半年经调整亏损收窄了1.2亿美元。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert not got


def test_a_national_or_industry_total_is_no_companys(watchlist):
    # a briefing's item on a ministry's figures names no company: it is not the briefing's subject's
    text = "智谱昨晚发布业绩。\n统计局数据显示，前三季度全国信息技术服务收入同比增长11.8%。"
    got = facts(text, watchlist, published=date(2027, 10, 20))
    assert not {f for f in got if f[3] == Decimal("11.8")}
    text = "MiniMax发布新模型。\n中国电信：上半年天翼云收入同比增长约17%。"
    got = facts(text, watchlist, published=date(2027, 9, 20))
    assert not got


def test_adjusted_loss_without_net(watchlist):
    # "经调整亏损" is the adjusted net loss written short, not the loss for the period
    text = "DeepSeek第二季度经调整亏损为4.4亿元。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("deepseek", "adjusted_net_loss", "2027Q2", Decimal("440000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1] == "net_loss"}


def test_a_percentage_bound_met_by_the_exact_figure_is_that_figure_said_loosely(watchlist):
    # "增速在八成以上" beside "同比增长84.1%" of the same period is one claim, not two
    text = "【月之暗面二季度收入增速在八成以上】\n月之暗面第二季度收入3.1亿美元，同比增长84.1%。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("moonshot", "revenue_growth", "2027Q2", Decimal("84.1"), "%", "eq") in got
    assert not {f for f in got if f[5] == "gt"}
    # an amount's bound stays beside the exact amount
    text = "智谱昨日收盘市值超3000亿港元，总市值为3012亿港元。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert {f[5] for f in got if f[1] == "market_cap"} == {"gt", "eq"}


def test_what_a_figure_changed_by_is_no_level(watchlist):
    # "较6月底增加76人": a change word right before an amount or a count gives the change, not the level
    text = "截至2027年9月30日，MiniMax共有员工702人，较6月底增加34人。"
    got = facts(text, watchlist, published=date(2027, 11, 20))
    assert ("minimax", "headcount", "2027-09-30", Decimal("702"), "count", "eq") in got
    assert not {f for f in got if f[3] == Decimal("34")}
    text = "DeepSeek第三季度收入同比增加了2.2亿元。"
    got = facts(text, watchlist, published=date(2027, 11, 20))
    assert not got


def test_a_reporters_rough_estimate_is_no_result(watchlist):
    # "据记者粗略测算…全年收入将接近X": an extrapolation, not a figure the company reported
    text = "据本报记者测算，若四季度收入环比再增长8%，智谱全年收入将接近26亿元。"
    got = facts(text, watchlist, published=date(2027, 11, 25))
    assert not got
    text = "按目前节奏，月之暗面今年收入將接近9億美元。"
    got = facts(text, watchlist, published=date(2027, 11, 25))
    assert not got


def test_a_day_later_written_out_in_chinese(watchlist):
    # "一天之后" is the day after the day just named, as 次日 is
    text = "时间回到2026年1月8日，智谱挂牌首日市值超过570亿港元；一天之后，MiniMax上市，市值突破1000亿港元。"
    got = facts(text, watchlist, published=date(2027, 10, 29))
    assert ("minimax", "market_cap", "2026-01-09", Decimal("100000000000"), "HKD", "gt") in got
    text = "2026年1月8日智譜上市。一天後，MiniMax收市市值約1060億港元。"
    got = facts(text, watchlist, published=date(2027, 10, 29))
    assert ("minimax", "market_cap", "2026-01-09", Decimal("106000000000"), "HKD", "approx") in got


def test_a_segment_before_a_semicolon_is_not_the_next_companys(watchlist):
    # "…高于云端业务；MiniMax上半年毛利率为35.6%": after the semicolon the clause is about MiniMax's whole margin
    text = "DeepSeek二季度毛利率为52%，其开放平台的毛利率低于私有化部署；月之暗面二季度毛利率为38.4%。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("moonshot", "gross_margin", "2027Q2", Decimal("38.4"), "%", "eq") in got
    assert not {f for f in got if f[0] == "moonshot" and "." in f[1]}
    # a segment named after the company, in its own clause, still counts
    text = "智谱上半年收入11.4亿元；MiniMax开放平台收入占比为37.2%。"
    got = facts(text, watchlist, published=date(2027, 8, 30))
    assert ("minimax", "revenue_share.cloud", "2027H1", Decimal("37.2"), "%", "eq") in got
