"""deliver_alerts: send what waits in the alerts outbox to Slack (or the console), whenever metrics change."""

from __future__ import annotations

from airflow.sdk import dag, task
from marketmon_airflow.assets import METRICS
from marketmon_airflow.defaults import dag_options
from marketmon_airflow.runtime import load_run_config, run_record_id, run_time
from marketmon_airflow.tasks import publish_snapshot


@dag(
    dag_id="deliver_alerts",
    schedule=METRICS,
    **dag_options("alerts", timeout_minutes=15),
    doc_md="""
### deliver_alerts

Runs when **marketmon_metrics** gets an event (extract_metrics has evaluated the alert rules and filled the
outbox in the same transaction as the metrics). Sends every pending alert, one message per company
(`alerts.delivery.deliver_pending`), through Slack when `SLACK_BOT_TOKEN` + `SLACK_CHANNEL` (or
`SLACK_WEBHOOK_URL`) are set, else to the task log. An alert that cannot be sent stays in the outbox and
fails the task, so Airflow's retries (with backoff) send it again; the outbox key makes it one message.
""",
)
def deliver_alerts():
    @task
    def deliver(**context) -> dict:
        """Deliver the outbox."""
        from pipeline.stages import delivery_stage
        from pipeline.wiring import make_sender

        result = delivery_stage(load_run_config(), make_sender(), run_time(context), run_id=run_record_id(context))
        if result["alerts_failed"]:
            raise RuntimeError(f"{result['alerts_failed']} alert(s) not delivered; they stay in the outbox "
                               f"for the retry: {'; '.join(result['errors'][:3])}"[:1000])
        return result

    deliver() >> publish_snapshot()


deliver_alerts()
