-- title: Claims only one outlet makes (claim-level blindspots)
-- question: Which claims does only one outlet make?
SELECT outlet,
       count(*)                          AS exclusive_clusters,
       arg_min(claim_text, claim_id)     AS example
FROM v_exclusive_clusters
GROUP BY outlet
ORDER BY exclusive_clusters DESC, outlet;
