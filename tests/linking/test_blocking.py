"""Candidate retrieval by blocking: no all-pairs comparison, time window respected."""

from __future__ import annotations

from dataclasses import replace

from claimledger_link_builders import story

from claimledger.linking.blocking import candidate_pairs, claim_shingles
from claimledger.linking.features import ClaimFeatures, features_of


def story_features() -> list[ClaimFeatures]:
    return [features_of(c, article=d.article) for d in story() for c in d.claims]


def test_candidate_pairs_each_pair_once_with_a_new_claim() -> None:
    claims = story_features()
    pairs = list(candidate_pairs(claims, [0, 1]))
    assert pairs and all(i in (0, 1) for i, _ in pairs)
    keys = [frozenset(p) for p in pairs]
    assert len(keys) == len(set(keys))


def test_candidate_pairs_finds_rewordings_without_all_pairs() -> None:
    claims = story_features()
    ids = [c.id for c in claims]
    pairs = {frozenset((ids[i], ids[j])) for i, j in candidate_pairs(claims, range(len(claims)))}
    loss = [c.id for c in claims if "1,000" in c.text]
    assert len(loss) == 4
    assert {frozenset((loss[0], other)) for other in loss[1:]} <= pairs


def test_candidate_pairs_never_pairs_claims_sharing_no_block() -> None:
    claims = story_features()
    meeting = replace(
        claims[0],
        id="meeting",
        article_id="other",
        event_type="MEET",
        actors=frozenset({"volodymyr zelensky"}),
        entities=frozenset({"volodymyr zelensky"}),
        places=frozenset({"kyiv"}),
        tokens=("zelensky", "met", "delegat", "kyiv"),
    )
    pairs = list(candidate_pairs([*claims, meeting], range(len(claims) + 1)))
    assert pairs and all(len(claims) not in p for p in pairs)


def test_candidate_pairs_drops_claims_outside_time_window() -> None:
    claims = story_features()
    far = replace(claims[0], id="far", article_id="far", time=(claims[0].time[0] + 90,) * 2)  # type: ignore[index]
    pairs = list(candidate_pairs([*claims, far], [len(claims)]))
    assert all(claims_j != 0 for _, claims_j in pairs)


def test_candidate_pairs_text_lsh_links_untyped_verbatim_copies() -> None:
    base = replace(
        story_features()[0], event_type=None, actors=frozenset(), entities=frozenset(), places=frozenset()
    )
    copy = replace(base, id="copy", article_id="copy")
    assert list(candidate_pairs([base, copy], [1])) == [(1, 0)]


def test_claim_shingles_short_text_is_one_shingle() -> None:
    assert claim_shingles(["a", "b"]) == {b"a b"}
    assert len(claim_shingles(["a", "b", "c", "d"])) == 2
