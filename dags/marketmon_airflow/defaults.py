"""Task defaults every marketmon DAG shares: retries with backoff, timeouts, the DuckDB pool, failure notices."""

from __future__ import annotations

from datetime import datetime, timedelta

from marketmon_airflow.notices import notify_failure

# DuckDB takes one writing process per file: every task that writes runs in this one-slot pool.
DUCKDB_POOL = "marketmon_duckdb"
START_DATE = datetime(2026, 1, 1)
TAGS = ["marketmon"]


def default_args(*, timeout_minutes: int = 30) -> dict:
    """Return the default task arguments (retries back off 1, 2, 4 minutes; a failure after them posts to Slack)."""
    return {
        "owner": "marketmon",
        "retries": 3,
        "retry_delay": timedelta(minutes=1),
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": timedelta(minutes=15),
        "execution_timeout": timedelta(minutes=timeout_minutes),
        "pool": DUCKDB_POOL,
        "pool_slots": 1,
        "on_failure_callback": notify_failure,
    }


def dag_options(tag: str, *, timeout_minutes: int) -> dict:
    """Return the DAG arguments every marketmon DAG shares: no catch-up, one run at a time, the task defaults."""
    return {
        "start_date": START_DATE,
        "catchup": False,
        "max_active_runs": 1,
        "default_args": default_args(timeout_minutes=timeout_minutes),
        "tags": [*TAGS, tag],
    }
