"""The project's shape: packages come from this repository, every command is documented."""

import importlib
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, marketmon_exe

COMMANDS = ["run", "extract", "parse", "query", "status", "reprocess", "eval", "report"]


@pytest.mark.parametrize("name", ["pipeline", "storage", "alerts"])
def test_generic_top_level_packages_are_ours(name):
    module = importlib.import_module(name)
    assert Path(module.__file__).resolve().is_relative_to(REPO), f"{name} imported from {module.__file__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_that_says_what_it_does(command):
    result = subprocess.run([marketmon_exe(), command, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    first = result.stdout.split("\n\n")[1].strip()
    assert len(first.split()) >= 5, f"`marketmon {command} --help` says too little: {first!r}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    assert f"marketmon {command}" in (REPO / "README.md").read_text(encoding="utf-8")


def test_ci_runs_make_test():
    assert "make test" in (REPO / ".ci" / "run").read_text()
