"""The compatibility decision: same proposition, contradiction (polarity, quantity, denial) or unrelated."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claimledger_link_builders import baltic, meridian, meridian_later, northgate, station_reports

from claimledger.linking.compat import compare, shares_words, text_similarity, within_window
from claimledger.linking.features import ClaimFeatures, features_of
from claimledger.model import AnalyzedDocument


def feats(doc: AnalyzedDocument, i: int) -> ClaimFeatures:
    return features_of(doc.claims[i], article=doc.article)


def ng_loss() -> ClaimFeatures:
    return feats(northgate(), 0)


def ng_shelling() -> ClaimFeatures:
    return feats(northgate(), 1)


@pytest.mark.parametrize(
    "other",
    [lambda: feats(meridian(), 0), lambda: feats(baltic(), 0)],
    ids=["meridian-rewording", "baltic-rewording"],
)
def test_compare_rewordings_are_same(other: object) -> None:
    verdict = compare(ng_loss(), other())  # type: ignore[operator]
    assert verdict.relation == "same"


def test_compare_is_symmetric() -> None:
    a, b = ng_loss(), feats(meridian(), 0)
    assert compare(a, b).relation == compare(b, a).relation == "same"


def test_compare_conflicting_casualty_figures_is_quantity_contradiction() -> None:
    verdict = compare(ng_shelling(), feats(meridian(), 1))
    assert (verdict.relation, verdict.kind) == ("contradiction", "quantity")
    assert "12" in (verdict.detail or "") and "30" in (verdict.detail or "")


def test_compare_denial_from_other_source() -> None:
    verdict = compare(ng_shelling(), feats(baltic(), 1))
    assert (verdict.relation, verdict.kind) == ("contradiction", "denial")
    assert "Russian Ministry of Defence" in (verdict.detail or "")


def test_compare_negation_by_same_source_is_polarity() -> None:
    a = ng_shelling()
    negated = replace(a, id="neg", article_id="other", negated=True, denial=False)
    verdict = compare(a, negated)
    assert (verdict.relation, verdict.kind) == ("contradiction", "polarity")


def test_compare_denial_by_same_source_is_polarity() -> None:
    a = ng_shelling()
    own = replace(feats(baltic(), 1), origin=a.origin)
    assert compare(a, own).kind == "polarity"


def test_compare_same_entities_different_figures_kind_unrelated() -> None:
    assert compare(ng_loss(), feats(meridian_later(), 0)).relation == "unrelated"


def test_compare_different_event_type_unrelated() -> None:
    other = replace(feats(meridian(), 0), event_type="RETREAT")
    assert compare(ng_loss(), other).relation == "unrelated"


def test_compare_explicit_times_apart_unrelated() -> None:
    a = ng_loss()
    later = replace(feats(meridian(), 0), time=(a.time[0] + 10, a.time[1] + 10))  # type: ignore[index]
    assert compare(a, later).relation == "unrelated"


def test_compare_different_towns_unrelated() -> None:
    other = replace(feats(meridian(), 0), places=frozenset({"avdiivka"}))
    assert compare(ng_loss(), other).relation == "unrelated"


def test_compare_nested_spans_in_one_article_unrelated() -> None:
    a = ng_loss()
    inner = replace(a, id="inner", start=a.start + 1, negated=True)
    assert compare(a, inner).relation == "unrelated"


def test_compare_questions_are_not_linked() -> None:
    other = replace(feats(meridian(), 0), modality="question")
    assert compare(ng_loss(), other).relation == "unrelated"


def test_compare_untyped_needs_near_verbatim_text() -> None:
    a = replace(feats(meridian(), 0), event_type=None)
    b = replace(feats(baltic(), 0), event_type=None)
    assert compare(replace(a, event_type="ASSAULT"), replace(b, event_type="ASSAULT")).relation == "same"
    assert compare(a, b).relation == "unrelated"
    assert compare(a, replace(a, id="copy", article_id="copy")).relation == "same"


@pytest.mark.parametrize(("days", "compared"), [(0, True), (30, True), (31, False)])
def test_within_window_thirty_days(days: int, compared: bool) -> None:
    a = ng_loss()
    b = replace(a, time=(a.time[1] + days, a.time[1] + days))  # type: ignore[index]
    assert within_window(a, b) is compared


def test_within_window_undated_claims_are_compared() -> None:
    a = ng_loss()
    assert within_window(replace(a, time=None), a)


@pytest.mark.parametrize(
    "cue", ["The toll rises to", "As of 09:00,", "Since the beginning of this day,", "Since beginning of day,", "Casualties climbed to"]
)
def test_compare_tally_update_figures_are_not_a_contradiction(cue: str) -> None:
    a = ng_shelling()
    b = feats(meridian(), 1)
    updated = replace(b, text=f"{cue} {b.text}")
    verdict = compare(a, updated)
    assert verdict.relation != "contradiction"
    # without the cue the same pair still conflicts
    assert compare(a, b).kind == "quantity"


@pytest.mark.parametrize("cue", ["I will never forget that", "We can't imagine that", "I don't know why"])
def test_compare_negated_attitude_verb_is_not_polarity(cue: str) -> None:
    a = ng_shelling()
    negated = replace(a, id="neg", article_id="other", text=f"{cue} {a.text}", negated=True, denial=False)
    verdict = compare(a, negated)
    assert verdict.relation != "contradiction"


def _all_fixture_claims() -> list[ClaimFeatures]:
    from claimledger_link_builders import story

    return [features_of(c, article=d.article) for d in story() for c in d.claims]


def test_shares_words_is_the_text_gate_of_compare() -> None:
    """compare() stops at once for pairs failing shares_words: every such pair must be one the
    full comparison would call unrelated (a zero text score), and every pair passing it must have
    a text score."""
    claims = _all_fixture_claims()
    passed = failed = 0
    for a in claims:
        for b in claims:
            if a is b:
                continue
            if shares_words(a, b):
                passed += 1
                assert text_similarity(a, b) > 0
            else:
                failed += 1
                assert text_similarity(a, b) == 0
                assert compare(a, b).relation == "unrelated"
    assert passed and failed


def test_token_set_follows_replaced_tokens() -> None:
    c = ng_loss()
    assert c.token_set == frozenset(c.tokens)
    d = replace(c, tokens=("only", "these"))
    assert d.token_set == {"only", "these"}


# -- who did it ---------------------------------------------------------------------------


def _station() -> tuple[list[ClaimFeatures], list[ClaimFeatures]]:
    ua, ru = station_reports()
    return [feats(ua, i) for i in range(len(ua.claims))], [feats(ru, i) for i in range(len(ru.claims))]


def test_compare_doers_of_two_sides_is_responsibility_contradiction() -> None:
    (ua_strike, _), (ru_strike, *_) = _station()
    assert ua_strike.doer_sides == {"Russian"} and ru_strike.doer_sides == {"Ukrainian"}
    verdict = compare(ua_strike, ru_strike)
    assert (verdict.relation, verdict.kind) == ("contradiction", "responsibility")
    assert verdict.detail == (
        "Ukrainian officials says the Russian side did it, Russian Ministry of Defence the Ukrainian"
    )
    assert compare(ru_strike, ua_strike).kind == "responsibility"
    # the same two reports with their doers' sides removed are one proposition
    plain = compare(replace(ua_strike, doer_sides=frozenset()), ru_strike)
    assert plain.relation == "same"


def test_compare_doers_of_one_side_named_differently_are_same() -> None:
    (ua_strike, _), _ = _station()
    russia = replace(ua_strike, id="other", article_id="other", doer_sides=frozenset({"Russian"}))
    assert compare(ua_strike, russia).relation == "same"


def test_compare_mirrored_acts_are_unrelated_not_disputed() -> None:
    (_, ua_shelling), (_, ru_shelling, _) = _station()
    assert ua_shelling.target_sides == {"Russian"}
    verdict = compare(ua_shelling, ru_shelling)
    assert verdict.relation == "unrelated"
    # without the targets' sides the two would read as a dispute over one act
    untargeted = compare(replace(ua_shelling, target_sides=frozenset()), replace(ru_shelling, target_sides=frozenset()))
    assert untargeted.kind == "responsibility"


def test_compare_negated_doer_beside_other_doer_is_no_contradiction() -> None:
    (ua_strike, _), (ru_strike, _, ru_denial) = _station()
    # "Russian missiles did not hit it" agrees with "a Ukrainian missile hit it"
    assert compare(ru_strike, ru_denial).relation == "unrelated"
    # and contradicts "Russian missiles hit it" (one side, opposite polarity)
    assert compare(ua_strike, ru_denial).relation == "contradiction"
    assert compare(ua_strike, ru_denial).kind != "responsibility"


def test_accusation_doers_are_the_accused() -> None:
    from claimledger.linking.features import event_sides

    kyiv = {"type": "ACCUSE", "actors": ["Kyiv"], "targets": ["Moscow"]}
    moscow = {"type": "ACCUSE", "actors": ["the Kremlin"], "targets": ["Ukraine's Armed Forces"]}
    assert event_sides(kyiv) == (frozenset({"Russian"}), frozenset())
    assert event_sides(moscow) == (frozenset({"Ukrainian"}), frozenset())
    assert event_sides({"type": "ASSAULT", "actors": ["Ukrainians"], "targets": ["the police"]}) == (
        frozenset({"Ukrainian"}),
        frozenset(),
    )


# -- tallies and daily counts ---------------------------------------------------------------


def _next_day(c: ClaimFeatures, **changes: object) -> ClaimFeatures:
    """``c`` as published a day later (times from that publication day, not its own)."""
    day = c.time[0] + 1  # type: ignore[index]
    return replace(c, id=f"{c.id}-next", article_id=f"{c.article_id}-next", published="2023-04-21",
                   time=(day, day), explicit_time=False, order=("2023-04-21", *c.order[1:]),
                   **changes)  # type: ignore[arg-type]


def test_compare_one_source_raising_its_own_tally_next_day_is_an_update() -> None:
    a = replace(ng_shelling(), explicit_time=False)
    b = feats(meridian(), 1)  # 30 killed, from another origin
    assert compare(a, b).kind == "quantity"  # the same day: the figures conflict
    # the same source's higher figure a day later ("362 children died", then "363"): an update
    assert compare(a, _next_day(b, origin=a.origin)).relation != "contradiction"
    # a tally does not shrink: the same source's lower figure a day later still conflicts
    lower = replace(a, quantities={"killed": ((30.0, 30.0),)})
    assert compare(lower, _next_day(a)).kind == "quantity"
    # nor is another source's figure of the next day an update of this one
    assert compare(a, _next_day(b)).kind == "quantity"


def test_compare_daily_counts_of_different_days_are_not_a_contradiction() -> None:
    a = replace(ng_shelling(), explicit_time=False)
    b = feats(meridian(), 1)
    daily = replace(b, text=f"{b.text} over the past day")
    assert compare(a, daily).kind == "quantity"  # one day's counts that differ
    # "killed 1 civilian per day" and, a day later, "killed three civilians yesterday"
    assert compare(a, _next_day(daily)).relation != "contradiction"
    assert compare(a, _next_day(b)).kind == "quantity"  # without the daily wording, they conflict
