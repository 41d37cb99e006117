-- What each speaker said, according to which outlet, over time. `speaker` is resolved to
-- the name the article gives ("He" -> "Marco Rubio"); `speaker_mention` is the wording.
CREATE OR REPLACE VIEW v_speaker_claims AS
SELECT cc.speaker,
       cc.claim_text,
       cc.cue,
       cc.quote_kind,
       cc.source       AS reported_by,
       cc.published_at,
       cc.cluster_id,
       k.n_outlets     AS cluster_outlets,
       cc.claim_id,
       c.speaker_mention,
       c.original_text,
       c.claim_kind,
       c.polarity,
       c.hedge,
       c.numbers,
       c.dates,
       c.checkworthiness
FROM v_claim_clusters cc
JOIN v_clusters k ON k.cluster_id = cc.cluster_id
JOIN claims c     ON c.claim_id = cc.claim_id
WHERE cc.speaker IS NOT NULL;
