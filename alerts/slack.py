"""Deliver alert digests to Slack through slack_sdk: a bot token (chat.postMessage, charts with
files_upload_v2, lookups with conversations.history) or an incoming webhook.

Environment (read by `slack_sender_from_env`, never logged):

| variable | meaning |
|---|---|
| SLACK_BOT_TOKEN + SLACK_CHANNEL | post with chat.postMessage to this channel ID (C0123456789; a #name cannot be searched) |
| SLACK_WEBHOOK_URL | or post through an incoming webhook (no charts, no lookup) |
| SLACK_API_BASE_URL | Slack API base, default https://slack.com/api/ |

Every message carries `metadata={"event_type": "marketmon_alert", "event_payload": {"key": <digest key>,
"alerts": [<alert keys>]}}`, which is how a later run finds out that an interrupted attempt did go out.
The bot needs the scopes chat:write, channels:history (groups:history for a private channel), files:write.
"""

from __future__ import annotations

import http.client
import logging
import time
from collections.abc import Callable, Mapping
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.webhook import WebhookClient

from alerts.delivery import DeliveryUncertain
from alerts.messages import build_digest_blocks
from alerts.outbox import Digest

ALERT_EVENT = "marketmon_alert"
DEFAULT_BASE_URL = "https://slack.com/api/"
TIMEOUT_S = 30
HISTORY_PAGE = 200
LOOKUP_LIMIT = 1000  # how many recent channel messages a lookup reads at most

# slack_sdk logs request details at DEBUG (a webhook's URL is its secret): keep its loggers above DEBUG.
_log = logging.getLogger("marketmon.slack")
_log.setLevel(logging.INFO)


