"""claimtrack: track what news outlets claim.

Public API (stable; external benchmarks call these names)::

    from claimtrack import extract_claims, Embedder, ClaimClusterer
"""

from claimtrack.claims import Claim, extract_claims
from claimtrack.cluster import ClaimClusterer
from claimtrack.embed import Embedder

__all__ = ["Claim", "ClaimClusterer", "Embedder", "extract_claims"]
__version__ = "0.1.0"
