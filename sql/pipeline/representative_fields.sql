-- The typed fields of the representatives of the given clusters.
SELECT k.cluster_id, c.numbers, c.polarity, c.entities, c.dates
FROM clusters k
JOIN claims c ON c.claim_id = k.representative_claim_id
WHERE k.cluster_id IN (SELECT unnest($ids::VARCHAR[]));
