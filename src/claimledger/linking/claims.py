"""Link claims across articles: clusters of one proposition, corroboration counts, contradictions."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..collector import collector_paused
from .blocking import candidate_pairs, claim_signatures
from .compat import IMPLICIT_SLACK_DAYS, TIME_SLACK_DAYS, compare
from .features import ClaimFeatures, evolve
from .groups import UnionFind

__all__ = [
    "COMMON_MIN_CLAIMS",
    "COMMON_SHARE",
    "ClusterSummary",
    "Contradiction",
    "LinkResult",
    "Signature",
    "cluster_id_of",
    "common_tokens",
    "link_features",
    "summarize",
]

#: A content word in more than this share of the claims being linked (and in at
#: least COMMON_MIN_CLAIMS of them) says nothing about which proposition a claim
#: states: in a war ledger "russia" and "ukrain" are in most claims, and two
#: headlines sharing only them and one more word looked like one claim. Chosen on
#: the RUWA headlines (eval task ``ruwa``): 5 % drops the country names, "war",
#: "kill" and "attack" there, and nothing on ledgers of under 2,000 claims.
COMMON_SHARE = 0.05
COMMON_MIN_CLAIMS = 100

#: A claim's text MinHash as linking caches it: the common words left out of its
#: text when it was hashed (sorted, space-separated; see :func:`common_tokens`) and
#: the values (None for a claim with no other content words). The values hold for
#: as long as the same words are left out.
Signature = tuple[str, np.ndarray | None]


@dataclass(frozen=True, slots=True)
class ClusterSummary:
    """One cluster's corroboration counts.

    ``origins`` counts distinct innermost sources (independent origins);
    ``relays`` counts distinct reports carrying the claim, near-duplicate
    articles counted once; ``outlets`` counts distinct outlets. ``label`` is
    the text of the earliest claim, ``first_seen`` its earliest publication date.
    """

    id: str
    first_seen: str | None
    size: int
    origins: int
    relays: int
    outlets: int
    label: str

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "first_seen": self.first_seen,
            "size": self.size,
            "origins": self.origins,
            "relays": self.relays,
            "outlets": self.outlets,
            "label": self.label,
        }


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims about one proposition that cannot both hold.

    ``kind`` is ``polarity``, ``quantity``, ``denial`` or ``correction`` (the later
    claim corrects the earlier; see :func:`~claimledger.linking.compat.compare`); ``claim_a`` is the
    earlier claim (by publication date, article, offset).
    """

    claim_a: str
    claim_b: str
    kind: str
    detail: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return {
            "claim_a": self.claim_a,
            "claim_b": self.claim_b,
            "kind": self.kind,
            "detail": self.detail,
            "score": self.score,
        }


@dataclass(slots=True)
class LinkResult:
    """What one linking run changed.

    ``memberships`` maps each claim whose cluster is new or changed to its
    cluster id; ``clusters`` holds the new summaries of every cluster touched;
    ``removed`` the ids of clusters merged into others; ``linked`` the number of
    claims linked for the first time; ``compared`` the candidate pairs compared;
    ``signatures`` the text MinHashes hashed in this run (claim id -> :data:`Signature`),
    for the caller to keep.
    """

    memberships: dict[str, str] = field(default_factory=dict)
    clusters: list[ClusterSummary] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    linked: int = 0
    compared: int = 0
    signatures: dict[str, Signature] = field(default_factory=dict)


def cluster_id_of(claim_id: str) -> str:
    """The id a cluster founded by ``claim_id`` gets (stable across runs)."""
    return "k" + hashlib.sha1(claim_id.encode("utf-8")).hexdigest()[:12]


def summarize(cluster_id: str, members: Iterable[ClaimFeatures]) -> ClusterSummary:
    """Corroboration counts of one cluster (see :class:`ClusterSummary`)."""
    items = sorted(members, key=lambda c: c.order)
    dates = [c.published for c in items if c.published]
    return ClusterSummary(
        id=cluster_id,
        first_seen=min(dates) if dates else None,
        size=len(items),
        origins=len({c.origin for c in items}),
        relays=len({c.unit for c in items}),
        outlets=len({c.outlet for c in items if c.outlet}),
        label=items[0].text if items else "",
    )


