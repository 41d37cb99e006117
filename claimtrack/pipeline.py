"""The pipeline's stages as plain functions over the warehouse (no Prefect here).

Each stage reads what the previous one stored, skips what it already has (content-hash
ids), writes in transactions and returns its counts. ``flows/pipeline.py`` wraps each in
a Prefect task; tests and benchmarks may call them directly."""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

import polars as pl

from claimtrack import lake, progress
from claimtrack.claims import EXTRACTOR_VERSION, extract_many
from claimtrack.config import Settings
from claimtrack.ids import content_hash, text_hash
from claimtrack.sources import read_source
from claimtrack.warehouse import frame, open_for_write, sql_file, transaction, utcnow

log = logging.getLogger("claimtrack")
EXTRACT_BATCH_ARTICLES = 64
EMBED_CHUNK = 2048
OVERLAP_BATCH_ARTICLES = 16  # smaller batches when embedding alongside: less left to embed after the last parse
# ONNX intra-op threads of the embedder that runs beside extraction (0: as configured);
# set by benchmarks/throughput.py's measurements (docs/BENCHMARKS.md, "Throughput").
OVERLAP_EMBED_THREADS = 1


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
        if src.kind == "urls" and not path.is_file():
            raise SourceError(
                f"URL list '{src.location}' does not exist; check the path in --source or claimtrack.toml."
            )
    with writer_lock(settings.warehouse):
        if lake.is_lake(settings.warehouse):  # extensions, catalog and data path, before any run starts
            lake.connect(settings.warehouse).close()


def start_run(settings: Settings, flow_run_id: str | None = None) -> str:
    """Record a new run. Call with the writer lock held (every caller does): then no other
    process can be running, so any run still marked ``running`` belongs to a process that
    is gone (killed, crashed, out of memory) and is marked ``abandoned`` here."""
    started = utcnow()
    run_id = "r_" + content_hash(started.isoformat(), flow_run_id, length=20)
    abandoned = f"its process ended without finishing the run (killed or crashed); marked at the start of {run_id}"
    concurrent = lake.is_postgres(settings.warehouse)  # many writers: no lock says the others are gone

    def write(con):
        with transaction(con):
            if concurrent:  # only this machine's runs whose process is gone
                tag = lake.owner_tag().rsplit(" ", 1)[0] + " "
                rows = con.execute("SELECT run_id, message FROM runs WHERE status = 'running' AND starts_with(message, ?)",
                                   [tag]).fetchall()
                dead = [r for r, m in rows if m[len(tag):].isdigit() and not lake.pid_alive(int(m[len(tag):]))]
                if dead:
                    con.execute("UPDATE runs SET status = 'abandoned', finished_at = ?, message = ? "
                                "WHERE list_contains(?, run_id)", [started, abandoned, dead])
            else:
                con.execute("UPDATE runs SET status = 'abandoned', finished_at = ?, message = ? WHERE status = 'running'",
                            [started, abandoned])
            con.execute(
                "INSERT INTO runs (run_id, flow_run_id, started_at, status, sources, message) VALUES (?, ?, ?, 'running', ?, ?)",
                [run_id, flow_run_id, started, [s.spec for s in settings.sources], lake.owner_tag() if concurrent else None],
            )

    with open_for_write(settings.warehouse) as con:
        _retry_conflicts(lambda: write(con))
    return run_id


def _retry_conflicts(fn, tries: int = 8):
    """Run one transaction, again when a concurrent DuckLake writer committed a conflicting
    change first (DuckLake commits optimistically). A DuckDB file never conflicts."""
    import random
    import time

    for attempt in range(tries):
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - re-raised unless it is a write conflict
            if attempt == tries - 1 or not lake.is_conflict(exc):
                raise
            log.info("write conflict with a concurrent writer, retrying: %s", str(exc).splitlines()[0])
            time.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))


