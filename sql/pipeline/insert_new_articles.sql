INSERT INTO articles (article_id, source_id, url, title, published_at, fetched_at, language, text, content_hash, origin, run_id, author)
SELECT article_id, source_id, url, title, published_at, $now, language, text, content_hash, origin, $run_id, author
FROM new_articles n
WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = n.article_id)
  AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.source_id = n.source_id AND a.content_hash = n.content_hash);
