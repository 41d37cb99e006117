-- Clusters of the given stories, most widely carried first.
SELECT DISTINCT s.story_id, k.cluster_id, k.representative_text, k.n_outlets, k.n_claims,
       k.first_reporter, k.first_seen_at, k.n_variants
FROM v_clusters k
JOIN v_claim_clusters cc ON cc.cluster_id = k.cluster_id
JOIN v_article_stories s ON s.article_id = cc.article_id
WHERE s.story_id IN (SELECT unnest($stories::VARCHAR[]))
ORDER BY s.story_id, k.n_outlets DESC, k.first_seen_at, k.cluster_id;
