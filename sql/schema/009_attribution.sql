-- Attribution kinds (rules-v5 attribution, measured against PolNeAR): besides who (speaker,
-- speaker_mention) and the cue as worded, what the cue reports -- speech ("said"), a
-- belief ("thinks"), an intention ("vowed to") or another stance ("has learned",
-- "is endorsing") -- so views can tell "said" from "believes". NULL when the claim is not
-- attributed, and for rows of older extractor versions.
ALTER TABLE claims ADD COLUMN IF NOT EXISTS attribution_kind VARCHAR;   -- speech | belief | intention | other

COMMENT ON COLUMN claims.attribution_kind IS 'What the cue reports: speech (said, told, according to) | belief (thinks, believes) | intention (vowed to, plans to: the claim reads "X will ...") | other (has learned, found, shows); NULL when unattributed.';
COMMENT ON COLUMN claims.cue IS 'The cue as worded that attributes it: a reporting verb or phrase (said, has learned, thinks, vowed, according to, described … as); set for every attributed claim, NULL otherwise.';
