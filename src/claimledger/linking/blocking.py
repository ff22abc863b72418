"""Candidate pairs for claim linking by blocking: shared event+actor, shared place, similar words."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from datasketch import MinHash  # type: ignore[import-untyped]

from .compat import TIME_WINDOW_DAYS
from .features import ClaimFeatures

__all__ = [
    "BLOCK_LIMIT",
    "CLAIM_LSH_THRESHOLD",
    "MAX_BUCKETS",
    "NEIGHBOURS",
    "candidate_pairs",
    "claim_shingles",
]

logger = logging.getLogger(__name__)

#: An undated claim is compared with a whole key block only up to this size
#: ("Russia" on untyped claims): larger blocks say little about sameness and would
#: make comparisons quadratic. On the bundled corpus (~2,300 claims) only the
#: country-name blocks are this large.
BLOCK_LIMIT = 400
#: A dated claim in a key block of more than 2 x NEIGHBOURS + 1 claims meets only
#: the NEIGHBOURS claims nearest in time on either side (sorted neighbourhood):
#: comparisons per claim stay bounded however dense the ledger gets, so link time
#: grows with the claims, not their square. Reports of one proposition come within
#: a day or two of each other; at 100k claims over two years (bench/linking.py,
#: ~14 a day in the busiest blocks, an actor with an event type) 20 covers about
#: a day and a half either side, and cut link time there by a tenth against 30;
#: the text LSH and places still join re-reports further apart.
NEIGHBOURS = 20
#: Jaccard threshold of the claim-text LSH (word 3-shingles of content words).
#: Re-wordings share few 3-shingles, so this is low: it only has to catch
#: near-verbatim re-reports that share no typed event or place; compare() decides.
CLAIM_LSH_THRESHOLD = 0.3
#: Permutations for the claim-text MinHash: 64 keeps hashing 2,300 claims under
#: 0.1 s; at threshold 0.3 datasketch picks 21 bands of 3 rows.
CLAIM_NUM_PERM = 64
#: LSH bands x rows per band: what datasketch's MinHashLSH picks for threshold 0.3
#: at 64 permutations (minimising false positives plus negatives, equal weights).
#: The bands are used as blocks here (one dict lookup per band and time bucket),
#: which costs a tenth of MinHashLSH.query at 100k claims.
CLAIM_BANDS = 21
CLAIM_BAND_ROWS = 3
_SEED = 7


def claim_shingles(tokens: Sequence[str]) -> set[bytes]:
    """Word 3-shingles of a claim's content words (the whole text when shorter)."""
    if len(tokens) < 3:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + 3]).encode("utf-8") for i in range(len(tokens) - 2)}


#: The text LSH bands are split by time: a claim is filed under each
#: TIME_WINDOW_DAYS-long bucket its interval touches and looks in the buckets
#: within the window of its own, so a ledger spanning years meets each claim's
#: near-verbatim copies from its own months only. A claim whose interval touches
#: more buckets than this ("since 2014") is filed as undated: it looks in every
#: bucket, and every claim looks at it (the window test still applies).
MAX_BUCKETS = 12
_UNDATED = -(10**9)

Bucketed = dict[int, list[int]]


def _home(c: ClaimFeatures) -> range | None:
    """The time buckets a claim is filed under (None: undated or too long)."""
    if c.time is None:
        return None
    lo, hi = c.time[0] // TIME_WINDOW_DAYS, c.time[1] // TIME_WINDOW_DAYS
    return range(lo, hi + 1) if hi - lo <= MAX_BUCKETS else None


def _reach(c: ClaimFeatures) -> range | None:
    """The buckets a claim looks in: its own and those within the window (None: all of them)."""
    if _home(c) is None:
        return None
    assert c.time is not None
    return range(
        (c.time[0] - TIME_WINDOW_DAYS) // TIME_WINDOW_DAYS,
        (c.time[1] + TIME_WINDOW_DAYS) // TIME_WINDOW_DAYS + 1,
    )


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


def _looked_in(by_bucket: Mapping[int, object], reach: range | None) -> list[int]:
    """The buckets of one index a claim with ``reach`` looks in (undated ones always)."""
    if reach is None:
        return list(by_bucket)
    return [b for b in (*reach, _UNDATED) if b in by_bucket]


