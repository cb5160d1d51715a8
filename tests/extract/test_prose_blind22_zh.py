"""General rules of how the Chinese-language press and investor communities write (Q&A answers, investor posts,
results stories, Hong Kong papers), found on the twenty-second blind set and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_a_posts_footer_dates_it_when_its_top_names_no_day(watchlist):
    # a Q&A answer or forum post shows its day only in the footer ("编辑于 …・IP 属地…"): a close named by weekday and
    # day ("周四（3月6日）收盘") is that year's, and the cap is kept
    filler = "我的看法是，大模型公司的估值要看增速能否持续，也要看毛利结构的变化，单看一个季度意义不大。" * 12
    text = ("如何看待智谱2031年第三季度财报？\n\n智谱三季度收入30.2亿元，同比增长41.5%。\n\n" + filler + "\n\n"
            "周一（11月17日）收盘市值约12,400亿港元，估值不算便宜。\n\n编辑于 2031-11-19 10:41・IP 属地北京\n\n赞同 312")
    got = facts(text, watchlist)
    assert ("zhipu", "market_cap", "2031-11-17", Decimal("1240000000000"), "HKD", "approx") in got
    assert ("zhipu", "revenue", "2031Q3", Decimal("3020000000"), "CNY", "eq") in got


def test_a_running_total_run_on_into_its_sentence_is_an_aside_in_a_story_on_the_quarter(watchlist):
    # "前三季度合计毛利率…" with no comma, in a list of the quarter's figures: the next item is the quarter's again
    text = ("智谱11月20日发布三季度业绩，要点如下：\n\n· 三季度收入30.2亿元，同比增长41.5%。\n"
            "· 毛利率56.1%。前三季度合计毛利率55.4%。\n· 经调整净亏损3.12亿元，去年同期为4.05亿元。")
    got = facts(text, watchlist, published=date(2031, 11, 21))
    assert ("zhipu", "gross_margin", "2031Q1-Q3", Decimal("55.4"), "%", "eq") in got
    assert ("zhipu", "adjusted_net_loss", "2031Q3", Decimal("312000000"), "CNY", "eq") in got
    assert ("zhipu", "adjusted_net_loss", "2030Q3", Decimal("405000000"), "CNY", "eq") in got
    assert not {f for f in got if f[1] == "adjusted_net_loss" and "Q1-Q3" in f[2]}


def test_a_half_reported_before_its_quarter_is_what_the_story_is_on(watchlist):
    # the story reports the half first and singles the second quarter out: a later "上半年…" is not an aside
    text = ("智谱截至6月30日止六个月收入为21.4亿元；单计第二季，收入11.8亿元。上半年云端收入占总收入的58%。"
            "期内亏损为19.6亿元。")
    got = facts(text, watchlist, published=date(2031, 8, 30))
    assert ("zhipu", "net_loss", "2031H1", Decimal("1960000000"), "CNY", "eq") in got


def test_a_period_and_an_amount_alone_take_the_metric_of_the_amount_just_said(watchlist):
    # "…收入X，同比+Y%。前三季度累计Z。": the period and the figure alone, after a sentence ending on a rate, are the
    # revenue's (the last amount said), and the change after it is revenue growth
    text = "DeepSeek二季度收入12.6亿元，去年同期8.3亿元，同比+51.8%。上半年累计23.9亿元，同比+55.2%。"
    got = facts(text, watchlist, published=date(2031, 8, 28))
    assert ("deepseek", "revenue", "2031H1", Decimal("2390000000"), "CNY", "eq") in got
    assert ("deepseek", "revenue_growth", "2031H1", Decimal("55.2"), "%", "eq") in got
    text = "DeepSeek二季度收入12.6亿元，同比增长51.8%。上半年23.9亿元，去年上半年15.4亿元，增长55.2%。"
    got = facts(text, watchlist, published=date(2031, 8, 28))
    assert ("deepseek", "revenue", "2031H1", Decimal("2390000000"), "CNY", "eq") in got
    assert ("deepseek", "revenue", "2030H1", Decimal("1540000000"), "CNY", "eq") in got
    assert ("deepseek", "revenue_growth", "2031H1", Decimal("55.2"), "%", "eq") in got


def test_the_same_period_a_year_earlier_is_not_the_period_compared_with(watchlist):
    # "三季度…，较二季度的…提高…，去年同期则为…": 去年同期 is a year before the quarter reported, not before the one
    # compared with after 较
    text = "智谱三季度毛利率为56.1%，较二季度的55.2%提高0.9个百分点，去年同期则为51.4%。"
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "gross_margin", "2031Q2", Decimal("55.2"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "2030Q3", Decimal("51.4"), "%", "eq") in got
    assert not {f for f in got if f[2] == "2030Q2"}
    # "该季度" after "较去年同期的…": the quarter reported, not the year-earlier one compared with
    text = "截至2031年9月30日止三个月，智谱收入为32.4亿元，较2030年同期的21.7亿元增长49.3%；云端收入占该季度总收入的77.2%。"
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "revenue_share.cloud", "2031Q3", Decimal("77.2"), "%", "eq") in got


def test_a_margin_in_the_clause_after_a_segments_share_is_the_companys(watchlist):
    # "X佔收入Y%，毛利率Z%": the segment was given its part of the whole; the margin opening the next clause is the
    # company's, not the segment's
    text = "MiniMax第三季收入為3.12億美元，按年增長38.5%，開放平台佔收入56.2%，毛利率51.7%，經調整淨虧損90萬美元。"
    got = facts(text, watchlist, published=date(2031, 11, 12))
    assert ("minimax", "revenue_share.cloud", "2031Q3", Decimal("56.2"), "%", "eq") in got
    assert ("minimax", "gross_margin", "2031Q3", Decimal("51.7"), "%", "eq") in got
    assert not {f for f in got if f[1].startswith("gross_margin.")}
    # still the segment's when the clause goes on about it ("而且…")
    text = "智谱云端部署占比逐年上升，三季度贡献了42.3%的收入，而且毛利率接近六成。"
    got = facts(text, watchlist, published=date(2031, 11, 12))
    assert not {f for f in got if f[1] == "gross_margin"}


def test_a_hong_kong_papers_market_value_in_bare_yuan_is_in_hong_kong_dollars(watchlist):
    # "昨日收市，…市值約9,800億元": at a close called 收市, a Hong Kong paper writes its own dollar as 元; 人民幣 named
    # keeps the yuan (with no close word nor price, bare 元 stays the yuan: test_prose_blind20_zh)
    text = "前日（20日）收市，智譜市值約11,300億元，MiniMax市值約8,050億元。"
    got = facts(text, watchlist, published=date(2031, 11, 22))
    assert ("zhipu", "market_cap", "2031-11-20", Decimal("1130000000000"), "HKD", "approx") in got
    assert ("minimax", "market_cap", "2031-11-20", Decimal("805000000000"), "HKD", "approx") in got
    text = "前日（20日）收市，智譜市值約人民幣10,300億元。"
    got = facts(text, watchlist, published=date(2031, 11, 22))
    assert ("zhipu", "market_cap", "2031-11-20", Decimal("1030000000000"), "CNY", "approx") in got


def test_quarter_numerals_listed_before_one_quarter_word_are_quarters_each(watchlist):
    # "今年一、二、三季度…分别是A、B和C": three quarters sharing 季度 and the year, bound in order
    text = "智谱三季度收入30.2亿元。今年一、二、三季度收入同比增速分别是63.4%、55.0%和41.5%。"
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "revenue_growth", "2031Q1", Decimal("63.4"), "%", "eq") in got
    assert ("zhipu", "revenue_growth", "2031Q2", Decimal("55.0"), "%", "eq") in got
    assert ("zhipu", "revenue_growth", "2031Q3", Decimal("41.5"), "%", "eq") in got
    text = "智谱三季度收入30.2亿元。2030年一、二季度收入分别为14.1亿元和16.6亿元。"
    got = facts(text, watchlist, published=date(2031, 11, 20))
    assert ("zhipu", "revenue", "2030Q1", Decimal("1410000000"), "CNY", "eq") in got
    assert ("zhipu", "revenue", "2030Q2", Decimal("1660000000"), "CNY", "eq") in got


def test_a_numbered_heading_naming_a_company_gives_its_section_the_company(watchlist):
    # a post on two companies in numbered sections ("一、智谱", "二、DeepSeek"): the figures under the second heading
    # are DeepSeek's, though the post's subject (and its first section) is Zhipu; "三、估值" names none and ends it
    text = ("智谱和DeepSeek三季度对比\n\n一、智谱\n\n1、三季度收入35.2亿元，同比增长47.1%。\n\n"
            "二、DeepSeek\n\n1、三季度收入27.9亿元，同比增长58.3%，增速比智谱快。\n\n"
            "2、前三季度76.4亿元，去年前三季度49.6亿元，增长54.0%。\n\n3、API占比92.1%，去年同期91.0%。\n\n"
            "三、估值\n\n智谱市值约12,000亿港元。\n")
    got = facts(text, watchlist, published=date(2031, 11, 2))
    assert ("zhipu", "revenue", "2031Q3", Decimal("3520000000"), "CNY", "eq") in got
    assert ("deepseek", "revenue", "2031Q3", Decimal("2790000000"), "CNY", "eq") in got
    assert ("deepseek", "revenue_growth", "2031Q3", Decimal("58.3"), "%", "eq") in got
    # a list item's mark ("2、") is no figure: the period and the amount alone are the revenue's
    assert ("deepseek", "revenue", "2031Q1-Q3", Decimal("7640000000"), "CNY", "eq") in got
    assert ("deepseek", "revenue", "2030Q1-Q3", Decimal("4960000000"), "CNY", "eq") in got
    assert ("deepseek", "revenue_growth", "2031Q1-Q3", Decimal("54.0"), "%", "eq") in got
    # the running total was an aside, and the year-earlier period trailing it dates nothing after it
    assert ("deepseek", "revenue_share.cloud", "2031Q3", Decimal("92.1"), "%", "eq") in got
    assert ("deepseek", "revenue_share.cloud", "2030Q3", Decimal("91.0"), "%", "eq") in got
    assert not {f for f in got if f[0] == "zhipu" and f[3] in (Decimal("2790000000"), Decimal("92.1"))}
