"""Linking across reports: near-duplicate articles, one claim across outlets, corroboration, contradictions.

Works on model objects and plain claim dicts only (no spaCy, no storage), so
every step can be tested on hand-built claims. See docs/linking.md.
"""

from __future__ import annotations

from .claims import ClusterSummary, Contradiction, LinkResult, cluster_id_of, link_features, summarize
from .compat import Comparison, compare
from .duplicates import article_signature, find_duplicate_groups, signature_from_hex, signature_to_hex
from .features import ClaimFeatures, features_of
from .records import claim_history, source_records

__all__ = [
    "ClaimFeatures",
    "ClusterSummary",
    "Comparison",
    "Contradiction",
    "LinkResult",
    "article_signature",
    "claim_history",
    "cluster_id_of",
    "compare",
    "features_of",
    "find_duplicate_groups",
    "link_features",
    "signature_from_hex",
    "signature_to_hex",
    "source_records",
    "summarize",
]