def candidate_pairs(claims: Sequence[ClaimFeatures], new: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Pairs of claim indices worth comparing, each with at least one new claim.

    Blocks: (event type, shared actor/entity) and shared place, searched by
    sorted neighbourhood when large (see :data:`NEIGHBOURS`), and MinHash LSH
    bands over the content words' 3-shingles, split into time buckets (see
    :data:`MAX_BUCKETS`). Pairs further apart in time than the window (see
    :func:`claimledger.linking.compat.within_window`) are dropped.

    Args:
        claims: every claim (old and new).
        new: indices of the claims being linked now.

    Yields:
        ``(i, j)`` with ``i`` new; a pair of two new claims appears once.
    """
    is_new = [False] * len(claims)
    for i in new:
        is_new[i] = True
    homes = [_home(c) for c in claims]
    members: dict[int, set[int]] = defaultdict(set)
    # 1. key blocks: all of a small block; in a larger one, a dated claim meets the
    #    NEIGHBOURS claims nearest in time on either side (sorted neighbourhood) and
    #    an undated one the whole block up to BLOCK_LIMIT
    large = 0
    for block in _blocks(claims).values():
        fresh = [i for i in block if is_new[i]]
        if not fresh:
            continue
        if len(block) <= 2 * NEIGHBOURS + 1:
            for i in fresh:
                members[i].update(block)
            continue
        large += 1
        dated = [(t[0], i) for i in block if (t := claims[i].time) is not None]
        order = [i for _, i in sorted(dated)]
        where = {i: p for p, i in enumerate(order)}
        undated = [i for i in block if claims[i].time is None]
        for i in fresh:
            p = where.get(i)
            if p is None:
                if len(block) <= BLOCK_LIMIT:
                    members[i].update(block)
                continue
            members[i].update(order[max(0, p - NEIGHBOURS) : p + NEIGHBOURS + 1])
            if len(undated) <= BLOCK_LIMIT:
                members[i].update(undated)
    if large:
        logger.debug("%s key blocks over %s claims searched by neighbourhood", large, 2 * NEIGHBOURS + 1)
    # 2. text LSH: MinHash bands as blocks, bucketed by time like the key blocks
    shingles = [claim_shingles(c.tokens) for c in claims]
    hashable = [i for i, s in enumerate(shingles) if s]
    signatures = MinHash.bulk([list(shingles[i]) for i in hashable], num_perm=CLAIM_NUM_PERM, seed=_SEED)
    bands: dict[bytes, Bucketed] = defaultdict(lambda: defaultdict(list))
    keys_of: dict[int, list[bytes]] = {}
    for i, sig in zip(hashable, signatures, strict=True):
        values = sig.hashvalues
        keys = [
            band.to_bytes(1, "little")
            + values[band * CLAIM_BAND_ROWS : (band + 1) * CLAIM_BAND_ROWS].tobytes()
            for band in range(CLAIM_BANDS)
        ]
        home = homes[i]
        for key in keys:
            by_bucket = bands[key]
            for b in home if home is not None else (_UNDATED,):
                by_bucket[b].append(i)
        if is_new[i]:
            keys_of[i] = keys
    for i, keys in keys_of.items():
        reach = _reach(claims[i])
        for key in keys:
            by_bucket = bands[key]
            if len(by_bucket) == 1 and len(next(iter(by_bucket.values()))) == 1:
                continue  # the claim alone in this band (most bands): nothing to look up
            for b in _looked_in(by_bucket, reach):
                members[i].update(by_bucket[b])
    # 3. pairs within the time window (a pair of new claims from its lower index,
    #    unless only the higher one found it: neighbourhoods are not symmetric);
    #    the window test is within_window's, inlined (it runs millions of times)
    times = [c.time for c in claims]
    for i in sorted(members):
        ti = times[i]
        for j in sorted(members[i]):
            if j == i or (is_new[j] and j < i and i in members[j]):
                continue
            tj = times[j]
            if ti is None or tj is None or max(ti[0], tj[0]) - min(ti[1], tj[1]) <= TIME_WINDOW_DAYS:
                yield i, j
