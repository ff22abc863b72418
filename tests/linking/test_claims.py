"""Clustering claims across articles: corroboration counts, contradictions, stable ids."""

from __future__ import annotations

from claimledger_link_builders import baltic, correction, lakeside, meridian, meridian_later, northgate, story

from claimledger.linking.claims import cluster_id_of, link_features, summarize
from claimledger.linking.features import ClaimFeatures, features_of
from claimledger.model import AnalyzedDocument

DUP = "copy-group"


def features(docs: list[AnalyzedDocument]) -> list[ClaimFeatures]:
    units = {"northgate-1": DUP, "lakeside-1": DUP}
    return [features_of(c, article=d.article, unit=units.get(d.article.id)) for d in docs for c in d.claims]


def cluster_of(result_memberships: dict[str, str], text_part: str, claims: list[ClaimFeatures]) -> set[str]:
    return {result_memberships[c.id] for c in claims if text_part in c.text}


def test_link_features_rewordings_form_one_cluster_one_origin_three_relays() -> None:
    claims = features(story())
    result = link_features(claims)
    loss = [c for c in claims if "1,000" in c.text]
    ids = {result.memberships[c.id] for c in loss}
    assert len(ids) == 1
    (summary,) = [s for s in result.clusters if s.id in ids]
    # northgate + its syndicated copy count once: 4 claims, 3 relays, 1 origin
    assert (summary.size, summary.origins, summary.relays, summary.outlets) == (4, 1, 3, 4)


def test_link_features_unrelated_claim_with_same_entities_stays_apart() -> None:
    claims = features(story())
    result = link_features(claims)
    tanks = next(c for c in claims if "tanks" in c.text)
    troops = next(c for c in claims if "1,000 troops" in c.text)
    assert result.memberships[tanks.id] != result.memberships[troops.id]


def test_link_features_finds_quantity_and_denial_contradictions() -> None:
    claims = features(story())
    result = link_features(claims)
    by_id = {c.id: c for c in claims}
    kinds = {
        (x.kind, frozenset((by_id[x.claim_a].article_id, by_id[x.claim_b].article_id)))
        for x in result.contradictions
    }
    assert ("quantity", frozenset(("northgate-1", "meridian-1"))) in kinds
    assert ("denial", frozenset(("northgate-1", "baltic-1"))) in kinds
    assert {k for k, _ in kinds} == {"quantity", "denial"}
    assert all(x.claim_a != x.claim_b for x in result.contradictions)


def test_link_features_contradiction_pairs_are_in_time_order() -> None:
    claims = features(story())
    by_id = {c.id: c for c in claims}
    for x in link_features(claims).contradictions:
        assert by_id[x.claim_a].order <= by_id[x.claim_b].order


def test_link_features_incremental_keeps_ids_and_grows() -> None:
    first_docs = [northgate(), meridian()]
    first = link_features(features(first_docs))
    later = features([*first_docs, lakeside(), baltic(), meridian_later()])
    second = link_features(later, assigned=first.memberships)
    assert second.linked == len(later) - len(first.memberships)
    # no old claim moves, and the loss cluster grew under its old id
    assert all(second.memberships.get(c, cid) == cid for c, cid in first.memberships.items())
    loss_id = next(cid for c, cid in first.memberships.items() if c.startswith("northgate-1:32"))
    grown = next(s for s in second.clusters if s.id == loss_id)
    assert grown.size == 4 and grown.relays == 3


def test_link_features_incremental_matches_rebuild_grouping() -> None:
    docs = story()
    first = link_features(features(docs[:2]))
    inc = link_features(features(docs), assigned=first.memberships)
    full = link_features(features(docs))
    merged = {**first.memberships, **inc.memberships}

    def partition(m: dict[str, str]) -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for c, k in m.items():
            groups.setdefault(k, set()).add(c)
        return {frozenset(g) for g in groups.values()}

    assert partition(merged) == partition(full.memberships)


def test_link_features_linking_again_changes_nothing() -> None:
    claims = features(story())
    first = link_features(claims)
    again = link_features(claims, assigned=first.memberships)
    assert (again.memberships, again.clusters, again.contradictions, again.linked) == ({}, [], [], 0)


