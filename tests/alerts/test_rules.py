"""Rule semantics on real DuckDB data: documents and facts stored through storage/records.py, then
recompute, evaluate and enqueue, as a run does."""

from __future__ import annotations

from datetime import timedelta

import pytest

from alerts.delivery import enqueue_alerts
from alerts.rules import load_rules, parse_duration_hours
from pipeline.metrics import recompute_metrics
from tests.alerts.conftest import NOW, store

WATCHED = {"zhipu": "Zhipu AI", "minimax": "MiniMax"}


def _run(conn, keys, now=NOW, rules=None, run_id=None):
    rules = rules if rules is not None else load_rules()
    changes = recompute_metrics(conn, keys, now)
    from alerts.rules import evaluate_rules

    alerts = evaluate_rules(conn, rules, changes, since=now, watched=WATCHED)
    new = enqueue_alerts(conn, alerts, run_id or f"run-{now:%H%M%S}-{now:%d}", now, WATCHED)
    return alerts, new


def _outbox(conn):
    return conn.execute("SELECT rule, company, metric, period, status, suppressed_by, title, body, reason, quote, "
                        "document_url FROM alerts ORDER BY created_at, rule, metric, period").fetchall()


def test_a_mix_shift_in_percentage_points_fires_once_and_says_why(conn):
    _, a = store(conn, "prospectus", [("zhipu", "revenue_share.cloud", "2025H1", 15.2, "%"),
                                      ("zhipu", "revenue_share.on_premise", "2025H1", 84.8, "%")])
    _run(conn, a)
    assert _outbox(conn) == []  # one period is no change
    _, b = store(conn, "annual", [("zhipu", "revenue_share.cloud", "FY2025", 28, "%", "eq",
                                   "Cloud deployments accounted for 28% of revenue in 2025."),
                                  ("zhipu", "revenue_share.on_premise", "FY2025", 80, "%")],
                 when=NOW + timedelta(hours=1))
    alerts, new = _run(conn, b, NOW + timedelta(hours=1))
    assert new == 1  # on-premise moved 4.8 pp: under the 10 pp threshold
    (rule, company, metric, period, status, _, title, body, reason, quote, url), = _outbox(conn)
    assert (rule, company, metric, period, status) == ("revenue_mix_shift", "zhipu", "revenue_share.cloud",
                                                        "FY2025", "pending")
    assert title == "Zhipu AI: cloud/API share of revenue FY2025 28%"
    assert body == "Cloud/API share of revenue moved +12.8 pp since 2025H1: 28% in FY2025, from 15.2% in 2025H1."
    assert reason == "moved +12.8 pp since 2025H1"
    assert quote == "Cloud deployments accounted for 28% of revenue in 2025."
    assert url == "https://news.example.org/annual"
    # The same news evaluated again is the same key: nothing new.
    assert enqueue_alerts(conn, alerts, "another-run", NOW + timedelta(hours=2), WATCHED) == 0


def test_amounts_compare_like_periods_and_late_history_is_not_news(conn):
    _, keys = store(conn, "prospectus", [("zhipu", "revenue", "FY2023", 124_500_000, "CNY"),
                                         ("zhipu", "revenue", "FY2024", 312_400_000, "CNY"),
                                         ("zhipu", "revenue", "2024H1", 100_000_000, "CNY")])
    _run(conn, keys)
    assert [(r[0], r[3], r[8]) for r in _outbox(conn)] == [("amount_jump", "FY2024", "moved +151% since FY2023")]
    _, late = store(conn, "old-report", [("zhipu", "revenue", "FY2022", 57_400_000, "CNY")])
    _, new = _run(conn, late, NOW + timedelta(days=2))
    assert new == 0  # an older year filled in later is history, not news
    _, more = store(conn, "interim", [("zhipu", "revenue", "2025H1", 190_000_000, "CNY")])
    _run(conn, more, NOW + timedelta(days=4))
    assert [(r[0], r[3], r[8]) for r in _outbox(conn)][1:] == [("amount_jump", "2025H1", "moved +90% since 2024H1")]


def test_a_milestone_is_news_once_per_threshold(conn):
    _, a = store(conn, "tokens", [("zhipu", "daily_token_volume", "2025H1", 4.6e12, "tokens/day")])
    _, b = store(conn, "results", [("zhipu", "daily_token_volume", "2026-03", 12e12, "tokens/day")])
    _run(conn, a | b)
    rows = _outbox(conn)
    assert [(r[0], r[3], r[8]) for r in rows] == [
        ("token_volume_milestone", "2026-03", "passed 10T tokens/day (was 4.6T in 2025H1)")]
    # Restated to 12.5T: it still passes 10T, which is the same news (the key is the threshold).
    _, c = store(conn, "results", [("zhipu", "daily_token_volume", "2026-03", 12.5e12, "tokens/day")])
    _, new = _run(conn, c, NOW + timedelta(days=2))
    assert new == 0 and len(_outbox(conn)) == 1


