-- The report's overview: the warehouse summary plus stories and the last completed run.
SELECT s.*,
       (SELECT count(*) FROM v_stories)                               AS stories,
       (SELECT max(finished_at) FROM runs WHERE status = 'completed') AS last_run_at
FROM v_summary s;
