-- The failures of run $run_id (one ingest_errors row each).
SELECT source_spec, uri, stage, error, detail
FROM ingest_errors
WHERE run_id = $run_id
ORDER BY source_spec, stage, uri
LIMIT $limit;
