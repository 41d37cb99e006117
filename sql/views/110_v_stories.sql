-- Stories (events): articles connected by claims they share (connected components of the
-- article graph whose edges are shared clusters). story_id = the smallest article id in it.
CREATE OR REPLACE VIEW v_article_stories AS
WITH RECURSIVE edges AS (
    SELECT DISTINCT a.article_id AS src, b.article_id AS dst
    FROM v_claim_clusters a
    JOIN v_claim_clusters b ON a.cluster_id = b.cluster_id AND a.article_id <> b.article_id
),
walk(article_id, story_id) AS (
    SELECT article_id, article_id FROM articles
    UNION
    SELECT e.dst, w.story_id FROM walk w JOIN edges e ON e.src = w.article_id
)
SELECT article_id, min(story_id) AS story_id
FROM walk
GROUP BY article_id;

-- One row per story: its outlets, claims, corroborated clusters and time span.
CREATE OR REPLACE VIEW v_stories AS
SELECT s.story_id,
       arg_min(a.title, coalesce(a.published_at, a.fetched_at))       AS first_title,
       count(DISTINCT a.article_id)                                    AS n_articles,
       count(DISTINCT a.source_id)                                     AS n_outlets,
       list(DISTINCT src.name ORDER BY src.name)                       AS outlets,
       min(coalesce(a.published_at, a.fetched_at))                     AS first_seen_at,
       max(coalesce(a.published_at, a.fetched_at))                     AS last_seen_at,
       arg_min(src.name, coalesce(a.published_at, a.fetched_at))       AS first_outlet
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
