"""Linking across reports: near-duplicate articles, one claim across outlets, corroboration, contradictions.

Works on model objects and plain claim dicts only (no spaCy, no storage), so
every step can be tested on hand-built claims. See docs/linking.md.
"""

from __future__ import annotations

from .blocking import claim_signature_from_text, claim_signature_to_text, claim_signatures
from .claims import (
    ClusterSummary,
    Contradiction,
    LinkResult,
    Signature,
    cluster_id_of,
    link_features,
    summarize,
)
from .compat import Comparison, compare
from .duplicates import article_signature, find_duplicate_groups, signature_from_hex, signature_to_hex
from .features import (
    FEATURES_VERSION,
    ClaimFeatures,
    features_from_json,
    features_of,
    features_to_json,
    with_unit,
)
from .records import claim_history, source_records

__all__ = [
    "FEATURES_VERSION",
    "ClaimFeatures",
    "ClusterSummary",
    "Comparison",
    "Contradiction",
    "LinkResult",
    "Signature",
    "article_signature",
    "claim_history",
    "claim_signature_from_text",
    "claim_signature_to_text",
    "claim_signatures",
    "cluster_id_of",
    "compare",
    "features_from_json",
    "features_of",
    "features_to_json",
    "find_duplicate_groups",
    "link_features",
    "signature_from_hex",
    "signature_to_hex",
    "source_records",
    "summarize",
    "with_unit",
]
