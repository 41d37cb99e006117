-- For every corroborated cluster and outlet: when that outlet first carried the claim,
-- and how many hours after the first reporter.
CREATE OR REPLACE VIEW v_reporting_lag AS
WITH per_source AS (
    SELECT cluster_id, source, min(seen_at) AS source_first_seen_at
    FROM v_claim_clusters
    GROUP BY cluster_id, source
)
SELECT p.cluster_id,
       k.representative_text,
       p.source,
       p.source_first_seen_at,
       k.first_reporter,
       p.source = k.first_reporter                                        AS is_first,
       round(date_diff('minute', k.first_seen_at, p.source_first_seen_at) / 60.0, 2) AS lag_hours
FROM per_source p
JOIN v_corroborated_claims k ON k.cluster_id = p.cluster_id;
