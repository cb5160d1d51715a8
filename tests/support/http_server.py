"""A loopback HTTP server for tests: serves recorded responses and scripted faults on 127.0.0.1.

Use the `loopback_server` pytest fixture (re-export it from a conftest.py:
`from tests.support.http_server import loopback_server  # noqa: F401`) or `LoopbackServer()` as a context
manager. Every route is a path (`/feed.xml`, matched whatever the query string) or a path with a query
(`/search?q=1`, matched exactly, before path-only routes; routes loaded from a recorded index with
`ignore_params` match whatever those parameters are). A route holds a list of `Reply`s served in
turn; the last one repeats, so `[Reply(status=500), Reply(body=b"ok")]` fails once then succeeds.

    server.serve("/feed.xml", body, content_type="application/rss+xml", etag='"v1"')   # 304 on If-None-Match
    server.route("/flaky", Reply(status=500), Reply(body=b"ok"))
    server.too_many("/busy", retry_after="2")          # 429 with Retry-After, then (optionally) a body
    server.reset("/reset")                             # connection reset by peer (RST), no response
    server.delay("/slow", seconds=2, body=b"late")     # headers only after a delay (read timeouts)
    server.drip("/drip", body, chunk=1, interval=0.1)  # body trickles out (total-time limits)
    server.truncate("/cut", body)                      # Content-Length larger than what is sent, then close
    server.oversize("/big", size=50 * 2**20)           # a large streamed body (with or without Content-Length)
    server.redirect("/old", "/new", status=301)        # relative or absolute Location
    server.redirect_loop("/a", "/b")                   # /a -> /b -> /a ...
    server.load_recorded(folder)                       # every entry of a recorded index.json, by path+query
    server.url("/feed.xml")                            # "http://127.0.0.1:PORT/feed.xml"
    server.requests                                    # [SeenRequest(method, path, query, headers)], in order
    server.hits("/feed.xml")                           # how many requests a path received

A Reply with `etag` or `last_modified` answers 304 when the request carries the matching If-None-Match /
If-Modified-Since. `gzip=True` compresses the body and sends Content-Encoding: gzip. Unknown paths get 404.
The server runs in a daemon thread, handles requests concurrently, and closes without waiting for
handlers that are still sleeping.
"""

from __future__ import annotations

import gzip as gzip_module
import json
import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest


@dataclass(slots=True)
class Reply:
    """One scripted response (or fault)."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    delay: float = 0.0  # seconds before anything is sent
    action: str | None = None  # None | "reset" | "drip" | "truncate" | "oversize"
    chunk: int = 1024  # drip: bytes per write
    interval: float = 0.05  # drip: seconds between writes
    size: int = 0  # oversize: bytes to stream
    declare_length: bool = True  # oversize: send Content-Length


@dataclass(slots=True)
class SeenRequest:
    """A request the server received."""

    method: str
    path: str
    query: str
    headers: dict[str, str]


class LoopbackServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 with scripted routes; see the module docstring."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.ignored: dict[str, frozenset[str]] = {}  # route -> query parameters it ignores
        self.served: dict[str, int] = {}
        self.requests: list[SeenRequest] = []
        self._lock = threading.Lock()
        handler = _make_handler(self)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def __enter__(self) -> LoopbackServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop serving and free the port."""
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        """Return the absolute URL of a path on this server."""
        return self.base_url + path

    def route(self, path: str, *replies: Reply) -> None:
        """Serve the replies in turn at a path (the last one repeats)."""
        with self._lock:
            self.routes[path] = list(replies) or [Reply(status=404)]
            self.served[path] = 0

    def serve(self, path: str, body: bytes | str = b"", *, status: int = 200, content_type: str | None = None,
              headers: dict[str, str] | None = None, etag: str | None = None, last_modified: str | None = None,
              gzip: bool = False) -> None:
        """Serve one fixed response at a path."""
        raw = body.encode("utf-8") if isinstance(body, str) else body
        self.route(path, Reply(status=status, body=raw, content_type=content_type, headers=dict(headers or {}),
                               etag=etag, last_modified=last_modified, gzip=gzip))

    def too_many(self, path: str, retry_after: str | None = "1", then: Reply | None = None, times: int = 1) -> None:
        """Answer 429 (with Retry-After) `times` times, then `then` (or keep answering 429)."""
        busy = Reply(status=429, headers={"Retry-After": retry_after} if retry_after is not None else {})
        self.route(path, *([busy] * times), *([then] if then else []))

    def reset(self, path: str) -> None:
        """Reset the connection (TCP RST) without sending a response."""
        self.route(path, Reply(action="reset"))

    def delay(self, path: str, seconds: float, body: bytes = b"late") -> None:
        """Send the response only after a delay."""
        self.route(path, Reply(body=body, delay=seconds))

    def drip(self, path: str, body: bytes, chunk: int = 1, interval: float = 0.05) -> None:
        """Send the body a few bytes at a time."""
        self.route(path, Reply(body=body, action="drip", chunk=chunk, interval=interval))

    def truncate(self, path: str, body: bytes, missing: int = 100) -> None:
        """Declare `missing` more bytes than are sent, then close the connection."""
        self.route(path, Reply(body=body, action="truncate", size=missing))

    def oversize(self, path: str, size: int, declare_length: bool = True) -> None:
        """Stream `size` bytes of filler HTML."""
        self.route(path, Reply(action="oversize", size=size, declare_length=declare_length,
                               content_type="text/html; charset=utf-8"))

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        """Redirect a path to a location."""
        self.route(path, Reply(status=status, headers={"Location": location}))

    def redirect_loop(self, first: str, second: str) -> None:
        """Redirect first -> second -> first."""
        self.redirect(first, second)
        self.redirect(second, first)

    def load_recorded(self, folder: str | Path) -> list[str]:
        """Serve every entry of a recorded folder's index.json under its path (and query); return the routes."""
        folder = Path(folder)
        data = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        added = []
        for item in data["responses"]:
            parts = urlsplit(item["url"])
            ignored = frozenset(item.get("ignore_params") or ())
            query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ignored])
            key = parts.path + (f"?{query}" if query else "")
            headers = dict(item.get("headers") or {})
            body = (folder / item["file"]).read_bytes() if item.get("file") else b""
            self.route(key, Reply(status=int(item.get("status", 200)), body=body, headers=headers,
                                  etag=item.get("etag") or headers.pop("ETag", None),
                                  last_modified=item.get("last_modified") or headers.pop("Last-Modified", None)))
            if ignored:
                self.ignored[key] = ignored
            added.append(key)
        return added

    def hits(self, path: str) -> int:
        """Return how many requests a path (ignoring the query) received."""
        return sum(1 for r in self.requests if r.path == path)

    def _match_ignoring(self, target: str) -> str | None:
        return next((key for key, ignored in self.ignored.items() if _without(target, ignored) == key), None)

    def _next_reply(self, target: str) -> Reply:
        path = target.split("?", 1)[0]
        with self._lock:
            key = target if target in self.routes else self._match_ignoring(target)
            key = key or (path if path in self.routes else None)
            if key is None:
                return Reply(status=404, body=b"not found", content_type="text/plain")
            replies = self.routes[key]
            index = min(self.served[key], len(replies) - 1)
            self.served[key] += 1
            return replies[index]


