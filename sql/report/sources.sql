SELECT g.outlet, g.group_name, count(DISTINCT a.article_id) AS articles
FROM v_outlet_groups g
LEFT JOIN articles a ON a.source_id = g.source_id
GROUP BY ALL
ORDER BY g.outlet;
