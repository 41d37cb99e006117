SELECT c.*, sa.story_id
FROM v_contradictions c
LEFT JOIN claims ca ON ca.claim_id = c.claim_id_a
LEFT JOIN v_article_stories sa ON sa.article_id = ca.article_id
ORDER BY c.kind, c.source_a, c.source_b, c.claim_a;
