"""General rules of how the Chinese-language press, fund letters and transcripts write, found on the nineteenth blind
set and pinned on text of our own.

Each test uses other companies, figures and wording than the articles the rule was found on, so that a fix
cannot be a match for one sentence of one article.
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_the_order_of_a_list_given_after_it_in_brackets(watchlist):
    # "（按A、B、C排列）", "（按A、B的顺序）": the companies the figures before the bracket take, in order
    text = "上半年毛利率依次为48.2%、55.1%和61.7%（按MiniMax、智谱、DeepSeek排列）。"
    got = facts(text, watchlist, published=date(2029, 9, 20))
    assert ("minimax", "gross_margin", "2029H1", Decimal("48.2"), "%", "eq") in got
    assert ("zhipu", "gross_margin", "2029H1", Decimal("55.1"), "%", "eq") in got
    assert ("deepseek", "gross_margin", "2029H1", Decimal("61.7"), "%", "eq") in got
    text = "两家公司2029年6月的日均调用量分别约为70万亿和215万亿（按月之暗面、智谱的顺序）。"
    got = facts(text, watchlist, published=date(2029, 7, 15))
    assert ("moonshot", "daily_token_volume", "2029-06", Decimal("70000000000000"), "tokens/day", "approx") in got
    assert ("zhipu", "daily_token_volume", "2029-06", Decimal("215000000000000"), "tokens/day", "approx") in got


def test_a_period_named_twice_in_a_row_is_one_period_for_a_list(watchlist):
    # "公布了上半年业绩：上半年…分别为A、B和C": the half named twice is not two periods for the list's first figures
    text = "三家公司已在三季度陆续公布上半年业绩：上半年收入同比增速分别为71.3%、59.8%和66.0%（依次为月之暗面、MiniMax、智谱）。"
    got = facts(text, watchlist, published=date(2029, 9, 10))
    assert ("moonshot", "revenue_growth", "2029H1", Decimal("71.3"), "%", "eq") in got
    assert ("minimax", "revenue_growth", "2029H1", Decimal("59.8"), "%", "eq") in got
    assert ("zhipu", "revenue_growth", "2029H1", Decimal("66.0"), "%", "eq") in got


def test_a_speaker_turn_takes_the_company_of_its_heading(watchlist):
    # a transcript: "姓名（公司职务）：" on its own line, the turn under it speaks for that company ("我们"), not for the
    # company of the turn before; a later heading with the name alone is the same speaker
    text = ("发布时间：2029年10月20日\n\n"
            "李明远（智谱首席战略官）：\n我们9月的日均调用量约225万亿。\n\n"
            "王晓岚（DeepSeek商业化负责人）：\n我们第二季度收入是9.87亿元，其中API占86.5%。\n\n"
            "主持人：\n价格战会持续吗？\n\n"
            "王晓岚：\n我补充一点，我们9月的日均调用量约130万亿。")
    got = facts(text, watchlist)
    assert ("zhipu", "daily_token_volume", "2029-09", Decimal("225000000000000"), "tokens/day", "approx") in got
    assert ("deepseek", "revenue", "2029Q2", Decimal("987000000"), "CNY", "eq") in got
    assert ("deepseek", "daily_token_volume", "2029-09", Decimal("130000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[0] == "zhipu" and f[1] != "daily_token_volume"}


def test_a_change_after_a_list_of_segments_is_one_segments_from_the_base_period(watchlist):
    # "A与B收入分别为X和Y，后者占比由上年同期的P%提升至Q%": a change of one share, from the year-earlier period to the
    # sentence's, not a list for the two segments nor the periods in the order written
    text = ("从收入结构看，上半年智谱本地化部署收入与云端部署收入分别为9.12亿元和21.38亿元，后者占总收入的比例由上年同期的"
            "61.2%提升至70.1%。")
    got = facts(text, watchlist, published=date(2029, 8, 28))
    assert ("zhipu", "revenue_share.cloud", "2029H1", Decimal("70.1"), "%", "eq") in got
    assert ("zhipu", "revenue_share.cloud", "2028H1", Decimal("61.2"), "%", "eq") in got
    assert not {f for f in got if f[1] == "revenue_share.on_premise"}


def test_a_sentence_opening_with_its_period_company_and_change_is_of_the_metric_before(watchlist):
    # "第二季度智谱的同比增速是64.5%" after a sentence on revenue: revenue growth in that quarter, though a period and
    # the company come before the change word, and 是 between it and the number
    text = ("上半年MiniMax实现收入3.21亿美元，同比增长55.7%。\n\n"
            "第一季度MiniMax的同比增速是58.3%，第二季度有所放缓。")
    got = facts(text, watchlist, published=date(2029, 8, 20))
    assert ("minimax", "revenue_growth", "2029Q1", Decimal("58.3"), "%", "eq") in got


def test_a_level_that_would_be_needed_is_no_result(watchlist):
    # "假设…，日均要到150万亿": what a hypothesis would require, not the company's figure
    text = ("2029年10月15日\n\n如果价格再降三成，智谱要维持收入，调用量就得同步增长。按目前的量看，日均要达到290万亿才行；"
            "智谱9月的日均调用量约为219万亿。")
    got = facts(text, watchlist)
    assert ("zhipu", "daily_token_volume", "2029-09", Decimal("219000000000000"), "tokens/day", "approx") in got
    assert not {f for f in got if f[3] == Decimal("290000000000000")}
