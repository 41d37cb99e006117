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
                       ORDER BY coalesce(a.published_at, a.fetched_at), s.name, m.claim_id) AS position,
    s.name                                 AS outlet
FROM cluster_members m
JOIN claims c   ON c.claim_id = m.claim_id
JOIN articles a ON a.article_id = c.article_id
JOIN sources s  ON s.source_id = c.source_id;

COMMENT ON VIEW v_claim_clusters IS 'One row per clustered claim with its cluster, article and outlet; the stable public shape (columns are only ever added at the end).';
COMMENT ON COLUMN v_claim_clusters.claim_id IS 'The claim: one statement as one article makes it (claims.claim_id).';
COMMENT ON COLUMN v_claim_clusters.cluster_id IS 'The cluster the claim belongs to: all claims that say the same thing, across outlets.';
COMMENT ON COLUMN v_claim_clusters.article_id IS 'The article the claim was extracted from.';
COMMENT ON COLUMN v_claim_clusters.article_url IS 'URL of that article (NULL for files without one).';
COMMENT ON COLUMN v_claim_clusters.source IS 'Deprecated: the same as outlet (removed in the next version; "source" now means an input such as folder:seeds).';
COMMENT ON COLUMN v_claim_clusters.published_at IS 'When the outlet published the article (UTC), NULL when unknown.';
COMMENT ON COLUMN v_claim_clusters.claim_text IS 'The claim as extracted (speaker and pronouns resolved).';
COMMENT ON COLUMN v_claim_clusters.source_id IS 'Slug of the outlet (sources.source_id).';
COMMENT ON COLUMN v_claim_clusters.seen_at IS 'published_at, or when claimtrack fetched the article if the outlet gives no date (UTC); orders first reports.';
COMMENT ON COLUMN v_claim_clusters.speaker IS 'Who the claim is attributed to, resolved to the name the article gives; NULL for unattributed claims.';
COMMENT ON COLUMN v_claim_clusters.cue IS 'The reporting verb that attributes it (said, told, denied, ...).';
COMMENT ON COLUMN v_claim_clusters.quote_kind IS 'direct | indirect | mixed | none: how the claim is quoted.';
COMMENT ON COLUMN v_claim_clusters.polarity IS 'positive | negative: whether the claim is negated.';
COMMENT ON COLUMN v_claim_clusters.hedge IS 'Hedging word that weakens the claim (may, reportedly, ...), NULL if none.';
COMMENT ON COLUMN v_claim_clusters.numbers IS 'Numbers stated in the claim, normalised (compared to find contradictions).';
COMMENT ON COLUMN v_claim_clusters.similarity IS 'Cosine between this claim and its cluster''s representative claim.';
COMMENT ON COLUMN v_claim_clusters.char_start IS 'Start offset of the claim''s evidence in articles.text.';
COMMENT ON COLUMN v_claim_clusters.char_end IS 'End offset (exclusive) of the claim''s evidence in articles.text.';
COMMENT ON COLUMN v_claim_clusters.position IS 'Place in the cluster''s reporting order: 1 = first report (earliest seen_at, then outlet name, then claim id); its outlet is the first reporter.';
COMMENT ON COLUMN v_claim_clusters.outlet IS 'The outlet (publisher) whose article makes the claim.';
