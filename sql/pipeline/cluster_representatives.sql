-- Every existing cluster of this model with its representative's vector and fields,
-- in index order.
SELECT k.cluster_id, e.embedding, c.numbers, c.polarity, c.entities, c.dates
FROM clusters k
JOIN claims c     ON c.claim_id = k.representative_claim_id
JOIN embeddings e ON e.text_hash = c.text_hash AND e.model = k.model
WHERE k.model = $model
ORDER BY k.created_at, k.cluster_id;
