-- New outlets of this batch (staged as new_articles).
INSERT INTO sources (source_id, name, kind, uri, first_seen_at, run_id)
SELECT source_id, any_value(source), any_value(kind), any_value(uri), $now, $run_id
FROM new_articles n
WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.source_id = n.source_id)
GROUP BY source_id;
