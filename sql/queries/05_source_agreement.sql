-- title: Outlet agreement matrix
-- question: How much does each pair of outlets overlap, claim by claim?
SELECT outlet_a,
       outlet_b,
       shared_clusters,
       jaccard
FROM v_outlet_agreement
WHERE outlet_a < outlet_b
ORDER BY jaccard DESC, outlet_a, outlet_b;
