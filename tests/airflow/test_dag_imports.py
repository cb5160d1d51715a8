"""The DAG folder imports cleanly, and importing a DAG file stays light (no pandas, duckdb, bs4, slack_sdk)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.airflow.conftest import AIRFLOW_ENV, DAGS, REPO

DAG_IDS = {"ingest_news", "ingest_filings", "ingest_token_stats", "ingest_inbox", "extract_metrics",
           "deliver_alerts", "maintenance"}
DAG_FILES = sorted(p.name for p in DAGS.glob("*.py"))
HEAVY = ("pandas", "duckdb", "bs4", "slack_sdk", "trafilatura", "pdfplumber", "matplotlib")


def test_dagbag_has_every_dag_and_no_import_errors():
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAGS))
    assert bag.import_errors == {}
    assert set(bag.dag_ids) == DAG_IDS


def test_shared_wiring_is_not_parsed_as_dag_files():
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAGS))
    parsed = {os.path.relpath(path, DAGS) for path in bag.file_last_changed}
    assert parsed == set(DAG_FILES)


def test_importing_the_dag_files_loads_no_heavy_module():
    # One fresh interpreter imports each DAG file in turn and lists the heavy modules loaded so far; at
    # the end it imports the pipeline's stages, which must show up (the check itself can see them).
    code = (
        "import importlib, importlib.util, json, sys\n"
        f"heavy = {HEAVY!r}\n"
        "report = {}\n"
        f"for path in {[str(DAGS / n) for n in DAG_FILES]!r}:\n"
        "    spec = importlib.util.spec_from_file_location('dag_' + str(len(report)), path)\n"
        "    spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
        "    report[path.rsplit('/', 1)[-1]] = sorted(m for m in heavy if m in sys.modules)\n"
        "importlib.import_module('pipeline.stages')\n"
        "report['after pipeline.stages'] = sorted(m for m in heavy if m in sys.modules)\n"
        "print(json.dumps(report))\n"
    )
    env = {**os.environ, **AIRFLOW_ENV, "PYTHONPATH": os.pathsep.join([str(DAGS), str(REPO)])}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert {name: report[name] for name in DAG_FILES} == {name: [] for name in DAG_FILES}
    assert "duckdb" in report["after pipeline.stages"]
