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
