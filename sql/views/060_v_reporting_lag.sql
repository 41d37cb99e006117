-- For every corroborated cluster and outlet: when that outlet first carried the claim,
-- and how many hours after the first reporter.
CREATE OR REPLACE VIEW v_reporting_lag AS
WITH per_outlet AS (
    SELECT cluster_id, outlet, min(seen_at) AS outlet_first_seen_at
    FROM v_claim_clusters
    GROUP BY cluster_id, outlet
)
SELECT p.cluster_id,
       k.representative_text,
       p.outlet,
       p.outlet_first_seen_at,
       k.first_reporter,
       p.outlet = k.first_reporter                                        AS is_first,
       round(date_diff('minute', k.first_seen_at, p.outlet_first_seen_at) / 60.0, 2) AS lag_hours,
       p.outlet               AS source,                 -- deprecated: outlet
       p.outlet_first_seen_at AS source_first_seen_at    -- deprecated: outlet_first_seen_at
FROM per_outlet p
JOIN v_corroborated_clusters k ON k.cluster_id = p.cluster_id;

COMMENT ON VIEW v_reporting_lag IS 'For every corroborated cluster and each outlet that carries it: when the outlet first carried it and how many hours after the first reporter.';
COMMENT ON COLUMN v_reporting_lag.cluster_id IS 'The corroborated cluster.';
COMMENT ON COLUMN v_reporting_lag.representative_text IS 'The cluster''s representative wording.';
COMMENT ON COLUMN v_reporting_lag.outlet IS 'An outlet that carries the cluster.';
COMMENT ON COLUMN v_reporting_lag.outlet_first_seen_at IS 'When that outlet first carried it (seen_at, UTC).';
COMMENT ON COLUMN v_reporting_lag.first_reporter IS 'The cluster''s first reporter (v_claim_clusters.position = 1).';
COMMENT ON COLUMN v_reporting_lag.is_first IS 'True when this outlet is the first reporter.';
COMMENT ON COLUMN v_reporting_lag.lag_hours IS 'Hours between the first report and this outlet''s first report (0 for the first reporter).';
COMMENT ON COLUMN v_reporting_lag.source IS 'Deprecated: the same as outlet (removed in the next version).';
COMMENT ON COLUMN v_reporting_lag.source_first_seen_at IS 'Deprecated: the same as outlet_first_seen_at (removed in the next version).';
