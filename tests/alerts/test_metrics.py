"""Metrics on real DuckDB data: consensus, conflicts, derived values, FX, and recomputing only what changed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pipeline.metrics import FxError, FxTable, recompute_metrics
from storage.records import replace_facts
from tests.alerts.conftest import NOW, metric, store

ZHIPU_REVENUE = [("zhipu", "revenue", "FY2022", 57_400_000, "CNY"),
                 ("zhipu", "revenue", "FY2023", 124_500_000, "CNY"),
                 ("zhipu", "revenue", "FY2024", 312_400_000, "CNY")]


def test_cagr_and_growth_are_derived_from_stated_revenue(conn):
    _, touched = store(conn, "prospectus", ZHIPU_REVENUE)
    recompute_metrics(conn, touched, NOW)
    cagr = metric(conn, "zhipu", "revenue_cagr", "FY2022-FY2024")
    assert cagr["value"] == pytest.approx(133.2918, abs=1e-3)
    assert cagr["derived"] is True and cagr["unit"] == "%"
    assert cagr["basis"] == "derived: (revenue FY2024 / revenue FY2022)^(1/2) - 1"
    assert metric(conn, "zhipu", "revenue_growth", "FY2024")["value"] == pytest.approx(150.9237, abs=1e-3)
    assert metric(conn, "zhipu", "revenue_growth", "FY2023")["value"] == pytest.approx(116.899, abs=1e-3)
    assert metric(conn, "zhipu", "revenue_growth", "FY2022") is None  # no FY2021 to compare with
    assert metric(conn, "zhipu", "revenue_cagr", "FY2022-FY2023") is None  # one year is growth, not a CAGR


def test_a_stated_value_wins_over_the_derived_one_and_the_derived_returns_when_it_goes(conn):
    _, touched = store(conn, "prospectus", ZHIPU_REVENUE)
    doc, stated = store(conn, "article", [("zhipu", "revenue_cagr", "FY2022-FY2024", 130, "%", "approx"),
                                          ("zhipu", "revenue_growth", "FY2024", 151, "%", "approx")])
    recompute_metrics(conn, touched | stated, NOW)
    assert (metric(conn, "zhipu", "revenue_cagr", "FY2022-FY2024")["value"],
            metric(conn, "zhipu", "revenue_cagr", "FY2022-FY2024")["derived"]) == (130.0, False)
    assert metric(conn, "zhipu", "revenue_growth", "FY2024")["value"] == 151.0
    gone = replace_facts(conn, doc, [], "test-1")
    recompute_metrics(conn, gone, NOW)
    assert metric(conn, "zhipu", "revenue_cagr", "FY2022-FY2024")["value"] == pytest.approx(133.2918, abs=1e-3)
    assert metric(conn, "zhipu", "revenue_growth", "FY2024")["derived"] is True


def test_derived_rows_go_when_their_input_goes(conn):
    doc, touched = store(conn, "prospectus", ZHIPU_REVENUE[:1])
    _, more = store(conn, "results", ZHIPU_REVENUE[1:])
    recompute_metrics(conn, touched | more, NOW)
    assert metric(conn, "zhipu", "revenue_growth", "FY2023") is not None
    recompute_metrics(conn, replace_facts(conn, doc, [], "test-1"), NOW)
    assert metric(conn, "zhipu", "revenue", "FY2022") is None
    assert metric(conn, "zhipu", "revenue_growth", "FY2023") is None
    assert metric(conn, "zhipu", "revenue_cagr", "FY2022-FY2024") is None
    assert metric(conn, "zhipu", "revenue_growth", "FY2024") is not None


def test_sources_disagree_beyond_tolerance_and_a_filing_outranks_news(conn):
    _, a = store(conn, "prospectus-news", [("zhipu", "revenue_share.on_premise", "2025H1", 84.8, "%"),
                                           ("minimax", "revenue", "FY2023", 2_460_000, "USD"),
                                           ("zhipu", "revenue_share.cloud", "2025H1", 15.2, "%")])
    _, b = store(conn, "listing-news", [("zhipu", "revenue_share.on_premise", "2025H1", 84.5, "%"),
                                        ("minimax", "revenue", "FY2023", 3_460_000, "USD"),
                                        ("zhipu", "revenue_share.cloud", "2025H1", 15.25, "%")])
    recompute_metrics(conn, a | b, NOW)
    share = metric(conn, "zhipu", "revenue_share.on_premise", "2025H1")
    assert (share["value"], share["n_sources"], share["min_value"], share["max_value"], share["conflict"]) == (
        pytest.approx(84.65), 2, 84.5, 84.8, True)
    assert metric(conn, "minimax", "revenue", "FY2023")["conflict"] is True
    assert metric(conn, "zhipu", "revenue_share.cloud", "2025H1")["conflict"] is False  # 0.05 pp is rounding
    _, c = store(conn, "hkex-prospectus", [("zhipu", "revenue_share.on_premise", "2025H1", 84.8, "%")],
                 kind="filing")
    recompute_metrics(conn, c, NOW)
    share = metric(conn, "zhipu", "revenue_share.on_premise", "2025H1")
    assert (share["value"], share["basis"], share["conflict"], share["n_sources"]) == (84.8, "filing", True, 3)


def test_revenue_mix_from_segment_amounts_checked_against_stated_shares(conn):
    _, amounts = store(conn, "segments", [("zhipu", "revenue.on_premise", "2025H1", 161_000_000, "CNY"),
                                          ("zhipu", "revenue.cloud", "2025H1", 29_000_000, "CNY")])
    recompute_metrics(conn, amounts, NOW)
    cloud = metric(conn, "zhipu", "revenue_share.cloud", "2025H1")
    assert cloud["value"] == pytest.approx(15.2632, abs=1e-3) and cloud["derived"] is True
    assert cloud["basis"] == "derived: revenue.cloud 2025H1 / sum of revenue.{cloud+on_premise} 2025H1"
    assert metric(conn, "zhipu", "revenue_share.on_premise", "2025H1")["value"] == pytest.approx(84.7368, abs=1e-3)

    # A stated total takes over from the sum; a stated share wins, checked against the amounts.
    _, total = store(conn, "total", [("zhipu", "revenue", "2025H1", 200_000_000, "CNY"),
                                     ("zhipu", "revenue_share.cloud", "2025H1", 14.8, "%")])
    recompute_metrics(conn, total, NOW)
    cloud = metric(conn, "zhipu", "revenue_share.cloud", "2025H1")
    assert (cloud["value"], cloud["derived"], cloud["conflict"]) == (14.8, False, False)
    assert "check derived: revenue.cloud 2025H1 / revenue 2025H1 = 14.5%" in cloud["basis"]
    assert metric(conn, "zhipu", "revenue_share.on_premise", "2025H1")["value"] == pytest.approx(80.5)

    _, wrong = store(conn, "wrong-share", [("zhipu", "revenue_share.on_premise", "2025H1", 60, "%")])
    recompute_metrics(conn, wrong, NOW)
    on_prem = metric(conn, "zhipu", "revenue_share.on_premise", "2025H1")
    assert (on_prem["value"], on_prem["conflict"]) == (60.0, True)
    assert on_prem["basis"].endswith("= 80.5% (disagrees)")


def test_rd_intensity_loss_ratio_and_token_share(conn):
    _, keys = store(conn, "filing", [
        ("zhipu", "revenue", "FY2024", 312_400_000, "CNY"), ("zhipu", "rd_expense", "FY2024", 2_195_400_000, "CNY"),
        ("zhipu", "adjusted_net_loss", "FY2024", 2_466_000_000, "CNY"),
        ("openrouter", "token_volume", "2026-01-06", 3_855_000_000_000, "tokens"),
        ("zhipu", "token_volume", "2026-01-06", 365_000_000_000, "tokens")])
    recompute_metrics(conn, keys, NOW)
    assert metric(conn, "zhipu", "rd_intensity", "FY2024")["value"] == pytest.approx(702.7529, abs=1e-3)
    ratio = metric(conn, "zhipu", "rd_to_revenue", "FY2024")
    assert (ratio["value"], ratio["unit"]) == (pytest.approx(7.0275, abs=1e-4), "x")
    assert metric(conn, "zhipu", "adjusted_loss_ratio", "FY2024")["value"] == pytest.approx(789.3726, abs=1e-3)
    share = metric(conn, "zhipu", "token_share", "2026-01-06")
    assert share["value"] == pytest.approx(9.4682, abs=1e-3)
    assert share["basis"] == "derived: token_volume 2026-01-06 / token_volume of openrouter 2026-01-06 x 100"
    assert metric(conn, "openrouter", "token_share", "2026-01-06") is None


def test_amounts_in_the_reporting_currency_and_ratios_across_currencies(conn):
    _, keys = store(conn, "minimax", [("minimax", "revenue", "FY2024", 30_520_000, "USD"),
                                      ("minimax", "revenue", "2024H1", 10_000_000, "USD"),
                                      ("minimax", "revenue", "2025H1", 50_000_000, "USD"),
                                      ("minimax", "rd_expense", "FY2024", 1_000_000_000, "CNY"),
                                      ("minimax", "market_cap", "2026-01-09", 100_000_000_000, "HKD"),
                                      ("minimax", "revenue", "FY2023", 3_000_000, "JPY")])
    fx = {"USD": {"FY2024": 7.2, "default": 7.0}, "HKD": 0.91}
    recompute_metrics(conn, keys, NOW, fx=fx, reporting_currency="CNY")
    rows = {r[0]: r[1:] for r in conn.execute(
        "SELECT period, reporting_value, reporting_currency FROM metrics "
        "WHERE company = 'minimax' AND metric IN ('revenue', 'market_cap')").fetchall()}
    assert rows["FY2024"] == (pytest.approx(219_744_000), "CNY")
    assert rows["2024H1"] == (pytest.approx(72_000_000), "CNY")  # a half uses its year's rate
    assert rows["2025H1"] == (pytest.approx(350_000_000), "CNY")  # no FY2025 rate: the default
    assert rows["2026-01-09"] == (pytest.approx(91_000_000_000), "CNY")
    assert rows["FY2023"] == (None, None)  # no JPY rate: no guess
    # R&D in CNY over revenue in USD, through the FX table.
    assert metric(conn, "minimax", "rd_to_revenue", "FY2024")["value"] == pytest.approx(4.5507, abs=1e-4)

    # A new rate reaches every stored row, although no fact changed.
    recompute_metrics(conn, set(), NOW, fx={"USD": 7.1, "HKD": 0.9}, reporting_currency="CNY")
    assert metric(conn, "minimax", "revenue", "FY2024")["reporting_value"] == pytest.approx(216_692_000)
    assert metric(conn, "minimax", "market_cap", "2026-01-09")["reporting_value"] == pytest.approx(90e9)


@pytest.mark.parametrize("fx, message", [
    ({"USD": -7}, "fx.USD: rate must be positive"),
    ({"USD": "seven"}, "fx.USD: rate 'seven' is not a number"),
    ({"US Dollar": 7}, "fx: 'US DOLLAR' is not a currency code"),
    ({"USD": {"FY2024": 0}}, "fx.USD.FY2024: rate must be positive"),
])
def test_a_bad_fx_table_is_refused_with_a_clear_message(fx, message):
    with pytest.raises(FxError, match=message.replace(".", r"\.").replace("(", r"\(")):
        FxTable.from_config(fx, "CNY")


def test_only_touched_keys_and_their_dependents_are_recomputed(conn):
    _, keys = store(conn, "prospectus", [*ZHIPU_REVENUE, ("zhipu", "rd_expense", "FY2024", 2_195_400_000, "CNY"),
                                         ("zhipu", "adjusted_net_loss", "FY2023", 621_000_000, "CNY")])
    recompute_metrics(conn, keys, NOW)
    before = {r[0:3]: r[3] for r in conn.execute(
        "SELECT company, metric, period, updated_at FROM metrics").fetchall()}
    later = NOW + timedelta(hours=1)
    _, new = store(conn, "restated", [("zhipu", "rd_expense", "FY2024", 2_300_000_000, "CNY")], when=later)
    changes = recompute_metrics(conn, new, later)
    assert {c.key for c in changes} == {("zhipu", "rd_expense", "FY2024"), ("zhipu", "rd_intensity", "FY2024"),
                                        ("zhipu", "rd_to_revenue", "FY2024")}
    after = {r[0:3]: r[3] for r in conn.execute(
        "SELECT company, metric, period, updated_at FROM metrics").fetchall()}
    moved = {k for k in after if after[k] != before.get(k)}
    assert moved == {c.key for c in changes}
    # A recompute of everything agrees with the incremental result.
    assert recompute_metrics(conn, None, later) == []
