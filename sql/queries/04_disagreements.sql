-- title: Where outlets contradict each other: the same claim with a different number, date, person or polarity
-- question: Where do outlets contradict each other: the same claim with a different number, date, person or polarity?
SELECT kind,
       outlet_a, value_a,
       outlet_b, value_b,
       claim_a,
       claim_b,
       round(similarity, 3) AS cosine
FROM v_contradictions
ORDER BY kind, outlet_a, outlet_b, claim_a;
