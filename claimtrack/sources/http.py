"""HTTP for web sources (rss, urls, sitemap): one polite, resilient client per run.

- one wall-clock deadline per request (``http.timeout``) covering connect, TLS, headers and
  body, enforced on every socket read and write (a server sending one header line a second
  is cut off at the deadline), and retries with exponential backoff on 5xx, 429, timeouts
  and connection errors; never on other 4xx. The retries are ours only:
  the Prefect task that calls ingest has none, so they never stack;
- conditional GET: ETag / Last-Modified per URL from ``HttpCache`` (loaded from and saved to
  the warehouse's ``http_cache`` by ``pipeline.ingest``), so an unchanged feed costs one 304;
- per host: a rate limit (``per_host_rate`` requests/s, or robots.txt's Crawl-delay when
  larger) and a concurrency cap; a global cap on requests in flight;
- robots.txt fetched once per origin and run and obeyed (RFC 9309: a 4xx robots.txt allows
  everything, an unreachable one disallows everything for this run);
- the configured User-Agent; redirects followed hop by hop (robots and rate limit apply to
  every hop) and the final URL kept as the canonical one;
- a size cap (Content-Length, then counted while streaming, after decompression: gzip and
  deflate are inflated here chunk by chunk, never beyond the cap) and a content-type
  check, so a PDF or an image is skipped with a reason instead of parsed;
- SSRF: each hop's URL must be http(s) with a host, and unless
  ``http.allow_private_addresses`` every address a host resolves to must be public (no
  loopback, private, link-local/metadata, CGNAT, multicast or reserved ranges), checked
  when connecting, so DNS cannot point a public name at an internal service.

Failures are returned, not raised: each ``FetchResult`` with ``error`` set becomes one
``ingest_errors`` row and the run goes on."""

from __future__ import annotations

import hashlib
import ipaddress
import re
import socket
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from claimtrack.config import HttpConfig

REDIRECTS = {301, 302, 303, 307, 308}
RETRYABLE = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 60.0  # seconds; a longer Retry-After is treated as a failure for this run
MAX_CRAWL_DELAY = 60.0
ROBOTS_MAX_BYTES = 512_000
ROBOTS_MAX_REDIRECTS = 5
MAX_URL_CHARS = 4_096
ROBOTS_TTL = timedelta(hours=24)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass
class CacheEntry:
    etag: str | None = None
    last_modified: str | None = None
    status: int | None = None
    fetched_at: datetime | None = None
    final_url: str | None = None
    content_hash: str | None = None
    content_type: str | None = None


