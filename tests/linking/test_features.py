"""Claim features: normalised keys, intervals, times and the denial flag."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pytest
from claimledger_link_builders import Spec, baltic, make_article, make_claim, northgate

from claimledger.linking.features import (
    evolve,
    features_from_json,
    features_of,
    features_to_json,
    name_key,
    similarity_tokens,
    with_unit,
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The  Kremlin", "kremlin"),
        ("Russia's", "russia"),
        ("UK Ministry of Defence", "uk ministry of defence"),
    ],
)
def test_name_key_normalises(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russian forces shelled Kherson", "Russia's forces were shelling Kherson"),
        ("did not attack", "attacked"),
    ],
)
def test_similarity_tokens_match_inflections_and_ignore_negation(a: str, b: str) -> None:
    assert set(similarity_tokens(a)) == set(similarity_tokens(b))


def test_features_of_claim_model_and_dict_agree() -> None:
    doc = northgate()
    claim = doc.claims[0]
    from_model = features_of(claim, article=doc.article)
    from_dict = features_of({**claim.to_dict(), "article": doc.article.to_dict()})
    assert from_model == from_dict


def test_features_of_open_bound_is_open() -> None:
    doc = northgate()
    f = features_of(doc.claims[0], article=doc.article)
    (interval,) = f.quantities["personnel"]
    assert interval[0] == 1000 and math.isinf(interval[1])


def test_features_of_exact_figure_is_a_point_and_unit_free_category() -> None:
    doc = northgate()
    f = features_of(doc.claims[1], article=doc.article)
    assert f.quantities == {"killed": ((12.0, 12.0),)}


def test_features_of_denial_needs_negation_and_deny_cue() -> None:
    doc = baltic()
    loss, denial = (features_of(c, article=doc.article) for c in doc.claims)
    assert denial.denial and denial.negated
    assert not loss.denial


def test_features_of_time_falls_back_to_published_date() -> None:
    doc = baltic()
    f = features_of(doc.claims[0], article=doc.article)
    assert f.time is not None and not f.explicit_time
    assert f.time[0] == f.time[1]


def test_features_of_explicit_time_from_claim_times() -> None:
    doc = northgate()
    f = features_of(doc.claims[0], article=doc.article)
    assert f.explicit_time and f.time is not None and f.time[1] - f.time[0] == 3


def test_features_of_leaves_out_countries() -> None:
    art = make_article("x", "Wire", "2023-01-01", "Officials said Russia attacked Kyiv.")
    claim = make_claim(art, Spec("Russia attacked Kyiv", ("Officials", "government"), places=("Kyiv",)))
    data = claim.to_dict()
    data["places"].append({"name": "Russia", "text": "Russia", "kind": "country"})
    f = features_of(data, article=art)
    assert f.places == frozenset({"kyiv"})


def test_features_of_unit_defaults_to_article() -> None:
    doc = northgate()
    assert features_of(doc.claims[0], article=doc.article).unit == doc.article.id
    assert features_of(doc.claims[0], article=doc.article, unit="d1").unit == "d1"


def test_features_of_outlet_voice_in_copy_has_group_origin() -> None:
    art = make_article("copy", "Lakeside Herald", "2023-04-21", "The town is under fire.")
    claim = make_claim(art, Spec("The town is under fire", ("Lakeside Herald", "media"), cue=None))
    assert features_of(claim, article=art, unit="d1").origin == "copy:d1"
    assert features_of(claim, article=art).origin == "lakeside herald"


# -- the store's cache of features (incremental linking) -----------------------------


def story_pairs() -> list[tuple[Any, Any]]:
    from claimledger_link_builders import station_reports, story

    return [(d.article, c) for d in [*story(), *station_reports()] for c in d.claims]


def test_features_json_round_trip_equals_features_of() -> None:
    pairs = story_pairs()
    bounds = set()
    for art, claim in pairs:
        f = features_of(claim, article=art)
        back = features_from_json(features_to_json(f), claim_id=f.id, article_id=f.article_id, text=f.text)
        assert back == f
        assert back.token_set == f.token_set
        bounds.update(b for ivs in f.quantities.values() for iv in ivs for b in iv)
    # the story exercises the awkward values: an open bound ("at least 1,000")
    assert math.inf in bounds
    # and the doers' and targets' sides
    sides = [features_of(c, article=a) for a, c in pairs]
    assert {"Russian", "Ukrainian"} <= set().union(*(f.doer_sides for f in sides))
    assert any(f.target_sides for f in sides)


def test_features_json_keeps_none_time_and_published() -> None:
    art = make_article("undated", "Lakeside Herald", None, "The town is under fire.")
    claim = make_claim(art, Spec("The town is under fire", ("Lakeside Herald", "media"), cue=None))
    f = features_of(claim, article=art)
    assert f.time is None and f.published is None
    assert features_from_json(features_to_json(f), claim_id=f.id, article_id=f.article_id, text=f.text) == f


@pytest.mark.parametrize(
    "data",
    ["", "not json", "[1, 2]", '{"start": 0}', "null", '["x", 1, null, null, "a", [], false, false, "asserted", '
     'null, [], [], [], {}, null, false, false]', '[0, 1, null, null, "a", [], false, false, "asserted", null, 5, '
     '[], [], {}, null, false, false]'],
)
def test_features_from_json_rejects_malformed_rows(data: str) -> None:
    with pytest.raises(ValueError, match="cached claim-features row"):
        features_from_json(data, claim_id="c", article_id="a", text="t")


def test_with_unit_matches_features_of_with_unit() -> None:
    art = make_article("copy", "Lakeside Herald", "2023-04-21", "The town is under fire.")
    claim = make_claim(art, Spec("The town is under fire", ("Lakeside Herald", "media"), cue=None))
    base = features_of(claim, article=art)
    grouped = with_unit(base, "d1")
    assert grouped == features_of(claim, article=art, unit="d1")
    assert grouped.origin == "copy:d1" and grouped.unit == "d1"
    # and back: the claim's own article again
    assert with_unit(grouped, None) == base
    assert with_unit(base, None) is base


def test_evolve_equals_dataclasses_replace() -> None:
    f = features_of(northgate().claims[0], article=northgate().article)
    changed = evolve(f, tokens=("troop", "lost"), unit="g")
    assert changed == dataclasses.replace(f, tokens=("troop", "lost"), unit="g")
    assert changed.token_set == frozenset({"troop", "lost"})
    assert evolve(f, unit="g").token_set is f.token_set


@pytest.mark.parametrize(
    ("sentence", "cue", "corrects"),
    [
        ("The ministry corrected its figure, saying 12 people were killed.", "corrected", True),
        ("Officials later revised the death toll to 12.", None, True),
        ("The agency lowered its earlier estimate to 500 troops.", None, True),
        ("An earlier version of this article said 30 people were killed.", None, True),
        ("The revised document reflects geopolitical change.", None, False),
        ("All the details of each missile attack will be clarified, Zelensky said.", "said", False),
        ("Officials said 12 people were killed.", "said", False),
        ("The toll was revised downward to 12 people killed.", None, True),
        ("The doctrine was revised in 2022 after 12 people were killed.", None, False),
    ],
)
def test_features_of_flags_corrections(sentence: str, cue: str | None, corrects: bool) -> None:
    art = make_article("c1", "Lakeside Herald", "2023-04-21", sentence)
    content = "12 people were killed" if "12" in sentence else sentence.split(" ", 1)[1].rstrip(".")
    content = content if content in sentence else sentence.rstrip(".")
    claim = make_claim(art, Spec(content, ("Ukrainian officials", "government"), cue=cue))
    f = features_of(claim, article=art)
    assert f.correction is corrects
    back = features_from_json(features_to_json(f), claim_id=f.id, article_id=f.article_id, text=f.text)
    assert back.correction is corrects
