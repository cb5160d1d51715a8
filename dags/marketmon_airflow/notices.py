"""Operational notices to Slack: a task that failed for good (on_failure_callback), the source-health digest.

Through the `slack_api_default` Airflow connection (the Slack provider's notifier) when it exists, else
through the project's own Slack settings (SLACK_BOT_TOKEN + SLACK_CHANNEL, or SLACK_WEBHOOK_URL), else
only the task log. Tokens are never logged: failures are reported by exception type only.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)

SLACK_CONN_ID = "slack_api_default"
DEFAULT_CHANNEL = "#marketmon"


def failure_text(context) -> str:
    """Return the notice for a failed task: which task, which run, which try, and the error's first line."""
    ti = context["ti"]
    exc = context.get("exception")
    reason = "no error recorded"
    if exc is not None:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        reason = f"{type(exc).__name__}: {first}"[:300]
    return (f":rotating_light: marketmon task failed after {ti.try_number} tries: "
            f"{ti.dag_id}.{ti.task_id} (run {ti.run_id})\n{reason}")


def notify_failure(context) -> None:
    """Post the failure notice of a task that has used up its retries."""
    post_notice(failure_text(context), context)


def post_notice(text: str, context=None) -> bool:
    """Post a plain-text notice to the operations channel; return whether it went out."""
    env = os.environ
    channel = env.get("MARKETMON_NOTICE_CHANNEL") or env.get("SLACK_CHANNEL") or DEFAULT_CHANNEL
    try:
        if _slack_connection_exists():
            from airflow.providers.slack.notifications.slack import SlackNotifier

            SlackNotifier(slack_conn_id=SLACK_CONN_ID, channel=channel, text=text, username="marketmon",
                          unfurl_links=False).notify(context or {})
            return True
        if env.get("SLACK_BOT_TOKEN") and env.get("SLACK_CHANNEL"):
            from slack_sdk import WebClient

            client = WebClient(token=env["SLACK_BOT_TOKEN"],
                               base_url=env.get("SLACK_API_BASE_URL") or WebClient.BASE_URL, timeout=30)
            client.chat_postMessage(channel=env["SLACK_CHANNEL"], text=text, unfurl_links=False)
            return True
        if env.get("SLACK_WEBHOOK_URL"):
            from slack_sdk.webhook import WebhookClient

            response = WebhookClient(env["SLACK_WEBHOOK_URL"], timeout=30).send(text=text)
            return response.status_code == 200
    except Exception as exc:  # a notice that cannot go out must not hide what it was about
        log.warning("marketmon: notice not posted to Slack (%s); it read: %s", type(exc).__name__, text)
        return False
    log.warning("marketmon: no Slack configured; notice: %s", text)
    return False


def _slack_connection_exists() -> bool:
    from airflow.sdk import BaseHook

    try:
        conn = BaseHook.get_connection(SLACK_CONN_ID)
    except Exception:  # AirflowNotFoundException, or no connection backend to ask
        return False
    return bool(conn.password)
