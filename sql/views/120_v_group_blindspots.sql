-- Outlet groups (configured in [groups]) and the claims covered by only one group:
-- claim-level blindspots of every other group. Outlets not in any group form the group
-- '(ungrouped)'.
CREATE OR REPLACE VIEW v_source_group_members AS
SELECT s.source_id, s.name AS source, coalesce(g.group_name, '(ungrouped)') AS group_name
FROM sources s
LEFT JOIN source_groups g ON g.source_name = s.name;

CREATE OR REPLACE VIEW v_group_blindspots AS
WITH coverage AS (
    SELECT cc.cluster_id, list(DISTINCT gm.group_name ORDER BY gm.group_name) AS groups,
           list(DISTINCT cc.source ORDER BY cc.source) AS outlets,
           count(DISTINCT cc.source_id) AS n_outlets
    FROM v_claim_clusters cc
    JOIN v_source_group_members gm ON gm.source_id = cc.source_id
    GROUP BY cc.cluster_id
)
SELECT c.cluster_id,
       c.groups[1]          AS only_group,
       c.outlets,
       c.n_outlets,
       k.representative_text,
       k.first_seen_at
FROM coverage c
JOIN v_clusters k ON k.cluster_id = c.cluster_id
WHERE len(c.groups) = 1
  AND (SELECT count(DISTINCT group_name) FROM v_source_group_members) > 1;
