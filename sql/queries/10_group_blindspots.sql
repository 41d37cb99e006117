-- title: Claims only one group of outlets carries (groups from [groups] in claimtrack.toml)
-- question: Which claims are covered by only one group of outlets, e.g. only wire services?
SELECT only_group, count(*) AS claims, arg_min(representative_text, first_seen_at) AS earliest_example
FROM v_group_blindspots
GROUP BY only_group
ORDER BY claims DESC, only_group;
