"""Candidate pairs for claim linking by blocking: shared event+actor, shared place, similar words."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence

from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]

from .compat import within_window
from .features import ClaimFeatures

__all__ = ["BLOCK_LIMIT", "CLAIM_LSH_THRESHOLD", "candidate_pairs", "claim_shingles"]

logger = logging.getLogger(__name__)

#: Blocks with more members than this ("Russia" on untyped claims) are skipped:
#: they say little about sameness and would make comparisons quadratic. Such
#: claims still meet through their places, other actors and the text LSH. On the
#: bundled corpus (~2,300 claims) only the country-name blocks are this large.
BLOCK_LIMIT = 400
#: Jaccard threshold of the claim-text LSH (word 3-shingles of content words).
#: Re-wordings share few 3-shingles, so this is low: it only has to catch
#: near-verbatim re-reports that share no typed event or place; compare() decides.
CLAIM_LSH_THRESHOLD = 0.3
#: Permutations for the claim-text MinHash: 64 keeps hashing 2,300 claims under
#: 0.1 s; at threshold 0.3 datasketch picks 21 bands of 3 rows.
CLAIM_NUM_PERM = 64
_SEED = 7


def claim_shingles(tokens: Sequence[str]) -> set[bytes]:
    """Word 3-shingles of a claim's content words (the whole text when shorter)."""
    if len(tokens) < 3:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + 3]).encode("utf-8") for i in range(len(tokens) - 2)}


def _blocks(claims: Sequence[ClaimFeatures]) -> dict[tuple[str, str], list[int]]:
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        keys: set[tuple[str, str]] = set()
        for name in c.actors | c.entities:
            keys.add(("event", f"{c.event_type or '-'}|{name}"))
        for place in c.places:
            keys.add(("place", place))
        for key in keys:
            blocks[key].append(i)
    return blocks


def candidate_pairs(claims: Sequence[ClaimFeatures], new: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Pairs of claim indices worth comparing, each with at least one new claim.

    Blocks: (event type, shared actor/entity), shared place, and MinHash LSH
    over the content words' 3-shingles. Pairs further apart in time than the
    window (see :func:`claimledger.linking.compat.within_window`) are dropped.

    Args:
        claims: every claim (old and new).
        new: indices of the claims being linked now.

    Yields:
        ``(i, j)`` with ``i`` new; a pair of two new claims appears once.
    """
    is_new = [False] * len(claims)
    for i in new:
        is_new[i] = True
    members: dict[int, set[int]] = defaultdict(set)
    # 1. key blocks
    skipped = 0
    for block in _blocks(claims).values():
        if len(block) > BLOCK_LIMIT:
            skipped += 1
            continue
        fresh = [i for i in block if is_new[i]]
        for i in fresh:
            members[i].update(block)
    if skipped:
        logger.debug("skipped %s blocks larger than %s claims", skipped, BLOCK_LIMIT)
    # 2. text LSH: index every claim, query the new ones
    shingles = [claim_shingles(c.tokens) for c in claims]
    hashable = [i for i, s in enumerate(shingles) if s]
    signatures = MinHash.bulk([list(shingles[i]) for i in hashable], num_perm=CLAIM_NUM_PERM, seed=_SEED)
    lsh = MinHashLSH(threshold=CLAIM_LSH_THRESHOLD, num_perm=CLAIM_NUM_PERM)
    with lsh.insertion_session() as session:
        for i, sig in zip(hashable, signatures, strict=True):
            session.insert(i, sig, check_duplication=False)
    for i, sig in zip(hashable, signatures, strict=True):
        if is_new[i]:
            members[i].update(lsh.query(sig))
    # 3. pairs within the time window
    for i in sorted(members):
        for j in sorted(members[i]):
            if j == i or (is_new[j] and j < i):
                continue
            if within_window(claims[i], claims[j]):
                yield i, j
