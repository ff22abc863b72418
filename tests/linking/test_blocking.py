"""Candidate retrieval by blocking: no all-pairs comparison, time window respected."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claimledger_link_builders import story
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.linking.blocking import (
    NEIGHBOURS,
    _blocks,
    candidate_pairs,
    claim_shingles,
    claim_signature_from_text,
    claim_signature_to_text,
    claim_signatures,
)
from claimledger.linking.compat import IMPLICIT_SLACK_DAYS, TIME_SLACK_DAYS, TIME_WINDOW_DAYS
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


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.tuples(
                st.integers(0, 400),  # start day
                st.one_of(st.just(0), st.integers(1, 40), st.integers(41, 800)),  # length: a day, weeks, long
                st.booleans(),  # explicit
            ),
        ),
        min_size=2,
        max_size=2 * NEIGHBOURS + 1,
    ),
    st.data(),
)
def test_candidate_pairs_small_block_keeps_exactly_the_pairs_within_the_time_rules(
    times: list[tuple[int, int, bool] | None], data: st.DataObject
) -> None:
    """One key block (no sorted neighbourhood): the block search leaves out claims outside the
    window before the exact filter, which must lose no pair compare() could link, long
    intervals ("in 2022") starting long before a new claim included (an incremental run: only
    pairs with a new claim are searched, from the new claim's side)."""
    new = data.draw(st.sets(st.integers(0, len(times) - 1), min_size=1))
    base = story_features()[0]
    claims = []
    for k, t in enumerate(times):
        claims.append(replace(
            base, id=f"c{k}", article_id=f"a{k}", tokens=(f"w{k}a", f"w{k}b", f"w{k}c"),
            time=None if t is None else (t[0], t[0] + t[1]), explicit_time=bool(t and t[2]),
        ))

    def allowed(a: ClaimFeatures, b: ClaimFeatures) -> bool:
        if a.time is None or b.time is None:
            return True
        gap = max(a.time[0], b.time[0]) - min(a.time[1], b.time[1])
        if a.explicit_time and b.explicit_time:
            return gap <= TIME_SLACK_DAYS
        if a.explicit_time or b.explicit_time:
            return gap <= TIME_WINDOW_DAYS
        return gap <= IMPLICIT_SLACK_DAYS

    expected = {
        frozenset((i, j))
        for i in range(len(claims))
        for j in range(i + 1, len(claims))
        if (i in new or j in new) and allowed(claims[i], claims[j])
    }
    got = [frozenset(p) for p in candidate_pairs(claims, sorted(new))]
    assert len(got) == len(set(got))
    assert set(got) == expected


# -- cached signatures and incremental block collection ------------------------------


def many_features() -> list[ClaimFeatures]:
    """The story's claims, each also re-reported verbatim by two more articles (shared LSH bands)."""
    base = story_features()
    out = list(base)
    for copy in range(2):
        out.extend(replace(c, id=f"{c.id}~{copy}", article_id=f"{c.article_id}~{copy}") for c in base)
    return out


def test_candidate_pairs_with_given_signatures_equals_hashing_them() -> None:
    claims = many_features()
    new = list(range(len(claims) - 5, len(claims)))
    expected = list(candidate_pairs(claims, new))
    assert expected
    assert list(candidate_pairs(claims, new, signatures=claim_signatures(claims))) == expected


def test_candidate_pairs_rejects_signatures_of_other_claims() -> None:
    claims = many_features()
    with pytest.raises(ValueError, match="signatures for"):
        list(candidate_pairs(claims, [0], signatures=claim_signatures(claims[:-1])))


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_blocks_of_an_incremental_run_are_the_full_blocks_holding_a_new_claim(data: st.DataObject) -> None:
    """Collecting only the blocks of the new claims loses none of them and alters none."""
    claims = many_features()
    signatures = claim_signatures(claims)
    new = sorted(data.draw(st.sets(st.integers(0, len(claims) - 1), min_size=1, max_size=len(claims) - 1)))
    wanted = set(new)
    full = {tuple(b) for b in _blocks(claims, signatures, None) if wanted.intersection(b)}
    assert any(len(b) > 1 for b in full)
    restricted = {tuple(b) for b in _blocks(claims, signatures, new)}
    assert restricted == full


def test_claim_signature_text_round_trip_and_errors() -> None:
    values = claim_signatures(story_features())
    for v in values:
        back = claim_signature_from_text(claim_signature_to_text(v))
        assert (back is None and v is None) or (back is not None and v is not None and (back == v).all())
    assert claim_signature_from_text("") is None
    assert claim_signature_to_text(None) == ""
    with pytest.raises(ValueError, match="text, not bytes"):
        claim_signature_from_text(b"abcd")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not base64"):
        claim_signature_from_text("zz!")
    with pytest.raises(ValueError, match="256 bytes, not 3"):
        claim_signature_from_text("AAAA")
