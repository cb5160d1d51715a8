"""Fixtures for the fault suite: the real `marketmon` console script in a subprocess, measured (wall time,
peak RSS from /proc), configs written into tmp_path, the loopback HTTP server and the Slack stand-in.

The figures each test measures are collected in FIGURES and printed at the end of the session.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
import yaml

from tests.conftest import marketmon_exe
from tests.support.http_server import loopback_server  # noqa: F401
from tests.support.slack_server import SlackStandIn

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "pipeline" / "samples"
SAMPLE_INBOX = SAMPLES / "inbox"
FIGURES: list[str] = []
_PYCACHE: list[Path] = []


def record_figure(line: str) -> None:
    """Keep one measured figure for the end-of-session summary (and print it for -s runs)."""
    FIGURES.append(line)
    print(line)


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "slow: a heavy fault test (minutes); still part of `make test`")


def pytest_terminal_summary(terminalreporter) -> None:
    if FIGURES:
        terminalreporter.section("fault suite figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


@dataclass(slots=True)
class Finished:
    """A finished (or killed) marketmon process: exit status, output, wall seconds and peak RSS in MB."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float

    @property
    def output(self) -> str:
        """Return stdout and stderr together."""
        return self.stdout + self.stderr


def clean_env(extra: dict | None = None) -> dict[str, str]:
    """The test process's environment without Slack, marketmon or Airflow settings, plus `extra`.

    Bytecode is cached under a session folder (outside the repository) so that each subprocess does not
    compile matplotlib and duckdb again; that is speed only, behaviour is the same.
    """
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "MARKETMON_", "AIRFLOW")) and k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"})
    if _PYCACHE:
        env["PYTHONPYCACHEPREFIX"] = str(_PYCACHE[0])
    env.update(extra or {})
    return env


def start(args: list[str], *, cwd: Path, env: dict | None = None, out_dir: Path | None = None) -> subprocess.Popen:
    """Start `marketmon ARGS` with output going to files (no pipe can fill up and block it)."""
    out_dir = out_dir or cwd
    stamp = f"{time.monotonic_ns()}"
    stdout = open(out_dir / f".out-{stamp}", "w+b")  # noqa: SIM115 - closed in finish()
    stderr = open(out_dir / f".err-{stamp}", "w+b")  # noqa: SIM115
    proc = subprocess.Popen([marketmon_exe(), *args], cwd=cwd, env=clean_env(env), stdout=stdout, stderr=stderr,
                            stdin=subprocess.DEVNULL)
    proc._mm_files = (stdout, stderr)  # type: ignore[attr-defined]
    proc._mm_started = time.monotonic()  # type: ignore[attr-defined]
    proc._mm_args = args  # type: ignore[attr-defined]
    proc._mm_peak = [0]  # type: ignore[attr-defined]
    threading.Thread(target=_sample_peak, args=(proc,), daemon=True).start()
    return proc


def _sample_peak(proc: subprocess.Popen, every: float = 0.02) -> None:
    """Follow the process's own peak RSS (VmHWM, kB) until it exits.

    wait4's ru_maxrss cannot be used: a child's figure also holds the pages of the pytest process it was
    forked from (the kernel keeps the pre-exec high-water mark), which is over 1 GB late in a full run.
    VmHWM only grows, so the last reading before exit is the peak to within one interval.
    """
    status = Path(f"/proc/{proc.pid}/status")
    while True:
        try:
            text = status.read_text()
        except OSError:
            return  # reaped
        line = next((x for x in text.splitlines() if x.startswith("VmHWM:")), None)
        if line is None:
            return  # exited: a zombie has no memory left to read
        proc._mm_peak[0] = max(proc._mm_peak[0], int(line.split()[1]))  # type: ignore[attr-defined]
        time.sleep(every)


def finish(proc: subprocess.Popen, timeout: float = 400.0) -> Finished:
    """Wait for a process started with `start` (killing it after `timeout`); return what it did."""
    timer = threading.Timer(timeout, lambda: _kill(proc))
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - proc._mm_started  # type: ignore[attr-defined]
    texts = []
    for handle in proc._mm_files:  # type: ignore[attr-defined]
        handle.seek(0)
        texts.append(handle.read().decode("utf-8", "replace"))
        handle.close()
        os.unlink(handle.name)
    peak_kb = proc._mm_peak[0] or usage.ru_maxrss  # type: ignore[attr-defined]  (no reading: a process gone at once)
    return Finished(proc._mm_args, proc.returncode, texts[0], texts[1], seconds,  # type: ignore[attr-defined]
                    peak_kb / 1024)


def running(proc: subprocess.Popen) -> bool:
    """Return whether a process started with `start` is still running, without reaping it (finish() does)."""
    return os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.kill(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def kill9(proc: subprocess.Popen) -> None:
    """Kill a marketmon process with SIGKILL: no cleanup of any kind runs."""
    _kill(proc)


def run_marketmon(*args: str, cwd: Path, env: dict | None = None, timeout: float = 400.0) -> Finished:
    """Run `marketmon ARGS` to the end; return exit status, output, wall time and peak RSS."""
    return finish(start(list(args), cwd=cwd, env=env), timeout)


def assert_clean(result: Finished) -> None:
    """Assert a run exited 0 and no traceback reached the user."""
    assert "Traceback" not in result.output, result.output[-3000:]
    assert result.returncode == 0, f"exit {result.returncode}: {result.output[-3000:]}"


def write_config(folder: Path, *, sources: list[dict], db: str = "marketmon.duckdb", name: str = "marketmon.yaml",
                 watchlist: list[dict] | None = None, extra: dict | None = None) -> Path:
    """Write a config with the sample watchlist and fx and the given sources; return its path."""
    sample = yaml.safe_load((SAMPLES / "marketmon.yaml").read_text(encoding="utf-8"))
    data = {"db": db, "watchlist": watchlist or sample["watchlist"], "sources": sources, "fx": sample["fx"],
            **(extra or {})}
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def copy_samples(inbox: Path) -> list[str]:
    """Copy the good sample documents into an inbox folder; return their names."""
    inbox.mkdir(parents=True, exist_ok=True)
    names = []
    for path in sorted(SAMPLE_INBOX.iterdir()):
        if path.is_file():
            shutil.copy2(path, inbox / path.name)
            names.append(path.name)
    return names


def read_db(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Read the finished database directly (read-only, nothing else holds it)."""
    conn = duckdb.connect(str(path), read_only=True)
    try:
        return conn.execute(sql, params or []).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="session", autouse=True)
def _bytecode_cache(tmp_path_factory) -> None:
    _PYCACHE.append(tmp_path_factory.mktemp("pycache"))


@pytest.fixture
def slack():
    """A running Slack stand-in on 127.0.0.1."""
    with SlackStandIn() as stand_in:
        yield stand_in
