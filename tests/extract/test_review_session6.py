"""What the session-6 review found in rules older than its rounds: a figure in a bracket taken for a conversion."""

import datetime
from decimal import Decimal

from tests.extract.conftest import facts

PUBLISHED = datetime.date(2026, 3, 1)


def test_a_bracket_with_a_period_of_its_own_holds_another_figure_not_a_conversion(watchlist):
    text = "MiniMax's revenue was US$120m in 2025 (RMB600m in 2024)."
    assert facts(text, watchlist, published=PUBLISHED) == {
        ("minimax", "revenue", "FY2025", Decimal("120000000"), "USD", "eq"),
        ("minimax", "revenue", "FY2024", Decimal("600000000"), "CNY", "eq"),
    }


def test_a_bracket_restating_the_amount_in_another_currency_stays_a_conversion(watchlist):
    for text in ("MiniMax's revenue was RMB 3.12bn in 2025 (US$430m).",
                 "MiniMax's revenue was RMB3.12bn for 2025 (approximately US$430m for reference)."):
        assert facts(text, watchlist, published=PUBLISHED) == {
            ("minimax", "revenue", "FY2025", Decimal("3120000000"), "CNY", "eq")}
