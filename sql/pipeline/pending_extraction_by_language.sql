-- Articles the current extractor has not processed yet, with their language. With
-- $non_english, articles skipped earlier for their language are processed again.
SELECT a.article_id, a.source_id, a.text, a.language
FROM articles a
WHERE NOT EXISTS (
    SELECT 1 FROM article_extractions x
    WHERE x.article_id = a.article_id AND x.extractor_version = $extractor_version
      AND NOT ($non_english AND coalesce(x.dropped['non_english_article'], 0) > 0)
)
ORDER BY a.article_id;
