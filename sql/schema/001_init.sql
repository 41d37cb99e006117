-- claimtrack warehouse, first schema. Ids are content hashes (see claimtrack/ids.py).

CREATE TABLE IF NOT EXISTS sources (
    source_id     VARCHAR PRIMARY KEY,   -- slug of the outlet name
    name          VARCHAR NOT NULL,      -- outlet as shown to users
    kind          VARCHAR,               -- source kind it was first seen through (folder, jsonl, ...)
    uri           VARCHAR,               -- location it was first seen at
    first_seen_at TIMESTAMP,
    run_id        VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    article_id    VARCHAR PRIMARY KEY,
    source_id     VARCHAR NOT NULL,
    url           VARCHAR,
    title         VARCHAR,
    published_at  TIMESTAMP,             -- UTC
    fetched_at    TIMESTAMP NOT NULL,    -- UTC, when this run ingested it
    language      VARCHAR,
    text          VARCHAR NOT NULL,      -- claim spans index into this text
    content_hash  VARCHAR NOT NULL,
    origin        VARCHAR,               -- file or file:line it came from
    run_id        VARCHAR NOT NULL
);

-- One row per (article, extractor version) once extraction has run: the stage's
-- progress marker, written in the same transaction as the claims.
CREATE TABLE IF NOT EXISTS article_extractions (
    article_id        VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    n_sentences       INTEGER NOT NULL,
    n_claims          INTEGER NOT NULL,
    dropped           MAP(VARCHAR, INTEGER),
    run_id            VARCHAR NOT NULL,
    PRIMARY KEY (article_id, extractor_version)
);

CREATE TABLE IF NOT EXISTS claims (
    claim_id          VARCHAR PRIMARY KEY,
    article_id        VARCHAR NOT NULL,
    source_id         VARCHAR NOT NULL,
    sentence_idx      INTEGER NOT NULL,
    char_start        INTEGER NOT NULL,  -- articles.text[char_start:char_end] is the evidence
    char_end          INTEGER NOT NULL,
    text              VARCHAR NOT NULL,
    text_hash         VARCHAR NOT NULL,  -- embedding cache key
    speaker           VARCHAR,
    cue               VARCHAR,
    quote_kind        VARCHAR,           -- direct | indirect | none
    is_quote          BOOLEAN,
    polarity          VARCHAR,           -- positive | negative
    hedge             VARCHAR,
    numbers           VARCHAR[],
    entities          VARCHAR[],
    extractor_version VARCHAR NOT NULL,
    run_id            VARCHAR NOT NULL
);

-- Embedding cache: one vector per (model/backend, normalised text). No text is embedded twice.
CREATE TABLE IF NOT EXISTS embeddings (
    model      VARCHAR NOT NULL,
    text_hash  VARCHAR NOT NULL,
    embedding  FLOAT[384] NOT NULL,
    run_id     VARCHAR NOT NULL,
    PRIMARY KEY (model, text_hash)
);

CREATE TABLE IF NOT EXISTS clusters (
    cluster_id              VARCHAR PRIMARY KEY,  -- hash of the founding claim; never changes
    representative_claim_id VARCHAR NOT NULL,     -- the founding claim
    model                   VARCHAR NOT NULL,
    threshold               DOUBLE NOT NULL,
    created_at              TIMESTAMP NOT NULL,
    run_id                  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS cluster_members (
    claim_id    VARCHAR PRIMARY KEY,
    cluster_id  VARCHAR NOT NULL,
    similarity  DOUBLE NOT NULL,   -- cosine to the representative
    run_id      VARCHAR NOT NULL
);

-- Merges and splits of clusters (written by later clustering work; ids never change).
CREATE TABLE IF NOT EXISTS cluster_lineage (
    event           VARCHAR NOT NULL,   -- merge | split
    from_cluster_id VARCHAR NOT NULL,
    to_cluster_id   VARCHAR NOT NULL,
    occurred_at     TIMESTAMP NOT NULL,
    run_id          VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR PRIMARY KEY,
    flow_run_id     VARCHAR,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    status          VARCHAR NOT NULL,   -- running | completed | failed
    sources         VARCHAR[],
    articles_new    INTEGER,
    claims_new      INTEGER,
    embeddings_new  INTEGER,
    clusters_new    INTEGER,
    members_new     INTEGER,
    errors          INTEGER,
    message         VARCHAR
);

CREATE TABLE IF NOT EXISTS ingest_errors (
    source_spec VARCHAR NOT NULL,
    uri         VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,
    error       VARCHAR NOT NULL,
    detail      VARCHAR NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    run_id      VARCHAR NOT NULL
);
