-- title: Who is quoted most, by how many outlets, and how
-- question: Which speakers have the most claims attributed to them, across how many outlets, as direct or indirect quotes?
SELECT speaker,
       claims,
       outlets,
       direct_quotes,
       indirect + mixed AS reported_speech,
       array_to_string(mentions, ' / ') AS worded_as
FROM v_claims_per_speaker
ORDER BY claims DESC, outlets DESC, speaker
LIMIT 10;
