-- title: Stories (events) and who broke them
-- question: Which stories do the outlets cover, how widely, and which outlet was first on each?
SELECT first_title, n_articles, n_outlets, first_outlet, first_seen_at
FROM v_stories
ORDER BY first_seen_at;