def test_a_conflict_fires_when_sources_start_to_disagree_not_again_while_they_do(conn):
    _, a = store(conn, "prospectus", [("zhipu", "revenue_share.on_premise", "2025H1", 84.8, "%")])
    _run(conn, a)
    _, b = store(conn, "listing", [("zhipu", "revenue_share.on_premise", "2025H1", 84.5, "%")])
    _, new = _run(conn, b, NOW + timedelta(hours=1))
    assert new == 1
    (rule, _, metric, period, status, _, title, body, *_), = _outbox(conn)
    assert (rule, metric, period, status) == ("sources_disagree", "revenue_share.on_premise", "2025H1", "pending")
    assert title == "Zhipu AI: sources disagree on on-premise share of revenue 2025H1"
    assert body == ("2 sources give on-premise share of revenue for 2025H1 from 84.5% to 84.8%; "
                    "the consensus used is 84.65%.")
    _, c = store(conn, "third", [("zhipu", "revenue_share.on_premise", "2025H1", 84.8, "%")])
    _, new = _run(conn, c, NOW + timedelta(days=3))
    assert new == 0


def test_a_new_filing_for_a_watched_company_stored_in_this_run(conn):
    meta = {"event": "new_filing", "company": "zhipu", "exchange": "HKEX", "filing_type": "Announcements",
            "title": "VOLUNTARY ANNOUNCEMENT - BUSINESS UPDATE"}
    store(conn, "old-filing", [], kind="filing", when=NOW - timedelta(days=1), metadata=meta,
          url="https://www1.hkexnews.hk/old.pdf")
    store(conn, "filing", [], kind="filing", metadata=meta, title="VOLUNTARY ANNOUNCEMENT - BUSINESS UPDATE",
          url="https://www1.hkexnews.hk/new.pdf")
    store(conn, "other", [], kind="filing", metadata={**meta, "company": "someone-else"},
          url="https://www1.hkexnews.hk/other.pdf")
    store(conn, "not-a-filing", [], metadata={"path": "x.txt"})
    _, new = _run(conn, set())
    assert new == 1
    (rule, company, metric, period, status, _, title, body, _, quote, url), = _outbox(conn)
    assert (rule, company, metric, status, url) == ("new_filing", "zhipu", None, "pending",
                                                   "https://www1.hkexnews.hk/new.pdf")
    assert period == "2026-04-01"
    assert title == "Zhipu AI: new HKEX filing: VOLUNTARY ANNOUNCEMENT - BUSINESS UPDATE"
    assert body == "New HKEX filing: VOLUNTARY ANNOUNCEMENT - BUSINESS UPDATE (Announcements), filed 2026-04-01."
    _, again = _run(conn, set())  # the same documents evaluated again: the same news
    assert again == 0


def test_an_implausible_value_is_reported_with_its_sentence(conn):
    _, keys = store(conn, "typo", [("zhipu", "revenue", "FY2024", 312_400_000_000, "CNY", "eq",
                                    "2024年收入为3124亿元"), ("zhipu", "revenue", "FY2023", 124_500_000, "CNY")],
                    reason={("revenue", "FY2024"): "1000x above the last known value"})
    _run(conn, keys)
    rows = _outbox(conn)
    assert [(r[0], r[3], r[4], r[9]) for r in rows] == [("implausible_value", "FY2024", "pending",
                                                         "2024年收入为3124亿元")]
    assert rows[0][7].startswith("Revenue CNY 312.4B for FY2024 was set aside: 1000x above the last known value.")


