"""Candidate pairs for claim linking by blocking: shared event+actor, shared place, similar words."""

from __future__ import annotations

import base64
import binascii
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import chain

import numpy as np
from datasketch import MinHash  # type: ignore[import-untyped]

from .compat import IMPLICIT_SLACK_DAYS, TIME_SLACK_DAYS, TIME_WINDOW_DAYS
from .features import ClaimFeatures

__all__ = [
    "BLOCK_LIMIT",
    "CLAIM_LSH_THRESHOLD",
    "NEIGHBOURS",
    "candidate_pairs",
    "claim_shingles",
    "claim_signature_from_text",
    "claim_signature_to_text",
    "claim_signatures",
]

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


def claim_signatures(claims: Sequence[ClaimFeatures]) -> list[np.ndarray | None]:
    """Each claim's text MinHash (:data:`CLAIM_NUM_PERM` unsigned 32-bit values).

    None for a claim with no content words. The values are what
    :func:`candidate_pairs` bands; the store caches them (:func:`claim_signature_to_text`),
    so an incremental link hashes only claims whose words changed.
    """
    shingles = [claim_shingles(c.tokens) for c in claims]
    hashable = [i for i, s in enumerate(shingles) if s]
    out: list[np.ndarray | None] = [None] * len(claims)
    hashed = MinHash.bulk([list(shingles[i]) for i in hashable], num_perm=CLAIM_NUM_PERM, seed=_SEED)
    for i, sig in zip(hashable, hashed, strict=True):
        # the values are below 2**32: 32 bits keep them whole at half the bytes
        out[i] = sig.hashvalues.astype("<u4")
    return out


def claim_signature_to_text(values: np.ndarray | None) -> str:
    """A :func:`claim_signatures` value as the store keeps it: base64 of 4 little-endian bytes a
    value ('' for None). Text, like every column (the file stays readable in Datasette), at
    two-thirds of hex's size: 344 characters a claim, 34 MB at 100k claims against 51."""
    return "" if values is None else base64.b64encode(values.astype("<u4").tobytes()).decode("ascii")


def claim_signature_from_text(text: str) -> np.ndarray | None:
    """The inverse of :func:`claim_signature_to_text`.

    Raises:
        ValueError: not base64 text of :data:`CLAIM_NUM_PERM` 32-bit values.
    """
    if not isinstance(text, str):
        raise ValueError(f"a stored claim MinHash is text, not {type(text).__name__}")
    if not text:
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error as e:
        raise ValueError(f"a stored claim MinHash is not base64 ({e})") from e
    if len(raw) != 4 * CLAIM_NUM_PERM:
        raise ValueError(f"a claim MinHash has {4 * CLAIM_NUM_PERM} bytes, not {len(raw)}")
    return np.frombuffer(raw, dtype="<u4")


def _keys(c: ClaimFeatures) -> set[tuple[str, str]]:
    keys = {("event", f"{c.event_type or '-'}|{name}") for name in c.actors | c.entities}
    keys.update(("place", place) for place in c.places)
    return keys


def _band_keys(values: np.ndarray) -> list[bytes]:
    return [
        band.to_bytes(1, "little") + values[band * CLAIM_BAND_ROWS : (band + 1) * CLAIM_BAND_ROWS].tobytes()
        for band in range(CLAIM_BANDS)
    ]


def _collect_bands(
    signatures: Sequence[np.ndarray | None], wanted: Sequence[int], bands: dict[bytes, list[int]]
) -> None:
    """Fill ``bands`` with the LSH bands of the ``wanted`` claims and every claim in them.

    Vectorised: a claim can share a band only if it shares the band's first value, so
    one ``np.isin`` per band over all signatures finds the few claims whose whole band
    key is worth building (at 100k claims, 1.2 s of Python became a few milliseconds).
    """
    marks = {band for i in wanted if (v := signatures[i]) is not None for band in _band_keys(v)}
    hashed = [i for i, v in enumerate(signatures) if v is not None]
    if not marks or not hashed:
        return
    matrix = np.stack([signatures[i] for i in hashed])  # type: ignore[misc]
    for band in range(CLAIM_BANDS):
        column = band * CLAIM_BAND_ROWS
        firsts = np.array(
            sorted({int.from_bytes(m[1:5], "little") for m in marks if m[0] == band}), dtype=matrix.dtype
        )
        if not len(firsts):
            continue
        head = band.to_bytes(1, "little")
        for row in np.flatnonzero(np.isin(matrix[:, column], firsts)):
            key = head + matrix[row, column : column + CLAIM_BAND_ROWS].tobytes()
            if key in marks:
                bands[key].append(hashed[row])


