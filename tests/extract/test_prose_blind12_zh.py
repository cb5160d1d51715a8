"""General rules of how the Chinese press writes, found on the twelfth blind set and pinned on sentences of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_quarter_not_yet_begun_named_without_a_year_is_last_years(watchlist):
    # results season: in February or March, "三季度" / "第四季" with no year near it is last year's quarter, in a
    # table row as in prose; the quarter right after the writing is an outlook's and is left alone
    text = ("| 项目 | 数值 |\n|---|---|\n| 2027年营收 | 21.4亿元 |\n| 第四季度营收 | 6.2亿元 |\n| 第四季度毛利率 | 41.5% |\n")
    got = facts(text, watchlist, published=date(2028, 2, 20), title="DeepSeek业绩速览")
    assert ("deepseek", "revenue", "2027Q4", Decimal("620000000"), "CNY", "eq") in got
    assert not {f for f in got if f[2].startswith("2028")}
    text = ("编者按：以下为月之暗面2027年度业绩说明会的问答整理，经公司确认，略有删节。" + "管理层回答了分析师关于商业化节奏、"
            "海外市场、算力采购和价格竞争的提问，也谈到了团队建设与产品路线。" * 6 +
            "\n问：能否谈谈三季度的情况？\n答：月之暗面三季度经调整亏损为6,150万美元，环比收窄。")
    got = facts(text, watchlist, published=date(2028, 3, 10))
    assert ("moonshot", "adjusted_net_loss", "2027Q3", Decimal("61500000"), "USD", "eq") in got
    # a text naming no year gives no ground for the guess
    got = facts("智谱第四季度收入为11.2亿元。", watchlist, published=date(2028, 3, 5))
    assert not {f for f in got if f[1] == "revenue"}


def test_taiwanese_word_for_on_premise(watchlist):
    # Taiwan papers write 地端 (on the ground) for on-premise deployment, against 雲端 (in the cloud)
    text = "DeepSeek去年地端部署營收4.6億元人民幣，雲端營收7.1億元人民幣。"
    got = facts(text, watchlist, published=date(2028, 3, 30))
    assert ("deepseek", "revenue.on_premise", "FY2027", Decimal("460000000"), "CNY", "eq") in got
    assert ("deepseek", "revenue.cloud", "FY2027", Decimal("710000000"), "CNY", "eq") in got
    text = "智譜第三季地端業務毛利率為61.2%，雲端業務則為35.4%。"
    got = facts(text, watchlist, published=date(2027, 11, 28))
    assert ("zhipu", "gross_margin.on_premise", "2027Q3", Decimal("61.2"), "%", "eq") in got
    assert not {f for f in got if f[1] == "gross_margin.cloud" and f[3] == Decimal("61.2")}


def test_a_sentence_of_another_company_and_a_number_continues_the_metric(watchlist):
    # "…日均调用量约为61万亿。智谱同期约为70万亿": the metric and the month are left unsaid for the second company;
    # 同期 is the bare month of the figure just given, not an older period named further up
    text = ("一年前的2027年1月，这一数字约为30万亿。\n"
            "DeepSeek 1月的日均token调用量约为61万亿，创下新高。智谱同期约为70万亿。")
    got = facts(text, watchlist, published=date(2028, 2, 15))
    assert ("zhipu", "daily_token_volume", "2028-01", Decimal("70000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[0] == "zhipu" and f[2] == "2027-01"}
    text = "月之暗面第三季毛利率為44.2%，較上季提升。MiniMax則為39.5%。"
    got = facts(text, watchlist, published=date(2027, 11, 20))
    assert ("minimax", "gross_margin", "2027Q3", Decimal("39.5"), "%", "eq") in got


def test_a_month_already_over_this_year_is_not_last_years_for_a_year_named_before(watchlist):
    # a paper on last year's results: "1月" / "2月" a sentence or two after "2027年" is the month just gone, since one
    # meaning January 2027 would write the year
    text = ("DeepSeek 2027年经调整亏损为12.4亿元，较上年收窄。\n"
            "公司同时披露，1月API日均调用量约为58万亿，环比继续增长。")
    got = facts(text, watchlist, published=date(2028, 2, 20))
    assert ("deepseek", "daily_token_volume", "2028-01", Decimal("58000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[2] == "2027-01"}
    # such a month frames nothing: the quarter after it is still the year reported on
    text = ("月之暗面公布截至2027年12月31日止年度業績。公司於1月推出新一代模型。\n"
            "第四季收入為2.6億美元，按年增長88%。")
    got = facts(text, watchlist, published=date(2028, 3, 20))
    assert ("moonshot", "revenue", "2027Q4", Decimal("260000000"), "USD", "eq") in got


def test_a_year_written_as_the_whole_year_frames_the_quarter_after_a_look_back(watchlist):
    # "2027年全年" / "2027年度" names the year reported on; the earlier years listed after it are a look back, so a
    # quarter named without its year is still 2027's
    text = ("DeepSeek 2027年度营收为18.2亿元。回头看，2025年为4.1亿元，2026年为9.6亿元。"
            "第四季度单季营收5.7亿元，同比增长71%。")
    got = facts(text, watchlist, published=date(2028, 3, 18))
    assert ("deepseek", "revenue", "2027Q4", Decimal("570000000"), "CNY", "eq") in got
    assert not {f for f in got if f[2] in ("2025Q4", "2026Q4")}
    text = "月之暗面2027年全年毛利率為41.0%，2026年為33.5%。第四季毛利率為45.2%。"
    got = facts(text, watchlist, published=date(2028, 4, 20))
    assert ("moonshot", "gross_margin", "2027Q4", Decimal("45.2"), "%", "eq") in got


def test_a_unit_line_over_a_table_does_not_scale_the_prose_after_it(watchlist):
    # a results announcement's "（美元）" row under its income statement scales that table, not the token volumes the
    # business review gives a few lines on in a sentence with its own magnitude
    text = ("MiniMax年度業績公告\n\n綜合損益表摘要\n（千美元）\n\n"
            "                     2027年      2026年\n"
            "收入                296,200     176,300\n"
            "每股虧損（美元）\n"
            "－基本                (1.02)      (1.35)\n\n"
            "業務回顧\n\n"
            "2027年12月，本集團開放平台日均Token調用量約為23萬億，而2026年12月約為11萬億。\n")
    got = facts(text, watchlist, published=date(2028, 3, 16))
    assert ("minimax", "daily_token_volume", "2027-12", Decimal("23000000000000"), "tokens/day", "approx") in got
    assert ("minimax", "revenue", "FY2027", Decimal("296200000"), "USD", "eq") in got


def test_a_change_from_one_years_level_to_the_next_is_the_later_years(watchlist):
    # HKEX MD&A: "由[上年]的A增加X%至[本年]的B": the growth is of the year the level it leads to is dated, whether
    # that year is written before the level or after it
    text = ("DeepSeek营业收入由截至2026年12月31日止年度的人民币9.6亿元增长89.6%至截至2027年12月31日止年度的"
            "人民币18.2亿元。")
    got = facts(text, watchlist, published=date(2028, 3, 28))
    assert ("deepseek", "revenue_growth", "FY2027", Decimal("89.6"), "%", "eq") in got
    assert not {f for f in got if f[1] == "revenue_growth" and f[2] != "FY2027"}
    text = "月之暗面收入由2026年的2.45億美元增加231.4%至2027年的8.12億美元。"
    got = facts(text, watchlist, published=date(2028, 4, 17))
    assert ("moonshot", "revenue_growth", "FY2027", Decimal("231.4"), "%", "eq") in got


def test_other_income_and_loss_before_tax_lines_are_no_revenue_or_net_loss(watchlist):
    # an income statement's 其他收入 (other income) and 除稅前虧損 (loss before tax) name 收入 and 虧損 but are
    # neither the revenue nor the loss for the year
    text = ("MiniMax綜合損益表（千美元）\n\n"
            "| 項目 | 2027年 | 2026年 |\n|---|---|---|\n"
            "| 收入 | 296,200 | 176,300 |\n"
            "| 其他收入 | 12,480 | 9,730 |\n"
            "| 除稅前虧損 | (283,900) | (297,600) |\n"
            "| 年內虧損 | (284,600) | (298,400) |\n")
    got = facts(text, watchlist, published=date(2028, 3, 16))
    assert ("minimax", "revenue", "FY2027", Decimal("296200000"), "USD", "eq") in got
    assert ("minimax", "net_loss", "FY2027", Decimal("284600000"), "USD", "eq") in got
    assert not {f for f in got if f[3] in (Decimal("12480000"), Decimal("283900000"), Decimal("297600000"))}
    got = facts("智谱年内其他收入为3.1亿元，除税前亏损为80.5亿元。", watchlist, published=date(2028, 3, 24))
    assert not got


def test_a_trailing_comparative_year_does_not_date_the_next_item(watchlist):
    # results bullets: "…为A，2026年为B" gives last year's figure after this year's; the next bullet's first figure is
    # still the year reported on, not the comparative year just named
    text = ("DeepSeek截至2027年12月31日止年度业绩摘要\n"
            "・年内亏损为人民币12.6亿元，2026年为人民币15.1亿元。\n"
            "・经调整净亏损为人民币9.8亿元，2026年为人民币11.9亿元。\n")
    got = facts(text, watchlist, published=date(2028, 3, 27))
    assert ("deepseek", "adjusted_net_loss", "FY2027", Decimal("980000000"), "CNY", "eq") in got
    assert ("deepseek", "adjusted_net_loss", "FY2026", Decimal("1190000000"), "CNY", "eq") in got
    text = ("月之暗面公布截至2027年12月31日止年度業績。毛利率為41.3%，2026年為33.8%。\n"
            "研發開支為14.5億美元。")
    got = facts(text, watchlist, published=date(2028, 4, 17))
    assert ("moonshot", "rd_expense", "FY2027", Decimal("1450000000"), "USD", "eq") in got


def test_a_trailing_comparative_year_lends_no_year_to_the_quarter_after_it(watchlist):
    # "…为A，2026年为B；第四季度为C": the comparative year labels B only; the quarter is the reported year's
    text = "2027年，DeepSeek全年营收18.2亿元，2026年为9.6亿元；第四季度为5.7亿元。"
    got = facts(text, watchlist, published=date(2028, 3, 20))
    assert ("deepseek", "revenue", "2027Q4", Decimal("570000000"), "CNY", "eq") in got
    assert ("deepseek", "revenue", "FY2026", Decimal("960000000"), "CNY", "eq") in got
    text = "月之暗面2027年經調整淨虧損為7.42億美元，2026年為5.63億美元；第四季為1.95億美元。"
    got = facts(text, watchlist, published=date(2028, 4, 18))
    assert ("moonshot", "adjusted_net_loss", "2027Q4", Decimal("195000000"), "USD", "eq") in got
