-- Identifies the set of clustered claims a saved candidate index was built from.
SELECT count(*), coalesce(max(k.created_at)::VARCHAR, ''), coalesce(max(m.claim_id), '') || '/' || count(DISTINCT k.cluster_id)
FROM cluster_members m
JOIN clusters k ON k.cluster_id = m.cluster_id
WHERE k.model = $model;