def finish_run(settings: Settings, run_id: str, status: str, counts: dict, message: str | None = None) -> None:
    """Record how the run ended. On a DuckLake, a completed run's commit is the snapshot that
    readers then see (and ``query --as-of RUN_ID`` reads)."""
    def write(con):
        with transaction(con):
            con.execute(
                """UPDATE runs SET finished_at = ?, status = ?, articles_new = ?, claims_new = ?,
                       embeddings_new = ?, clusters_new = ?, members_new = ?, errors = ?, message = ?
                   WHERE run_id = ?""",
                [utcnow(), status, counts.get("articles_new"), counts.get("claims_new"),
                 counts.get("embeddings_new"), counts.get("clusters_new"), counts.get("members_new"),
                 counts.get("errors"), message, run_id],
            )
            if status == "completed":
                lake.mark_completed(con, run_id)

    with open_for_write(settings.warehouse) as con:
        _retry_conflicts(lambda: write(con))


def ingest(settings: Settings, run_id: str) -> dict:
    """Read every source; store new outlets, new articles (with their language), the URLs
    they were found at, one row per failure, each source's outcome, and the web sources'
    conditional-GET cache (all in one transaction). A web source that cannot be reached is
    a failure row, not the end of the run."""
    from datetime import timedelta

    from claimtrack.sources import WEB_KINDS, Fetcher, HttpCache
    from claimtrack.sources.language import detect_language

    rows, errors, url_rows, per_source = [], [], [], []
    fetcher = None
    if any(src.kind in WEB_KINDS for src in settings.sources):
        with open_for_write(settings.warehouse) as con:
            cache = HttpCache.from_rows(
                con.execute(sql_file("pipeline/http_cache_load.sql")).fetchall(),
                con.execute(sql_file("pipeline/known_urls.sql")).fetchall(),
                con.execute(sql_file("pipeline/robots_load.sql"), {"since": utcnow() - timedelta(days=1)}).fetchall(),
            )
        fetcher = Fetcher(settings.http, cache)
    bar = progress.start("ingest sources", len(settings.sources))
    try:
        for src in settings.sources:
            requests_before = fetcher.requests if fetcher else 0
            not_modified_before = fetcher.not_modified if fetcher else 0
            batch = read_source(src, fetcher=fetcher)
            for art in batch.articles:
                row = {
                    "article_id": art.article_id, "source_id": art.source_id, "source": art.source,
                    "kind": src.kind, "uri": src.location, "url": art.url, "title": art.title,
                    "published_at": art.published_at, "language": art.language, "text": art.text,
                    "content_hash": art.content_hash, "origin": art.origin, "author": art.author,
                    "spec": src.spec,
                }
                rows.append(row)
                if src.kind in WEB_KINDS and art.url:
                    for url, link in [(art.url, "canonical")] + [(a, "entry") for a in art.aliases]:
                        url_rows.append({"url": url, "article_id": art.article_id, "source_id": art.source_id,
                                         "content_hash": art.content_hash, "link": link})
            errors.extend(batch.errors)
            status, message = batch.outcome()
            per_source.append({
                "source": src.spec, "kind": src.kind, "status": status,
                "requests": (fetcher.requests - requests_before) if fetcher else 0,
                "not_modified": (fetcher.not_modified - not_modified_before) if fetcher else 0,
                "articles_read": len(batch.articles), "articles_new": 0, "errors": len(batch.errors),
                "message": message,
            })
            bar.advance()
    finally:
        bar.close()
        if fetcher:
            fetcher.close()
    schema = {"article_id": pl.Utf8, "source_id": pl.Utf8, "source": pl.Utf8, "kind": pl.Utf8,
              "uri": pl.Utf8, "url": pl.Utf8, "title": pl.Utf8, "published_at": pl.Datetime("us"),
              "language": pl.Utf8, "text": pl.Utf8, "content_hash": pl.Utf8, "origin": pl.Utf8,
              "author": pl.Utf8, "spec": pl.Utf8}
    staged = pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)
    # Within the batch: first occurrence wins, by id and by the outlet's identical content.
    staged = staged.unique("article_id", keep="first", maintain_order=True).unique(
        ["source_id", "content_hash"], keep="first", maintain_order=True
    )
    url_schema = {"url": pl.Utf8, "article_id": pl.Utf8, "source_id": pl.Utf8, "content_hash": pl.Utf8, "link": pl.Utf8}
    staged_urls = (pl.DataFrame(url_rows, schema=url_schema, orient="row") if url_rows
                   else pl.DataFrame(schema=url_schema))
    now = utcnow()
    with open_for_write(settings.warehouse) as con, transaction(con):
        con.register("new_articles", staged.to_arrow())
        # language detection only for articles not stored yet (an unchanged re-run skips it)
        fresh = {r[0] for r in con.execute(sql_file("pipeline/new_article_ids.sql")).fetchall()}
        if fresh:
            staged = staged.with_columns(pl.Series("language", [
                lang if lang is not None or aid not in fresh else detect_language(text)
                for aid, lang, text in zip(staged["article_id"], staged["language"], staged["text"])
            ], dtype=pl.Utf8))
            con.unregister("new_articles")
            con.register("new_articles", staged.to_arrow())
        con.register("new_urls", staged_urls.to_arrow())
        new, seen = con.execute(sql_file("pipeline/count_new_articles.sql")).fetchone()
        new_by_spec = dict(con.execute(sql_file("pipeline/count_new_articles_by_source.sql")).fetchall())
        con.execute(sql_file("pipeline/insert_new_sources.sql"), {"now": now, "run_id": run_id})
        con.execute(sql_file("pipeline/insert_new_articles.sql"), {"now": now, "run_id": run_id})
        con.execute(sql_file("pipeline/insert_article_urls.sql"), {"now": now, "run_id": run_id})
        for err in errors:
            con.execute(
                "INSERT INTO ingest_errors VALUES (?, ?, ?, ?, ?, ?, ?)",
                [err.source_spec, err.uri, err.stage, err.error, err.detail, now, run_id],
            )
        for ps in per_source:
            ps["articles_new"] = int(new_by_spec.get(ps["source"], 0))
            con.execute(sql_file("pipeline/insert_source_run.sql"), {
                "run_id": run_id, "source_spec": ps["source"], "kind": ps["kind"], "status": ps["status"],
                "requests": ps["requests"], "not_modified": ps["not_modified"],
                "articles_read": ps["articles_read"], "articles_new": ps["articles_new"],
                "errors": ps["errors"], "message": ps["message"], "occurred_at": now,
            })
        if fetcher:
            for entry in fetcher.cache.updated_rows():
                con.execute(sql_file("pipeline/upsert_http_cache.sql"), entry)
            for entry in fetcher.cache.robots_rows():
                con.execute(sql_file("pipeline/upsert_robots.sql"), entry)
        con.unregister("new_urls")
        con.unregister("new_articles")
    counts = {"articles_read": len(rows), "articles_new": int(new),
              "articles_duplicate": len(rows) - int(new), "errors": len(errors),
              "http_requests": fetcher.requests if fetcher else 0,
              "http_not_modified": fetcher.not_modified if fetcher else 0,
              "sources_failed": sum(ps["status"] == "failed" for ps in per_source),
              "per_source": per_source}
    log.info("ingest: %s", {k: v for k, v in counts.items() if k != "per_source"})
    return counts


