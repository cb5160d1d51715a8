"""The Assets that chain marketmon's DAGs: documents per ingest kind, metrics, and the watched inbox."""

from __future__ import annotations

import logging

from airflow.sdk import Asset, AssetWatcher

from marketmon_airflow.runtime import config_path

log = logging.getLogger(__name__)

NEWS_DOCUMENTS = Asset(name="marketmon_news_documents", uri="marketmon://documents/news")
FILING_DOCUMENTS = Asset(name="marketmon_filing_documents", uri="marketmon://documents/filings")
STATS_DOCUMENTS = Asset(name="marketmon_stats_documents", uri="marketmon://documents/stats")
METRICS = Asset(name="marketmon_metrics", uri="marketmon://metrics")

INBOX_POLL_SECONDS = 5.0


def inbox_folders() -> list[str]:
    """Return the folders of the configured inbox sources (read from the config at parse time)."""
    from pipeline.config import ConfigError, load_config

    try:
        config = load_config(config_path())
    except ConfigError as exc:
        # The DAGs still load; ingest tasks fail with the same message where it is visible.
        log.warning("marketmon: no inbox watched: %s", exc)
        return []
    return [s.options["path"] for s in config.sources if s.kind == "inbox"]


def inbox_asset() -> Asset:
    """Return the inbox Asset, with one watcher per inbox folder so a dropped file triggers ingestion."""
    from pipeline.triggers import InboxTrigger

    watchers = [
        AssetWatcher(name=f"marketmon_inbox_{i}", trigger=InboxTrigger(folder=folder, poll_interval=INBOX_POLL_SECONDS))
        for i, folder in enumerate(inbox_folders())
    ]
    return Asset(name="marketmon_inbox", uri="marketmon://inbox", watchers=watchers)
