-- Exclusive claims: clusters only one outlet carries (claim-level blindspots of every other
-- outlet). One row per claim (cluster), like v_corroborated_claims; the wording shown is the
-- outlet's first report of it, n_claims counts its mentions in that outlet.
CREATE OR REPLACE VIEW v_exclusive_claims AS
SELECT cc.source,
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
