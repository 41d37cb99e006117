-- Disagreements (v_disagreements) involving a claim clustered in run $run_id.
SELECT d.kind, d.source_a, d.value_a, d.source_b, d.value_b, d.claim_a, d.claim_b
FROM v_disagreements d
JOIN cluster_members ma ON ma.claim_id = d.claim_id_a
JOIN cluster_members mb ON mb.claim_id = d.claim_id_b
WHERE ma.run_id = $run_id OR mb.run_id = $run_id
ORDER BY d.kind, d.source_a, d.source_b, d.claim_a
LIMIT $limit;