def extractor_version(granularity: str = "clause") -> str:
    """The version stored with claims and progress markers: the rules' version, plus the
    granularity when it is not the default (so changing it re-extracts every article)."""
    return EXTRACTOR_VERSION if granularity == "clause" else f"{EXTRACTOR_VERSION}+{granularity}"


def _claim_rows(article_id: str, source_id: str, claims, run_id: str, version: str) -> list[dict]:
    out = []
    for c in claims:
        out.append({
            "claim_id": content_hash(article_id, version, c.char_start, c.char_end, c.text),
            "article_id": article_id, "source_id": source_id, "sentence_idx": c.sentence_idx,
            "char_start": c.char_start, "char_end": c.char_end, "text": c.text,
            "text_hash": text_hash(c.text), "speaker": c.speaker, "cue": c.cue,
            "quote_kind": c.quote_kind, "is_quote": c.is_quote, "polarity": c.polarity,
            "hedge": c.hedge, "numbers": c.numbers, "entities": c.entities,
            "extractor_version": version, "run_id": run_id,
            "original_text": c.original_text, "spans": [list(sp) for sp in c.spans],
            "dates": c.dates, "claim_kind": c.kind, "speaker_mention": c.speaker_mention,
            "checkworthiness": c.checkworthiness, "attribution_kind": c.attribution_kind,
            "parent_claim_id": None if c.clause is None else content_hash(article_id, version, "clause",
                                                                          c.sentence_idx, c.clause),
        })
    return out


