"""Hostile servers, on a loopback server this test starts: headers one line at a time,
robots.txt one byte at a time, gzip bombs (robots and pages), redirects to javascript: and
to private/loopback/metadata addresses, feed entries on them, bad URL-list lines. Each
case ends in an ingest_errors row within a short deadline, the good pages are stored, and
peak memory stays bounded."""

from __future__ import annotations

import ipaddress
import socket
import subprocess
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimtrack.config import HttpConfig, SourceConfig
from claimtrack.sources import Fetcher, read_source
from claimtrack.sources import http as cthttp

ROOT = Path(__file__).resolve().parent.parent
UA = "claimtrack-test/1.0 (+tests)"
PAGE = ("<html><head><title>Pier</title></head><body><article><h1>Pier</h1>"
        "<p>The harbour authority reopened the north pier on Monday after repairs, officials said.</p>"
        "<p>The repairs took three months and cost the town two million dollars, the mayor said.</p>"
        "</article></body></html>").encode()


def gzip_bomb(mb: int) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1 << 20)
    return b"".join(c.compress(zeros) for _ in range(mb)) + c.flush()


BOMB = gzip_bomb(256)  # ~250 KB on the wire, 256 MB inflated


class HostileSite:
    def __init__(self, robots: str = "normal"):
        site = self
        self.robots = robots
        self.hits: dict[str, int] = {}

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_GET(self):
                path = self.path.split("?")[0]
                site.hits[path] = site.hits.get(path, 0) + 1
                try:
                    site.route(self, path)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                for k, v in headers:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def route(self, h, path):
        if path == "/robots.txt":
            if self.robots == "slow":
                h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n")
                for _ in range(200):
                    h.wfile.write(b"#")
                    h.wfile.flush()
                    time.sleep(0.1)
                return
            if self.robots == "bomb":
                return h.send(200, BOMB, "text/plain", [("Content-Encoding", "gzip")])
            return h.send(200, b"User-agent: *\nAllow: /\n", "text/plain")
        if path.startswith("/good"):
            return h.send(200, PAGE.replace(b"Monday", path.encode()))
        if path == "/trickle-headers":
            h.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for i in range(200):
                h.wfile.write(f"X-Slow-{i}: yes\r\n".encode())
                h.wfile.flush()
                time.sleep(0.1)
            return
        if path == "/bomb":
            return h.send(200, BOMB, headers=[("Content-Encoding", "gzip")])
        if path == "/to-js":
            return h.send(302, headers=[("Location", "javascript:alert(1)")])
        if path == "/to-https-noslash":
            return h.send(302, headers=[("Location", "https:evil")])
        if path == "/to-metadata":
            return h.send(302, headers=[("Location", "http://169.254.169.254/latest/meta-data/")])
        if path == "/to-loopback":
            return h.send(302, headers=[("Location", f"http://127.0.0.2:{self.port}/good-secret")])
        if path == "/to-internal-name":
            return h.send(302, headers=[("Location", f"http://internal.example:{self.port}/good-secret")])
        if path == "/feed.xml":
            items = "".join(f"<item><title>{t}</title><link>{u}</link></item>" for t, u in [
                ("good", f"{self.base}/good-feed"), ("meta", "http://169.254.169.254/latest/"),
                ("lo", f"http://localhost:{self.port}/good-x"), ("ten", "http://10.0.0.1/x")])
            return h.send(200, f"<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>{items}</channel></rss>".encode(),
                          "application/rss+xml")
        return h.send(404, b"no")

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def cfg(**kw) -> HttpConfig:
    base = dict(user_agent=UA, timeout=1.0, retries=1, backoff=0.05, per_host_rate=1000, per_host_concurrency=8,
                max_bytes=2_000_000, allow_private_addresses=True)
    base.update(kw)
    return HttpConfig(**base)


@pytest.fixture
def site():
    s = HostileSite()
    yield s
    s.close()


def test_headers_one_line_at_a_time_hit_the_deadline(site):
    t0 = time.perf_counter()
    with Fetcher(cfg()) as f:
        res = f.fetch(site.base + "/trickle-headers")
    took = time.perf_counter() - t0
    assert res.error == "Timeout" and res.transient
    assert took < 4, took  # two tries of 1 s each, plus backoff


@pytest.mark.parametrize("mode", ["slow", "bomb"])
def test_hostile_robots_txt_is_bounded(mode):
    s = HostileSite(robots=mode)
    try:
        t0 = time.perf_counter()
        with Fetcher(cfg()) as f:
            res = f.fetch(s.base + "/good-1")
        took = time.perf_counter() - t0
    finally:
        s.close()
    assert took < 5, took
    if mode == "slow":
        assert res.error == "RobotsUnavailable"
    else:  # cut at ROBOTS_MAX_BYTES after decompression: an empty robots.txt, page fetched
        assert res.ok, res.detail


