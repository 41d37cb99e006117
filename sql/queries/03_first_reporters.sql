-- title: Who reports first, and how far behind the others are
-- question: For claims several outlets carry, how often is each outlet first, and what is its median lag?
SELECT outlet,
       count(*)                                   AS corroborated_clusters,
       count(*) FILTER (WHERE is_first)           AS times_first,
       round(median(lag_hours), 2)                AS median_lag_hours
FROM v_reporting_lag
GROUP BY outlet
ORDER BY times_first DESC, median_lag_hours, outlet;
