-- Each claim's vector, per embedding model (vectors are cached by text: table embeddings).
CREATE OR REPLACE VIEW v_claim_embeddings AS
SELECT c.claim_id, e.model, e.embedding
FROM claims c
JOIN embeddings e ON e.text_hash = c.text_hash;

COMMENT ON VIEW v_claim_embeddings IS 'Each claim''s embedding vector, one row per claim and embedding model (vectors are cached by claim text in table embeddings).';
COMMENT ON COLUMN v_claim_embeddings.claim_id IS 'The claim (claims.claim_id).';
COMMENT ON COLUMN v_claim_embeddings.model IS 'Embedding model (and backend) that produced the vector.';
COMMENT ON COLUMN v_claim_embeddings.embedding IS 'The claim text''s unit-length sentence vector (FLOAT[384] for MiniLM); cosine = dot product.';
