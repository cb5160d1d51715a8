"""Airflow test environment: a throwaway AIRFLOW_HOME and SQLite metadata DB, set before airflow is imported."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "dags"

# Airflow reads its configuration when first imported, so this must run at conftest import time.
# Only AIRFLOW_* variables are set here; marketmon's own settings are set per test (monkeypatch).
_HOME = Path(tempfile.mkdtemp(prefix="marketmon-airflow-"))
AIRFLOW_ENV = {
    "AIRFLOW_HOME": str(_HOME / "home"),
    "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
    "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{_HOME / 'airflow.db'}",
    "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
    "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(_HOME / "logs"),
    "AIRFLOW__CORE__DAGBAG_IMPORT_ERROR_TRACEBACKS": "True",
    # As on a deployment where the DAGs are switched on: Asset events queue runs only for unpaused DAGs.
    "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
}
os.environ.update(AIRFLOW_ENV)
# Airflow's dags-folder bundle puts the folder on sys.path (BundleDagBag), so DAG files import their
# shared wiring (dags/marketmon_airflow) as a top-level package; a plain DagBag needs the same.
if str(DAGS) not in sys.path:
    sys.path.append(str(DAGS))


@pytest.fixture(scope="session", autouse=True)
def airflow_db():
    """Create the metadata DB once per session; delete the whole Airflow home afterwards."""
    from airflow.utils import db

    db.resetdb(skip_init=False)
    yield _HOME
    shutil.rmtree(_HOME, ignore_errors=True)


@pytest.fixture
def marketmon_env(tmp_path, monkeypatch):
    """marketmon settings for DAG runs in this test: a fresh DuckDB file, the sample config, no Slack."""
    for name in list(os.environ):
        if name.startswith(("SLACK_", "MARKETMON_", "AIRFLOW_CONN_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("MARKETMON_DB", str(tmp_path / "marketmon.duckdb"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def dagbag(marketmon_env):
    """The project's DAGs, parsed with this test's environment (the inbox watcher reads the config)."""
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAGS))
    assert bag.import_errors == {}
    return bag


def run_dag(dag, **kwargs) -> dict[str, str]:
    """Run a DAG with dag.test() (which does not raise when a task fails); return {task_id: state}."""
    run = dag.test(**kwargs)
    states = {ti.task_id: str(ti.state.value if hasattr(ti.state, "value") else ti.state)
              for ti in run.get_task_instances()}
    states["<run>"] = str(run.state.value if hasattr(run.state, "value") else run.state)
    return states


def asset_events(name: str) -> list[dict]:
    """Return the extras of every event of one Asset in the metadata DB, oldest first."""
    from airflow.models.asset import AssetEvent, AssetModel
    from airflow.utils.session import create_session

    with create_session() as session:
        rows = (session.query(AssetEvent.extra).join(AssetModel, AssetModel.id == AssetEvent.asset_id)
                .filter(AssetModel.name == name).order_by(AssetEvent.id).all())
        return [dict(r[0]) for r in rows]


def queued_runs(dag_id: str) -> int:
    """Return how many Asset events wait to start a run of this DAG (the scheduler's AssetDagRunQueue)."""
    from airflow.models.asset import AssetDagRunQueue
    from airflow.utils.session import create_session

    with create_session() as session:
        return session.query(AssetDagRunQueue).filter(AssetDagRunQueue.target_dag_id == dag_id).count()


def clear_asset_history() -> None:
    """Forget Asset events, queued runs and asset watchers from earlier tests (the metadata DB lives for the session).

    A watcher's trigger carries the inbox folder of the config it was parsed with. When a later sync replaces
    one watcher trigger with another for the same Asset, Airflow 3.3.2 leaves the Asset with none (the new
    reference is dropped with the old), so a test that syncs its own DAGs starts from no watchers, as a
    fresh deployment does.
    """
    from airflow.models.asset import AssetDagRunQueue, AssetEvent, AssetWatcherModel
    from airflow.models.trigger import Trigger
    from airflow.utils.session import create_session

    with create_session() as session:
        session.query(AssetDagRunQueue).delete()
        session.query(AssetEvent).delete()
        session.query(AssetWatcherModel).delete()
        session.query(Trigger).delete()
