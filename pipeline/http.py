"""The one HTTP client every source uses: timeouts, retries, per-host politeness, size limits, conditional GET.

`HttpClient` talks to the network with requests; `ReplayHttpClient` has the same interface and serves
recorded responses from a folder (URL -> file through `index.json`), so the embedded default and demos run
offline. Both go through the same redirect, status, size and address checks; only `_send` differs.

Index format of a recorded folder (`index.json`)::

    {"responses": [
      {"url": "https://example.org/feed.xml", "file": "feed.xml",
       "status": 200, "headers": {"Content-Type": "application/rss+xml"}, "etag": "\"v1\"",
       "ignore_params": ["fromDate", "toDate"]}
    ]}

`ignore_params` lets a recorded URL match requests whose listed query parameters differ (dates computed
from the run's clock). `status` defaults to 200; a 3xx entry needs a `Location` header; `file` may be
omitted for an empty body.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

DEFAULT_USER_AGENT = "marketmon/0.1 (set MARKETMON_USER_AGENT to 'name contact@example.org')"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_RATE = 1.0  # requests per second per host: polite for HKEX, OpenRouter and news sites
# SEC's fair-access policy allows at most 10 requests per second per client.
HOST_RATES = {"www.sec.gov": 10.0, "data.sec.gov": 10.0, "efts.sec.gov": 10.0}
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


# Environment variable -> (HttpClient argument, type). MARKETMON_HTTP_RATE is requests per second per host for
# hosts without their own limit (0: unlimited); SEC keeps its 10 per second.
ENV_SETTINGS: dict[str, tuple[str, type]] = {
    "MARKETMON_HTTP_TIMEOUT": ("read_timeout", float),
    "MARKETMON_HTTP_CONNECT_TIMEOUT": ("connect_timeout", float),
    "MARKETMON_HTTP_RETRIES": ("max_retries", int),
    "MARKETMON_HTTP_MAX_BYTES": ("max_bytes", int),
    "MARKETMON_HTTP_RATE": ("default_rate", float),
}


def _env_number(env: Mapping[str, str], name: str, cast: type) -> float | int:
    """Read one numeric setting; a malformed or negative value is an error naming the variable."""
    raw = env[name].strip()
    try:
        value = cast(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a {'whole ' if cast is int else ''}number") from None
    if value < 0 or value != value:
        raise ValueError(f"{name}={raw!r} must be zero or more")
    return value


class HttpError(RuntimeError):
    """A request that did not yield a usable response; `reason` is what gets recorded."""

    def __init__(self, reason: str, *, url: str, status: int | None = None, retryable: bool = False,
                 retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url
        self.status = status
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass(slots=True)
class HttpResponse:
    """A complete response: the final URL after redirects, status, lower-cased headers and the whole body."""

    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    requested_url: str = ""
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        """Return whether the server answered 304 to a conditional request."""
        return self.status == 304

    @property
    def content_type(self) -> str | None:
        """Return the Content-Type header (with its charset parameter), if any."""
        return self.headers.get("content-type")

    @property
    def etag(self) -> str | None:
        """Return the ETag validator, if any."""
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        """Return the Last-Modified validator, if any."""
        return self.headers.get("last-modified")

    def json(self):
        """Decode the body as JSON; raise HttpError with a clear reason when it is not JSON."""
        try:
            return load_json(self.body)
        except ValueError as exc:
            raise HttpError(f"invalid JSON from {self.url}: {exc}", url=self.url, status=self.status) from None


def load_json(data: bytes | str):
    """Decode JSON text (UTF-8, BOM allowed); raise ValueError with a clear reason for anything unusable.

    Python's decoder recurses once per nesting level, so a hostile answer of ``[[[[...`` thousands deep
    would surface as a RecursionError; it is reported as what it is instead.
    """
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        return json.loads(text)
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(str(exc)) from None
    except RecursionError:
        raise ValueError("JSON nested too deeply to be a real answer") from None


class RateLimiter:
    """Spaces requests to each host: at most `rate` per second (a minimum interval, not a burst bucket)."""

    def __init__(self, default_rate: float | None = DEFAULT_RATE, rates: Mapping[str, float] | None = None,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        self.default_rate = default_rate
        self.rates = dict(HOST_RATES if rates is None else rates)
        self.clock = clock
        self.sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_rate(self, host: str, per_second: float | None) -> None:
        """Set the rate for one host (None or 0: unlimited)."""
        self.rates[host.lower()] = per_second or 0.0

    def rate_for(self, host: str) -> float | None:
        """Return the requests-per-second limit for a host (None: unlimited)."""
        rate = self.rates.get(host.lower(), self.default_rate)
        return rate or None

    def wait(self, host: str) -> float:
        """Block until the host may be asked again; return the seconds waited."""
        rate = self.rate_for(host)
        if not rate:
            return 0.0
        with self._lock:
            now = self.clock()
            start = max(now, self._next.get(host.lower(), now))
            self._next[host.lower()] = start + 1.0 / rate
        delay = start - now
        if delay > 0:
            self.sleep(delay)
        return max(delay, 0.0)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Return the seconds a Retry-After header asks for (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def is_private_address(address: str) -> bool:
    """Return whether an IP address is loopback, private, link-local, reserved or unspecified."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_unspecified \
        or ip.is_multicast


