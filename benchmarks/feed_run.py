"""A 50-entry RSS feed on a loopback server: time `claimtrack run --source rss:URL` (the real
CLI, Prefect embedded) on a fresh warehouse, then the unchanged re-run (one 304).

    .venv/bin/python benchmarks/feed_run.py [--entries 50] [--rate R]

``--rate`` sets ``http.per_host_rate`` (requests/s to one host) through
CLAIMTRACK_HTTP__PER_HOST_RATE; without it the default politeness (1 request/s) applies,
which dominates a first run over one host."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACES = ["Port Calder", "Riverton", "Ashford", "Lakemont", "Greystone", "Millbrook", "Northgate", "Eastwick", "Fairhaven", "Oakridge"]
TOPICS = [
    ("council", "approved a budget of {n} million dollars for road repairs", "Work will begin in the spring and last {m} months."),
    ("hospital", "opened a new wing with {n} beds for children", "The project cost {m} million dollars and took three years."),
    ("school board", "hired {n} new teachers for the coming year", "Class sizes will fall to {m} pupils on average."),
    ("police", "arrested {n} people after a series of burglaries", "Officers recovered goods worth {m} thousand dollars."),
    ("port authority", "reported {n} percent more container traffic", "Most of the growth came from {m} new shipping routes."),
]


def article(i: int) -> tuple[str, bytes]:
    place = PLACES[i % len(PLACES)]
    who, what, more = TOPICS[i % len(TOPICS)]
    n, m = 10 + i, 3 + i % 17
    title = f"{place} {who} story {i}"
    paras = [
        f"The {place} {who} {what.format(n=n)} on Tuesday, officials said.",
        more.format(m=m),
        f"Residents of {place} told reporters that the decision had been expected for weeks.",
        f"The mayor of {place} said the city would publish a full report on the matter by June {1 + i % 28}.",
    ]
    html = (f"<html><head><title>{title}</title><meta property='og:site_name' content='Bench Gazette'></head>"
            f"<body><article><h1>{title}</h1>{''.join(f'<p>{p}</p>' for p in paras)}</article></body></html>")
    return title, html.encode()


def serve(entries: int):
    pages = {f"/a/{i}.html": article(i) for i in range(entries)}
    start = datetime(2025, 6, 1, tzinfo=timezone.utc)

    class H(BaseHTTPRequestHandler):
        hits = 0

        def log_message(self, *a):
            pass

        def do_GET(self):
            H.hits += 1
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/robots.txt":
                body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
            elif self.path == "/feed.xml":
                if self.headers.get("If-None-Match") == '"bench-1"':
                    self.send_response(304)
                    self.send_header("ETag", '"bench-1"')
                    self.end_headers()
                    return
                items = "".join(
                    f"<item><title>{t}</title><link>{base}{p}</link>"
                    f"<pubDate>{format_datetime(start + timedelta(hours=k))}</pubDate></item>"
                    for k, (p, (t, _)) in enumerate(pages.items()))
                body = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Bench Gazette</title>"
                        f"<link>{base}/</link><description>bench</description>{items}</channel></rss>").encode()
                ctype = "application/rss+xml"
            elif self.path in pages:
                body, ctype = pages[self.path][1], "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if self.path == "/feed.xml":
                self.send_header("ETag", '"bench-1"')
            self.end_headers()
            self.wfile.write(body)

    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, H


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=50)
    ap.add_argument("--rate", type=float, default=None)
    args = ap.parse_args()
    srv, handler = serve(args.entries)
    url = f"http://127.0.0.1:{srv.server_address[1]}/feed.xml"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    if args.rate:
        env["CLAIMTRACK_HTTP__PER_HOST_RATE"] = str(args.rate)
    with tempfile.TemporaryDirectory() as tmp:
        wh = Path(tmp) / "bench.duckdb"
        for label in ("first run", "unchanged re-run"):
            before = handler.hits
            t0 = time.perf_counter()
            out = subprocess.run([str(ROOT / ".venv/bin/claimtrack"), "run", "--source", f"rss:{url}", "--warehouse", str(wh)],
                                 cwd=tmp, env=env, capture_output=True, text=True)
            wall = time.perf_counter() - t0
            if out.returncode:
                sys.exit(out.stdout + out.stderr)
            flow_time = next((ln.split()[-2] for ln in out.stdout.splitlines() if ln.strip().startswith("time:")), "?")
            articles = next((ln.split(":", 1)[1].strip() for ln in out.stdout.splitlines() if ln.strip().startswith("articles:")), "?")
            print(f"{label}: whole process {wall:.1f} s, flow {flow_time} s, HTTP requests {handler.hits - before}, articles {articles}")
    srv.shutdown()


if __name__ == "__main__":
    main()