def test_link_features_merge_keeps_earliest_cluster_id() -> None:
    claims = features([northgate(), meridian()])
    loss = [c for c in claims if "1,000" in c.text]
    assigned = {c.id: f"old-{i}" for i, c in enumerate(claims)}
    del assigned[loss[1].id]
    # meridian's claim is new and joins northgate's cluster: it takes that id
    result = link_features(claims, assigned=assigned)
    assert result.memberships == {loss[1].id: assigned[loss[0].id]}


def test_link_features_refresh_resummarises_untouched_cluster() -> None:
    claims = features([northgate()])
    first = link_features(claims)
    result = link_features(claims, assigned=first.memberships, refresh=[claims[0].id])
    assert [s.id for s in result.clusters] == [first.memberships[claims[0].id]]


def test_cluster_id_of_is_stable() -> None:
    assert cluster_id_of("a") == cluster_id_of("a") != cluster_id_of("b")


def test_summarize_counts_origins_and_relays() -> None:
    claims = features([northgate(), lakeside()])
    summary = summarize("k", claims)
    assert (summary.size, summary.origins, summary.relays, summary.first_seen) == (4, 2, 1, "2023-04-20")


def test_link_features_reuses_cached_signatures_and_rehashes_changed_ones() -> None:
    early = features([northgate(), meridian()])
    first = link_features(early)
    assert set(first.signatures) == {c.id for c in early}
    later = features(story())
    assigned = dict(first.memberships)
    # one cached MinHash was hashed with other common words left out: it is hashed again
    stale = early[0].id
    cached = {**first.signatures, stale: ("bogus", first.signatures[stale][1])}
    again = link_features(later, assigned=assigned, signatures=cached)
    fresh = {c.id for c in later} - {c.id for c in early}
    assert set(again.signatures) == fresh | {stale}
    uncached = link_features(later, assigned=assigned)
    assert set(uncached.signatures) == {c.id for c in later}
    assert again.memberships == uncached.memberships
    assert again.contradictions == uncached.contradictions
    assert again.compared == uncached.compared


def test_link_features_later_correction_of_a_figure_is_a_correction() -> None:
    claims = features([northgate(), correction()])
    result = link_features(claims)
    kinds = {(c.kind, c.detail) for c in result.contradictions}
    assert kinds == {("correction", "Ukrainian officials corrects its own earlier report (killed: 12 vs 14)")}
    (c,) = result.contradictions
    assert c.claim_a.startswith("northgate-1") and c.claim_b.startswith("correction-")


def test_link_features_same_revision_without_a_correction_cue_is_a_tally_update() -> None:
    # two days later and dated only by publication: an updated count, not a conflict
    claims = features([northgate(), correction(cue="said")])
    assert link_features(claims).contradictions == []


def test_link_features_correction_cue_on_the_earlier_claim_corrects_nothing() -> None:
    # the correcting report must be the later one: a day apart, the figures just conflict
    claims = features([correction(published="2023-04-19"), northgate()])
    assert [c.kind for c in link_features(claims).contradictions] == ["quantity"]


def test_link_features_later_negated_correction_is_a_correction() -> None:
    from claimledger_link_builders import SHELL_EVENT, UA, Spec, make_article, make_document

    text = "Russian forces shelled a market in Kherson on Tuesday, Ukrainian officials clarified, not a school."
    art = make_article("clarify-1", "Baltic Wire", "2023-04-20", text)
    first = make_document(
        art,
        [Spec("Russian forces shelled a market in Kherson on Tuesday", UA, cue="clarified", event=SHELL_EVENT,
              places=("Kherson",))],
    )
    text2 = "Russian forces did not shell a market in Kherson on Tuesday, Ukrainian officials clarified."
    art2 = make_article("clarify-2", "Baltic Wire", "2023-04-21", text2)
    second = make_document(
        art2,
        [Spec("Russian forces did not shell a market in Kherson on Tuesday", UA, cue="clarified", negated=True,
              event=SHELL_EVENT, places=("Kherson",))],
    )
    (c,) = link_features(features([first, second])).contradictions
    assert c.kind == "correction" and "negates it" in c.detail and c.claim_a.startswith("clarify-1")
