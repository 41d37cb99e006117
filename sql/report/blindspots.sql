SELECT only_group, representative_text, outlets, first_seen_at
FROM v_group_blindspots
ORDER BY only_group, first_seen_at, cluster_id
LIMIT 200;
