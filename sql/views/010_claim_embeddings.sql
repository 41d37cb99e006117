-- Each claim's vector, per model/backend (vectors are cached by text, see table embeddings).
CREATE OR REPLACE VIEW claim_embeddings AS
SELECT c.claim_id, e.model, e.embedding
FROM claims c
JOIN embeddings e ON e.text_hash = c.text_hash;
