-- Every URL of this batch's web articles (staged as new_urls: url, article_id, source_id,
-- content_hash, link), pointed at the article actually stored: the same id, else the same
-- outlet's identical text (a syndicated copy: link = 'duplicate').
INSERT INTO article_urls (url, article_id, source_id, link, first_seen_at, run_id)
SELECT url,
       min(resolved_id),
       min(source_id),
       CASE WHEN bool_and(resolved_id = article_id) THEN min(link) ELSE 'duplicate' END,
       $now,
       $run_id
FROM (
    SELECT u.url, u.article_id, u.source_id, u.link,
           coalesce(
               (SELECT a.article_id FROM articles a WHERE a.article_id = u.article_id),
               (SELECT min(a.article_id) FROM articles a
                 WHERE a.source_id = u.source_id AND a.content_hash = u.content_hash)
           ) AS resolved_id
    FROM new_urls u
) r
WHERE resolved_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM article_urls x WHERE x.url = r.url)
GROUP BY url;
