-- Claim granularity (issue "Claims that read as whole statements"): with
-- `[extraction] granularity = "atomic"` each clause is stored as its atomic facts (its
-- core and the core with each optional modifier); parent_claim_id groups the facts of one
-- clause so a report or query can still show the whole sentence. NULL at the default
-- `clause` granularity (each claim is its own clause) and for rows of older versions.
ALTER TABLE claims ADD COLUMN IF NOT EXISTS parent_claim_id VARCHAR;

COMMENT ON COLUMN claims.parent_claim_id IS 'Atomic granularity only: the clause this claim was split from (claims sharing it are the atomic facts of one clause; group by it to show whole sentences); NULL at the default clause granularity.';
