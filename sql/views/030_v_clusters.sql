-- One row per cluster (the claims that say the same thing, however many outlets word it): its
-- representative wording, how many outlets carry it, who was first (v_claim_clusters.position
-- = 1), and how many contradicting variants (counted separately, never as corroboration). A
-- cluster is "corroborated" when n_outlets >= 2 and "exclusive" when n_outlets = 1: every
-- view, the summary (v_summary), the report and the run artifacts count this way.
CREATE OR REPLACE VIEW v_clusters AS
WITH ranked AS (
    SELECT *, position AS rk FROM v_claim_clusters
),
agg AS (
    SELECT cluster_id,
           count(*)                                 AS n_claims,
           count(DISTINCT source_id)                AS n_outlets,
           list(DISTINCT source ORDER BY source)    AS outlets,
           min(seen_at)                             AS first_seen_at,
           max(seen_at)                             AS last_seen_at,
           max(CASE WHEN rk = 1 THEN source END)    AS first_reporter
    FROM ranked
    GROUP BY cluster_id
),
variants AS (
    SELECT v.cluster_id,
           count(*)                                  AS n_variants,
           list(DISTINCT s.name ORDER BY s.name)     AS variant_outlets
    FROM claim_variants v
    JOIN claims c  ON c.claim_id = v.claim_id
    JOIN sources s ON s.source_id = c.source_id
    GROUP BY v.cluster_id
)
SELECT agg.cluster_id,
       r.text AS representative_text,
       agg.n_outlets,
       agg.n_claims,
       agg.outlets,
       agg.first_reporter,
       agg.first_seen_at,
       agg.last_seen_at,
       coalesce(v.n_variants, 0)  AS n_variants,       -- conflicting versions, not counted as support
       coalesce(v.variant_outlets, []) AS variant_outlets
FROM agg
JOIN clusters k ON k.cluster_id = agg.cluster_id
JOIN claims r   ON r.claim_id = k.representative_claim_id
LEFT JOIN variants v ON v.cluster_id = agg.cluster_id;

COMMENT ON VIEW v_clusters IS 'One row per cluster (the claims that say the same thing, across outlets): representative wording, outlets, first reporter, contradicting variants. Corroborated = n_outlets >= 2, exclusive = n_outlets = 1.';
COMMENT ON COLUMN v_clusters.cluster_id IS 'The cluster (stable: a hash of its founding claim).';
COMMENT ON COLUMN v_clusters.representative_text IS 'The founding claim''s wording, shown for the whole cluster.';
COMMENT ON COLUMN v_clusters.n_outlets IS 'How many distinct outlets carry the cluster (2+ = corroborated, 1 = exclusive).';
COMMENT ON COLUMN v_clusters.n_claims IS 'How many claims (mentions in articles) the cluster holds.';
COMMENT ON COLUMN v_clusters.outlets IS 'The outlets that carry it, alphabetically.';
COMMENT ON COLUMN v_clusters.first_reporter IS 'The outlet of the first report (v_claim_clusters.position = 1).';
COMMENT ON COLUMN v_clusters.first_seen_at IS 'seen_at of the first report (UTC).';
COMMENT ON COLUMN v_clusters.last_seen_at IS 'seen_at of the latest report (UTC).';
COMMENT ON COLUMN v_clusters.n_variants IS 'Claims elsewhere that tell this claim with a different number, date, person or polarity (contradictions; never counted as support).';
COMMENT ON COLUMN v_clusters.variant_outlets IS 'The outlets of those contradicting variants.';
