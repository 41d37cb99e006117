-- Clustered background descriptors (kinds in $skip_kinds) published between $day_from and
-- $day_to (days since the epoch), under their cluster's id: the candidate index of the
-- background claims offered in this run (they only cluster within a few days).
SELECT m.cluster_id, e.embedding
FROM cluster_members m
JOIN clusters k   ON k.cluster_id = m.cluster_id
JOIN claims c     ON c.claim_id = m.claim_id
JOIN articles a   ON a.article_id = c.article_id
JOIN embeddings e ON e.text_hash = c.text_hash AND e.model = k.model
WHERE k.model = $model AND list_contains($skip_kinds::VARCHAR[], coalesce(c.claim_kind, 'clause'))
  AND epoch(a.published_at) / 86400.0 BETWEEN $day_from AND $day_to
ORDER BY k.created_at, a.published_at NULLS LAST, c.claim_id;
