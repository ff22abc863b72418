"""Proposed tests (for tests/linking/) of the RUWA-driven rules and the bounded blocking."""

from __future__ import annotations

from dataclasses import replace

from claimledger.linking.blocking import NEIGHBOURS, candidate_pairs
from claimledger.linking.claims import COMMON_MIN_CLAIMS, common_tokens, link_features
from claimledger.linking.compat import IMPLICIT_SLACK_DAYS, compare
from claimledger.linking.features import ClaimFeatures, features_of


def claim(i: int, text: str, day: str = "2022-06-01", quantities: list[dict] | None = None,
          actors: tuple[str, ...] = ("Russia",), event: str | None = "ASSAULT") -> ClaimFeatures:
    data = {"id": f"c{i}", "article_id": f"a{i}", "text": text, "start": 0, "end": len(text),
            "source": {"name": f"src{i}"}, "event": {"type": event, "actors": list(actors)},
            "quantities": quantities or []}
    return features_of(data, article={"id": f"a{i}", "outlet": f"o{i}", "published": day})


def test_compare_undated_claims_days_apart_are_unrelated() -> None:
    a = claim(1, "Russian troops shelled the Kharkiv region hospital", "2022-06-01")
    b = claim(2, "Russian troops shelled the Kharkiv region hospital", f"2022-06-{1 + IMPLICIT_SLACK_DAYS + 1:02d}")
    assert compare(a, replace(b, time=a.time)).relation == "same"
    assert compare(a, b).relation == "unrelated"


def test_compare_tallies_on_different_days_are_not_contradictions() -> None:
    q = lambda v: [{"value": v, "category": "killed", "unit": "civilians"}]  # noqa: E731
    a = claim(1, "Death toll in missile strike on Chasiv Yar rises", "2022-07-10", q(30))
    b = claim(2, "Death toll in missile strike on Chasiv Yar rises", "2022-07-13", q(48))
    assert compare(a, b).relation == "unrelated"
    assert compare(a, replace(b, time=a.time)).relation == "contradiction"


def test_link_features_never_joins_contradicting_claims_through_a_vague_one() -> None:
    q = lambda v: [{"value": v, "category": "killed", "unit": "civilians"}]  # noqa: E731
    four = claim(1, "Russians killed civilians in Donetsk shelling yesterday", quantities=q(4))
    ten = claim(2, "Russians killed civilians in Donetsk shelling yesterday", quantities=q(10))
    vague = claim(3, "Russians killed civilians in Donetsk shelling yesterday")
    result = link_features([four, ten, vague])
    assert result.memberships["c1"] != result.memberships["c2"]
    assert len(result.contradictions) == 1


def test_link_features_undated_cluster_spans_at_most_the_slack() -> None:
    days = [f"2022-06-{d:02d}" for d in range(1, 10)]
    claims = [claim(i, "Russian army shells residential areas of Donetsk region", day) for i, day in enumerate(days)]
    result = link_features(claims)
    by_cluster: dict[str, list[ClaimFeatures]] = {}
    for c in claims:
        by_cluster.setdefault(result.memberships[c.id], []).append(c)
    assert len(by_cluster) > 1
    for members in by_cluster.values():
        span = max(c.time[1] for c in members) - min(c.time[0] for c in members)  # type: ignore[index]
        assert span <= IMPLICIT_SLACK_DAYS


def test_common_tokens_need_share_and_floor() -> None:
    many = [claim(i, "Russia shelled " + ("Kharkiv" if i % 30 == 0 else "Odesa")) for i in range(COMMON_MIN_CLAIMS + 20)]
    assert common_tokens(many) == frozenset({"russ", "shell", "odesa"})  # "kharkiv": in 4 claims
    assert common_tokens(many[:50]) == frozenset()


def test_candidate_pairs_large_block_bounded_by_neighbourhood() -> None:
    n = 6 * NEIGHBOURS
    def word(i: int, k: int) -> str:
        return "".join(chr(97 + (i * 7 + k * 3 + d) % 26) for d in range(3)) + chr(97 + i % 26) + chr(97 + i // 26)

    claims = [claim(i, " ".join(word(i, k) for k in range(4)), "2022-06-01") for i in range(n)]
    pairs = list(candidate_pairs(claims, range(n)))
    per_claim = [0] * n
    for i, j in pairs:
        per_claim[i] += 1
        per_claim[j] += 1
    assert max(per_claim) <= 2 * NEIGHBOURS + 2
    assert len(pairs) < n * (n - 1) // 2


def test_link_features_never_chains_explicitly_dated_claims_through_an_undated_one() -> None:
    text = "Russian occupants killed civilians in Donetsk region"
    june = claim(1, text, "2022-06-15")
    june = replace(june, time=(june.time[0] - 1, june.time[0]), explicit_time=True)  # type: ignore[index]
    may = claim(2, text, "2022-06-15")
    may = replace(may, time=(may.time[0] - 23, may.time[0] - 22), explicit_time=True)  # type: ignore[index]
    undated = claim(3, text, "2022-06-15")
    assert compare(june, undated).relation == "same"
    assert compare(may, undated).relation == "same"
    assert compare(june, may).relation == "unrelated"
    result = link_features([june, may, undated])
    assert result.memberships["c1"] != result.memberships["c2"]
    assert result.memberships["c3"] in (result.memberships["c1"], result.memberships["c2"])


def test_link_features_wider_cluster_of_an_earlier_run_still_takes_claims_that_do_not_widen_it() -> None:
    text = "Russian occupants killed civilians in Donetsk region"
    june = claim(1, text, "2022-06-15")
    june = replace(june, time=(june.time[0] - 1, june.time[0]), explicit_time=True)  # type: ignore[index]
    may = replace(claim(2, text, "2022-06-15"), time=(june.time[0] - 22, june.time[0] - 21), explicit_time=True)
    again = replace(claim(3, text, "2022-06-16"), time=june.time, explicit_time=True)
    result = link_features([june, may, again], assigned={"c1": "k-old", "c2": "k-old"})
    assert result.memberships == {"c3": "k-old"}
