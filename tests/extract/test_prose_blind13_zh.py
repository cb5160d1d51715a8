"""General rules of how the Chinese press writes, found on the thirteenth blind set and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_space_where_chinese_meets_a_latin_word_leaves_the_cue_whole(watchlist):
    # many writers (知乎, 少数派) put a space around every Latin word and number: "日均 token 调用量" is still the
    # daily volume, not the bare "token 调用量" of a total
    text = "- DeepSeek：3月日均 token 调用量约 61 万亿，2月约 57 万亿。"
    got = facts(text, watchlist, published=date(2028, 4, 12))
    assert ("deepseek", "daily_token_volume", "2028-03", Decimal("61000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[1] == "token_volume"}
    text = "MiniMax 一季度 API 收入为 3,120 万美元。"
    got = facts(text, watchlist, published=date(2028, 5, 20))
    assert ("minimax", "revenue.cloud", "2028Q1", Decimal("31200000"), "USD", "eq") in got


def test_just_past_a_figure_is_more_than_it(watchlist):
    # "刚过" / "剛過" (just past) is a floor, as 突破 is
    got = facts("智谱2月日均调用量刚过80万亿。", watchlist, published=date(2028, 3, 9))
    assert ("zhipu", "daily_token_volume", "2028-02", Decimal("80000000000000"), "tokens/day", "gt") in got
    got = facts("月之暗面旗下Kimi 3月日均調用量剛過20萬億。", watchlist, published=date(2028, 4, 9))
    assert ("moonshot", "daily_token_volume", "2028-03", Decimal("20000000000000"), "tokens/day", "gt") in got


def test_a_month_already_over_is_this_years_after_any_earlier_year(watchlist):
    # a look back to "2026年12月" or "2025年全年" in an earlier sentence is a comparison: a month named after it
    # without a year that is already over this year is the month just gone, however far back the year named was
    text = ("往回看，2026年11月这一数字只有35万亿左右。\n"
            "- MiniMax：4月日均约 31 万亿，3月约 29 万亿。")
    got = facts(text, watchlist, published=date(2028, 5, 15))
    assert ("minimax", "daily_token_volume", "2028-04", Decimal("31000000000000"), "tokens/day", "approx") in got
    assert ("minimax", "daily_token_volume", "2028-03", Decimal("29000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[2].startswith("2026-0")}
    text = "DeepSeek的研发开支在2025年全年约为营收的3.1倍。\n\n调用量2月突破70万亿\n\n公司披露，2月平台日均调用量突破70万亿。"
    got = facts(text, watchlist, published=date(2028, 3, 22))
    assert ("deepseek", "daily_token_volume", "2028-02", Decimal("70000000000000"), "tokens/day", "gt") in got
    assert not {f for f in got if f[2] == "2025-02"}


def test_a_headline_token_count_without_its_daily_word_restates_the_daily_count(watchlist):
    # a subhead shortens "日均调用量" to "调用量": the same company, month and figure as the body's daily count is
    # that count, not a second fact of a monthly total
    text = "调用量3月突破60万亿\n\nDeepSeek披露，今年3月平台日均token调用量突破60万亿，2月约为57万亿。"
    got = facts(text, watchlist, published=date(2028, 4, 10))
    assert ("deepseek", "daily_token_volume", "2028-03", Decimal("60000000000000"), "tokens/day", "gt") in got
    assert not {f for f in got if f[1] == "token_volume"}
    # a monthly total that differs from every daily count is still read
    text = "OpenRouter 3月全月token调用量约380万亿。DeepSeek 3月日均调用量约60万亿。"
    got = facts(text, watchlist, published=date(2028, 4, 10))
    assert ("openrouter", "token_volume", "2028-03", Decimal("380000000000000"), "tokens", "approx") in got


def test_the_first_quarter_written_as_shou_ji(watchlist):
    # Hong Kong and Taiwan papers write 首季 (the first season) for the first quarter, alone or after its year; alone,
    # it is the quarter reported on, not one of a year an aside named just before
    text = ("DeepSeek今年首季收入12.5億元。筆者想起2019年的舊事，不贅。\n"
            "首季毛利率方面，DeepSeek為47.5%，MiniMax為38.2%。")
    got = facts(text, watchlist, published=date(2028, 6, 2))
    assert ("deepseek", "gross_margin", "2028Q1", Decimal("47.5"), "%", "eq") in got
    assert ("minimax", "gross_margin", "2028Q1", Decimal("38.2"), "%", "eq") in got
    got = facts("月之暗面2028年首季經調整淨虧損1.52億美元。", watchlist, published=date(2028, 6, 2))
    assert ("moonshot", "adjusted_net_loss", "2028Q1", Decimal("152000000"), "USD", "eq") in got


def test_a_quarter_without_its_year_repeats_the_quarter_reported_on_after_a_look_back(watchlist):
    # a feature names "2028年第一季度" once, compares the whole of 2027 and lists older years, then goes on with "一季度":
    # that is the quarter reported on, not 2027's (the whole year was the comparison)
    text = ("DeepSeek更新了招股文件，把2028年第一季度的数字补了进去：一季度收入为4.6亿元。\n"
            "作为对照，2027年全年的收入是12.8亿元；再往前，2025年为2.1亿元，2026年为6.3亿元。\n"
            "## 结构\n"
            "一季度，API收入占总收入的61.5%。")
    got = facts(text, watchlist, published=date(2028, 5, 20))
    assert ("deepseek", "revenue_share.cloud", "2028Q1", Decimal("61.5"), "%", "eq") in got
    assert not {f for f in got if f[2] == "2027Q1"}
    # an English analysis: the quarter dated once in the lede, then "third-quarter" in a sentence whose aside dates
    # a listing in an older year
    text = ("The third quarter of 2027 was the one investors had waited for.\n\n"
            "MiniMax, which listed in Hong Kong in January 2026, reported third-quarter revenue of $86.2mn, up 66 per "
            "cent from a year earlier.")
    got = facts(text, watchlist, published=date(2027, 11, 20))
    assert ("minimax", "revenue", "2027Q3", Decimal("86200000"), "USD", "eq") in got
    assert ("minimax", "revenue_growth", "2027Q3", Decimal("66"), "%", "eq") in got


def test_a_month_written_with_a_space_before_its_character(watchlist):
    # "3 月" of a writer who spaces every number is the month, as "3月" is
    got = facts("DeepSeek 3 月日均调用量约 62 万亿。", watchlist, published=date(2028, 4, 20))
    assert ("deepseek", "daily_token_volume", "2028-03", Decimal("62000000000000"), "tokens/day", "approx") in got
    got = facts("月之暗面 10 月底的 ARR 已超过 9 亿美元。", watchlist, published=date(2027, 11, 20))
    assert ("moonshot", "arr", "2027-10", Decimal("900000000"), "USD", "gt") in got


def test_the_first_quarter_report_names_the_quarter_its_figures_are_of(watchlist):
    # "发布一季报，实现收入…" (published its first-quarter report): the figures are the quarter's, not the day's the
    # report came out on
    got = facts("同一周，DeepSeek于5月16日发布一季报，实现收入5.2亿元，同比增长71%。", watchlist,
                published=date(2028, 5, 20))
    assert ("deepseek", "revenue", "2028Q1", Decimal("520000000"), "CNY", "eq") in got
    assert ("deepseek", "revenue_growth", "2028Q1", Decimal("71"), "%", "eq") in got
    got = facts("MiniMax公布一季報，毛利率升至40.3%。", watchlist, published=date(2028, 5, 20))
    assert ("minimax", "gross_margin", "2028Q1", Decimal("40.3"), "%", "eq") in got


def test_a_year_written_as_a_word_dates_its_clause_not_a_month_past_a_semicolon(watchlist):
    # "去年全年…；另据最新披露，截至4月底…": the semicolon opens another statement, whose month without a year is the
    # latest such month, not last year's
    text = "DeepSeek去年全年收入12.8亿元；另据公司最新披露，截至4月底的年化收入已突破5亿美元。"
    got = facts(text, watchlist, published=date(2028, 6, 10))
    assert ("deepseek", "arr", "2028-04", Decimal("500000000"), "USD", "gt") in got
    assert not {f for f in got if f[2] == "2027-04"}
    text = "MiniMax去年營收2.96億美元，按年增長68%；公司另披露，3月日均調用量約29萬億。"
    got = facts(text, watchlist, published=date(2028, 5, 2))
    assert ("minimax", "daily_token_volume", "2028-03", Decimal("29000000000000"), "tokens/day", "approx") in got
    # in its own clause the word still dates the month
    got = facts("MiniMax去年3月日均調用量約9萬億。", watchlist, published=date(2028, 5, 2))
    assert ("minimax", "daily_token_volume", "2027-03", Decimal("9000000000000"), "tokens/day", "approx") in got


def test_a_period_opening_a_bracket_with_its_own_figure_dates_that_figure(watchlist):
    # "约61万亿（2月突破57万亿）": the bracket sets an earlier month's level beside the figure; its month is not the
    # figure's
    got = facts("DeepSeek 3月日均调用量约61万亿（2月突破57万亿）。", watchlist, published=date(2028, 4, 12))
    assert ("deepseek", "daily_token_volume", "2028-03", Decimal("61000000000000"), "tokens/day", "approx") in got
    assert ("deepseek", "daily_token_volume", "2028-02", Decimal("57000000000000"), "tokens/day", "gt") in got
    assert not {f for f in got if f[2] == "2028-02" and f[3] == Decimal("61000000000000")}
    # a bracket that only dates the figure before it still does
    got = facts("MiniMax的日均調用量約為31萬億（4月）。", watchlist, published=date(2028, 5, 12))
    assert ("minimax", "daily_token_volume", "2028-04", Decimal("31000000000000"), "tokens/day", "approx") in got


def test_a_box_heading_naming_a_month_dates_the_lines_under_it(watchlist):
    # "【小资料】主要模型公司3月营运数据" over lines naming no month: the lines are that month's
    text = ("业者坦言，价格战短期内不会结束。\n\n"
            "【小资料】主要模型公司3月营运数据\n"
            "MiniMax：日均token调用量约29万亿（2月约27万亿）\n"
            "Kimi（月之暗面）：日均约22万亿\n"
            "资料来源：公司公告，记者整理")
    got = facts(text, watchlist, published=date(2028, 4, 15))
    assert ("minimax", "daily_token_volume", "2028-03", Decimal("29000000000000"), "tokens/day", "approx") in got
    assert ("minimax", "daily_token_volume", "2028-02", Decimal("27000000000000"), "tokens/day", "approx") in got
    assert ("moonshot", "daily_token_volume", "2028-03", Decimal("22000000000000"), "tokens/day", "approx") in got
    # a month dating an event in a line of its own dates nothing under it
    text = "3月，DeepSeek发布新模型\n\nDeepSeek日均调用量约为60万亿，较年初翻倍。"
    got = facts(text, watchlist, published=date(2028, 4, 15))
    assert not {f for f in got if f[2] == "2028-03"}


def test_a_rate_at_a_years_end_is_decembers(watchlist):
    # "去年底ARR约12亿美元", "2026年底日均调用量": a rate at the end of a year is December's, as one at "3月底" is March's
    got = facts("月之暗面的ARR在去年底約為9.5億美元。", watchlist, published=date(2028, 3, 1))
    assert ("moonshot", "arr", "2027-12", Decimal("950000000"), "USD", "approx") in got
    got = facts("智谱2026年底日均调用量约为42万亿，去年末约为77万亿。", watchlist, published=date(2028, 3, 1))
    assert ("zhipu", "daily_token_volume", "2026-12", Decimal("42000000000000"), "tokens/day", "approx") in got
    assert ("zhipu", "daily_token_volume", "2027-12", Decimal("77000000000000"), "tokens/day", "approx") in got


def test_this_multiple_points_back_to_the_rd_ratio_of_the_sentence_before(watchlist):
    # "这一倍数" (this multiple) in the sentence after an R&D-to-revenue ratio is that ratio for another period, even
    # with the period between the words and the figure
    text = ("DeepSeek一季度研发开支为4.1亿元，约为同期营收的0.9倍。这一倍数在去年全年约为1.3倍，2026年全年约为2.2倍。")
    got = facts(text, watchlist, published=date(2028, 5, 20))
    assert ("deepseek", "rd_to_revenue", "FY2027", Decimal("1.3"), "x", "approx") in got
    assert ("deepseek", "rd_to_revenue", "FY2026", Decimal("2.2"), "x", "approx") in got
    text = "月之暗面研發開支是收入的0.8倍。對比來看，2026年全年這一倍數約為1.4倍。"
    got = facts(text, watchlist, published=date(2028, 5, 20))
    assert ("moonshot", "rd_to_revenue", "FY2026", Decimal("1.4"), "x", "approx") in got
    # with no R&D figure before it, a multiple is not read as one
    got = facts("智谱市销率较高。这一倍数约为45倍。", watchlist, published=date(2028, 5, 20))
    assert not {f for f in got if f[1] == "rd_to_revenue"}


def test_this_figure_after_a_comparison_opener_is_the_metric_just_given(watchlist):
    # "作为对比，2026年11月这一数字约为35万亿", "公司去年12月的这一数字约为9万亿": "this figure" for another month is
    # the figure the sentence before gave
    text = "DeepSeek披露，4月平台日均token调用量约61万亿。作为对比，2026年11月这一数字约为35万亿。"
    got = facts(text, watchlist, published=date(2028, 5, 20))
    assert ("deepseek", "daily_token_volume", "2026-11", Decimal("35000000000000"), "tokens/day", "approx") in got
    text = "月之暗面披露，Kimi 4月日均token调用量约24万亿。公司去年12月的这一数字约为19万亿。"
    got = facts(text, watchlist, published=date(2028, 5, 20))
    assert ("moonshot", "daily_token_volume", "2027-12", Decimal("19000000000000"), "tokens/day", "approx") in got
    # "这一指标" (this indicator) says the same as "这一数字"
    text = "MiniMax一季度毛利率为40.8%，上年同期为35.9%。去年第三季度，这一指标为37.4%。"
    got = facts(text, watchlist, published=date(2028, 5, 20))
    assert ("minimax", "gross_margin", "2027Q3", Decimal("37.4"), "%", "eq") in got


def test_a_paragraph_opening_on_the_company_is_about_the_one_the_paragraph_before_named(watchlist):
    # a column on several companies: "公司於…發布" opening a paragraph goes on about the company the paragraph before
    # it was about, not the one the text names most
    text = ("智譜首季收入8.40億元，按年增長70%；智譜毛利率為52.0%。\n\n"
            "論增速，DeepSeek最快。但它的收入基數仍低。\n\n"
            "公司於本周二發布營運更新，披露截至6月底的年化收入約為9億美元。")
    got = facts(text, watchlist, published=date(2028, 7, 6))
    assert ("deepseek", "arr", "2028-06", Decimal("900000000"), "USD", "approx") in got
    assert not {f for f in got if f[0] == "zhipu" and f[1] == "arr"}
    # a paragraph before that names two companies leaves "the company" the article's
    text = ("智譜首季收入8.40億元；智譜毛利率為52.0%。\n\n"
            "DeepSeek與MiniMax則仍在追趕。\n\n"
            "公司於本周二發布營運更新，披露截至6月底的年化收入約為9億美元。")
    got = facts(text, watchlist, published=date(2028, 7, 6))
    assert ("zhipu", "arr", "2028-06", Decimal("900000000"), "USD", "approx") in got


def test_this_figure_just_past_a_level_for_another_month(watchlist):
    # "5月底時，這個數字剛剛突破16億美元": the figure just given, at another month's end, past a level
    text = "MiniMax披露，截至6月底的年化收入約為4.2億美元。5月底時，這個數字剛剛突破4億美元。"
    got = facts(text, watchlist, published=date(2028, 7, 6))
    assert ("minimax", "arr", "2028-05", Decimal("400000000"), "USD", "gt") in got


def test_a_figure_set_against_last_years_same_period_is_not_of_last_year(watchlist):
    # "去年全年，毛利率为38.5%。…经调整净亏损为4,120万美元，较去年同期收窄": the loss is not last year's (it is compared
    # with last year's same period), whatever the sentences before left open
    text = ("DeepSeek一季度收入5.1亿元。\n\n去年全年，公司毛利率为38.5%。\n\n【亏损】\n\n"
            "经调整净亏损为2.12亿元，较去年同期收窄约两成。")
    got = facts(text, watchlist, published=date(2028, 5, 20))
    assert not {f for f in got if f[1] == "adjusted_net_loss" and f[2] == "FY2027"}
    assert ("deepseek", "gross_margin", "FY2027", Decimal("38.5"), "%", "eq") in got


def test_a_bracketed_section_heading_takes_no_period_from_above_it(watchlist):
    # "【用量：日均31万亿】" sums up the section below; the quarter the sentences above it were about is not its figure's
    text = ("DeepSeek一季度收入5.1亿元，毛利率为46.0%。\n\n"
            "【用量：日均31万亿】\n\n"
            "DeepSeek披露，4月平台日均token调用量约31万亿，3月约为29万亿。")
    got = facts(text, watchlist, published=date(2028, 5, 20))
    assert ("deepseek", "daily_token_volume", "2028-04", Decimal("31000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[1] == "daily_token_volume" and f[2] == "2028Q1"}
    # a heading that dates its own figure keeps it
    got = facts("【月之暗面3月日均调用量约20万亿】", watchlist, published=date(2028, 4, 20))
    assert ("moonshot", "daily_token_volume", "2028-03", Decimal("20000000000000"), "tokens/day", "approx") in got
