-- Old names kept for one version so queries written against them keep working; each is the
-- new view under its old name and columns. Removed in the next version.
CREATE OR REPLACE VIEW claim_embeddings AS
SELECT claim_id, model, embedding FROM v_claim_embeddings;

CREATE OR REPLACE VIEW v_corroborated_claims AS
SELECT * FROM v_corroborated_clusters;

CREATE OR REPLACE VIEW v_exclusive_claims AS
SELECT outlet AS source, cluster_id, claim_text, speaker, published_at, article_url, claim_id, n_claims
FROM v_exclusive_clusters;

CREATE OR REPLACE VIEW v_source_agreement AS
SELECT outlet_a AS source_a, outlet_b AS source_b, shared_clusters, clusters_a, clusters_b, jaccard
FROM v_outlet_agreement;

CREATE OR REPLACE VIEW v_disagreements AS
SELECT cluster_id, kind, outlet_a AS source_a, claim_a, value_a, outlet_b AS source_b, claim_b, value_b,
       claim_id_a, claim_id_b
FROM v_contradictions;

CREATE OR REPLACE VIEW v_source_group_members AS
SELECT source_id, outlet AS source, group_name FROM v_outlet_groups;

COMMENT ON VIEW claim_embeddings IS 'Deprecated: use v_claim_embeddings (same rows; removed in the next version).';
COMMENT ON COLUMN claim_embeddings.claim_id IS 'The claim (claims.claim_id).';
COMMENT ON COLUMN claim_embeddings.model IS 'Embedding model (and backend) that produced the vector.';
COMMENT ON COLUMN claim_embeddings.embedding IS 'The claim text''s unit-length sentence vector.';

COMMENT ON VIEW v_corroborated_claims IS 'Deprecated: use v_corroborated_clusters (same rows and columns: one row per corroborated cluster; removed in the next version).';
COMMENT ON COLUMN v_corroborated_claims.cluster_id IS 'The cluster.';
COMMENT ON COLUMN v_corroborated_claims.representative_text IS 'The founding claim''s wording.';
COMMENT ON COLUMN v_corroborated_claims.n_outlets IS 'Distinct outlets carrying the cluster (2 or more).';
COMMENT ON COLUMN v_corroborated_claims.n_claims IS 'Claims (mentions) in the cluster.';
COMMENT ON COLUMN v_corroborated_claims.outlets IS 'The outlets that carry it.';
COMMENT ON COLUMN v_corroborated_claims.first_reporter IS 'The outlet of the first report.';
COMMENT ON COLUMN v_corroborated_claims.first_seen_at IS 'seen_at of the first report (UTC).';
COMMENT ON COLUMN v_corroborated_claims.last_seen_at IS 'seen_at of the latest report (UTC).';
COMMENT ON COLUMN v_corroborated_claims.n_variants IS 'Contradicting variants elsewhere.';
COMMENT ON COLUMN v_corroborated_claims.variant_outlets IS 'Their outlets.';

COMMENT ON VIEW v_exclusive_claims IS 'Deprecated: use v_exclusive_clusters (same rows, source is now outlet; removed in the next version).';
COMMENT ON COLUMN v_exclusive_claims.source IS 'The only outlet carrying the cluster (now v_exclusive_clusters.outlet).';
COMMENT ON COLUMN v_exclusive_claims.cluster_id IS 'The cluster.';
COMMENT ON COLUMN v_exclusive_claims.claim_text IS 'The outlet''s first claim of the cluster.';
COMMENT ON COLUMN v_exclusive_claims.speaker IS 'Who that claim is attributed to.';
COMMENT ON COLUMN v_exclusive_claims.published_at IS 'When the article was published (UTC).';
COMMENT ON COLUMN v_exclusive_claims.article_url IS 'URL of the article.';
COMMENT ON COLUMN v_exclusive_claims.claim_id IS 'The first claim of the cluster.';
COMMENT ON COLUMN v_exclusive_claims.n_claims IS 'Claims (mentions) in the cluster.';

COMMENT ON VIEW v_source_agreement IS 'Deprecated: use v_outlet_agreement (same rows, source_a/source_b are now outlet_a/outlet_b; removed in the next version).';
COMMENT ON COLUMN v_source_agreement.source_a IS 'One outlet of the pair (now outlet_a).';
COMMENT ON COLUMN v_source_agreement.source_b IS 'The other outlet (now outlet_b).';
COMMENT ON COLUMN v_source_agreement.shared_clusters IS 'Clusters both outlets carry.';
COMMENT ON COLUMN v_source_agreement.clusters_a IS 'Clusters source_a carries.';
COMMENT ON COLUMN v_source_agreement.clusters_b IS 'Clusters source_b carries.';
COMMENT ON COLUMN v_source_agreement.jaccard IS 'Jaccard similarity of the clusters they carry.';

COMMENT ON VIEW v_disagreements IS 'Deprecated: use v_contradictions (same rows; removed in the next version).';
COMMENT ON COLUMN v_disagreements.cluster_id IS 'The cluster of the claim_a side.';
COMMENT ON COLUMN v_disagreements.kind IS 'number | date | person | polarity.';
COMMENT ON COLUMN v_disagreements.source_a IS 'The outlet of claim_a (now outlet_a).';
COMMENT ON COLUMN v_disagreements.claim_a IS 'One outlet''s claim.';
COMMENT ON COLUMN v_disagreements.value_a IS 'Its value for the differing field.';
COMMENT ON COLUMN v_disagreements.source_b IS 'The outlet of claim_b (now outlet_b).';
COMMENT ON COLUMN v_disagreements.claim_b IS 'The other outlet''s claim.';
COMMENT ON COLUMN v_disagreements.value_b IS 'Its value for the differing field.';
COMMENT ON COLUMN v_disagreements.claim_id_a IS 'claims.claim_id of claim_a.';
COMMENT ON COLUMN v_disagreements.claim_id_b IS 'claims.claim_id of claim_b.';

COMMENT ON VIEW v_source_group_members IS 'Deprecated: use v_outlet_groups (same rows, source is now outlet; removed in the next version).';
COMMENT ON COLUMN v_source_group_members.source_id IS 'Slug of the outlet.';
COMMENT ON COLUMN v_source_group_members.source IS 'The outlet (now outlet).';
COMMENT ON COLUMN v_source_group_members.group_name IS 'Its group, or (ungrouped).';
