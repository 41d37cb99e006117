-- What each speaker said, according to which outlet, over time. `speaker` is resolved to
-- the name the article gives ("He" -> "Marco Rubio"); `speaker_mention` is the wording;
-- `cue` is the verb as worded and `attribution_kind` what it reports (speech / belief /
-- intention / other), so "said" and "believes" can be told apart.
CREATE OR REPLACE VIEW v_speaker_claims AS
SELECT cc.speaker,
       cc.claim_text,
       cc.cue,
       c.attribution_kind,
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
       c.checkworthiness,
       cc.outlet
FROM v_claim_clusters cc
JOIN v_clusters k ON k.cluster_id = cc.cluster_id
JOIN claims c     ON c.claim_id = cc.claim_id
WHERE cc.speaker IS NOT NULL;

COMMENT ON VIEW v_speaker_claims IS 'One row per clustered claim that is attributed to a speaker: what each speaker said, according to which outlet, over time.';
COMMENT ON COLUMN v_speaker_claims.speaker IS 'Who the claim is attributed to, resolved to the name the article gives (He -> Marco Rubio).';
COMMENT ON COLUMN v_speaker_claims.claim_text IS 'The claim as extracted (speaker and pronouns resolved).';
COMMENT ON COLUMN v_speaker_claims.cue IS 'The cue as worded (said, told, thinks, vowed, has learned, according to, ...).';
COMMENT ON COLUMN v_speaker_claims.attribution_kind IS 'What the cue reports: speech | belief | intention | other (said vs thinks vs vowed to vs has learned).';
COMMENT ON COLUMN v_speaker_claims.quote_kind IS 'direct | indirect | mixed: how the claim is quoted.';
COMMENT ON COLUMN v_speaker_claims.reported_by IS 'Deprecated: the same as outlet (removed in the next version).';
COMMENT ON COLUMN v_speaker_claims.published_at IS 'When the article was published (UTC), NULL when unknown.';
COMMENT ON COLUMN v_speaker_claims.cluster_id IS 'The claim''s cluster.';
COMMENT ON COLUMN v_speaker_claims.cluster_outlets IS 'How many outlets carry that cluster (2+ = corroborated).';
COMMENT ON COLUMN v_speaker_claims.claim_id IS 'The claim (claims.claim_id).';
COMMENT ON COLUMN v_speaker_claims.speaker_mention IS 'The speaker as worded in the sentence (He, the senator, ...).';
COMMENT ON COLUMN v_speaker_claims.original_text IS 'The claim in the article''s own wording, before resolution.';
COMMENT ON COLUMN v_speaker_claims.claim_kind IS 'Construction the claim came from: clause | relative | appositive | title | description | participial.';
COMMENT ON COLUMN v_speaker_claims.polarity IS 'positive | negative.';
COMMENT ON COLUMN v_speaker_claims.hedge IS 'Hedging word (may, reportedly, ...), NULL if none.';
COMMENT ON COLUMN v_speaker_claims.numbers IS 'Numbers stated in the claim, normalised.';
COMMENT ON COLUMN v_speaker_claims.dates IS 'ISO dates the claim states, resolved against the publication date.';
COMMENT ON COLUMN v_speaker_claims.checkworthiness IS '0..1: how much the claim is worth checking (numbers, named speakers, specifics).';
COMMENT ON COLUMN v_speaker_claims.outlet IS 'The outlet whose article reports the claim.';
