-- title: Source agreement matrix
-- question: How much does each pair of outlets overlap, claim by claim?
SELECT source_a,
       source_b,
       shared_clusters,
       jaccard
FROM v_source_agreement
WHERE source_a < source_b
ORDER BY jaccard DESC, source_a, source_b;