def common_tokens(claims: Sequence[ClaimFeatures]) -> frozenset[str]:
    """Content words too frequent among ``claims`` to be evidence (see :data:`COMMON_SHARE`)."""
    df: Counter[str] = Counter()
    for c in claims:
        df.update(set(c.tokens))
    floor = max(COMMON_MIN_CLAIMS, COMMON_SHARE * len(claims))
    return frozenset(w for w, n in df.items() if n > floor)


def link_features(
    claims: Sequence[ClaimFeatures],
    *,
    assigned: Mapping[str, str] | None = None,
    refresh: Iterable[str] = (),
    signatures: Mapping[str, Signature] | None = None,
) -> LinkResult:
    """Cluster claims that state the same proposition and find contradictions.

    Only claims without a cluster in ``assigned`` are compared (against every
    claim in their blocks); assigned claims keep their clusters, which grow
    or merge when a new claim joins them. A merged cluster keeps the id of its
    earliest member cluster; a new cluster is named after its earliest claim.
    Matches merge closest first (text score), never joining two contradicting
    claims, stretching a cluster's undated claims over more than
    :data:`~claimledger.linking.compat.IMPLICIT_SLACK_DAYS`, nor putting two claims
    with their own dates further apart than
    :data:`~claimledger.linking.compat.TIME_SLACK_DAYS` in one cluster; words common to
    the claims (:func:`common_tokens`) are left out of the text comparison.

    Args:
        claims: every claim of the ledger, old and new.
        assigned: claim id -> cluster id from earlier runs (empty: link everything).
        refresh: claim ids whose clusters must be summarised again although
            nothing joined them (their article became a near-duplicate).
        signatures: claim id -> text MinHash from an earlier run (``LinkResult.signatures``);
            one hashed with other common words left out is hashed again.

    Returns:
        A :class:`LinkResult`.
    """
    # millions of short-lived candidate sets and verdicts, no cycles (see collector_paused)
    with collector_paused():
        return _link_features(claims, assigned=assigned, refresh=refresh, cached=signatures or {})


