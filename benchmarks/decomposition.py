"""Claim decomposition benchmark: RoSE ACUs (CNN/DM dev) and PropSegmEnt (Wikipedia dev).

    .venv/bin/python benchmarks/decomposition.py [--baseline] [--runs 3] [--quick]

RoSE: claims are extracted from each row's ``reference`` (a few summary sentences) with
``extract_many`` and scored against the gold atomic content units with the bench's own
``score_decomposition.py`` (one-to-one matching by MiniLM cosine >= 0.7, micro P/R/F1).

PropSegmEnt: claims are extracted from each row's ``sentence`` and scored with the same
scorer against the row's ``reference_propositions`` (the reference rater's propositions;
an empty list when that rater marked the sentence non-informational, so any claim there
is a false positive). Same matching, same micro P/R/F1.

Both granularities are scored: "clause" (the default, what the pipeline stores) and
"atomic" (each clause also split into its core and one claim per optional modifier), each
on ``Claim.text`` and, for RoSE, on ``Claim.statement`` (the claim with its attribution,
as the gold units are written). ``--baseline`` also scores "one claim per sentence" (the
sentence itself, as the segmenter splits it). Speed: ``extract_many`` over all RoSE and
PropSegmEnt sentences (the spaCy model already loaded), median of ``--runs`` runs, in
sentences per second, for both granularities.
Results go to benchmarks/out/decomposition.json (read by report.py)."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import BENCH, bench_file, machine, read_jsonl, write_result  # noqa: E402

ROSE = "decomposition/rose_acu_cnndm_dev.jsonl"
PROPSEG = "decomposition/propsegment_wiki_sentences_dev.jsonl"
SCORER = "score_decomposition.py"


def score(gold: Path, pred_rows: list[dict], tmp: Path, name: str) -> dict:
    pred = tmp / f"{name}.pred.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in pred_rows), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(BENCH / SCORER), str(gold), str(pred)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def sentence_baseline(texts: list[str]) -> list[list[str]]:
    from claimtrack.claims.nlp import get_nlp
    from claimtrack.claims.segment import iter_docs, sentence_spans

    out: list[list[str]] = [[] for _ in texts]
    for ti, _, doc in iter_docs(get_nlp(), texts):
        out[ti].extend(doc[s:e].text.strip() for s, e in sentence_spans(doc))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", action="store_true", help="also score one claim per sentence")
    ap.add_argument("--runs", type=int, default=3, help="timing runs (median reported)")
    ap.add_argument("--dump", type=Path, help="write RoSE predictions and gold here for error analysis")
    ap.add_argument("--quick", action="store_true",
                    help="only the two RoSE figures the issue targets (clause/text, atomic/statement); no "
                         "PropSegmEnt, no speed (scoring is slow on a loaded machine)")
    args = ap.parse_args()
    rose_path = bench_file(ROSE)
    prop_path = bench_file(PROPSEG)
    bench_file(SCORER)
    from claimtrack.claims import EXTRACTOR_VERSION, extract_many
    from claimtrack.claims.nlp import get_nlp
    from claimtrack.claims.segment import iter_docs, sentence_spans

    rose = read_jsonl(rose_path)
    prop = read_jsonl(prop_path)
    rose_texts = [r["reference"] for r in rose]
    prop_texts = [r["sentence"] for r in prop]
    get_nlp()
    result: dict = {"command": "python benchmarks/decomposition.py" + (" --baseline" if args.baseline else ""),
                    "machine": machine(), "extractor_version": EXTRACTOR_VERSION}
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        # PropSegmEnt gold in the scorer's shape (ids are row numbers; None -> no propositions).
        prop_gold = tmp / "propsegment.gold.jsonl"
        prop_gold.write_text("".join(
            json.dumps({"id": i, "scus": r.get("reference_propositions") or []}) + "\n" for i, r in enumerate(prop)
        ), encoding="utf-8")

        # clause: what the pipeline stores; atomic: clauses further split into core + one
        # claim per optional modifier. "text" scores Claim.text (content only), "statement"
        # scores Claim.statement (content with its attribution: "prosecutors say X").
        for gran in ("clause", "atomic"):
            rose_ex = extract_many(rose_texts, granularity=gran)
            prop_ex = extract_many(prop_texts, granularity=gran)
            for field in ("text", "statement"):
                if args.quick and (gran, field) not in (("clause", "text"), ("atomic", "statement")):
                    continue
                rose_pred = [{"id": r["cnndm_test_index"], "claims": [getattr(c, field) for c in ex.claims]}
                             for r, ex in zip(rose, rose_ex)]
                prop_pred = [{"id": i, "claims": [getattr(c, field) for c in ex.claims]} for i, ex in enumerate(prop_ex)]
                result[f"rose_{gran}_{field}"] = score(rose_path, rose_pred, tmp, f"rose_{gran}_{field}")
                if field == "text" and not args.quick:  # PropSegmEnt sentences carry no attribution to speak of
                    result[f"propsegment_{gran}_{field}"] = score(prop_gold, prop_pred, tmp, f"prop_{gran}_{field}")
        if args.dump:
            args.dump.write_text("".join(
                json.dumps({"id": r["cnndm_test_index"], "reference": r["reference"], "acus": r["acus"],
                            "claims": p["claims"]}) + "\n" for r, p in zip(rose, rose_pred)), encoding="utf-8")
        if args.baseline:
            rb = sentence_baseline(rose_texts)
            pb = sentence_baseline(prop_texts)
            result["rose_sentence_baseline"] = score(
                rose_path, [{"id": r["cnndm_test_index"], "claims": c} for r, c in zip(rose, rb)], tmp, "rose_base")
            result["propsegment_sentence_baseline"] = score(
                prop_gold, [{"id": i, "claims": c} for i, c in enumerate(pb)], tmp, "prop_base")

    if args.quick:
        result["command"] += " --quick"
        path = write_result("decomposition_quick", result)
        print(json.dumps(result, indent=2))
        print(f"wrote {path}")
        return
    # Speed: all sentences of both files, model loaded, median of N runs.
    texts = rose_texts + prop_texts
    n_sent = sum(1 for _, _, doc in iter_docs(get_nlp(), texts) for _ in sentence_spans(doc))
    result["spacy_pipes"] = list(get_nlp().pipe_names)
    for gran in ("clause", "atomic"):
        times = []
        n_claims = 0
        for _ in range(args.runs):
            t0 = time.perf_counter()
            res = extract_many(texts, granularity=gran)
            times.append(time.perf_counter() - t0)
            n_claims = sum(len(r.claims) for r in res)
        med = statistics.median(times)
        result[f"speed_{gran}"] = {"sentences": n_sent, "texts": len(texts), "claims": n_claims, "runs": args.runs,
                                   "seconds": [round(t, 3) for t in times], "median_seconds": round(med, 3),
                                   "sentences_per_second": round(n_sent / med, 1)}
    path = write_result("decomposition", result)
    print(json.dumps(result, indent=2))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
