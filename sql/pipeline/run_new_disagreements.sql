-- Contradictions (v_contradictions) involving a claim clustered in run $run_id. (The file keeps
-- its old name because flows/pipeline.py loads it by name.)
SELECT d.kind, d.outlet_a, d.value_a, d.outlet_b, d.value_b, d.claim_a, d.claim_b
FROM v_contradictions d
JOIN cluster_members ma ON ma.claim_id = d.claim_id_a
JOIN cluster_members mb ON mb.claim_id = d.claim_id_b
WHERE ma.run_id = $run_id OR mb.run_id = $run_id
ORDER BY d.kind, d.outlet_a, d.outlet_b, d.claim_a
LIMIT $limit;
