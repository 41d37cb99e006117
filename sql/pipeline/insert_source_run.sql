INSERT INTO source_runs (run_id, source_spec, kind, status, requests, not_modified, articles_read,
                         articles_new, errors, message, occurred_at)
VALUES ($run_id, $source_spec, $kind, $status, $requests, $not_modified, $articles_read,
        $articles_new, $errors, $message, $occurred_at)
ON CONFLICT DO NOTHING;