CLAIM_SCHEMA = {
    "claim_id": pl.Utf8, "article_id": pl.Utf8, "source_id": pl.Utf8, "sentence_idx": pl.Int32,
    "char_start": pl.Int32, "char_end": pl.Int32, "text": pl.Utf8, "text_hash": pl.Utf8,
    "speaker": pl.Utf8, "cue": pl.Utf8, "quote_kind": pl.Utf8, "is_quote": pl.Boolean,
    "polarity": pl.Utf8, "hedge": pl.Utf8, "numbers": pl.List(pl.Utf8), "entities": pl.List(pl.Utf8),
    "extractor_version": pl.Utf8, "run_id": pl.Utf8,
    "original_text": pl.Utf8, "spans": pl.List(pl.List(pl.Int32)), "dates": pl.List(pl.Utf8),
    "claim_kind": pl.Utf8, "speaker_mention": pl.Utf8, "checkworthiness": pl.Float64,
    "attribution_kind": pl.Utf8, "parent_claim_id": pl.Utf8,
}
CLAIM_COLUMNS = ", ".join(CLAIM_SCHEMA)

# Re-extracting an article with a new extractor version replaces its older claims (and
# their cluster memberships) in the same transaction that inserts the new ones.
DELETE_OLD_MEMBERS = """
DELETE FROM cluster_members WHERE claim_id IN (
    SELECT c.claim_id FROM claims c
    WHERE c.extractor_version <> $version
      AND c.article_id IN (SELECT DISTINCT article_id FROM new_article_ids))"""
DELETE_OLD_VARIANTS = """
DELETE FROM claim_variants WHERE claim_id IN (
    SELECT c.claim_id FROM claims c
    WHERE c.extractor_version <> $version
      AND c.article_id IN (SELECT DISTINCT article_id FROM new_article_ids))"""
DELETE_OLD_CLAIMS = """
DELETE FROM claims
WHERE extractor_version <> $version
  AND article_id IN (SELECT DISTINCT article_id FROM new_article_ids)"""


