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
       cc.article_id,
       cc.outlet
FROM v_claim_clusters cc
JOIN v_clusters k ON k.cluster_id = cc.cluster_id;

COMMENT ON VIEW v_claim_timeline IS 'Claim timeline per cluster: every outlet''s version in the order it appeared, with the hours since the cluster''s first report.';
COMMENT ON COLUMN v_claim_timeline.cluster_id IS 'The cluster.';
COMMENT ON COLUMN v_claim_timeline.representative_text IS 'The cluster''s representative wording.';
COMMENT ON COLUMN v_claim_timeline.seen_at IS 'When this version appeared (published_at, else fetched_at; UTC).';
COMMENT ON COLUMN v_claim_timeline.source IS 'Deprecated: the same as outlet (removed in the next version).';
COMMENT ON COLUMN v_claim_timeline.claim_text IS 'This outlet''s claim as extracted.';
COMMENT ON COLUMN v_claim_timeline.speaker IS 'Who the claim is attributed to (NULL if unattributed).';
COMMENT ON COLUMN v_claim_timeline.position IS 'Place in the cluster''s reporting order (1 = first report).';
COMMENT ON COLUMN v_claim_timeline.hours_after_first IS 'Hours after the cluster''s first report.';
COMMENT ON COLUMN v_claim_timeline.claim_id IS 'The claim (claims.claim_id).';
COMMENT ON COLUMN v_claim_timeline.article_id IS 'The article that makes the claim.';
COMMENT ON COLUMN v_claim_timeline.outlet IS 'The outlet of this version.';
