-- First appearance of each corroborated cluster in each outlet, per story.
SELECT st.story_id, st.cluster_id, st.representative_text, st.outlet, st.first_seen_at
FROM v_story_timeline st
JOIN v_corroborated_clusters k ON k.cluster_id = st.cluster_id
WHERE st.story_id IN (SELECT unnest($stories::VARCHAR[]))
ORDER BY st.story_id, st.first_seen_at, st.outlet;
