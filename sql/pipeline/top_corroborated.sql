SELECT representative_text, n_outlets, n_claims, first_reporter, first_seen_at
FROM v_corroborated_clusters
ORDER BY n_outlets DESC, n_claims DESC, first_seen_at, cluster_id
LIMIT $limit;
