-- Web sources (rss, urls, sitemap): the conditional-GET cache, every URL an article was
-- seen at, per-source outcomes of each run, and the article's author.

-- One row per fetched URL: validators for conditional GET (If-None-Match /
-- If-Modified-Since), so an unchanged feed or sitemap costs one 304.
CREATE TABLE IF NOT EXISTS http_cache (
    url           VARCHAR PRIMARY KEY,  -- as requested
    etag          VARCHAR,
    last_modified VARCHAR,
    status        INTEGER,              -- last HTTP status (200, 304, ...)
    fetched_at    TIMESTAMP NOT NULL,
    final_url     VARCHAR,              -- after redirects: the canonical URL
    content_hash  VARCHAR,              -- of the last 200 body
    content_type  VARCHAR
);

-- Every URL that led to a stored article: the entry link, the final URL after redirects,
-- and the URLs of syndicated copies (same outlet, same text) linked to the one article
-- kept. A URL here is not fetched again. Copies of one story at different outlets stay
-- one article per outlet and share articles.content_hash.
CREATE TABLE IF NOT EXISTS article_urls (
    url           VARCHAR PRIMARY KEY,
    article_id    VARCHAR NOT NULL,
    source_id     VARCHAR NOT NULL,
    link          VARCHAR NOT NULL,     -- canonical | entry | duplicate
    first_seen_at TIMESTAMP NOT NULL,
    run_id        VARCHAR NOT NULL
);

-- One row per (run, configured source): how it went. `claimtrack status` reports
-- sources whose last N rows are all 'failed'.
CREATE TABLE IF NOT EXISTS source_runs (
    run_id        VARCHAR NOT NULL,
    source_spec   VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    status        VARCHAR NOT NULL,     -- ok | not_modified | partial | failed
    requests      INTEGER,
    not_modified  INTEGER,
    articles_read INTEGER,
    articles_new  INTEGER,
    errors        INTEGER,
    message       VARCHAR,
    occurred_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, source_spec)
);

-- robots.txt per origin, reused for a day (RFC 9309 allows caching up to 24 hours), so an
-- unchanged feed costs one request. Unreachable robots.txt files are not kept.
CREATE TABLE IF NOT EXISTS robots_txt (
    origin     VARCHAR PRIMARY KEY,    -- scheme://host[:port]
    status     INTEGER NOT NULL,
    body       VARCHAR,
    fetched_at TIMESTAMP NOT NULL
);

ALTER TABLE articles ADD COLUMN IF NOT EXISTS author VARCHAR;
