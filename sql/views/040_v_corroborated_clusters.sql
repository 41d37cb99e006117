-- Corroborated clusters: the claims two or more outlets carry. One row per cluster.
CREATE OR REPLACE VIEW v_corroborated_clusters AS
SELECT *
FROM v_clusters
WHERE n_outlets >= 2;

COMMENT ON VIEW v_corroborated_clusters IS 'Corroborated clusters: one row per cluster carried by 2 or more outlets (v_clusters with n_outlets >= 2).';
COMMENT ON COLUMN v_corroborated_clusters.cluster_id IS 'The cluster (stable: a hash of its founding claim).';
COMMENT ON COLUMN v_corroborated_clusters.representative_text IS 'The founding claim''s wording, shown for the whole cluster.';
COMMENT ON COLUMN v_corroborated_clusters.n_outlets IS 'How many distinct outlets carry the cluster (always 2 or more here).';
COMMENT ON COLUMN v_corroborated_clusters.n_claims IS 'How many claims (mentions in articles) the cluster holds.';
COMMENT ON COLUMN v_corroborated_clusters.outlets IS 'The outlets that carry it, alphabetically.';
COMMENT ON COLUMN v_corroborated_clusters.first_reporter IS 'The outlet of the first report (v_claim_clusters.position = 1).';
COMMENT ON COLUMN v_corroborated_clusters.first_seen_at IS 'seen_at of the first report (UTC).';
COMMENT ON COLUMN v_corroborated_clusters.last_seen_at IS 'seen_at of the latest report (UTC).';
COMMENT ON COLUMN v_corroborated_clusters.n_variants IS 'Contradicting variants elsewhere (a different number, date, person or polarity; not counted as support).';
COMMENT ON COLUMN v_corroborated_clusters.variant_outlets IS 'The outlets of those contradicting variants.';
