-- Every embedded claim, in the deterministic clustering order (used by recluster).
SELECT c.claim_id, e.embedding, c.text, c.numbers, c.polarity, c.entities, c.dates
FROM claims c
JOIN articles a   ON a.article_id = c.article_id
JOIN embeddings e ON e.text_hash = c.text_hash AND e.model = $model
  -- background descriptors ("Sen. X is R-Ariz.") are stored, not clustered across stories
WHERE NOT list_contains($skip_kinds::VARCHAR[], coalesce(c.claim_kind, 'clause'))
ORDER BY a.published_at NULLS LAST, c.claim_id;
