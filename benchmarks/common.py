"""Shared helpers for benchmarks: where the third-party bench data lives, machine info."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(os.environ.get("CLAIMTRACK_BENCH_DIR", ROOT.parent / "shared" / "bench"))
OUT = ROOT / "benchmarks" / "out"


def bench_file(relpath: str) -> Path:
    """The bench file, or exit 0 with a clear message when the data is absent."""
    path = BENCH / relpath
    if not path.is_file():
        print(f"skipped: {path} not found (set CLAIMTRACK_BENCH_DIR to the shared bench folder)")
        sys.exit(0)
    return path


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def write_result(name: str, data: dict) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")
    return path
