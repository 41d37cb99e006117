-- title: Contradictions per pair of outlets, next to how much they agree
-- question: Which pairs of outlets contradict each other, and how often relative to what they share?
SELECT source_a, source_b, shared_clusters, jaccard, contradictions, kinds
FROM v_outlet_pair_contradictions
WHERE contradictions > 0
ORDER BY contradictions DESC, source_a, source_b;
