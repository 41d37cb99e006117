-- Outlet groups (configured in [groups]) and the claims covered by only one group:
-- claim-level blindspots of every other group. Outlets not in any group form the group
-- '(ungrouped)'.
CREATE OR REPLACE VIEW v_outlet_groups AS
SELECT s.source_id, s.name AS outlet, coalesce(g.group_name, '(ungrouped)') AS group_name
FROM sources s
LEFT JOIN source_groups g ON g.source_name = s.name;

CREATE OR REPLACE VIEW v_group_blindspots AS
WITH coverage AS (
    SELECT cc.cluster_id, list(DISTINCT gm.group_name ORDER BY gm.group_name) AS groups,
           list(DISTINCT cc.outlet ORDER BY cc.outlet) AS outlets,
           count(DISTINCT cc.source_id) AS n_outlets
    FROM v_claim_clusters cc
    JOIN v_outlet_groups gm ON gm.source_id = cc.source_id
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
  AND (SELECT count(DISTINCT group_name) FROM v_outlet_groups) > 1;

COMMENT ON VIEW v_outlet_groups IS 'Each outlet''s group from the [groups] configuration; outlets in no group form the group (ungrouped).';
COMMENT ON COLUMN v_outlet_groups.source_id IS 'Slug of the outlet (sources.source_id).';
COMMENT ON COLUMN v_outlet_groups.outlet IS 'The outlet.';
COMMENT ON COLUMN v_outlet_groups.group_name IS 'Its group, or (ungrouped).';

COMMENT ON VIEW v_group_blindspots IS 'Clusters carried by the outlets of only one group (a blindspot of every other group); empty while fewer than two groups exist.';
COMMENT ON COLUMN v_group_blindspots.cluster_id IS 'The cluster.';
COMMENT ON COLUMN v_group_blindspots.only_group IS 'The one group whose outlets carry it.';
COMMENT ON COLUMN v_group_blindspots.outlets IS 'Those outlets, alphabetically.';
COMMENT ON COLUMN v_group_blindspots.n_outlets IS 'How many outlets carry it.';
COMMENT ON COLUMN v_group_blindspots.representative_text IS 'The cluster''s representative wording.';
COMMENT ON COLUMN v_group_blindspots.first_seen_at IS 'When it was first reported (UTC).';
