"""docker-compose.yml, Dockerfile and .env.example agree with the repository (no Docker engine needed)."""

from __future__ import annotations

import functools
import re
import shlex
from pathlib import Path

import pytest
import yaml

from tests.airflow.conftest import REPO

COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]
AIRFLOW_SERVICES = {"airflow-init", "airflow-apiserver", "airflow-scheduler", "airflow-dag-processor",
                    "airflow-triggerer", "airflow-worker"}
VARIABLE = re.compile(r"(?<!\$)\$\{([A-Z0-9_]+)(?::?-[^}]*)?\}")


def env_example() -> dict[str, str]:
    pairs = [line.split("=", 1) for line in (REPO / ".env.example").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return {k: v for k, v in pairs}


@functools.cache
def airflow_parser():
    from airflow.cli.cli_parser import get_parser

    return get_parser()


def test_the_official_airflow_3_services():
    assert set(SERVICES) == AIRFLOW_SERVICES | {"postgres", "redis"}
    assert "x-airflow-common" in COMPOSE
    common = COMPOSE["x-airflow-common"]["environment"]
    assert common["AIRFLOW__CORE__EXECUTOR"] == "${AIRFLOW_EXECUTOR:-LocalExecutor}"
    assert {n for n, s in SERVICES.items() if s.get("profiles")} == {"redis", "airflow-worker"}
    assert all(SERVICES[n]["profiles"] == ["celery"] for n in ("redis", "airflow-worker"))
    for name in AIRFLOW_SERVICES:  # every Airflow service is built from the project's image
        assert SERVICES[name]["build"] == {"context": ".", "dockerfile": "Dockerfile"}
        assert SERVICES[name]["environment"]["MARKETMON_DB"] == "/opt/marketmon/data/marketmon.duckdb"
    for name, service in SERVICES.items():
        if name != "airflow-init":
            assert service["healthcheck"]["test"], name
    assert SERVICES["airflow-apiserver"]["ports"] == ["127.0.0.1:${AIRFLOW_API_PORT:-8080}:8080"]


def test_build_context_and_every_copied_path_exist():
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert dockerfile.splitlines()[2] == "FROM apache/airflow:3.3.2-python3.11"
    assert "pip install --no-cache-dir --require-hashes --no-deps -r /opt/marketmon/requirements.lock" in dockerfile
    ignored = {line.strip().rstrip("/") for line in (REPO / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith(("#", "!"))}
    copied = [part for line in dockerfile.splitlines() if line.startswith("COPY ")
              for part in shlex.split(line)[1:-1] if not part.startswith("--")]
    assert copied == ["requirements.lock", "pyproject.toml", "README.md", "pipeline", "storage", "alerts", "dags",
                      "scripts/airflow-standalone.sh"]
    for source in copied:
        assert (REPO / source).exists(), source
        assert source.split("/")[0] not in ignored, source
    assert {".env", ".venv", "data"} <= ignored


def test_every_mounted_host_path_exists():
    volumes = COMPOSE["x-airflow-common"]["volumes"]
    for volume in volumes:
        host, container = volume.rsplit(":", 1)
        default = VARIABLE.fullmatch(host)
        if default:
            host = host.split(":-", 1)[1].rstrip("}")
        if not host.startswith("./"):
            assert host in COMPOSE["volumes"], volume  # a named volume
            continue
        if host == "./data":  # the pipeline's output folder, created by the first run (and ignored by git)
            assert "data/" in (REPO / ".gitignore").read_text().splitlines()
            continue
        assert (REPO / host).is_dir(), volume
        if container.startswith("/opt/marketmon/pipeline/"):  # mounted over the copied package's own folder
            assert (REPO / container.removeprefix("/opt/marketmon/")).is_dir()
    config = COMPOSE["x-airflow-common"]["environment"]["MARKETMON_CONFIG"]
    assert (REPO / config.split(":-", 1)[1].rstrip("}").removeprefix("/opt/marketmon/")).is_file()


def test_every_variable_is_documented_and_no_secret_is_filled_in():
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    used = set(VARIABLE.findall(text))
    documented = env_example()
    assert used == set(documented)
    for secret in ("SLACK_BOT_TOKEN", "SLACK_WEBHOOK_URL", "AIRFLOW_ADMIN_PASSWORD"):
        assert documented[secret] == ""
    assert ".env" in (REPO / ".gitignore").read_text().splitlines()


def commands() -> list[tuple[str, list[str]]]:
    found = []
    for name, service in SERVICES.items():
        if name in AIRFLOW_SERVICES and name != "airflow-init":
            found.append((name, shlex.split(service["command"])))
        test = service["healthcheck"]["test"] if "healthcheck" in service else []
        if test and test[0] == "CMD-SHELL" and test[1].startswith("airflow "):
            found.append((f"{name} healthcheck", shlex.split(test[1].replace("$$", "$"))[1:]))
    script = SERVICES["airflow-init"]["command"][1]
    (pool,) = [line for line in script.splitlines() if "airflow pools set" in line]
    found.append(("airflow-init", shlex.split(pool.split("/entrypoint airflow ", 1)[1])))
    return found


@pytest.mark.parametrize(("where", "argv"), commands(), ids=[c[0] for c in commands()])
def test_every_airflow_command_parses(where, argv):
    import importlib.util

    if argv[0] == "celery" and importlib.util.find_spec("airflow.providers.celery") is None:
        # The celery provider ships in the apache/airflow image, not in this project's lock.
        assert argv == ["celery", "worker"]
        return
    args = airflow_parser().parse_args(argv)
    assert callable(args.func), where
    if argv[:2] == ["pools", "set"]:
        assert (args.pool, int(args.slots)) == ("marketmon_duckdb", 1)


def test_the_standalone_script_only_uses_documented_settings():
    script = (REPO / "scripts" / "airflow-standalone.sh").read_text(encoding="utf-8")
    assert "exec airflow standalone" in script
    assert 'airflow pools set marketmon_duckdb 1' in script
    assert "AIRFLOW__API__HOST=127.0.0.1" in script
    assert 'AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="sqlite:///$AIRFLOW_HOME/airflow.db"' in script
    assert 'AIRFLOW_HOME="${MARKETMON_AIRFLOW_HOME:-$ROOT/data/airflow}"' in script
    Path(REPO / "Makefile").read_text().index("bash scripts/airflow-standalone.sh")
