SELECT outlet_a, outlet_b, shared_clusters, jaccard, clusters_a
FROM v_outlet_agreement
ORDER BY outlet_a, outlet_b;