class HttpClient:
    """Live HTTP over requests: GET only, every response complete or an HttpError with its reason."""

    live = True

    def __init__(
        self, *, user_agent: str = DEFAULT_USER_AGENT, connect_timeout: float = 10.0, read_timeout: float = 30.0,
        max_seconds: float = 120.0, max_retries: int = 3, backoff: float = 1.0, max_backoff: float = 30.0,
        max_retry_after: float = 120.0, max_redirects: int = 5, max_bytes: int = DEFAULT_MAX_BYTES,
        limiter: RateLimiter | None = None, sleep: Callable[[float], None] = time.sleep, session=None,
    ) -> None:
        self.user_agent = user_agent
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.max_seconds = max_seconds
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self.max_redirects = max_redirects
        self.max_bytes = max_bytes
        self.limiter = limiter or RateLimiter(sleep=sleep)
        self.sleep = sleep
        self._session = session
        self.requests_sent = 0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> HttpClient:
        """Build the client from the environment: MARKETMON_USER_AGENT and the ENV_SETTINGS variables;
        MARKETMON_HTTP_REPLAY=folder gives a replay client. A malformed number raises ValueError naming it."""
        env = os.environ if env is None else env
        kwargs: dict = {"user_agent": env.get("MARKETMON_USER_AGENT") or DEFAULT_USER_AGENT}
        for name, (key, cast) in ENV_SETTINGS.items():
            if env.get(name):
                kwargs[key] = _env_number(env, name, cast)
        rate = kwargs.pop("default_rate", DEFAULT_RATE)
        kwargs.update(overrides)
        if env.get("MARKETMON_HTTP_REPLAY"):
            return ReplayHttpClient(env["MARKETMON_HTTP_REPLAY"].split(os.pathsep), **kwargs)
        if "limiter" not in kwargs:
            kwargs["limiter"] = RateLimiter(default_rate=rate or None, sleep=kwargs.get("sleep", time.sleep))
        return cls(**kwargs)

    @property
    def session(self):
        """Return the requests session, created on first use (keeps connections alive per host)."""
        if self._session is None:
            import requests

            self._session = requests.Session()
        return self._session

    def set_rate_limit(self, host: str, per_second: float | None) -> None:
        """Set the politeness limit for one host (e.g. a source's configured mirror)."""
        self.limiter.set_rate(host, per_second)

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None,
        headers: Mapping[str, str] | None = None, accept: str | None = None, max_bytes: int | None = None,
        allow_private: bool = True, trusted_hosts: Iterable[str] = (),
    ) -> HttpResponse:
        """GET a URL with retries and backoff; a 304 answer to the validators comes back as not_modified."""
        request_headers = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"}
        if accept:
            request_headers["Accept"] = accept
        if etag:
            request_headers["If-None-Match"] = etag
        if last_modified:
            request_headers["If-Modified-Since"] = last_modified
        request_headers.update(headers or {})
        limit = max_bytes or self.max_bytes
        trusted = {h.lower() for h in trusted_hosts}
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._follow(url, request_headers, limit, allow_private, trusted)
                response.attempts = attempt
                return response
            except HttpError as exc:
                if not exc.retryable or attempt > self.max_retries:
                    if attempt > 1:
                        exc.reason = f"{exc.reason} (after {attempt} attempts)"
                        exc.args = (exc.reason,)
                    raise
                delay = min(self.backoff * 2 ** (attempt - 1), self.max_backoff)
                if exc.retry_after is not None:
                    # The server said when to come back; honour it, within reason.
                    delay = min(max(exc.retry_after, delay), self.max_retry_after)
                self.sleep(delay)

    def _follow(self, url: str, headers: dict, limit: int, allow_private: bool, trusted: set[str]) -> HttpResponse:
        current = url
        seen: set[str] = set()
        for _hop in range(self.max_redirects + 1):
            parts = self._check_url(current, allow_private, trusted)
            if current in seen:
                raise HttpError(f"redirect loop: {current} was already visited", url=url)
            seen.add(current)
            self.limiter.wait(parts.hostname or "")
            self.requests_sent += 1
            status, response_headers, body = self._send(current, headers, limit)
            if status in REDIRECT_STATUSES:
                location = response_headers.get("location")
                if not location:
                    raise HttpError(f"HTTP {status} without a Location header", url=current, status=status)
                current = urljoin(current, location)
                continue
            if status == 304:
                return HttpResponse(current, 304, response_headers, b"", url)
            if status in RETRY_STATUSES:
                raise HttpError(f"HTTP {status} from {current}", url=current, status=status, retryable=True,
                                retry_after=parse_retry_after(response_headers.get("retry-after")))
            if status >= 400 or status < 200:
                hint = " (SEC requires a User-Agent with a contact address)" if status == 403 and \
                    (urlsplit(current).hostname or "").endswith("sec.gov") else ""
                raise HttpError(f"HTTP {status} from {current}{hint}", url=current, status=status)
            return HttpResponse(current, status, response_headers, body, url)
        raise HttpError(f"too many redirects (more than {self.max_redirects}) from {url}", url=url)

    def _check_url(self, url: str, allow_private: bool, trusted: set[str]):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise HttpError(f"refused: only http and https URLs are fetched, not {parts.scheme or 'no scheme'!r}",
                            url=url)
        host = (parts.hostname or "").lower()
        if not host:
            raise HttpError("refused: URL without a host", url=url)
        if not allow_private and host not in trusted:
            for address in self._addresses(host):
                if is_private_address(address):
                    raise HttpError(f"refused: {host} is a private or loopback address ({address})", url=url)
        return parts

    def _addresses(self, host: str) -> list[str]:
        if host == "localhost" or host.endswith(".localhost"):
            return ["127.0.0.1"]
        try:
            ipaddress.ip_address(host.strip("[]"))
            return [host.strip("[]")]
        except ValueError:
            pass
        try:
            return sorted({info[4][0] for info in socket.getaddrinfo(host, None)})
        except (OSError, UnicodeError):
            return []  # unresolvable: the request itself will fail with a clear reason

    def _send(self, url: str, headers: dict, limit: int) -> tuple[int, dict[str, str], bytes]:
        """One request without redirects: (status, lower-cased headers, body); body only for 2xx."""
        import requests
        import urllib3

        deadline = time.monotonic() + self.max_seconds
        try:
            response = self.session.get(url, headers=headers, timeout=(self.connect_timeout, self.read_timeout),
                                        allow_redirects=False, stream=True)
        except requests.exceptions.Timeout as exc:
            raise HttpError(f"timeout: {_short(exc)}", url=url, retryable=True) from None
        except requests.exceptions.ConnectionError as exc:
            raise HttpError(f"connection error: {_short(exc)}", url=url, retryable=True) from None
        except requests.exceptions.RequestException as exc:
            raise HttpError(f"request failed: {_short(exc)}", url=url) from None
        with response:
            status = response.status_code
            lowered = {k.lower(): v for k, v in response.headers.items()}
            if not 200 <= status < 300:
                return status, lowered, b""
            declared = lowered.get("content-length", "")
            if declared.isdigit() and int(declared) > limit and "content-encoding" not in lowered:
                raise HttpError(f"too large: {declared} bytes declared (limit {limit})", url=url, status=status)
            chunks, total = [], 0
            try:
                # Decoded pieces, so the limit applies to what we keep (no gzip bombs); as they arrive, so a
                # server dripping bytes meets the time limit instead of holding a full-block read open.
                for chunk in _arriving(response):
                    total += len(chunk)
                    if total > limit:
                        raise HttpError(f"too large: more than {limit} bytes", url=url, status=status)
                    if time.monotonic() > deadline:
                        raise HttpError(f"too slow: body not complete after {self.max_seconds:g} s",
                                        url=url, status=status)
                    chunks.append(chunk)
            except (requests.exceptions.ContentDecodingError, urllib3.exceptions.DecodeError) as exc:
                raise HttpError(f"undecodable body: {_short(exc)}", url=url, status=status) from None
            except (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.Timeout, urllib3.exceptions.HTTPError, OSError) as exc:
                raise HttpError(f"connection broken while reading the body: {_short(exc)}", url=url,
                                status=status, retryable=True) from None
            return status, lowered, b"".join(chunks)


