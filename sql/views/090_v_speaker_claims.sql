-- What each speaker said, according to which outlet, over time.
CREATE OR REPLACE VIEW v_speaker_claims AS
SELECT cc.speaker,
       cc.claim_text,
       cc.cue,
       cc.quote_kind,
       cc.source       AS reported_by,
       cc.published_at,
       cc.cluster_id,
       k.n_outlets     AS cluster_outlets,
       cc.claim_id
FROM v_claim_clusters cc
JOIN v_clusters k ON k.cluster_id = cc.cluster_id
WHERE cc.speaker IS NOT NULL;
