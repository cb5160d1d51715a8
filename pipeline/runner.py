"""One whole pass of the flow: ingest, process, recompute, alert, deliver; recorded as a run."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from alerts.delivery import DeliveryReport, deliver_pending
from pipeline.config import Config
from pipeline.ingest import IngestReport, ingest_sources
from pipeline.process import ProcessReport, process_documents
from pipeline.stages import recompute_and_alert
from storage.db import open_db, transaction
from storage.records import count_rows, finish_run, start_run
from storage.snapshot import publish_snapshot, snapshot_path


@dataclass(slots=True)
class RunSummary:
    """What one run did, for the one-screen summary."""

    run_id: str
    ingest: IngestReport
    process: ProcessReport
    metrics_changed: int = 0
    alerts_new: int = 0
    delivery: DeliveryReport = field(default_factory=DeliveryReport)
    totals: dict = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def changed_anything(self) -> bool:
        """Return whether the run stored or sent anything new."""
        return bool(self.ingest.inserted or self.ingest.updated or self.process.parsed or self.process.failed
                    or self.process.irrelevant or self.metrics_changed or self.alerts_new or self.delivery.sent)

    def counts(self) -> dict:
        """Return the counts stored with the run record."""
        return {
            "documents_new": self.ingest.inserted, "documents_updated": self.ingest.updated,
            "documents_unchanged": self.ingest.unchanged, "parsed": self.process.parsed,
            "irrelevant": self.process.irrelevant, "duplicate": self.process.duplicate,
            "failed": self.process.failed, "facts": self.process.facts, "flagged": self.process.flagged,
            "metrics_changed": self.metrics_changed, "alerts_new": self.alerts_new,
            "alerts_sent": self.delivery.sent, "alerts_failed": self.delivery.failed,
            "source_errors": len(self.ingest.source_errors),
        }


def run_pipeline(
    config: Config, *, sender, now: datetime, http=None, gate: bool = True,
    on_progress: Callable[[int, int], None] | None = None, command: str = "run", fetch: bool = True,
) -> RunSummary:
    """Run every stage once over the configured sources into the configured database."""
    started = time.perf_counter()
    run_id = f"{now:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    with open_db(config.db) as conn:
        with transaction(conn):
            start_run(conn, run_id, command, now)
        try:
            ingest = ingest_sources(conn, config, now, http=http) if fetch else IngestReport()
            processed = process_documents(conn, config, now, gate=gate, on_progress=on_progress)
            summary = RunSummary(run_id, ingest, processed)
            # Takes in, too, what a killed or failed run committed but never recomputed.
            changes, summary.alerts_new = recompute_and_alert(conn, config, processed.touched, run_id=run_id, now=now)
            summary.metrics_changed = len(changes)
            # Outside the transaction: each alert's 'sending' mark must be committed before the Slack call.
            summary.delivery = deliver_pending(conn, sender, now, chart_dir=config.db.parent / "charts",
                                               charts=config.charts)
            summary.totals = {t: count_rows(conn, t) for t in ("documents", "facts", "metrics", "alerts")}
            summary.seconds = time.perf_counter() - started
            with transaction(conn):
                finish_run(conn, run_id, now, "ok", summary.counts())
        except BaseException as exc:
            with transaction(conn):
                finish_run(conn, run_id, now, "failed", {}, f"{type(exc).__name__}: {exc}"[:500])
            raise
        # Analysts query this copy, so they never hold the live file's lock nor see half a run.
        publish_snapshot(conn, config.db, snapshot_path(config.db, config.snapshot))
    return summary
