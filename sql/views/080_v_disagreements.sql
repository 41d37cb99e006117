-- Where outlets disagree: two outlets' claims in the same cluster (so near-identical
-- wording) whose numbers or polarity differ. One row per pair of claims.
CREATE OR REPLACE VIEW v_disagreements AS
SELECT a.cluster_id,
       CASE WHEN list_sort(a.numbers) <> list_sort(b.numbers) THEN 'number' ELSE 'polarity' END AS kind,
       a.source     AS source_a,
       a.claim_text AS claim_a,
       CASE WHEN list_sort(a.numbers) <> list_sort(b.numbers)
            THEN array_to_string(a.numbers, ', ') ELSE a.polarity END AS value_a,
       b.source     AS source_b,
       b.claim_text AS claim_b,
       CASE WHEN list_sort(a.numbers) <> list_sort(b.numbers)
            THEN array_to_string(b.numbers, ', ') ELSE b.polarity END AS value_b,
       a.claim_id   AS claim_id_a,
       b.claim_id   AS claim_id_b
FROM v_claim_clusters a
JOIN v_claim_clusters b
  ON a.cluster_id = b.cluster_id
 AND a.source_id < b.source_id
WHERE (len(a.numbers) > 0 AND len(b.numbers) > 0 AND list_sort(a.numbers) <> list_sort(b.numbers))
   OR a.polarity <> b.polarity;
