"""The pipeline's stages as plain functions over the warehouse (no Prefect here).

Each stage reads what the previous one stored, skips what it already has (content-hash
ids), writes in transactions and returns its counts. ``flows/pipeline.py`` wraps each in
a Prefect task; tests and benchmarks may call them directly."""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

import numpy as np
import polars as pl

from claimtrack import progress
from claimtrack.claims import EXTRACTOR_VERSION, extract_many
from claimtrack.cluster import assign
from claimtrack.config import Settings
from claimtrack.ids import content_hash, text_hash
from claimtrack.sources import read_source
from claimtrack.warehouse import frame, open_for_write, sql_file, transaction, utcnow

log = logging.getLogger("claimtrack")
EXTRACT_BATCH_ARTICLES = 64
EMBED_CHUNK = 2048


def preflight(settings: Settings) -> None:
    """Fail fast, before any flow run starts, on what a user can fix: a missing source
    location, or another run holding the warehouse. (The flow checks both again.)"""
    from claimtrack.errors import SourceError
    from claimtrack.warehouse import writer_lock

    for src in settings.sources:
        path = Path(src.location)
        if src.kind == "folder" and not path.is_dir():
            raise SourceError(
                f"Source folder '{src.location}' does not exist or is not a folder; check the path in --source or claimtrack.toml."
            )
        if src.kind == "jsonl" and not path.is_file():
            raise SourceError(
                f"JSONL file '{src.location}' does not exist; check the path in --source or claimtrack.toml."
            )
    with writer_lock(settings.warehouse):
        pass


def start_run(settings: Settings, flow_run_id: str | None = None) -> str:
    started = utcnow()
    run_id = "r_" + content_hash(started.isoformat(), flow_run_id, length=20)
    with open_for_write(settings.warehouse) as con, transaction(con):
        con.execute(
            "INSERT INTO runs (run_id, flow_run_id, started_at, status, sources) VALUES (?, ?, ?, 'running', ?)",
            [run_id, flow_run_id, started, [s.spec for s in settings.sources]],
        )
    return run_id


def finish_run(settings: Settings, run_id: str, status: str, counts: dict, message: str | None = None) -> None:
    with open_for_write(settings.warehouse) as con, transaction(con):
        con.execute(
            """UPDATE runs SET finished_at = ?, status = ?, articles_new = ?, claims_new = ?,
                   embeddings_new = ?, clusters_new = ?, members_new = ?, errors = ?, message = ?
               WHERE run_id = ?""",
            [utcnow(), status, counts.get("articles_new"), counts.get("claims_new"),
             counts.get("embeddings_new"), counts.get("clusters_new"), counts.get("members_new"),
             counts.get("errors"), message, run_id],
        )


def ingest(settings: Settings, run_id: str) -> dict:
    """Read every source; store new outlets, new articles and one row per failure."""
    rows, errors = [], []
    bar = progress.start("ingest sources", len(settings.sources))
    for src in settings.sources:
        batch = read_source(src)
        for art in batch.articles:
            rows.append({
                "article_id": art.article_id, "source_id": art.source_id, "source": art.source,
                "kind": src.kind, "uri": src.location, "url": art.url, "title": art.title,
                "published_at": art.published_at, "language": art.language, "text": art.text,
                "content_hash": art.content_hash, "origin": art.origin,
            })
        errors.extend(batch.errors)
        bar.advance()
    bar.close()
    schema = {"article_id": pl.Utf8, "source_id": pl.Utf8, "source": pl.Utf8, "kind": pl.Utf8,
              "uri": pl.Utf8, "url": pl.Utf8, "title": pl.Utf8, "published_at": pl.Datetime("us"),
              "language": pl.Utf8, "text": pl.Utf8, "content_hash": pl.Utf8, "origin": pl.Utf8}
    staged = pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)
    # Within the batch: first occurrence wins, by id and by the outlet's identical content.
    staged = staged.unique("article_id", keep="first", maintain_order=True).unique(
        ["source_id", "content_hash"], keep="first", maintain_order=True
    )
    now = utcnow()
    with open_for_write(settings.warehouse) as con, transaction(con):
        con.register("new_articles", staged.to_arrow())
        new, seen = con.execute(sql_file("pipeline/count_new_articles.sql")).fetchone()
        con.execute(sql_file("pipeline/insert_new_sources.sql"), {"now": now, "run_id": run_id})
        con.execute(sql_file("pipeline/insert_new_articles.sql"), {"now": now, "run_id": run_id})
        for err in errors:
            con.execute(
                "INSERT INTO ingest_errors VALUES (?, ?, ?, ?, ?, ?, ?)",
                [err.source_spec, err.uri, err.stage, err.error, err.detail, now, run_id],
            )
        con.unregister("new_articles")
    counts = {"articles_read": len(rows), "articles_new": int(new),
              "articles_duplicate": len(rows) - int(new), "errors": len(errors)}
    log.info("ingest: %s", counts)
    return counts


