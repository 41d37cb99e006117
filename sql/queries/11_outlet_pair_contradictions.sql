-- title: Contradictions per pair of outlets, next to how much they agree
-- question: Which pairs of outlets contradict each other, and how often relative to what they share?
SELECT outlet_a, outlet_b, shared_clusters, jaccard, contradictions, kinds
FROM v_outlet_pair_contradictions
WHERE contradictions > 0
ORDER BY contradictions DESC, outlet_a, outlet_b;