def extract(settings: Settings, run_id: str, mapper=None, embedder=None) -> dict:
    """Split every not-yet-processed article into claims; one transaction per batch of articles,
    committing the claims together with the articles' progress markers.

    The extractor is English-only: an article detected as another language gets a progress
    marker with ``dropped = {'non_english_article': 1}`` and no claims (counted as
    ``skipped_language``), unless ``extraction.non_english`` is set (then such articles are
    extracted, including ones skipped by earlier runs).

    With ``embedder`` (the flow passes one), each stored batch's new claim texts, and its
    articles' title+lead texts (what stories read), are embedded on a background thread
    while the next batch is parsed: ONNX Runtime and torch release the GIL, spaCy's rules
    hold it, so the two overlap on two cores. The vectors are written here, between batches,
    by this (the only writing) thread; the count is ``embeddings_new``. Whatever that thread
    could not do is left to :func:`embed`, which embeds every claim text without a vector."""
    non_english = settings.extraction.non_english
    version = extractor_version(settings.extraction.granularity)
    with open_for_write(settings.warehouse) as con:
        pending = con.execute(
            sql_file("pipeline/pending_extraction_by_language.sql"),
            {"extractor_version": version, "non_english": non_english},
        ).fetchall()
        counts = Counter(articles=0, claims_new=0, sentences=0, dropped=0, skipped_language=0)
        skipped = [] if non_english else [r for r in pending if r[3] and not r[3].lower().startswith("en")]
        if skipped:
            with transaction(con):
                con.executemany(
                    "INSERT INTO article_extractions VALUES (?, ?, 0, 0, ?, ?) ON CONFLICT DO NOTHING",
                    [[r[0], version, {"non_english_article": 1}, run_id] for r in skipped],
                )
            counts["skipped_language"] = len(skipped)
            skip_ids = {r[0] for r in skipped}
            pending = [r for r in pending if r[0] not in skip_ids]
        pending = [r[:3] for r in pending]
        if not pending:
            log.info("extract: nothing new (%d skipped for their language)", counts["skipped_language"])
            return dict(counts)
        bar = progress.start("extract claims", len(pending))
        overlap = _EmbedOverlap(con, embedder, run_id) if embedder is not None and mapper is None else None
        size = (settings.dask.batch_articles if mapper is not None
                else OVERLAP_BATCH_ARTICLES if overlap is not None else EXTRACT_BATCH_ARTICLES)
        batches = [pending[b0 : b0 + size] for b0 in range(0, len(pending), size)]
        window = 8 if mapper is not None else 1  # batches computed in parallel, then written
        # On a PostgreSQL-catalogued DuckLake the workers write their batches themselves.
        in_workers = mapper is not None and lake.is_postgres(settings.warehouse)
        try:
            for w0 in range(0, len(batches), window):
                jobs = []
                for batch in batches[w0 : w0 + window]:
                    meta = dict(con.execute(
                        "SELECT article_id, struct_pack(p := published_at, t := title) FROM articles "
                        "WHERE list_contains(?, article_id)", [[a for a, _, _ in batch]]
                    ).fetchall())
                    jobs.append({
                        "texts": [t for _, _, t in batch],
                        "min_tokens": settings.extraction.min_tokens,
                        "batch_size": settings.extraction.batch_size,
                        "granularity": settings.extraction.granularity,
                        "published_at": [(meta.get(a) or {}).get("p") for a, _, _ in batch],
                        "titles": [(meta.get(a) or {}).get("t") for a, _, _ in batch],
                    })
                if in_workers:
                    for job, batch in zip(jobs, batches[w0 : w0 + window]):
                        job["store"] = _lake_target(settings, run_id) | {"batch": [list(b[:2]) for b in batch]}
                    for batch, done in zip(batches[w0 : w0 + window], mapper(extract_store_job, jobs)):
                        counts.update(done)
                        bar.advance(len(batch))
                    continue
                outputs = (mapper or _local_map)(extract_job, jobs)
                for batch, results, job in zip(batches[w0 : w0 + window], outputs, jobs):
                    _store_extraction(con, batch, results, run_id, counts, version)
                    if overlap is not None:
                        overlap.submit(results, job)
                    bar.advance(len(batch))
        except BaseException:
            if overlap is not None:  # stop embedding what will not be written
                overlap.pool.shutdown(wait=False, cancel_futures=True)
            raise
        bar.close()
        if overlap is not None:
            counts["embeddings_new"] = overlap.finish()
    log.info("extract: %s", dict(counts))
    return dict(counts)


