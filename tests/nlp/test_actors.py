from __future__ import annotations

import pytest

from claimledger.nlp.actors import lookup_actor


@pytest.mark.parametrize(
    "phrase,name,kind",
    [
        ("MoD", "UK Ministry of Defence", "government"),
        ("the Ministry of Defence", "UK Ministry of Defence", "government"),
        ("UK intelligence", "UK Ministry of Defence", "government"),
        ("the latest UK intelligence", "UK Ministry of Defence", "government"),
        ("Defence Intelligence", "UK Ministry of Defence", "government"),
        ("the Kremlin", "Russian government", "government"),
        ("The Pentagon", "US Department of Defense", "military"),
        ("Zelensky", "Volodymyr Zelenskyy", "person"),
        ("Russia's defence ministry", "Russian Ministry of Defence", "military"),
    ],
)
def test_lookup_actor_canonical(phrase: str, name: str, kind: str) -> None:
    actor = lookup_actor(phrase)
    assert actor is not None
    assert (actor.name, actor.kind) == (name, kind)


@pytest.mark.parametrize("phrase", ["the weather", "a cat", ""])
def test_lookup_actor_unknown_is_none(phrase: str) -> None:
    assert lookup_actor(phrase) is None


def test_lookup_actor_kremlin_spelling_of_zelenskyy() -> None:
    actor = lookup_actor("Vladimir Zelensky")
    assert actor is not None and actor.name == "Volodymyr Zelenskyy"


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("Russia", "Russian"),
        ("the Kremlin", "Russian"),
        ("Russian forces", "Russian"),
        ("Russians", "Russian"),
        ("Putin", "Russian"),
        ("Ukrainians", "Ukrainian"),
        ("Ukraine's Armed Forces", "Ukrainian"),
        ("Ukraine’s Armed Forces", "Ukrainian"),
        ("Zelensky", "Ukrainian"),
        ("Kyiv", "Ukrainian"),
        ("the Pentagon", "US"),
        ("the latest UK intelligence", "UK"),
        ("Israel", "Israeli"),
        ("the police", None),
        ("occupiers", None),
        ("", None),
    ],
)
def test_side_of_names(name: str, side: str | None) -> None:
    from claimledger.nlp.lang.en.sources import side_of

    assert side_of(name) == side
