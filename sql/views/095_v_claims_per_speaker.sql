-- One row per speaker: how many claims are attributed to them, by how many outlets, in
-- which forms (direct / indirect / mixed quotes), with which cues and kinds (said /
-- believes / intends / other), and when.
CREATE OR REPLACE VIEW v_claims_per_speaker AS
SELECT speaker,
       count(*)                                        AS claims,
       count(DISTINCT cluster_id)                      AS distinct_claims,
       count(DISTINCT outlet)                     AS outlets,
       count(*) FILTER (WHERE quote_kind = 'direct')   AS direct_quotes,
       count(*) FILTER (WHERE quote_kind = 'indirect') AS indirect,
       count(*) FILTER (WHERE quote_kind = 'mixed')    AS mixed,
       list(DISTINCT cue ORDER BY cue)                 AS cues,
       count(*) FILTER (WHERE attribution_kind = 'speech')    AS said,
       count(*) FILTER (WHERE attribution_kind = 'belief')    AS believes,
       count(*) FILTER (WHERE attribution_kind = 'intention') AS intends,
       count(*) FILTER (WHERE attribution_kind = 'other')     AS other_stances,
       list(DISTINCT speaker_mention ORDER BY speaker_mention) AS mentions,
       round(avg(checkworthiness), 2)                  AS mean_checkworthiness,
       min(published_at)                               AS first_seen_at,
       max(published_at)                               AS last_seen_at
FROM v_speaker_claims
GROUP BY speaker;

COMMENT ON VIEW v_claims_per_speaker IS 'One row per speaker: how many claims are attributed to them, by how many outlets, in which quote forms, with which cues, and when.';
COMMENT ON COLUMN v_claims_per_speaker.speaker IS 'The resolved speaker name.';
COMMENT ON COLUMN v_claims_per_speaker.claims IS 'Clustered claims attributed to the speaker (every outlet''s mention counts).';
COMMENT ON COLUMN v_claims_per_speaker.distinct_claims IS 'Distinct clusters among them (the same statement counted once).';
COMMENT ON COLUMN v_claims_per_speaker.outlets IS 'How many outlets attribute claims to the speaker.';
COMMENT ON COLUMN v_claims_per_speaker.direct_quotes IS 'Claims quoted directly.';
COMMENT ON COLUMN v_claims_per_speaker.indirect IS 'Claims reported indirectly (paraphrased).';
COMMENT ON COLUMN v_claims_per_speaker.mixed IS 'Claims partly quoted, partly paraphrased.';
COMMENT ON COLUMN v_claims_per_speaker.cues IS 'The cues used (said, thinks, vowed, ...), alphabetically.';
COMMENT ON COLUMN v_claims_per_speaker.said IS 'Claims the speaker said (attribution_kind speech).';
COMMENT ON COLUMN v_claims_per_speaker.believes IS 'Claims the speaker is reported to believe (attribution_kind belief: thinks, believes, fears).';
COMMENT ON COLUMN v_claims_per_speaker.intends IS 'Claims of what the speaker intends (attribution_kind intention: vowed to, plans to).';
COMMENT ON COLUMN v_claims_per_speaker.other_stances IS 'Claims with another cue (attribution_kind other: has learned, found, shows).';
COMMENT ON COLUMN v_claims_per_speaker.mentions IS 'How articles word the speaker (He, the senator, ...).';
COMMENT ON COLUMN v_claims_per_speaker.mean_checkworthiness IS 'Average checkworthiness (0..1) of the speaker''s claims.';
COMMENT ON COLUMN v_claims_per_speaker.first_seen_at IS 'Earliest publication of one of the speaker''s claims (UTC).';
COMMENT ON COLUMN v_claims_per_speaker.last_seen_at IS 'Latest publication of one of the speaker''s claims (UTC).';
