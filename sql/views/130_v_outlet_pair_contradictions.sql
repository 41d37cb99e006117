-- Contradiction counts per outlet pair, next to how many clusters the pair shares.
CREATE OR REPLACE VIEW v_outlet_pair_contradictions AS
WITH pairs AS (
    SELECT least(source_a, source_b) AS source_a, greatest(source_a, source_b) AS source_b,
           count(*) AS contradictions,
           list(DISTINCT kind ORDER BY kind) AS kinds
    FROM v_contradictions
    GROUP BY ALL
)
SELECT a.source_a, a.source_b, a.shared_clusters, a.jaccard,
       coalesce(p.contradictions, 0) AS contradictions,
       coalesce(p.kinds, [])          AS kinds
FROM v_source_agreement a
LEFT JOIN pairs p ON p.source_a = a.source_a AND p.source_b = a.source_b
WHERE a.source_a < a.source_b;
