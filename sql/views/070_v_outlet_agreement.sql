-- Outlet agreement matrix: for each ordered pair of outlets, the clusters both carry and their Jaccard.
CREATE OR REPLACE VIEW v_outlet_agreement AS
WITH oc AS (
    SELECT DISTINCT outlet, cluster_id FROM v_claim_clusters
),
totals AS (
    SELECT outlet, count(*) AS n_clusters FROM oc GROUP BY outlet
),
shared AS (
    SELECT a.outlet AS outlet_a, b.outlet AS outlet_b, count(*) AS shared_clusters
    FROM oc a
    JOIN oc b ON a.cluster_id = b.cluster_id AND a.outlet <> b.outlet
    GROUP BY ALL
)
SELECT ta.outlet AS outlet_a,
       tb.outlet AS outlet_b,
       coalesce(s.shared_clusters, 0) AS shared_clusters,
       ta.n_clusters AS clusters_a,
       tb.n_clusters AS clusters_b,
       round(coalesce(s.shared_clusters, 0)
             / (ta.n_clusters + tb.n_clusters - coalesce(s.shared_clusters, 0)), 3) AS jaccard
FROM totals ta
JOIN totals tb ON ta.outlet <> tb.outlet
LEFT JOIN shared s ON s.outlet_a = ta.outlet AND s.outlet_b = tb.outlet;

COMMENT ON VIEW v_outlet_agreement IS 'Outlet agreement matrix: one row per ordered pair of outlets (both directions), the clusters both carry and their Jaccard similarity.';
COMMENT ON COLUMN v_outlet_agreement.outlet_a IS 'One outlet of the pair.';
COMMENT ON COLUMN v_outlet_agreement.outlet_b IS 'The other outlet of the pair.';
COMMENT ON COLUMN v_outlet_agreement.shared_clusters IS 'Clusters both outlets carry.';
COMMENT ON COLUMN v_outlet_agreement.clusters_a IS 'Clusters outlet_a carries.';
COMMENT ON COLUMN v_outlet_agreement.clusters_b IS 'Clusters outlet_b carries.';
COMMENT ON COLUMN v_outlet_agreement.jaccard IS 'shared_clusters / clusters either outlet carries (0..1, 3 decimals).';