@dataclass
class HttpCache:
    """What the warehouse knows about URLs: conditional-GET validators per URL, and the URLs
    that already led to a stored article (never fetched again). ``updated`` is what this run
    changed, for ``pipeline.ingest`` to save in its transaction."""

    entries: dict[str, CacheEntry] = field(default_factory=dict)
    known_urls: set[str] = field(default_factory=set)
    updated: dict[str, CacheEntry] = field(default_factory=dict)
    # origin -> (status, body, fetched_at) of robots.txt files younger than ROBOTS_TTL
    robots: dict[str, tuple[int, str, datetime]] = field(default_factory=dict)
    robots_updated: dict[str, tuple[int, str, datetime]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def get(self, url: str) -> CacheEntry | None:
        with self._lock:
            return self.updated.get(url) or self.entries.get(url)

    def put(self, url: str, entry: CacheEntry) -> None:
        with self._lock:
            self.updated[url] = entry

    def is_known(self, url: str) -> bool:
        return url in self.known_urls

    COLUMNS = ("url", "etag", "last_modified", "status", "fetched_at", "final_url", "content_hash", "content_type")

    @classmethod
    def from_rows(cls, rows, known_urls, robots=()) -> "HttpCache":
        """From ``sql/pipeline/http_cache_load.sql``, ``known_urls.sql`` and ``robots_load.sql`` rows."""
        entries = {r[0]: CacheEntry(*r[1:]) for r in rows}
        return cls(entries=entries, known_urls={u for (u,) in known_urls},
                   robots={o: (st, body or "", at) for o, st, body, at in robots})

    def robots_rows(self) -> list[dict]:
        """Parameters for ``sql/pipeline/upsert_robots.sql``."""
        return [{"origin": o, "status": st, "body": body, "fetched_at": at}
                for o, (st, body, at) in self.robots_updated.items()]

    def updated_rows(self) -> list[dict]:
        """This run's changes, as parameters for ``sql/pipeline/upsert_http_cache.sql``."""
        with self._lock:
            return [{"url": url, "etag": e.etag, "last_modified": e.last_modified, "status": e.status,
                     "fetched_at": e.fetched_at or _now(), "final_url": e.final_url,
                     "content_hash": e.content_hash, "content_type": e.content_type}
                    for url, e in self.updated.items()]


@dataclass
class FetchResult:
    url: str  # as requested
    final_url: str | None = None  # after redirects
    status: int | None = None
    content_type: str = ""
    body: bytes = b""
    not_modified: bool = False
    error: str | None = None  # error class, short (IngestError.error)
    detail: str = ""  # one sentence
    stage: str = "fetch"  # fetch | robots
    transient: bool = False  # worth trying again next run
    cache_entry: CacheEntry | None = None  # what to remember about this URL

    @property
    def ok(self) -> bool:
        return self.error is None and not self.not_modified

    def text(self) -> str:
        return decode_body(self.body, self.content_type)


def decode_body(body: bytes, content_type: str = "") -> str:
    """Bytes -> text: the header's charset, else the page's <meta charset>, else UTF-8."""
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.I)
    if not m:
        m = re.search(rb"<meta[^>]+charset=[\"']?([\w.:-]+)", body[:4096], re.I)
        enc = m.group(1).decode("ascii", "ignore") if m else "utf-8"
    else:
        enc = m.group(1)
    try:
        return body.decode(enc, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, drop the fragment and a default port."""
    parts = urlsplit(url.strip())
    netloc = parts.netloc.lower()
    if (parts.scheme == "http" and netloc.endswith(":80")) or (parts.scheme == "https" and netloc.endswith(":443")):
        netloc = netloc.rsplit(":", 1)[0]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


def is_http_url(url: str) -> bool:
    """An http(s) URL with a host that both urllib and httpx can parse."""
    if not isinstance(url, str) or len(url) > MAX_URL_CHARS:
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
        if parts.scheme not in ("http", "https") or not parts.netloc or not parts.hostname:
            return False
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL):
        return False
    return True


def blocked_ip(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Not a public unicast address: loopback, private, link-local (169.254.169.254, the
    cloud metadata service), CGNAT, multicast, reserved, unspecified, and IPv4 mapped or
    embedded in IPv6 the same."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return blocked_ip(ip.ipv4_mapped)
        if ip.sixtofour is not None and blocked_ip(ip.sixtofour):
            return True
    return not ip.is_global or ip.is_multicast


class _Blocked(Exception):
    """A host or address this run may not fetch from (SSRF guard)."""


def _host_literal_blocked(host: str) -> bool:
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return blocked_ip(ipaddress.ip_address(host))
    except ValueError:
        return False


# -- wall-clock deadline and address checks, below httpx ----------------------------------
_local = threading.local()  # .deadline: time.monotonic() the current request must end by


def _remaining(timeout: float | None, exc=httpcore.ReadTimeout) -> float | None:
    deadline = getattr(_local, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise exc("the request's deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """Every read and write waits at most until the request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream):
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _remaining(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _remaining(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info):
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves the host itself, refuses non-public addresses (unless allowed), connects to
    the checked address (so DNS cannot answer differently for the connection), and wraps
    the stream in the deadline."""

    def __init__(self, allow_private: bool):
        self._inner = httpcore.SyncBackend()
        self.allow_private = allow_private

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        _remaining(timeout, httpcore.ConnectTimeout)
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError, OSError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host} ({exc})") from exc
        addrs = list(dict.fromkeys(info[4][0] for info in infos))
        if not self.allow_private:
            for a in addrs:
                if blocked_ip(ipaddress.ip_address(a.split("%", 1)[0])):
                    raise _Blocked(f"{host} resolves to {a}, a private, loopback or link-local address")
        last: Exception | None = None
        for a in addrs:
            try:
                stream = self._inner.connect_tcp(a, port, _remaining(timeout, httpcore.ConnectTimeout),
                                                 local_address, socket_options)
                return _DeadlineStream(stream)
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, path, timeout=None, socket_options=None):  # pragma: no cover
        raise _Blocked("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:  # pragma: no cover
        time.sleep(seconds)


class _Unsupported(Exception):
    pass


class _Inflater:
    """Content-Encoding decoded here, bounded: never more than ``cap`` bytes are produced
    (``truncate``: stop there quietly, for robots.txt; else raise ``_TooLarge``)."""

    def __init__(self, encoding: str, cap: int, truncate: bool = False):
        self.cap, self.truncate = cap, truncate
        self.parts: list[bytes] = []
        self.size = 0
        self.full = False
        enc = encoding.strip().lower()
        self.raw_deflate_tried = False
        if enc in ("", "identity"):
            self.d = None
        elif enc in ("gzip", "x-gzip"):
            self.d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self.d = zlib.decompressobj(zlib.MAX_WBITS)
            self.deflate = True
        else:
            raise _Unsupported(enc)
        self.enc = enc

    def _add(self, out: bytes) -> None:
        if self.size + len(out) > self.cap:
            if not self.truncate:
                raise _TooLarge(" after decompression" if self.d is not None else "")
            out = out[: self.cap - self.size]
            self.full = True
        self.size += len(out)
        self.parts.append(out)

    def feed(self, data: bytes) -> None:
        if self.full:
            return
        if self.d is None:
            self._add(data)
            return
        while data and not self.full and not self.d.eof:
            try:
                out = self.d.decompress(data, self.cap - self.size + 1)
            except zlib.error:
                if self.enc == "deflate" and not self.raw_deflate_tried and self.size == 0:
                    self.raw_deflate_tried = True  # some servers send raw deflate
                    self.d = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise
            self._add(out)
            data = self.d.unconsumed_tail

    def body(self) -> bytes:
        return b"".join(self.parts)


def html_type(content_type: str) -> bool:
    ct = content_type.split(";")[0].strip().lower()
    return ct in ("", "text/html", "application/xhtml+xml")


def xml_type(content_type: str) -> bool:
    """Feeds and sitemaps: any XML type, text/* (servers often say text/plain or text/html),
    and gzip for sitemap.xml.gz."""
    ct = content_type.split(";")[0].strip().lower()
    return (ct == "" or ct.startswith("text/") or "xml" in ct or "rss" in ct or "atom" in ct
            or ct in ("application/x-gzip", "application/gzip", "application/octet-stream"))


class _TooLarge(Exception):
    pass


class _BodyTimeout(Exception):
    pass


class _HostGate:
    """Per-host politeness: at most ``concurrency`` requests in flight, and starts spaced
    ``interval`` seconds apart."""

    def __init__(self, interval: float, concurrency: int):
        self.interval = interval
        self.slots = threading.BoundedSemaphore(concurrency)
        self._lock = threading.Lock()
        self._next = 0.0

    def wait_turn(self) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            time.sleep(start - now)


@dataclass
class _Robots:
    parser: RobotFileParser | None  # None = everything allowed
    unreachable: str | None = None  # why everything is disallowed
    blocked: str | None = None  # the host resolves to a non-public address (SSRF guard)

    def allowed(self, agent: str, url: str) -> bool:
        if self.unreachable or self.blocked:
            return False
        return self.parser is None or self.parser.can_fetch(agent, url)


class Fetcher:
    """One per run, shared by all web sources (robots.txt and host gates are per origin)."""

    def __init__(self, config: HttpConfig | None = None, cache: HttpCache | None = None):
        self.config = config or HttpConfig()
        self.cache = cache if cache is not None else HttpCache()
        c = self.config
        limits = httpx.Limits(max_connections=c.concurrency, max_keepalive_connections=c.concurrency)
        transport = httpx.HTTPTransport(limits=limits)
        transport._pool = httpcore.ConnectionPool(  # same pool, with our network backend
            ssl_context=transport._pool._ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_GuardedBackend(c.allow_private_addresses),
        )
        self._client = httpx.Client(
            headers={"User-Agent": c.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(c.timeout),
            follow_redirects=False,
            transport=transport,
        )
        self._global = threading.BoundedSemaphore(c.concurrency)
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.requests = 0
        self.retries = 0
        self.not_modified = 0

    # -- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- politeness ----------------------------------------------------------------------
    def _gate(self, url: str) -> _HostGate:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = _HostGate(1.0 / self.config.per_host_rate, self.config.per_host_concurrency)
            return gate

    def _count(self, name: str) -> None:
        with self._lock:
            setattr(self, name, getattr(self, name) + 1)

    def _robots_for(self, url: str) -> _Robots:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc.lower()}"
        with self._lock:
            if origin in self._robots:
                return self._robots[origin]
            olock = self._robots_locks.setdefault(origin, threading.Lock())
        with olock:
            with self._lock:
                if origin in self._robots:
                    return self._robots[origin]
            robots = self._fetch_robots(origin)
            with self._lock:
                self._robots[origin] = robots
            return robots

    def _parse_robots(self, origin: str, status: int, text: str) -> _Robots:
        if status >= 400:  # RFC 9309: 4xx means no restrictions
            return _Robots(None)
        parser = RobotFileParser(origin + "/robots.txt")
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(self.config.user_agent)
        if delay:
            gate = self._gate(origin + "/")
            gate.interval = max(gate.interval, min(float(delay), MAX_CRAWL_DELAY))
        return _Robots(parser)

    def _fetch_robots(self, origin: str) -> _Robots:
        kept = self.cache.robots.get(origin)
        if kept and kept[2] >= _now() - ROBOTS_TTL:
            return self._parse_robots(origin, kept[0], kept[1])
        robots_url = origin + "/robots.txt"
        gate = self._gate(robots_url)
        last = "no answer"
        for attempt in range(self.config.retries + 1):
            if attempt:
                time.sleep(self.config.backoff * 2 ** (attempt - 1))
                self._count("retries")
            with gate.slots, self._global:
                gate.wait_turn()
                self._count("requests")
                try:
                    status, headers, body = self._robots_get(robots_url)
                except _Blocked as exc:
                    return _Robots(None, blocked=str(exc))
                except (httpx.HTTPError, httpcore.TimeoutException, _TooLarge, _Unsupported, zlib.error,
                        httpx.InvalidURL, ValueError) as exc:
                    last = "timed out" if isinstance(exc, (httpx.TimeoutException, httpcore.TimeoutException)) else type(exc).__name__
                    continue
            if status >= 500 or status == 429:
                last = f"HTTP {status}"
                continue
            if status in REDIRECTS:  # more redirects than we follow for robots.txt: none
                return _Robots(None, unreachable=f"{robots_url} redirects too often")
            text = decode_body(body, headers.get("content-type", "")) if status < 400 else ""
            self.cache.robots_updated[origin] = (status, text, _now())
            return self._parse_robots(origin, status, text)
        return _Robots(None, unreachable=f"{robots_url} could not be read ({last})")

    def _robots_get(self, url: str):
        """robots.txt: redirects followed hop by hop (checked like any hop), the body cut at
        ``ROBOTS_MAX_BYTES`` (after decompression), the whole exchange within one deadline."""
        for _ in range(ROBOTS_MAX_REDIRECTS + 1):
            problem = self.url_problem(url)
            if problem:
                raise _Blocked(problem)
            status, headers, body = self._send(url, {}, lambda ct: True, ROBOTS_MAX_BYTES, truncate=True)
            if status in REDIRECTS and headers.get("location"):
                url = urljoin(url, headers["location"])
                continue
            return status, headers, body
        return 310, {}, b""

    def url_problem(self, url: str) -> str | None:
        """Why this hop may not be fetched (scheme, host, a non-public address), or None."""
        if not is_http_url(url):
            return f"{url[:300]} is not a valid http(s) URL"
        if not self.config.allow_private_addresses and _host_literal_blocked(urlsplit(url).hostname or ""):
            return (f"{url[:300]} points to a private, loopback or link-local address; not fetched "
                    "(set http.allow_private_addresses = true to allow it)")
        return None

    # -- fetching ------------------------------------------------------------------------
    def fetch(
        self,
        url: str,
        *,
        accept: Callable[[str], bool] = html_type,
        conditional: bool = True,
        remember: bool = True,
    ) -> FetchResult:
        """GET ``url`` politely. Never raises for network or HTTP trouble: the result says."""
        result = FetchResult(url=url)
        try:
            return self._fetch(result, url, accept=accept, conditional=conditional, remember=remember)
        except Exception as exc:  # noqa: BLE001 - one URL never costs the source
            return self._fail(result, type(exc).__name__, f"{str(url)[:300]} could not be fetched ({type(exc).__name__}: {str(exc)[:200]})")

    def _fetch(self, result: FetchResult, url: str, *, accept, conditional: bool, remember: bool) -> FetchResult:
        if not is_http_url(url):
            return self._fail(result, "UnsupportedURL", f"{str(url)[:300]} is not a valid http(s) URL")
        cached = self.cache.get(url) if conditional else None
        headers = {}
        if cached and cached.etag:
            headers["If-None-Match"] = cached.etag
        if cached and cached.last_modified:
            headers["If-Modified-Since"] = cached.last_modified
        current, seen = url, {url}
        for _hop in range(self.config.max_redirects + 1):
            problem = self.url_problem(current)
            if problem:
                result.final_url = current
                return self._fail(result, "PrivateAddress" if "private" in problem else "UnsupportedURL",
                                  problem if current == url else f"{url} redirects to {problem}")
            if self.config.respect_robots:
                robots = self._robots_for(current)
                if not robots.allowed(self.config.user_agent, current):
                    result.final_url = current
                    if robots.blocked:
                        return self._fail(result, "PrivateAddress", f"{current} was not fetched: {robots.blocked} "
                                          "(set http.allow_private_addresses = true to allow it)")
                    if robots.unreachable:
                        return self._fail(result, "RobotsUnavailable", f"{robots.unreachable}; nothing is fetched from that host this run", stage="robots", transient=True)
                    return self._fail(result, "RobotsDisallowed", f"robots.txt of {urlsplit(current).netloc} disallows {current} for our user agent", stage="robots")
            step = self._get_with_retries(current, headers, accept, result)
            if step is None:  # failed; result says why
                return result
            status, resp_headers, body = step
            result.status = status
            result.final_url = current
            if status in REDIRECTS:
                location = resp_headers.get("location")
                if not location:
                    return self._fail(result, "HTTPStatusError", f"{current} answered {status} without a Location")
                try:
                    nxt = urljoin(current, location)
                except ValueError:
                    nxt = location
                if not is_http_url(nxt):
                    return self._fail(result, "UnsupportedURL", f"{current} redirects to {str(nxt)[:300]}, which is not a valid http(s) URL")
                if nxt in seen:
                    return self._fail(result, "RedirectLoop", f"{url} redirects in a loop at {nxt}")
                seen.add(nxt)
                current = nxt
                continue
            if status == 304:
                result.not_modified = True
                self._count("not_modified")
                prev = cached or CacheEntry()
                result.cache_entry = CacheEntry(
                    etag=resp_headers.get("etag") or prev.etag,
                    last_modified=resp_headers.get("last-modified") or prev.last_modified,
                    status=304, fetched_at=_now(), final_url=prev.final_url or current,
                    content_hash=prev.content_hash, content_type=prev.content_type,
                )
            else:
                result.body = body
                result.content_type = resp_headers.get("content-type", "")
                result.cache_entry = CacheEntry(
                    etag=resp_headers.get("etag"), last_modified=resp_headers.get("last-modified"),
                    status=status, fetched_at=_now(), final_url=current,
                    content_hash=hashlib.sha256(body).hexdigest()[:32], content_type=result.content_type,
                )
            if remember:
                self.remember(result)
            return result
        return self._fail(result, "TooManyRedirects", f"{url} redirects more than {self.config.max_redirects} times")

    def remember(self, result: FetchResult) -> None:
        """Store the URL's validators so the next run can send a conditional GET."""
        if result.cache_entry is not None and result.error is None:
            self.cache.put(result.url, result.cache_entry)

    def forget(self, result: FetchResult) -> None:
        """Drop the URL's validators: the next run fetches it unconditionally."""
        entry = result.cache_entry or CacheEntry()
        self.cache.put(result.url, CacheEntry(status=result.status, fetched_at=_now(),
                                              final_url=entry.final_url, content_type=entry.content_type))

    def fetch_many(self, urls: list[str], **kwargs) -> list[FetchResult]:
        """Fetch several URLs concurrently (within the host and global caps), in order."""
        if len(urls) <= 1:
            return [self.fetch(u, **kwargs) for u in urls]
        with ThreadPoolExecutor(max_workers=min(self.config.concurrency, len(urls)),
                                thread_name_prefix="claimtrack-http") as pool:
            return list(pool.map(lambda u: self.fetch(u, **kwargs), urls))

    def _fail(self, result: FetchResult, error: str, detail: str, *, stage: str = "fetch",
              transient: bool = False) -> FetchResult:
        result.error, result.detail, result.stage, result.transient = error, detail, stage, transient
        return result

    def _get_with_retries(self, url, headers, accept, result):
        """One hop: GET with retries. Returns (status, headers, body) or None on failure."""
        c = self.config
        gate = self._gate(url)
        for attempt in range(c.retries + 1):
            wait = c.backoff * 2 ** (attempt - 1) if attempt else 0.0
            if attempt:
                self._count("retries")
            retry_after = None
            try:
                if wait:
                    time.sleep(wait)
                with gate.slots, self._global:
                    gate.wait_turn()
                    self._count("requests")
                    status, resp_headers, body = self._send(url, headers, accept, c.max_bytes)
            except _TooLarge as exc:
                self._fail(result, "TooLarge", f"{url} is larger than http.max_bytes ({c.max_bytes} bytes){exc}; not read")
                return None
            except _Blocked as exc:
                self._fail(result, "PrivateAddress", f"{url} was not fetched: {exc} (set http.allow_private_addresses = true to allow it)")
                return None
            except _Unsupported as exc:
                self._fail(result, "UnsupportedEncoding", f"{url} is sent with Content-Encoding {str(exc)[:40]}, which is not read")
                return None
            except zlib.error as exc:
                self._fail(result, "DecodingError", f"{url} is not valid gzip/deflate ({exc})")
                return None
            except (httpx.InvalidURL, ValueError) as exc:
                self._fail(result, "InvalidURL", f"{url} could not be requested, or redirects to an invalid URL "
                                                f"({type(exc).__name__}: {str(exc)[:200]})")
                return None
            except (httpx.TimeoutException, httpcore.TimeoutException, _BodyTimeout):
                self._fail(result, "Timeout", f"{url} did not finish within {c.timeout:g} s (tried {attempt + 1} times)", transient=True)
                continue
            except httpx.HTTPError as exc:
                self._fail(result, type(exc).__name__, f"{url} could not be fetched ({type(exc).__name__}: {exc}; tried {attempt + 1} times)", transient=True)
                continue
            if status in RETRYABLE:
                result.status = status
                self._fail(result, "HTTPStatusError", f"{url} answered {status} {_reason(status)} (tried {attempt + 1} times)", transient=True)
                retry_after = _retry_after(resp_headers.get("retry-after"))
                if retry_after is not None and retry_after > MAX_RETRY_AFTER:
                    return None
                if retry_after and attempt < c.retries:
                    time.sleep(retry_after)
                continue
            if 400 <= status < 600:
                result.status = status
                self._fail(result, "HTTPStatusError", f"{url} answered {status} {_reason(status)}; not retried")
                return None
            if 200 <= status < 300 and not accept(resp_headers.get("content-type", "")):
                result.status = status
                self._fail(result, "UnsupportedContentType",
                           f"{url} is {resp_headers.get('content-type') or 'of no type'}, not a page this source reads; skipped")
                return None
            result.error, result.detail, result.transient = None, "", False
            return status, resp_headers, body
        return None

    def _send(self, url: str, headers: dict, accept: Callable[[str], bool], max_bytes: int, truncate: bool = False):
        """One GET, connect to last body byte within ``http.timeout`` seconds (wall clock)."""
        c = self.config
        deadline = time.monotonic() + c.timeout
        _local.deadline = deadline
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                status = resp.status_code
                if not (200 <= status < 300) or not accept(resp.headers.get("content-type", "")):
                    return status, resp.headers, b""  # no body needed
                length = resp.headers.get("content-length", "").strip()
                if length.isdigit() and int(length) > max_bytes and not truncate:
                    raise _TooLarge(f" (Content-Length {length})")
                inflater = _Inflater(resp.headers.get("content-encoding", ""), max_bytes, truncate=truncate)
                for chunk in resp.iter_raw(65_536):
                    inflater.feed(chunk)
                    if inflater.full:
                        break
                    if time.monotonic() > deadline:
                        raise _BodyTimeout()
                return status, resp.headers, inflater.body()
        finally:
            _local.deadline = None


def _reason(status: int) -> str:
    try:
        from http import HTTPStatus

        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
