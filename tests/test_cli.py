"""The command line through the installed console script, as a user meets it."""

import json
from pathlib import Path

from pipeline.config import sample_config_path
from pipeline.models import FACT_KEYS

INBOX = sample_config_path().parent / "inbox"


def _inbox_only_config(tmp_path: Path) -> Path:
    cfg = tmp_path / "marketmon.yaml"
    cfg.write_text(
        "db: data/marketmon.duckdb\n"
        "watchlist:\n"
        "  - {id: zhipu, names: [智谱, 智谱AI, 智譜, Zhipu, Zhipu AI]}\n"
        "  - {id: minimax, names: [MiniMax, 稀宇科技]}\n"
        f"sources:\n  - {{kind: inbox, path: '{INBOX}'}}\n",
        encoding="utf-8",
    )
    return cfg


def test_run_then_query_the_revenue_mix_view(cli, tmp_path):
    _inbox_only_config(tmp_path)  # ./marketmon.yaml is picked up from the working folder
    first = cli("run")
    assert first.returncode == 0, first.stderr
    assert "documents" in first.stdout and "seconds" in first.stdout
    assert (tmp_path / "data" / "marketmon.duckdb").exists()
    second = cli("run")
    assert second.returncode == 0, second.stderr
    assert "Nothing new" in second.stdout
    mix = cli("query", "select company, period, on_premise_pct, cloud_pct from revenue_mix order by period",
              "--format", "json", "--live")
    assert mix.returncode == 0, mix.stderr
    rows = [json.loads(line) for line in mix.stdout.splitlines()]
    assert {"company": "zhipu", "period": "FY2025", "on_premise_pct": 72.0, "cloud_pct": 28.0} in rows


def test_query_refuses_a_write_with_a_clear_message(cli, tmp_path):
    _inbox_only_config(tmp_path)
    assert cli("run").returncode == 0
    result = cli("query", "delete from facts", "--live")
    assert result.returncode == 1
    assert result.stderr.strip() == "error: refused: `marketmon query` is read-only and this is a DELETE statement"
    count = cli("query", "select count(*) as n from facts", "--format", "csv", "--live")
    assert int(count.stdout.splitlines()[1]) > 20


def test_extract_prints_facts_in_the_contract_shape(cli):
    result = cli("extract", str(INBOX / "2025-12-20-zhipu-prospectus.txt"))
    assert result.returncode == 0, result.stderr
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(list(f) == list(FACT_KEYS) for f in facts)
    revenue = {(f["period"], f["value"]) for f in facts if f["metric"] == "revenue" and f["company"] == "zhipu"}
    assert {("FY2022", 57400000), ("FY2023", 124500000), ("FY2024", 312400000)} <= revenue
    text = json.loads(cli("parse", str(INBOX / "2025-12-20-zhipu-prospectus.txt")).stdout)["text"]
    for f in facts:
        assert text[f["start"]:f["end"]] == f["quote"]


def test_parse_prints_title_date_language_and_text(cli):
    result = cli("parse", str(INBOX / "2025-12-21-zhipu-rd-losses.html"))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) == {"title", "published", "lang", "text"}
    assert doc["title"] == "智谱研发投入三年增长25倍，亏损同步扩大"
    assert doc["published"] == "2025-12-21"
    assert doc["lang"] == "zh"
    assert "21.954亿元" in doc["text"] and "首页" not in doc["text"]  # navigation is not article text


def test_status_shows_runs_and_sources(cli, tmp_path):
    _inbox_only_config(tmp_path)
    assert cli("run").returncode == 0
    result = cli("status")  # reads the snapshot the run published
    assert result.returncode == 0, result.stderr
    assert "last runs" in result.stdout and "ok" in result.stdout
    assert "inbox" in result.stdout


def test_an_invalid_config_is_one_line_naming_the_file(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("watchlist:\n  - names: [x]\n")
    result = cli("run", "--config", str(bad))
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(bad) in result.stderr and "needs an 'id'" in result.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("db: [\n")
    result = cli("run", "--config", str(broken))
    assert result.returncode != 0 and result.stderr.count("\n") == 1 and "invalid YAML" in result.stderr


def test_an_unopenable_database_is_one_line_naming_the_file(cli, tmp_path):
    _inbox_only_config(tmp_path)
    (tmp_path / "blocker").write_text("a file where a folder should be")
    result = cli("run", "--db", str(tmp_path / "blocker" / "x.duckdb"))
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "blocker/x.duckdb" in result.stderr


def test_a_missing_file_for_parse_is_a_clear_error(cli, tmp_path):
    result = cli("parse", str(tmp_path / "nope.html"))
    assert result.returncode != 0
    assert "nope.html" in result.stderr and "Traceback" not in result.stderr
