-- Claim timeline per cluster: every outlet's version in the order it appeared, with the
-- hours since the cluster's first report.
CREATE OR REPLACE VIEW v_claim_timeline AS
SELECT cc.cluster_id,
       k.representative_text,
       cc.seen_at,
       cc.source,
       cc.claim_text,
       cc.speaker,
       cc.position,
       round(date_diff('minute', k.first_seen_at, cc.seen_at) / 60.0, 2)                           AS hours_after_first,
       cc.claim_id,
       cc.article_id
FROM v_claim_clusters cc
JOIN v_clusters k ON k.cluster_id = cc.cluster_id;
