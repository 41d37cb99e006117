-- Exclusive clusters: claims only one outlet carries (claim-level blindspots of every other
-- outlet). One row per cluster, like v_corroborated_clusters; the wording shown is the
-- outlet's first report of it, n_claims counts its mentions in that outlet.
CREATE OR REPLACE VIEW v_exclusive_clusters AS
SELECT cc.outlet,
       cc.cluster_id,
       cc.claim_text,
       cc.speaker,
       cc.published_at,
       cc.article_url,
       cc.claim_id,
       k.n_claims
FROM v_claim_clusters cc
JOIN v_clusters k ON k.cluster_id = cc.cluster_id
WHERE k.n_outlets = 1 AND cc.position = 1;

COMMENT ON VIEW v_exclusive_clusters IS 'Exclusive clusters: one row per cluster only one outlet carries (a blindspot of every other outlet), shown with that outlet''s first report of it.';
COMMENT ON COLUMN v_exclusive_clusters.outlet IS 'The only outlet that carries the cluster.';
COMMENT ON COLUMN v_exclusive_clusters.cluster_id IS 'The cluster.';
COMMENT ON COLUMN v_exclusive_clusters.claim_text IS 'The outlet''s first claim of the cluster, as extracted.';
COMMENT ON COLUMN v_exclusive_clusters.speaker IS 'Who that claim is attributed to (NULL if unattributed).';
COMMENT ON COLUMN v_exclusive_clusters.published_at IS 'When the article was published (UTC), NULL when unknown.';
COMMENT ON COLUMN v_exclusive_clusters.article_url IS 'URL of the article that makes the claim.';
COMMENT ON COLUMN v_exclusive_clusters.claim_id IS 'The first claim of the cluster (claims.claim_id).';
COMMENT ON COLUMN v_exclusive_clusters.n_claims IS 'How many claims (mentions) the cluster holds, all from this outlet.';
