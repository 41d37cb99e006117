-- The same-claim rule the stored clusters were made with (the verifier model's sha256 and the
-- clustering settings). When it changes (an upgrade, a new threshold) the cluster stage
-- reclusters every claim once, keeping ids by overlap, so clusters never mix two rules.
CREATE TABLE IF NOT EXISTS cluster_rule (
    rule    VARCHAR NOT NULL,   -- fingerprint: verifier sha256 | thresholds | background kinds
    set_at  TIMESTAMP NOT NULL,
    run_id  VARCHAR NOT NULL
);
