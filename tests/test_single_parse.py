"""One spaCy pass per text: extraction parses each paragraph once, and nothing after it
(typed fields, the same-claim verifier, clustering, stories, recluster) parses again.
What later stages need is stored by extraction. Not timed: it counts parses."""

from __future__ import annotations

from collections import Counter

import duckdb
import pytest
from spacy.language import Language

from claimtrack import pipeline
from claimtrack.config import Settings, SourceConfig

from conftest import SEEDS


@pytest.fixture()
def parse_log(monkeypatch):
    """Every text handed to any spaCy pipeline, by stage."""
    log: dict[str, list[str]] = {"stage": ["setup"]}
    parsed: list[tuple[str, str]] = []
    orig_pipe, orig_call = Language.pipe, Language.__call__

    def pipe(self, texts, *args, **kwargs):
        def counted():
            for t in texts:
                item = t[0] if isinstance(t, tuple) else t
                parsed.append((log["stage"][0], str(item)))
                yield t
        return orig_pipe(self, counted(), *args, **kwargs)

    def call(self, text, *args, **kwargs):
        parsed.append((log["stage"][0], str(text)))
        return orig_call(self, text, *args, **kwargs)

    monkeypatch.setattr(Language, "pipe", pipe)
    monkeypatch.setattr(Language, "__call__", call)
    return log, parsed


def test_each_text_is_parsed_once_and_only_by_extraction(tmp_path, embedder, parse_log):
    log, parsed = parse_log
    s = Settings(warehouse=tmp_path / "w.duckdb", sources=[SourceConfig(kind="folder", location=str(SEEDS))])
    run_id = pipeline.start_run(s)
    log["stage"][0] = "ingest"
    pipeline.ingest(s, run_id)
    log["stage"][0] = "extract"
    pipeline.extract(s, run_id)
    log["stage"][0] = "embed"
    emb = pipeline.embed(s, run_id, embedder=embedder)
    log["stage"][0] = "cluster"
    pipeline.cluster(s, run_id, emb["model"])
    pipeline.compare(s)
    pipeline.finish_run(s, run_id, "completed", {})
    log["stage"][0] = "recluster"
    pipeline.recluster(s, pipeline.start_run(s), emb["model"])

    by_stage = Counter(stage for stage, _ in parsed)
    assert by_stage["extract"] > 0
    # nothing after extraction parses: fields, evidence and stories come from what it stored
    assert {k: v for k, v in by_stage.items() if k != "extract"} == {}
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        articles = [r[0] for r in con.execute("SELECT text FROM articles").fetchall()]
    finally:
        con.close()
    # each piece of article text is parsed once: the parsed pieces are no more than the
    # articles' text and no piece repeats more often than it occurs in the articles
    texts = [t for stage, t in parsed if stage == "extract"]
    assert sum(len(t) for t in texts) <= sum(len(a) for a in articles)
    repeats = [t for t, n in Counter(texts).items() if n > 1 and n > sum(a.count(t) for a in articles)]
    assert repeats == []


def test_embedding_alongside_extraction_parses_once_and_stores_what_the_stages_would(tmp_path, embedder, parse_log):
    """The flow's path: claims embedded on a background thread while the next batch is parsed.
    Still one parse per text; the same claims, markers, clusters and stories as extract, then
    embed (the vectors the same texts to float rounding); nothing left for the embed stage, and
    the story stage finds every lead vector already stored."""
    import numpy as np

    log, parsed = parse_log
    stores = {}
    for mode in ("serial", "alongside"):
        s = Settings(warehouse=tmp_path / f"{mode}.duckdb", sources=[SourceConfig(kind="folder", location=str(SEEDS))])
        run_id = pipeline.start_run(s)
        pipeline.ingest(s, run_id)
        log["stage"][0] = f"extract-{mode}"
        counts = pipeline.extract(s, run_id, embedder=embedder if mode == "alongside" else None)
        log["stage"][0] = f"after-{mode}"
        emb = pipeline.embed(s, run_id, embedder=embedder)
        if mode == "alongside":
            assert counts["embeddings_new"] > 0 and emb["embeddings_new"] == 0
        else:
            assert "embeddings_new" not in counts and emb["embeddings_new"] > 0
        con = duckdb.connect(str(s.warehouse))
        try:
            con.execute("CREATE TABLE before_stories AS SELECT * FROM embeddings")
        finally:
            con.close()
        pipeline.cluster(s, run_id, emb["model"])
        con = duckdb.connect(str(s.warehouse), read_only=True)
        try:
            stores[mode] = {
                "claims": sorted(con.execute("SELECT * EXCLUDE (run_id) FROM claims").fetchall(), key=repr),
                "markers": sorted(con.execute("SELECT * EXCLUDE (run_id) FROM article_extractions").fetchall(), key=repr),
                "members": sorted(con.execute("SELECT cluster_id, claim_id FROM cluster_members").fetchall()),
                "stories": sorted(con.execute("SELECT article_id, story_id, similarity FROM article_stories").fetchall()),
                "vectors": dict(con.execute("SELECT text_hash, embedding FROM embeddings").fetchall()),
                "added_by_stories": con.execute("SELECT count(*) FROM embeddings e WHERE NOT EXISTS "
                                                "(SELECT 1 FROM before_stories b WHERE b.text_hash = e.text_hash)").fetchone()[0],
                "run_ids": dict(con.execute("SELECT text_hash, run_id FROM embeddings").fetchall()),
            }
        finally:
            con.close()
    a, b = stores["serial"], stores["alongside"]
    for key in ("claims", "markers", "members", "stories"):
        assert a[key] == b[key], key
    assert a["vectors"].keys() == b["vectors"].keys()
    # lead vectors keep the story stage's run id; claim vectors the run's
    assert {h: r == "stories" for h, r in a["run_ids"].items()} == {h: r == "stories" for h, r in b["run_ids"].items()}
    for h, v in a["vectors"].items():
        assert np.allclose(v, b["vectors"][h], atol=1e-6)
    assert b["added_by_stories"] == 0 and a["added_by_stories"] > 0  # leads were embedded alongside
    by_stage = Counter(stage for stage, _ in parsed)
    assert by_stage["extract-serial"] == by_stage["extract-alongside"] > 0
    assert {k for k in by_stage if not k.startswith("extract-")} == set()
