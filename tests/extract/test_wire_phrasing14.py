"""Wire and results-flash phrasings found by the lead writing sentences of its own (session 14): growth told with a
participle, a consensus figure beside the result, a level a loss narrowed from written after the figure in a bullet."""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts

AUGUST = date(2031, 8, 20)


def test_growth_told_with_a_participle(watchlist):
    for verb in ("rising", "climbing", "jumping", "surging", "growing"):
        text = f"Zhipu's revenue beat expectations, {verb} 58% to RMB1.25bn in the first half."
        assert {
            ("zhipu", "revenue_growth", "2031H1", Decimal("58"), "%", "eq"),
            ("zhipu", "revenue", "2031H1", Decimal("1250000000"), "CNY", "eq"),
        } <= facts(text, watchlist, published=AUGUST), verb
    text = "MiniMax's second-quarter revenue came in at $301.2 million, falling 3% from a year earlier."
    assert ("minimax", "revenue_growth", "2031Q2", Decimal("-3"), "%", "eq") in facts(text, watchlist, published=AUGUST)


def test_a_consensus_figure_beside_the_result_is_no_result(watchlist):
    for text in (
        "Zhipu's H1 revenue came in at RMB1.25bn, up 58% y/y, beating consensus of RMB1.19bn.",
        "Zhipu's H1 revenue came in at RMB1.25bn, up 58% y/y, against street estimates of RMB1.19bn.",
    ):
        got = facts(text, watchlist, published=AUGUST)
        assert ("zhipu", "revenue", "2031H1", Decimal("1250000000"), "CNY", "eq") in got, text
        assert not {f for f in got if f[3] == Decimal("1190000000")}, text


def test_a_level_narrowed_from_after_a_bullets_figure_is_no_second_figure_of_the_period(watchlist):
    text = "MiniMax Q2 2031 highlights:\n- Adjusted net loss: $88.2 million, narrowed from $97.4 million\n"
    got = facts(text, watchlist, published=AUGUST)
    assert ("minimax", "adjusted_net_loss", "2031Q2", Decimal("88200000"), "USD", "eq") in got
    assert ("minimax", "adjusted_net_loss", "2031Q2", Decimal("97400000"), "USD", "eq") not in got


def test_tokens_every_day_is_a_daily_volume(watchlist):
    text = "In July, Zhipu's platform handled more than 400 trillion tokens every day."
    assert ("zhipu", "daily_token_volume", "2031-07", Decimal("400000000000000"), "tokens/day", "gt") in facts(
        text, watchlist, published=AUGUST)


def test_rd_as_a_share_of_revenue_named_with_the_shares_own_words(watchlist):
    for text in ("智谱上半年研發開支佔收入的比例為112.5%。", "智谱上半年研发开支占收入的比例为112.5%。"):
        assert ("zhipu", "rd_to_revenue", "2031H1", Decimal("1.125"), "x", "eq") in facts(text, watchlist, published=AUGUST)
