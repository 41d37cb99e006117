-- Claim fields of the rules-v2 extractor: standalone text vs the article's wording, every
-- evidence span, resolved dates, the kind of construction a claim came from, the speaker
-- as worded, and a check-worthiness score. Rows of older extractor versions keep NULLs
-- (the pipeline replaces an article's older claims when it re-extracts it).
ALTER TABLE claims ADD COLUMN IF NOT EXISTS original_text VARCHAR;      -- the claim in the article's wording (before resolution)
ALTER TABLE claims ADD COLUMN IF NOT EXISTS spans INTEGER[][];          -- [[start, end], ...] pieces of articles.text the claim is built from
ALTER TABLE claims ADD COLUMN IF NOT EXISTS dates VARCHAR[];            -- ISO dates resolved against published_at ('2025-02-18', '2022-02', '2022')
ALTER TABLE claims ADD COLUMN IF NOT EXISTS claim_kind VARCHAR;         -- clause | relative | appositive | title | description | participial
ALTER TABLE claims ADD COLUMN IF NOT EXISTS speaker_mention VARCHAR;    -- the speaker as worded ('He'); speaker holds the resolved name
ALTER TABLE claims ADD COLUMN IF NOT EXISTS checkworthiness DOUBLE;     -- 0..1