def _arriving(response, size: int = 64 * 1024):
    """Yield a streamed response's decoded body in the pieces that arrive (read1), never waiting for a full block."""
    while piece := response.raw.read1(size, decode_content=True):
        yield piece


@dataclass(slots=True)
class RecordedResponse:
    """One entry of a recorded folder's index."""

    url: str
    path: Path | None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    ignore_params: tuple[str, ...] = ()


class ReplayHttpClient(HttpClient):
    """Serves recorded responses (URL -> file through index.json); unknown URLs fail, or go to `fallback`."""

    live = False

    def __init__(self, folders: Iterable[str | os.PathLike], *, fallback: HttpClient | None = None, **kwargs) -> None:
        kwargs.setdefault("limiter", RateLimiter(default_rate=None, rates={}))
        kwargs.setdefault("sleep", lambda _s: None)
        super().__init__(**kwargs)
        self.fallback = fallback
        self.entries: list[RecordedResponse] = []
        for folder in folders:
            self.entries += load_index(Path(folder))

    def set_rate_limit(self, host: str, per_second: float | None) -> None:
        """Replayed responses cost the host nothing; the fallback client keeps its politeness."""
        if self.fallback is not None:
            self.fallback.set_rate_limit(host, per_second)

    def get(self, url: str, **kwargs) -> HttpResponse:
        """GET a recorded URL; a URL not recorded goes to the fallback client when there is one."""
        if self.fallback is not None and self.find(url) is None:
            return self.fallback.get(url, **kwargs)
        return super().get(url, **kwargs)

    def find(self, url: str) -> RecordedResponse | None:
        """Return the recorded entry for a URL: an exact match first, then one ignoring its listed params."""
        for entry in self.entries:
            if entry.url == url:
                return entry
        for entry in self.entries:
            if entry.ignore_params and _strip_params(entry.url, entry.ignore_params) == \
                    _strip_params(url, entry.ignore_params):
                return entry
        return None

    def _addresses(self, host: str) -> list[str]:
        try:
            ipaddress.ip_address(host.strip("[]"))
            return [host.strip("[]")]
        except ValueError:
            # No DNS when replaying: only literal addresses and localhost can be judged offline.
            return ["127.0.0.1"] if host == "localhost" else []

    def _send(self, url: str, headers: dict, limit: int) -> tuple[int, dict[str, str], bytes]:
        entry = self.find(url)
        if entry is None:
            raise HttpError(f"not recorded: {url}", url=url)
        lowered = {k.lower(): str(v) for k, v in entry.headers.items()}
        if not 200 <= entry.status < 300:
            return entry.status, lowered, b""
        etag, modified = lowered.get("etag"), lowered.get("last-modified")
        if (etag and headers.get("If-None-Match") == etag) or \
                (modified and not etag and headers.get("If-Modified-Since") == modified):
            return 304, lowered, b""
        try:
            body = entry.path.read_bytes() if entry.path else b""
        except OSError as exc:
            raise HttpError(f"recorded file unreadable: {exc.strerror or exc}", url=url) from None
        if len(body) > limit:
            raise HttpError(f"too large: more than {limit} bytes", url=url, status=entry.status)
        return entry.status, lowered, body


