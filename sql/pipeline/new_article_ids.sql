-- Staged articles that are not stored yet (the same test as insert_new_articles.sql).
SELECT article_id
FROM new_articles n
WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = n.article_id)
  AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.source_id = n.source_id AND a.content_hash = n.content_hash);
