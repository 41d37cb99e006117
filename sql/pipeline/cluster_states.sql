-- Every member of the given clusters with what the same-claim verifier reads (vector, text,
-- typed fields and speaker) and where it clusters (claim kind, day), the representative first, then
-- members in the order they joined.
SELECT m.cluster_id, c.claim_id, c.claim_id = k.representative_claim_id AS is_representative,
       e.embedding, c.text, c.numbers, c.polarity, c.entities, c.dates, c.speaker,
       coalesce(c.claim_kind, 'clause') AS claim_kind, epoch(a.published_at) / 86400.0 AS day
FROM cluster_members m
JOIN clusters k   ON k.cluster_id = m.cluster_id
JOIN claims c     ON c.claim_id = m.claim_id
JOIN articles a   ON a.article_id = c.article_id
JOIN embeddings e ON e.text_hash = c.text_hash AND e.model = k.model
WHERE m.cluster_id IN (SELECT unnest($ids::VARCHAR[]))
ORDER BY m.cluster_id, is_representative DESC, a.published_at NULLS LAST, c.claim_id;
