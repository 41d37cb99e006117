-- Every article with what story grouping reads: title and text (for the lead vector), when
-- it was published, the entities of its claims, the clusters its claims joined, and its
-- story if it already has one.
SELECT a.article_id,
       a.title,
       a.text,
       a.published_at,
       coalesce((SELECT flatten(list(c.entities)) FROM claims c WHERE c.article_id = a.article_id), []) AS entities,
       coalesce((SELECT list(DISTINCT m.cluster_id) FROM claims c JOIN cluster_members m ON m.claim_id = c.claim_id
                 WHERE c.article_id = a.article_id), []) AS clusters,
       s.story_id
FROM articles a
LEFT JOIN article_stories s ON s.article_id = a.article_id
ORDER BY a.published_at NULLS LAST, a.article_id;
