INSERT INTO robots_txt (origin, status, body, fetched_at) VALUES ($origin, $status, $body, $fetched_at)
ON CONFLICT (origin) DO UPDATE SET status = EXCLUDED.status, body = EXCLUDED.body, fetched_at = EXCLUDED.fetched_at;
