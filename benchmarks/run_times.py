"""`claimtrack run` on the seeds: first run and unchanged re-run, with Prefect's temporary
server (no PREFECT_API_URL) and against a running `prefect server start`, side by side.

    .venv/bin/python benchmarks/run_times.py [--reps 3]

Each repetition runs, in this order: first run + re-run with the temporary server, then
first run + re-run against the running server (each first run on a fresh warehouse), so both
modes see the same machine load. Prints a markdown table of medians and every measurement
(wall-clock of the whole command, as a user waits for it)."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLAIMTRACK = ROOT / ".venv/bin/claimtrack"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(home: Path, env: dict) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([str(ROOT / ".venv/bin/prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            env=dict(env, PREFECT_HOME=str(home)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/health", timeout=1) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGTERM)
    raise SystemExit("prefect server did not become healthy in 120 s")


def timed_run(warehouse: Path, env: dict) -> float:
    t0 = time.perf_counter()
    out = subprocess.run([str(CLAIMTRACK), "run", "--warehouse", str(warehouse)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=900)
    elapsed = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"claimtrack run failed ({out.returncode}):\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CLAIMTRACK_"))}
    base.update(DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false", HF_HUB_OFFLINE="1")
    times: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="claimtrack-runtimes-") as tmp:
        tmp = Path(tmp)
        temp_env = dict(base, PREFECT_HOME=str(tmp / "prefect-home-temporary"))
        server, url = start_server(tmp / "prefect-home-server", base)
        server_env = dict(base, PREFECT_HOME=str(tmp / "prefect-home-client"), PREFECT_API_URL=url)
        try:
            for rep in range(args.reps):
                for mode, env in (("temporary server", temp_env), ("running server", server_env)):
                    wh = tmp / f"{mode.split()[0]}-{rep}" / "claimtrack.duckdb"
                    wh.parent.mkdir()
                    first = timed_run(wh, env)
                    again = timed_run(wh, env)
                    times.setdefault((mode, "first run"), []).append(first)
                    times.setdefault((mode, "unchanged re-run"), []).append(again)
                    print(f"rep {rep + 1} {mode}: first {first:.1f} s, re-run {again:.1f} s", file=sys.stderr, flush=True)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    print(f"`claimtrack run` on seeds/ (13 articles), wall-clock seconds, median of {args.reps} "
          f"(every measurement in brackets); {os.cpu_count()} CPUs.\n")
    print("| | temporary server (no PREFECT_API_URL) | running server (PREFECT_API_URL set) |")
    print("|---|---|---|")
    for what in ("first run", "unchanged re-run"):
        cells = []
        for mode in ("temporary server", "running server"):
            v = times[(mode, what)]
            cells.append(f"{statistics.median(v):.1f} s ({', '.join(f'{x:.1f}' for x in v)})")
        print(f"| {what} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
