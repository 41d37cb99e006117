-- Stories (events): each article's story, given by the story stage (table article_stories:
-- title+lead similarity, shared names and verified claims, a time window, average linkage;
-- claimtrack/stories.py). Ids never change once given. An article stored before its story
-- was given (a run that stopped between stages) is its own story until the next run.
CREATE OR REPLACE VIEW v_article_stories AS
SELECT a.article_id,
       coalesce(s.story_id, 's_' || a.article_id) AS story_id
FROM articles a
LEFT JOIN article_stories s ON s.article_id = a.article_id;

-- One row per story: its articles, outlets and time span.
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
       count(*)             AS n_claims,
       t.outlet
FROM v_claim_timeline t
JOIN v_article_stories s ON s.article_id = t.article_id
GROUP BY ALL;

COMMENT ON VIEW v_article_stories IS 'Each article''s story (event): from the story stage (table article_stories), or the article alone until the next run gives it one.';
COMMENT ON COLUMN v_article_stories.article_id IS 'The article.';
COMMENT ON COLUMN v_article_stories.story_id IS 'Its story: s_ + hash of the story''s founding article; never changes once given.';

COMMENT ON VIEW v_stories IS 'One row per story (the articles about one event, across outlets): its first title, articles, outlets, time span and first outlet.';
COMMENT ON COLUMN v_stories.story_id IS 'The story (stable id).';
COMMENT ON COLUMN v_stories.first_title IS 'Title of the story''s first article.';
COMMENT ON COLUMN v_stories.n_articles IS 'Articles in the story.';
COMMENT ON COLUMN v_stories.n_outlets IS 'Distinct outlets with an article in the story.';
COMMENT ON COLUMN v_stories.outlets IS 'Those outlets, alphabetically.';
COMMENT ON COLUMN v_stories.first_seen_at IS 'When the story''s first article appeared (UTC).';
COMMENT ON COLUMN v_stories.last_seen_at IS 'When its latest article appeared (UTC).';
COMMENT ON COLUMN v_stories.first_outlet IS 'The outlet that reported the story first (earliest, then outlet name, then article id; as first reporter for claims).';

COMMENT ON VIEW v_story_timeline IS 'Claim timeline per story: each cluster''s first appearance in each outlet, within the story''s articles.';
COMMENT ON COLUMN v_story_timeline.story_id IS 'The story.';
COMMENT ON COLUMN v_story_timeline.cluster_id IS 'A cluster with a claim in the story''s articles.';
COMMENT ON COLUMN v_story_timeline.representative_text IS 'The cluster''s representative wording.';
COMMENT ON COLUMN v_story_timeline.source IS 'Deprecated: the same as outlet (removed in the next version).';
COMMENT ON COLUMN v_story_timeline.first_seen_at IS 'When this outlet first carried the cluster in this story (UTC).';
COMMENT ON COLUMN v_story_timeline.n_claims IS 'The outlet''s claims of that cluster in the story.';
COMMENT ON COLUMN v_story_timeline.outlet IS 'The outlet.';