class _EmbedOverlap:
    """Embeds stored batches' claim texts (and their articles' title+lead texts) on one
    background thread while the caller parses the next batch; the vectors are written by
    the caller's thread (``submit`` writes what is done, ``finish`` waits for the rest)."""

    def __init__(self, con, embedder, run_id: str):
        from concurrent.futures import ThreadPoolExecutor

        from claimtrack.embed import Embedder

        self.con, self.run_id = con, run_id
        self.embedder = Embedder(backend=embedder.backend, batch_size=embedder.batch_size, device=embedder.device,
                                 cache_dir=embedder.cache_dir or "",
                                 threads=(OVERLAP_EMBED_THREADS if embedder.backend != "torch" else 0) or embedder.threads or 0,
                                 token_budget=embedder.token_budget)
        self.model = embedder.model_id
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="claimtrack-embed")
        self.pending: list = []
        self.seen: set[str] = set()
        self.stored = 0
        self.failed = False

    def submit(self, results, job: dict) -> None:
        from claimtrack.stories import lead_text

        claims = {text_hash(c.text): c.text for res in results for c in res.claims}
        leads = {}
        for title, text in zip(job["titles"], job["texts"]):
            lead = lead_text(title, text)
            leads[text_hash(lead)] = lead
        hashes = sorted((set(claims) | set(leads)) - self.seen)
        self.seen.update(hashes)
        if hashes:
            known = {r[0] for r in self.con.execute(
                "SELECT text_hash FROM embeddings WHERE model = ? AND list_contains(?, text_hash)",
                [self.model, hashes]).fetchall()}
            todo = [(h, claims.get(h) or leads[h], "stories" if h not in claims else self.run_id)
                    for h in hashes if h not in known]
            if todo:
                self.pending.append((todo, self.pool.submit(self.embedder.encode, [t for _, t, _ in todo])))
        self._write(wait=False)

    def _write(self, wait: bool) -> None:
        while self.pending and (wait or self.pending[0][1].done()):
            todo, future = self.pending.pop(0)
            try:
                vecs = future.result()
            except Exception as exc:  # noqa: BLE001 - the embed stage embeds whatever is left
                if not self.failed:
                    log.warning("extract: embedding alongside extraction failed (%s); the embed stage will do it", exc)
                self.failed = True
                continue
            for run_id in (self.run_id, "stories"):  # lead vectors keep the run id the story stage gives them
                rows = [(h, None) for h, _, r in todo if r == run_id]
                if rows:
                    _store_embeddings(self.con, self.model, rows, vecs[[i for i, (_, _, r) in enumerate(todo) if r == run_id]],
                                      run_id)
            self.stored += sum(r == self.run_id for _, _, r in todo)

    def finish(self) -> int:
        try:
            self._write(wait=True)
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)
        return self.stored


def _local_map(fn, items):
    return [fn(item) for item in items]


def extract_job(job: dict):
    """One batch of claim extraction: pure, picklable, runs anywhere (a Dask worker too)."""
    return extract_many(
        job["texts"], min_tokens=job["min_tokens"], batch_size=job["batch_size"],
        published_at=job["published_at"], titles=job["titles"], granularity=job.get("granularity", "clause"),
    )


def _lake_target(settings: Settings, run_id: str) -> dict:
    return {"warehouse": str(settings.warehouse), "data_path": lake.data_path(settings.warehouse), "run_id": run_id}


def _write_in_worker(store: dict, write) -> None:
    """One batch's transaction, from a worker, into the lake (its connection kept per process).
    A write conflict with a concurrent writer is retried; any other failure drops the
    connection, so the task's retry (or the next batch) starts from a fresh one."""
    import os

    fault = os.environ.get("CLAIMTRACK_FAULT", "")
    if fault.startswith("worker-"):  # crash tests: kill this worker at its K-th batch commit (claimtrack/faults.py)
        os.environ["CLAIMTRACK_FAULT"] = fault[len("worker-"):]

    def attempt():
        con = lake.worker_connection(store["warehouse"], store["data_path"])
        try:
            write(con)
        except BaseException:
            lake.drop_worker_connection(store["warehouse"], store["data_path"])
            raise

    _retry_conflicts(attempt)


