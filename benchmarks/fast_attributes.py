"""The lookup attribute ruler against spaCy's own: identical annotations, and the time saved.

    .venv/bin/python benchmarks/fast_attributes.py [--rounds 3]

Parses every paragraph of BASIL dev (../shared/bench/multisource/basil_dev.jsonl) and every
RoSE dev summary with two copies of the English pipeline, one with spaCy's
``attribute_ruler``, one with ``claimtrack.claims.fast_attributes`` in its place; checks
every token's POS, tag, morphology, lemma, dependency, head and entity type are the same;
then times the whole pipeline (``nlp.pipe``) and each ruler alone on the parsed docs, and
``extract_many`` (the claim extractor, rules included) over the RoSE and PropSegmEnt dev
sentences that ``benchmarks/decomposition.py`` times, in sentences per second, alternating
the two copies each round; reports medians and ratios.
Results go to benchmarks/out/fast_attributes.json."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import bench_file, machine, read_jsonl, write_result  # noqa: E402


def annotations(doc):
    return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    import spacy

    from claimtrack.claims import fast_attributes
    from claimtrack.claims.nlp import SPACY_PACKAGE

    texts = [r["text"] for r in read_jsonl(bench_file("multisource/basil_dev.jsonl"))]
    texts += [r["reference"] for r in read_jsonl(bench_file("decomposition/rose_acu_cnndm_dev.jsonl"))]
    paras = [p for t in texts for p in t.split("\n") if p.strip()]
    ref = spacy.load(SPACY_PACKAGE)
    new = spacy.load(SPACY_PACKAGE)
    assert fast_attributes.install(new)
    ref_docs, new_docs = list(ref.pipe(paras)), list(new.pipe(paras))
    tokens = sum(len(d) for d in ref_docs)
    different = sum(a != b for x, y in zip(ref_docs, new_docs) for a, b in zip(annotations(x), annotations(y)))
    from claimtrack.claims import extract as extract_module
    from claimtrack.claims.segment import iter_docs, sentence_spans

    speed_texts = [r["reference"] for r in read_jsonl(bench_file("decomposition/rose_acu_cnndm_dev.jsonl"))]
    speed_texts += [r["sentence"] for r in read_jsonl(bench_file("decomposition/propsegment_wiki_sentences_dev.jsonl"))]
    n_sent = sum(1 for _, _, doc in iter_docs(new, speed_texts) for _ in sentence_spans(doc))
    pipe = {"spacy": [], "lookup": []}
    ruler = {"spacy": [], "lookup": []}
    extract = {"spacy": [], "lookup": []}
    for _ in range(args.rounds):
        for name, nlp in (("spacy", ref), ("lookup", new)):
            extract_module.get_nlp = lambda nlp=nlp: nlp
            t = time.perf_counter()
            extract_module.extract_many(speed_texts)
            extract[name].append(time.perf_counter() - t)
            t = time.perf_counter()
            docs = list(nlp.pipe(paras))
            pipe[name].append(time.perf_counter() - t)
            component = nlp.get_pipe("attribute_ruler")
            t = time.perf_counter()
            for d in docs:
                component(d)
            ruler[name].append(time.perf_counter() - t)
    med = {k: {"pipeline_s": round(statistics.median(pipe[k]), 2), "ruler_alone_s": round(statistics.median(ruler[k]), 3),
               "extract_sentences_per_s": round(n_sent / statistics.median(extract[k]), 1)}
           for k in pipe}
    out = {"command": "python benchmarks/fast_attributes.py", "machine": machine(), "paragraphs": len(paras),
           "tokens": tokens, "tokens_annotated_differently": different, "rounds": args.rounds,
           "extract_sentences": n_sent, "medians": med, "pipeline_seconds": pipe, "ruler_seconds": ruler,
           "extract_seconds": extract,
           "pipeline_time_ratio_lookup_vs_spacy": round(med["lookup"]["pipeline_s"] / med["spacy"]["pipeline_s"], 3),
           "ruler_time_ratio_lookup_vs_spacy": round(med["lookup"]["ruler_alone_s"] / med["spacy"]["ruler_alone_s"], 3)}
    path = write_result("fast_attributes", out)
    print({k: v for k, v in out.items() if not k.endswith("_seconds")})
    print("wrote", path)


if __name__ == "__main__":
    main()
