-- title: Where outlets disagree on a number or on polarity
-- question: Where do outlets disagree: the same claim with a different number or polarity?
SELECT kind,
       source_a, value_a,
       source_b, value_b,
       claim_a,
       claim_b
FROM v_disagreements
ORDER BY kind, source_a, source_b, claim_a;
