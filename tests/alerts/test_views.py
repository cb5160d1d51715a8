"""The latest_metrics view (migration 0040): the newest period per company, metric and kind of period."""

from __future__ import annotations

from pipeline.metrics import recompute_metrics
from pipeline.periods import period_end
from tests.alerts.conftest import NOW, store

COLUMNS = "metric, period, period_grain, period_end, previous_period, previous_value, value, unit"


def _latest(conn, company: str) -> dict[tuple[str, str], tuple]:
    rows = conn.execute(f"SELECT {COLUMNS} FROM latest_metrics WHERE company = ?", [company]).fetchall()
    return {(r[0], r[2]): r[1:] for r in rows}


def test_each_kind_of_period_shows_its_newest_value_with_the_one_before(conn):
    _, touched = store(conn, "report", [
        ("zhipu", "gross_margin", "FY2023", 40, "%"), ("zhipu", "gross_margin", "FY2024", 42, "%"),
        ("zhipu", "gross_margin", "2024H2", 41, "%"), ("zhipu", "gross_margin", "2025H1", 44, "%"),
        ("zhipu", "gross_margin", "2025Q2", 45, "%"), ("zhipu", "gross_margin", "2025Q3", 46, "%"),
        ("zhipu", "gross_margin", "2025Q1-Q3", 45.5, "%"),
        ("zhipu", "daily_token_volume", "2026-02", 10e12, "tokens/day"),
        ("zhipu", "daily_token_volume", "2026-03", 12e12, "tokens/day"),
        ("zhipu", "market_cap", "2026-01-07", 55e9, "HKD"), ("zhipu", "market_cap", "2026-01-08", 57e9, "HKD"),
        ("zhipu", "revenue", "FY2022", 57_400_000, "CNY"), ("zhipu", "revenue", "FY2024", 312_400_000, "CNY"),
    ])
    recompute_metrics(conn, touched, NOW)
    latest = _latest(conn, "zhipu")
    assert latest[("gross_margin", "FY")][:5] == ("FY2024", "FY", period_end("FY2024"), "FY2023", 40.0)
    assert latest[("gross_margin", "H")][:5] == ("2025H1", "H", period_end("2025H1"), "2024H2", 41.0)
    assert latest[("gross_margin", "Q")][:5] == ("2025Q3", "Q", period_end("2025Q3"), "2025Q2", 45.0)
    assert latest[("gross_margin", "Q1-Q3")][:5] == ("2025Q1-Q3", "Q1-Q3", period_end("2025Q1-Q3"), None, None)
    assert latest[("daily_token_volume", "M")][:5] == ("2026-03", "M", period_end("2026-03"), "2026-02", 10e12)
    assert latest[("market_cap", "D")][:5] == ("2026-01-08", "D", period_end("2026-01-08"), "2026-01-07", 55e9)
    # The derived CAGR span is a kind of its own; FY2023 is missing, so the previous FY is FY2022.
    assert latest[("revenue", "FY")][:5] == ("FY2024", "FY", period_end("FY2024"), "FY2022", 57_400_000)
    assert latest[("revenue_cagr", "SPAN")][:3] == ("FY2022-FY2024", "SPAN", period_end("FY2022-FY2024"))
    assert conn.execute("SELECT count(*) FROM latest_metrics").fetchone()[0] == len(latest)


def test_no_comparison_across_units_and_an_odd_period_does_not_break_the_view(conn):
    _, touched = store(conn, "mixed", [("minimax", "arr", "FY2023", 70e6, "USD"),
                                       ("minimax", "arr", "FY2024", 800e6, "CNY"),
                                       ("minimax", "headcount", "2025-13", 900, "count")])
    recompute_metrics(conn, touched, NOW)
    latest = _latest(conn, "minimax")
    assert latest[("arr", "FY")] == ("FY2024", "FY", period_end("FY2024"), None, None, 800e6, "CNY")
    assert latest[("headcount", "M")][:5] == ("2025-13", "M", None, None, None)  # no such month: no end date
