-- Embedded claims not yet in a cluster, in the deterministic clustering order.
SELECT c.claim_id, e.embedding
FROM claims c
JOIN articles a   ON a.article_id = c.article_id
JOIN embeddings e ON e.text_hash = c.text_hash AND e.model = $model
WHERE NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.claim_id = c.claim_id)
ORDER BY a.published_at NULLS LAST, c.claim_id;