def _claim_rows(article_id: str, source_id: str, claims, run_id: str) -> list[dict]:
    out = []
    for c in claims:
        out.append({
            "claim_id": content_hash(article_id, EXTRACTOR_VERSION, c.char_start, c.char_end, c.text),
            "article_id": article_id, "source_id": source_id, "sentence_idx": c.sentence_idx,
            "char_start": c.char_start, "char_end": c.char_end, "text": c.text,
            "text_hash": text_hash(c.text), "speaker": c.speaker, "cue": c.cue,
            "quote_kind": c.quote_kind, "is_quote": c.is_quote, "polarity": c.polarity,
            "hedge": c.hedge, "numbers": c.numbers, "entities": c.entities,
            "extractor_version": EXTRACTOR_VERSION, "run_id": run_id,
        })
    return out


CLAIM_SCHEMA = {
    "claim_id": pl.Utf8, "article_id": pl.Utf8, "source_id": pl.Utf8, "sentence_idx": pl.Int32,
    "char_start": pl.Int32, "char_end": pl.Int32, "text": pl.Utf8, "text_hash": pl.Utf8,
    "speaker": pl.Utf8, "cue": pl.Utf8, "quote_kind": pl.Utf8, "is_quote": pl.Boolean,
    "polarity": pl.Utf8, "hedge": pl.Utf8, "numbers": pl.List(pl.Utf8), "entities": pl.List(pl.Utf8),
    "extractor_version": pl.Utf8, "run_id": pl.Utf8,
}


def extract(settings: Settings, run_id: str) -> dict:
    """Split every not-yet-processed article into claims; one transaction per batch of articles,
    committing the claims together with the articles' progress markers."""
    with open_for_write(settings.warehouse) as con:
        pending = con.execute(
            sql_file("pipeline/pending_extraction.sql"), {"extractor_version": EXTRACTOR_VERSION}
        ).fetchall()
        counts = Counter(articles=0, claims_new=0, sentences=0, dropped=0)
        if not pending:
            log.info("extract: nothing new")
            return dict(counts)
        bar = progress.start("extract claims", len(pending))
        for b0 in range(0, len(pending), EXTRACT_BATCH_ARTICLES):
            batch = pending[b0 : b0 + EXTRACT_BATCH_ARTICLES]
            results = extract_many(
                [t for _, _, t in batch],
                min_tokens=settings.extraction.min_tokens,
                batch_size=settings.extraction.batch_size,
            )
            rows, markers = [], []
            for (article_id, source_id, _), res in zip(batch, results):
                rows.extend(_claim_rows(article_id, source_id, res.claims, run_id))
                markers.append((article_id, EXTRACTOR_VERSION, res.n_sentences, len(res.claims),
                                res.dropped, run_id))
                counts["sentences"] += res.n_sentences
                counts["dropped"] += sum(res.dropped.values())
            df = pl.DataFrame(rows, schema=CLAIM_SCHEMA, orient="row") if rows else pl.DataFrame(schema=CLAIM_SCHEMA)
            df = df.unique("claim_id", keep="first", maintain_order=True)
            with transaction(con):
                con.register("new_claims", df.to_arrow())
                con.execute(
                    "INSERT INTO claims SELECT * FROM new_claims n "
                    "WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.claim_id = n.claim_id)"
                )
                con.unregister("new_claims")
                con.executemany(
                    "INSERT INTO article_extractions VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    [list(m) for m in markers],
                )
            counts["articles"] += len(batch)
            counts["claims_new"] += len(df)
            bar.advance(len(batch))
        bar.close()
    log.info("extract: %s", dict(counts))
    return dict(counts)


