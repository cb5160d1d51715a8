"""A loopback stand-in for the Slack Web API and incoming webhooks, for tests with the real slack_sdk client.

    from tests.support.slack_server import SlackStandIn

    with SlackStandIn() as slack:                      # a threaded HTTP server on 127.0.0.1, a free port
        env = slack.bot_env()                          # SLACK_BOT_TOKEN, SLACK_CHANNEL, SLACK_API_BASE_URL
        env = slack.webhook_env()                      # SLACK_WEBHOOK_URL
        slack.fail_next(2, status=429, retry_after=1)  # the next 2 calls answer 429 with Retry-After: 1
        slack.fail_next(1, status=500, methods={"chat.postMessage"})  # only calls of these methods count
        ...
        slack.messages        # every message posted, in order (chat.postMessage and the webhook), as dicts:
                              #   {"ts", "channel", "text", "blocks", "metadata", "thread_ts", "via": "api"|"webhook"}
        slack.files           # every completed upload: {"id", "filename", "title", "length", "content", "channel",
                              #   "thread_ts", "alt_txt"}
        slack.calls           # every request as (method or "webhook" or "upload", HTTP status answered)
        slack.url             # http://127.0.0.1:PORT/

Web API methods (under `base_url` = http://127.0.0.1:PORT/api/), answering like Slack (HTTP 200 with
{"ok": false, "error": ...} for API errors):
- chat.postMessage: needs the token (invalid_auth) and a known channel (channel_not_found); checks Slack's
  Block Kit limits: at most 50 blocks, header text <= 150 chars, section text <= 3000, <= 10 fields
  (invalid_blocks); returns {"ok", "channel", "ts", "message"}.
- conversations.history: newest first; `limit`, `cursor` (opaque offset), `oldest`, `latest`; message
  metadata only with include_all_metadata=true, as Slack does.
- files.getUploadURLExternal (filename, length) -> {"upload_url": .../upload/<file id>, "file_id"};
  POST to the upload URL stores the bytes; files.completeUploadExternal (files=[{"id", "title"}],
  channel_id, thread_ts) shares them (file_not_found for an id never uploaded).
- Incoming webhook: POST /webhook/<anything> with a JSON message; answers "ok" (or "invalid_blocks" 400).
The channel is `channel` (default C0MARKET); the token is `token` (default xoxb-test-token).
`fail_next(n, status, retry_after, methods)` makes the next n matching calls answer that HTTP status (with
Retry-After for 429) before doing anything; `reset()` clears messages, files, calls and failures.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MAX_BLOCKS = 50
MAX_HEADER = 150
MAX_SECTION = 3000
MAX_FIELDS = 10


class SlackStandIn:
    """A small threaded HTTP server on 127.0.0.1 that behaves like the parts of Slack marketmon uses."""

    def __init__(self, *, channel: str = "C0MARKET", token: str = "xoxb-test-token") -> None:
        self.channel = channel
        self.token = token
        self.messages: list[dict] = []
        self.files: list[dict] = []
        self.calls: list[tuple[str, int]] = []
        self._uploads: dict[str, dict] = {}
        self._failures: list[tuple[int, float | None, set[str] | None]] = []
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle -------------------------------------------------------------------------------

    def start(self) -> SlackStandIn:
        """Start serving on a free loopback port."""
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                stand_in._handle(self)

            do_GET = do_POST  # noqa: N815

            def log_message(self, format: str, *args: object) -> None:  # keep test output clean
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop the server."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> SlackStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """Return http://127.0.0.1:PORT/."""
        assert self._server is not None, "start() the stand-in first"
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    @property
    def base_url(self) -> str:
        """Return the Web API base (what SLACK_API_BASE_URL points at)."""
        return self.url + "api/"

    @property
    def webhook_url(self) -> str:
        """Return an incoming-webhook URL on the stand-in."""
        return self.url + "webhook/T000/B000/secretwebhookpath"

    def bot_env(self) -> dict[str, str]:
        """Return the environment that points marketmon's bot sender here."""
        return {"SLACK_BOT_TOKEN": self.token, "SLACK_CHANNEL": self.channel, "SLACK_API_BASE_URL": self.base_url}

    def webhook_env(self) -> dict[str, str]:
        """Return the environment that points marketmon's webhook sender here."""
        return {"SLACK_WEBHOOK_URL": self.webhook_url}

    # --- control -----------------------------------------------------------------------------------

    def fail_next(self, n: int, status: int = 429, retry_after: float | None = 1,
                  methods: set[str] | None = None) -> None:
        """Answer the next n calls (of `methods`, or any) with this HTTP status (Retry-After for a 429)."""
        with self._lock:
            self._failures += [(status, retry_after if status == 429 else None, methods)] * n

    def reset(self) -> None:
        """Forget messages, files, calls and pending failures."""
        with self._lock:
            self.messages.clear()
            self.files.clear()
            self.calls.clear()
            self._uploads.clear()
            self._failures.clear()

    def calls_to(self, method: str) -> list[int]:
        """Return the HTTP statuses answered to one method, in order."""
        return [status for m, status in self.calls if m == method]

    # --- request handling --------------------------------------------------------------------------

    def _handle(self, req: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(req.path)
        length = int(req.headers.get("Content-Length") or 0)
        raw = req.rfile.read(length) if length else b""
        if parts.path.startswith("/api/"):
            method = parts.path[len("/api/"):]
        elif parts.path.startswith("/webhook/"):
            method = "webhook"
        elif parts.path.startswith("/upload/"):
            method = "upload"
        else:
            return self._reply(req, "unknown", 404, {"ok": False, "error": "unknown_path"})
        with self._lock:
            failure = next((f for f in self._failures if f[2] is None or method in f[2]), None)
            if failure is not None:
                self._failures.remove(failure)
        if failure is not None:
            status, retry_after, _ = failure
            headers = {"Retry-After": str(int(retry_after))} if retry_after is not None else {}
            return self._reply(req, method, status, {"ok": False, "error": "ratelimited" if status == 429
                                                     else "internal_error"}, headers)
        if method == "upload":
            return self._upload(req, parts.path.rsplit("/", 1)[-1], raw)
        params = _params(req, parts.query, raw)
        if method == "webhook":
            return self._webhook(req, params)
        if req.headers.get("Authorization") != f"Bearer {self.token}":
            return self._reply(req, method, 200, {"ok": False, "error": "invalid_auth"})
        handler = {
            "chat.postMessage": self._post_message,
            "conversations.history": self._history,
            "files.getUploadURLExternal": self._get_upload_url,
            "files.completeUploadExternal": self._complete_upload,
        }.get(method)
        if handler is None:
            return self._reply(req, method, 200, {"ok": False, "error": "unknown_method"})
        return self._reply(req, method, 200, handler(params))

    def _reply(self, req: BaseHTTPRequestHandler, method: str, status: int, body: dict | str,
               headers: dict | None = None) -> None:
        with self._lock:
            self.calls.append((method, status))
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        req.send_response(status)
        req.send_header("Content-Type", "text/plain" if isinstance(body, str) else "application/json; charset=utf-8")
        req.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            req.send_header(name, value)
        req.end_headers()
        req.wfile.write(data)

    def _ts(self) -> str:
        return f"{int(time.time())}.{next(self._ids):06d}"

    def _post_message(self, params: dict) -> dict:
        if params.get("channel") != self.channel:
            return {"ok": False, "error": "channel_not_found"}
        blocks = _json_param(params.get("blocks"))
        if not params.get("text") and not blocks:
            return {"ok": False, "error": "no_text"}
        if blocks is not None and (problem := _check_blocks(blocks)):
            return {"ok": False, "error": "invalid_blocks", "errors": [problem]}
        message = {"ts": self._ts(), "channel": self.channel, "text": params.get("text"), "blocks": blocks,
                   "metadata": _json_param(params.get("metadata")), "thread_ts": params.get("thread_ts"),
                   "via": "api", "type": "message"}
        with self._lock:
            self.messages.append(message)
        return {"ok": True, "channel": self.channel, "ts": message["ts"],
                "message": {k: v for k, v in message.items() if k not in ("via", "metadata")}}

    def _history(self, params: dict) -> dict:
        if params.get("channel") != self.channel:
            return {"ok": False, "error": "channel_not_found"}
        with self._lock:
            items = [m for m in reversed(self.messages) if m["via"] == "api" and m["channel"] == self.channel]
        if params.get("oldest"):
            items = [m for m in items if float(m["ts"]) > float(params["oldest"])]
        if params.get("latest"):
            items = [m for m in items if float(m["ts"]) < float(params["latest"])]
        offset = int(params.get("cursor") or 0)
        limit = min(int(params.get("limit") or 100), 999)
        page = items[offset:offset + limit]
        with_meta = str(params.get("include_all_metadata")).lower() in ("1", "true")
        out = [{k: v for k, v in m.items() if k != "via" and (with_meta or k != "metadata")} for m in page]
        more = offset + limit < len(items)
        return {"ok": True, "messages": out, "has_more": more,
                "response_metadata": {"next_cursor": str(offset + limit) if more else ""}}

    def _get_upload_url(self, params: dict) -> dict:
        if not params.get("filename") or not str(params.get("length") or "").isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._ids):08d}"
        with self._lock:
            self._uploads[file_id] = {"filename": params["filename"], "length": int(params["length"]),
                                      "alt_txt": params.get("alt_txt"), "content": None}
        return {"ok": True, "upload_url": f"{self.url}upload/{file_id}", "file_id": file_id}

    def _upload(self, req: BaseHTTPRequestHandler, file_id: str, raw: bytes) -> None:
        with self._lock:
            upload = self._uploads.get(file_id)
            if upload is not None:
                upload["content"] = raw
        if upload is None:
            return self._reply(req, "upload", 404, "file not found")
        return self._reply(req, "upload", 200, f"OK - {len(raw)}")

    def _complete_upload(self, params: dict) -> dict:
        files = _json_param(params.get("files")) or []
        done = []
        for item in files:
            with self._lock:
                upload = self._uploads.get(item.get("id"))
            if upload is None or upload["content"] is None:
                return {"ok": False, "error": "file_not_found"}
            record = {"id": item["id"], "title": item.get("title"), "filename": upload["filename"],
                      "length": upload["length"], "content": upload["content"], "alt_txt": upload["alt_txt"],
                      "channel": params.get("channel_id"), "thread_ts": params.get("thread_ts")}
            done.append(record)
        with self._lock:
            self.files += done
        return {"ok": True, "files": [{"id": f["id"], "title": f["title"], "name": f["filename"]} for f in done]}

    def _webhook(self, req: BaseHTTPRequestHandler, params: dict) -> None:
        blocks = params.get("blocks")
        if not params.get("text") and not blocks:
            return self._reply(req, "webhook", 400, "no_text")
        if blocks is not None and _check_blocks(blocks):
            return self._reply(req, "webhook", 400, "invalid_blocks")
        with self._lock:
            self.messages.append({"ts": self._ts(), "channel": self.channel, "text": params.get("text"),
                                  "blocks": blocks, "metadata": params.get("metadata"), "thread_ts": None,
                                  "via": "webhook", "type": "message"})
        return self._reply(req, "webhook", 200, "ok")


def _params(req: BaseHTTPRequestHandler, query: str, raw: bytes) -> dict:
    params = {k: v[-1] for k, v in parse_qs(query).items()}
    ctype = req.headers.get("Content-Type") or ""
    if "json" in ctype and raw:
        params.update(json.loads(raw))
    elif "x-www-form-urlencoded" in ctype and raw:
        params.update({k: v[-1] for k, v in parse_qs(raw.decode()).items()})
    return params


def _json_param(value: object) -> object:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _check_blocks(blocks: object) -> str | None:
    if not isinstance(blocks, list):
        return "blocks must be a list"
    if len(blocks) > MAX_BLOCKS:
        return f"more than {MAX_BLOCKS} blocks"
    for i, block in enumerate(blocks):
        kind = block.get("type")
        text = (block.get("text") or {}).get("text") or ""
        if kind == "header" and len(text) > MAX_HEADER:
            return f"blocks[{i}]: header text longer than {MAX_HEADER}"
        if kind == "section":
            if len(text) > MAX_SECTION:
                return f"blocks[{i}]: section text longer than {MAX_SECTION}"
            if len(block.get("fields") or []) > MAX_FIELDS:
                return f"blocks[{i}]: more than {MAX_FIELDS} fields"
    return None
