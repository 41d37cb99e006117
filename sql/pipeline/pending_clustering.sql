-- Embedded claims not yet in a cluster, in the deterministic clustering order, with the
-- typed fields the same-claim rule compares.
SELECT c.claim_id, e.embedding, c.text, c.numbers, c.polarity, c.entities, c.dates
FROM claims c
JOIN articles a   ON a.article_id = c.article_id
JOIN embeddings e ON e.text_hash = c.text_hash AND e.model = $model
WHERE NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.claim_id = c.claim_id)
  -- background descriptors ("Sen. X is R-Ariz.") are stored, not clustered across stories
  AND NOT list_contains($skip_kinds::VARCHAR[], coalesce(c.claim_kind, 'clause'))
ORDER BY a.published_at NULLS LAST, c.claim_id;
