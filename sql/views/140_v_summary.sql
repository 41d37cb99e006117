-- The warehouse at a glance: printed after each run, shown by `claimtrack status`, put in
-- the run's artifact and at the top of the HTML report. A "claim" here is a cluster (one
-- claim however many outlets word it); "mentions" are the stored claims inside clusters.
CREATE OR REPLACE VIEW v_summary AS
SELECT
    (SELECT count(*) FROM sources)                                  AS outlets,
    (SELECT count(*) FROM articles)                                 AS articles,
    (SELECT count(*) FROM claims)                                   AS claims,
    (SELECT count(*) FROM clusters)                                 AS clusters,
    (SELECT count(*) FROM v_corroborated_claims)                    AS corroborated_clusters,  -- corroborated claims
    (SELECT coalesce(sum(n_claims), 0)::BIGINT FROM v_corroborated_claims) AS corroborated_mentions,
    (SELECT count(*) FROM v_exclusive_claims)                       AS exclusive_claims,       -- clusters, like corroborated
    (SELECT count(*) FROM v_contradictions)                         AS contradictions,
    (SELECT count(*) FROM v_contradictions)                         AS disagreements;          -- old name of contradictions
