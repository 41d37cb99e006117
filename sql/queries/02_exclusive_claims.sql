-- title: Claims only one outlet makes (claim-level blindspots)
-- question: Which claims does only one outlet make?
SELECT source,
       count(*)                          AS exclusive_claims,
       arg_min(claim_text, claim_id)     AS example
FROM v_exclusive_claims
GROUP BY source
ORDER BY exclusive_claims DESC, source;
