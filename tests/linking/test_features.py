"""Claim features: normalised keys, intervals, times and the denial flag."""

from __future__ import annotations

import math

import pytest
from claimledger_link_builders import Spec, baltic, make_article, make_claim, northgate

from claimledger.linking.features import features_of, name_key, similarity_tokens


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