def extract_store_job(job: dict) -> dict:
    """Extract one batch and write its claims and progress markers into the lake from here
    (a Dask worker): one DuckLake transaction, idempotent by the claims' content-hash ids
    (a retried or duplicated batch adds nothing twice). Returns the batch's counts."""
    store = job["store"]
    results = extract_job(job)
    batch = [(a, s, None) for a, s in store["batch"]]
    counts: Counter = Counter()

    def write(con):
        counts.clear()
        _store_extraction(con, batch, results, store["run_id"], counts,
                          extractor_version(job.get("granularity", "clause")))

    _write_in_worker(store, write)
    return dict(counts)


def _store_extraction(con, batch, results, run_id: str, counts: Counter, version: str) -> None:
    """Write one batch's claims and progress markers in one transaction."""
    rows, markers = [], []
    for (article_id, source_id, _), res in zip(batch, results):
        rows.extend(_claim_rows(article_id, source_id, res.claims, run_id, version))
        markers.append((article_id, version, res.n_sentences, len(res.claims),
                        res.dropped, run_id))
        counts["sentences"] += res.n_sentences
        counts["dropped"] += sum(res.dropped.values())
    df = pl.DataFrame(rows, schema=CLAIM_SCHEMA, orient="row") if rows else pl.DataFrame(schema=CLAIM_SCHEMA)
    df = df.unique("claim_id", keep="first", maintain_order=True)
    with transaction(con):
        con.register("new_claims", df.to_arrow())
        con.register("new_article_ids", pl.DataFrame({"article_id": [a for a, _, _ in batch]}).to_arrow())
        con.execute(DELETE_OLD_MEMBERS, {"version": version})
        con.execute(DELETE_OLD_VARIANTS, {"version": version})
        con.execute(DELETE_OLD_CLAIMS, {"version": version})
        con.execute(
            f"INSERT INTO claims ({CLAIM_COLUMNS}) SELECT {CLAIM_COLUMNS} FROM new_claims n "
            "WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.claim_id = n.claim_id)"
        )
        con.unregister("new_article_ids")
        con.unregister("new_claims")
        if markers:  # one statement for the batch (on a DuckLake: one MERGE, one file)
            con.execute(
                "INSERT INTO article_extractions VALUES "
                + ", ".join(["(?, ?, ?, ?, ?::MAP(VARCHAR, INTEGER), ?)"] * len(markers))
                + " ON CONFLICT DO UPDATE SET n_sentences = EXCLUDED.n_sentences, n_claims = EXCLUDED.n_claims, "
                "dropped = EXCLUDED.dropped, run_id = EXCLUDED.run_id",
                [v for m in markers for v in m],
            )
    counts["articles"] += len(batch)
    counts["claims_new"] += len(df)


def embed(settings: Settings, run_id: str, embedder=None, mapper=None) -> dict:
    """Embed every claim text that has no vector for this model/backend yet.

    With ``mapper`` (the flow's Dask path) chunks of texts are encoded as separate jobs
    (each worker loads the model once) and written here, one transaction per chunk."""
    from claimtrack.embed import Embedder

    embedder = embedder or Embedder.from_settings(settings)
    model = embedder.model_id
    with open_for_write(settings.warehouse) as con:
        pending = con.execute(sql_file("pipeline/pending_embeddings.sql"), {"model": model}).fetchall()
        if not pending:
            log.info("embed: nothing new")
            return {"embeddings_new": 0, "model": model}
        bar = progress.start("embed claims", len(pending))
        if mapper is None:
            for b0 in range(0, len(pending), EMBED_CHUNK):
                chunk = pending[b0 : b0 + EMBED_CHUNK]
                vecs = embedder.encode([t for _, t in chunk], progress=bar.advance)
                _store_embeddings(con, model, chunk, vecs, run_id)
        else:
            size = settings.dask.batch_texts
            chunks = [pending[b0 : b0 + size] for b0 in range(0, len(pending), size)]
            config = settings.embedding.model_dump()
            in_workers = lake.is_postgres(settings.warehouse)  # the workers write their chunks themselves
            for w0 in range(0, len(chunks), 8):
                window = chunks[w0 : w0 + 8]
                jobs = [{"texts": [t for _, t in c], "embedding": config} for c in window]
                if in_workers:
                    for job, chunk in zip(jobs, window):
                        job["store"] = _lake_target(settings, run_id) | {"model": model, "hashes": [h for h, _ in chunk]}
                    for chunk, _n in zip(window, mapper(embed_store_job, jobs)):
                        bar.advance(len(chunk))
                    continue
                outputs = mapper(embed_job, jobs)
                for chunk, vecs in zip(window, outputs):
                    _store_embeddings(con, model, chunk, vecs, run_id)
                    bar.advance(len(chunk))
        bar.close()
    log.info("embed: %d new vectors (%s)", len(pending), model)
    return {"embeddings_new": len(pending), "model": model}


