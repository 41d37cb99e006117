-- One row per speaker: how many claims are attributed to them, by how many outlets, in
-- which forms (direct / indirect / mixed quotes), with which cues, and when.
CREATE OR REPLACE VIEW v_claims_per_speaker AS
SELECT speaker,
       count(*)                                        AS claims,
       count(DISTINCT cluster_id)                      AS distinct_claims,
       count(DISTINCT reported_by)                     AS outlets,
       count(*) FILTER (WHERE quote_kind = 'direct')   AS direct_quotes,
       count(*) FILTER (WHERE quote_kind = 'indirect') AS indirect,
       count(*) FILTER (WHERE quote_kind = 'mixed')    AS mixed,
       list(DISTINCT cue ORDER BY cue)                 AS cues,
       list(DISTINCT speaker_mention ORDER BY speaker_mention) AS mentions,
       round(avg(checkworthiness), 2)                  AS mean_checkworthiness,
       min(published_at)                               AS first_seen_at,
       max(published_at)                               AS last_seen_at
FROM v_speaker_claims
GROUP BY speaker;