def _without(target: str, ignored: frozenset[str]) -> str:
    path, _, query = target.partition("?")
    kept = urlencode([(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in ignored])
    return path + (f"?{kept}" if kept else "")


def _make_handler(server: LoopbackServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
            return

        def do_GET(self):  # noqa: N802 - the http.server API
            path, _, query = self.path.partition("?")
            with server._lock:
                server.requests.append(SeenRequest("GET", path, query, {k: v for k, v in self.headers.items()}))
            reply = server._next_reply(self.path)
            if reply.delay:
                time.sleep(reply.delay)
            if reply.action == "reset":
                # SO_LINGER with a zero timeout turns close() into a TCP reset.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                return
            if (reply.etag and self.headers.get("If-None-Match") == reply.etag) or (
                    reply.last_modified and self.headers.get("If-Modified-Since") == reply.last_modified):
                self.send_response(304)
                self._validators(reply)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if reply.action == "oversize":
                self._send_oversize(reply)
                return
            body = gzip_module.compress(reply.body) if reply.gzip else reply.body
            self.send_response(reply.status)
            if reply.content_type:
                self.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self._validators(reply)
            if reply.gzip:
                self.send_header("Content-Encoding", "gzip")
            extra = reply.size if reply.action == "truncate" else 0
            self.send_header("Content-Length", str(len(body) + extra))
            self.end_headers()
            if reply.action == "drip":
                for i in range(0, len(body), reply.chunk):
                    self.wfile.write(body[i:i + reply.chunk])
                    self.wfile.flush()
                    time.sleep(reply.interval)
            else:
                self.wfile.write(body)
            if reply.action == "truncate":
                self.wfile.flush()
                self.close_connection = True

        def _validators(self, reply: Reply) -> None:
            if reply.etag:
                self.send_header("ETag", reply.etag)
            if reply.last_modified:
                self.send_header("Last-Modified", reply.last_modified)

        def _send_oversize(self, reply: Reply) -> None:
            self.send_response(200)
            self.send_header("Content-Type", reply.content_type or "text/html")
            if reply.declare_length:
                self.send_header("Content-Length", str(reply.size))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            block = b"<p>" + b"x" * 1017 + b"</p>\n"
            sent = 0
            try:
                while sent < reply.size:
                    piece = block[: reply.size - sent]
                    self.wfile.write(piece)
                    sent += len(piece)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up past its limit, which is the point

    return Handler


@pytest.fixture
def loopback_server() -> Iterator[LoopbackServer]:
    """A LoopbackServer for one test."""
    with LoopbackServer() as server:
        yield server
