-- One row per cluster (= one claim, however many outlets word it): its representative
-- wording, how many outlets carry it, who was first (v_claim_clusters.position = 1), and how
-- many contradicting variants (counted separately, never as corroboration). A claim is
-- "corroborated" when n_outlets >= 2 and "exclusive" when n_outlets = 1: every view, the
-- summary, the report and the run artifacts count claims this way.
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
