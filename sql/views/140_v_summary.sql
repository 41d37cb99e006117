-- The warehouse at a glance: printed after each run, shown by `claimtrack status`, put in
-- the run's artifact and at the top of the HTML report.
CREATE OR REPLACE VIEW v_summary AS
SELECT
    (SELECT count(*) FROM sources)                                  AS outlets,
    (SELECT count(*) FROM articles)                                 AS articles,
    (SELECT count(*) FROM claims)                                   AS claims,
    (SELECT count(*) FROM clusters)                                 AS clusters,
    (SELECT count(*) FROM v_corroborated_claims)                    AS corroborated_clusters,
    (SELECT coalesce(sum(n_claims), 0) FROM v_corroborated_claims)  AS corroborated_claims,
    (SELECT count(*) FROM v_exclusive_claims)                       AS exclusive_claims,
    (SELECT count(*) FROM v_contradictions)                         AS disagreements;