def _blocks(
    claims: Sequence[ClaimFeatures], signatures: Sequence[np.ndarray | None], wanted: Sequence[int] | None
) -> Iterator[list[int]]:
    """Key blocks and text LSH bands; only those holding a claim of ``wanted`` when given."""
    keyed: dict[tuple[str, str], list[int]] = defaultdict(list)
    bands: dict[bytes, list[int]] = defaultdict(list)
    if wanted is None:
        for i, c in enumerate(claims):
            for key in _keys(c):
                keyed[key].append(i)
            if (values := signatures[i]) is not None:
                for band in _band_keys(values):
                    bands[band].append(i)
    else:
        # an incremental run: blocks without a new claim are never searched, so
        # they are not collected (at 100k claims, most blocks of most claims)
        keys = set(chain.from_iterable(_keys(claims[i]) for i in wanted))
        if keys:
            for i, c in enumerate(claims):
                for key in _keys(c) & keys:
                    keyed[key].append(i)
        _collect_bands(signatures, wanted, bands)
    yield from keyed.values()
    yield from bands.values()


#: No pair of dated claims further apart than this (days) is ever compared: the widest of
#: compare()'s time limits (see _window_pairs). Block members outside it are not collected.
_WINDOW = max(TIME_WINDOW_DAYS, TIME_SLACK_DAYS, IMPLICIT_SLACK_DAYS)
#: Claims dated over at most this many days are "short"; the few longer ones ("in 2022",
#: "since 2014") are checked one by one, as their start says little about their end.
_SHORT_DAYS = 31


class _TimeOrder:
    """A block's dated claims sorted by start, for finding those within the window of a claim."""

    __slots__ = ("order", "starts", "long", "undated")

    def __init__(self, block: Sequence[int], claims: Sequence[ClaimFeatures]) -> None:
        dated = sorted((t[0], i) for i in block if (t := claims[i].time) is not None)
        self.order = [i for _, i in dated]
        self.starts = [s for s, _ in dated]
        # positions (in start order) of the long claims
        self.long = [p for p, i in enumerate(self.order) if (t := claims[i].time) and t[1] - t[0] > _SHORT_DAYS]
        self.undated = [i for i in block if claims[i].time is None]

    def near(self, time: tuple[int, int], lo: int, hi: int, claims: Sequence[ClaimFeatures]) -> list[int]:
        """The claims at start positions ``lo:hi`` whose time is within the window of ``time``.

        Exact for the window's ends up to the short claims' slack: a superset of the pairs
        :func:`_window_pairs` keeps, never fewer (it filters them exactly afterwards).
        """
        first = bisect_left(self.starts, time[0] - _WINDOW - _SHORT_DAYS, lo, hi)
        last = bisect_right(self.starts, time[1] + _WINDOW, lo, hi)
        out = self.order[first:last]
        if first > lo and self.long:
            # a long claim that starts earlier may still reach into the window
            for p in self.long[bisect_left(self.long, lo) : bisect_left(self.long, first)]:
                t = claims[self.order[p]].time
                if t is not None and t[1] >= time[0] - _WINDOW:
                    out.append(self.order[p])
        return out


def _search_block(
    block: Sequence[int], fresh: Sequence[int], claims: Sequence[ClaimFeatures], members: dict[int, set[int]]
) -> None:
    """Add to ``members[i]`` (``i`` in ``fresh``) the claims of ``block`` it meets.

    A dated claim meets the block's dated claims within the time window (in a
    block of more than 2 x :data:`NEIGHBOURS` + 1 claims, only among the
    NEIGHBOURS nearest in time on either side: sorted neighbourhood), plus the
    block's undated claims when they are at most :data:`BLOCK_LIMIT`; an
    undated claim meets the whole block up to BLOCK_LIMIT claims, and in a
    larger one the NEIGHBOURS undated claims nearest it in ledger order on
    either side (500 undated copies of one wire story still chain into one
    cluster, in linear time). Claims further apart in time than the window are
    left out here (every one of them would be dropped by :func:`_window_pairs`):
    at 100k claims over twenty years, most members of a block are years apart.
    """
    times = _TimeOrder(block, claims)
    large = len(block) > 2 * NEIGHBOURS + 1
    where = {i: p for p, i in enumerate(times.order)} if large else {}
    spot = {i: p for p, i in enumerate(times.undated)} if len(block) > BLOCK_LIMIT else {}
    for i in fresh:
        time = claims[i].time
        if time is None:
            if len(block) <= BLOCK_LIMIT:
                members[i].update(block)
            else:
                q = spot[i]
                members[i].update(times.undated[max(0, q - NEIGHBOURS) : q + NEIGHBOURS + 1])
            continue
        if large:
            p = where[i]
            lo, hi = max(0, p - NEIGHBOURS), min(len(times.order), p + NEIGHBOURS + 1)
        else:
            lo, hi = 0, len(times.order)
        members[i].update(times.near(time, lo, hi, claims))
        if len(times.undated) <= BLOCK_LIMIT:
            members[i].update(times.undated)


