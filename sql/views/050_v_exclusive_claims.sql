-- Claims that only one outlet makes (claim-level blindspots of every other outlet).
CREATE OR REPLACE VIEW v_exclusive_claims AS
SELECT cc.source,
       cc.cluster_id,
       cc.claim_text,
       cc.speaker,
       cc.published_at,
       cc.article_url,
       cc.claim_id
FROM v_claim_clusters cc
JOIN v_clusters k ON k.cluster_id = cc.cluster_id
WHERE k.n_outlets = 1;
