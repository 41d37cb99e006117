SELECT story_id, first_title, n_articles, n_outlets, outlets, first_seen_at, last_seen_at, first_outlet
FROM v_stories
ORDER BY n_outlets DESC, first_seen_at, story_id
LIMIT $limit;
