# marketmon: two commands on a fresh machine (shared/spec/cli.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
UV_VERSION := 0.13.9
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench airflow lock clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --require-hashes requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

run: $(STAMP)  ## run the whole pipeline once on the bundled sample sources into data/
	$(BIN)/marketmon run

test: $(STAMP)  ## run the whole test suite
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check pipeline storage alerts dags tests bench

bench: $(STAMP)  ## run the benchmarks, write bench/results/latest.json
	$(BIN)/python -m bench

airflow: $(STAMP)  ## airflow standalone on 127.0.0.1 with the project's DAGs
	bash scripts/airflow-standalone.sh

lock:  ## re-resolve the lock (needs uv on PATH)
	uv pip compile pyproject.toml --extra dev --exclude-newer $$(date -u +%F) --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) data/*.duckdb data/*.wal
