-- Corroborated claims: clusters carried by two or more outlets. One row per claim (cluster).
CREATE OR REPLACE VIEW v_corroborated_claims AS
SELECT *
FROM v_clusters
WHERE n_outlets >= 2;
