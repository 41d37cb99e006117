-- The warehouse at a glance (printed after each run, shown by `claimtrack status`, put in the
-- run's artifact): v_summary, the one definition of every count, without its deprecated names.
SELECT * EXCLUDE (corroborated_mentions, exclusive_claims, disagreements) FROM v_summary;
