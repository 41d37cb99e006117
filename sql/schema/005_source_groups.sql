-- Outlet groups from the configuration ([groups] in claimtrack.toml: group -> outlets),
-- rewritten at each run so the views can find claims only one group covers.
CREATE TABLE IF NOT EXISTS source_groups (
    group_name  VARCHAR NOT NULL,
    source_name VARCHAR NOT NULL,
    PRIMARY KEY (group_name, source_name)
);
