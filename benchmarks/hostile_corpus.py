"""A whole `claimtrack run` over a hostile corpus next to good articles.

The hostile files are the ones `tests/test_hostile_records.py` builds (deep JSON, huge
integers, year-one dates, objects where text belongs, a FIFO, a symlink out of the folder);
next to them go ``--good`` plain good articles in a JSONL file. The run goes through every
stage (ingest, claims, embeddings, clusters, stories, report) in a child process; this
prints articles stored, ingest error rows, wall time and the child's peak RSS.

    .venv/bin/python benchmarks/hostile_corpus.py --good 500
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402

from benchmarks.common import ROOT, machine, write_result  # noqa: E402
from tests.test_hostile_records import build_hostile_corpus  # noqa: E402

TOPICS = ["pier", "school budget", "rail strike", "flood barrier", "council vote"]


def good_article(i: int) -> dict:
    topic = TOPICS[i % len(TOPICS)]
    return {
        "source": f"Outlet {i % 7}",
        "id": f"bulk{i}",
        "title": f"Update {i} on the {topic}",
        "text": (
            f"The city said on Monday that work on the {topic} would cost {100 + i} million dollars. "
            f"Mayor Ana Ruiz told reporters the {topic} plan had been delayed by {i % 9 + 1} weeks. "
            f"Residents opposed the {topic} changes at a meeting on Tuesday."
        ),
        "published_at": f"2025-05-{1 + i % 28:02d}T08:00:00Z",
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--good", type=int, default=500, help="good articles added next to the hostile files")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimtrack-hostile-") as tmp:
        corpus = Path(tmp) / "corpus"
        n_good = build_hostile_corpus(corpus)
        with open(corpus / "bulk.jsonl", "w", encoding="utf-8") as fh:
            for i in range(args.good):
                fh.write(json.dumps(good_article(i)) + "\n")
        n_good += args.good
        warehouse = Path(tmp) / "w.duckdb"
        cli = Path(sys.executable).parent / "claimtrack"
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMTRACK_")}
        t0 = time.perf_counter()
        out = subprocess.run(
            [str(cli), "run", "--source", f"folder:{corpus}", "--warehouse", str(warehouse)],
            capture_output=True, text=True, cwd=tmp, env=env,
        )
        wall = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        if out.returncode != 0:
            print(out.stdout[-3000:], out.stderr[-3000:])
            sys.exit(f"the run failed with exit code {out.returncode}")
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            errors = con.execute("SELECT count(*) FROM ingest_errors").fetchone()[0]
            claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
            status = con.execute("SELECT status FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()[0]
        finally:
            con.close()
    result = {
        "command": f".venv/bin/python benchmarks/hostile_corpus.py --good {args.good}",
        "machine": machine(), "good_articles": n_good, "articles_stored": stored,
        "ingest_error_rows": errors, "claims": claims, "run_status": status,
        "wall_s": round(wall, 1), "peak_rss_mb": peak_mb,
    }
    write_result("hostile_corpus", result)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
