"""extract_metrics: new documents to facts to metrics, whenever an ingest DAG announces documents."""

from __future__ import annotations

from airflow.sdk import Metadata, Param, dag, task
from airflow.sdk.exceptions import AirflowSkipException
from marketmon_airflow.assets import FILING_DOCUMENTS, METRICS, NEWS_DOCUMENTS, STATS_DOCUMENTS
from marketmon_airflow.defaults import dag_options
from marketmon_airflow.runtime import load_run_config, run_record_id, run_time
from marketmon_airflow.tasks import publish_snapshot


@dag(
    dag_id="extract_metrics",
    schedule=NEWS_DOCUMENTS | FILING_DOCUMENTS | STATS_DOCUMENTS,
    **dag_options("extract", timeout_minutes=60),
    params={"gate": Param(True, type="boolean",
                          description="Skip extraction for documents naming no watched company.")},
    doc_md="""
### extract_metrics

Runs when any documents Asset gets an event. Parses every pending document and extracts facts
(`pipeline.process.process_documents`), then in one transaction recomputes the metrics they touch
(`pipeline.metrics.recompute_metrics`), evaluates the alert rules on the changes
(`alerts.rules.evaluate_rules`) and puts new alerts in the outbox (`alerts.delivery.enqueue_alerts`), all
through `pipeline.stages.extract_stage` in the `marketmon_duckdb` pool. When metrics changed or alerts wait
for delivery, emits **marketmon_metrics** with the counts and changed keys in `extra`, which schedules
`deliver_alerts`; then publishes the analysts' snapshot.
""",
)
def extract_metrics():
    @task
    def extract(**context) -> dict:
        """Process pending documents, recompute the metrics they touch, fill the alerts outbox."""
        from pipeline.stages import extract_stage

        return extract_stage(load_run_config(), run_time(context), run_id=run_record_id(context),
                             gate=bool(context["params"]["gate"]))

    @task(outlets=[METRICS], pool="default_pool")
    def announce(result: dict):
        """Emit the metrics Asset (counts and changed keys in extra) when there is news to deliver."""
        if not (result["metrics_changed"] or result["undelivered"]):
            raise AirflowSkipException("no metric changed and no alert waits for delivery")
        yield Metadata(METRICS, extra={k: result[k] for k in
                                       ("parsed", "failed", "facts", "metrics_changed", "changed_keys",
                                        "alerts_new", "undelivered")})

    result = extract()
    announce(result)
    result >> publish_snapshot()


extract_metrics()
