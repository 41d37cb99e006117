-- Every embedded claim, in the deterministic clustering order (used by recluster), with
-- where each may cluster: background descriptors (kinds in $skip_kinds) only with each other
-- and only when dated (see pending_clustering.sql).
SELECT c.claim_id, e.embedding, c.text, c.numbers, c.polarity, c.entities, c.dates, c.speaker,
       list_contains($skip_kinds::VARCHAR[], coalesce(c.claim_kind, 'clause')) AS background,
       epoch(a.published_at) / 86400.0 AS day, c.source_id
FROM claims c
JOIN articles a   ON a.article_id = c.article_id
JOIN embeddings e ON e.text_hash = c.text_hash AND e.model = $model
WHERE NOT list_contains($skip_kinds::VARCHAR[], coalesce(c.claim_kind, 'clause')) OR a.published_at IS NOT NULL
ORDER BY a.published_at NULLS LAST, c.claim_id;
