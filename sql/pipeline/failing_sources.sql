-- Sources whose last $n runs all failed (source_runs.status = 'failed'), with the last message.
SELECT source_spec,
       count(*)                        AS failed_runs,
       min(occurred_at)                AS failing_since,
       arg_max(message, occurred_at)   AS last_error
FROM (
    SELECT *, row_number() OVER (PARTITION BY source_spec ORDER BY occurred_at DESC) AS rn
    FROM source_runs
) s
WHERE rn <= $n
GROUP BY source_spec
HAVING count(*) = $n AND bool_and(status = 'failed')
ORDER BY source_spec;
