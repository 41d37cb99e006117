-- Identifies the set of clustered claims a saved candidate index was built from (background
-- descriptors, kinds in $skip_kinds, are clustered apart and are not in it).
SELECT count(*), coalesce(max(k.created_at)::VARCHAR, ''), coalesce(max(m.claim_id), '') || '/' || count(DISTINCT k.cluster_id)
FROM cluster_members m
JOIN clusters k ON k.cluster_id = m.cluster_id
JOIN claims c   ON c.claim_id = m.claim_id
WHERE k.model = $model AND NOT list_contains($skip_kinds::VARCHAR[], coalesce(c.claim_kind, 'clause'));
