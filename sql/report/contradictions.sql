-- Every contradiction with both values, when each outlet published its version and a link
-- to both articles (the report's table and each card's "other value" badge).
SELECT c.cluster_id, c.kind, c.outlet_a, c.claim_a, c.value_a, c.outlet_b, c.claim_b, c.value_b,
       c.similarity, c.claim_id_a, c.claim_id_b, sa.story_id,
       coalesce(aa.published_at, aa.fetched_at) AS seen_at_a, aa.url AS url_a, aa.title AS title_a,
       coalesce(ab.published_at, ab.fetched_at) AS seen_at_b, ab.url AS url_b, ab.title AS title_b
FROM v_contradictions c
LEFT JOIN claims ca   ON ca.claim_id = c.claim_id_a
LEFT JOIN articles aa ON aa.article_id = ca.article_id
LEFT JOIN claims cb   ON cb.claim_id = c.claim_id_b
LEFT JOIN articles ab ON ab.article_id = cb.article_id
LEFT JOIN v_article_stories sa ON sa.article_id = ca.article_id
ORDER BY c.kind, c.outlet_a, c.outlet_b, c.claim_a;