def test_gzip_bomb_page_is_refused_while_streaming(site):
    with Fetcher(cfg()) as f:
        res = f.fetch(site.base + "/bomb")
        good = f.fetch(site.base + "/good-2")
    assert res.error == "TooLarge" and "decompression" in res.detail
    assert good.ok


RSS_SCRIPT = """
import resource, sys
sys.path.insert(0, {root!r})
from claimtrack.config import HttpConfig
from claimtrack.sources import Fetcher
c = HttpConfig(user_agent="t/1 (x)", timeout=5, retries=0, per_host_rate=1000, max_bytes=5_000_000,
               allow_private_addresses=True)
with Fetcher(c) as f:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    a = f.fetch({base!r} + "/bomb")
    b = f.fetch({base!r} + "/good-3")
print(a.error, b.ok, before // 1024, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def test_gzip_bombs_keep_peak_memory_bounded():
    s = HostileSite(robots="bomb")
    try:
        out = subprocess.run([sys.executable, "-c", RSS_SCRIPT.format(root=str(ROOT), base=s.base)],
                             capture_output=True, text=True, timeout=60)
    finally:
        s.close()
    assert out.returncode == 0, out.stderr[-2000:]
    err, ok, before_mb, peak_mb = out.stdout.split()
    assert err == "TooLarge" and ok == "True"
    assert int(peak_mb) - int(before_mb) < 60, (before_mb, peak_mb)  # 256 MB inflated each, never held


def test_redirects_to_other_schemes_are_rows(site):
    with Fetcher(cfg()) as f:
        for path in ("/to-js", "/to-https-noslash"):
            res = f.fetch(site.base + path)
            # httpx itself refuses some Location values (InvalidURL); either way one row, not retried
            assert res.error in ("UnsupportedURL", "InvalidURL") and not res.transient, (path, res.error, res.detail)


@pytest.fixture
def loopback_is_public(monkeypatch):
    """127.0.0.1 (the test server) counts as public; everything else the real rule says,
    and ``internal.example`` resolves to 127.0.0.2 (a DNS name pointing inside)."""
    real_blocked, real_gai = cthttp.blocked_ip, socket.getaddrinfo
    monkeypatch.setattr(cthttp, "blocked_ip", lambda ip: ip != ipaddress.ip_address("127.0.0.1") and real_blocked(ip))

    def gai(host, *a, **k):
        return real_gai("127.0.0.2" if host == "internal.example" else host, *a, **k)

    monkeypatch.setattr(socket, "getaddrinfo", gai)


def test_private_addresses_are_refused_hop_by_hop(site, loopback_is_public):
    with Fetcher(cfg(allow_private_addresses=False)) as f:
        direct = f.fetch(f"http://127.0.0.2:{site.port}/good-secret")
        results = {p: f.fetch(site.base + p) for p in ("/to-metadata", "/to-loopback", "/to-internal-name")}
        ok = f.fetch(site.base + "/good-4")
    assert direct.error == "PrivateAddress"
    for p, r in results.items():
        assert r.error == "PrivateAddress", (p, r.error, r.detail)
    assert ok.ok
    assert "/good-secret" not in site.hits


def test_private_addresses_refused_by_default():
    assert HttpConfig().allow_private_addresses is False
    with Fetcher(HttpConfig()) as f:
        for url in ("http://127.0.0.1:1/", "http://[::1]:1/", "http://169.254.169.254/", "http://localhost/",
                    "http://[::ffff:10.0.0.1]/", "http://2130706433/"):
            assert f.fetch(url).error == "PrivateAddress", url


def test_feed_entries_on_private_addresses_are_rows(site, loopback_is_public):
    from claimtrack.sources.feed import read_feed

    with Fetcher(cfg(allow_private_addresses=False)) as f:
        batch = read_feed(site.base + "/feed.xml", spec="rss:x", fetcher=f)
    assert [a.url for a in batch.articles] == [site.base + "/good-feed"]
    assert sorted(e.error for e in batch.errors) == ["PrivateAddress"] * 3


def test_bad_url_list_lines_are_rows(site, tmp_path):
    lst = tmp_path / "list.txt"
    lst.write_text("\n".join(["http://[::1", "http://[zz::1]/", "https://exa mple.org/\x00", "http://:80/",
                              "http://host:99999/", site.base + "/good-5", "javascript:alert(1)"]))
    with Fetcher(cfg()) as f:
        batch = read_source(SourceConfig(kind="urls", location=str(lst)), fetcher=f)
    assert [a.url for a in batch.articles] == [site.base + "/good-5"]
    assert len(batch.errors) == 6 and all(e.error == "InvalidURL" for e in batch.errors)
