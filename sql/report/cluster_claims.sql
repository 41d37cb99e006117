-- Every outlet's wording of the given clusters, with the evidence span in context.
SELECT cc.cluster_id, cc.claim_id, cc.outlet, cc.seen_at, cc.claim_text, cc.speaker, cc.cue,
       c.attribution_kind, cc.quote_kind, cc.article_url, a.title,
       substr(a.text, greatest(cc.char_start - 110, 0) + 1, least(cc.char_start, 110)) AS before_span,
       substr(a.text, cc.char_start + 1, cc.char_end - cc.char_start)                  AS span,
       substr(a.text, cc.char_end + 1, 110)                                            AS after_span,
       t.hours_after_first
FROM v_claim_clusters cc
JOIN articles a ON a.article_id = cc.article_id
JOIN claims c   ON c.claim_id = cc.claim_id
JOIN v_claim_timeline t ON t.claim_id = cc.claim_id
WHERE cc.cluster_id IN (SELECT unnest($clusters::VARCHAR[]))
ORDER BY cc.cluster_id, cc.seen_at, cc.outlet, cc.claim_id;
