-- Claim texts with no vector yet for this model/backend (each text once).
SELECT c.text_hash, min(c.text) AS text
FROM claims c
WHERE NOT EXISTS (
    SELECT 1 FROM embeddings e WHERE e.model = $model AND e.text_hash = c.text_hash
)
GROUP BY c.text_hash
ORDER BY c.text_hash;