def load_index(folder: Path) -> list[RecordedResponse]:
    """Read a recorded folder's index.json into entries (file paths resolved against the folder)."""
    index = folder / "index.json"
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HttpError(f"no index.json in recorded folder {folder}", url=str(folder)) from None
    except (OSError, json.JSONDecodeError) as exc:
        raise HttpError(f"{index}: cannot read: {exc}", url=str(index)) from None
    entries = []
    for item in data.get("responses", []):
        headers = dict(item.get("headers") or {})
        if item.get("etag"):
            headers.setdefault("ETag", item["etag"])
        if item.get("last_modified"):
            headers.setdefault("Last-Modified", item["last_modified"])
        entries.append(RecordedResponse(
            url=item["url"], path=folder / item["file"] if item.get("file") else None,
            status=int(item.get("status", 200)), headers=headers,
            ignore_params=tuple(item.get("ignore_params") or ()),
        ))
    return entries


def _strip_params(url: str, names: Iterable[str]) -> str:
    parts = urlsplit(url)
    drop = set(names)
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in drop)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


_REASONS = ("read timed out", "connect timeout", "connection refused", "connection reset", "connection aborted",
            "remote end closed connection", "incompleteread", "name or service not known")


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    # requests nests urllib3's reason in long reprs; name the known cause instead of the whole chain.
    lowered = text.lower()
    for reason in _REASONS:
        if reason in lowered:
            return reason
    return text[:200] or type(exc).__name__
