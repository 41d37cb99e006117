-- Embedded claims not yet in a cluster, in the deterministic clustering order, with the
-- typed fields and speaker the same-claim rule compares and where each may cluster (claim kind, day).
-- Background descriptors ("Sen. X is R-Ariz.", kinds in $skip_kinds) cluster only with each
-- other within $window_days, and are stored only once two outlets carry one: so an
-- unclustered dated one is offered again while a claim of this run, or a claim still
-- waiting, was published within the window of it.
WITH anchor AS (
    SELECT DISTINCT a.published_at
    FROM claims c
    JOIN articles a ON a.article_id = c.article_id
    WHERE a.published_at IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.claim_id = c.claim_id)
      AND (c.run_id = $run_id OR NOT list_contains($skip_kinds::VARCHAR[], coalesce(c.claim_kind, 'clause')))
)
SELECT c.claim_id, e.embedding, c.text, c.numbers, c.polarity, c.entities, c.dates, c.speaker,
       list_contains($skip_kinds::VARCHAR[], coalesce(c.claim_kind, 'clause')) AS background,
       epoch(a.published_at) / 86400.0 AS day, c.source_id
FROM claims c
JOIN articles a   ON a.article_id = c.article_id
JOIN embeddings e ON e.text_hash = c.text_hash AND e.model = $model
WHERE NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.claim_id = c.claim_id)
  AND (NOT list_contains($skip_kinds::VARCHAR[], coalesce(c.claim_kind, 'clause'))
       OR (a.published_at IS NOT NULL
           AND EXISTS (SELECT 1 FROM anchor
                       WHERE abs(epoch(anchor.published_at) - epoch(a.published_at)) <= $window_days * 86400.0)))
ORDER BY a.published_at NULLS LAST, c.claim_id;
