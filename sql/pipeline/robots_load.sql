-- robots.txt files fetched within the last day.
SELECT origin, status, body, fetched_at FROM robots_txt WHERE fetched_at >= $since;
