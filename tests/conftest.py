"""Fixtures shared by every test folder: a fresh real DuckDB file, the sample config, a CLI runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a new DuckDB file in this test's own folder."""
    return tmp_path / "marketmon.duckdb"


@pytest.fixture
def sample_config():
    """The bundled sample config, loaded."""
    from pipeline.config import load_config, sample_config_path

    return load_config(sample_config_path())


def marketmon_exe() -> str:
    """Return the installed `marketmon` console script of this environment."""
    exe = Path(sys.executable).with_name("marketmon")
    return str(exe) if exe.exists() else shutil.which("marketmon") or "marketmon"


@pytest.fixture
def cli(tmp_path: Path):
    """Run the real console script in a clean environment (no Slack, no user config); return the result."""

    def run(*args: str, cwd: Path | None = None, env: dict | None = None, input: str | None = None):
        clean = {k: v for k, v in os.environ.items()
                 if not k.startswith(("SLACK_", "MARKETMON_", "AIRFLOW"))}
        clean.update({"COLUMNS": "200", "NO_COLOR": "1"})
        clean.update(env or {})
        return subprocess.run([marketmon_exe(), *args], cwd=cwd or tmp_path, env=clean, capture_output=True,
                              text=True, input=input, timeout=300)

    return run
