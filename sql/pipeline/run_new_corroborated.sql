-- Clusters that became corroborated (2+ outlets) in run $run_id: 2+ outlets now, fewer
-- before this run's claims joined.
SELECT v.representative_text AS claim, v.n_outlets, v.first_reporter, v.first_seen_at, v.cluster_id
FROM v_corroborated_clusters v
WHERE v.cluster_id IN (
    SELECT m.cluster_id
    FROM cluster_members m
    JOIN claims c ON c.claim_id = m.claim_id
    GROUP BY m.cluster_id
    HAVING count(DISTINCT c.source_id) FILTER (WHERE m.run_id <> $run_id) < 2
       AND bool_or(m.run_id = $run_id)
)
ORDER BY v.n_outlets DESC, v.first_seen_at, v.cluster_id
LIMIT $limit;
