-- Articles the current extractor has not processed yet.
SELECT a.article_id, a.source_id, a.text
FROM articles a
WHERE NOT EXISTS (
    SELECT 1 FROM article_extractions x
    WHERE x.article_id = a.article_id AND x.extractor_version = $extractor_version
)
ORDER BY a.article_id;