def _link_features(
    claims: Sequence[ClaimFeatures],
    *,
    assigned: Mapping[str, str] | None,
    refresh: Iterable[str],
    cached: Mapping[str, Signature],
) -> LinkResult:
    """:func:`link_features` with the collector paused."""
    assigned = assigned or {}
    result = LinkResult()
    common = common_tokens(claims)
    left_out = [""] * len(claims)
    if common:
        filtered = []
        for i, c in enumerate(claims):
            if dropped := common.intersection(c.token_set):
                left_out[i] = " ".join(sorted(dropped))
                c = evolve(c, tokens=tuple(t for t in c.tokens if t not in common))
            filtered.append(c)
        claims = filtered
    values: list[np.ndarray | None] = [None] * len(claims)
    todo = []
    for i, c in enumerate(claims):
        hit = cached.get(c.id)
        if hit is not None and hit[0] == left_out[i]:
            values[i] = hit[1]
        else:
            todo.append(i)
    for i, v in zip(todo, claim_signatures([claims[i] for i in todo]), strict=True):
        values[i] = v
        result.signatures[claims[i].id] = (left_out[i], v)
    index = {c.id: i for i, c in enumerate(claims)}
    new = [i for i, c in enumerate(claims) if c.id not in assigned]
    result.linked = len(new)
    # 1. earlier clusters
    uf: UnionFind[int] = UnionFind()
    first_of: dict[str, int] = {}
    for i, c in enumerate(claims):
        uf.add(i)
        cid = assigned.get(c.id)
        if cid is not None:
            if cid in first_of:
                uf.union(first_of[cid], i)
            else:
                first_of[cid] = i
    # 2. compare candidate pairs
    same: list[tuple[float, int, int]] = []
    opposed: dict[int, set[int]] = {}
    for i, j in candidate_pairs(claims, new, signatures=values):
        result.compared += 1
        verdict = compare(claims[i], claims[j])
        if verdict.relation == "same":
            same.append((-verdict.score, i, j))
        elif verdict.relation == "contradiction":
            opposed.setdefault(i, set()).add(j)
            opposed.setdefault(j, set()).add(i)
            a, b = sorted((claims[i], claims[j]), key=lambda c: c.order)
            result.contradictions.append(
                Contradiction(a.id, b.id, verdict.kind or "polarity", verdict.detail or "", verdict.score)
            )
    # 3. merge the closest pairs first; a merge is refused when it would put two
    #    contradicting claims in one cluster (a vague "Russians kill civilians"
    #    bridging "killed four" and "killed 3") or stretch the cluster's undated
    #    claims (dated by their articles) over more than IMPLICIT_SLACK_DAYS (daily
    #    reports chaining pair by pair into one cluster spanning weeks), or join claims
    #    dated by their own words ("on May 23", "on June 14") further apart than compare()
    #    allows, through an undated claim that matched both (a cluster already wider,
    #    from an earlier run, may take claims that do not widen it)
    span: dict[int, tuple[int, int]] = {}
    dated: dict[int, tuple[int, int]] = {}
    for i, c in enumerate(claims):
        if c.time is None:
            continue
        root = uf.find(i)
        if c.explicit_time:
            latest, earliest = dated.get(root, c.time)
            dated[root] = (max(latest, c.time[0]), min(earliest, c.time[1]))
        else:
            lo, hi = span.get(root, c.time)
            span[root] = (min(lo, c.time[0]), max(hi, c.time[1]))
    against: dict[int, set[int]] = {}
    for i, others in opposed.items():
        against.setdefault(uf.find(i), set()).update(others)
    for _, i, j in sorted(same):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        si, sj = span.get(ri), span.get(rj)
        if si and sj and max(si[1], sj[1]) - min(si[0], sj[0]) > IMPLICIT_SLACK_DAYS:
            continue
        di, dj = dated.get(ri), dated.get(rj)
        if di and dj:
            merged = (max(di[0], dj[0]), min(di[1], dj[1]))
            if merged[0] - merged[1] > max(TIME_SLACK_DAYS, di[0] - di[1], dj[0] - dj[1]):
                continue
        xi, xj = against.get(ri, set()), against.get(rj, set())
        if any(uf.find(x) == rj for x in xi) or any(uf.find(x) == ri for x in xj):
            continue
        uf.union(ri, rj)
        root = uf.find(ri)
        if si or sj:
            lo_hi = [x for x in (si, sj) if x]
            span[root] = (min(x[0] for x in lo_hi), max(x[1] for x in lo_hi))
        if di or dj:
            both = [x for x in (di, dj) if x]
            dated[root] = (max(x[0] for x in both), min(x[1] for x in both))
        if xi or xj:
            # the larger set is a stored one (the empty default never is): grow it in place
            big, small = (xi, xj) if len(xi) >= len(xj) else (xj, xi)
            big.update(small)
            against.pop(ri, None)
            against.pop(rj, None)
            against[root] = big
    # 4. name and summarise the clusters new claims (or refreshed ones) are in
    touched_roots = {uf.find(i) for i in new} | {uf.find(index[c]) for c in refresh if c in index}
    for members in uf.groups():
        if uf.find(members[0]) not in touched_roots:
            continue
        feats = [claims[i] for i in members]
        old = {assigned[c.id] for c in feats if c.id in assigned}
        if old:
            first_seen = {
                k: min(claims[i].order for i in members if assigned.get(claims[i].id) == k) for k in old
            }
            keep = min(old, key=lambda k: (first_seen[k], k))
            result.removed.extend(sorted(old - {keep}))
        else:
            keep = cluster_id_of(min(feats, key=lambda c: c.order).id)
        for c in feats:
            if assigned.get(c.id) != keep:
                result.memberships[c.id] = keep
        result.clusters.append(summarize(keep, feats))
    return result
