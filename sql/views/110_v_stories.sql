-- Stories (events): each article's story, given by the story stage (table article_stories:
-- title+lead similarity, shared names and verified claims, a time window, average linkage;
-- claimtrack/stories.py). Ids never change once given. An article stored before its story
-- was given (a run that stopped between stages) is its own story until the next run.
CREATE OR REPLACE VIEW v_article_stories AS
SELECT a.article_id,
       coalesce(s.story_id, 's_' || a.article_id) AS story_id
FROM articles a
LEFT JOIN article_stories s ON s.article_id = a.article_id;

-- One row per story: its outlets, claims, corroborated clusters and time span.
CREATE OR REPLACE VIEW v_stories AS
SELECT s.story_id,
       arg_min(a.title, (coalesce(a.published_at, a.fetched_at), src.name, a.article_id)) AS first_title,
       count(DISTINCT a.article_id)                                    AS n_articles,
       count(DISTINCT a.source_id)                                     AS n_outlets,
       list(DISTINCT src.name ORDER BY src.name)                       AS outlets,
       min(coalesce(a.published_at, a.fetched_at))                     AS first_seen_at,
       max(coalesce(a.published_at, a.fetched_at))                     AS last_seen_at,
       -- the first reporter, defined as for claims: earliest, then outlet name, then id
       arg_min(src.name, (coalesce(a.published_at, a.fetched_at), src.name, a.article_id)) AS first_outlet
FROM v_article_stories s
JOIN articles a  ON a.article_id = s.article_id
JOIN sources src ON src.source_id = a.source_id
GROUP BY s.story_id;

-- Claim timeline per story (event): each cluster's first appearance in each outlet.
CREATE OR REPLACE VIEW v_story_timeline AS
SELECT s.story_id,
       t.cluster_id,
       t.representative_text,
       t.source,
       min(t.seen_at)       AS first_seen_at,
       count(*)             AS n_claims
FROM v_claim_timeline t
JOIN v_article_stories s ON s.article_id = t.article_id
GROUP BY ALL;
