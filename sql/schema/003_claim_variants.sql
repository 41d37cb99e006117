-- Variants: claims that pass the cosine threshold against a cluster's representative but
-- conflict with it on a typed field (numbers, polarity, dates, people). They are kept out
-- of the cluster and linked to it here: these pairs are the contradictions.
CREATE TABLE IF NOT EXISTS claim_variants (
    cluster_id            VARCHAR NOT NULL,  -- the cluster whose representative it conflicts with
    claim_id              VARCHAR NOT NULL,  -- the variant claim (member of another cluster)
    similarity            DOUBLE NOT NULL,   -- cosine to that representative
    differing             VARCHAR[] NOT NULL,  -- field names: numbers | polarity | dates | people
    representative_values VARCHAR[] NOT NULL,  -- aligned with differing
    claim_values          VARCHAR[] NOT NULL,  -- aligned with differing
    run_id                VARCHAR NOT NULL,
    PRIMARY KEY (cluster_id, claim_id)
);
