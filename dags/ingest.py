"""Ingest DAGs: each fetches one group of source kinds into DuckDB and announces new documents as an Asset.

ingest_news (hourly), ingest_filings (every 15 minutes), ingest_token_stats (daily), and ingest_inbox,
which an AssetWatcher starts as soon as a document is dropped into the inbox folder.
"""

from __future__ import annotations

from airflow.sdk import Asset, CronTriggerTimetable, Metadata, dag, task
from airflow.sdk.exceptions import AirflowSkipException
from marketmon_airflow.assets import FILING_DOCUMENTS, NEWS_DOCUMENTS, STATS_DOCUMENTS, inbox_asset
from marketmon_airflow.defaults import dag_options
from marketmon_airflow.runtime import load_run_config, run_record_id, run_time

DOC = """
### {dag_id}

Fetches every configured source of kind {kinds} (`pipeline.ingest.ingest_sources`) and stores new or
changed documents in DuckDB, raw and before parsing. The `fetch` task runs in the one-slot
`marketmon_duckdb` pool. When there is something to process, `announce` emits **{asset}** with the
counts in the event's `extra`, which schedules `extract_metrics`.

The run's window end (data interval end, else `run_after`) is the `now` of every write, so a
backfill over past dates repeats exactly.
"""


def ingest_dag(dag_id: str, schedule, kinds: frozenset[str], outlet: Asset):
    """Build one ingest DAG: fetch the kinds' sources, then announce the documents Asset."""

    @dag(
        dag_id=dag_id,
        schedule=schedule,
        **dag_options("ingest", timeout_minutes=30),
        doc_md=DOC.format(dag_id=dag_id, kinds=", ".join(f"`{k}`" for k in sorted(kinds)), asset=outlet.name),
    )
    def ingest():
        @task
        def fetch(**context) -> dict:
            """Fetch and store the sources' new documents."""
            from pipeline.stages import ingest_stage
            from pipeline.wiring import make_http

            config = load_run_config()
            return ingest_stage(config, run_time(context), kinds=kinds, run_id=run_record_id(context),
                                http=make_http(config))

        @task(outlets=[outlet], pool="default_pool")
        def announce(result: dict):
            """Emit the documents Asset (counts in extra) when documents wait for processing."""
            if not (result["inserted"] or result["updated"] or result["pending"]):
                raise AirflowSkipException("nothing new to process")
            yield Metadata(outlet, extra={k: result[k] for k in
                                          ("inserted", "updated", "unchanged", "fetch_errors", "pending")}
                           | {"source_errors": sorted(result["source_errors"])})

        announce(fetch())

    return ingest()


ingest_news = ingest_dag(
    "ingest_news", CronTriggerTimetable("0 * * * *", timezone="UTC"), frozenset({"inbox", "rss", "page"}),
    NEWS_DOCUMENTS,
)
ingest_filings = ingest_dag(
    "ingest_filings", CronTriggerTimetable("*/15 * * * *", timezone="UTC"), frozenset({"hkex", "sec"}),
    FILING_DOCUMENTS,
)
ingest_token_stats = ingest_dag(
    "ingest_token_stats", CronTriggerTimetable("30 2 * * *", timezone="UTC"), frozenset({"openrouter"}),
    STATS_DOCUMENTS,
)
# Event-driven: the inbox Asset's watcher fires when a file appears, and this run ingests it at once.
ingest_inbox = ingest_dag("ingest_inbox", inbox_asset(), frozenset({"inbox"}), NEWS_DOCUMENTS)