def candidate_pairs(
    claims: Sequence[ClaimFeatures],
    new: Sequence[int],
    *,
    signatures: Sequence[np.ndarray | None] | None = None,
) -> Iterator[tuple[int, int]]:
    """Pairs of claim indices worth comparing, each with at least one new claim.

    Blocks: (event type, shared actor/entity), shared place, and MinHash LSH
    bands over the content words' 3-shingles; a block larger than
    2 x :data:`NEIGHBOURS` + 1 is searched by sorted neighbourhood in time, so
    comparisons per claim stay bounded however many re-reports of one story
    the ledger holds. Pairs further apart in time than the window (see
    :func:`claimledger.linking.compat.within_window`) are dropped.

    Args:
        claims: every claim (old and new).
        new: indices of the claims being linked now.
        signatures: each claim's :func:`claim_signatures` value, when already
            known (default: hashed here).

    Yields:
        ``(i, j)`` with ``i`` new; a pair of two new claims appears once.
    """
    is_new = [False] * len(claims)
    for i in new:
        is_new[i] = True
    # 1. key blocks and text LSH bands (MinHash bands over 3-shingles as blocks)
    if signatures is None:
        signatures = claim_signatures(claims)
    elif len(signatures) != len(claims):
        raise ValueError(f"{len(signatures)} signatures for {len(claims)} claims")
    wanted = None if len(new) == len(claims) else new
    # 2. each distinct block once: claims sharing one band mostly share them all
    #    (re-reports of one text), and a block with the members of one already
    #    searched adds nothing (at 100k claims in bench/linking.py, 54k shared bands
    #    held 2.8k distinct member lists); a claim alone in its block (most bands)
    #    has nothing to look up. All of a small block; a larger one by sorted
    #    neighbourhood, so comparisons per claim stay bounded however many
    #    re-reports of one story the window holds
    distinct = {tuple(block): block for block in _blocks(claims, signatures, wanted) if len(block) > 1}
    members: dict[int, set[int]] = defaultdict(set)
    for block in distinct.values():
        fresh = [i for i in block if is_new[i]]
        if fresh:
            _search_block(block, fresh, claims, members)
    # 3. pairs within the time window (a pair of new claims from its lower index,
    #    unless only the higher one found it: neighbourhoods are not symmetric);
    #    the window test is within_window's, vectorised (millions of pairs at 100k)
    yield from _window_pairs(claims, members, is_new)


def _window_pairs(
    claims: Sequence[ClaimFeatures], members: dict[int, set[int]], is_new: Sequence[bool]
) -> Iterator[tuple[int, int]]:
    """The pairs ``(i, j)``, ``j`` in ``members[i]``, in (i, j) order, that are compared.

    Dropped: ``j == i``; a pair of two new claims found from both ends, from
    its higher end; a pair whose claims are dated further apart than the window,
    or than :func:`~claimledger.linking.compat.compare` allows for their kinds of
    date (it would call them unrelated).
    """
    keys = sorted(members)
    if not keys:
        return
    n = len(claims)
    lens = np.fromiter((len(members[i]) for i in keys), dtype=np.int64, count=len(keys))
    left = np.repeat(np.asarray(keys, dtype=np.int64), lens)
    right = np.fromiter(chain.from_iterable(members[i] for i in keys), dtype=np.int64, count=int(lens.sum()))
    dated = np.fromiter((c.time is not None for c in claims), dtype=bool, count=n)
    start = np.fromiter((c.time[0] if c.time else 0 for c in claims), dtype=np.int64, count=n)
    end = np.fromiter((c.time[1] if c.time else 0 for c in claims), dtype=np.int64, count=n)
    explicit = np.fromiter((c.explicit_time for c in claims), dtype=bool, count=n)
    # compare()'s own time rules, applied here so the pairs they rule out are never
    # compared (half the pairs at 100k claims): both times explicit and more than
    # TIME_SLACK_DAYS apart, or both dated by their articles and more than
    # IMPLICIT_SLACK_DAYS apart, are different events; otherwise the window
    ex_l, ex_r = explicit[left], explicit[right]
    limit = np.where(ex_l & ex_r, TIME_SLACK_DAYS, np.where(ex_l | ex_r, TIME_WINDOW_DAYS, IMPLICIT_SLACK_DAYS))
    del ex_l, ex_r
    gap = np.maximum(start[left], start[right]) - np.minimum(end[left], end[right])
    keep = (left != right) & (~(dated[left] & dated[right]) | (gap <= limit))
    del gap, limit
    left, right = left[keep], right[keep]
    # every test so far is symmetric, so (i, j) and (j, i) survive together or not at all
    codes = left * n + right
    order = np.argsort(codes)
    left, right, codes = left[order], right[order], codes[order]
    del order
    keep = np.ones(len(left), dtype=bool)
    # (i, j) with j new and j < i is dropped when (j, i) is there too
    back = np.asarray(is_new, dtype=bool)[right] & (right < left)
    if back.any():
        reverse = right[back] * n + left[back]
        found = np.minimum(np.searchsorted(codes, reverse), len(codes) - 1)
        keep[np.flatnonzero(back)[codes[found] == reverse]] = False
    yield from zip(left[keep].tolist(), right[keep].tolist(), strict=True)
