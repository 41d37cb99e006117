-- The warehouse at a glance (printed after each run and put in the run's artifact).
SELECT
    (SELECT count(*) FROM sources)                         AS outlets,
    (SELECT count(*) FROM articles)                        AS articles,
    (SELECT count(*) FROM claims)                          AS claims,
    (SELECT count(*) FROM clusters)                        AS clusters,
    (SELECT count(*) FROM v_corroborated_claims)           AS corroborated_clusters,
    (SELECT coalesce(sum(n_claims), 0) FROM v_corroborated_claims) AS corroborated_claims,
    (SELECT count(*) FROM v_exclusive_claims)              AS exclusive_claims,
    (SELECT count(*) FROM v_disagreements)                 AS disagreements;
