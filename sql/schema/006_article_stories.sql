-- Stories: each article's story (news event), given once and never changed; new articles
-- join a story by average linkage or found one (claimtrack/stories.py).
CREATE TABLE IF NOT EXISTS article_stories (
    article_id  VARCHAR PRIMARY KEY,
    story_id    VARCHAR NOT NULL,   -- 's_' + hash of the story's founding article
    similarity  DOUBLE NOT NULL,    -- average affinity to the story's articles when it joined (1.0: founder)
    run_id      VARCHAR NOT NULL
);
