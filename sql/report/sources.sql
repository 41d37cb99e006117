SELECT s.name AS source, gm.group_name, count(DISTINCT a.article_id) AS articles
FROM sources s
JOIN v_source_group_members gm ON gm.source_id = s.source_id
LEFT JOIN articles a ON a.source_id = s.source_id
GROUP BY ALL
ORDER BY s.name;