def embed(settings: Settings, run_id: str, embedder=None) -> dict:
    """Embed every claim text that has no vector for this model/backend yet."""
    from claimtrack.embed import DIMENSION, Embedder

    embedder = embedder or Embedder.from_settings(settings)
    model = embedder.model_id
    with open_for_write(settings.warehouse) as con:
        pending = con.execute(sql_file("pipeline/pending_embeddings.sql"), {"model": model}).fetchall()
        if not pending:
            log.info("embed: nothing new")
            return {"embeddings_new": 0, "model": model}
        bar = progress.start("embed claims", len(pending))
        for b0 in range(0, len(pending), EMBED_CHUNK):
            chunk = pending[b0 : b0 + EMBED_CHUNK]
            vecs = embedder.encode([t for _, t in chunk], progress=bar.advance)
            df = pl.DataFrame({
                "model": [model] * len(chunk),
                "text_hash": [h for h, _ in chunk],
                "embedding": pl.Series(vecs, dtype=pl.Array(pl.Float32, DIMENSION)),
                "run_id": [run_id] * len(chunk),
            })
            with transaction(con):
                con.register("new_embeddings", df.to_arrow())
                con.execute("INSERT INTO embeddings SELECT * FROM new_embeddings ON CONFLICT DO NOTHING")
                con.unregister("new_embeddings")
        bar.close()
    log.info("embed: %d new vectors (%s)", len(pending), model)
    return {"embeddings_new": len(pending), "model": model}


def _vectors(df: pl.DataFrame, column: str = "embedding") -> np.ndarray:
    if df.height == 0:
        return np.zeros((0, 384), dtype=np.float32)
    return df[column].to_numpy().astype(np.float32, copy=False)


def cluster(settings: Settings, run_id: str, model: str) -> dict:
    """Add every unclustered claim to a cluster (existing ones first; new ones founded)."""
    threshold = settings.clustering.threshold
    with open_for_write(settings.warehouse) as con:
        pending = frame(con, sql_file("pipeline/pending_clustering.sql"), {"model": model})
        if pending.height == 0:
            log.info("cluster: nothing new")
            return {"clusters_new": 0, "members_new": 0}
        reps = frame(con, sql_file("pipeline/cluster_representatives.sql"), {"model": model})
        bar = progress.start("cluster claims", pending.height)
        result = assign(
            reps["cluster_id"].to_list(), _vectors(reps),
            pending["claim_id"].to_list(), _vectors(pending), threshold,
        )
        bar.advance(pending.height)
        bar.close()
        now = utcnow()
        founded = [a for a in result if a.founded]
        clusters_df = pl.DataFrame({
            "cluster_id": [a.cluster_id for a in founded],
            "representative_claim_id": [a.claim_id for a in founded],
            "model": [model] * len(founded), "threshold": [threshold] * len(founded),
            "created_at": [now] * len(founded), "run_id": [run_id] * len(founded),
        }, schema={"cluster_id": pl.Utf8, "representative_claim_id": pl.Utf8, "model": pl.Utf8,
                   "threshold": pl.Float64, "created_at": pl.Datetime("us"), "run_id": pl.Utf8})
        members_df = pl.DataFrame({
            "claim_id": [a.claim_id for a in result], "cluster_id": [a.cluster_id for a in result],
            "similarity": [a.similarity for a in result], "run_id": [run_id] * len(result),
        }, schema={"claim_id": pl.Utf8, "cluster_id": pl.Utf8, "similarity": pl.Float64, "run_id": pl.Utf8})
        with transaction(con):
            con.register("new_clusters", clusters_df.to_arrow())
            con.register("new_members", members_df.to_arrow())
            con.execute("INSERT INTO clusters SELECT * FROM new_clusters ON CONFLICT DO NOTHING")
            con.execute("INSERT INTO cluster_members SELECT * FROM new_members ON CONFLICT DO NOTHING")
            con.unregister("new_clusters")
            con.unregister("new_members")
    counts = {"clusters_new": len(founded), "members_new": len(result)}
    log.info("cluster: %s", counts)
    return counts


def compare(settings: Settings, top: int = 10) -> dict:
    """Cross-source summary of the whole warehouse, and its top corroborated claims."""
    with open_for_write(settings.warehouse) as con:
        summary = frame(con, sql_file("pipeline/summary.sql")).to_dicts()[0]
        top_rows = frame(con, sql_file("pipeline/top_corroborated.sql"), {"limit": top}).to_dicts()
    summary["warehouse"] = str(Path(settings.warehouse))
    log.info("compare: %s", summary)
    return {"summary": summary, "top_corroborated": top_rows}
