-- Per configured source (spec): staged articles not already stored (same rule as count_new_articles.sql).
SELECT spec,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = n.article_id)
                         AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.source_id = n.source_id AND a.content_hash = n.content_hash)) AS new
FROM new_articles n
GROUP BY spec;
