-- Source agreement matrix: for each pair of outlets, the clusters both carry and their Jaccard.
CREATE OR REPLACE VIEW v_source_agreement AS
WITH sc AS (
    SELECT DISTINCT source, cluster_id FROM v_claim_clusters
),
totals AS (
    SELECT source, count(*) AS n_clusters FROM sc GROUP BY source
),
shared AS (
    SELECT a.source AS source_a, b.source AS source_b, count(*) AS shared_clusters
    FROM sc a
    JOIN sc b ON a.cluster_id = b.cluster_id AND a.source <> b.source
    GROUP BY ALL
)
SELECT ta.source AS source_a,
       tb.source AS source_b,
       coalesce(s.shared_clusters, 0) AS shared_clusters,
       ta.n_clusters AS clusters_a,
       tb.n_clusters AS clusters_b,
       round(coalesce(s.shared_clusters, 0)
             / (ta.n_clusters + tb.n_clusters - coalesce(s.shared_clusters, 0)), 3) AS jaccard
FROM totals ta
JOIN totals tb ON ta.source <> tb.source
LEFT JOIN shared s ON s.source_a = ta.source AND s.source_b = tb.source;
