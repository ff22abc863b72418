"""Tests for claimledger.nlp.hedges: yardstick bands, longest match, offsets, component."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.errors import InputError
from claimledger.nlp.hedges import HedgeTagger, find_hedges

# The pinned yardsticks, written out independently of hedge_terms.py.
PHIA_CASES = [
    ("remote chance", "remote chance", 0.00, 0.05),
    ("highly unlikely", "highly unlikely", 0.10, 0.20),
    ("unlikely", "unlikely", 0.25, 0.35),
    ("realistic possibility", "realistic possibility", 0.40, 0.50),
    ("likely", "likely", 0.55, 0.75),
    ("probable", "likely", 0.55, 0.75),
    ("highly likely", "highly likely", 0.80, 0.90),
    ("almost certain", "almost certain", 0.95, 1.00),
]
ICD203_CASES = [
    ("almost no chance", "almost no chance", 0.01, 0.05),
    ("remote chance", "almost no chance", 0.01, 0.05),
    ("very unlikely", "very unlikely", 0.05, 0.20),
    ("highly improbable", "very unlikely", 0.05, 0.20),
    ("unlikely", "unlikely", 0.20, 0.45),
    ("improbable", "unlikely", 0.20, 0.45),
    ("roughly even chance", "roughly even chance", 0.45, 0.55),
    ("roughly even odds", "roughly even chance", 0.45, 0.55),
    ("likely", "likely", 0.55, 0.80),
    ("probable", "likely", 0.55, 0.80),
    ("very likely", "very likely", 0.80, 0.95),
    ("highly probable", "very likely", 0.80, 0.95),
    ("almost certain", "almost certain", 0.95, 0.99),
    ("nearly certain", "almost certain", 0.95, 0.99),
]
ICD_ONLY = [
    "very likely",
    "very unlikely",
    "highly improbable",
    "highly probable",
    "roughly even chance",
    "nearly certain",
    "almost no chance",
    "improbable",
]


def _only(text: str, *, scale: str = "PHIA") -> tuple[str, str, str, float | None, float | None]:
    hedges = find_hedges(text, scale=scale)
    assert len(hedges) == 1, hedges
    h = hedges[0]
    return h.text, h.scale, h.band, h.p_low, h.p_high


@pytest.mark.parametrize(("term", "band", "low", "high"), PHIA_CASES)
def test_find_hedges_phia_bands(term: str, band: str, low: float, high: float) -> None:
    text = f"It is {term} that the brigade moved."
    assert _only(text) == (term, "PHIA", band, pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(("term", "band", "low", "high"), ICD203_CASES)
def test_find_hedges_icd203_bands(term: str, band: str, low: float, high: float) -> None:
    text = f"It is {term} that the brigade moved."
    assert _only(text, scale="ICD203") == (term, "ICD203", band, pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("term", ICD_ONLY)
def test_find_hedges_icd_only_terms_use_icd203_by_default(term: str) -> None:
    assert _only(f"We judge it {term}.")[1] == "ICD203"


@pytest.mark.parametrize("term", ["highly likely", "highly unlikely", "realistic possibility"])
def test_find_hedges_phia_only_terms_stay_phia_on_icd_scale(term: str) -> None:
    assert _only(f"It is a {term}.", scale="ICD203")[1] == "PHIA"


@pytest.mark.parametrize(
    ("text", "surface", "band"),
    [
        ("Russia will highly likely attack.", "highly likely", "highly likely"),
        ("That is unlikely to change.", "unlikely", "unlikely"),
        ("Troops will almost certainly move.", "almost certainly", "almost certain"),
        ("They probably left.", "probably", "likely"),
        ("They very probably left.", "very probably", "very likely"),
        ("There is a realistic possibility of strikes.", "There is a realistic possibility",
         "realistic possibility"),
        ("It is a realistic possibility.", "a realistic possibility", "realistic possibility"),
        ("An attack is very unlikely.", "very unlikely", "very unlikely"),
    ],
)  # fmt: skip
def test_find_hedges_longest_match(text: str, surface: str, band: str) -> None:
    found, _, got_band, _, _ = _only(text)
    assert (found, got_band) == (surface, band)


@pytest.mark.parametrize("text", ["HIGHLY LIKELY", "Highly Likely", "highly likely", "hIgHlY lIkElY"])
def test_find_hedges_case_insensitive(text: str) -> None:
    assert _only(f"It is {text}.")[2] == "highly likely"


def test_find_hedges_spans_words_across_whitespace() -> None:
    assert _only("It is highly\n  likely.")[0] == "highly\n  likely"


def test_find_hedges_offsets_exact() -> None:
    text = "Kyiv said it was likely; Moscow allegedly denied it, and it may be unlikely."
    hedges = find_hedges(text)
    assert [h.text for h in hedges] == ["likely", "allegedly", "may", "unlikely"]
    for h in hedges:
        assert text[h.start : h.end] == h.text


@pytest.mark.parametrize(
    ("text", "term", "band", "low", "high"),
    [
        ("He presumably left.", "presumably", "presumed", 0.55, 0.80),
        ("He possibly left.", "possibly", "possible", 0.20, 0.60),
        ("He may leave.", "may", "possible", 0.20, 0.60),
        ("He might leave.", "might", "possible", 0.20, 0.60),
        ("He could leave.", "could", "possible", 0.20, 0.60),
        ("Perhaps he left.", "perhaps", "possible", 0.20, 0.60),
        ("He appears to have left.", "appear to", "presumed", 0.55, 0.80),
        ("He appeared to leave.", "appear to", "presumed", 0.55, 0.80),
        ("They seem to leave.", "seem to", "presumed", 0.55, 0.80),
        ("He is believed to have left.", "believed to", "presumed", 0.55, 0.80),
        ("The data suggests he left.", "suggest", "presumed", 0.55, 0.80),
        ("He reportedly left.", "reportedly", "unverified", None, None),
        ("He allegedly left.", "allegedly", "unverified", None, None),
        ("He purportedly left.", "purportedly", "unverified", None, None),
        ("There is speculation he left.", "speculation", "unverified", None, None),
        ("He is rumoured to have left.", "rumoured", "unverified", None, None),
        ("Unconfirmed reports say he left.", "unconfirmed", "unverified", None, None),
        ("He is perceived as weak.", "perceived as", "unverified", None, None),
        ("An estimated 300 left.", "estimated", "estimate", None, None),
    ],
)
def test_find_hedges_lexical(
    text: str, term: str, band: str, low: float | None, high: float | None
) -> None:
    (h,) = find_hedges(text)
    assert (h.term, h.scale, h.band) == (term, "lexical", band)
    assert (h.p_low, h.p_high) == ((pytest.approx(low), pytest.approx(high)) if low else (None, None))


@pytest.mark.parametrize(
    "text",
    [
        "On 20 May 2023 the brigade moved.",
        "In May the brigade moved.",
        "Russia's military might is large.",
        "They want peace as soon as possible.",
        "It is possible to bend the pins.",
        "Children are unlikelyish.",
        "The remote areas are quiet.",
        "The crew could not see the shore.",
    ],
)
def test_find_hedges_skips_non_hedges(text: str) -> None:
    assert find_hedges(text) == []


def test_find_hedges_could_not_be_ruled_out_is_hedge() -> None:
    assert [h.term for h in find_hedges("A strike could not be ruled out.")] == ["could"]


def test_find_hedges_sentence_initial_may_is_modal() -> None:
    assert [h.term for h in find_hedges("May they be wrong.")] == ["may"]


def test_find_hedges_rejects_unknown_scale() -> None:
    with pytest.raises(InputError, match="ICD203"):
        find_hedges("likely", scale="NATO")


_WORDS = st.sampled_from(
    ["likely", "highly", "un", "May", "may", "might", "military", "possible", "to", "as",
     "realistic", "possibility", "almost", "certainly", " ", "\n", ".", "'", "-", "é"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.lists(_WORDS, max_size=30).map(" ".join)))
def test_find_hedges_random_text_never_crashes(text: str) -> None:
    hedges = find_hedges(text)
    previous_end = 0
    for h in hedges:
        assert text[h.start : h.end] == h.text
        assert h.start >= previous_end
        previous_end = h.end


def test_hedge_tagger_writes_doc_extension() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("claimledger_hedge_tagger", config={"scale": "ICD203"})
    doc = nlp("It is likely and very unlikely.")
    assert [(h.text, h.scale) for h in doc._.cl_hedges] == [
        ("likely", "ICD203"),
        ("very unlikely", "ICD203"),
    ]


def test_hedge_tagger_rejects_unknown_scale() -> None:
    with pytest.raises(InputError):
        HedgeTagger(spacy.blank("en"), "hedges", scale="phia")


@pytest.mark.parametrize(
    ("text", "surface", "term", "band"),
    [
        ("Analysts believe the dam was mined.", "believe", "believe", "belief"),
        ("The general is widely regarded as cautious.", "regarded", "regarded", "belief"),
        ("The raid is seen as a warning.", "seen", "regarded", "belief"),
        ("The strike was considered a war crime.", "considered", "considered", "belief"),
        ("It is considered to be the largest depot.", "considered", "considered", "belief"),
        ("Officials thought that the bridge was intact.", "thought", "think", "belief"),
        ("He was thought of as a moderate.", "thought", "think", "belief"),
        ("They assumed that the convoy had left.", "assumed", "assume", "belief"),
        ("Kyiv expects new deliveries.", "expects", "expect", "belief"),
        ("The idea that talks resume is new.", "idea", "believe", "belief"),
        ("Residents fear that the dam will fail.", "fear", "fear", "belief"),
        ("Moscow accused Kyiv of shelling.", "accused", "accused", "unverified"),
        ("The putative leader fled.", "putative", "purported", "unverified"),
        ("There is no evidence of a second blast.", "no evidence", "no evidence", "uncertain"),
    ],
)  # fmt: skip
def test_find_hedges_belief_and_doxastic_cues(text: str, surface: str, term: str, band: str) -> None:
    (h,) = find_hedges(text)
    assert (h.text, h.term, h.band, h.scale) == (surface, term, band, "lexical")
    assert (h.p_low, h.p_high) == (None, None)
    assert text[h.start : h.end] == h.text


@pytest.mark.parametrize(
    ("text", "head", "term", "band"),
    [
        ("He is believed to have left.", "believed", "believed to", "presumed"),
        ("It is thought the depot burned.", "thought", "it is thought", "presumed"),
        ("The unit appears to have withdrawn.", "appears", "appear to", "presumed"),
        ("Losses are expected to rise.", "expected", "expected to", "presumed"),
        ("The figures imply that losses rose.", "imply", "suggest", "presumed"),
    ],
)
def test_find_hedges_frames_report_head_word(text: str, head: str, term: str, band: str) -> None:
    (h,) = find_hedges(text)
    assert (h.text, h.term, h.band) == (head, term, band)
    assert text[h.start : h.end] == head


@pytest.mark.parametrize(
    "text",
    [
        "Many believe in a quick victory.",
        "The colonel assumed command of the brigade.",
        "The general assumed office in May 2022.",
        "As expected, the vote passed.",
        "She is a highly regarded analyst.",
        "The plan was considered for months.",
        "The proposal is being considered.",
        "Christian thought shaped the debate.",
        "The council considered the bill.",
        "The troops were seen near the border.",
        "It used every possible route.",
        "They reached the highest possible speed.",
        "Many people say it is late.",
    ],
)
def test_find_hedges_skips_non_belief_readings(text: str) -> None:
    assert find_hedges(text) == []


def test_find_hedges_frames_keep_offsets_across_whitespace() -> None:
    text = "Troops are  widely\nbelieved  to have left; the raid was seen\tas a feint."
    hedges = find_hedges(text)
    assert [h.text for h in hedges] == ["believed", "seen"]
    for h in hedges:
        assert text[h.start : h.end] == h.text
