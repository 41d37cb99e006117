-- The report's overview: the warehouse summary (v_summary, the one definition of every
-- count) plus when the last run completed.
SELECT s.*,
       (SELECT max(finished_at) FROM runs WHERE status = 'completed') AS last_run_at
FROM v_summary s;
