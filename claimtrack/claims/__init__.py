"""Claim extraction: segmentation, attribution, clause splitting, typed fields."""

from claimtrack.claims.extract import EXTRACTOR_VERSION, extract_claims, extract_many
from claimtrack.claims.model import Claim, Extraction

__all__ = ["EXTRACTOR_VERSION", "Claim", "Extraction", "extract_claims", "extract_many"]
