"""Write docs/BENCHMARKS.md from benchmarks/out/*.json (the figures measured on this machine)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import OUT, ROOT  # noqa: E402


def load(name: str) -> dict | None:
    path = OUT / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def embed_backends_section(eb: dict | None) -> list[str]:
    """Embedding backends side by side (benchmarks/embed_backends.py)."""
    if not eb:
        return []
    b = eb["backends"]
    names = {"bare": "bare `SentenceTransformer.encode` fp32"}
    lines = [
        "## Embedding backends side by side", "",
        f"Command: `.venv/bin/python {eb['command'].split(' ', 1)[1]}` — machine: {eb['machine']}. "
        f"Same process, same texts: the {eb['distinct_texts']} distinct claim texts the pipeline extracts "
        f"from BASIL dev ({eb['claims']} claims); timings are the median of {eb['runs']} interleaved runs "
        "(the machine is shared, so read the ratios). Peak RSS is that of a fresh process loading the backend and encoding "
        f"{eb.get('sweep_texts')} of the texts. MRPC F1 at the configured threshold "
        f"{eb['threshold']}; \"BASIL claims moved\" = claims whose cluster differs from clustering the fp32 "
        "vectors (`ClaimClusterer.cluster`, the pipeline's rule on cosine, pipeline order). Default backend: "
        f"**`{eb['default_backend']}`**.", "",
        "| backend | claims/s | vs bare encode | peak RSS MB | cosine to fp32 mean / min | MRPC-train F1 @ threshold | MRPC decisions changed | max pair-cosine shift | BASIL claims moved | BASIL clusters |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for k, r in b.items():
        lines.append(
            f"| {names.get(k, '`' + k + '`')} | {r['claims_per_second']} | {r['speedup_vs_bare']}x | {r.get('peak_rss_mb')} | "
            f"{r['cosine_to_fp32_mean']} / {r['cosine_to_fp32_min']} | {r['mrpc_f1']} | {r['mrpc_decisions_changed']} | "
            f"{r['mrpc_max_abs_cosine_shift']} | {r['basil_claims_moved']} | {r['basil_clusters']} |")
    lines += ["", "Seconds per run: " + "; ".join(f"{k} {r['seconds_runs']}" for k, r in b.items()) + ".", ""]
    lines += [f"Intra-op threads and thread spinning (ONNX Runtime; {eb.get('sweep_texts')} of the texts, "
              "median of interleaved runs; the default is threads = the cores this process may use):", "",
              "| backend | intra-op threads | spinning | claims/s |", "|---|---|---|---|"]
    lines += [f"| `{t['backend']}` | {t['threads']} | {'on' if t.get('spinning', True) else 'off'} | {t['claims_per_second']} |"
              for t in eb["threads"]]
    lines += ["", f"Token budget per batch (`{eb['default_backend']}`, same texts):", "",
              "| token budget | max texts per batch | claims/s |", "|---|---|---|"]
    lines += [f"| {t['token_budget']} | {t['batch_size']} | {t['claims_per_second']} |" for t in eb["token_budgets"]]
    lines += ["", f"Tokenising all texts takes {eb['tokenizer_seconds']} s, {eb['tokenizer_share_of_default'] * 100:.1f} % "
              "of the default backend's encode time.", ""]
    if eb.get("exports"):
        lines += ["One-off export on first use: " + "; ".join(
            f"`{k}` {v['seconds']} s, {v['MB']} MB" for k, v in eb["exports"].items()) + ".", ""]
    if eb.get("e2e"):
        lines += ["Whole pipeline end to end (`claimtrack run` through the CLI into a fresh warehouse, Prefect "
                  "embedded, cold start, ingest to clusters), interleaved runs:", "",
                  "| backend | wall s (runs) | median wall s | claims/s end to end |", "|---|---|---|---|"]
        lines += [f"| `{k}` | {v['wall_seconds_runs']} | {v['wall_seconds_median']} | {v['claims_per_second']} |"
                  for k, v in eb["e2e"].items()]
        lines += ["", f"End to end with the default backend / bare encode of the same claims: "
                  f"{eb['e2e_ratio_default_to_bare_encode']}x.", ""]
    if eb.get("stages_default_backend"):
        lines += [f"Where the time goes (the pipeline's stages in process, no Prefect, `{eb['default_backend']}`, one run): "
                  + ", ".join(f"{k} {v} s" for k, v in eb["stages_default_backend"].items()) + ".", ""]
    return lines


def decomposition_section(d: dict | None) -> list[str]:
    """Claim decomposition: RoSE ACUs and PropSegmEnt, per granularity; extraction speed."""
    if not d:
        return []

    def row(name, r):
        return f"| {name} | {r['pred_claims']} | {r['gold_units']} | {r['matches']} | {r['precision']} | {r['recall']} | **{r['f1']}** |"

    lines = [
        "## Claim decomposition (RoSE ACUs, PropSegmEnt)", "",
        f"Command: `.venv/bin/python {d['command'].removeprefix('python ')}` — extractor `{d['extractor_version']}`, "
        f"machine: {d['machine']}. Claims are extracted from each RoSE row's `reference` and each PropSegmEnt "
        "`sentence` and scored with `../shared/bench/score_decomposition.py` (one-to-one matching by MiniLM cosine "
        ">= 0.7, micro P/R/F1). PropSegmEnt uses the same scorer against the row's `reference_propositions` "
        "(empty when the reference rater marked the sentence non-informational). `clause` is the default "
        "granularity (what the pipeline stores); `atomic` also splits each clause into its core and one claim per "
        "optional modifier. `text` scores `Claim.text`, `statement` scores `Claim.statement` (the claim with its "
        "attribution, e.g. \"prosecutors say Moschetto was arrested\", as the gold units are written).", "",
        "| run | claims | gold units | matches | precision | recall | F1 |", "|---|---|---|---|---|---|---|",
    ]
    for key, name in [("rose_sentence_baseline", "RoSE: one claim per sentence"),
                      ("rose_clause_text", "RoSE: clause, text"), ("rose_clause_statement", "RoSE: clause, statement"),
                      ("rose_atomic_text", "RoSE: atomic, text"), ("rose_atomic_statement", "RoSE: atomic, statement"),
                      ("propsegment_sentence_baseline", "PropSegmEnt: one claim per sentence"),
                      ("propsegment_clause_text", "PropSegmEnt: clause, text"),
                      ("propsegment_atomic_text", "PropSegmEnt: atomic, text")]:
        if key in d:
            lines.append(row(name, d[key]))
    lines += ["", f"Extraction speed (spaCy pipes: {', '.join(d.get('spacy_pipes', []))}; `extract_many` over "
              "all RoSE and PropSegmEnt texts, model loaded, median of the runs; 2 shared cores, so noisy):", "",
              "| granularity | sentences | claims | runs (s) | median s | **sentences/s** |", "|---|---|---|---|---|---|"]
    for gran in ("clause", "atomic"):
        sp = d.get(f"speed_{gran}")
        if sp:
            lines.append(f"| {gran} | {sp['sentences']} | {sp['claims']} | {', '.join(map(str, sp['seconds']))} | "
                         f"{sp['median_seconds']} | **{sp['sentences_per_second']}** |")
    lines.append("")
    return lines


def cluster_scale_section(d: dict | None) -> list[str]:
    if not d:
        return []
    lines = [
        "## Clustering at scale vs `community_detection`", "",
        f"Command: `{d['command']}` (each size and method in its own process) — machine: {d['machine']}; "
        f"threshold {d['threshold']}. Data: embeddings of real news sentences (MRPC + STS-B news) made into "
        "near-duplicate groups of known membership (see the script's docstring); pairwise precision/recall "
        "against those groups. `data_rss_mb` is the process after generating the vectors, `peak_rss_mb` "
        "after clustering (both VmHWM).", "",
        "| claims | method | seconds | index | pairwise P | R | F1 | clusters | data RSS MB | peak RSS MB | 1k new claims, incremental (s) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in d["results"]:
        if "skipped" in r or "error" in r:
            lines.append(f"| {r['n']:,} | {r['method']} | {r.get('skipped') or 'error'} | | | | | | | | |")
            continue
        lines.append(
            f"| {r['n']:,} | {r['method']} | {r['seconds']} | {r.get('index', '')} | {r['precision']} | {r['recall']} | "
            f"{r['f1']} | {r['clusters']:,} | {r.get('data_rss_mb', '')} | {r['peak_rss_mb']} | {r.get('incremental_1k_seconds', '')} |"
        )
    if d.get("crossover"):
        lines += ["", "Candidate search crossover (1,024 queries against R representatives; `hnsw_finds_true_rep` = share of "
                  "queries whose own representative is among the 10 candidates):", "",
                  "| representatives | exact s / 1,024 queries | HNSW s / 1,024 queries | HNSW build s | HNSW finds true rep |",
                  "|---|---|---|---|---|"]
        lines += [f"| {c['reps']:,} | {c['exact_search_s_per_1024']} | {c['hnsw_search_s_per_1024']} | {c['hnsw_build_s']} | "
                  f"{c['hnsw_finds_true_rep']} |" for c in d["crossover"]]
    lines.append("")
    return lines


def dask_section(d: dict | None) -> list[str]:
    if not d:
        return []
    lines = ["## Distributed execution (Dask)", "",
             f"Command: `{d['command']}` — machine: {d['machine']}; BASIL dev, {d['claims']} claims, the real flow "
             "on a fresh warehouse each time (LocalCluster start-up and per-worker model loading included).", "",
             "| configuration | seconds | claims/s |", "|---|---|---|"]
    lines += [f"| {k} | {d['seconds'][k]} | {d['claims_per_second'][k]} |" for k in d["seconds"]]
    o = d["task_overhead"]
    lines += ["", f"**2 workers vs 1 worker: {d['speedup_2_vs_1_workers']}×** (same results in every configuration: {d['same_result']}).",
              f"Per-task overhead ({o['tasks']} no-op `compute_batch` tasks): {o['dask_2proc_ms_per_task']} ms on Dask "
              f"(2 processes), {o['threads_ms_per_task']} ms on Prefect's default thread runner.", ""]
    return lines


def same_claim_section() -> list[str]:
    """The issue "Same claim, same story": verifier, stored clusters, contradictions, stories, cost."""
    sc, tr, basil, st, cost = (load("same_claim"), load("verifier_training"), load("basil_pipeline"),
                               load("stories"), load("pipeline_cost"))
    if not (sc or tr or basil or st or cost):
        return []
    lines = ["## Same claim, same story", "",
             "Targets (issue \"Same claim, same story\"): claim pairs same-claim precision ≥ 0.90 at recall ≥ 0.80; "
             "flagged contradictions precision ≥ 0.80; MRPC F1 ≥ 0.86 and accuracy ≥ 0.80; stories B-cubed F1 ≥ 0.90 on "
             "BASIL and ECB+; end-to-end claims/s ≥ 0.8× the commit before.", ""]
    if tr:
        cv = tr["cv"]
        lines += ["### The verifier, cross-validated (honest figures)", "",
                  f"Command: `.venv/bin/python {tr['command'].split(' ', 1)[1]}` — machine: {tr['machine']}. "
                  "Logistic regression over the features below, trained on MRPC train and the 420 labelled BASIL-dev "
                  "claim pairs (claim pairs weighted 10×). Every figure is out-of-fold: 2-fold cross-validation, MRPC "
                  "split by row, the claim pairs split **by event**; the threshold is the first whose CV claim-pair "
                  "precision reaches 0.90. The final model, fitted on all of it, is `claimtrack/data/verifier.json` "
                  "(with the command and the data's sha256).", "",
                  "| set | threshold | precision | recall | F1 | accuracy |", "|---|---|---|---|---|---|",
                  f"| claim pairs, `same` (CV) | {cv['threshold']} | **{cv['claimpairs']['precision']}** | **{cv['claimpairs']['recall']}** | {cv['claimpairs']['f1']} | {cv['claimpairs']['accuracy']} |",
                  f"| MRPC train (CV) | {cv['threshold']} | {cv['mrpc_train']['precision']} | {cv['mrpc_train']['recall']} | **{cv['mrpc_train']['f1']}** | **{cv['mrpc_train']['accuracy']}** |",
                  "", "CV curve (claim pairs precision / recall, MRPC F1 / accuracy):", "",
                  "| threshold | pairs P | pairs R | MRPC F1 | MRPC acc |", "|---|---|---|---|---|"]
        lines += [f"| {c['threshold']} | {c['claimpairs']['precision']} | {c['claimpairs']['recall']} | {c['mrpc_train']['f1']} | {c['mrpc_train']['accuracy']} |"
                  for c in cv["curve"]]
        lines += ["", "Weights (standardised features): " + ", ".join(f"`{k}` {v}" for k, v in tr["weights"].items()) + ".", ""]
        if tr.get("ablations"):
            lines += ["What the evidence adds (same CV, same threshold rule: first threshold with CV claim-pair precision ≥ 0.90). "
                      "The name-free overlap is how the verifier judges the claim rather than the name: the embedder still sees "
                      "the resolved text (retrieval needs the names), the verifier discounts words that are names.", "",
                      "| model | threshold | pairs P | pairs R | MRPC F1 | MRPC acc |", "|---|---|---|---|---|---|",
                      f"| all features (shipped) | {cv['threshold']} | {cv['claimpairs']['precision']} | {cv['claimpairs']['recall']} | {cv['mrpc_train']['f1']} | {cv['mrpc_train']['accuracy']} |"]
            lines += [f"| {k} | {a['threshold']} | {a['claimpairs']['precision']} | {a['claimpairs']['recall']} | {a['mrpc_train']['f1']} | {a['mrpc_train']['accuracy']} |"
                      for k, a in tr["ablations"].items()]
            lines.append("")
    if sc:
        cp, m = sc["claimpairs"], sc["mrpc_train"]
        lines += ["### Decisions through `ClaimClusterer` (in-sample for the verifier)", "",
                  f"Command: `.venv/bin/python {sc['command'].split(' ', 1)[1]}` — machine: {sc['machine']}. "
                  "The verifier saw these pairs in training, so its rows here are in-sample; the baselines are not trained.", "",
                  "| decision | claim pairs P | claim pairs R | MRPC train F1 | MRPC train acc |", "|---|---|---|---|---|",
                  f"| `same_claim` (verifier, threshold {sc['verifier']['threshold']}) | {cp['same_claim_in_sample']['precision']} | {cp['same_claim_in_sample']['recall']} | {m['same_claims_in_sample']['f1']} | {m['same_claims_in_sample']['accuracy']} |",
                  f"| old rule: cosine ≥ 0.70 and no field conflict | {cp['old_rule_cos_0.70_and_fields']['precision']} | {cp['old_rule_cos_0.70_and_fields']['recall']} | | |",
                  f"| cosine ≥ 0.80 | {cp['cosine_0.80']['precision']} | {cp['cosine_0.80']['recall']} | | |",
                  f"| cosine ≥ 0.605 (MRPC-best F1) | | | {m['cosine_0.605']['f1']} | {m['cosine_0.605']['accuracy']} |",
                  f"| cosine ≥ 0.70 | | | {m['cosine_0.70']['f1']} | {m['cosine_0.70']['accuracy']} |",
                  "",
                  f"Contradictions on the claim pairs ({cp['conflict']} labelled `conflict`): `contradicts` flags "
                  f"{cp['contradicts']['flagged']} pairs, {cp['contradicts']['true_conflicts']} of them labelled conflict; the old rule flagged "
                  f"{cp['old_rule_conflicts']['flagged']}, {cp['old_rule_conflicts']['true_conflicts']} of them conflicts. "
                  f"STS-B news Spearman: verifier probability {sc['stsb_news_spearman']['verifier_probability']}, cosine {sc['stsb_news_spearman']['cosine']}.", ""]
    if basil and basil.get("claim_pairs"):
        cpb = basil["claim_pairs"]
        lines += ["### Stored clusters on the claim pairs (BASIL dev run)", "",
                  f"Command: `.venv/bin/python {basil['command'].split(' ', 1)[1]}`. The pipeline runs on BASIL dev; each labelled "
                  "pair is looked up among the stored claims of its event's two outlets.", "",
                  "| | predicted | precision | recall |", "|---|---|---|---|",
                  f"| same cluster vs `same` | {cpb['stored_clusters_same']['predicted']} | **{cpb['stored_clusters_same']['precision']}** | **{cpb['stored_clusters_same']['recall']}** |"]
        if cpb.get("stored_clusters_same_clusterable"):
            c2 = cpb["stored_clusters_same_clusterable"]
            lines.append(f"| same cluster vs `same`, pairs whose claims are both clustered kinds | {c2['predicted']} | {c2['precision']} | {c2['recall']} |")
        lines += [f"| stored contradiction vs `conflict` | {cpb['stored_contradictions']['predicted']} | {cpb['stored_contradictions']['precision']} | {cpb['stored_contradictions']['recall']} |", ""]
    if st:
        lines += stories_lines(st)
    if cost:
        lines += ["### Cost end to end", "",
                  f"Command: `.venv/bin/python {cost['command'].split(' ', 1)[1]}` — machine: {cost['machine']}. "
                  "`claimtrack run` on BASIL dev into a fresh warehouse with this checkout and with the baseline commit "
                  "(a git worktree), interleaved, same virtualenv.", "",
                  "| code | runs (claims/s) | median claims/s |", "|---|---|---|"]
        lines += [f"| {k} | {', '.join(str(r['claims_per_second']) for r in v)} | {cost['median_claims_per_second'][k]} |"
                  for k, v in cost["runs"].items()]
        lines += ["", f"Ratio: **{cost['ratio']}×** the baseline's claims/s."
                  + (f" Same input, wall time: this checkout is **{cost['speed_ratio_same_input']}×** as fast "
                     f"(median {cost['median_wall_seconds']['this checkout']} s vs "
                     f"{cost['median_wall_seconds'][next(k for k in cost['median_wall_seconds'] if k != 'this checkout')]} s); "
                     "claims per run: " + ", ".join(f"{k} {v[0]['claims']}" for k, v in cost["runs"].items()) + "."
                     if "speed_ratio_same_input" in cost else ""), ""]
    return lines


def stories_lines(st: dict) -> list[str]:
    names = {"basil": "BASIL dev (events)", "ecbplus": "ECB+ dev (event groups)"}
    p = st["params"]
    lines = ["### Stories (B-cubed against BASIL events and ECB+ event groups)", "",
             f"Command: `.venv/bin/python {st['command'].split(' ', 1)[1]}` — machine: {st['machine']}. The pipeline runs on "
             "each set (ECB+ documents have no publication date, so the time window never applies there); stories are "
             "scored by B-cubed precision / recall / F1 against the gold events. Parameters: "
             + ", ".join(f"`{k}` {v}" for k, v in p.items()) + ".", "",
             "| set | stories (this) | F1 without shared clusters | F1 without dates | connected components (before) |",
             "|---|---|---|---|---|"]
    for k, d in st["datasets"].items():
        s_, b_ = d["stories"], d["baseline_connected_components"]
        lines.append(f"| {names.get(k, k)}, {d['articles']} articles, {d['events']} events | P {s_['precision']} / R {s_['recall']} / "
                     f"**F1 {s_['f1']}** | {d['without_shared_clusters_w_claims_0']['f1']} | {d['without_dates']['f1']} | "
                     f"P {b_['precision']} / R {b_['recall']} / F1 {b_['f1']} |")
    lines += ["", "Held out within dev (" + st["two_fold"]["note"] + "):", "",
              "| fit on | parameters picked | BASIL F1 on the other half | ECB+ F1 on the other half |", "|---|---|---|---|"]
    for f in st["two_fold"]["folds"]:
        pp = f["params"]
        lines.append(f"| half {f['fit_on_fold']} | names {pp['w_names']}, claims {pp['w_claims']}, threshold {pp['threshold']} | "
                     f"{f['test']['basil']['f1']} | **{f['test']['ecbplus']['f1']}** |")
    lines.append("")
    return lines


def _old_sections() -> dict[str, str]:
    """The sections of the current docs/BENCHMARKS.md by heading, so that a section whose
    results are not in benchmarks/out (not re-run here) keeps its last published text."""
    path = ROOT / "docs" / "BENCHMARKS.md"
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8")
    notes = ROOT / "docs" / "BENCHMARKS.notes.md"
    if notes.exists():
        text = text.split(notes.read_text(encoding="utf-8").strip().splitlines()[0])[0]
    out, title, buf = {}, None, []
    for line in text.splitlines():
        if line.startswith("## "):
            if title:
                out[title] = "\n".join(buf).rstrip() + "\n"
            title, buf = line[3:].strip(), [line]
        elif title:
            buf.append(line)
    if title:
        out[title] = "\n".join(buf).rstrip() + "\n"
    return out


def main() -> None:
    lines = ["# Benchmarks", "",
             "Figures measured by `make benchmark` (which runs `benchmarks/run_all.py`) on the machine named "
             "in each section, with the third-party data in `../shared/bench` (see its README for the "
             "definitions). Timings on a 2-core machine are noisy; compare ratios taken in the same run.", ""]
    old = _old_sections()

    def add(title: str, generated: list[str]) -> None:
        if generated:
            lines.extend(generated)
        elif title in old:
            lines.extend(old[title].splitlines() + [""])

    add("Same claim, same story", same_claim_section())
    section: list[str] = []
    cal = load("calibration")
    if cal:
        section += [
            "## Same-claim threshold on MRPC train", "",
            f"Command: `.venv/bin/python benchmarks/calibrate_threshold.py` — {cal['pairs']} pairs, machine: {cal['machine']}.",
            "Every pair is scored with `ClaimClusterer.similarity` (the pipeline's own embedder); a pair is "
            "\"same claim\" when the cosine is at least the threshold.", "",
            "| threshold | F1 | accuracy | note |", "|---|---|---|---|",
            f"| {cal['best_f1']['threshold']} | {cal['best_f1']['f1']} | {cal['best_f1']['accuracy']} | best F1 on MRPC train |",
            f"| {cal['best_accuracy']['threshold']} | {cal['best_accuracy']['f1']} | {cal['best_accuracy']['accuracy']} | best accuracy on MRPC train |",
            f"| {cal['configured']['threshold']} | {cal['configured']['f1']} | {cal['configured']['accuracy']} | the retrieval floor (`clustering.threshold`), cosine only (precision {cal['configured']['precision']}, recall {cal['configured']['recall']}) |",
        ] + ([
            f"| verifier | **{cal['rule']['f1']}** | **{cal['rule']['accuracy']}** | **the pipeline's decision**: the same-claim verifier, via `ClaimClusterer.same_claims` (in-sample; precision {cal['rule']['precision']}, recall {cal['rule']['recall']}) |",
        ] if "rule" in cal else []) + [
            "",
            f"STS-B news (train+dev): Spearman of the similarity against the gold scores = {cal['stsb_news_spearman']}.", "",
            "The curve (every 0.05):", "",
            "| threshold | F1 | accuracy | precision | recall |", "|---|---|---|---|---|",
        ]
        section += [f"| {c['threshold']:.2f} | {c['f1']} | {c['accuracy']} | {c['precision']} | {c['recall']} |" for c in cal["curve"]]
        section.append("")
    add("Same-claim threshold on MRPC train", section)
    section = []
    basil = load("basil_pipeline")
    if basil:
        section += [
            "## BASIL dev end to end", "",
            f"Command: `{basil['command']}` — machine: {basil['machine']}.",
            "The `claim-pipeline` flow runs through the CLI (`claimtrack run --source jsonl:../shared/bench/multisource/basil_dev.jsonl`, "
            "Prefect embedded, cold start included) into a fresh warehouse; then bare `SentenceTransformer.encode` "
            "(fp32, batch 64) encodes the same claim texts in the same run.", "",
            "| figure | value |", "|---|---|",
            f"| articles / events | {basil['articles']} / {basil['events']} |",
            f"| claims extracted | {basil['claims']} |",
            f"| retrieval floor (`clustering.threshold`) | {basil['threshold']} |",
            f"| pipeline wall time (whole flow, incl. Prefect start-up and model loading) | {basil['pipeline_wall_seconds']} s |",
            f"| **pipeline claims/s end to end** | **{basil['pipeline_claims_per_second']}** |",
            f"| bare `SentenceTransformer.encode` claims/s (same texts) | {basil['bare_encode_claims_per_second']} |",
            f"| clusters / cross-outlet clusters | {basil['clusters']} / {basil['cross_outlet_clusters']} |",
            f"| **purity** (cross-outlet clusters within one event) | **{basil['purity']}** |",
            f"| **coverage** (events with a pure cross-outlet cluster) | **{basil['coverage']}** |",
            "",
            "The same stored vectors re-clustered by the verifier and by the old rule (same `assign()` code):", "",
            "| rule | clusters | cross-outlet clusters | variants | purity | coverage |", "|---|---|---|---|---|---|",
        ]
        section += [f"| {s.get('rule', 'cosine only')} | {s['clusters']} | {s['cross_outlet_clusters']} | {s.get('variants', '')} | {s['purity']} | {s['coverage']} |" for s in basil["threshold_sweep"]]
        section.append("")
    add("BASIL dev end to end", section)
    add("Embedding backends side by side", embed_backends_section(load("embed_backends")))
    add("Claim decomposition (RoSE ACUs, PropSegmEnt)", decomposition_section(load("decomposition")))
    add("Clustering at scale vs `community_detection`", cluster_scale_section(load("cluster_scale")))
    add("Distributed execution (Dask)", dask_section(load("dask_scaling")))
    extra = ROOT / "docs" / "BENCHMARKS.notes.md"
    if extra.exists():
        lines += [extra.read_text(encoding="utf-8")]
    (ROOT / "docs" / "BENCHMARKS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote docs/BENCHMARKS.md")


if __name__ == "__main__":
    main()
