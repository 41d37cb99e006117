-- Every clustered claim of this model with its vector, under its cluster's id: the candidate
-- index (a claim's candidates are the clusters of its nearest clustered claims), in the
-- order the claims were clustered. Background descriptors (kinds in $skip_kinds) are
-- clustered apart (background_vectors.sql) and are not in it.
SELECT m.cluster_id, e.embedding
FROM cluster_members m
JOIN clusters k   ON k.cluster_id = m.cluster_id
JOIN claims c     ON c.claim_id = m.claim_id
JOIN articles a   ON a.article_id = c.article_id
JOIN embeddings e ON e.text_hash = c.text_hash AND e.model = k.model
WHERE k.model = $model AND NOT list_contains($skip_kinds::VARCHAR[], coalesce(c.claim_kind, 'clause'))
ORDER BY k.created_at, a.published_at NULLS LAST, c.claim_id;
