-- The conditional-GET validators of every URL fetched before.
SELECT url, etag, last_modified, status, fetched_at, final_url, content_hash, content_type
FROM http_cache;
