-- title: Where outlets contradict each other: the same claim with a different number, date, person or polarity
-- question: Where do outlets disagree: the same claim with a different number, date or polarity?
SELECT kind,
       source_a, value_a,
       source_b, value_b,
       claim_a,
       claim_b,
       round(similarity, 3) AS cosine
FROM v_contradictions
ORDER BY kind, source_a, source_b, claim_a;
