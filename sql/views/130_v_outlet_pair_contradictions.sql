-- Contradiction counts per outlet pair, next to how many clusters the pair shares.
CREATE OR REPLACE VIEW v_outlet_pair_contradictions AS
WITH pairs AS (
    SELECT least(outlet_a, outlet_b) AS outlet_a, greatest(outlet_a, outlet_b) AS outlet_b,
           count(*) AS contradictions,
           list(DISTINCT kind ORDER BY kind) AS kinds
    FROM v_contradictions
    GROUP BY ALL
)
SELECT a.outlet_a, a.outlet_b, a.shared_clusters, a.jaccard,
       coalesce(p.contradictions, 0) AS contradictions,
       coalesce(p.kinds, [])          AS kinds,
       a.outlet_a AS source_a,   -- deprecated: outlet_a
       a.outlet_b AS source_b    -- deprecated: outlet_b
FROM v_outlet_agreement a
LEFT JOIN pairs p ON p.outlet_a = a.outlet_a AND p.outlet_b = a.outlet_b
WHERE a.outlet_a < a.outlet_b;

COMMENT ON VIEW v_outlet_pair_contradictions IS 'One row per unordered pair of outlets: the clusters they share and how many contradictions hold between them.';
COMMENT ON COLUMN v_outlet_pair_contradictions.outlet_a IS 'The alphabetically first outlet of the pair.';
COMMENT ON COLUMN v_outlet_pair_contradictions.outlet_b IS 'The other outlet.';
COMMENT ON COLUMN v_outlet_pair_contradictions.shared_clusters IS 'Clusters both outlets carry.';
COMMENT ON COLUMN v_outlet_pair_contradictions.jaccard IS 'Jaccard similarity of the clusters they carry (0..1).';
COMMENT ON COLUMN v_outlet_pair_contradictions.contradictions IS 'Contradictions (rows of v_contradictions) between the two outlets.';
COMMENT ON COLUMN v_outlet_pair_contradictions.kinds IS 'Kinds of those contradictions (number, date, person, polarity).';
COMMENT ON COLUMN v_outlet_pair_contradictions.source_a IS 'Deprecated: the same as outlet_a (removed in the next version).';
COMMENT ON COLUMN v_outlet_pair_contradictions.source_b IS 'Deprecated: the same as outlet_b (removed in the next version).';
