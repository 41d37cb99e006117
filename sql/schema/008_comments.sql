-- Self-documenting warehouse: a comment on every table and column, where SQL tools look
-- (DuckDB CLI .schema / duckdb_columns(), DBeaver, dbt docs, Evidence). Views carry their
-- comments beside their definitions (sql/views/*.sql), since re-creating a view drops them.
-- docs/WAREHOUSE.md's reference is generated from these (`claimtrack schema --markdown`).
-- A later migration that adds a table or column comments it too (tests/test_comments.py).

COMMENT ON TABLE schema_migrations IS 'Migrations applied to this warehouse (sql/schema/NNN_*.sql), one row each.';
COMMENT ON COLUMN schema_migrations.version IS 'Migration number (the NNN of its file name).';
COMMENT ON COLUMN schema_migrations.name IS 'Migration file name.';
COMMENT ON COLUMN schema_migrations.applied_at IS 'When it was applied (UTC).';

COMMENT ON TABLE sources IS 'Outlets: the publishers articles come from, one row per outlet (the table keeps its first-schema name; "source" elsewhere means an input such as folder:seeds).';
COMMENT ON COLUMN sources.source_id IS 'Slug of the outlet name (the outlet''s id everywhere).';
COMMENT ON COLUMN sources.name IS 'The outlet as shown to users.';
COMMENT ON COLUMN sources.kind IS 'Kind of the input (source) it was first seen through: folder, jsonl, rss, urls, ...';
COMMENT ON COLUMN sources.uri IS 'Location of that input.';
COMMENT ON COLUMN sources.first_seen_at IS 'When claimtrack first stored an article of this outlet (UTC).';
COMMENT ON COLUMN sources.run_id IS 'The run that first saw the outlet (runs.run_id).';

COMMENT ON TABLE articles IS 'Articles: one news item from one outlet, with its full text; claims point into it.';
COMMENT ON COLUMN articles.article_id IS 'Stable id: a hash of the outlet and the input''s article id, else its URL, else its text.';
COMMENT ON COLUMN articles.source_id IS 'The outlet (sources.source_id).';
COMMENT ON COLUMN articles.url IS 'Canonical URL of the article (NULL for files without one).';
COMMENT ON COLUMN articles.title IS 'Headline.';
COMMENT ON COLUMN articles.published_at IS 'When the outlet published it (UTC), NULL when unknown.';
COMMENT ON COLUMN articles.fetched_at IS 'When claimtrack ingested it (UTC).';
COMMENT ON COLUMN articles.language IS 'Detected language code (en, de, ...); only English is split into claims.';
COMMENT ON COLUMN articles.text IS 'Main text; claims.char_start/char_end index into it.';
COMMENT ON COLUMN articles.content_hash IS 'Hash of the text (finds syndicated copies and changed articles).';
COMMENT ON COLUMN articles.origin IS 'File or file:line (or URL) it came from.';
COMMENT ON COLUMN articles.run_id IS 'The run that stored it.';
COMMENT ON COLUMN articles.author IS 'Byline, when the input gives one.';

COMMENT ON TABLE article_extractions IS 'One row per article and claim-extractor version: how many sentences and claims it gave and why sentences were dropped.';
COMMENT ON COLUMN article_extractions.article_id IS 'The article.';
COMMENT ON COLUMN article_extractions.extractor_version IS 'Version of the claim extractor (a new version re-extracts).';
COMMENT ON COLUMN article_extractions.n_sentences IS 'Sentences in the article.';
COMMENT ON COLUMN article_extractions.n_claims IS 'Claims extracted from it.';
COMMENT ON COLUMN article_extractions.dropped IS 'Sentences or candidate claims dropped, by reason (question, fragment, too short, ...).';
COMMENT ON COLUMN article_extractions.run_id IS 'The run that extracted it.';

COMMENT ON TABLE claims IS 'Claims: one atomic statement as one article makes it (speaker, cue, numbers, dates, polarity), with its evidence span in articles.text.';
COMMENT ON COLUMN claims.claim_id IS 'Stable id: a hash of the article, extractor version, span and text.';
COMMENT ON COLUMN claims.article_id IS 'The article it comes from.';
COMMENT ON COLUMN claims.source_id IS 'The article''s outlet (sources.source_id).';
COMMENT ON COLUMN claims.sentence_idx IS 'Index of its sentence in the article (0-based).';
COMMENT ON COLUMN claims.char_start IS 'Start of the evidence: articles.text[char_start:char_end].';
COMMENT ON COLUMN claims.char_end IS 'End (exclusive) of the evidence span.';
COMMENT ON COLUMN claims.text IS 'The claim as extracted, with the speaker and pronouns resolved; what is embedded and compared.';
COMMENT ON COLUMN claims.text_hash IS 'Hash of text: the embedding cache key (embeddings.text_hash).';
COMMENT ON COLUMN claims.speaker IS 'Who the claim is attributed to, resolved to the name the article gives; NULL if unattributed.';
COMMENT ON COLUMN claims.cue IS 'The reporting verb that attributes it (said, told, denied, ...).';
COMMENT ON COLUMN claims.quote_kind IS 'direct | indirect | mixed | none: how the claim is quoted.';
COMMENT ON COLUMN claims.is_quote IS 'True when the claim is (partly) a direct quote.';
COMMENT ON COLUMN claims.polarity IS 'positive | negative: whether the claim is negated.';
COMMENT ON COLUMN claims.hedge IS 'Hedging word that weakens it (may, reportedly, ...), NULL if none.';
COMMENT ON COLUMN claims.numbers IS 'Numbers it states, normalised (compared to find contradictions).';
COMMENT ON COLUMN claims.entities IS 'Named entities it mentions (people, organisations, places).';
COMMENT ON COLUMN claims.extractor_version IS 'Version of the claim extractor that produced it.';
COMMENT ON COLUMN claims.run_id IS 'The run that extracted it.';
COMMENT ON COLUMN claims.original_text IS 'The claim in the article''s own wording, before resolution.';
COMMENT ON COLUMN claims.spans IS '[[start, end], ...]: the pieces of articles.text the claim is built from.';
COMMENT ON COLUMN claims.dates IS 'ISO dates it states, resolved against published_at (2025-02-18, 2022-02, 2022).';
COMMENT ON COLUMN claims.claim_kind IS 'Construction it came from: clause | relative | appositive | title | description | participial (appositive and title are background claims, not clustered by default).';
COMMENT ON COLUMN claims.speaker_mention IS 'The speaker as worded (He); speaker holds the resolved name.';
COMMENT ON COLUMN claims.checkworthiness IS '0..1: how much the claim is worth checking.';

COMMENT ON TABLE embeddings IS 'Sentence vectors, cached by claim text and model: a text is embedded once, whichever claims share it.';
COMMENT ON COLUMN embeddings.model IS 'Embedding model (and backend), e.g. all-MiniLM-L6-v2.';
COMMENT ON COLUMN embeddings.text_hash IS 'claims.text_hash of the embedded text.';
COMMENT ON COLUMN embeddings.embedding IS 'Unit-length vector (384 floats for MiniLM); cosine = dot product.';
COMMENT ON COLUMN embeddings.run_id IS 'The run that computed it.';

COMMENT ON TABLE clusters IS 'Clusters: each groups the claims that say the same thing, across outlets; a cluster is corroborated when 2+ outlets carry it, exclusive when one does.';
COMMENT ON COLUMN clusters.cluster_id IS 'Stable id: a hash of the founding claim; never changes.';
COMMENT ON COLUMN clusters.representative_claim_id IS 'The founding claim, whose wording represents the cluster.';
COMMENT ON COLUMN clusters.model IS 'Embedding model the cluster was built with.';
COMMENT ON COLUMN clusters.threshold IS 'Cosine floor under which candidates were never compared.';
COMMENT ON COLUMN clusters.created_at IS 'When the cluster was founded (UTC).';
COMMENT ON COLUMN clusters.run_id IS 'The run that founded it.';

COMMENT ON TABLE cluster_members IS 'Which cluster each clustered claim belongs to (background claims and claims not yet clustered have no row).';
COMMENT ON COLUMN cluster_members.claim_id IS 'The claim.';
COMMENT ON COLUMN cluster_members.cluster_id IS 'Its cluster.';
COMMENT ON COLUMN cluster_members.similarity IS 'Cosine to the cluster''s representative claim.';
COMMENT ON COLUMN cluster_members.run_id IS 'The run that placed it.';

COMMENT ON TABLE cluster_lineage IS 'History of cluster merges and splits (recluster), so old cluster ids can be followed to new ones.';
COMMENT ON COLUMN cluster_lineage.event IS 'merge | split.';
COMMENT ON COLUMN cluster_lineage.from_cluster_id IS 'The cluster id before.';
COMMENT ON COLUMN cluster_lineage.to_cluster_id IS 'The cluster id after.';
COMMENT ON COLUMN cluster_lineage.occurred_at IS 'When (UTC).';
COMMENT ON COLUMN cluster_lineage.run_id IS 'The run (or recluster) that did it.';

COMMENT ON TABLE runs IS 'Runs: one execution of the pipeline (claimtrack run, a schedule, recluster), with what it added.';
COMMENT ON COLUMN runs.run_id IS 'claimtrack run id (r_...), also the Prefect flow run''s tag.';
COMMENT ON COLUMN runs.flow_run_id IS 'The Prefect flow run id, when run under Prefect.';
COMMENT ON COLUMN runs.started_at IS 'Start (UTC).';
COMMENT ON COLUMN runs.finished_at IS 'End (UTC); NULL while running or after a crash.';
COMMENT ON COLUMN runs.status IS 'running | completed | failed.';
COMMENT ON COLUMN runs.sources IS 'The inputs (sources) it read, as given: folder:seeds, rss:URL, ...';
COMMENT ON COLUMN runs.articles_new IS 'Articles it stored.';
COMMENT ON COLUMN runs.claims_new IS 'Claims it extracted.';
COMMENT ON COLUMN runs.embeddings_new IS 'Vectors it computed (texts not cached before).';
COMMENT ON COLUMN runs.clusters_new IS 'Clusters it founded.';
COMMENT ON COLUMN runs.members_new IS 'Claims it placed in clusters.';
COMMENT ON COLUMN runs.errors IS 'Ingest errors it recorded (table ingest_errors).';
COMMENT ON COLUMN runs.message IS 'One sentence on how it ended (the error when it failed).';

COMMENT ON TABLE ingest_errors IS 'Inputs or items that could not be ingested, one row each: the run goes on without them.';
COMMENT ON COLUMN ingest_errors.source_spec IS 'The input (source) as given: folder:seeds, rss:URL, ...';
COMMENT ON COLUMN ingest_errors.uri IS 'The file, line or URL that failed.';
COMMENT ON COLUMN ingest_errors.stage IS 'Where it failed: source, fetch, robots, parse, main_text, record, ...';
COMMENT ON COLUMN ingest_errors.error IS 'Error class (MalformedFeed, RobotsDisallowed, HTTPError, ...).';
COMMENT ON COLUMN ingest_errors.detail IS 'One sentence: what went wrong.';
COMMENT ON COLUMN ingest_errors.occurred_at IS 'When (UTC).';
COMMENT ON COLUMN ingest_errors.run_id IS 'The run.';

COMMENT ON TABLE http_cache IS 'Conditional-GET cache of fetched URLs (ETag, Last-Modified), so unchanged pages and feeds are not downloaded again.';
COMMENT ON COLUMN http_cache.url IS 'The URL as requested.';
COMMENT ON COLUMN http_cache.etag IS 'ETag of the last response.';
COMMENT ON COLUMN http_cache.last_modified IS 'Last-Modified of the last response.';
COMMENT ON COLUMN http_cache.status IS 'Last HTTP status (200, 304, ...).';
COMMENT ON COLUMN http_cache.fetched_at IS 'When it was last fetched (UTC).';
COMMENT ON COLUMN http_cache.final_url IS 'URL after redirects (the canonical URL).';
COMMENT ON COLUMN http_cache.content_hash IS 'Hash of the last 200 body.';
COMMENT ON COLUMN http_cache.content_type IS 'Content-Type of the last 200 body.';

COMMENT ON TABLE article_urls IS 'Every URL that led to a stored article (canonical, feed entry, syndicated duplicate), so it is never fetched twice.';
COMMENT ON COLUMN article_urls.url IS 'The URL.';
COMMENT ON COLUMN article_urls.article_id IS 'The article stored for it.';
COMMENT ON COLUMN article_urls.source_id IS 'The outlet.';
COMMENT ON COLUMN article_urls.link IS 'canonical | entry | duplicate (a syndicated copy of an article already stored).';
COMMENT ON COLUMN article_urls.first_seen_at IS 'When it was first seen (UTC).';
COMMENT ON COLUMN article_urls.run_id IS 'The run that first saw it.';

COMMENT ON TABLE source_runs IS 'One row per run and input (source): how reading it went.';
COMMENT ON COLUMN source_runs.run_id IS 'The run.';
COMMENT ON COLUMN source_runs.source_spec IS 'The input as given (folder:seeds, rss:URL, ...).';
COMMENT ON COLUMN source_runs.kind IS 'Its kind: folder, jsonl, rss, urls, ...';
COMMENT ON COLUMN source_runs.status IS 'ok | not_modified | partial | failed.';
COMMENT ON COLUMN source_runs.requests IS 'HTTP requests made (NULL for local inputs).';
COMMENT ON COLUMN source_runs.not_modified IS 'Requests answered 304 Not Modified.';
COMMENT ON COLUMN source_runs.articles_read IS 'Articles read from the input.';
COMMENT ON COLUMN source_runs.articles_new IS 'Of those, articles stored for the first time.';
COMMENT ON COLUMN source_runs.errors IS 'Ingest errors recorded for it.';
COMMENT ON COLUMN source_runs.message IS 'One sentence on how it went.';
COMMENT ON COLUMN source_runs.occurred_at IS 'When (UTC).';

COMMENT ON TABLE robots_txt IS 'robots.txt of every host fetched from, cached so its rules are obeyed without refetching.';
COMMENT ON COLUMN robots_txt.origin IS 'scheme://host[:port].';
COMMENT ON COLUMN robots_txt.status IS 'HTTP status of the robots.txt request.';
COMMENT ON COLUMN robots_txt.body IS 'Its text.';
COMMENT ON COLUMN robots_txt.fetched_at IS 'When it was fetched (UTC).';

COMMENT ON TABLE claim_variants IS 'Contradicting variants: a claim that would be the same claim as a cluster''s representative but for a number, date, person or polarity; v_contradictions pairs the outlets.';
COMMENT ON COLUMN claim_variants.cluster_id IS 'The cluster whose representative it conflicts with.';
COMMENT ON COLUMN claim_variants.claim_id IS 'The variant claim (a member of another cluster).';
COMMENT ON COLUMN claim_variants.similarity IS 'Cosine to that representative.';
COMMENT ON COLUMN claim_variants.differing IS 'The fields that differ: numbers | polarity | dates | people.';
COMMENT ON COLUMN claim_variants.representative_values IS 'The representative''s values, aligned with differing.';
COMMENT ON COLUMN claim_variants.claim_values IS 'The variant''s values, aligned with differing.';
COMMENT ON COLUMN claim_variants.run_id IS 'The run that found it.';

COMMENT ON TABLE source_groups IS 'Outlet groups from the [groups] configuration (e.g. left / right), for v_group_blindspots.';
COMMENT ON COLUMN source_groups.group_name IS 'The group.';
COMMENT ON COLUMN source_groups.source_name IS 'An outlet in it (sources.name).';

COMMENT ON TABLE article_stories IS 'Each article''s story (event), given by the story stage; ids never change once given.';
COMMENT ON COLUMN article_stories.article_id IS 'The article.';
COMMENT ON COLUMN article_stories.story_id IS 's_ + hash of the story''s founding article.';
COMMENT ON COLUMN article_stories.similarity IS 'Average affinity to the story''s articles when it joined (1.0: the founder).';
COMMENT ON COLUMN article_stories.run_id IS 'The run that placed it.';

COMMENT ON TABLE cluster_rule IS 'The clustering rule the clusters were built with (verifier, thresholds, background kinds); when it changes the warehouse reclusters once.';
COMMENT ON COLUMN cluster_rule.rule IS 'Fingerprint: verifier sha256 | floor | threshold | contradiction | skip <background claim kinds>.';
COMMENT ON COLUMN cluster_rule.set_at IS 'When it was recorded (UTC).';
COMMENT ON COLUMN cluster_rule.run_id IS 'The run that recorded it.';
