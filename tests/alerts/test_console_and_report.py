"""The console sender (the default) and the HTML report, on real DuckDB data."""

from __future__ import annotations

import base64
import io
import re
from datetime import timedelta

import pytest
from rich.console import Console

from alerts.console import ConsoleSender
from alerts.delivery import deliver_pending, enqueue_alerts
from alerts.messages import sparkline
from alerts.report import build_report
from alerts.rules import evaluate_rules, load_rules
from pipeline.metrics import recompute_metrics
from tests.alerts.conftest import NOW, store

NAMES = {"zhipu": "Zhipu AI"}
HOSTILE = "<script>alert(1)</script> <!channel>"


def _history(conn):
    _, a = store(conn, "prospectus", [
        ("zhipu", "revenue", "FY2022", 57_400_000, "CNY"), ("zhipu", "revenue", "FY2023", 124_500_000, "CNY"),
        ("zhipu", "revenue", "FY2024", 312_400_000, "CNY"),
        ("zhipu", "revenue_share.on_premise", "2025H1", 84.8, "%", "eq", f"on-premise 84.8% {HOSTILE}"),
        ("zhipu", "revenue_share.cloud", "2025H1", 15.2, "%"),
        ("zhipu", "adjusted_net_loss", "FY2024", 2_466_000_000, "CNY"),
        ("zhipu", "daily_token_volume", "FY2022", 5e8, "tokens/day"),
        ("zhipu", "daily_token_volume", "2025H1", 4.6e12, "tokens/day")], kind="filing",
        url="https://www1.hkexnews.hk/prospectus.pdf", title="Prospectus")
    _, b = store(conn, "listing", [("zhipu", "revenue_share.on_premise", "2025H1", 84.5, "%"),
                                   ("zhipu", "revenue_share.cloud", "FY2025", 28, "%"),
                                   ("zhipu", "revenue_share.on_premise", "FY2025", 72, "%")],
                 url="javascript:alert(1)", title=HOSTILE)
    changes = recompute_metrics(conn, a | b, NOW, fx={"USD": 7.1})
    return enqueue_alerts(conn, evaluate_rules(conn, load_rules(), changes, since=NOW), "run-1", NOW, NAMES)


def test_the_console_prints_one_panel_per_company_with_a_sparkline_trend_and_quote_and_draws_no_chart(conn, tmp_path):
    assert _history(conn) == 5
    out = io.StringIO()
    sender = ConsoleSender(Console(file=out, width=220, color_system=None))
    report = deliver_pending(conn, sender, NOW, chart_dir=tmp_path / "charts")  # the default policy: auto
    printed = out.getvalue()
    assert (report.sent, report.messages, report.charts) == (5, 1, 0)
    assert "Zhipu AI: 5 alerts" in printed
    assert "Cloud/API share of revenue moved +12.8 pp since 2025H1: 28% in FY2025, from 15.2% in 2025H1." in printed
    # 57.4M -> 124.5M -> 312.4M: the bottom, two eighths of the way up, the top.
    assert "trend: ▁▃█ FY2022 CNY 57.4M → FY2023 CNY 124.5M → FY2024 CNY 312.4M" in printed
    assert "chart:" not in printed and not (tmp_path / "charts").exists()
    assert conn.execute("SELECT count(*) FROM alerts WHERE chart_path IS NOT NULL").fetchone()[0] == 0
    again = io.StringIO()
    deliver_pending(conn, ConsoleSender(Console(file=again)), NOW + timedelta(hours=1))
    assert again.getvalue() == ""


def test_the_always_policy_writes_console_charts_to_disk_and_prints_their_paths(conn, tmp_path):
    _history(conn)
    out = io.StringIO()
    report = deliver_pending(conn, ConsoleSender(Console(file=out, width=220, color_system=None)), NOW,
                             chart_dir=tmp_path / "charts", charts="always")
    printed = out.getvalue()
    charts = sorted((tmp_path / "charts").glob("*.png"))
    assert len(charts) == 4  # revenue, two shares, token volume; the conflict has no chart
    assert all(f"chart: {c}" in printed for c in charts)
    assert all(c.read_bytes().startswith(b"\x89PNG") for c in charts)
    assert (report.sent, report.charts) == (5, 4)
    assert conn.execute("SELECT count(*) FROM alerts WHERE chart_path IS NOT NULL").fetchone()[0] == 4


def test_an_unknown_chart_policy_is_refused_before_anything_is_sent(conn, tmp_path):
    _history(conn)
    with pytest.raises(ValueError, match="charts must be one of auto, always, never"):
        deliver_pending(conn, ConsoleSender(Console(file=io.StringIO())), NOW, charts="sometimes")
    assert conn.execute("SELECT count(*) FROM alerts WHERE status = 'pending'").fetchone()[0] == 5


def test_sparklines_scale_between_the_lowest_and_highest_of_the_last_values():
    assert sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█"
    assert sparkline([5, 5, 5]) == "▄▄▄"
    assert sparkline([]) == ""
    assert sparkline([-3.0, 0.0, 3.0]) == "▁▅█"  # a loss turning into a profit
    assert sparkline(list(range(100)), limit=4) == "▁▃▆█"  # only the last four


def test_the_report_is_one_self_contained_page(conn):
    _history(conn)
    page = build_report(conn, "zhipu", "Zhipu AI", NOW)
    for heading in ("Key figures", "Revenue and mix", "Losses", "Token volume", "Conflicts between sources",
                    "Sources behind each number", "Recent alerts"):
        assert f"<h2>{heading}</h2>" in page
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(images) == 4  # revenue, revenue mix, adjusted net loss, daily token volume
    assert all(base64.b64decode(i).startswith(b"\x89PNG") for i in images)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert '<a href="https://www1.hkexnews.hk/prospectus.pdf" rel="noopener noreferrer">Prospectus</a>' in page
    assert "derived: (revenue FY2024 / revenue FY2022)^(1/2) - 1" in page  # the CAGR, with its formula
    assert page.count('<tr class="conflict">') >= 2  # both sources of the 2025H1 on-premise share
    assert 'src="http' not in page and "<link" not in page and "<script" not in page  # nothing to fetch


def test_the_report_command_writes_the_file(cli, tmp_path, db_path, conn):
    _history(conn)
    conn.close()
    (tmp_path / "marketmon.yaml").write_text(
        f"db: {db_path}\nwatchlist:\n  - {{id: zhipu, names: [Zhipu AI]}}\nsources: []\n", encoding="utf-8")
    out = tmp_path / "zhipu.html"
    done = cli("report", "--company", "zhipu", "--out", str(out), "--live")
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert f"wrote {out}" in done.stdout
    missing = cli("report", "--company", "nobody", "--out", str(tmp_path / "x.html"), "--live")
    assert missing.returncode == 1
    assert missing.stderr.strip() == "error: no metrics stored for company 'nobody' (run `marketmon run` first?)"
