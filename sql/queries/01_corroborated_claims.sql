-- title: Claims several outlets agree on, and who reported them first
-- question: Which claims do several outlets agree on, and who reported them first?
SELECT representative_text AS claim,
       n_outlets,
       first_reporter,
       first_seen_at,
       n_variants          -- conflicting versions elsewhere (not counted as support)
FROM v_corroborated_clusters
ORDER BY n_outlets DESC, n_claims DESC, first_seen_at, cluster_id
LIMIT 8;
