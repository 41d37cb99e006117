-- title: What a speaker said, according to whom, over time
-- question: What did a given speaker (here: anyone named Rubio) say, according to which outlet, and when?
SELECT published_at,
       speaker,
       outlet,
       cue,
       claim_text,
       cluster_outlets
FROM v_speaker_claims
WHERE speaker ILIKE '%Rubio%'
ORDER BY published_at, outlet, claim_id;
