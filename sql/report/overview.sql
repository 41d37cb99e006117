SELECT * FROM (
    SELECT
        (SELECT count(*) FROM sources)                 AS outlets,
        (SELECT count(*) FROM articles)                AS articles,
        (SELECT count(*) FROM claims)                  AS claims,
        (SELECT count(*) FROM clusters)                AS clusters,
        (SELECT count(*) FROM v_corroborated_claims)   AS corroborated_clusters,
        (SELECT count(*) FROM v_exclusive_claims)      AS exclusive_claims,
        (SELECT count(*) FROM v_contradictions)        AS contradictions,
        (SELECT count(*) FROM v_stories)               AS stories,
        (SELECT max(finished_at) FROM runs WHERE status = 'completed') AS last_run_at
);
