-- title: How one claim spread: each outlet's version in order, hours after the first
-- question: For the most widely carried claim about the footbridge, who said it when, and how far behind the first report?
SELECT position, seen_at, outlet, hours_after_first, claim_text
FROM v_claim_timeline
WHERE cluster_id = (
    SELECT cluster_id FROM v_corroborated_clusters
    WHERE representative_text ILIKE '%bridge%'
    ORDER BY n_outlets DESC, first_seen_at, cluster_id
    LIMIT 1
)
ORDER BY position;
