"""Benchmark results: one record per benchmark, the machine they ran on, the table and the JSON file."""

from __future__ import annotations

import json
import os
import platform
import sys
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from rich.console import Console
from rich.table import Table


@dataclass(slots=True)
class BenchResult:
    """One benchmark's headline figure against its target, with the numbers behind it."""

    name: str
    title: str
    figure: float | None = None
    unit: str = ""
    target: str = ""
    ok: bool | None = None  # None: skipped, or not measured to the end
    details: dict = field(default_factory=dict)
    note: str = ""
    seconds: float = 0.0

    @property
    def verdict(self) -> str:
        """Return 'met', 'MISSED', or 'skipped'/'incomplete' when there is no verdict."""
        if self.ok is None:
            return "skipped" if self.figure is None else "incomplete"
        return "met" if self.ok else "MISSED"


def machine() -> dict:
    """Describe the machine and the versions that the figures depend on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        memory_gb = round(psutil.virtual_memory().total / 2**30, 1)
    except ImportError:
        memory_gb = None
    versions = {}
    for package in ("duckdb", "trafilatura", "lxml", "charset-normalizer"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gb": memory_gb,
        "os": f"{platform.system()} {platform.release()}", "python": sys.version.split()[0], "versions": versions,
    }


def print_table(results: list[BenchResult], console: Console | None = None) -> None:
    """Print one row per benchmark: figure, target, verdict."""
    table = Table(title="marketmon benchmarks", title_justify="left")
    for column in ("benchmark", "figure", "target", "verdict", "s"):
        table.add_column(column, justify="right" if column in ("figure", "s") else "left")
    style = {"met": "green", "MISSED": "bold red", "skipped": "dim", "incomplete": "yellow"}
    for r in results:
        figure = "-" if r.figure is None else f"{r.figure:,.3g} {r.unit}".strip()
        table.add_row(r.title, figure, r.target, f"[{style[r.verdict]}]{r.verdict}[/]", f"{r.seconds:.0f}")
    (console or Console()).print(table)
    for r in results:
        if r.note:
            (console or Console()).print(f"[bold]{r.name}[/]: {r.note}", highlight=False)


def write_results(results: list[BenchResult], path: Path, *, quick: bool) -> None:
    """Write the results and the machine description as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "machine": machine(),
        "results": [asdict(r) | {"verdict": r.verdict} for r in results],
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


class Profiled:
    """Profile a measured section with pyinstrument when asked (`--profile`), saving the text report."""

    folder: Path | None = None  # set by __main__ when --profile is given

    def __init__(self, name: str) -> None:
        self.name = name
        self.profiler = None

    def __enter__(self) -> Profiled:
        if self.folder is not None:
            from pyinstrument import Profiler

            self.profiler = Profiler()
            self.profiler.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.profiler is not None:
            self.profiler.stop()
            self.folder.mkdir(parents=True, exist_ok=True)
            text = self.profiler.output_text(unicode=False, color=False, show_all=False)
            (self.folder / f"{self.name}.txt").write_text(text, encoding="utf-8")
