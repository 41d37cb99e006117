-- Staged articles not already stored (by id, or by the same outlet's identical content).
SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = n.article_id)
                         AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.source_id = n.source_id AND a.content_hash = n.content_hash)),
       count(*)
FROM new_articles n;