def embed_job(job: dict):
    """One chunk of embedding: pure, picklable; the model is loaded once per process."""
    from types import SimpleNamespace

    from claimtrack.config import EmbeddingConfig
    from claimtrack.embed import Embedder

    embedder = Embedder.from_settings(SimpleNamespace(embedding=EmbeddingConfig(**job["embedding"])))
    return embedder.encode(job["texts"])


def embed_store_job(job: dict) -> int:
    """Embed one chunk and write its vectors into the lake from here (a Dask worker): one
    DuckLake transaction, idempotent by (model, text hash). Returns the chunk's size."""
    store = job["store"]
    vecs = embed_job(job)
    chunk = [(h, None) for h in store["hashes"]]
    _write_in_worker(store, lambda con: _store_embeddings(con, store["model"], chunk, vecs, store["run_id"]))
    return len(chunk)


def _store_embeddings(con, model: str, chunk, vecs, run_id: str) -> None:
    from claimtrack.embed import DIMENSION

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


def cluster(settings: Settings, run_id: str, model: str) -> dict:
    """Add every unclustered claim to a cluster (existing ones first; new ones founded);
    contradicting near-duplicates are recorded as variants (claimtrack/cluster_store.py).
    Then give every new article its story (claimtrack/story_store.py)."""
    from claimtrack.cluster_store import cluster_new
    from claimtrack.story_store import group_stories

    with lake.lease(settings.warehouse, "cluster"):  # one clustering at a time on a shared lake
        if lake.is_lake(settings.warehouse):
            with open_for_write(settings.warehouse) as con:
                removed = _retry_conflicts(lambda: _dedupe(con))
            if removed:
                log.info("cluster: %d duplicate rows from concurrent copies of a batch removed", removed)
        counts = cluster_new(settings, run_id, model)
        counts.update(group_stories(settings, run_id))
    return counts


def _dedupe(con) -> int:
    with transaction(con):
        return lake.dedupe(con)


def recluster(settings: Settings, run_id: str, model: str) -> dict:
    """Rebuild all clusters from scratch, keeping old ids by overlap (lineage recorded)."""
    from claimtrack.cluster_store import recluster as _recluster

    with lake.lease(settings.warehouse, "cluster"):
        return _recluster(settings, run_id, model)


def compare(settings: Settings, top: int = 10) -> dict:
    """Cross-source summary of the whole warehouse, and its top corroborated claims."""
    pairs = sorted({(g, s) for g, outlets in settings.groups.items() for s in outlets})

    def write_groups(con):
        with transaction(con):  # the configured outlet groups, for the blindspot views
            con.execute("DELETE FROM source_groups")
            if pairs:
                con.executemany("INSERT INTO source_groups VALUES (?, ?)", [list(p) for p in pairs])

    with open_for_write(settings.warehouse) as con:
        _retry_conflicts(lambda: write_groups(con))
        summary = frame(con, sql_file("pipeline/summary.sql")).to_dicts()[0]
        top_rows = frame(con, sql_file("pipeline/top_corroborated.sql"), {"limit": top}).to_dicts()
    summary["warehouse"] = str(Path(settings.warehouse))
    log.info("compare: %s", summary)
    return {"summary": summary, "top_corroborated": top_rows}
