"""Stories benchmark: B-cubed precision/recall/F1 of article -> story on BASIL dev (events)
and ECB+ dev (event groups: two similar but different events per topic).

    .venv/bin/python benchmarks/stories.py                 # fresh warehouses in a temp dir
    .venv/bin/python benchmarks/stories.py --cache /tmp/claimtrack-stories   # reuse them

1. Runs the real pipeline once per dataset through the CLI (as benchmarks/basil_pipeline.py
   does) into a warehouse; ECB+ documents go in as a temporary JSONL (one fake outlet per
   document, no title, no date: the sentences joined as paragraphs).
2. Reads the story inputs back with :func:`claimtrack.stories.stories_from_warehouse`
   (title+lead vectors, claim entities, claim clusters, dates).
3. Scores :func:`claimtrack.stories.assign_stories` with the default parameters, the old
   connected components over shared claim clusters (the former ``v_article_stories``), and
   a 2-fold split by event: the parameters are fit (grid below, best mean F1 of both
   datasets) on one half of the events and scored on the other half, and vice versa.
4. Writes benchmarks/out/stories.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, bench_file, machine, read_jsonl, write_result

# The grid the parameters are fit on (w_vector is fixed at 1: the scale of the others;
# window_days is fixed at 7 by design, wider than any BASIL event's spread of dates).
GRID = {
    "w_names": (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0),
    "w_claims": (0.0, 0.1, 0.2),
    "threshold": tuple(round(0.40 + 0.025 * i, 3) for i in range(25)),
}


# --- scoring -------------------------------------------------------------------------------

def bcubed(pred: dict[str, str], gold: dict[str, str]) -> dict:
    """B-cubed precision, recall and F1 over the items of ``gold``."""
    items = list(gold)
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i in items:
        by_pred[pred[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        cp, cg = by_pred[pred[i]], by_gold[gold[i]]
        both = len(cp & cg)
        p += both / len(cp)
        r += both / len(cg)
    p, r = p / len(items), r / len(items)
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "stories": len(by_pred.keys())}


def connected_components(articles) -> dict[str, str]:
    """The old v_article_stories: components of the graph whose edges are shared clusters;
    story id = the smallest article id in it."""
    parent = {a.article_id: a.article_id for a in articles}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[str, str] = {}
    for a in articles:
        for c in a.clusters:
            if c in owner:
                ra, rb = find(a.article_id), find(owner[c])
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
            else:
                owner[c] = a.article_id
    return {a.article_id: find(a.article_id) for a in articles}


# --- data ----------------------------------------------------------------------------------

def ecbplus_jsonl(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps({
                "id": r["doc_name"],
                "source": "ECB " + r["doc_name"].split(".")[0],
                "url": r.get("url_from_sentence0") or f"https://ecbplus.invalid/{r['doc_name']}",
                "text": "\n\n".join(r["sentences"]),
            }) + "\n" for r in rows)


def run_pipeline(jsonl: Path, wh: Path) -> float:
    cli = [str(ROOT / ".venv" / "bin" / "claimtrack")] if (ROOT / ".venv" / "bin" / "claimtrack").exists() else ["claimtrack"]
    env = dict(os.environ, PREFECT_HOME=str(wh.parent / f"prefect-{wh.stem}"))
    t0 = time.perf_counter()
    proc = subprocess.run(cli + ["run", "--json", "--source", f"jsonl:{jsonl}", "--warehouse", str(wh)],
                          capture_output=True, text=True, env=env, cwd=wh.parent, check=False)
    if proc.returncode != 0:
        print(proc.stdout[-3000:], proc.stderr[-3000:])
        raise SystemExit(f"pipeline failed on {jsonl} with exit code {proc.returncode}")
    return time.perf_counter() - t0


def dataset(name: str, workdir: Path, reuse: bool):
    """(warehouse path, gold: JSONL line -> event label, pipeline seconds or None)."""
    if name == "basil":
        src = bench_file("multisource/basil_dev.jsonl")
        rows = read_jsonl(src)
        gold = {i + 1: r["event_id"] for i, r in enumerate(rows)}
    else:
        raw = bench_file("multisource/ecbplus_documents_dev.jsonl")
        rows = read_jsonl(raw)
        gold = {i + 1: r["event_group"] for i, r in enumerate(rows)}
        src = workdir / "ecbplus_articles.jsonl"
        ecbplus_jsonl(rows, src)
    wh = workdir / f"{name}.duckdb"
    seconds = None
    if not (reuse and wh.is_file()):
        wh.unlink(missing_ok=True)
        seconds = run_pipeline(src, wh)
    return wh, gold, seconds


def load_articles(wh: Path, gold_by_line: dict[int, str], embedder, workdir: Path):
    """Story records from the warehouse, and gold: article id -> event."""
    import duckdb

    from claimtrack.stories import stories_from_warehouse

    con = duckdb.connect(str(wh), read_only=True)
    try:
        t0 = time.perf_counter()
        articles, _ = stories_from_warehouse(con, embedder)
        seconds = time.perf_counter() - t0
        origin = dict(con.execute("SELECT article_id, origin FROM articles").fetchall())
    finally:
        con.close()
    gold = {a.article_id: gold_by_line[int(origin[a.article_id].rsplit(":", 1)[1])] for a in articles}
    return articles, gold, seconds


# --- fitting -------------------------------------------------------------------------------

def fit(sets: list[tuple[list, dict]], base) -> tuple[object, float]:
    """The grid point with the best smoothed mean B-cubed F1 over ``sets``: the F1 of a
    point is averaged with its two threshold neighbours, so that a lone spike of the grid
    is not chosen over a plateau (ties: first in grid order)."""
    from claimtrack.stories import assign_stories

    ths = GRID["threshold"]
    best, best_f1 = None, -1.0
    for wn, wc in itertools.product(GRID["w_names"], GRID["w_claims"]):
        curve = []
        for th in ths:
            p = replace(base, w_names=wn, w_claims=wc, threshold=th)
            curve.append(sum(bcubed(assign_stories(arts, params=p).story_of, gold)["f1"]
                             for arts, gold in sets) / len(sets))
        for k, th in enumerate(ths):
            smooth = sum(curve[max(k - 1, 0):k + 2]) / len(curve[max(k - 1, 0):k + 2])
            if smooth > best_f1 + 1e-9:
                best, best_f1 = replace(base, w_names=wn, w_claims=wc, threshold=th), smooth
    return best, round(best_f1, 4)


def family(label: str) -> str:
    """What a fold keeps together: the event, or for ECB+ the topic ("12_ecb" and
    "12_ecbplus" are two similar events of topic 12; splitting them would make both halves
    easier than the data)."""
    return label.split("_")[0] if label.endswith(("_ecb", "_ecbplus")) else label


def split_by_event(articles, gold, fold: int):
    """Half the events (by a hash of the event family) and their articles."""
    from claimtrack.ids import content_hash

    keep = {e for e in set(gold.values()) if int(content_hash("fold", family(e)), 16) % 2 == fold}
    arts = [a for a in articles if gold[a.article_id] in keep]
    return arts, {a.article_id: gold[a.article_id] for a in arts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, help="keep the warehouses here and reuse them on the next run")
    ap.add_argument("--no-fit", action="store_true", help="skip the grid fit and the 2-fold split")
    args = ap.parse_args()

    from claimtrack.embed import Embedder
    from claimtrack.stories import StoryParams, assign_stories

    workdir = args.cache or Path(tempfile.mkdtemp(prefix="claimtrack-stories-"))
    workdir.mkdir(parents=True, exist_ok=True)
    embedder = Embedder(backend="torch", device="cpu")
    params = StoryParams()
    data, out_sets = {}, {}
    for name in ("basil", "ecbplus"):
        wh, gold_lines, pipe_s = dataset(name, workdir, reuse=args.cache is not None)
        articles, gold, load_s = load_articles(wh, gold_lines, embedder, workdir)
        data[name] = (articles, gold)
        t0 = time.perf_counter()
        mine = assign_stories(articles, params=params).story_of
        assign_s = time.perf_counter() - t0
        out_sets[name] = {
            "articles": len(articles), "events": len(set(gold.values())),
            "pipeline_seconds": round(pipe_s, 1) if pipe_s else "reused",
            "load_and_embed_seconds": round(load_s, 2), "assign_seconds": round(assign_s, 3),
            "stories": bcubed(mine, gold),
            "baseline_connected_components": bcubed(connected_components(articles), gold),
            "without_shared_clusters_w_claims_0": bcubed(
                assign_stories(articles, params=replace(params, w_claims=0.0)).story_of, gold),
            "without_dates": bcubed(assign_stories([replace(a, published_at=None) for a in articles],
                                                   params=params).story_of, gold),
            "single_story_each": bcubed({a: a for a in gold}, gold),
        }
        print(name, json.dumps(out_sets[name]))

    folds = None
    if not args.no_fit:
        fitted_all, f1_all = fit(list(data.values()), params)
        print("fit on all dev:", asdict(fitted_all), f1_all)
        folds = []
        for fold in (0, 1):
            train = [split_by_event(*data[n], fold) for n in data]
            test = {n: split_by_event(*data[n], 1 - fold) for n in data}
            p, train_f1 = fit(train, params)
            row = {"fit_on_fold": fold, "events": {n: len(set(g.values())) for n, (_, g) in test.items()}, "params": asdict(p), "train_mean_f1": train_f1,
                   "test": {n: bcubed(assign_stories(a, params=p).story_of, g) for n, (a, g) in test.items()},
                   "test_default_params": {n: bcubed(assign_stories(a, params=params).story_of, g)
                                           for n, (a, g) in test.items()}}
            folds.append(row)
            print("fold", json.dumps(row))
        folds = {"note": "events split in two halves by hash of the event (ECB+: of the topic, so "
                         "both similar events of a topic fall in one half); parameters fit on one "
                         "half (grid, best smoothed mean F1 over both datasets), scored on the other",
                 "grid": GRID, "fit_on_all_dev": {"params": asdict(fitted_all), "mean_f1": f1_all},
                 "folds": folds}

    out = {"machine": machine(), "command": "python benchmarks/stories.py" + (" --cache DIR" if args.cache else ""),
           "params": asdict(params), "datasets": out_sets, "two_fold": folds}
    print("written", write_result("stories", out))


if __name__ == "__main__":
    main()
