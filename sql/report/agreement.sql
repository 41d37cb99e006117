SELECT source_a, source_b, shared_clusters, jaccard, clusters_a
FROM v_source_agreement
ORDER BY source_a, source_b;