def test_first_sighting_is_off_by_default_and_limited_when_on(conn, tmp_path):
    assert "first_sighting" not in {r.id for r in load_rules()}
    user = tmp_path / "rules.yaml"
    user.write_text("rules:\n  - {id: first_sighting, kind: first_seen, max_per_run: 1, severity: low}\n")
    rules = load_rules(user)
    _, keys = store(conn, "prospectus", [("zhipu", "revenue", "FY2023", 124_500_000, "CNY"),
                                         ("zhipu", "revenue", "FY2024", 312_400_000, "CNY"),
                                         ("zhipu", "rd_expense", "FY2024", 2_195_400_000, "CNY")])
    _, new = _run(conn, keys, rules=rules)
    rows = [(r[0], r[2], r[3], r[4], r[5]) for r in _outbox(conn) if r[0] == "first_sighting"]
    assert new == 2  # rd_expense's first sighting, and revenue's +151% (amount_jump)
    assert rows == [("first_sighting", "rd_expense", "FY2024", "pending", None),
                    ("first_sighting", "revenue", "FY2024", "suppressed",
                     "max_per_run: rule first_sighting allows 1 per run")]
    _, more = store(conn, "later", [("zhipu", "revenue", "FY2025", 500_000_000, "CNY")])
    _run(conn, more, NOW + timedelta(hours=1), rules=rules)
    assert len([r for r in _outbox(conn) if r[0] == "first_sighting"]) == 2  # revenue is no longer new


def test_a_cooldown_holds_back_the_same_rule_for_the_same_company_and_metric(conn):
    _, a = store(conn, "h1", [("zhipu", "revenue_share.cloud", "2025H1", 15.2, "%")])
    _, b = store(conn, "fy", [("zhipu", "revenue_share.cloud", "FY2025", 28, "%")])
    _run(conn, a | b)
    two_hours = NOW + timedelta(hours=2)
    _, c = store(conn, "q1", [("zhipu", "revenue_share.cloud", "2026Q1", 45, "%")], when=two_hours)
    _, new = _run(conn, c, two_hours)
    assert new == 0
    rows = [(r[3], r[4], r[5]) for r in _outbox(conn)]
    assert rows[1][:2] == ("2026Q1", "suppressed")
    assert rows[1][2].startswith("cooldown: rule revenue_mix_shift alerted ") and rows[1][2].endswith(
        "at 2026-04-01 08:00 (cooldown 24h)")
    next_day = NOW + timedelta(hours=25)
    _, d = store(conn, "h1-2026", [("zhipu", "revenue_share.cloud", "2026H1", 60, "%")], when=next_day)
    _, new = _run(conn, d, next_day)
    assert new == 1  # 24h after the alert that was sent; the suppressed one does not extend the cooldown
    assert [(r[3], r[4]) for r in _outbox(conn)][-1] == ("2026H1", "pending")


def test_a_rule_key_decides_what_is_the_same_news(conn, tmp_path):
    user = tmp_path / "rules.yaml"
    user.write_text("rules:\n  - id: revenue_mix_shift\n    kind: change\n    metrics: ['revenue_share.*']\n"
                    "    threshold_pp: 10\n    key: [company, metric]\n")
    rules = load_rules(user)
    _, a = store(conn, "h1", [("zhipu", "revenue_share.cloud", "2025H1", 15.2, "%")])
    _, b = store(conn, "fy", [("zhipu", "revenue_share.cloud", "FY2025", 28, "%")])
    _, new = _run(conn, a | b, rules=rules)
    assert new == 1
    _, c = store(conn, "q1", [("zhipu", "revenue_share.cloud", "2026Q1", 45, "%")])
    _, new = _run(conn, c, NOW + timedelta(days=5), rules=rules)
    assert new == 0 and len(_outbox(conn)) == 1


@pytest.mark.parametrize("text, message", [
    ("rules:\n  - {id: x, kind: change, threshold_pp: 5, colour: red}\n", r"rules\[0\] \(x\): unknown key\(s\) colour"),
    ("rules:\n  - {id: x, kind: change, threshold_pp: 5, severity: urgent}\n", "severity must be one of low, medium, high"),
    ("rules:\n  - {id: x, kind: change, threshold_pp: 5, cooldown: soon}\n", "not a duration: 'soon'"),
    ("rules:\n  - {id: x, kind: change}\n", "a change rule needs threshold_pp and/or threshold_pct"),
    ("rules:\n  - {id: x, kind: milestone}\n", "a milestone rule needs thresholds"),
    ("rules:\n  - {id: x, kind: conflict, key: [colour]}\n", "key must list fields among company, metric"),
    ("rules:\n  - {id: x, kind: shouting}\n", r"rules\[0\] needs an 'id' and a 'kind' in change, milestone"),
    ("rules: [\n", "cannot read rules"),
])
def test_a_bad_rules_file_is_refused_naming_the_file_and_the_rule(tmp_path, text, message):
    user = tmp_path / "my-rules.yaml"
    user.write_text(text)
    with pytest.raises(ValueError, match=message) as err:
        load_rules(user)
    assert str(user) in str(err.value)


def test_durations():
    assert [parse_duration_hours(v) for v in ("12h", "3d", "30m", "1w", 6, None, "0")] == [12, 72, 0.5, 168, 6, 0, 0]
