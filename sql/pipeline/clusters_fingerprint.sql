-- Identifies the set of clusters a saved candidate index was built from.
SELECT count(*), coalesce(max(created_at)::VARCHAR, ''), coalesce(max(cluster_id), '')
FROM clusters
WHERE model = $model;
