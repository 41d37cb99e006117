-- Contradictions: the same claim (cosine within the threshold) told with a different
-- number, date, person or polarity by two outlets. One row per differing field.
--  * variants: a claim kept out of a cluster because it conflicts with the representative;
--  * in-cluster pairs: two members whose numbers differ (when the representative had none).
CREATE OR REPLACE VIEW v_contradictions AS
WITH variant_rows AS (
    SELECT v.cluster_id,
           unnest(v.differing)             AS field,
           unnest(v.representative_values) AS value_a,
           unnest(v.claim_values)          AS value_b,
           k.representative_claim_id       AS claim_id_a,
           v.claim_id                      AS claim_id_b,
           v.similarity
    FROM claim_variants v
    JOIN clusters k ON k.cluster_id = v.cluster_id
),
member_rows AS (
    SELECT a.cluster_id, 'numbers' AS field,
           array_to_string(a.numbers, ', ') AS value_a,
           array_to_string(b.numbers, ', ') AS value_b,
           a.claim_id AS claim_id_a, b.claim_id AS claim_id_b,
           NULL::DOUBLE AS similarity
    FROM v_claim_clusters a
    JOIN v_claim_clusters b
      ON a.cluster_id = b.cluster_id AND a.source_id < b.source_id
    WHERE len(a.numbers) > 0 AND len(b.numbers) > 0 AND list_sort(a.numbers) <> list_sort(b.numbers)
)
SELECT r.cluster_id,
       CASE r.field WHEN 'numbers' THEN 'number' WHEN 'dates' THEN 'date'
                    WHEN 'people' THEN 'person' ELSE r.field END AS kind,
       sa.name AS source_a, ca.text AS claim_a, r.value_a,
       sb.name AS source_b, cb.text AS claim_b, r.value_b,
       r.similarity,
       r.claim_id_a, r.claim_id_b
FROM (SELECT * FROM variant_rows UNION ALL SELECT * FROM member_rows) r
JOIN claims ca  ON ca.claim_id = r.claim_id_a
JOIN claims cb  ON cb.claim_id = r.claim_id_b
JOIN sources sa ON sa.source_id = ca.source_id
JOIN sources sb ON sb.source_id = cb.source_id
WHERE ca.source_id <> cb.source_id;

-- Kept for queries written against the first schema: same rows as v_contradictions.
CREATE OR REPLACE VIEW v_disagreements AS
SELECT cluster_id, kind, source_a, claim_a, value_a, source_b, claim_b, value_b, claim_id_a, claim_id_b
FROM v_contradictions;
