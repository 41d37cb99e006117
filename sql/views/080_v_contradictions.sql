-- Contradictions (one word for every kind): two outlets telling the same claim with a different number, date, person
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
       r.claim_id_a, r.claim_id_b,
       sa.name AS outlet_a,
       sb.name AS outlet_b
FROM distinct_pairs r
JOIN claims ca  ON ca.claim_id = r.claim_id_a
JOIN claims cb  ON cb.claim_id = r.claim_id_b
JOIN sources sa ON sa.source_id = ca.source_id
JOIN sources sb ON sb.source_id = cb.source_id
WHERE ca.source_id <> cb.source_id;

COMMENT ON VIEW v_contradictions IS 'Contradictions, one word for every kind: two outlets telling the same claim with a different number, date, person or polarity. One row per pair of claims and differing field.';
COMMENT ON COLUMN v_contradictions.cluster_id IS 'The cluster whose representative the variant conflicts with (the claim_a side).';
COMMENT ON COLUMN v_contradictions.kind IS 'What differs: number | date | person | polarity.';
COMMENT ON COLUMN v_contradictions.source_a IS 'Deprecated: the same as outlet_a (removed in the next version).';
COMMENT ON COLUMN v_contradictions.claim_a IS 'One outlet''s claim.';
COMMENT ON COLUMN v_contradictions.value_a IS 'The value claim_a states for the differing field.';
COMMENT ON COLUMN v_contradictions.source_b IS 'Deprecated: the same as outlet_b (removed in the next version).';
COMMENT ON COLUMN v_contradictions.claim_b IS 'The other outlet''s claim.';
COMMENT ON COLUMN v_contradictions.value_b IS 'The value claim_b states for the differing field.';
COMMENT ON COLUMN v_contradictions.similarity IS 'Cosine between the variant and the representative it conflicts with.';
COMMENT ON COLUMN v_contradictions.claim_id_a IS 'claims.claim_id of claim_a.';
COMMENT ON COLUMN v_contradictions.claim_id_b IS 'claims.claim_id of claim_b.';
COMMENT ON COLUMN v_contradictions.outlet_a IS 'The outlet of claim_a.';
COMMENT ON COLUMN v_contradictions.outlet_b IS 'The outlet of claim_b (never the same as outlet_a).';
