"""Run every benchmark, then write docs/BENCHMARKS.md from their results.

    make benchmark          # or: .venv/bin/python benchmarks/run_all.py

Each benchmark skips cleanly (exit 0) when ../shared/bench is absent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["calibrate_threshold.py", "basil_pipeline.py", "embed_backends.py", "decomposition.py",
           "attribution.py",
           "cluster_scale.py", "dask_scaling.py"]


def main() -> None:
    for script in SCRIPTS:
        print(f"== {script}", flush=True)
        subprocess.run([sys.executable, str(HERE / script)], check=True)
    subprocess.run([sys.executable, str(HERE / "report.py")], check=True)


if __name__ == "__main__":
    main()
