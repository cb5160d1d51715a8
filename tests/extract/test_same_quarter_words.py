""""同一季" / "同一个季度" (the same quarter) refer back to the quarter named before, as "当季" does, not to a run of
quarters or a half named after it (session 16). Our own sentences, invented figures."""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts


def test_the_same_quarter_after_a_nine_months_figure_is_the_quarter(watchlist):
    text = "智譜去年第三季營收為4.125億元，前三季累計營收10.9億元。同一季的毛利率是43.8%。"
    got = facts(text, watchlist, published=date(2027, 2, 10))
    assert ("zhipu", "gross_margin", "2026Q3", Decimal("43.8"), "%", "eq") in got
    assert not {f for f in got if f[1] == "gross_margin" and f[2] != "2026Q3"}


def test_the_same_quarter_with_a_measure_word_after_a_half(watchlist):
    text = "MiniMax第二季度收入3.10亿美元，上半年收入5.90亿美元；同一个季度毛利率为51.2%。"
    got = facts(text, watchlist, published=date(2031, 8, 20))
    assert ("minimax", "gross_margin", "2031Q2", Decimal("51.2"), "%", "eq") in got
    assert ("minimax", "revenue", "2031H1", Decimal("590000000"), "USD", "eq") in got
