-- The warehouse at a glance, and the one definition of every count claimtrack shows: printed
-- after each run, shown by `claimtrack status`, put in the run's artifacts and on the report's
-- tiles. Claims add up: claims = clustered_claims + background_claims + unclustered_claims.
CREATE OR REPLACE VIEW v_summary AS
WITH rule AS (
    -- the claim kinds stored but not clustered (clustering.background_kinds), as recorded
    -- with the clustering rule; the default before any clustering ran
    SELECT coalesce(
        (SELECT list_filter(string_split(trim(regexp_extract(max(rule), 'skip ([^|]*)$', 1)), ','), k -> k <> '')
         FROM cluster_rule HAVING count(*) > 0),
        ['appositive', 'title']) AS background_kinds
),
claim_state AS (
    SELECT count(*)                                                                         AS claims,
           count(*) FILTER (WHERE m.claim_id IS NOT NULL)                                   AS clustered_claims,
           count(*) FILTER (WHERE m.claim_id IS NULL
                            AND list_contains((SELECT background_kinds FROM rule), coalesce(c.claim_kind, 'clause'))) AS background_claims
    FROM claims c
    LEFT JOIN cluster_members m ON m.claim_id = c.claim_id
)
SELECT
    (SELECT count(*) FROM sources)                                            AS outlets,
    (SELECT count(*) FROM articles)                                           AS articles,
    (SELECT count(*) FROM v_stories)                                          AS stories,
    cs.claims,
    cs.clustered_claims,
    cs.background_claims,
    cs.claims - cs.clustered_claims - cs.background_claims                    AS unclustered_claims,
    (SELECT count(*) FROM clusters)                                           AS clusters,
    (SELECT count(*) FROM v_corroborated_clusters)                            AS corroborated_clusters,
    (SELECT coalesce(sum(n_claims), 0)::BIGINT FROM v_corroborated_clusters)  AS corroborated_cluster_claims,
    (SELECT count(*) FROM v_exclusive_clusters)                               AS exclusive_clusters,
    (SELECT count(*) FROM v_contradictions)                                   AS contradictions,
    -- deprecated names (removed in the next version)
    (SELECT coalesce(sum(n_claims), 0)::BIGINT FROM v_corroborated_clusters)  AS corroborated_mentions,
    (SELECT count(*) FROM v_exclusive_clusters)                               AS exclusive_claims,
    (SELECT count(*) FROM v_contradictions)                                   AS disagreements
FROM claim_state cs;

COMMENT ON VIEW v_summary IS 'What the warehouse holds, in one row (the same whatever runs built it): the one definition of every count the summary, status, report tiles and run artifacts show. claims = clustered_claims + background_claims + unclustered_claims.';
COMMENT ON COLUMN v_summary.outlets IS 'Outlets (publishers) with at least one article ever ingested.';
COMMENT ON COLUMN v_summary.articles IS 'Articles stored.';
COMMENT ON COLUMN v_summary.stories IS 'Stories (events): groups of articles about the same event (v_stories).';
COMMENT ON COLUMN v_summary.claims IS 'Claims extracted: every statement of every article, stored whether clustered or not.';
COMMENT ON COLUMN v_summary.clustered_claims IS 'Claims in a cluster (compared across outlets).';
COMMENT ON COLUMN v_summary.background_claims IS 'Background claims, stored but deliberately not clustered: descriptors such as "Sen. X is R-Ariz." (claim kinds in clustering.background_kinds, default appositive and title) recur across unrelated stories and would pass for agreement.';
COMMENT ON COLUMN v_summary.unclustered_claims IS 'Other claims not in a cluster yet: waiting for their embedding or clustering (a run that stopped between stages); the next run clusters them.';
COMMENT ON COLUMN v_summary.clusters IS 'Clusters: each groups the claims that say the same thing, across outlets.';
COMMENT ON COLUMN v_summary.corroborated_clusters IS 'Corroborated clusters: carried by 2 or more outlets (rows of v_corroborated_clusters).';
COMMENT ON COLUMN v_summary.corroborated_cluster_claims IS 'Claims inside the corroborated clusters (every outlet''s mention counts).';
COMMENT ON COLUMN v_summary.exclusive_clusters IS 'Exclusive clusters: carried by exactly one outlet (rows of v_exclusive_clusters). corroborated_clusters + exclusive_clusters = clusters.';
COMMENT ON COLUMN v_summary.contradictions IS 'Contradictions of every kind (number, date, person, polarity): rows of v_contradictions, one per pair of claims and differing field.';
COMMENT ON COLUMN v_summary.corroborated_mentions IS 'Deprecated: the same as corroborated_cluster_claims (removed in the next version).';
COMMENT ON COLUMN v_summary.exclusive_claims IS 'Deprecated: the same as exclusive_clusters (removed in the next version).';
COMMENT ON COLUMN v_summary.disagreements IS 'Deprecated: the same as contradictions (removed in the next version).';