class BoundedRateLimitHandler(RateLimitErrorRetryHandler):
    """Wait out a 429 for as long as Retry-After says, a few times, and never longer than `max_wait` seconds.

    A longer wait fails the attempt instead; the outbox retries it on the next run.
    """

    def __init__(self, max_retry_count: int = 3, max_wait: float = 60.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait
        self.sleep = sleep

    def _can_retry(self, *, state: RetryState, request: HttpRequest, response: HttpResponse | None = None,
                   error: Exception | None = None) -> bool:
        return response is not None and response.status_code == 429 and _retry_after(response) <= self.max_wait

    def prepare_for_next_attempt(self, *, state: RetryState, request: HttpRequest,
                                 response: HttpResponse | None = None, error: Exception | None = None) -> None:
        state.next_attempt_requested = True
        self.sleep(_retry_after(response) if response is not None else 1.0)
        state.increment_current_attempt()


def _retry_after(response: HttpResponse) -> float:
    for name, values in response.headers.items():
        if name.lower() == "retry-after":
            value = values[0] if isinstance(values, list | tuple) else values
            try:
                return max(0.0, float(value))
            except (TypeError, ValueError):
                return 1.0
    return 1.0


class SlackError(RuntimeError):
    """Slack refused or failed a call; the message never contains a secret."""


def _redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def _uncertain(exc: BaseException) -> bool:
    """Return whether a transport error leaves open whether Slack received the message."""
    if isinstance(exc, URLError) and isinstance(exc.reason, BaseException):
        exc = exc.reason
    if isinstance(exc, ConnectionRefusedError):
        return False
    return isinstance(exc, TimeoutError | ConnectionResetError | BrokenPipeError | http.client.RemoteDisconnected
                      | http.client.IncompleteRead)


def _api_error(method: str, exc: SlackApiError) -> SlackError:
    status = exc.response.status_code
    error = exc.response.get("error") if isinstance(exc.response.data, dict) else None
    return SlackError(f"{method}: {error or 'error'}" + (f" (HTTP {status})" if status != 200 else ""))


def _metadata(digest: Digest) -> dict:
    return {"event_type": ALERT_EVENT, "event_payload": {"key": digest.key, "alerts": digest.alert_keys}}


class SlackBotSender:
    """Post each digest with chat.postMessage (Block Kit), its charts in the thread, and find earlier posts."""

    name = "slack"
    redelivery = "lookup"
    shows_charts = True  # uploaded into the digest's thread

    def __init__(self, client: WebClient, channel: str, *, lookup_limit: int = LOOKUP_LIMIT,
                 after_post: Callable[[Digest, dict], None] | None = None) -> None:
        self.client = client
        self.channel = channel
        self.lookup_limit = lookup_limit
        # Test-only hook: runs right after Slack answered, before the outbox records it (crash injection).
        self.after_post = after_post
        self._channel_id: str | None = None

    def send(self, digest: Digest) -> str:
        """Post one digest; return the message ts."""
        text, blocks = build_digest_blocks(digest)
        try:
            response = self.client.chat_postMessage(channel=self.channel, text=text, blocks=blocks,
                                                    metadata=_metadata(digest), unfurl_links=False,
                                                    unfurl_media=False)
        except SlackApiError as exc:
            raise _api_error("chat.postMessage", exc) from None
        except Exception as exc:
            if _uncertain(exc):
                raise DeliveryUncertain(f"chat.postMessage: {type(exc).__name__}") from None
            raise SlackError(f"chat.postMessage: {type(exc).__name__}: {exc}") from None
        if self.after_post is not None:
            self.after_post(digest, response.data)
        self._channel_id = response.get("channel") or self._channel_id
        return str(response["ts"])

    def find_delivered(self, keys: list[str]) -> dict[str, str]:
        """Return {alert key: message ts} for keys found in the metadata of the channel's recent messages."""
        wanted, found = set(keys), {}
        cursor, read = None, 0
        while wanted - set(found) and read < self.lookup_limit:
            try:
                page = self.client.conversations_history(channel=self.channel, limit=HISTORY_PAGE, cursor=cursor,
                                                         include_all_metadata=True)
            except SlackApiError as exc:
                raise _api_error("conversations.history", exc) from None
            messages = page.get("messages") or []
            read += len(messages)
            for message in messages:
                meta = message.get("metadata") or {}
                if meta.get("event_type") != ALERT_EVENT:
                    continue
                payload = meta.get("event_payload") or {}
                for key in [payload.get("key"), *(payload.get("alerts") or [])]:
                    if key in wanted and key not in found:
                        found[key] = str(message.get("ts"))
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor or not messages:
                break
        return found

    def attach_charts(self, digest: Digest, message_id: str | None) -> None:
        """Upload each chart into the digest's thread."""
        channel = self._channel_id or self.channel
        for chart in digest.charts:
            try:
                self.client.files_upload_v2(channel=channel, file=chart.png, filename=f"{chart.alert_key}.png",
                                            title=chart.title, alt_txt=chart.title, thread_ts=message_id)
            except SlackApiError as exc:
                raise _api_error("files_upload_v2", exc) from None


class SlackWebhookSender:
    """Post each digest through an incoming webhook; it cannot search the channel nor upload charts."""

    name = "slack-webhook"
    redelivery = "unsafe"
    shows_charts = False  # a webhook cannot upload files

    def __init__(self, client: WebhookClient) -> None:
        self.client = client

    def send(self, digest: Digest) -> None:
        """Post one digest; a webhook returns no message ts."""
        text, blocks = build_digest_blocks(digest)
        try:
            response = self.client.send(text=text, blocks=blocks, metadata=_metadata(digest), unfurl_links=False,
                                        unfurl_media=False)
        except Exception as exc:
            detail = _redact(f"{type(exc).__name__}: {exc}", [self.client.url])
            if _uncertain(exc):
                raise DeliveryUncertain(f"webhook: {detail}") from None
            raise SlackError(f"webhook: {detail}") from None
        if response.status_code != 200:
            body = _redact(str(response.body or ""), [self.client.url])[:200]
            raise SlackError(f"webhook: HTTP {response.status_code}: {body}")
        return None

    def find_delivered(self, keys: list[str]) -> dict[str, str]:
        """A webhook cannot read the channel."""
        return {}

    def attach_charts(self, digest: Digest, message_id: str | None) -> None:
        """A webhook cannot upload files; charts are drawn (to disk) only under the "always" chart policy."""


def slack_sender_from_env(env: Mapping[str, str], *, sleep: Callable[[float], None] = time.sleep,
                          after_post: Callable[[Digest, dict], None] | None = None):
    """Return the bot sender (SLACK_BOT_TOKEN + SLACK_CHANNEL) or the webhook sender (SLACK_WEBHOOK_URL)."""
    token, channel = env.get("SLACK_BOT_TOKEN"), env.get("SLACK_CHANNEL")
    webhook = env.get("SLACK_WEBHOOK_URL")
    base_url = env.get("SLACK_API_BASE_URL") or DEFAULT_BASE_URL
    if not base_url.endswith("/"):
        base_url += "/"
    handlers = [BoundedRateLimitHandler(sleep=sleep)]
    if token:
        if not channel:
            raise ValueError("SLACK_BOT_TOKEN is set but SLACK_CHANNEL is not: set it to the channel ID to post to")
        client = WebClient(token=token, base_url=base_url, timeout=TIMEOUT_S, retry_handlers=handlers, logger=_log)
        return SlackBotSender(client, channel, after_post=after_post)
    if webhook:
        return SlackWebhookSender(WebhookClient(webhook, timeout=TIMEOUT_S, retry_handlers=handlers, logger=_log))
    raise ValueError("no Slack setting: set SLACK_BOT_TOKEN and SLACK_CHANNEL, or SLACK_WEBHOOK_URL")
