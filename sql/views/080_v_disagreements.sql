-- Contradictions: two outlets telling the same claim with a different number, date, person
-- or polarity. The verifier records a claim as a *variant* of a cluster when the pair would
-- be the same claim but for those fields (claim_variants); the contradiction then holds
-- between the two clusters, so every outlet carrying one value is paired with every outlet
-- carrying the other. One row per pair of claims and differing field.
CREATE OR REPLACE VIEW v_contradictions AS
WITH variant_fields AS (
    SELECT v.cluster_id,
           v.claim_id                      AS variant_claim_id,
           v.similarity,
           unnest(v.differing)             AS field,
           unnest(v.representative_values) AS value_a,
           unnest(v.claim_values)          AS value_b
    FROM claim_variants v
),
pairs AS (
    SELECT f.cluster_id, f.field, f.value_a, f.value_b, f.similarity,
           a.claim_id AS claim_id_a, b.claim_id AS claim_id_b
    FROM variant_fields f
    JOIN cluster_members vm ON vm.claim_id = f.variant_claim_id          -- the variant's own cluster
    JOIN cluster_members a  ON a.cluster_id = f.cluster_id                -- one value
    JOIN cluster_members b  ON b.cluster_id = vm.cluster_id               -- the other value
    WHERE vm.cluster_id <> f.cluster_id
),
distinct_pairs AS (
    SELECT DISTINCT ON (claim_id_a, claim_id_b, field) *
    FROM pairs
    ORDER BY claim_id_a, claim_id_b, field, similarity DESC
)
SELECT r.cluster_id,
       CASE r.field WHEN 'numbers' THEN 'number' WHEN 'dates' THEN 'date'
                    WHEN 'people' THEN 'person' ELSE r.field END AS kind,
       sa.name AS source_a, ca.text AS claim_a, r.value_a,
       sb.name AS source_b, cb.text AS claim_b, r.value_b,
       r.similarity,
       r.claim_id_a, r.claim_id_b
FROM distinct_pairs r
JOIN claims ca  ON ca.claim_id = r.claim_id_a
JOIN claims cb  ON cb.claim_id = r.claim_id_b
JOIN sources sa ON sa.source_id = ca.source_id
JOIN sources sb ON sb.source_id = cb.source_id
WHERE ca.source_id <> cb.source_id;

-- Kept for queries written against the first schema: same rows as v_contradictions.
CREATE OR REPLACE VIEW v_disagreements AS
SELECT cluster_id, kind, source_a, claim_a, value_a, source_b, claim_b, value_b, claim_id_a, claim_id_b
FROM v_contradictions;
