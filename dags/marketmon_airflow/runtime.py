"""What a task needs from its run: the config, the run's window end as "now", and a record id."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path


def config_path() -> Path:
    """Return the config file: $MARKETMON_CONFIG, else the bundled sample config."""
    from pipeline.config import sample_config_path

    explicit = os.environ.get("MARKETMON_CONFIG")
    return Path(explicit) if explicit else sample_config_path()


def load_run_config():
    """Load the config (and $MARKETMON_DB) for a task; a broken config fails the task with its message."""
    from pipeline.config import load_config

    return load_config(config_path())


def run_time(context) -> datetime:
    """Return the end of the run's window as naive UTC: the data interval's end, else the run's run_after.

    Scheduled and backfilled runs get the same value every time they run, so their writes are repeatable;
    asset-triggered runs (no data interval) use the moment the run was queued.
    """
    moment = context.get("data_interval_end") or context["dag_run"].run_after
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return datetime(moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second,
                    moment.microsecond)


def run_record_id(context) -> str:
    """Return the id under which marketmon's `runs` table records this DAG run's stage."""
    return f"airflow:{context['dag'].dag_id}:{context['run_id']}"
