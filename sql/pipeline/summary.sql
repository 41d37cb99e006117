-- The warehouse at a glance (printed after each run and put in the run's artifact).
SELECT * FROM v_summary;
