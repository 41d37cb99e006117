INSERT INTO http_cache (url, etag, last_modified, status, fetched_at, final_url, content_hash, content_type)
VALUES ($url, $etag, $last_modified, $status, $fetched_at, $final_url, $content_hash, $content_type)
ON CONFLICT (url) DO UPDATE SET
    etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, status = EXCLUDED.status,
    fetched_at = EXCLUDED.fetched_at, final_url = EXCLUDED.final_url,
    content_hash = EXCLUDED.content_hash, content_type = EXCLUDED.content_type;
