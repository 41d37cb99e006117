-- One row per clustered claim, with its article and outlet. The stable public shape
-- other tools rely on; extra columns may be added at the end, none removed.
CREATE OR REPLACE VIEW v_claim_clusters AS
SELECT
    m.claim_id,
    m.cluster_id,
    c.article_id,
    a.url                                  AS article_url,
    s.name                                 AS source,
    a.published_at,
    c.text                                 AS claim_text,
    c.source_id,
    coalesce(a.published_at, a.fetched_at) AS seen_at,
    c.speaker,
    c.cue,
    c.quote_kind,
    c.polarity,
    c.hedge,
    c.numbers,
    m.similarity,
    c.char_start,
    c.char_end,
    -- the claim's place in its cluster's reporting order: 1 = the first report. The one
    -- definition of "first reporter" every view, the summary and the report use: earliest
    -- seen_at, ties broken by outlet name, then claim id.
    row_number() OVER (PARTITION BY m.cluster_id
                       ORDER BY coalesce(a.published_at, a.fetched_at), s.name, m.claim_id) AS position
FROM cluster_members m
JOIN claims c   ON c.claim_id = m.claim_id
JOIN articles a ON a.article_id = c.article_id
JOIN sources s  ON s.source_id = c.source_id;
