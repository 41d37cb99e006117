"""The story stage against the warehouse: give every new article its story.

Reads every article (title, lead, published_at, its claims' entities and clusters), the
stories already given, and writes the new articles' stories in one transaction. Lead
vectors go through the embedding cache (table ``embeddings``, keyed by text hash), so an
article's lead is embedded once."""

from __future__ import annotations

import logging

import numpy as np
import polars as pl

from claimtrack.config import Settings
from claimtrack.ids import text_hash
from claimtrack.stories import StoryParams, assign_stories, stories_from_warehouse
from claimtrack.warehouse import frame, open_for_write, transaction

log = logging.getLogger("claimtrack")


def _lead_vectors(con, embedder, leads: list[str]) -> np.ndarray:
    from claimtrack.embed import DIMENSION

    model = embedder.model_id
    hashes = [text_hash(t) for t in leads]
    cached = frame(con, "SELECT text_hash, embedding FROM embeddings WHERE model = $model "
                        "AND text_hash IN (SELECT unnest($h::VARCHAR[]))", {"model": model, "h": sorted(set(hashes))})
    known = dict(zip(cached["text_hash"].to_list(), cached["embedding"].to_numpy())) if cached.height else {}
    todo = sorted({h: t for h, t in zip(hashes, leads) if h not in known}.items())
    if todo:
        vecs = embedder.encode([t for _, t in todo])
        df = pl.DataFrame({"model": [model] * len(todo), "text_hash": [h for h, _ in todo],
                           "embedding": pl.Series(vecs, dtype=pl.Array(pl.Float32, DIMENSION)),
                           "run_id": ["stories"] * len(todo)})
        con.register("new_lead_vectors", df.to_arrow())
        try:
            con.execute("INSERT INTO embeddings SELECT * FROM new_lead_vectors ON CONFLICT DO NOTHING")
        finally:
            con.unregister("new_lead_vectors")
        known.update({h: v for (h, _), v in zip(todo, vecs)})
    return np.asarray([known[h] for h in hashes], dtype=np.float32).reshape(len(hashes), DIMENSION)


def group_stories(settings: Settings, run_id: str, embedder=None) -> dict:
    """Give every article without a story its story; stories already given never change."""
    from claimtrack.embed import Embedder

    embedder = embedder or Embedder.from_settings(settings)
    cfg = settings.stories
    params = StoryParams(cfg.w_vector, cfg.w_names, cfg.w_claims, cfg.threshold, cfg.window_days)
    with open_for_write(settings.warehouse) as con:
        pending = con.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                              "(SELECT 1 FROM article_stories s WHERE s.article_id = a.article_id)").fetchall()[0][0]
        if not pending:
            log.info("stories: nothing new")
            return {"stories_new": 0, "articles_storied": 0}
        with transaction(con):
            arts, existing = stories_from_warehouse(con, embedder, vectors=lambda leads: _lead_vectors(con, embedder, leads))
            result = assign_stories(arts, existing, params)
            new = [a for a in result.story_of if a not in existing]
            rows = pl.DataFrame({"article_id": new, "story_id": [result.story_of[a] for a in new],
                                 "similarity": [result.similarity[a] for a in new], "run_id": [run_id] * len(new)},
                                schema={"article_id": pl.Utf8, "story_id": pl.Utf8, "similarity": pl.Float64,
                                        "run_id": pl.Utf8})
            con.register("new_article_stories", rows.to_arrow())
            try:
                con.execute("INSERT INTO article_stories SELECT * FROM new_article_stories ON CONFLICT DO NOTHING")
            finally:
                con.unregister("new_article_stories")
    counts = {"stories_new": len({result.story_of[a] for a in new} - set(existing.values())),
              "articles_storied": len(new)}
    log.info("stories: %(articles_storied)d articles given a story, %(stories_new)d new stories", counts)
    return counts
