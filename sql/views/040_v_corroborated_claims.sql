-- Claims carried by two or more outlets: the cross-source agreements.
CREATE OR REPLACE VIEW v_corroborated_claims AS
SELECT *
FROM v_clusters
WHERE n_outlets >= 2;
